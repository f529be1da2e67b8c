using System.Security.Cryptography;
using System.Text;

namespace Graph.Web.Security;

/// <summary>What a request's <c>Authorization</c> header says about the API token.</summary>
internal enum Credentials
{
    /// <summary>No Authorization header.</summary>
    None,

    /// <summary>The configured token, in one of the accepted forms.</summary>
    Valid,

    /// <summary>An Authorization header that does not carry the configured token.</summary>
    Invalid,
}

/// <summary>
/// Checks the API token in constant time, in the forms Neo4j's clients send it: <c>Bearer &lt;token&gt;</c>,
/// <c>Bearer base64(token)</c> (Neo4j's Query API client encodes a bearer token) and
/// <c>Basic base64(user:token)</c> with the configured <see cref="AccessOptions.ApiUser"/> (drivers that know only
/// user and password).
/// </summary>
internal static class BearerToken
{
    public static bool IsPresented(HttpContext context, AccessOptions options) => Check(context, options) == Credentials.Valid;

    public static Credentials Check(HttpContext context, AccessOptions options)
    {
        var header = context.Request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0) return Credentials.None;
        if (!options.TokenConfigured) return Credentials.Invalid;
        var expected = Encoding.UTF8.GetBytes(options.ApiToken!.Trim());
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0) return Credentials.Invalid;
        var scheme = header[..space];
        var value = header[(space + 1)..].Trim();
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            var raw = Encoding.UTF8.GetBytes(value);
            var decoded = Decode(value);
            // Both forms are compared, always, so that the time taken does not tell which one was tried.
            var matchesRaw = CryptographicOperations.FixedTimeEquals(raw, expected);
            var matchesDecoded = decoded is not null && CryptographicOperations.FixedTimeEquals(decoded, expected);
            return matchesRaw | matchesDecoded ? Credentials.Valid : Credentials.Invalid;
        }
        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && Decode(value) is { } pair)
        {
            var colon = Array.IndexOf(pair, (byte)':');
            if (colon < 0) return Credentials.Invalid;
            var userMatches = CryptographicOperations.FixedTimeEquals(pair.AsSpan(0, colon), Encoding.UTF8.GetBytes(options.ApiUser));
            var tokenMatches = CryptographicOperations.FixedTimeEquals(pair.AsSpan(colon + 1), expected);
            return userMatches & tokenMatches ? Credentials.Valid : Credentials.Invalid;
        }
        return Credentials.Invalid;
    }

    private static byte[]? Decode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>The answer for a request that needs the token: 403 when none is configured (the feature is off), 401 when it is missing or wrong.</summary>
    public static IResult Refusal(HttpContext context, AccessOptions options, string what)
    {
        var onQueryApi = context.Request.Path.StartsWithSegments("/db");
        if (!options.TokenConfigured)
        {
            var detail = $"This server is read-only: {what.ToLowerInvariant()} needs an API token, and none is configured. Start it with Graph:ApiToken set (or the GRAPH_API_TOKEN environment variable) to enable it.";
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: $"{what} is disabled on this server", detail: detail,
                extensions: onQueryApi ? Endpoints.Neo4jErrors.Extension("Neo.ClientError.Security.Forbidden", detail) : null);
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        var missing = $"Send the server's API token as 'Authorization: Bearer <token>' (or Basic auth as user '{options.ApiUser}' with the token as password).";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"{what} needs the API token", detail: missing,
            extensions: onQueryApi ? Endpoints.Neo4jErrors.Extension("Neo.ClientError.Security.Unauthorized", missing) : null);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Graph.Web.Security;

/// <summary>Checks the <c>Authorization: Bearer …</c> header against the configured token in constant time.</summary>
internal static class BearerToken
{
    public static bool IsPresented(HttpContext context, AccessOptions options)
    {
        if (!options.TokenConfigured) return false;
        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var presented = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(options.ApiToken!.Trim());
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }

    /// <summary>The answer for a request that needs the token: 403 when none is configured (the feature is off), 401 when it is missing or wrong.</summary>
    public static IResult Refusal(HttpContext context, AccessOptions options, string what)
    {
        if (!options.TokenConfigured)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: $"{what} is disabled on this server",
                detail: $"This server is read-only: {what.ToLowerInvariant()} needs an API token, and none is configured. Start it with Graph:ApiToken set (or the GRAPH_API_TOKEN environment variable) to enable it.");
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"{what} needs the API token",
            detail: "Send the server's API token as 'Authorization: Bearer <token>'.");
    }
}

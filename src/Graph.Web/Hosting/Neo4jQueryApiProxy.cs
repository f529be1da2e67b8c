using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Graph.Neo4j.QueryApi;
using Microsoft.Extensions.Options;

namespace Graph.Web.Hosting;

/// <summary>
/// With Neo4j as the store, <c>/db/{db}/query/v2</c> (and its <c>/tx</c> endpoints) are relayed to Neo4j
/// with the server's credentials, so the Cypher console and any Query API client query Neo4j itself. Unless
/// <c>Graph:AllowWrites</c> is on, requests that open a transaction are sent with <c>accessMode: Read</c>, and
/// Neo4j refuses writes in them, as the embedded endpoint does.
/// </summary>
internal sealed partial class Neo4jQueryApiProxy(QueryApiClient client, IOptions<GraphOptions> options, ILogger<Neo4jQueryApiProxy> logger)
{
    [GeneratedRegex("^/db/(?<db>[^/]+)/query/v2(?<suffix>/tx(/[^/]+(/commit)?)?)?/?$", RegexOptions.CultureInvariant)]
    private static partial Regex QueryApiPath();

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var match = QueryApiPath().Match(context.Request.Path.Value ?? "");
        if (!match.Success)
        {
            await next().ConfigureAwait(false);
            return;
        }

        var settings = options.Value;
        var database = match.Groups["db"].Value;
        if (database != settings.Database && database != client.Options.Database)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "Neo.ClientError.Database.DatabaseNotFound",
                $"There is no database '{database}'. This server's database is '{client.Options.Database}': POST /db/{client.Options.Database}/query/v2.").ConfigureAwait(false);
            return;
        }
        var suffix = match.Groups["suffix"].Value;
        var method = new HttpMethod(context.Request.Method);
        var isRollback = method == HttpMethod.Delete && suffix.StartsWith("/tx/", StringComparison.Ordinal) && !suffix.EndsWith("/commit", StringComparison.Ordinal);
        if (method != HttpMethod.Post && !isRollback)
        {
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "Neo.ClientError.Request.Invalid",
                "The Query API takes POST (and DELETE to roll back a transaction).").ConfigureAwait(false);
            return;
        }

        byte[]? body = null;
        if (method == HttpMethod.Post)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
            // Transactions take their access mode when they open: an implicit query or a new explicit one.
            if (!settings.AllowWrites && (suffix.Length == 0 || suffix == "/tx")) body = ReadOnly(body);
        }

        try
        {
            var answer = await client.ForwardAsync(
                method, suffix, body, context.Request.ContentType, context.Request.Headers.Accept.ToString(),
                context.Request.Headers[QueryApiClient.AffinityHeader].FirstOrDefault(), context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = answer.Status;
            if (answer.ContentType is not null) context.Response.ContentType = answer.ContentType;
            if (answer.Affinity is not null) context.Response.Headers[QueryApiClient.AffinityHeader] = answer.Affinity;
            await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (QueryApiUnavailableException e)
        {
            LogUnavailable(e.Message);
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "Neo.TransientError.General.DatabaseUnavailable", e.Message).ConfigureAwait(false);
        }
        catch (QueryApiTimeoutException e)
        {
            // Not a transient error: Neo4j may still be running the statement, so a client must not simply send it again.
            LogUnavailable(e.Message);
            await WriteErrorAsync(context, StatusCodes.Status504GatewayTimeout, "Neo.ClientError.Transaction.TransactionTimedOut", e.Message).ConfigureAwait(false);
        }
    }

    /// <summary>The request with <c>accessMode</c> set to Read; a body that is not a JSON object goes as it is, for Neo4j to refuse.</summary>
    internal static byte[] ReadOnly(byte[] body)
    {
        try
        {
            if (JsonNode.Parse(body.Length == 0 ? "{}"u8 : body) is not JsonObject request) return body;
            request["accessMode"] = "Read";
            return JsonSerializer.SerializeToUtf8Bytes(request);
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        Results.Problem(detail: message, statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = new[] { new Dictionary<string, object?> { ["code"] = code, ["message"] = message } } })
            .ExecuteAsync(context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Query API request not relayed: {Reason}")]
    private partial void LogUnavailable(string reason);

    /// <summary>Puts the relay in front of the application's pipeline, before routing, so it owns these paths.</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var proxy = app.ApplicationServices.GetRequiredService<Neo4jQueryApiProxy>();
            app.Use((context, nextMiddleware) => proxy.InvokeAsync(context, () => nextMiddleware(context)));
            next(app);
        };
    }
}

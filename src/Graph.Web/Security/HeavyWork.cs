using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Graph.Web.Hosting;

namespace Graph.Web.Security;

/// <summary>
/// Admission of heavy requests (Cypher on the Query API, whole-graph exports): one client may run
/// <see cref="AccessOptions.HeavyRequestsPerClient"/> at once and queue <see cref="AccessOptions.HeavyQueuePerClient"/>
/// more (429 beyond), the server runs <see cref="AccessOptions.EffectiveHeavyRequests"/> at once and queues
/// <see cref="AccessOptions.HeavyQueue"/> (503 beyond), and no heavy request starts while memory is near the
/// ceiling (503). The explorer's cheap endpoints and /health are never queued behind them.
/// </summary>
internal sealed class HeavyWork
{
    /// <summary>What a refused client is told to wait: a heavy request usually takes a few seconds.</summary>
    public const int RetryAfterBusySeconds = 2;

    public const int RetryAfterMemorySeconds = 10;

    private readonly int _clientQueue;

    public HeavyWork(AccessOptions options)
    {
        _clientQueue = Math.Max(0, options.HeavyQueuePerClient);
        PerClient = PartitionedRateLimiter.Create<HttpContext, string>(context => !IsHeavy(context)
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetConcurrencyLimiter(ClientOf(context, options), _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = Math.Max(1, options.HeavyRequestsPerClient),
                QueueLimit = _clientQueue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
        Server = PartitionedRateLimiter.Create<HttpContext, string>(context => !IsHeavy(context)
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetConcurrencyLimiter("server", _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = options.EffectiveHeavyRequests,
                QueueLimit = Math.Max(0, options.HeavyQueue),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
    }

    public PartitionedRateLimiter<HttpContext> PerClient { get; }

    public PartitionedRateLimiter<HttpContext> Server { get; }

    public static bool IsHeavy(HttpContext context)
    {
        var request = context.Request;
        return (request.Path.StartsWithSegments("/db") && HttpMethods.IsPost(request.Method))
            || request.Path.StartsWithSegments("/api/export");
    }

    /// <summary>The client's address; the token's bearer is a client of its own, so anonymous load cannot queue it out.</summary>
    public static string ClientOf(HttpContext context, AccessOptions options) =>
        (context.Connection.RemoteIpAddress ?? IPAddress.None) + (BearerToken.IsPresented(context, options) ? "+token" : "");

    /// <summary>Whether this client's own queue is what refused the request (429), rather than the server's (503).</summary>
    public bool ClientIsFull(HttpContext context) =>
        PerClient.GetStatistics(context) is { CurrentAvailablePermits: 0 } statistics
        && statistics.CurrentQueuedCount >= _clientQueue;

    /// <summary>A refusal every client understands: a ProblemDetails that on the Query API also carries Neo4j's <c>errors</c> array.</summary>
    public static Task RefuseAsync(HttpContext context, int status, int retryAfterSeconds, string title, string detail, string neo4jCode)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var extensions = new Dictionary<string, object?>();
        if (context.Request.Path.StartsWithSegments("/db"))
            extensions["errors"] = new[] { new Dictionary<string, object?> { ["code"] = neo4jCode, ["message"] = detail } };
        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions).ExecuteAsync(context);
    }

    /// <summary>Refuses heavy work while the process is near its memory ceiling.</summary>
    public static IApplicationBuilder UseMemoryGuard(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsHeavy(context) && context.RequestServices.GetRequiredService<MemoryCeiling>().IsNear())
            {
                await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, RetryAfterMemorySeconds,
                    "The server is short of memory",
                    "The server is close to its memory ceiling and starts no new query or export until running ones finish. Try again shortly.",
                    "Neo.TransientError.General.MemoryPoolOutOfMemoryError");
                return;
            }
            await next(context);
        });
}

using System.Net;
using System.Threading.RateLimiting;
using Graph.Cypher;
using Graph.Store.Embedded;
using Graph.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Graph.Web.Security;

/// <summary>
/// Access control for the explorer's server: the API token (ingest, upload and Cypher writes), read-only
/// Cypher for everyone else, request size limits and per-client rate limiting.
/// </summary>
public static class GraphSecurity
{
    public static IServiceCollection AddGraphSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccessOptions>(configuration.GetSection(GraphOptions.Section));
        services.PostConfigure<AccessOptions>(options =>
        {
            if (!options.TokenConfigured && configuration["GRAPH_API_TOKEN"] is { Length: > 0 } token) options.ApiToken = token;
        });
        // The graph's own engine may write only when someone may: the token's bearer, or everyone when opened explicitly.
        services.AddOptions<GraphOptions>().PostConfigure<IOptions<AccessOptions>>((graph, access) =>
            graph.AllowWrites = access.Value.AllowWrites || access.Value.TokenConfigured);
        services.AddHttpContextAccessor();
        services.AddSingleton(provider => new QueryEngine(PickEngine(provider), provider.GetRequiredService<WriterPriority>()));
        services.AddSingleton(provider => new HeavyWork(provider.GetRequiredService<IOptions<AccessOptions>>().Value));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) => new ValueTask(RefuseAsync(rejected.HttpContext, rejected.Lease));
        });
        // Global, so that every API endpoint is covered wherever it is mapped; the UI's static files are not limited.
        // The request rate of a client first, then its heavy requests, then the server's.
        services.AddOptions<RateLimiterOptions>().Configure<HeavyWork>((limiter, heavy) =>
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(RequestRate(), heavy.PerClient, heavy.Server));
        return services;
    }

    private static PartitionedRateLimiter<HttpContext> RequestRate() =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;
            var isApi = context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/db");
            if (!isApi || options.RateLimitPermits <= 0) return RateLimitPartition.GetNoLimiter("unlimited");
            var client = (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.RateLimitPermits,
                Window = TimeSpan.FromSeconds(Math.Max(1, options.RateLimitWindowSeconds)),
                QueueLimit = 0,
            });
        });

    /// <summary>
    /// Says which limit refused the request: the request rate (429, Retry-After the window), the client's heavy
    /// requests (429) or the server's (503).
    /// </summary>
    private static Task RefuseAsync(HttpContext context, RateLimitLease lease)
    {
        var access = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;
        if (!HeavyWork.IsHeavy(context) || lease.TryGetMetadata(MetadataName.RetryAfter, out _))
        {
            var window = access.RateLimitWindowSeconds;
            return HeavyWork.RefuseAsync(context, StatusCodes.Status429TooManyRequests, window, "Too many requests",
                $"This client sent more requests than the server allows per {window} s. Wait and try again.",
                "Neo.ClientError.Request.ResourceExhaustion");
        }
        if (context.RequestServices.GetRequiredService<HeavyWork>().ClientIsFull(context))
        {
            return HeavyWork.RefuseAsync(context, StatusCodes.Status429TooManyRequests, HeavyWork.RetryAfterBusySeconds, "Too many queries at once",
                $"This client already has {access.HeavyRequestsPerClient} queries or exports running and {access.HeavyQueuePerClient} waiting. Wait for them, then try again.",
                "Neo.TransientError.Request.ResourceExhaustion");
        }
        return HeavyWork.RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, HeavyWork.RetryAfterBusySeconds, "The server is busy",
            $"The server is running {access.EffectiveHeavyRequests} queries or exports and {access.HeavyQueue} more are waiting. Try again shortly.",
            "Neo.TransientError.Request.ResourceExhaustion");
    }

    /// <summary>Size limits and the write check before the endpoints, and rate limiting of the API (not of the UI's files).</summary>
    public static WebApplication UseGraphSecurity(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<IOptions<AccessOptions>>().Value;
        if (access.AllowWrites)
            app.Logger.LogWarning("Graph:AllowWrites is on: anyone who reaches this server can change the graph. Configure Graph:ApiToken instead on a shared server.");
        app.UseRateLimiter();
        HeavyWork.UseMemoryGuard(app);
        app.UseRequestGuard();
        return app;
    }

    /// <summary>
    /// The engine a Query API request runs on: the graph's own (writable when writes are allowed) for the
    /// token's bearer or on an open server, a read-only one over the same graph for everyone else.
    /// </summary>
    private static Func<CypherEngine?> PickEngine(IServiceProvider provider)
    {
        CypherEngine? readOnly = null;
        return () =>
        {
            var host = provider.GetRequiredService<GraphHost>();
            var own = host.Cypher;
            var access = provider.GetRequiredService<IOptions<AccessOptions>>().Value;
            var context = provider.GetRequiredService<IHttpContextAccessor>().HttpContext;
            if (own is null || access.AllowWrites || (context is not null && BearerToken.IsPresented(context, access))) return own;
            if (readOnly is null && host.Services.Store is EmbeddedGraphStore embedded)
            {
                var settings = provider.GetRequiredService<IOptions<GraphOptions>>().Value;
                readOnly = new CypherEngine(embedded.Graph, new CypherOptions
                {
                    ReadOnly = true,
                    MaxRows = settings.MaxQueryRows,
                    Timeout = TimeSpan.FromSeconds(access.MaxQuerySeconds),
                });
            }
            return readOnly ?? own;
        };
    }
}

using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Graph.Sources;

/// <summary>
/// The one <see cref="HttpClient"/> through which every request to the UN goes, so that the politeness rules hold
/// across the ODS and the library: at most <see cref="SourceOptions.MaxConcurrentRequests"/> in flight, retries with
/// exponential back-off on 408, 429, 5xx, connection failures and timeouts, honouring Retry-After, a per-attempt
/// timeout, redirects followed, and a User-Agent that names the project.
/// </summary>
public static class SourceHttp
{
    public static HttpClient CreateClient(SourceOptions options)
    {
        // Retry outermost so a back-off does not hold one of the concurrency permits; the limiter sits inside it and
        // queues rather than rejects; the timeout bounds each attempt. A redirect is followed by the socket handler
        // under the same permit, so a 302 and its file never count as two requests at once.
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
            })
            .AddConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = options.MaxConcurrentRequests,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = options.MaxConcurrentRequests,
        };
        var client = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = sockets })
        {
            // The per-attempt timeout and the caller's token govern; HttpClient's own would cut retries short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        return client;
    }
}

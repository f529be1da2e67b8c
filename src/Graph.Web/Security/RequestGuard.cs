using Microsoft.Extensions.Options;

namespace Graph.Web.Security;

/// <summary>
/// Guards the JSON API before any endpoint reads a byte: the body is read up to the configured limit
/// (413 beyond it, whatever Content-Length claims or whether the body is chunked) and within the configured
/// time (408 after it), and then served from memory. (Whether a Cypher request may write is the engine's answer, not its access mode's: Neo4j's default
/// mode is WRITE, and a read in it must run on a read-only server.)
/// </summary>
internal static class RequestGuard
{
    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var isQuery = request.Path.StartsWithSegments("/db") && HttpMethods.IsPost(request.Method);
            var isJsonApi = request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/api/documents")
                && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method));
            if (!isQuery && !isJsonApi)
            {
                await next(context);
                return;
            }
            var options = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;
            byte[]? body;
            // A query's body is read while it holds one of the heavy-request slots: one that trickles in, or stops,
            // would hold the slot for as long as the client likes, so the whole body must arrive in time.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            deadline.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.RequestBodySeconds)));
            try
            {
                body = await ReadLimitedAsync(request, options.MaxRequestBytes, deadline.Token);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                await RefuseAsync(context, isQuery, StatusCodes.Status408RequestTimeout, "The request came too slowly",
                    $"The request body must arrive within {options.RequestBodySeconds} s here. Send it whole, at once.");
                return;
            }
            catch (BadHttpRequestException e)
            {
                // Kestrel's own checks of the body: it stalled (408), or ended before the length it declared (400).
                await RefuseAsync(context, isQuery, e.StatusCode, "The request body could not be read",
                    e.StatusCode == StatusCodes.Status408RequestTimeout
                        ? "The request body stopped arriving, or came too slowly. Send it whole, at once."
                        : "The request body ended before the length it declared. Send it whole.");
                return;
            }
            catch (Exception e) when (e is IOException or OperationCanceledException && context.RequestAborted.IsCancellationRequested)
            {
                return; // the client went away: nobody to answer
            }
            if (body is null)
            {
                await RefuseAsync(context, isQuery, StatusCodes.Status413PayloadTooLarge, "The request is too large",
                    $"Request bodies are limited to {options.MaxRequestBytes:N0} bytes here. Pass less data, or page through it.");
                return;
            }
            request.Body = new MemoryStream(body, writable: false);
            request.ContentLength = body.Length;
            await next(context);
        });

    private static Task RefuseAsync(HttpContext context, bool isQuery, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: isQuery ? Endpoints.Neo4jErrors.Extension("Neo.ClientError.Request.Invalid", detail) : null).ExecuteAsync(context);

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

using Microsoft.Extensions.Options;

namespace Graph.Web.Security;

/// <summary>
/// Guards the JSON API before any endpoint reads a byte: the body is read up to the configured limit
/// (413 beyond it, whatever Content-Length claims or whether the body is chunked) and then served from
/// memory. (Whether a Cypher request may write is the engine's answer, not its access mode's: Neo4j's default
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
            var body = await ReadLimitedAsync(request, options.MaxRequestBytes, context.RequestAborted);
            if (body is null)
            {
                var detail = $"Request bodies are limited to {options.MaxRequestBytes:N0} bytes here. Pass less data, or page through it.";
                await TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request is too large", detail: detail,
                    extensions: isQuery ? Endpoints.Neo4jErrors.Extension("Neo.ClientError.Request.Invalid", detail) : null).ExecuteAsync(context);
                return;
            }
            request.Body = new MemoryStream(body, writable: false);
            request.ContentLength = body.Length;
            await next(context);
        });

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

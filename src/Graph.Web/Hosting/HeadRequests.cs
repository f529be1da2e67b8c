using Microsoft.AspNetCore.Http.Features;

namespace Graph.Web.Hosting;

/// <summary>
/// Answers HEAD wherever GET is answered, as HTTP asks of a server: monitors, link checkers and <c>wget --spider</c>
/// send HEAD. Minimal APIs map GET alone, so a HEAD of <c>/health</c> or of any <c>/api</c> route was a 405. The request
/// runs as the GET it asks about, with a body that goes nowhere, and leaves as the HEAD it was: the server then sends
/// that GET's status and headers, and no body.
/// </summary>
internal static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }
            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Request.Method = HttpMethods.Get;
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
            try
            {
                await next(context);
            }
            finally
            {
                // The response starts only after this (nothing reached the server's own body): as a HEAD, it carries
                // the headers the GET set, Content-Length included, and no body.
                context.Request.Method = HttpMethods.Head;
                context.Features.Set(body);
            }
        });
}

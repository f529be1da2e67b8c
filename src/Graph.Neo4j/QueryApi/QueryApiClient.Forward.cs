using System.Net.Http.Headers;

namespace Graph.Neo4j.QueryApi;

/// <summary>A Query API answer passed through unchanged: status, media type, body and cluster affinity.</summary>
public sealed record ForwardedResponse(int Status, string? ContentType, byte[] Body, string? Affinity);

public sealed partial class QueryApiClient
{
    /// <summary>
    /// Sends a request to this database's Query API (<paramref name="suffix"/> after <c>/query/v2</c>, e.g.
    /// <c>/tx/lyU/commit</c>) with this client's credentials, and returns the server's answer as it is,
    /// errors included: for a server that relays its users' Cypher to Neo4j.
    /// </summary>
    public async Task<ForwardedResponse> ForwardAsync(
        HttpMethod method, string suffix, byte[]? body, string? contentType, string? accept, string? affinity,
        CancellationToken cancellationToken = default)
    {
        if (suffix.Length > 0 && !suffix.StartsWith('/')) suffix = "/" + suffix;
        using var request = new HttpRequestMessage(method, new Uri(Options.QueryUri.AbsoluteUri + suffix));
        request.Headers.Authorization = _authorization;
        request.Headers.TryAddWithoutValidation("Accept", string.IsNullOrEmpty(accept) ? "application/json" : accept);
        if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var media)
                ? media : new MediaTypeHeaderValue("application/json");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            return new ForwardedResponse(
                (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), bytes,
                response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null);
        }
        catch (HttpRequestException e)
        {
            throw new QueryApiUnavailableException($"Neo4j is not reachable at {Options.ServerUri} ({e.Message}).", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new QueryApiTimeoutException($"Neo4j at {Options.ServerUri} did not answer within {Options.RequestTimeout.TotalSeconds:0.###} s.", e);
        }
    }
}

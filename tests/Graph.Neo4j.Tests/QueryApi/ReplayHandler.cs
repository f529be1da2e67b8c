using System.Net;
using System.Text;

namespace Graph.Neo4j.Tests.QueryApi;

/// <summary>
/// Answers HTTP requests with documented Query API payloads, in order, and records what the client sent,
/// so tests see both sides of the wire.
/// </summary>
internal sealed class ReplayHandler : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string Body, string? Affinity)> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>The discovery document <c>GET /</c> answers (Neo4j 5.26's by default); those requests are counted apart.</summary>
    public string Discovery { get; set; } = "discovery-5.26.json";

    public int DiscoveryRequests { get; private set; }

    public ReplayHandler Answer(HttpStatusCode status, string payloadFile, string? affinity = null)
    {
        _answers.Enqueue((status, Payload(payloadFile), affinity));
        return this;
    }

    public ReplayHandler AnswerEmpty(HttpStatusCode status)
    {
        _answers.Enqueue((status, "", null));
        return this;
    }

    public static string Payload(string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "QueryApi", "Payloads", file));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath == "/")
        {
            DiscoveryRequests++;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Payload(Discovery), Encoding.UTF8, "application/json") };
        }
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(
            request.Method, request.RequestUri!, body,
            request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("neo4j-cluster-affinity", out var a) ? a.Single() : null,
            request.Content?.Headers.ContentType?.MediaType,
            string.Join(", ", request.Headers.Accept.Select(h => h.MediaType))));
        if (_answers.Count == 0)
            throw new InvalidOperationException($"No answer left for {request.Method} {request.RequestUri}.");
        var (status, payload, affinity) = _answers.Dequeue();
        var response = new HttpResponseMessage(status) { Content = new StringContent(payload, Encoding.UTF8, "application/vnd.neo4j.query") };
        if (affinity is not null) response.Headers.Add("neo4j-cluster-affinity", affinity);
        return response;
    }
}

internal sealed record RecordedRequest(
    HttpMethod Method, Uri Uri, string? Body, string? Authorization, string? Affinity, string? ContentType, string Accept);

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>
/// "Fetch from the UN" through the API, against the real server and the ODS replica on loopback. The server's graph
/// is built from the seed A/RES/77/13 alone, so A/RES/71/12, which it cites, is a stub; the replica holds 71/12 as a
/// DOCX written from the other seed's text. Fetching it is a write: refused to anonymous clients, accepted with the
/// token; its progress is observable while the replica holds the file; and the stub becomes a full document.
/// </summary>
public sealed class FetchApiTests(ExplorerFactory readOnlyServer) : IAsyncLifetime
{
    private const string Stub = "A/RES/71/12";
    private readonly string _corpus = Directory.CreateTempSubdirectory("graph-fetch-corpus-").FullName;
    private OdsReplica _replica = null!;
    private SecuredServer _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        File.Copy(TestData.Seed7713, Path.Combine(_corpus, Path.GetFileName(TestData.Seed7713)));
        _replica = await OdsReplica.StartAsync();
        _replica.AddDocxFromText(Stub, TestData.Seed7112);
        _server = new SecuredServer(new()
        {
            ["Graph:CorpusDir"] = _corpus,
            ["Graph:ApiToken"] = SecuredServer.Token,
            ["Graph:OdsUrl"] = _replica.BaseUrl.AbsoluteUri,
            ["Graph:LibraryUrl"] = _replica.BaseUrl.AbsoluteUri,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _replica.DisposeAsync();
        Directory.Delete(_corpus, recursive: true);
    }

    private static StringContent Body(object request) =>
        new(JsonSerializer.Serialize(request), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();

    private static async Task<JsonElement> NodeAsync(HttpClient client, string id) =>
        await client.GetFromJsonAsync<JsonElement>("/api/node?id=" + Uri.EscapeDataString(id), Cancel);

    private static bool IsStub(JsonElement details) =>
        details.GetProperty("node").GetProperty("properties").TryGetProperty("stub", out var stub) && stub.GetBoolean();

    /// <summary>The job's status once <paramref name="until"/> holds (polled; fails after a minute).</summary>
    private static async Task<JsonElement> WaitForAsync(HttpClient client, Uri location, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement status;
        do
        {
            status = await client.GetFromJsonAsync<JsonElement>(location, Cancel);
            if (until(status)) return status;
            await Task.Delay(50, Cancel);
        }
        while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException("The job did not get there within a minute: " + status);
    }

    [Fact]
    public async Task AnonymousClientsAreRefusedAndNothingIsFetched()
    {
        var anonymous = _server.Client();
        using var refused = await anonymous.PostAsync("/api/fetch", Body(new { symbols = new[] { Stub } }), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", (await Json(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var wrong = await _server.Client("not-the-token").PostAsync("/api/fetch", Body(new { symbols = new[] { Stub } }), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        Assert.Equal(0, _replica.TotalRequests);
        Assert.True(IsStub(await NodeAsync(anonymous, Stub)));
        Assert.Equal("token", (await anonymous.GetFromJsonAsync<JsonElement>("/api/overview", Cancel)).GetProperty("writes").GetString());
    }

    [Fact]
    public async Task OnAServerWithoutATokenFetchingIsDisabledWithAnExplanation()
    {
        var client = readOnlyServer.CreateClient();
        using var refused = await client.PostAsync("/api/fetch", Body(new { symbols = new[] { Stub } }), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Graph:ApiToken", (await Json(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("off", (await client.GetFromJsonAsync<JsonElement>("/api/overview", Cancel)).GetProperty("writes").GetString());
    }

    [Fact]
    public async Task WithTheTokenTheStubBecomesAFullDocumentWithParagraphsAndTheProgressIsObservable()
    {
        var client = _server.Client(SecuredServer.Token);
        Assert.True(IsStub(await NodeAsync(client, Stub)), "before the fetch, A/RES/71/12 is known only from 77/13's citations");
        var held = new ReplicaFault { HoldUntil = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        _replica.Faults[OdsReplica.FileName(Stub, "docx")] = held;

        // A/RES/69/12 is cited too, but the replica does not have it: missing, not ingested.
        using var accepted = await client.PostAsync("/api/fetch", Body(new { symbols = new[] { " A/RES/71/12 ", "A/RES/69/12" } }), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!;
        var job = await Json(accepted);
        Assert.Equal($"/api/fetch/{job.GetProperty("id").GetString()}", location.OriginalString);
        Assert.Equal([Stub, "A/RES/69/12"], job.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));

        // While the replica holds 71/12's file the job is running, with nothing finished of the two symbols it knows.
        await held.Held.Task.WaitAsync(TimeSpan.FromSeconds(60), Cancel);
        var running = await client.GetFromJsonAsync<JsonElement>(location, Cancel);
        Assert.Equal("running", running.GetProperty("status").GetString());
        Assert.Equal(0, running.GetProperty("progress").GetProperty("done").GetInt32());
        Assert.Equal(2, running.GetProperty("progress").GetProperty("known").GetInt32());
        Assert.True(IsStub(await NodeAsync(client, Stub)));
        held.HoldUntil.TrySetResult();

        var done = await WaitForAsync(client, location, s => s.GetProperty("status").GetString() is not ("queued" or "running"));
        Assert.True(done.GetProperty("status").GetString() == "completed", done.ToString());
        Assert.Equal(1, done.GetProperty("counts").GetProperty("fetched").GetInt32());
        Assert.Equal(1, done.GetProperty("counts").GetProperty("missing").GetInt32());
        var results = done.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("symbol").GetString()!);
        Assert.Equal("fetched", results[Stub].GetProperty("outcome").GetString());
        Assert.Equal("docx", results[Stub].GetProperty("format").GetString());
        Assert.Equal("added", results[Stub].GetProperty("ingest").GetString());
        Assert.Equal("missing", results["A/RES/69/12"].GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrEmpty(results["A/RES/69/12"].GetProperty("detail").GetString()));

        // The server's own graph changed: the node, its paragraphs, the search index and Cypher all see the document.
        var details = await NodeAsync(client, Stub);
        Assert.False(IsStub(details), details.ToString());
        Assert.True(details.GetProperty("paragraphs").GetArrayLength() >= 5, details.ToString());
        Assert.True(IsStub(await NodeAsync(client, "A/RES/69/12")));
        var hits = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString(Stub), Cancel);
        Assert.Contains(hits.GetProperty("hits").EnumerateArray(), h => h.GetProperty("id").GetString() == Stub && !h.GetProperty("stub").GetBoolean());
        using var cypher = await client.PostAsync("/db/neo4j/query/v2",
            SecuredServer.Query("MATCH (d:Document {id: $id})-[:HAS_PARAGRAPH]->(p) RETURN count(p) AS n", new { id = Stub }), Cancel);
        var paragraphs = (await Json(cypher)).GetProperty("data").GetProperty("values")[0][0].GetInt64();
        Assert.True(paragraphs == details.GetProperty("paragraphs").GetArrayLength(), $"Cypher counts {paragraphs} paragraphs, the API {details.GetProperty("paragraphs").GetArrayLength()}");

        // Asked again, the document comes from the download cache, and the store finds it unchanged.
        var requests = _replica.TotalRequests;
        using var again = await client.PostAsync("/api/fetch", Body(new { symbols = new[] { Stub } }), Cancel);
        var second = await WaitForAsync(client, again.Headers.Location!, s => s.GetProperty("status").GetString() == "completed");
        Assert.Equal("cached", second.GetProperty("results")[0].GetProperty("outcome").GetString());
        Assert.Equal("unchanged", second.GetProperty("results")[0].GetProperty("ingest").GetString());
        Assert.Equal(requests, _replica.TotalRequests);
    }

    [Fact]
    public async Task BadRequestsGetProblemDetailsThatSayWhatIsWrong()
    {
        var client = _server.Client(SecuredServer.Token);
        (object Body, string Says)[] cases =
        [
            (new { symbols = Array.Empty<string>() }, "Name the documents"),
            (new { symbols = new[] { "not a symbol" } }, "'not a symbol' is not a UN document symbol"),
            (new { symbols = new[] { Stub }, citedDepth = 9 }, "citedDepth is 9"),
            (new { symbols = Enumerable.Range(1, 21).Select(i => $"A/RES/70/{i}").ToArray() }, "At most 20 symbols"),
        ];
        foreach (var (body, says) in cases)
        {
            using var response = await client.PostAsync("/api/fetch", Body(body), Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(says, (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using var malformed = await client.PostAsync("/api/fetch", new StringContent("{\"symbols\": [", Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        using var unknown = await client.GetAsync("/api/fetch/0123456789abcdef", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, _replica.TotalRequests);
    }

    [Fact]
    public async Task AServerOpenedWithAllowWritesFetchesForAnyone()
    {
        await using var open = new SecuredServer(new()
        {
            ["Graph:CorpusDir"] = _corpus,
            ["Graph:AllowWrites"] = "true",
            ["Graph:OdsUrl"] = _replica.BaseUrl.AbsoluteUri,
            ["Graph:LibraryUrl"] = _replica.BaseUrl.AbsoluteUri,
        });
        var anonymous = open.Client();
        Assert.Equal("open", (await anonymous.GetFromJsonAsync<JsonElement>("/api/overview", Cancel)).GetProperty("writes").GetString());
        using var accepted = await anonymous.PostAsync("/api/fetch", Body(new { symbols = new[] { Stub } }), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var done = await WaitForAsync(anonymous, accepted.Headers.Location!, s => s.GetProperty("status").GetString() == "completed");
        Assert.Equal(1, done.GetProperty("counts").GetProperty("fetched").GetInt32());
        Assert.False(IsStub(await NodeAsync(anonymous, Stub)));
    }
}

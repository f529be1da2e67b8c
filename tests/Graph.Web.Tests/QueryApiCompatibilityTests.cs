using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>
/// What Neo4j's own clients expect of the Query API, asked of the built server over HTTP on 127.0.0.1 (two servers,
/// started once for the class: one with an API token and a small request limit, one read-only): discovery at <c>GET /</c> for JSON while browsers get
/// the explorer, the exact media types, Neo4j's error body on every status, and WRITE as the default access mode.
/// </summary>
public sealed class QueryApiCompatibilityTests(QueryApiCompatibilityTests.Server server) : IClassFixture<QueryApiCompatibilityTests.Server>
{
    private const string Token = "compat-token-93b1";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DiscoveryAnswersJsonClientsAndTheExplorerAnswersBrowsers()
    {
        using var client = await server.ClientAsync();
        using var json = new HttpRequestMessage(HttpMethod.Get, "/");
        json.Headers.Accept.ParseAdd("application/json");
        using var discovery = await client.SendAsync(json, Cancel);
        var document = JsonDocument.Parse(await discovery.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        Assert.EndsWith("/db/{databaseName}/query/v2", document.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^5\.\d+", document.GetProperty("neo4j_version").GetString());

        using var html = new HttpRequestMessage(HttpMethod.Get, "/");
        html.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var page = await client.SendAsync(html, Cancel);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<script type=\"module\"", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/vnd.neo4j.query", "application/vnd.neo4j.query")]
    [InlineData("application/vnd.neo4j.query.v1.0", "application/vnd.neo4j.query.v1.0")]
    [InlineData("application/vnd.neo4j.query.v1.1", "application/vnd.neo4j.query.v1.1")]
    [InlineData("application/json", "application/json")]
    public async Task EachDocumentedMediaTypeIsAcceptedAndAnsweredExactly(string media, string answered)
    {
        using var client = await server.ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/db/neo4j/query/v2") { Content = Body("""{"statement": "RETURN $n AS n", "parameters": {"n": 9007199254740993}}""", media) };
        request.Headers.Accept.ParseAdd(media);
        using var response = await client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        // 202, as Neo4j answers a statement.
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        // Exactly the name, no charset: Neo4j's JavaScript client compares the header whole.
        Assert.Equal(answered, string.Join(",", response.Content.Headers.GetValues("Content-Type")));
        Assert.Contains(media == "application/json" ? "9007199254740993" : "\"_value\":\"9007199254740993\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryErrorStatusCarriesNeo4jErrorsWithCodeAndMessage()
    {
        using var anonymous = await server.ClientAsync();
        using var wrong = await server.ClientAsync("wrong-token");
        using var readOnly = await server.ReadOnlyClientAsync();
        var answers = new (int Status, Func<Task<HttpResponseMessage>> Send)[]
        {
            (401, () => wrong.PostAsync("/db/neo4j/query/v2", Body("""{"statement": "RETURN 1"}"""), Cancel)),
            (401, () => anonymous.PostAsync("/db/neo4j/query/v2", Body("""{"statement": "CREATE (:Never)"}"""), Cancel)),
            (403, () => readOnly.PostAsync("/db/neo4j/query/v2", Body("""{"statement": "CREATE (:Never)"}"""), Cancel)),
            (404, () => anonymous.PostAsync("/db/nosuchdb/query/v2", Body("""{"statement": "RETURN 1"}"""), Cancel)),
            (404, () => anonymous.PostAsync("/db/neo4j/query/v2/tx/no-such-transaction", Body("""{"statement": "RETURN 1"}"""), Cancel)),
            (405, () => anonymous.GetAsync("/db/neo4j/query/v2", Cancel)),
            (413, () => anonymous.PostAsync("/db/neo4j/query/v2", Body(new string(' ', 5000) + "{}"), Cancel)),
            (415, () => anonymous.PostAsync("/db/neo4j/query/v2", new StringContent("RETURN 1", Encoding.UTF8, "text/plain"), Cancel)),
            (400, () => anonymous.PostAsync("/db/neo4j/query/v2", Body("""{"statement": "RETRN 1"}"""), Cancel)),
        };
        foreach (var (status, send) in answers)
        {
            using var response = await send();
            var text = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
            var error = JsonDocument.Parse(text).RootElement.GetProperty("errors")[0];
            Assert.StartsWith("Neo.ClientError.", error.GetProperty("code").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), text);
        }
    }

    [Fact]
    public async Task WithoutAnAccessModeAReadRunsOnAReadOnlyServerAndAWriteSayingReadIsRefused()
    {
        // No accessMode means WRITE in Neo4j, yet a read runs on a read-only server.
        using var readOnly = await server.ReadOnlyClientAsync();
        using var read = await readOnly.PostAsync("/db/neo4j/query/v2", Body("""{"statement": "MATCH (d:Document) RETURN count(d) AS n"}"""), Cancel);
        var answer = JsonDocument.Parse(await read.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(HttpStatusCode.Accepted, read.StatusCode);
        Assert.True(answer.GetProperty("data").GetProperty("values")[0][0].GetInt64() >= 2, answer.ToString());
        using var write = await readOnly.PostAsync("/db/neo4j/query/v2", Body("""{"statement": "CREATE (:Never)"}"""), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        // The token's bearer may write, but not in a statement that says READ.
        using var owner = await server.ClientAsync(Token);
        using var refused = await owner.PostAsync("/db/neo4j/query/v2", Body("""{"statement": "CREATE (:Never)", "accessMode": "READ"}"""), Cancel);
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("errors")[0];
        Assert.Equal("Neo.ClientError.Statement.AccessMode", error.GetProperty("code").GetString());
        using var count = await owner.PostAsync("/db/neo4j/query/v2", Body("""{"statement": "MATCH (n:Never) RETURN count(n)"}"""), Cancel);
        Assert.Equal(0, JsonDocument.Parse(await count.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("data").GetProperty("values")[0][0].GetInt64());
    }

    private static StringContent Body(string json, string media = "application/json")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(media);
        return content;
    }

    /// <summary>The built server, started once for the class on a data folder of its own.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private readonly string _dataDir = Directory.CreateTempSubdirectory("graph-query-compat-").FullName;
        private readonly SemaphoreSlim _once = new(1, 1);
        private ServerChildProcess? _withToken, _readOnly;

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        /// <summary>A client of the server with an API token, sending <paramref name="token"/> as bearer if given.</summary>
        public async Task<HttpClient> ClientAsync(string? token = null)
        {
            var server = await StartedAsync(readOnly: false);
            var client = new HttpClient { BaseAddress = server.Address };
            if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        /// <summary>A client of the server without a token or Graph:AllowWrites: it only reads.</summary>
        public async Task<HttpClient> ReadOnlyClientAsync() => new() { BaseAddress = (await StartedAsync(readOnly: true)).Address };

        private async Task<ServerChildProcess> StartedAsync(bool readOnly)
        {
            await _once.WaitAsync(Cancel);
            try
            {
                var dataDir = Path.Combine(_dataDir, readOnly ? "read-only" : "with-token");
                string[] settings = ["--Graph:DataDir", dataDir, "--Graph:CorpusDir", TestData.Seeds, "--Graph:MaxRequestBytes", "2000", "--Graph:RateLimitPermits", "0"];
                return readOnly
                    ? _readOnly ??= await ServerChildProcess.StartAsync(_dataDir, settings, Cancel)
                    : _withToken ??= await ServerChildProcess.StartAsync(_dataDir, [.. settings, "--Graph:ApiToken", Token], Cancel);
            }
            finally
            {
                _once.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_withToken is not null) await _withToken.DisposeAsync();
            if (_readOnly is not null) await _readOnly.DisposeAsync();
            try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

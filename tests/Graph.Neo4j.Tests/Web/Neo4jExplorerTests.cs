using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Graph.Neo4j.QueryApi;
using Graph.Neo4j.Tests.Store;
using Graph.Store.Tests.Contract;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Graph.Neo4j.Tests.Web;

/// <summary>
/// The explorer with <c>Graph:Store=neo4j</c>, pointed over real HTTP at a Query API server (this project's
/// own endpoint on a local port, standing in for Neo4j, which has no /tx endpoints: hence
/// ExplicitTransactions=false and no schema). Its views read through the Neo4j store, and its own
/// <c>/db/{db}/query/v2</c> relays to that server.
/// </summary>
public sealed class Neo4jExplorerTests : IAsyncLifetime
{
    private EmbeddedQueryApiServer _neo4j = null!;
    private WebApplicationFactory<Program> _explorer = null!;
    private HttpClient _client = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _neo4j = EmbeddedQueryApiServer.ListeningOnLocalPort();
        var address = _neo4j.Address;
        // Load the contract documents into the stand-in through the Neo4j store, as an ingest would.
        await using (var store = new Neo4jGraphStore(new QueryApiClient(new QueryApiOptions { ServerUri = address, ExplicitTransactions = false })))
            foreach (var document in ContractDocuments.All()) await store.IngestAsync(document, Token);

        var dataDir = Path.Combine(Path.GetTempPath(), "graph-neo4j-explorer-" + Guid.NewGuid().ToString("N"));
        _explorer = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Graph:Store", "neo4j");
            builder.UseSetting("NEO4J_URL", address.AbsoluteUri);
            builder.UseSetting("NEO4J_USER", "neo4j");
            builder.UseSetting("NEO4J_PASSWORD", "not-checked-here");
            builder.UseSetting("NEO4J_APPLY_SCHEMA", "false");
            builder.UseSetting("NEO4J_EXPLICIT_TRANSACTIONS", "false");
            builder.UseSetting("Graph:DataDir", dataDir);
            builder.UseSetting("Graph:CorpusDir", Path.Combine(dataDir, "no-corpus"));
        });
        _client = _explorer.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _explorer.DisposeAsync();
        await _neo4j.DisposeAsync();
    }

    [Fact]
    public async Task ServesNodesFromNeo4j()
    {
        using var response = await _client.GetAsync($"/api/node?id={Uri.EscapeDataString(ContractDocuments.Res7713)}", Token);

        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains(ContractDocuments.Res7713, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelaysCypherToNeo4j()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/db/neo4j/query/v2")
        {
            Content = new StringContent("""{"statement": "MATCH (d:Document {id: $id}) RETURN d.title AS title", "parameters": {"id": "A/RES/1/1"}}""", Encoding.UTF8, "application/json"),
        };
        using var response = await _client.SendAsync(request, Token);

        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("title", json.RootElement.GetProperty("data").GetProperty("fields")[0].GetString());
        Assert.StartsWith("Establishment of a Commission", json.RootElement.GetProperty("data").GetProperty("values")[0][0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelaysInReadModeUnlessWritesAreAllowed()
    {
        using var response = await _client.PostAsJsonAsync("/db/neo4j/query/v2",
            new { statement = "MATCH (n:Document) RETURN count(n) AS documents", accessMode = "Write" }, Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // Neo4j refuses writes in a Read transaction; what reached it must say Read.
        using var relayed = JsonDocument.Parse(_neo4j.Received.Last(b => b.Contains("count(n) AS documents", StringComparison.Ordinal)));
        Assert.Equal("Read", relayed.RootElement.GetProperty("accessMode").GetString());
    }

    [Fact]
    public async Task AnswersAnUnknownDatabaseWith404()
    {
        using var response = await _client.PostAsJsonAsync("/db/other/query/v2", new { statement = "RETURN 1" }, Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Neo.ClientError.Database.DatabaseNotFound", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }
}

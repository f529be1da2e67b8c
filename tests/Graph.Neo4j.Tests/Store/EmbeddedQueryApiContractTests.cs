using Graph.Neo4j.QueryApi;
using Graph.Store;
using Graph.Store.Tests.Contract;

namespace Graph.Neo4j.Tests.Store;

/// <summary>
/// The store contract, with the Neo4j store talking over HTTP on 127.0.0.1 to this project's own Query API endpoint
/// (the embedded Cypher engine behind Graph.Web, listening on a port of its own), in explicit transactions (<c>/tx</c>,
/// <see cref="QueryApiOptions.ExplicitTransactions"/> on), as against Neo4j; the schema (constraints, indexes) is
/// Neo4j's own and is not sent.
/// </summary>
public sealed class EmbeddedQueryApiContractTests : GraphStoreContract, IAsyncDisposable
{
    private readonly List<(EmbeddedQueryApiServer Server, QueryApiClient Client)> _servers = [];

    protected override ValueTask<IGraphStore> CreateEmptyStoreAsync()
    {
        var server = EmbeddedQueryApiServer.ListeningOnLocalPort();
        var client = new QueryApiClient(new QueryApiOptions
        {
            ServerUri = server.Address,
            ExplicitTransactions = true,
            InitialRetryDelay = TimeSpan.FromMilliseconds(10),
        });
        _servers.Add((server, client));
        return ValueTask.FromResult<IGraphStore>(new Neo4jGraphStore(client, client));
    }

    protected override GraphServices ServicesFor(IGraphStore store) => Neo4jGraph.CreateServices((Neo4jGraphStore)store);

    [Fact]
    public async Task EachDocumentIsIngestedInAnExplicitTransactionOfTheEndpoint()
    {
        var store = await StoreWithAsync(ContractDocuments.Resolution7713(), ContractDocuments.LonelyResolution());
        var (server, client) = _servers[^1];

        Assert.True(client.UsesExplicitTransactions, "the client fell back to auto-commit statements");
        var requests = server.Requests.ToList();
        Assert.True(requests.Count(r => r == "POST /db/neo4j/query/v2/tx") >= 2, string.Join("\n", requests));
        Assert.True(requests.Count(r => r.StartsWith("POST /db/neo4j/query/v2/tx/", StringComparison.Ordinal) && r.EndsWith("/commit", StringComparison.Ordinal)) >= 2,
            string.Join("\n", requests));
        Assert.Equal(2, (await store.CountAsync(Token)).Documents);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (server, client) in _servers)
        {
            client.Dispose();
            await server.DisposeAsync();
        }
    }
}

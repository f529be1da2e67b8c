using Graph.Neo4j.QueryApi;
using Graph.Store;
using Graph.Store.Tests.Contract;

namespace Graph.Neo4j.Tests.Store;

/// <summary>
/// The store contract, with the Neo4j store talking over HTTP to this project's own Query API endpoint
/// (the embedded Cypher engine behind Graph.Web), in explicit transactions (<c>/tx</c>,
/// <see cref="QueryApiOptions.ExplicitTransactions"/> on), as against Neo4j; the schema (constraints, indexes) is
/// Neo4j's own and is not sent.
/// </summary>
public sealed class EmbeddedQueryApiContractTests : GraphStoreContract, IAsyncDisposable
{
    private readonly List<EmbeddedQueryApiServer> _servers = [];

    protected override ValueTask<IGraphStore> CreateEmptyStoreAsync()
    {
        var server = new EmbeddedQueryApiServer();
        _servers.Add(server);
        var http = server.CreateClient();
        var client = new QueryApiClient(new QueryApiOptions
        {
            ServerUri = http.BaseAddress!,
            ExplicitTransactions = true,
            InitialRetryDelay = TimeSpan.FromMilliseconds(10),
        }, http);
        return ValueTask.FromResult<IGraphStore>(new Neo4jGraphStore(client, client));
    }

    protected override GraphServices ServicesFor(IGraphStore store) => Neo4jGraph.CreateServices((Neo4jGraphStore)store);

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
    }
}

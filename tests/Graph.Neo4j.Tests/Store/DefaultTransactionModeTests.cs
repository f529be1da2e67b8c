using Graph.Neo4j.QueryApi;
using Graph.Store.Tests.Contract;

namespace Graph.Neo4j.Tests.Store;

/// <summary>
/// With the default settings (explicit transactions wanted) the store ingests into a Query API server whatever
/// it offers: this project's own endpoint is asked for its discovery document and its <c>/tx</c>, and the client
/// uses transactions if they are there and statements one by one if not.
/// </summary>
public sealed class DefaultTransactionModeTests
{
    [Fact]
    public async Task IngestsWithTheDefaultSettingsIntoThisProjectsOwnEndpoint()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var server = new EmbeddedQueryApiServer();
        var http = server.CreateClient();
        using var client = new QueryApiClient(new QueryApiOptions { ServerUri = http.BaseAddress!, InitialRetryDelay = TimeSpan.FromMilliseconds(10) }, http);
        var store = new Neo4jGraphStore(client);

        await store.IngestAsync(ContractDocuments.LonelyResolution(), cancel);

        Assert.NotNull(client.UsesExplicitTransactions);
        var documents = await client.RunAsync("MATCH (d:Document {id: 'A/RES/1/1'}) RETURN count(d) AS n", cancellationToken: cancel);
        Assert.Equal(1L, documents.Get(0, "n"));
    }
}

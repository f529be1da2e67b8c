using Graph.Neo4j.QueryApi;
using Graph.Store;
using Graph.Store.Tests.Contract;

namespace Graph.Neo4j.Tests.Store;

/// <summary>
/// The store contract against a real Neo4j (5.26 or later, or Aura) named by NEO4J_URL, NEO4J_USER,
/// NEO4J_PASSWORD and NEO4J_DATABASE; skipped when NEO4J_URL is not set. Each test starts by deleting this
/// project's nodes (label Entity) and ingest records from that database: point it at a scratch database.
/// </summary>
public sealed class LiveNeo4jContractTests : GraphStoreContract
{
    internal const string SkipReason =
        "NEO4J_URL is not set: these tests need a live Neo4j (e.g. `docker compose up neo4j`, then NEO4J_URL=http://localhost:7474 NEO4J_PASSWORD=...).";

    protected override async ValueTask<IGraphStore> CreateEmptyStoreAsync()
    {
        var options = QueryApiOptions.FromEnvironment();
        if (options is null) Assert.Skip(SkipReason);
        var store = await Neo4jGraphStore.OpenAsync(options, applySchema: true, Token);
        await store.Client.RunAsync($"MATCH (n:{Neo4jSchema.NodeLabel}) DETACH DELETE n", cancellationToken: Token);
        await store.Client.RunAsync($"MATCH (d:{Neo4jSchema.IngestedDocumentLabel}) DETACH DELETE d", cancellationToken: Token);
        return store;
    }

    protected override GraphServices ServicesFor(IGraphStore store) => Neo4jGraph.CreateServices((Neo4jGraphStore)store);
}

using Graph.Neo4j.QueryApi;
using Graph.Neo4j.Services;
using Graph.Store;
using Graph.Store.Evolution;
using Graph.Store.Services;

namespace Graph.Neo4j;

/// <summary>The Neo4j store with the services the explorer and the CLI use, in one <see cref="GraphServices"/>.</summary>
public static class Neo4jGraph
{
    /// <summary>
    /// Connects (applying the schema unless told not to) and returns the store and its services. The environment
    /// can turn the schema off with NEO4J_APPLY_SCHEMA=false, for Query API servers that are not Neo4j.
    /// </summary>
    public static async Task<GraphServices> OpenAsync(QueryApiOptions options, bool? applySchema = null, CancellationToken cancellationToken = default)
    {
        applySchema ??= !string.Equals(Environment.GetEnvironmentVariable("NEO4J_APPLY_SCHEMA"), "false", StringComparison.OrdinalIgnoreCase);
        var store = await Neo4jGraphStore.OpenAsync(options, applySchema.Value, cancellationToken).ConfigureAwait(false);
        return CreateServices(store);
    }

    /// <summary>
    /// Services over <paramref name="store"/>: neighbours, paths, citations and search in Cypher run by the
    /// server; series timelines and mandate evolution (few, small reads) through the store's generic services.
    /// </summary>
    public static GraphServices CreateServices(Neo4jGraphStore store)
    {
        var series = new SeriesService(store);
        return new GraphServices(
            store,
            new Neo4jSearchService(store),
            new Neo4jNeighbourService(store),
            new Neo4jPathService(store),
            new Neo4jCitationService(store),
            series,
            new EvolutionService(store, series),
            new Neo4jDocumentTextReader(store));
    }
}

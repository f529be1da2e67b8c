using Graph.Store.Evolution;

namespace Graph.Store.Services;

/// <summary>Builds <see cref="GraphServices"/> whose services work through the store's read role alone.</summary>
public static class GraphServicesFactory
{
    /// <summary>
    /// Services over any store. A store with faster ways (its own search, Cypher on the server) passes
    /// its own implementations as <paramref name="search"/> (or builds the record itself).
    /// </summary>
    public static GraphServices Create(IGraphStore store, IDocumentTextReader texts, ISearchService? search = null)
    {
        var series = new SeriesService(store);
        return new GraphServices(
            store,
            search ?? new SearchService(store),
            new NeighbourService(store),
            new PathService(store),
            new CitationService(store),
            series,
            new EvolutionService(store, series),
            texts);
    }
}

using Graph.Store.Embedded;
using Graph.Store.Evolution;

namespace Graph.Store.Services;

/// <summary>Builds <see cref="GraphServices"/> whose services work through the store's read role alone.</summary>
public static class GraphServicesFactory
{
    /// <summary>
    /// Services over any store. A store with faster ways (its own search, Cypher on the server) passes
    /// its own implementations as <paramref name="search"/> (or builds the record itself).
    /// </summary>
    /// <remarks>
    /// Over the embedded store, neighbours, paths and citation chains walk its memory by internal id instead
    /// (same answers; a path of equal length may differ when several exist): through the read role every step
    /// copied each relationship of a node, which made paths through hubs take hundreds of milliseconds.
    /// </remarks>
    public static GraphServices Create(IGraphStore store, IDocumentTextReader texts, ISearchService? search = null)
    {
        var series = new SeriesService(store);
        var embedded = store as EmbeddedGraphStore;
        return new GraphServices(
            store,
            search ?? new SearchService(store),
            embedded is null ? new NeighbourService(store) : new EmbeddedNeighbourService(embedded),
            embedded is null ? new PathService(store) : new EmbeddedPathService(embedded),
            embedded is null ? new CitationService(store) : new EmbeddedCitationService(embedded),
            series,
            new EvolutionService(store, series),
            texts);
    }
}

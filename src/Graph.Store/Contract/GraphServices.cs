namespace Graph.Store;

/// <summary>
/// Everything a client (the web API, the CLI) needs from a graph, in one object to register:
/// the store and the services on top of it. Each store supplies its own (see the store's factory).
/// </summary>
public sealed record GraphServices(
    IGraphStore Store,
    ISearchService Search,
    INeighbourService Neighbours,
    IPathService Paths,
    ICitationService Citations,
    ISeriesService Series,
    IEvolutionService Evolution,
    IDocumentTextReader Texts);

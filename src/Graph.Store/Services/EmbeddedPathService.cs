using Graph.Model;
using Graph.Store.Embedded;

namespace Graph.Store.Services;

/// <summary>
/// Shortest paths in the embedded store's memory: a breadth-first search from both ends over internal ids
/// under one read lock, copying out only the nodes and relationships of the path found. Each round grows
/// the side whose frontier touches fewer relationships (not the one with fewer nodes): a frontier of one
/// hub costs more than a frontier of fifty ordinary documents, so the search goes around hubs when it can.
/// </summary>
internal sealed class EmbeddedPathService(EmbeddedGraphStore store) : IPathService
{
    public ValueTask<GraphData?> TryFindShortestPathAsync(
        string fromId, string toId, IReadOnlyCollection<string>? types = null, bool directed = false,
        CancellationToken cancellationToken = default)
    {
        var graph = store.Graph;
        using var _ = graph.EnterRead();
        if (!graph.TryGetNodeId(fromId, out var from) || !graph.TryGetNodeId(toId, out var to)) return ValueTask.FromResult<GraphData?>(null);
        var search = new BidirectionalSearch(graph, from, to, types is { Count: > 0 } ? types : null, directed, cancellationToken);
        if (!search.TryFind(out var nodeIds, out var relationshipIds)) return ValueTask.FromResult<GraphData?>(null);

        var path = new GraphData();
        foreach (var nodeId in nodeIds)
            if (graph.TryGetNode(nodeId, out var node)) path.Nodes.Add(EmbeddedGraphStore.ToGraphNode(node));
        foreach (var relationshipId in relationshipIds)
            if (graph.TryGetRelationship(relationshipId, out var relationship)) path.Relationships.Add(store.ToGraphRelationship(relationship));
        return ValueTask.FromResult<GraphData?>(path);
    }
}

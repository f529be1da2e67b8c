using Graph.Model;
using Graph.Store.Embedded;

namespace Graph.Store.Services;

/// <summary>
/// Shortest paths in the embedded store's memory. One path: a breadth-first search from both ends over internal
/// ids under one read lock (<see cref="BidirectionalSearch"/>), copying out only the nodes and relationships of the
/// path found. Each round grows the side whose frontier touches fewer relationships (not the one with fewer nodes):
/// a frontier of one hub costs more than a frontier of fifty ordinary documents, so the search goes around hubs when
/// it can. Several paths, or a path followed backwards: <see cref="LayeredPathSearch"/>.
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
        return ValueTask.FromResult<GraphData?>(Copy(nodeIds, relationshipIds));
    }

    public async ValueTask<IReadOnlyList<GraphData>> FindShortestPathsAsync(
        string fromId, string toId, PathQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxPaths, 1);
        var types = query.Types is { Count: > 0 } ? query.Types : null;
        if (query.MaxPaths == 1 && query.Direction != Direction.Incoming)
        {
            var path = await TryFindShortestPathAsync(fromId, toId, types, query.Direction == Direction.Outgoing, cancellationToken).ConfigureAwait(false);
            return path is null ? [] : [path];
        }
        var graph = store.Graph;
        using var _ = graph.EnterRead();
        if (!graph.TryGetNodeId(fromId, out var from) || !graph.TryGetNodeId(toId, out var to)) return [];
        var found = new LayeredPathSearch(graph, from, to, types, query.Direction, query.MaxPaths, cancellationToken).Find();
        return [.. found.Select(p => Copy(p.Nodes, p.Relationships))];
    }

    /// <summary>The path's nodes and relationships, copied out of memory in path order. The caller holds the read lock.</summary>
    private GraphData Copy(List<long> nodeIds, List<long> relationshipIds)
    {
        var graph = store.Graph;
        var path = new GraphData();
        foreach (var nodeId in nodeIds)
            if (graph.TryGetNode(nodeId, out var node)) path.Nodes.Add(EmbeddedGraphStore.ToGraphNode(node));
        foreach (var relationshipId in relationshipIds)
            if (graph.TryGetRelationship(relationshipId, out var relationship)) path.Relationships.Add(store.ToGraphRelationship(relationship));
        return path;
    }
}

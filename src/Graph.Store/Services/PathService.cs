using Graph.Model;

namespace Graph.Store.Services;

/// <summary>
/// Shortest paths by breadth-first search through any <see cref="IGraphReader"/>, from both ends at
/// once (the side with the smaller frontier grows), so hubs far from either end are never expanded.
/// </summary>
public sealed class PathService(IGraphReader reader) : IPathService
{
    public async ValueTask<GraphData?> TryFindShortestPathAsync(
        string fromId, string toId, IReadOnlyCollection<string>? types = null, bool directed = false,
        CancellationToken cancellationToken = default)
    {
        var from = await reader.TryGetNodeAsync(fromId, cancellationToken).ConfigureAwait(false);
        var to = await reader.TryGetNodeAsync(toId, cancellationToken).ConfigureAwait(false);
        if (from is null || to is null) return null;
        if (fromId == toId)
        {
            var single = new GraphData();
            single.Nodes.Add(from);
            return single;
        }

        // Each side remembers, per node it reached, the relationship it came by.
        var forward = new Dictionary<string, GraphRelationship?>(StringComparer.Ordinal) { [fromId] = null };
        var backward = new Dictionary<string, GraphRelationship?>(StringComparer.Ordinal) { [toId] = null };
        List<string> forwardFrontier = [fromId], backwardFrontier = [toId];
        string? meeting = null;
        while (meeting is null && forwardFrontier.Count > 0 && backwardFrontier.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var growForward = forwardFrontier.Count <= backwardFrontier.Count;
            var (frontier, reached, other) = growForward ? (forwardFrontier, forward, backward) : (backwardFrontier, backward, forward);
            var direction = directed ? (growForward ? Direction.Outgoing : Direction.Incoming) : Direction.Both;
            var next = new List<string>();
            foreach (var nodeId in frontier)
            {
                foreach (var relationship in await reader.GetRelationshipsAsync(nodeId, direction, types, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    var neighbour = ShortestPaths.OtherEnd(relationship, nodeId);
                    if (!reached.TryAdd(neighbour, relationship)) continue;
                    next.Add(neighbour);
                    if (other.ContainsKey(neighbour))
                    {
                        meeting = neighbour;
                        break;
                    }
                }
                if (meeting is not null) break;
            }
            if (growForward) forwardFrontier = next;
            else backwardFrontier = next;
        }
        if (meeting is null) return null;

        var (nodeIds, relationships) = ShortestPaths.Assemble(meeting, forward, backward);
        var path = new GraphData();
        foreach (var nodeId in nodeIds)
            if (await reader.TryGetNodeAsync(nodeId, cancellationToken).ConfigureAwait(false) is { } node) path.Nodes.Add(node);
        path.Relationships.AddRange(relationships);
        return path;
    }
}

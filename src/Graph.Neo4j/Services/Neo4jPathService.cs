using Graph.Model;
using Graph.Store;
using Graph.Store.Services;

namespace Graph.Neo4j.Services;

/// <summary>
/// Shortest paths by breadth-first search from both ends, one request per step for a whole frontier
/// (the smaller side grows), in plain Cypher: Neo4j and this project's own engine run it alike, and the
/// number of round trips is the length of the path, not the number of nodes visited.
/// </summary>
internal sealed class Neo4jPathService(Neo4jGraphStore store) : IPathService
{
    public async ValueTask<GraphData?> TryFindShortestPathAsync(
        string fromId, string toId, IReadOnlyCollection<string>? types = null, bool directed = false,
        CancellationToken cancellationToken = default)
    {
        var ends = await store.GetNodesAsync([fromId, toId], cancellationToken).ConfigureAwait(false);
        if (ends.All(n => n.Id != fromId) || ends.All(n => n.Id != toId)) return null;
        if (fromId == toId)
        {
            var single = new GraphData();
            single.Nodes.Add(ends[0]);
            return single;
        }

        // Each side remembers, per node it reached, the relationship it came by.
        var forward = new Dictionary<string, GraphRelationship?>(StringComparer.Ordinal) { [fromId] = null };
        var backward = new Dictionary<string, GraphRelationship?>(StringComparer.Ordinal) { [toId] = null };
        var nodes = ends.ToDictionary(n => n.Id, StringComparer.Ordinal);
        List<string> forwardFrontier = [fromId], backwardFrontier = [toId];
        string? meeting = null;
        var typeList = types ?? [];
        while (meeting is null && forwardFrontier.Count > 0 && backwardFrontier.Count > 0)
        {
            var growForward = forwardFrontier.Count <= backwardFrontier.Count;
            var (frontier, reached, other) = growForward ? (forwardFrontier, forward, backward) : (backwardFrontier, backward, forward);
            var direction = directed ? (growForward ? Direction.Outgoing : Direction.Incoming) : Direction.Both;
            var next = new List<string>();
            var step = await store.ExpandAsync(frontier, typeList, direction, cancellationToken).ConfigureAwait(false);
            // Frontier order, then relationship id: the same graph gives the same path every time.
            foreach (var (relationship, neighbour) in step.OrderBy(s => frontier.IndexOf(ShortestPaths.OtherEnd(s.Relationship, s.Other.Id)))
                         .ThenBy(s => s.Relationship.Id, StringComparer.Ordinal))
            {
                nodes.TryAdd(neighbour.Id, neighbour);
                if (!reached.TryAdd(neighbour.Id, relationship)) continue;
                next.Add(neighbour.Id);
                if (other.ContainsKey(neighbour.Id))
                {
                    meeting = neighbour.Id;
                    break;
                }
            }
            if (growForward) forwardFrontier = next;
            else backwardFrontier = next;
        }
        if (meeting is null) return null;

        var (nodeIds, relationships) = ShortestPaths.Assemble(meeting, forward, backward);
        var path = new GraphData();
        path.Nodes.AddRange(nodeIds.Select(id => nodes[id]));
        path.Relationships.AddRange(relationships);
        return path;
    }
}

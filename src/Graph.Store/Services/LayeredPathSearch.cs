using Graph.Store.Memory;

namespace Graph.Store.Services;

/// <summary>
/// Several shortest paths between two nodes of a <see cref="MemoryGraph"/>, by internal id: a breadth-first
/// search from the start, one whole level at a time, that keeps every relationship by which a node was first
/// reached at its level (not only the first one), stopping at the level where the end is reached. Walking those
/// back from the end gives every shortest path; the first <c>maxPaths</c> with different node sequences are kept.
/// The caller holds the graph's read lock. <see cref="BidirectionalSearch"/> stays the search for one path: it
/// skirts hubs, which this search cannot, since it must see every way into each level.
/// </summary>
internal sealed class LayeredPathSearch(
    MemoryGraph graph, long from, long to, IReadOnlyCollection<string>? types, Direction direction, int maxPaths, CancellationToken cancellationToken)
{
    /// <summary>Per node reached, its level and the (relationship, previous node) pairs that reach it at that level.</summary>
    private readonly Dictionary<long, (int Level, List<(long Relationship, long Previous)> Ways)> _reached = new() { [from] = (0, []) };

    public List<(List<long> Nodes, List<long> Relationships)> Find()
    {
        if (from == to) return [([from], [])];
        List<long> frontier = [from];
        for (var level = 1; frontier.Count > 0 && !_reached.ContainsKey(to); level++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = new List<long>();
            foreach (var node in frontier)
            {
                foreach (var relationship in graph.GetRelationshipIds(node, direction, types))
                {
                    graph.TryGetRelationship(relationship, out var r);
                    var neighbour = r.OtherEnd(node);
                    if (_reached.TryGetValue(neighbour, out var seen))
                    {
                        if (seen.Level == level) seen.Ways.Add((relationship, node));
                        continue;
                    }
                    _reached[neighbour] = (level, [(relationship, node)]);
                    next.Add(neighbour);
                }
            }
            frontier = next;
        }
        var paths = new List<(List<long>, List<long>)>();
        if (!_reached.ContainsKey(to)) return paths;
        var seenSequences = new HashSet<string>(StringComparer.Ordinal);
        WalkBack(to, [to], [], paths, seenSequences);
        return paths;
    }

    /// <summary>Depth-first from the end back to the start, collecting paths (in path order) until enough are found.</summary>
    private void WalkBack(long node, List<long> nodes, List<long> relationships, List<(List<long>, List<long>)> paths, HashSet<string> seenSequences)
    {
        if (paths.Count >= maxPaths) return;
        if (node == from)
        {
            var ordered = Enumerable.Reverse(nodes).ToList();
            // Parallel relationships between the same nodes are one path to a reader.
            if (seenSequences.Add(string.Join(',', ordered))) paths.Add((ordered, Enumerable.Reverse(relationships).ToList()));
            return;
        }
        foreach (var (relationship, previous) in _reached[node].Ways)
        {
            nodes.Add(previous);
            relationships.Add(relationship);
            WalkBack(previous, nodes, relationships, paths, seenSequences);
            nodes.RemoveAt(nodes.Count - 1);
            relationships.RemoveAt(relationships.Count - 1);
            if (paths.Count >= maxPaths) return;
        }
    }
}

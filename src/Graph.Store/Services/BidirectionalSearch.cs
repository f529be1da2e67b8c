using Graph.Store.Memory;

namespace Graph.Store.Services;

/// <summary>
/// One two-sided breadth-first search between two nodes of a <see cref="MemoryGraph"/>, by internal id.
/// The caller holds the graph's read lock. A round expands one whole level of one side; the side chosen is
/// the one whose frontier has fewer relationships to follow, measured on both sides in step and only until
/// the cheaper one is known, so measuring never costs more than twice the expansion it decides.
/// The first node reached by both sides closes a shortest path: every node one side reached at a lower
/// level would already have been met.
/// </summary>
internal sealed class BidirectionalSearch(
    MemoryGraph graph, long from, long to, IReadOnlyCollection<string>? types, bool directed, CancellationToken cancellationToken)
{
    /// <summary>Per node reached, the relationship it was reached by (-1 at the side's start).</summary>
    private readonly Dictionary<long, long> _forward = new() { [from] = -1 };
    private readonly Dictionary<long, long> _backward = new() { [to] = -1 };

    public bool TryFind(out List<long> nodeIds, out List<long> relationshipIds)
    {
        nodeIds = [];
        relationshipIds = [];
        if (from == to)
        {
            nodeIds.Add(from);
            return true;
        }
        List<long> forwardFrontier = [from], backwardFrontier = [to];
        var meeting = -1L;
        while (meeting < 0 && forwardFrontier.Count > 0 && backwardFrontier.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var forwardDirection = directed ? Direction.Outgoing : Direction.Both;
            var backwardDirection = directed ? Direction.Incoming : Direction.Both;
            var growForward = CheaperIsFirst(forwardFrontier, forwardDirection, backwardFrontier, backwardDirection);
            if (growForward) forwardFrontier = Expand(forwardFrontier, forwardDirection, _forward, _backward, ref meeting);
            else backwardFrontier = Expand(backwardFrontier, backwardDirection, _backward, _forward, ref meeting);
        }
        if (meeting < 0) return false;

        for (var node = meeting; ;)
        {
            nodeIds.Insert(0, node);
            var via = _forward[node];
            if (via < 0) break;
            relationshipIds.Insert(0, via);
            node = OtherEnd(via, node);
        }
        for (var node = meeting; _backward[node] is var via && via >= 0;)
        {
            relationshipIds.Add(via);
            node = OtherEnd(via, node);
            nodeIds.Add(node);
        }
        return true;
    }

    private List<long> Expand(List<long> frontier, Direction direction, Dictionary<long, long> reached, Dictionary<long, long> other, ref long meeting)
    {
        var next = new List<long>();
        foreach (var node in frontier)
        {
            foreach (var relationship in graph.GetRelationshipIds(node, direction, types))
            {
                var neighbour = OtherEnd(relationship, node);
                if (!reached.TryAdd(neighbour, relationship)) continue;
                next.Add(neighbour);
                if (other.ContainsKey(neighbour))
                {
                    meeting = neighbour;
                    return next;
                }
            }
        }
        return next;
    }

    /// <summary>Whether expanding <paramref name="first"/> follows no more relationships than expanding <paramref name="second"/>.</summary>
    private bool CheaperIsFirst(List<long> first, Direction firstDirection, List<long> second, Direction secondDirection)
    {
        long firstCost = 0, secondCost = 0;
        int i = 0, j = 0;
        // Add degrees on both sides in step; once one side is fully counted and not above the other's partial
        // sum, it is the cheaper (a hub's thousands of relationships are never counted past that point).
        while (true)
        {
            if (i == first.Count && firstCost <= secondCost) return true;
            if (j == second.Count && secondCost < firstCost) return false;
            if (i < first.Count && (firstCost <= secondCost || j == second.Count)) firstCost += graph.Degree(first[i++], firstDirection, types);
            else secondCost += graph.Degree(second[j++], secondDirection, types);
        }
    }

    private long OtherEnd(long relationship, long node)
    {
        graph.TryGetRelationship(relationship, out var r);
        return r.OtherEnd(node);
    }
}

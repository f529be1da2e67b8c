using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

/// <summary>
/// <c>shortestPath</c> and <c>allShortestPaths</c> over one variable-length relationship as a breadth-first search:
/// from both ends at once when both are known before the search (bound, or found by an index), else outwards from the
/// start to every node the end pattern accepts. Each node is reached once per search, so the work grows with the
/// nodes within reach, not with the number of paths between them.
/// </summary>
internal sealed partial class PatternMatcher
{
    /// <summary>Per node reached: its depth from the search's origin and the (relationship, previous node) steps reaching it at that depth.</summary>
    private sealed class SearchTree
    {
        public Dictionary<long, int> Depth { get; } = [];

        public Dictionary<long, List<(long Rel, long Previous)>> Parents { get; } = [];

        public List<long> Frontier { get; set; } = [];

        public int Level { get; set; }

        public SearchTree(long origin)
        {
            Depth[origin] = 0;
            Frontier.Add(origin);
        }
    }

    /// <summary>The rows of a shortest-path part found by breadth-first search; null when the part needs the general matcher.</summary>
    private IEnumerable<Row>? ShortestByBreadthFirst(PatternPart part, Row row, HashSet<long> used, MatchPlan plan)
    {
        if (part.Relationships is not [{ VarLength: true } rel] || (rel.MinHops ?? 1) > 1 || IsBound(rel.Variable, row))
        {
            return null;
        }

        if (IsBound(part.Nodes[0].Variable, row) && IsBound(part.Nodes[1].Variable, row) &&
            row[part.Nodes[0].Variable!] is NodeRef a && row[part.Nodes[1].Variable!] is NodeRef b && a.Id == b.Id)
        {
            // From a node to itself: a cycle, which the general matcher finds.
            return null;
        }

        return ShortestRows(part, rel, row, used, plan);
    }

    private IEnumerable<Row> ShortestRows(PatternPart part, RelPattern rel, Row row, HashSet<long> used, MatchPlan plan)
    {
        var all = !string.Equals(part.ShortestKind, "shortestPath", StringComparison.OrdinalIgnoreCase);
        var (startPattern, endPattern) = (part.Nodes[0], part.Nodes[1]);
        var minHops = rel.MinHops ?? 1;
        var maxHops = rel.MaxHops ?? int.MaxValue;
        var endsKnown = IsBound(endPattern.Variable, row) || Selectivity(endPattern, row, plan) <= 2;
        var ends = endsKnown ? StartCandidates(endPattern, row, plan).ToList() : null;
        foreach (var start in StartCandidates(startPattern, row, plan).ToList())
        {
            Context.Tick();
            if (!TryBindNode(startPattern, start, row, out var startBoundHere))
            {
                continue;
            }

            SearchTree? outwards = null;
            foreach (var end in ends ?? Reached(outwards = Outwards(start, rel, maxHops, used, row), minHops == 0))
            {
                if ((end == start && minHops > 0) || !TryBindNode(endPattern, end, row, out var endBoundHere))
                {
                    continue;
                }

                var paths = end == start ? [([start], [])]
                    : outwards is not null ? PathsTo(outwards, start, end, all, reverse: false)
                    : Between(start, end, rel, maxHops, all, used, row);
                foreach (var (nodes, rels) in paths)
                {
                    foreach (var _ in BindPath(part, rel, nodes, rels, row, used))
                    {
                        yield return row;
                    }
                }

                if (endBoundHere)
                {
                    row.Remove(endPattern.Variable!);
                }
            }

            if (startBoundHere)
            {
                row.Remove(startPattern.Variable!);
            }
        }
    }

    /// <summary>Binds a found path's relationship list and path variable (and marks its relationships used) while the caller reads the row.</summary>
    private static IEnumerable<bool> BindPath(PatternPart part, RelPattern rel, List<long> nodes, List<long> rels, Row row, HashSet<long> used)
    {
        if (rels.Any(used.Contains))
        {
            yield break;
        }

        used.UnionWith(rels);
        if (rel.Variable is not null)
        {
            row[rel.Variable] = rels.Select(r => (object?)new RelRef(r)).ToList();
        }

        if (part.PathVariable is not null)
        {
            row[part.PathVariable] = new PathValue(nodes, rels);
        }

        yield return true;
        if (rel.Variable is not null)
        {
            row.Remove(rel.Variable);
        }

        if (part.PathVariable is not null)
        {
            row.Remove(part.PathVariable);
        }

        used.ExceptWith(rels);
    }

    /// <summary>Nodes reached by a search, nearest first (the origin only when a path may have no relationship).</summary>
    private static IEnumerable<long> Reached(SearchTree tree, bool withOrigin) =>
        tree.Depth.Where(e => e.Value > 0 || withOrigin).OrderBy(e => e.Value).Select(e => e.Key);

    /// <summary>Grows the tree by one level; answers the nodes first reached at it.</summary>
    private List<long> GrowLevel(SearchTree tree, RelPattern rel, RelDirection direction, HashSet<long> used, Row row)
    {
        var next = new List<long>();
        var level = tree.Level + 1;
        foreach (var node in tree.Frontier)
        {
            foreach (var (r, other, type) in Steps(node, direction))
            {
                Context.Tick();
                if (used.Contains(r) || !RelMatches(rel, r, type, row))
                {
                    continue;
                }

                if (tree.Depth.TryAdd(other, level))
                {
                    tree.Parents[other] = [(r, node)];
                    next.Add(other);
                }
                else if (tree.Depth[other] == level)
                {
                    tree.Parents[other].Add((r, node));
                }
            }
        }

        tree.Frontier = next;
        tree.Level = level;
        return next;
    }

    private SearchTree Outwards(long start, RelPattern rel, int maxHops, HashSet<long> used, Row row)
    {
        var tree = new SearchTree(start);
        while (tree.Frontier.Count > 0 && tree.Level < maxHops)
        {
            GrowLevel(tree, rel, rel.Direction, used, row);
        }

        return tree;
    }

    /// <summary>
    /// The shortest paths from <paramref name="start"/> to <paramref name="end"/>: the two searches take turns, the one with
    /// the smaller frontier growing by a level, until they meet. Every shortest path crosses, at the forward search's last
    /// level, a node the backward search has reached, at the least sum of the two depths.
    /// </summary>
    private IEnumerable<(List<long> Nodes, List<long> Rels)> Between(long start, long end, RelPattern rel, int maxHops, bool all,
        HashSet<long> used, Row row)
    {
        if (!all && StoreSearchApplies(rel, used) && Context.Graph.Shortcuts is { } store)
        {
            // The store's own search: the same rounds over internal ids, with no step, list or dictionary of lists per relationship.
            if (store.TryFindShortestPath(start, end, rel.Types, rel.Direction, maxHops, Context.Tick, out var nodes, out var rels))
            {
                yield return (nodes, rels);
            }

            yield break;
        }

        var forward = new SearchTree(start);
        var backward = new SearchTree(end);
        var against = Flipped(rel).Direction;
        while (forward.Frontier.Count > 0 && backward.Frontier.Count > 0 && forward.Level + backward.Level < maxHops)
        {
            var growForward = forward.Frontier.Count <= backward.Frontier.Count;
            var (grown, other) = growForward ? (forward, backward) : (backward, forward);
            var reached = GrowLevel(grown, rel, growForward ? rel.Direction : against, used, row);
            var meetings = reached.Where(other.Depth.ContainsKey).ToList();
            if (meetings.Count == 0)
            {
                continue;
            }

            var shortest = meetings.Min(m => other.Depth[m]);
            foreach (var meeting in meetings.Where(m => other.Depth[m] == shortest))
            {
                foreach (var (fromNodes, fromRels) in PathsTo(forward, start, meeting, all, reverse: false))
                {
                    foreach (var (toNodes, toRels) in PathsTo(backward, end, meeting, all, reverse: true))
                    {
                        yield return ([.. fromNodes, .. toNodes.Skip(1)], [.. fromRels, .. toRels]);
                        if (!all)
                        {
                            yield break;
                        }
                    }
                }
            }

            yield break;
        }
    }

    /// <summary>
    /// Whether one shortest path may come from the store's search: the relationship is constrained by its types and
    /// direction alone (no property map, type expression or inline WHERE to test on each step), and no relationship is
    /// already taken by another part of the pattern.
    /// </summary>
    private static bool StoreSearchApplies(RelPattern rel, HashSet<long> used) =>
        used.Count == 0 && rel.Properties is null && rel.TypeExpression is null && rel.Where is null && rel.Step is null && !rel.RepeatsRelationships;

    /// <summary>
    /// The tree's paths from its origin to <paramref name="target"/> (one, or all of them), in the origin-to-target order, or
    /// (<paramref name="reverse"/>) target-to-origin, as a backward search's paths read in the pattern's order.
    /// </summary>
    private IEnumerable<(List<long> Nodes, List<long> Rels)> PathsTo(SearchTree tree, long origin, long target, bool all, bool reverse)
    {
        var nodes = new List<long> { target };
        var rels = new List<long>();
        if (!all)
        {
            // One path: the first step recorded at each node, without a nested iterator per step.
            for (var node = target; node != origin;)
            {
                var (rel, previous) = tree.Parents[node][0];
                rels.Add(rel);
                nodes.Add(previous);
                node = previous;
            }

            if (!reverse)
            {
                nodes.Reverse();
                rels.Reverse();
            }

            yield return (nodes, rels);
            yield break;
        }

        foreach (var _ in Walk(target))
        {
            var (n, r) = (new List<long>(nodes), new List<long>(rels));
            if (!reverse)
            {
                n.Reverse();
                r.Reverse();
            }

            yield return (n, r);
        }

        IEnumerable<bool> Walk(long node)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            if (node == origin)
            {
                yield return true;
                yield break;
            }

            foreach (var (rel, previous) in tree.Parents[node])
            {
                Context.Tick();
                nodes.Add(previous);
                rels.Add(rel);
                foreach (var found in Walk(previous))
                {
                    yield return found;
                }

                nodes.RemoveAt(nodes.Count - 1);
                rels.RemoveAt(rels.Count - 1);
            }
        }
    }
}

/// <summary>Variable-length relationships walked as the set of nodes they reach, when only distinct rows matter.</summary>
internal sealed partial class PatternMatcher
{
    /// <summary>
    /// One part, one directed variable-length relationship with no variable and no path: the only case where the
    /// reachable end nodes are exactly the ends of the pattern's paths. A node other than the start ends a path of
    /// length 1..max exactly when it lies within max steps (the shortest walk to it is a simple path); the start ends one
    /// when a directed cycle through it is at most max long (the shortest closed directed walk is a simple cycle). An
    /// undirected walk can go back along the relationship it came by, so undirected patterns keep the general matcher.
    /// </summary>
    private static bool ReachableEndsSuffice(IReadOnlyList<PatternPart> parts) =>
        parts is [{ PathVariable: null, ShortestKind: null, PathMode: null, Relationships: [{ VarLength: true, Variable: null, Step: null } rel] }] &&
        rel.Direction != RelDirection.Either && (rel.MinHops ?? 1) <= 1;

    /// <summary>The nodes reached from <paramref name="start"/> in min..max steps, each once, nearest first: one frontier per depth.</summary>
    private IEnumerable<long> ReachableEnds(RelPattern rel, long start, int min, int max, Row row)
    {
        var reached = new HashSet<long> { start };
        var startIsEnd = min == 0;
        if (startIsEnd)
        {
            yield return start;
        }

        var frontier = new List<long> { start };
        for (var depth = 1; depth <= max && frontier.Count > 0; depth++)
        {
            var next = new List<long>();
            foreach (var node in frontier)
            {
                foreach (var other in HopEnds(node, rel, row))
                {
                    Context.Tick();
                    if (other == start && !startIsEnd)
                    {
                        startIsEnd = true;
                        yield return start;
                    }
                    else if (reached.Add(other))
                    {
                        next.Add(other);
                        yield return other;
                    }
                }
            }

            frontier = next;
        }
    }
}

using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

// GQL path selectors and modes, and the group variables of quantified path patterns.
internal sealed partial class PatternMatcher
{
    /// <summary>The name a selected part's path is bound to while its matches are grouped, when the query names none.</summary>
    private const string SelectedPath = " selected path";

    private static bool IsLegacyShortest(PatternPart part) =>
        part.PathMode is null && part.Relationships.All(r => r.Step is null) &&
        (string.Equals(part.ShortestKind, "shortestPath", StringComparison.OrdinalIgnoreCase) ||
         string.Equals(part.ShortestKind, "allShortestPaths", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The matches a path selector keeps, per pair of end nodes: <c>SHORTEST k</c> the k shortest, <c>SHORTEST k GROUPS</c>
    /// those of the k shortest lengths, <c>ANY k</c> any k; <c>ACYCLIC</c> drops paths that repeat a node (TRAIL, never
    /// repeating a relationship, is how every pattern matches). The matches are found by the general matcher, then grouped.
    /// </summary>
    private IEnumerable<Row> SelectPaths(PatternPart part, Row row, HashSet<long> used, MatchPlan plan)
    {
        if (DeepeningFrom(part, row, plan) is { } fromEnd)
        {
            return SelectByDeepening(part, row, used, plan, fromEnd);
        }

        return SelectAmongAllPaths(part, row, used, plan);
    }

    private IEnumerable<Row> SelectAmongAllPaths(PatternPart part, Row row, HashSet<long> used, MatchPlan plan)
    {
        var named = part.PathVariable;
        var walked = named is null ? part with { PathVariable = SelectedPath } : part;
        var found = new List<(Row Row, PathValue Path)>();
        using var held = new HeldMatches(Context.Budget);
        foreach (var _ in MatchPart(walked, row, used, plan))
        {
            held.Add(row);
            var path = (PathValue)row[walked.PathVariable!]!;
            if (part.PathMode == "ACYCLIC" && path.Nodes.Distinct().Count() != path.Nodes.Count)
            {
                continue;
            }

            var copy = new Row(row);
            copy.Remove(SelectedPath);
            found.Add((copy, path));
        }

        var count = part.ShortestCount ?? 1;
        foreach (var group in found.GroupBy(m => (m.Path.Nodes[0], m.Path.Nodes[^1])))
        {
            var byLength = group.OrderBy(m => m.Path.Relationships.Count);
            var kept = part.ShortestKind?.ToUpperInvariant() switch
            {
                "SHORTESTPATH" => byLength.Take(1),
                "ALLSHORTESTPATHS" => byLength.TakeWhile(m => m.Path.Relationships.Count == byLength.First().Path.Relationships.Count),
                "SHORTEST" => byLength.Take(count),
                "SHORTESTGROUPS" => ShortestGroups(byLength, count),
                "ANY" => group.Take(count),
                _ => group,
            };
            foreach (var shared in Yield(kept.Select(k => k.Row), row))
            {
                yield return shared;
            }
        }
    }

    private static IEnumerable<(Row Row, PathValue Path)> ShortestGroups(IEnumerable<(Row Row, PathValue Path)> byLength, int groups)
    {
        var lengths = byLength.Select(m => m.Path.Relationships.Count).Distinct().Take(groups).ToHashSet();
        return byLength.Where(m => lengths.Contains(m.Path.Relationships.Count));
    }

    /// <summary>Whether one repetition of a quantified path pattern holds: its inner nodes and its WHERE.</summary>
    private bool StepMatches(RelPattern pattern, long current, long rel, long other, Row row)
    {
        if (pattern.Step is not { } step)
        {
            return true;
        }

        if (!NodeMatches(step.Left, current, row) || !NodeMatches(step.Right, other, row))
        {
            return false;
        }

        if (step.Where is null && step.Left.Where is null && step.Right.Where is null)
        {
            return true;
        }

        var inner = new Row(row);
        if (step.Left.Variable is not null)
        {
            inner[step.Left.Variable] = new NodeRef(current);
        }

        if (step.Right.Variable is not null)
        {
            inner[step.Right.Variable] = new NodeRef(other);
        }

        if (pattern.Variable is not null)
        {
            inner[pattern.Variable] = new RelRef(rel);
        }

        return new[] { step.Left.Where, step.Right.Where, step.Where }.All(w => w is null || evaluator.EvalPredicate(w, inner) == true);
    }

    /// <summary>
    /// Binds a quantified path pattern's node group variables: the inner left and right nodes of every repetition, in
    /// written order (<paramref name="walked"/> holds the nodes in walking order, <paramref name="reversed"/> when walked
    /// right to left). Answers the names bound, to unbind after.
    /// </summary>
    private static List<string> BindGroups(RelPattern pattern, IReadOnlyList<long> walked, IReadOnlyList<long> rels, bool reversed, Row row)
    {
        var bound = new List<string>();
        if (pattern.Step is not { } step)
        {
            return bound;
        }

        if (step.MultiHop)
        {
            return BindStretchGroups(step, walked, rels, reversed, row);
        }

        var lefts = walked.Take(walked.Count - 1).Select(n => (object?)new NodeRef(n)).ToList();
        var rights = walked.Skip(1).Select(n => (object?)new NodeRef(n)).ToList();
        if (reversed)
        {
            lefts.Reverse();
            rights.Reverse();
        }

        foreach (var (variable, nodes) in new[] { (step.Left.Variable, lefts), (step.Right.Variable, rights) })
        {
            if (variable is not null && !row.ContainsKey(variable))
            {
                row[variable] = nodes;
                bound.Add(variable);
            }
        }

        return bound;
    }

    /// <summary>The name the far end of a selected part is bound to while paths are deepened.</summary>
    private const string SelectedEnd = " selected end";

    /// <summary>
    /// Whether <c>SHORTEST k</c>, <c>SHORTEST k GROUPS</c> or <c>ANY k</c> can deepen one variable-length relationship or
    /// repeated stretch rather than list every path first: null when not, false to deepen from the start, true from the
    /// end (a single relationship whose end is the more selective, walked against its direction). The side deepened
    /// towards may have no inline WHERE, which the deepening checks only by label and properties.
    /// </summary>
    private bool? DeepeningFrom(PatternPart part, Row row, MatchPlan plan)
    {
        if (part.ShortestKind?.ToUpperInvariant() is not ("SHORTEST" or "SHORTESTGROUPS" or "ANY") ||
            part.Relationships is not [{ VarLength: true } rel] || IsBound(rel.Variable, row) || (rel.MinHops ?? 1) > 1 ||
            rel.Step is { MultiHop: false })
        {
            return null;
        }

        var (start, end) = (part.Nodes[0], part.Nodes[^1]);
        if (rel.Step is not null)
        {
            // A stretch's reach is searched by labels and properties alone: exact only without inline WHEREs at the ends.
            return start.Where is null && end.Where is null ? false : null;
        }

        var fromEnd = start.Where is null && Selectivity(end, row, plan) < Selectivity(start, row, plan);
        return fromEnd ? true : end.Where is null ? false : null;
    }

    /// <summary>
    /// The selected paths found length by length: the (start, end) pairs connected at all are found first (a
    /// breadth-first search), then the paths of 1, 2, … hops (or repetitions of a stretch) are walked from the starts until
    /// every connected pair has its k paths (or k lengths), or no path is that long. Listing every path first would walk
    /// paths far longer than the ones kept, which on a graph with cycles never ends in time (and a WALK never ends at all).
    /// From the end (<paramref name="fromEnd"/>), the part is walked reversed and its paths turned back to written order.
    /// </summary>
    private IEnumerable<Row> SelectByDeepening(PatternPart written, Row row, HashSet<long> used, MatchPlan plan, bool fromEnd)
    {
        var part = fromEnd
            ? written with { Nodes = [written.Nodes[^1], written.Nodes[0]], Relationships = [Flipped(written.Relationships[0])] }
            : written;
        var rel = part.Relationships[0];
        var end = part.Nodes[^1];
        var kind = part.ShortestKind!.ToUpperInvariant();
        var count = part.ShortestCount ?? 1;
        if (ConnectedPairs(part, row, used, plan) is not { } connected)
        {
            return SelectAmongAllPaths(written, row, used, plan);
        }

        var found = new List<(Row Row, (long, long) Pair)>();
        var paths = new Dictionary<(long, long), int>();
        var lengths = new Dictionary<(long, long), SortedSet<int>>();
        var pathName = part.PathVariable ?? SelectedPath;
        var open = part with { PathVariable = pathName, Nodes = [part.Nodes[0], new NodePattern(end.Offset, SelectedEnd, [], null)] };
        var maxHops = rel.MaxHops ?? int.MaxValue;
        var hopsPerDepth = rel.Step is { MultiHop: true } stretch ? stretch.Rels.Count : 1;
        for (var depth = Math.Max(rel.MinHops ?? 1, 1); depth <= maxHops && connected.Any(pair => !Done(pair, depth * hopsPerDepth)); depth++)
        {
            var anyPath = false;
            var exact = open with { Relationships = [rel with { MinHops = depth, MaxHops = depth }] };
            foreach (var _ in MatchPart(exact, row, used, plan))
            {
                anyPath = true;
                var path = (PathValue)row[pathName]!;
                var length = path.Relationships.Count;
                var endId = ((NodeRef)row[SelectedEnd]!).Id;
                var pair = (path.Nodes[0], endId);
                if (!connected.Contains(pair) || Done(pair, length) || !NodeMatches(end, endId, row) ||
                    (end.Variable is not null && row.TryGetValue(end.Variable, out var bound) && (bound is not NodeRef b || b.Id != endId)) ||
                    (part.PathMode == "ACYCLIC" && path.Nodes.Distinct().Count() != path.Nodes.Count))
                {
                    continue;
                }

                paths[pair] = paths.GetValueOrDefault(pair) + 1;
                (lengths.TryGetValue(pair, out var seen) ? seen : lengths[pair] = []).Add(length);
                var copy = new Row(row);
                copy.Remove(SelectedEnd);
                if (part.PathVariable is null)
                {
                    copy.Remove(SelectedPath);
                }
                else if (fromEnd)
                {
                    copy[part.PathVariable] = new PathValue([.. path.Nodes.Reverse()], [.. path.Relationships.Reverse()]);
                }

                if (fromEnd && rel.Variable is not null && copy[rel.Variable] is List<object?> walkedRels)
                {
                    copy[rel.Variable] = Enumerable.Reverse(walkedRels).ToList();
                }

                if (end.Variable is not null)
                {
                    copy[end.Variable] = new NodeRef(endId);
                }

                found.Add((copy, pair));
            }

            if (!anyPath)
            {
                // No path of this length from any start: none is longer either.
                break;
            }
        }

        return Yield(found.OrderBy(f => f.Pair).Select(f => f.Row), row);

        // SHORTEST k and ANY k: k paths. SHORTEST k GROUPS: k lengths, the k-th one walked to its end (lengths in hops).
        bool Done((long, long) pair, int length) => kind == "SHORTESTGROUPS"
            ? lengths.TryGetValue(pair, out var seen) && (seen.Count > count || (seen.Count == count && length > seen.Max))
            : paths.GetValueOrDefault(pair) >= count;
    }

    /// <summary>
    /// The (start, end) pairs a deepened part connects at all; null when the breadth-first search does not apply. A repeated
    /// stretch of several hops is searched one repetition at a time, relationships allowed again (exact for a WALK, and an
    /// upper bound for a TRAIL, whose deepening ends anyway once no trail is long enough).
    /// </summary>
    private HashSet<(long, long)>? ConnectedPairs(PatternPart part, Row row, HashSet<long> used, MatchPlan plan)
    {
        var connected = new HashSet<(long, long)>();
        if (part.Relationships[0] is { Step: { MultiHop: true } stretch } rel)
        {
            foreach (var start in StartCandidates(part.Nodes[0], row, plan).ToList())
            {
                if (NodeMatches(part.Nodes[0], start, row))
                {
                    connected.UnionWith(StretchReach(stretch, start, rel.MaxHops ?? int.MaxValue, row)
                        .Where(end => NodeMatches(part.Nodes[^1], end, row)).Select(end => (start, end)));
                }
            }

            return connected;
        }

        var search = part with { ShortestKind = "shortestPath", PathVariable = SelectedPath, PathMode = null };
        if (ShortestByBreadthFirst(search, row, used, plan) is not { } searched)
        {
            return null;
        }

        foreach (var _ in searched)
        {
            var shortest = (PathValue)row[SelectedPath]!;
            connected.Add((shortest.Nodes[0], shortest.Nodes[^1]));
        }

        row.Remove(SelectedPath);
        return connected;
    }

    /// <summary>The nodes one to <paramref name="maxRepetitions"/> repetitions of a stretch reach from a node (breadth first).</summary>
    private HashSet<long> StretchReach(QuantifiedStep stretch, long start, int maxRepetitions, Row row)
    {
        var reached = new HashSet<long>();
        var frontier = new List<long> { start };
        for (var repetition = 1; repetition <= maxRepetitions && frontier.Count > 0; repetition++)
        {
            var next = new List<long>();
            foreach (var node in frontier)
            {
                if (!NodeMatches(stretch.Nodes[0], node, row))
                {
                    continue;
                }

                var pathNodes = new List<long> { node };
                foreach (var _ in Stretch(stretch, repeats: true, 0, node, [], [], row, pathNodes, []))
                {
                    if (reached.Add(pathNodes[^1]))
                    {
                        next.Add(pathNodes[^1]);
                    }
                }
            }

            frontier = next;
        }

        return reached;
    }

    /// <summary>Hands out each kept match through the matcher's shared row, as the other part matchers do.</summary>
    private static IEnumerable<Row> Yield(IEnumerable<Row> matches, Row row)
    {
        foreach (var match in matches.ToList())
        {
            var saved = new Row(row);
            row.Clear();
            foreach (var (k, v) in match)
            {
                row[k] = v;
            }

            yield return row;
            row.Clear();
            foreach (var (k, v) in saved)
            {
                row[k] = v;
            }
        }
    }

    /// <summary>
    /// Walks <paramref name="step"/>'s stretch of hops again and again from <paramref name="current"/>, answering after each
    /// repetition from <paramref name="min"/> to <paramref name="max"/> (the path so far in the lists, its relationships in
    /// <paramref name="sequence"/>). In a WALK (<paramref name="repeats"/>) a repetition may take a relationship again.
    /// </summary>
    private IEnumerable<bool> Repeat(QuantifiedStep step, bool repeats, long current, int min, int max, int repetitions, List<long> sequence,
        HashSet<long> used, Row row, List<long> pathNodes, List<long> pathRels)
    {
        if (repetitions >= min)
        {
            yield return true;
        }

        if (repetitions >= max)
        {
            yield break;
        }

        if (!NodeMatches(step.Nodes[0], current, row))
        {
            yield break;
        }

        foreach (var _ in Stretch(step, repeats, 0, current, sequence, used, row, pathNodes, pathRels))
        {
            foreach (var r in Repeat(step, repeats, pathNodes[^1], min, max, repetitions + 1, sequence, used, row, pathNodes, pathRels))
            {
                yield return r;
            }
        }
    }

    /// <summary>One repetition of a stretch, hop by hop from hop <paramref name="hop"/>; its WHERE is checked once the stretch is walked.</summary>
    private IEnumerable<bool> Stretch(QuantifiedStep step, bool repeats, int hop, long current, List<long> sequence, HashSet<long> used, Row row,
        List<long> pathNodes, List<long> pathRels)
    {
        if (hop == step.Rels.Count)
        {
            if (StretchWhereHolds(step, pathNodes, pathRels, row))
            {
                yield return true;
            }

            yield break;
        }

        var relPattern = step.Rels[hop];
        foreach (var (rel, other, type) in Steps(current, relPattern.Direction))
        {
            Context.Tick();
            if ((used.Contains(rel) && !repeats) || !RelMatches(relPattern, rel, type, row) || !NodeMatches(step.Nodes[hop + 1], other, row))
            {
                continue;
            }

            if (!repeats)
            {
                used.Add(rel);
            }

            sequence.Add(rel);
            pathNodes.Add(other);
            pathRels.Add(rel);
            foreach (var r in Stretch(step, repeats, hop + 1, other, sequence, used, row, pathNodes, pathRels))
            {
                yield return r;
            }

            pathNodes.RemoveAt(pathNodes.Count - 1);
            pathRels.RemoveAt(pathRels.Count - 1);
            sequence.RemoveAt(sequence.Count - 1);
            if (!repeats)
            {
                used.Remove(rel);
            }
        }
    }

    /// <summary>The stretch's WHERE and its nodes' inline WHERE, with its inner variables bound to the repetition just walked.</summary>
    private bool StretchWhereHolds(QuantifiedStep step, List<long> pathNodes, List<long> pathRels, Row row)
    {
        var predicates = step.Nodes.Select(n => n.Where).Concat(step.Rels.Select(r => r.Where)).Append(step.Where).OfType<Expr>().ToList();
        if (predicates.Count == 0)
        {
            return true;
        }

        var hops = step.Rels.Count;
        var inner = new Row(row);
        for (var i = 0; i <= hops; i++)
        {
            if (step.Nodes[i].Variable is { } node)
            {
                inner[node] = new NodeRef(pathNodes[pathNodes.Count - 1 - hops + i]);
            }

            if (i < hops && step.Rels[i].Variable is { } rel)
            {
                inner[rel] = new RelRef(pathRels[pathRels.Count - hops + i]);
            }
        }

        return predicates.All(p => evaluator.EvalPredicate(p, inner) == true);
    }

    /// <summary>The group variables of a stretch: per inner node and relationship, its element in every repetition, in written order.</summary>
    private static List<string> BindStretchGroups(QuantifiedStep step, IReadOnlyList<long> walked, IReadOnlyList<long> rels, bool reversed, Row row)
    {
        var bound = new List<string>();
        var hops = step.Rels.Count;
        var repetitions = rels.Count / hops;
        void Bind(string? variable, Func<int, object?> element)
        {
            if (variable is null || row.ContainsKey(variable))
            {
                return;
            }

            var list = Enumerable.Range(0, repetitions).Select(element).ToList();
            if (reversed)
            {
                list.Reverse();
            }

            row[variable] = list;
            bound.Add(variable);
        }

        for (var i = 0; i <= hops; i++)
        {
            var index = i;
            Bind(step.Nodes[index].Variable, k => new NodeRef(walked[index + (k * hops)]));
            if (index < hops)
            {
                Bind(step.Rels[index].Variable, k => new RelRef(rels[index + (k * hops)]));
            }
        }

        return bound;
    }
}

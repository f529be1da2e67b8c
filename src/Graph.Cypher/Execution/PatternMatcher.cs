using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

/// <summary>
/// Finds the bindings of a pattern by backtracking from a start node, keeping each relationship at most
/// once per pattern (relationship isomorphism). The plan is rule-based: each pattern part starts at its most
/// selective node wherever it stands (a bound variable, else the unique key index (<c>id</c>), else a
/// (label, property) index from an inline map or a WHERE equality, else the label index, else every node)
/// and expands from there to the right as written and to the left against the arrows; each WHERE conjunct
/// is pushed down to run as soon as the pattern parts binding its variables are matched.
/// </summary>
internal sealed partial class PatternMatcher(Evaluator evaluator)
{
    private ExecutionContext Context => evaluator.Context;

    /// <summary>Where each WHERE conjunct runs, and the property lookups WHERE offers for start nodes.</summary>
    private sealed record MatchPlan(List<Expr>[] ConjunctsAfterPart, Dictionary<string, (string Key, Expr Value)> Lookups)
    {
        /// <summary>WHERE <c>n.key IN list</c> conjuncts, which a labelled start node answers by one lookup per element.</summary>
        public Dictionary<string, (string Key, Expr Values)> InLookups { get; init; } = [];

        /// <summary>WHERE <c>n.key STARTS WITH x</c> and <c>n.key &lt; x</c> (and the like) conjuncts, which an ordered index answers by a slice.</summary>
        public Dictionary<string, List<(string Key, string Op, Expr Value)>> RangeLookups { get; init; } = [];

        /// <summary>Whether the variable-length relationship may be walked as reachable end nodes (see <see cref="MatchPattern"/>).</summary>
        public bool DistinctEnds { get; init; }
    }

    /// <summary>
    /// Every extension of <paramref name="row"/> that matches all parts and satisfies <paramref name="where"/>. When
    /// <paramref name="onlyDistinctRowsMatter"/> (the rows go to DISTINCT, or to aggregates that ignore repeats), a lone
    /// directed variable-length relationship with no variable is walked as a breadth-first search that reaches each
    /// end node once, rather than once per path to it.
    /// </summary>
    public IEnumerable<Row> MatchPattern(IReadOnlyList<PatternPart> parts, Row row, Expr? where, bool onlyDistinctRowsMatter = false)
    {
        var used = new HashSet<long>();
        where = WithInlinePredicates(parts, where);
        var plan = Plan(parts, row, where) with { DistinctEnds = onlyDistinctRowsMatter && ReachableEndsSuffice(parts) };
        foreach (var match in MatchParts(parts, 0, new Row(row), used, plan))
        {
            Context.Tick();
            yield return match;
        }
    }

    private static void Conjuncts(Expr e, List<Expr> into)
    {
        if (e is BinaryExpr { Op: "AND" } and)
        {
            Conjuncts(and.Left, into);
            Conjuncts(and.Right, into);
        }
        else
        {
            into.Add(e);
        }
    }

    private static string Flip(string op) => op switch { "<" => ">", "<=" => ">=", ">" => "<", _ => "<=" };

    private static bool NeedsWholeMatch(Expr e) =>
        e is PatternExpr or PatternComprehensionExpr or ExistsSubqueryExpr or CollectSubqueryExpr || ExprWalker.Children(e).Any(NeedsWholeMatch);

    private static MatchPlan Plan(IReadOnlyList<PatternPart> parts, Row row, Expr? where)
    {
        var after = new List<Expr>[parts.Count];
        for (var i = 0; i < after.Length; i++)
        {
            after[i] = [];
        }

        var lookups = new Dictionary<string, (string, Expr)>(StringComparer.Ordinal);
        var inLookups = new Dictionary<string, (string, Expr)>(StringComparer.Ordinal);
        var rangeLookups = new Dictionary<string, List<(string, string, Expr)>>(StringComparer.Ordinal);
        if (where is null)
        {
            return new MatchPlan(after, lookups);
        }

        var conjuncts = new List<Expr>();
        Conjuncts(where, conjuncts);
        var partVariables = parts.Select(p => Semantics.SemanticChecker.PatternVariables([p])).ToList();
        foreach (var conjunct in conjuncts)
        {
            var variables = new List<string>();
            Semantics.SemanticChecker.FreeVariables(conjunct, [], variables);
            var at = parts.Count - 1;
            if (!NeedsWholeMatch(conjunct))
            {
                var seen = new HashSet<string>(row.Keys, StringComparer.Ordinal);
                for (var i = 0; i < parts.Count; i++)
                {
                    seen.UnionWith(partVariables[i]);
                    if (variables.All(seen.Contains))
                    {
                        at = i;
                        break;
                    }
                }
            }

            after[at].Add(conjunct);
            if (conjunct is BinaryExpr { Op: "=" } equality)
            {
                foreach (var (property, value) in new[] { (equality.Left, equality.Right), (equality.Right, equality.Left) })
                {
                    var valueVariables = new List<string>();
                    Semantics.SemanticChecker.FreeVariables(value, [], valueVariables);
                    if (property is PropertyExpr { Target: VariableExpr target } p && !row.ContainsKey(target.Name) &&
                        valueVariables.All(row.ContainsKey) && !NeedsWholeMatch(value))
                    {
                        lookups.TryAdd(target.Name, (p.Key, value));
                    }
                }
            }
            else if (conjunct is BinaryExpr { Op: "IN", Left: PropertyExpr { Target: VariableExpr inTarget } inProperty } membership &&
                     !row.ContainsKey(inTarget.Name) && !NeedsWholeMatch(membership.Right))
            {
                var listVariables = new List<string>();
                Semantics.SemanticChecker.FreeVariables(membership.Right, [], listVariables);
                if (listVariables.All(row.ContainsKey)) inLookups.TryAdd(inTarget.Name, (inProperty.Key, membership.Right));
            }
            else if (conjunct is BinaryExpr { Op: "STARTS" or "<" or "<=" or ">" or ">=" } comparison)
            {
                // The property on the left: `5 < n.x` is `n.x > 5`.
                var (side, other, op) = comparison.Left is PropertyExpr ? (comparison.Left, comparison.Right, comparison.Op)
                    : comparison.Op == "STARTS" ? (comparison.Left, comparison.Right, "") : (comparison.Right, comparison.Left, Flip(comparison.Op));
                var boundVariables = new List<string>();
                Semantics.SemanticChecker.FreeVariables(other, [], boundVariables);
                if (op.Length > 0 && side is PropertyExpr { Target: VariableExpr rangeTarget } rangeProperty && !row.ContainsKey(rangeTarget.Name) &&
                    boundVariables.All(row.ContainsKey) && !NeedsWholeMatch(other))
                {
                    if (!rangeLookups.TryGetValue(rangeTarget.Name, out var list)) rangeLookups[rangeTarget.Name] = list = [];
                    list.Add((rangeProperty.Key, op, other));
                }
            }
        }

        return new MatchPlan(after, lookups) { InLookups = inLookups, RangeLookups = rangeLookups };
    }

    private IEnumerable<Row> MatchParts(IReadOnlyList<PatternPart> parts, int index, Row row, HashSet<long> used, MatchPlan plan)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (index == parts.Count)
        {
            yield return new Row(row);
            yield break;
        }

        var part = parts[index];
        var matches = part.ShortestKind is null && part.PathMode is null ? MatchBetweenKnownEnds(parts, part, row, used, plan) ?? MatchPart(part, row, used, plan)
            : IsLegacyShortest(part) ? ShortestByBreadthFirst(part, row, used, plan) ?? Shortest(part, MatchPart(part, row, used, plan), row)
            : SelectPaths(part, row, used, plan);

        var filters = plan.ConjunctsAfterPart[index];
        foreach (var _ in matches)
        {
            if (!Passes(filters, row))
            {
                continue;
            }

            if (index + 1 == parts.Count)
            {
                // The last part: hand out the row without one more iterator per match.
                yield return new Row(row);
                continue;
            }

            foreach (var result in MatchParts(parts, index + 1, row, used, plan))
            {
                yield return result;
            }
        }
    }

    private bool Passes(List<Expr> filters, Row row)
    {
        foreach (var filter in filters)
        {
            if (evaluator.EvalPredicate(filter, row) != true)
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<Row> Shortest(PatternPart part, IEnumerable<Row> matches, Row row)
    {
        // Materialise, then keep the shortest per pair of end points (all of them for allShortestPaths). Every path
        // between the ends is held here (the breadth-first search does not apply), so each counts against the budget.
        var all = new List<(Row Row, int Length, long Start, long End)>();
        using var held = new HeldMatches(Context.Budget);
        foreach (var _ in matches)
        {
            held.Add(row);
            var length = 0;
            foreach (var rel in part.Relationships)
            {
                length += rel.Variable is not null && row[rel.Variable] is List<object?> list ? list.Count : 1;
            }

            var pathLength = part.PathVariable is not null && row[part.PathVariable] is PathValue p ? p.Relationships.Count : length;
            var start = part.Nodes[0].Variable is { } sv && row[sv] is NodeRef sn ? sn.Id : -1;
            var end = part.Nodes[^1].Variable is { } ev && row[ev] is NodeRef en ? en.Id : -1;
            all.Add((new Row(row), pathLength, start, end));
        }

        var single = string.Equals(part.ShortestKind, "shortestPath", StringComparison.OrdinalIgnoreCase);
        foreach (var group in all.GroupBy(m => (m.Start, m.End)))
        {
            var min = group.Min(m => m.Length);
            var best = group.Where(m => m.Length == min);
            foreach (var m in single ? best.Take(1) : best)
            {
                var saved = new Row(row);
                foreach (var (k, v) in m.Row)
                {
                    row[k] = v;
                }

                yield return m.Row;
                row.Clear();
                foreach (var (k, v) in saved)
                {
                    row[k] = v;
                }
            }
        }
    }

    /// <summary>
    /// The matches a selector holds while it compares them, counted against the query's memory budget as they are
    /// taken (a copy of the row and its values) and let go when the selector is done.
    /// </summary>
    private sealed class HeldMatches(QueryBudget budget) : IDisposable
    {
        private long bytes;

        public void Add(Row row)
        {
            var size = QueryBudget.RowBytes(row.Count);
            foreach (var value in row.Values)
            {
                size += ValueSize.Of(value).Bytes;
            }

            bytes += size;
            budget.Retain(size, "the paths it holds to choose the shortest among them (with the rows it holds)");
        }

        public void Dispose() => budget.Release(bytes);
    }

    private static bool IsBound(string? variable, Row row) => variable is not null && row.ContainsKey(variable);

    /// <summary>
    /// One stretch of a pattern part walked away from the anchor: its nodes from the anchor outwards and the
    /// relationships between them, directions as walked. <see cref="Reversed"/> when it runs right to left in
    /// the pattern as written (a variable-length list then reads back in written order).
    /// </summary>
    private sealed record Segment(IReadOnlyList<NodePattern> Nodes, IReadOnlyList<RelPattern> Relationships, bool Reversed);

    /// <summary>
    /// A pattern part as walked: its segments in walking order. While the second segment is walked,
    /// <see cref="SplitNodes"/> and <see cref="SplitRelationships"/> say how much of the path the first one holds
    /// (variable-length steps make that known only as they are matched).
    /// </summary>
    private sealed class Walk(PatternPart part, IReadOnlyList<Segment> segments)
    {
        public PatternPart Part { get; } = part;

        public IReadOnlyList<Segment> Segments { get; } = segments;

        public int SplitNodes { get; set; }

        public int SplitRelationships { get; set; }

        public bool DistinctEnds { get; init; }
    }

    private static RelPattern Flipped(RelPattern r) => r with
    {
        Step = r.Step is { } step
            ? step with
            {
                Left = step.Right, Right = step.Left, Nodes = [.. step.Nodes.Reverse()], Rels = [.. step.Rels.Reverse().Select(Flipped)],
            }
            : null,
        Direction = r.Direction switch
        {
            RelDirection.Outgoing => RelDirection.Incoming,
            RelDirection.Incoming => RelDirection.Outgoing,
            _ => RelDirection.Either,
        },
    };

    /// <summary>
    /// How many nodes starting at a pattern node is estimated to yield (<see cref="Planning.Cardinality"/>): a node the
    /// row binds already, the unique key (<c>id</c>) or a uniquely constrained property looked up, a (label, property)
    /// equality or IN list, a label's count, every node. Only lookups whose value is known before the pattern is matched count.
    /// </summary>
    private double Selectivity(NodePattern node, Row row, MatchPlan plan)
    {
        if (IsBound(node.Variable, row))
        {
            return 0;
        }

        var equalities = new List<(string Key, Expr Value)>();
        if (node.Properties is MapExpr map)
        {
            equalities.AddRange(map.Entries.Select(e => (e.Key, e.Value)));
        }

        if (node.Variable is not null && plan.Lookups.TryGetValue(node.Variable, out var lookup))
        {
            equalities.Add(lookup);
        }

        var known = equalities.Where(e => !DependsOnPattern(e.Value, row)).Select(e => e.Key).ToList();
        var inList = node.Variable is not null && plan.InLookups.TryGetValue(node.Variable, out var list) && AnswersIn(node, list.Key) &&
                     !DependsOnPattern(list.Values, row)
            ? (list.Values is ListExpr literal ? literal.Items.Count : 10)
            : 0;
        var ranged = node.Variable is not null && node.Labels.Count > 0 && plan.RangeLookups.TryGetValue(node.Variable, out var ranges) &&
                     ranges.Any(r => Context.Graph.Schema.Ordered(node.Labels[0], r.Key) is not null && !DependsOnPattern(r.Value, row));
        if (node.Labels.Count == 0 && !(known.Contains("id") && Context.Graph.KeepsKeyIndex) && IndexedLabels(node.LabelExpression) is { } either)
        {
            // A label expression such as :A|B starts from its labels' indexes: at most the sum of their counts.
            return either.Distinct(StringComparer.Ordinal).Sum(label => (double)Context.Graph.CountNodesWithLabel(label));
        }

        return new Planning.Cardinality(Context.Graph).Start(node, bound: false, known, inList, ranged);
    }

    /// <summary>
    /// The anchor: the most selective node of the part; on a tie the first node, then the last (so a plain
    /// pattern is walked as written), then the leftmost inner node. Shortest-path parts keep their ends.
    /// </summary>
    private int ChooseAnchor(PatternPart part, Row row, MatchPlan plan)
    {
        var nodes = part.Nodes;
        if (part.Relationships.Count == 0)
        {
            return 0;
        }

        var best = 0;
        var bestScore = AnchorScore(part, 0, row, plan);
        // A tie keeps the rule order: the first node, then the last, then the leftmost inner node.
        var lastScore = AnchorScore(part, nodes.Count - 1, row, plan);
        if (lastScore < bestScore)
        {
            best = nodes.Count - 1;
            bestScore = lastScore;
        }

        if (part.ShortestKind is null)
        {
            for (var i = 1; i < nodes.Count - 1; i++)
            {
                var score = AnchorScore(part, i, row, plan);
                if (score < bestScore)
                {
                    best = i;
                    bestScore = score;
                }
            }
        }

        return best;
    }

    /// <summary>A node's estimated start rows: its own (<see cref="Selectivity"/>), or fewer through a relationship index beside it.</summary>
    private double AnchorScore(PatternPart part, int index, Row row, MatchPlan plan)
    {
        var own = Selectivity(part.Nodes[index], row, plan);
        return own > 0 && RelationshipSeek(part, index, row, plan) is { } seek ? Math.Min(own, seek.Count) : own;
    }

    private IEnumerable<Row> MatchPart(PatternPart part, Row row, HashSet<long> used, MatchPlan plan)
    {
        var nodes = part.Nodes;
        var rels = part.Relationships;
        var anchor = ChooseAnchor(part, row, plan);

        // From the anchor rightwards as written, then leftwards with directions flipped.
        var segments = new List<Segment>();
        if (anchor < rels.Count)
        {
            segments.Add(new Segment([.. nodes.Skip(anchor)], [.. rels.Skip(anchor)], Reversed: false));
        }

        if (anchor > 0)
        {
            segments.Add(new Segment([.. nodes.Take(anchor + 1).Reverse()], [.. rels.Take(anchor).Reverse().Select(Flipped)], Reversed: true));
        }

        if (segments.Count == 0)
        {
            segments.Add(new Segment(nodes, rels, Reversed: false));
        }

        var walk = new Walk(part, segments) { DistinctEnds = plan.DistinctEnds };
        var pathNodes = new List<long>();
        var pathRels = new List<long>();
        var seek = RelationshipSeek(part, anchor, row, plan);
        var starts = seek is not null && seek.Count < Selectivity(nodes[anchor], row, plan) ? seek : StartCandidates(nodes[anchor], row, plan);
        foreach (var start in starts)
        {
            Context.Tick();
            if (!TryBindNode(nodes[anchor], start, row, out var boundHere))
            {
                continue;
            }

            pathNodes.Add(start);
            foreach (var _ in Expand(walk, 0, 0, start, row, used, pathNodes, pathRels))
            {
                yield return row;
            }

            pathNodes.RemoveAt(pathNodes.Count - 1);
            if (boundHere)
            {
                row.Remove(nodes[anchor].Variable!);
            }
        }
    }

    /// <summary>
    /// The path in written order from the walk's lists: the anchor and the nodes right of it come first (as
    /// walked), then the nodes left of it (walked outwards, so reversed back).
    /// </summary>
    private static PathValue WrittenOrder(Walk walk, List<long> pathNodes, List<long> pathRels)
    {
        var (rightNodes, rightRels) = walk.Segments.Count > 1 ? (walk.SplitNodes, walk.SplitRelationships)
            : walk.Segments[0].Reversed ? (1, 0)
            : (pathNodes.Count, pathRels.Count);
        var nodes = pathNodes.Skip(rightNodes).Reverse().Concat(pathNodes.Take(rightNodes)).ToList();
        var rels = pathRels.Skip(rightRels).Reverse().Concat(pathRels.Take(rightRels)).ToList();
        return new PathValue(nodes, rels);
    }

    private IEnumerable<long> StartCandidates(NodePattern node, Row row, MatchPlan plan)
    {
        if (node.Variable is not null && row.TryGetValue(node.Variable, out var bound))
        {
            return bound is NodeRef n && Context.Graph.NodeExists(n.Id) ? [n.Id] : [];
        }

        // Property equalities this node must satisfy: its inline map, then WHERE equalities on it.
        var equalities = new List<(string Key, Expr Value)>();
        if (node.Properties is MapExpr map)
        {
            equalities.AddRange(map.Entries.Select(e => (e.Key, e.Value)));
        }

        if (node.Variable is not null && plan.Lookups.TryGetValue(node.Variable, out var lookup))
        {
            equalities.Add(lookup);
        }

        foreach (var (key, valueExpr) in equalities.Where(e => e.Key == "id"))
        {
            if (!DependsOnPattern(valueExpr, row) && evaluator.Eval(valueExpr, row) is string id && Context.Graph.NodesWithKey(id) is { } keyed)
            {
                return keyed;
            }
        }

        if (node.Labels.Count > 0)
        {
            foreach (var (key, valueExpr) in equalities)
            {
                if (!DependsOnPattern(valueExpr, row) && evaluator.Eval(valueExpr, row) is { } value and not Dictionary<string, object?>)
                {
                    return Context.Graph.NodesWithProperty(node.Labels[0], key, value);
                }
            }

            if (node.Variable is not null && plan.InLookups.TryGetValue(node.Variable, out var membership) &&
                AnswersIn(node, membership.Key) && !DependsOnPattern(membership.Values, row) && evaluator.Eval(membership.Values, row) is List<object?> values &&
                values.All(v => v is null or string or long or double or bool))
            {
                // One index lookup per element; the IN conjunct still runs on each candidate, so a superset is safe.
                return values.Where(v => v is not null).SelectMany(v => Context.Graph.NodesWithProperty(node.Labels[0], membership.Key, v!)).Distinct();
            }

            if (node.Variable is not null && plan.RangeLookups.TryGetValue(node.Variable, out var ranges) && OrderedCandidates(node.Labels[0], ranges, row) is { } sliced)
            {
                return sliced;
            }

            return Context.Graph.NodesWithLabel(node.Labels[0]);
        }

        return LabelExpressionCandidates(node) ?? Context.Graph.AllNodes();
    }

    /// <summary>
    /// The nodes an ordered index gives for the first key with a declared index: a prefix for STARTS WITH, else the slice
    /// between the bounds. The conjuncts still run on each candidate; null when no index serves.
    /// </summary>
    private IEnumerable<long>? OrderedCandidates(string label, List<(string Key, string Op, Expr Value)> ranges, Row row)
    {
        foreach (var group in ranges.GroupBy(r => r.Key))
        {
            if (Context.Graph.Schema.Ordered(label, group.Key) is not { } index || group.Any(r => DependsOnPattern(r.Value, row))) continue;
            object? lower = null, upper = null;
            bool lowerInclusive = true, upperInclusive = true;
            foreach (var (_, op, valueExpr) in group)
            {
                var value = evaluator.Eval(valueExpr, row);
                if (value is null) return [];
                if (op == "STARTS") return value is string prefix ? index.StartsWith(Context.Graph, prefix) : [];
                if (value is not (string or long or double)) return null;
                if (op is ">" or ">=") (lower, lowerInclusive) = (value, op == ">=");
                else (upper, upperInclusive) = (value, op == "<=");
            }

            return index.Range(Context.Graph, lower, lowerInclusive, upper, upperInclusive);
        }

        return null;
    }

    /// <summary>
    /// Whether an IN list on this key is looked up element by element: on the unique key, or on a declared index (without
    /// one, each lookup under a read lock would scan the label, so one scan with the filter is cheaper).
    /// </summary>
    private bool AnswersIn(NodePattern node, string key) =>
        node.Labels.Count > 0 && (key == "id" && Context.Graph.KeepsKeyIndex || Context.Graph.Schema.NodeIndexOn(node.Labels[0], key) is not null);

    private static bool DependsOnPattern(Expr e, Row row)
    {
        var variables = new List<string>();
        Semantics.SemanticChecker.FreeVariables(e, [], variables);
        return variables.Any(v => !row.ContainsKey(v));
    }

    private bool TryBindNode(NodePattern pattern, long id, Row row, out bool boundHere)
    {
        boundHere = false;
        if (pattern.Variable is not null && row.TryGetValue(pattern.Variable, out var existing))
        {
            if (existing is not NodeRef n || n.Id != id)
            {
                return false;
            }
        }

        if (!NodeMatches(pattern, id, row))
        {
            return false;
        }

        if (pattern.Variable is not null && !row.ContainsKey(pattern.Variable))
        {
            row[pattern.Variable] = new NodeRef(id);
            boundHere = true;
        }

        return true;
    }

    private bool NodeMatches(NodePattern pattern, long id, Row row)
    {
        if (pattern.Labels.Count > 0)
        {
            foreach (var label in pattern.Labels)
            {
                if (!Context.Graph.HasLabel(id, label))
                {
                    return false;
                }
            }
        }

        if (pattern.LabelExpression is not null &&
            !evaluator.LabelsSatisfy(pattern.LabelExpression, Context.Graph.LabelsOf(id), row, pattern.Offset))
        {
            return false;
        }

        return pattern.Properties is null || PropertiesMatch(pattern.Properties, Context.Graph.NodeProperties(id), row);
    }

    private bool PropertiesMatch(Expr properties, IReadOnlyDictionary<string, object?> actual, Row row)
    {
        if (evaluator.Eval(properties, row) is not Dictionary<string, object?> expected)
        {
            return false;
        }

        foreach (var (key, value) in expected)
        {
            if (!actual.TryGetValue(key, out var have) || CypherValues.Equal(have, value) != true)
            {
                return false;
            }
        }

        return true;
    }

    private bool RelMatches(RelPattern pattern, long rel, string type, Row row)
    {
        if (pattern.Types.Count > 0 && !pattern.Types.Contains(type))
        {
            return false;
        }

        if (pattern.TypeExpression is not null && !evaluator.LabelsSatisfy(pattern.TypeExpression, [type], row, pattern.Offset))
        {
            return false;
        }

        return pattern.Properties is null || PropertiesMatch(pattern.Properties, Context.Graph.RelationshipProperties(rel), row);
    }

    /// <summary>Relationships leaving <paramref name="node"/> in the pattern's direction, each with its far end and type.</summary>
    private IEnumerable<(long Rel, long Other, string Type)> Steps(long node, RelDirection direction)
    {
        var graph = Context.Graph;
        if (direction is RelDirection.Outgoing or RelDirection.Either)
        {
            foreach (var rel in graph.Outgoing(node))
            {
                var (_, end, type) = graph.Endpoints(rel);
                yield return (rel, end, type);
            }
        }

        if (direction is RelDirection.Incoming or RelDirection.Either)
        {
            foreach (var rel in graph.Incoming(node))
            {
                var (start, end, type) = graph.Endpoints(rel);
                if (direction == RelDirection.Either && start == end)
                {
                    continue;
                }

                yield return (rel, start, type);
            }
        }
    }

    private IEnumerable<bool> Expand(Walk walk, int segment, int k, long current, Row row, HashSet<long> used, List<long> pathNodes, List<long> pathRels)
    {
        var (nodes, rels, reversed) = walk.Segments[segment];
        if (k == rels.Count)
        {
            if (segment + 1 < walk.Segments.Count)
            {
                // The right of the anchor is matched: walk its left, from the anchor again.
                walk.SplitNodes = pathNodes.Count;
                walk.SplitRelationships = pathRels.Count;
                foreach (var r in Expand(walk, segment + 1, 0, pathNodes[0], row, used, pathNodes, pathRels))
                {
                    yield return r;
                }
            }
            else if (walk.Part.PathVariable is not null)
            {
                row[walk.Part.PathVariable] = WrittenOrder(walk, pathNodes, pathRels);
                yield return true;
                row.Remove(walk.Part.PathVariable);
            }
            else
            {
                yield return true;
            }

            yield break;
        }

        var relPattern = rels[k];
        var nextNode = nodes[k + 1];
        if (!relPattern.VarLength)
        {
            object? boundRel = null;
            var relBound = relPattern.Variable is not null && row.TryGetValue(relPattern.Variable, out boundRel);
            foreach (var (rel, other, type) in Steps(current, relPattern.Direction))
            {
                Context.Tick();
                if (used.Contains(rel) || (relBound && (boundRel is not RelRef br || br.Id != rel)) || !RelMatches(relPattern, rel, type, row))
                {
                    continue;
                }

                if (!TryBindNode(nextNode, other, row, out var nodeBoundHere))
                {
                    continue;
                }

                used.Add(rel);
                if (!relBound && relPattern.Variable is not null)
                {
                    row[relPattern.Variable] = new RelRef(rel);
                }

                pathNodes.Add(other);
                pathRels.Add(rel);
                if (k + 1 == rels.Count && segment + 1 == walk.Segments.Count && walk.Part.PathVariable is null)
                {
                    // The last step of the walk: the match is complete, without one more iterator per row.
                    yield return true;
                }
                else
                {
                    foreach (var r in Expand(walk, segment, k + 1, other, row, used, pathNodes, pathRels))
                    {
                        yield return r;
                    }
                }

                pathNodes.RemoveAt(pathNodes.Count - 1);
                pathRels.RemoveAt(pathRels.Count - 1);
                if (!relBound && relPattern.Variable is not null)
                {
                    row.Remove(relPattern.Variable);
                }

                used.Remove(rel);
                if (nodeBoundHere)
                {
                    row.Remove(nextNode.Variable!);
                }
            }

            yield break;
        }

        var min = relPattern.MinHops ?? 1;
        var max = relPattern.MaxHops ?? int.MaxValue;
        if (walk.DistinctEnds && used.Count == 0)
        {
            foreach (var end in ReachableEnds(relPattern, current, min, max, row))
            {
                if (!TryBindNode(nextNode, end, row, out var endBoundHere))
                {
                    continue;
                }

                pathNodes.Add(end);
                foreach (var r in Expand(walk, segment, k + 1, end, row, used, pathNodes, pathRels))
                {
                    yield return r;
                }

                pathNodes.RemoveAt(pathNodes.Count - 1);
                if (endBoundHere)
                {
                    row.Remove(nextNode.Variable!);
                }
            }

            yield break;
        }

        var sequence = new List<long>();
        var walks = relPattern.Step is { MultiHop: true } stretch
            ? Repeat(stretch, relPattern.RepeatsRelationships, current, min, max, 0, sequence, used, row, pathNodes, pathRels)
            : VarLength(relPattern, current, min, max, sequence, used, row, pathNodes, pathRels);
        foreach (var _ in walks)
        {
            var end = pathNodes[^1];
            if (!TryBindNode(nextNode, end, row, out var nodeBoundHere))
            {
                continue;
            }

            var relBound = relPattern.Variable is not null && row.ContainsKey(relPattern.Variable);
            if (relBound)
            {
                var expectedList = row[relPattern.Variable!] as List<object?>;
                var matchesBound = expectedList is not null && expectedList.Count == sequence.Count &&
                                   expectedList.Select((v, i) => v is RelRef rr && rr.Id == sequence[i]).All(b => b);
                if (!matchesBound)
                {
                    if (nodeBoundHere)
                    {
                        row.Remove(nextNode.Variable!);
                    }

                    continue;
                }
            }
            else if (relPattern.Variable is not null)
            {
                var relList = (reversed ? Enumerable.Reverse(sequence) : sequence).Select(id => (object?)new RelRef(id)).ToList();
                row[relPattern.Variable] = relList;
            }

            var groups = BindGroups(relPattern, pathNodes.Skip(pathNodes.Count - sequence.Count - 1).ToList(), sequence, reversed, row);
            foreach (var r in Expand(walk, segment, k + 1, end, row, used, pathNodes, pathRels))
            {
                yield return r;
            }

            foreach (var group in groups)
            {
                row.Remove(group);
            }

            if (!relBound && relPattern.Variable is not null)
            {
                row.Remove(relPattern.Variable);
            }

            if (nodeBoundHere)
            {
                row.Remove(nextNode.Variable!);
            }
        }
    }

    private IEnumerable<bool> VarLength(RelPattern pattern, long current, int min, int max, List<long> sequence,
        HashSet<long> used, Row row, List<long> pathNodes, List<long> pathRels)
    {
        if (sequence.Count >= min)
        {
            yield return true;
        }

        if (sequence.Count >= max)
        {
            yield break;
        }

        foreach (var (rel, other, type) in Steps(current, pattern.Direction))
        {
            Context.Tick();
            if ((used.Contains(rel) && !pattern.RepeatsRelationships) || !RelMatches(pattern, rel, type, row) || !StepMatches(pattern, current, rel, other, row))
            {
                continue;
            }

            // A WALK may take a relationship again: its repetitions do not mark what they take as used.
            var marks = !pattern.RepeatsRelationships;
            if (marks)
            {
                used.Add(rel);
            }

            sequence.Add(rel);
            pathNodes.Add(other);
            pathRels.Add(rel);
            foreach (var r in VarLength(pattern, other, min, max, sequence, used, row, pathNodes, pathRels))
            {
                yield return r;
            }

            pathNodes.RemoveAt(pathNodes.Count - 1);
            pathRels.RemoveAt(pathRels.Count - 1);
            sequence.RemoveAt(sequence.Count - 1);
            if (marks)
            {
                used.Remove(rel);
            }
        }
    }
}

using Graph.Cypher.Syntax;

namespace Graph.Cypher.Execution;

/// <summary>
/// <c>MATCH (n:L) RETURN … ORDER BY n.k … LIMIT k</c>: one labelled node, no WHERE, a projection of the node, its
/// properties, literals and parameters, sorted by properties of the node (written as such or through the column that
/// projects them). <see cref="Keys"/> are the properties read from each node's record; each sort key is an index into them.
/// </summary>
internal sealed record TopScanShape(string Variable, IReadOnlyList<string> Labels, string[] Keys, int[] SortKeys, bool[] Descending)
{
    public static TopScanShape? Of(MatchClause match, Projection projection, Expr? where)
    {
        if (where is not null || match.Optional || match.Where is not null || match.Patterns is not [var part] ||
            part.PathVariable is not null || part.ShortestKind is not null || part.PathMode is not null ||
            part.Relationships.Count > 0 || part.Nodes is not [var node] || node.Variable is not { } variable ||
            node.Labels.Count == 0 || node.Properties is not null || node.LabelExpression is not null || node.Where is not null ||
            projection.Distinct || projection.Star || projection.Limit is null || projection.OrderBy.Count == 0)
        {
            return null;
        }

        foreach (var item in projection.Items)
        {
            var plain = item.Expression is LiteralExpr or ParameterExpr ||
                        (item.Expression is VariableExpr v && v.Name == variable) ||
                        item.Expression is PropertyExpr { Target: VariableExpr t } && t.Name == variable;
            // A column named like the node but holding something else would hide the node from ORDER BY.
            if (!plain || (item.Name == variable && item.Expression is not VariableExpr))
            {
                return null;
            }
        }

        var keys = new List<string>();
        var sortKeys = new int[projection.OrderBy.Count];
        for (var i = 0; i < sortKeys.Length; i++)
        {
            var expression = projection.OrderBy[i].Expression;
            if (expression is VariableExpr named && named.Name != variable)
            {
                expression = projection.Items.FirstOrDefault(item => item.Name == named.Name)?.Expression;
            }

            if (expression is not PropertyExpr { Target: VariableExpr target, Key: var key } || target.Name != variable)
            {
                return null;
            }

            if (!keys.Contains(key))
            {
                keys.Add(key);
            }

            sortKeys[i] = keys.IndexOf(key);
        }

        return new TopScanShape(variable, node.Labels, [.. keys], sortKeys, [.. projection.OrderBy.Select(s => s.Descending)]);
    }
}

/// <summary>
/// <c>MATCH (a:L {id: $id})&lt;-[:T1]-(x:M)-[:T2]-&gt;(b:N) [WHERE b &lt;&gt; a] RETURN b…, count(x) …</c>, the co-citation
/// shape: one pattern of three nodes from an anchor found by its key, two single-type directed relationships, grouped by
/// expressions of the far end only and counted. Every row of the match is one two-step walk, so each far end stands for as
/// many rows as walks reach it: the runner counts the walks per end from the adjacency lists and hands the projection one
/// weighted row per end.
/// </summary>
internal sealed record TwoStepShape(
    string Anchor, IReadOnlyList<string> AnchorLabels, Expr AnchorKey, bool FirstIncoming, string FirstType, IReadOnlyList<string> MiddleLabels,
    bool SecondIncoming, string SecondType, string End, IReadOnlyList<string> EndLabels, bool ExcludeAnchor)
{
    /// <summary>Set when the projection keeps the top k ends by count (<see cref="TwoStepOrder"/>).</summary>
    public TwoStepOrder? Order { get; init; }
}

/// <summary>
/// <c>RETURN b.id, count(…) AS n ORDER BY n DESC[, b.id] [SKIP s] LIMIT k</c> over the two-step shape: every column the
/// far end, its id or a count; the order by the count, then (when <see cref="ById"/>) by the id.
/// </summary>
internal sealed record TwoStepOrder(bool CountDescending, bool ById, bool IdDescending);

/// <summary>
/// <c>MATCH (a:L {id: $id})-[:T1|T2*0..k]-&gt;(x:M) RETURN count(DISTINCT x) AS n</c>: one anchor found by its key, one
/// directed variable-length relationship with no variable, no properties and at most one hop at least, and a projection of
/// nothing but <c>count(DISTINCT x)</c> of the far end. The distinct ends of the pattern's paths are exactly the nodes a
/// breadth-first walk reaches (see <see cref="PatternMatcher"/>'s reachable ends), so the store counts them from its
/// frontier per depth over internal ids, with no row, binding or DISTINCT set per node reached.
/// </summary>
internal sealed record ReachCountShape(
    IReadOnlyList<string> AnchorLabels, Expr AnchorKey, bool Incoming, IReadOnlyList<string> Types, int MinHops, int MaxHops, IReadOnlyList<string> EndLabels)
{
    public static ReachCountShape? Of(MatchClause match, Projection projection, Expr? where)
    {
        if (where is not null || match.Optional || match.Where is not null || match.Patterns is not [var part] || part.PathVariable is not null ||
            part.ShortestKind is not null || part.PathMode is not null || part.Nodes is not [var anchor, var end] || part.Relationships is not [var rel] ||
            !rel.VarLength || rel.Variable is not null || rel.Step is not null || rel.Properties is not null || rel.Where is not null ||
            rel.TypeExpression is not null || rel.Direction is not (RelDirection.Outgoing or RelDirection.Incoming) || (rel.MinHops ?? 1) > 1 ||
            anchor.LabelExpression is not null || anchor.Where is not null || end.LabelExpression is not null || end.Where is not null ||
            end.Properties is not null || end.Variable is not { } endVariable || anchor.Variable == endVariable ||
            anchor.Properties is not MapExpr { Entries: [{ Key: Graph.Model.PropertyNames.Id, Value: var key }] } ||
            key is not (ParameterExpr or LiteralExpr { Value: string }) ||
            projection.Star || projection.Distinct || projection.OrderBy.Count > 0 || projection.Skip is not null || projection.Limit is not null ||
            projection.Items.Count == 0 ||
            !projection.Items.All(item => item.Expression is FunctionExpr { LowerName: "count", Distinct: true, Args: [VariableExpr { Name: var counted }] } && counted == endVariable))
        {
            return null;
        }

        return new ReachCountShape(anchor.Labels, key, rel.Direction == RelDirection.Incoming, rel.Types, rel.MinHops ?? 1, rel.MaxHops ?? int.MaxValue, end.Labels);
    }
}

/// <summary>Recognises the shapes the runner answers through <see cref="Storage.IStoreShortcuts"/>.</summary>
internal sealed partial class QueryRunner
{
    /// <summary>The two-step counted shape of a first MATCH and the projection after it; null when they are not of it.</summary>
    internal static TwoStepShape? PlanTwoSteps(MatchClause match, Projection projection, Expr? where)
    {
        if (where is not null || match.Optional || match.Patterns is not [var part] || part.PathVariable is not null ||
            part.ShortestKind is not null || part.PathMode is not null || part.Nodes is not [var anchor, var middle, var end] ||
            part.Relationships is not [var first, var second] || anchor.Variable is not { } anchorVariable || end.Variable is not { } endVariable ||
            !PlainStep(first) || !PlainStep(second) || !PlainNode(anchor) || !PlainNode(middle) || !PlainNode(end) ||
            middle.Properties is not null || end.Properties is not null ||
            anchor.Properties is not MapExpr { Entries: [{ Key: Graph.Model.PropertyNames.Id, Value: var key }] } ||
            key is not (ParameterExpr or LiteralExpr { Value: string }) || projection.Star || projection.Distinct)
        {
            return null;
        }

        var patternVariables = new[] { anchor.Variable, middle.Variable, end.Variable, first.Variable, second.Variable }
            .Where(v => v is not null).Select(v => v!).ToList();
        if (patternVariables.Count != patternVariables.Distinct(StringComparer.Ordinal).Count())
        {
            return null;
        }

        // The one WHERE this shape takes: the far end is not the anchor.
        var excludeAnchor = false;
        if (match.Where is not null)
        {
            if (match.Where is not BinaryExpr { Op: "<>", Left: VariableExpr left, Right: VariableExpr right } ||
                !((left.Name == anchorVariable && right.Name == endVariable) || (left.Name == endVariable && right.Name == anchorVariable)))
            {
                return null;
            }

            excludeAnchor = true;
        }

        var expressions = projection.Items.Select(i => i.Expression).Concat(projection.OrderBy.Select(s => s.Expression)).ToList();
        if (!expressions.Any(Aggregation.Contains))
        {
            return null;
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        var counted = new HashSet<string>(StringComparer.Ordinal);
        if (!expressions.All(e => OnlyCountsOrVariables(e, named, counted)) || !counted.IsSubsetOf(patternVariables) ||
            patternVariables.Any(v => v != endVariable && named.Contains(v)))
        {
            return null;
        }

        // A column named after a pattern variable would hide it from ORDER BY: only the far end, projected as itself, may.
        foreach (var item in projection.Items)
        {
            if (patternVariables.Contains(item.Name) && !(item.Name == endVariable && item.Expression is VariableExpr { Name: var same } && same == endVariable))
            {
                return null;
            }
        }

        // Directions as seen walking from the anchor: (a)<-[:T1]-(x) leaves a by its incoming list, (x)-[:T2]->(b) x by its outgoing one.
        return new TwoStepShape(anchorVariable, anchor.Labels, key, first.Direction == RelDirection.Incoming, first.Types[0], middle.Labels,
            second.Direction == RelDirection.Incoming, second.Types[0], endVariable, end.Labels, excludeAnchor)
        {
            Order = TopOrder(projection, endVariable),
        };
    }

    private static TwoStepOrder? TopOrder(Projection projection, string end)
    {
        if (projection.Limit is null || projection.OrderBy.Count is 0 or > 2)
        {
            return null;
        }

        var countColumns = new HashSet<string>(StringComparer.Ordinal);
        var idColumns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in projection.Items)
        {
            switch (item.Expression)
            {
                case CountStarExpr or FunctionExpr { LowerName: "count", Distinct: false, Args: [VariableExpr] }:
                    countColumns.Add(item.Name);
                    countColumns.Add(Normalise(item.Text));
                    break;
                case PropertyExpr { Target: VariableExpr v, Key: Graph.Model.PropertyNames.Id } when v.Name == end:
                    idColumns.Add(item.Name);
                    idColumns.Add(Normalise(item.Text));
                    break;
                case VariableExpr v when v.Name == end:
                    break;
                default:
                    return null;
            }
        }

        bool Names(SortItem sort, HashSet<string> columns) =>
            (sort.Expression is VariableExpr v && columns.Contains(v.Name)) || columns.Contains(Normalise(sort.Text));
        var bySort = projection.OrderBy[0];
        var countFirst = bySort.Expression is CountStarExpr or FunctionExpr { LowerName: "count", Distinct: false, Args: [VariableExpr] } || Names(bySort, countColumns);
        var byId = projection.OrderBy.Count == 2 ? projection.OrderBy[1] : null;
        if (!countFirst || (byId is not null && !(Names(byId, idColumns) ||
            byId.Expression is PropertyExpr { Target: VariableExpr t, Key: Graph.Model.PropertyNames.Id } && t.Name == end)))
        {
            return null;
        }

        return new TwoStepOrder(bySort.Descending, byId is not null, byId?.Descending ?? false);
    }

    /// <summary>The shapes of a first MATCH and the projection after it, worked out once per parsed query.</summary>
    internal sealed record Shapes(TopScanShape? Top, TwoStepShape? Steps, ReachCountShape? Reach);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Clause, Shapes> ShapesOfClause = new();

    /// <summary>
    /// The shortcut shape of <paramref name="match"/> followed by <paramref name="next"/>, if any: recognised once per parsed
    /// query (kept with its projection clause), since a short query spent more time recognising than counting.
    /// </summary>
    internal static Shapes ShapeOf(MatchClause match, Clause next)
    {
        if (ShapesOfClause.TryGetValue(next, out var kept) && kept is not null)
        {
            return kept;
        }

        var (projection, where) = next switch
        {
            WithClause with => (with.Projection, with.Where),
            ReturnClause ret => (ret.Projection, (Expr?)null),
            _ => (null, null),
        };
        var top = projection is null ? null : TopScanShape.Of(match, projection, where);
        var steps = projection is null || top is not null ? null : PlanTwoSteps(match, projection, where);
        var reach = projection is null || top is not null || steps is not null ? null : ReachCountShape.Of(match, projection, where);
        var shapes = new Shapes(top, steps, reach);
        ShapesOfClause.AddOrUpdate(next, shapes);
        return shapes;
    }

    private static bool PlainStep(RelPattern rel) =>
        !rel.VarLength && rel.Properties is null && rel.Types.Count == 1 && rel.TypeExpression is null && rel.Where is null &&
        rel.Step is null && rel.Direction is RelDirection.Outgoing or RelDirection.Incoming;

    private static bool PlainNode(NodePattern node) => node.LabelExpression is null && node.Where is null;
}

using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

/// <summary>
/// A single-hop match grouped by one of its ends and counted (<c>MATCH (a:L1)-[:T]->(x:L2) RETURN x.id, count(*)</c>,
/// the "most cited" shape): every row of the match is one relationship, so a group's count is how many relationships of
/// type T each end node has whose other end carries the labels. They are counted straight from each node's adjacency
/// list, one grouping row per end node instead of one row object per relationship.
/// </summary>
internal sealed partial class QueryRunner
{
    /// <summary>The counted shape: the end grouped by, the other end's labels, the type and which adjacency list to read.</summary>
    private sealed record EndCountPlan(string? End, IReadOnlyList<string> EndLabels, IReadOnlyList<string> OtherLabels, string Type, bool Incoming);

    /// <summary>
    /// The plan when <paramref name="match"/> (the first clause, on an empty row) and the projection after it have the
    /// counted shape: one pattern of two distinct nodes and one directed relationship of one type, no properties, no
    /// WHERE, no path variable; the projection's aggregates are all <c>count(*)</c> or plain <c>count</c> of the other end
    /// or the relationship (never null in a match), and nothing else in it names them. Anything else returns null and
    /// runs the general way.
    /// </summary>
    private static EndCountPlan? PlanEndCounts(MatchClause match, Clause? next)
    {
        var projection = next switch
        {
            WithClause w => w.Projection,
            ReturnClause r => r.Projection,
            _ => null,
        };
        if (projection is null || projection.Star || match.Optional || match.Where is not null || match.Patterns is not [var part] ||
            part.PathVariable is not null || part.ShortestKind is not null || part.Nodes is not [var first, var second] ||
            part.Relationships is not [var rel] || rel.VarLength || rel.Properties is not null || rel.Types is not [var type] ||
            rel.Direction is not (RelDirection.Outgoing or RelDirection.Incoming) ||
            first.Properties is not null || second.Properties is not null ||
            first.LabelExpression is not null || second.LabelExpression is not null || first.Where is not null || second.Where is not null ||
            rel.TypeExpression is not null || rel.Where is not null)
        {
            return null;
        }

        var patternVariables = new[] { first.Variable, second.Variable, rel.Variable }.Where(v => v is not null).Select(v => v!).ToList();
        if (patternVariables.Count != patternVariables.Distinct(StringComparer.Ordinal).Count())
        {
            return null;
        }

        var expressions = projection.Items.Select(i => i.Expression).Concat(projection.OrderBy.Select(s => s.Expression)).ToList();
        if (next is WithClause { Where: { } where })
        {
            expressions.Add(where);
        }

        if (!expressions.Any(Aggregation.Contains))
        {
            return null;
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        var counted = new HashSet<string>(StringComparer.Ordinal);
        if (!expressions.All(e => OnlyCountsOrVariables(e, named, counted)) || !counted.IsSubsetOf(patternVariables) || (rel.Variable is not null && named.Contains(rel.Variable)))
        {
            return null;
        }

        var keepsFirst = first.Variable is not null && named.Contains(first.Variable);
        var keepsSecond = second.Variable is not null && named.Contains(second.Variable);
        if (keepsFirst && keepsSecond)
        {
            return null;
        }

        // (a)-[:T]->(x) grouped by x reads x's incoming list; grouped by a, a's outgoing list.
        var (end, other) = keepsFirst ? (first, second) : (second, first);
        var incoming = keepsFirst ? rel.Direction == RelDirection.Incoming : rel.Direction == RelDirection.Outgoing;

        // A column named after a pattern variable would hide it from ORDER BY: only the kept end, projected as itself, may.
        foreach (var item in projection.Items)
        {
            if (patternVariables.Contains(item.Name) && !(item.Name == end.Variable && item.Expression is VariableExpr { Name: var same } && same == end.Variable))
            {
                return null;
            }
        }

        return new EndCountPlan(end.Variable, end.Labels, other.Labels, type, incoming);
    }

    /// <summary>
    /// Whether the aggregates in <paramref name="e"/> are all counts that only count rows, and it holds no subquery,
    /// pattern or local scope (which could name a pattern variable out of sight); the variables it names go to <paramref name="named"/>.
    /// </summary>
    private static bool OnlyCountsOrVariables(Expr e, HashSet<string> named, HashSet<string> counted)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case CountStarExpr:
                return true;
            case FunctionExpr { LowerName: "count", Distinct: false, Args: [VariableExpr argument] }:
                counted.Add(argument.Name);
                return true;
            case FunctionExpr f when Aggregation.IsAggregate(f):
                return false;
            case PatternExpr or PatternComprehensionExpr or ExistsSubqueryExpr or MapProjectionExpr or ListComprehensionExpr
                or QuantifierExpr or ReduceExpr:
                return false;
            case VariableExpr v:
                named.Add(v.Name);
                return true;
        }

        return ExprWalker.Children(e).All(child => OnlyCountsOrVariables(child, named, counted));
    }

    /// <summary>One grouping row per end node with at least one counted relationship, with the count as its weight.</summary>
    private IEnumerable<(Row Row, long Weight)> EndCounts(EndCountPlan plan)
    {
        var counted = new List<(long Node, long Count)>();
        context.Graph.CountOtherEndsPerNode(plan.Incoming, plan.Type, plan.EndLabels, plan.OtherLabels, (node, count) =>
        {
            context.Tick();
            counted.Add((node, count));
        });
        foreach (var (node, count) in counted)
        {
            var row = new Row();
            if (plan.End is not null)
            {
                row[plan.End] = new NodeRef(node);
            }

            yield return (row, count);
        }
    }

    /// <summary>
    /// For <c>… RETURN x.id, count(*) AS n ORDER BY n DESC LIMIT k</c> (the "top k most cited" shape): when every group
    /// is one end node (grouped by the node, or by its id, which the store keeps unique) and the order is by the count
    /// alone, only the first SKIP + k nodes by count can be answered. They are chosen with a bounded heap over the counts
    /// read from the adjacency lists, with no grouping row, group key or property read for the others; the projection
    /// then runs over those few rows as it would have over all of them (ties keep node order either way). Null when the
    /// query is not of that shape, or a counted node has no string id to group by (then the general way runs).
    /// </summary>
    private List<(Row Row, long Weight)>? TopEndCounts(EndCountPlan plan, Projection projection, Expr? where)
    {
        if (plan.End is not { } end || where is not null || projection.Distinct || projection.Star || projection.Limit is null ||
            projection.OrderBy is not [var sort])
        {
            return null;
        }

        var byId = false;
        var keys = 0;
        var counts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in projection.Items)
        {
            switch (item.Expression)
            {
                case CountStarExpr or FunctionExpr { LowerName: "count", Distinct: false, Args: [VariableExpr] }:
                    counts.Add(Normalise(item.Text));
                    counts.Add(item.Name);
                    break;
                case VariableExpr v when v.Name == end:
                    keys++;
                    break;
                case PropertyExpr { Target: VariableExpr v, Key: Graph.Model.PropertyNames.Id } when v.Name == end && context.Graph.KeysAreUnique:
                    keys++;
                    byId = true;
                    break;
                default:
                    return null;
            }
        }

        // The one sort key must be the count itself, or a column holding it.
        var sortsByCount = sort.Expression switch
        {
            CountStarExpr or FunctionExpr { LowerName: "count", Distinct: false, Args: [VariableExpr] } => true,
            VariableExpr v => counts.Contains(v.Name),
            _ => counts.Contains(Normalise(sort.Text)),
        };
        if (keys == 0 || !sortsByCount)
        {
            return null;
        }

        var keep = (long)CountArgument(projection.Limit, "LIMIT") + (projection.Skip is null ? 0 : CountArgument(projection.Skip, "SKIP"));
        if (keep <= 0 || keep > 10_000)
        {
            return null;
        }

        // The heap's top is the worst node kept: the smaller count (the larger, ascending), then the later arrival.
        var descending = sort.Descending;
        var worstFirst = Comparer<(long Count, long Arrival)>.Create((a, b) =>
        {
            var c = descending ? a.Count.CompareTo(b.Count) : b.Count.CompareTo(a.Count);
            return c != 0 ? c : b.Arrival.CompareTo(a.Arrival);
        });
        // Nodes without a string id would share one group (null) or group by some other value: not this way.
        if (byId && !context.Graph.EveryNodeHasKey(plan.EndLabels.Count > 0 ? plan.EndLabels[0] : null))
        {
            return null;
        }

        var heap = new PriorityQueue<long, (long Count, long Arrival)>(worstFirst);
        long arrival = 0;
        context.Graph.CountOtherEndsPerNode(plan.Incoming, plan.Type, plan.EndLabels, plan.OtherLabels, (node, count) =>
        {
            context.Tick();
            var rank = (count, arrival++);
            if (heap.Count < keep)
            {
                heap.Enqueue(node, rank);
            }
            else if (heap.TryPeek(out _, out var worst) && worstFirst.Compare(rank, worst) > 0)
            {
                heap.DequeueEnqueue(node, rank);
            }
        });

        // Back in arrival order, so that ties come out of the projection's own sort as they would have.
        var winners = new List<(long Node, long Count, long Arrival)>(heap.Count);
        while (heap.TryDequeue(out var node, out var rank))
        {
            winners.Add((node, rank.Count, rank.Arrival));
        }

        winners.Sort((a, b) => a.Arrival.CompareTo(b.Arrival));
        return [.. winners.Select(w => (new Row { [end] = new NodeRef(w.Node) }, w.Count))];
    }
}

using Graph.Cypher.Planning;
using Graph.Cypher.Semantics;
using Graph.Cypher.Storage;
using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

/// <summary>
/// The first MATCH of a query and the projection after it, answered through the store's own reads
/// (<see cref="IStoreShortcuts"/>) when they have one of two shapes: a top k over a label scan
/// (<see cref="TopScanShape"/>), whose sort keys are read straight from each node's property record into a heap of k
/// with no row or property view per node; and two-step walks counted per end node (<see cref="TwoStepShape"/>), with
/// no row per walk. Either way the projection then runs as written over the few rows that can be answered, so columns,
/// ties and SKIP come out as the general way gives them; the general pipeline is built and run instead only
/// when the shortcut cannot answer (a key that is not a string, a heap too large to keep).
/// </summary>
internal sealed partial class QueryRunner
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Query, List<List<string>>> CheckedQueries = new();

    /// <summary>
    /// The semantic check of a parsed query, kept with it: a query that calls no procedure (whose signatures may change
    /// between runs) checks the same way every time, and a kept parse is handed out again for the same text. Checking a
    /// short query cost more than answering it from the adjacency lists.
    /// </summary>
    private static List<List<string>> CheckOnce(Query query, string text, IReadOnlyDictionary<string, CypherProcedure> procedures)
    {
        if (text.Contains("CALL", StringComparison.OrdinalIgnoreCase) || text.Contains("SHOW", StringComparison.OrdinalIgnoreCase))
        {
            return SemanticChecker.Check(query, text, procedures);
        }

        if (CheckedQueries.TryGetValue(query, out var kept))
        {
            return kept;
        }

        var columns = SemanticChecker.Check(query, text, procedures);
        CheckedQueries.AddOrUpdate(query, columns);
        return columns;
    }

    /// <summary>The largest SKIP + LIMIT the top-k scan keeps in its heap; beyond it the general sort runs.</summary>
    private const int LargestKeptTop = 100_000;

    /// <summary>The rows of <paramref name="first"/> (a MATCH on the empty row) and <paramref name="second"/> through a shortcut; null when neither shape applies.</summary>
    private IEnumerable<Row>? Shortcut(Clause first, Clause second, Clause? third, List<string> scope, bool instrument)
    {
        if (context.Graph.Shortcuts is not { } store || first is not MatchClause match)
        {
            return null;
        }

        var (top, steps, reach) = ShapeOf(match, second);
        if (top is null && steps is null && reach is null)
        {
            return null;
        }

        var projection = second is WithClause with ? with.Projection : ((ReturnClause)second).Projection;

        // The scope settles as the general way settles it: the pattern's variables, then the projection's columns (neither
        // shape takes *). A projection with ORDER BY … LIMIT sorts as it is built, so the general pipeline is built only if
        // the shortcut declines.
        var scopeBefore = scope.ToList();
        var matchOp = instrument && planner!.Tops.TryGetValue(match, out var m) ? m : null;
        var scopeAfterMatch = scopeBefore.Concat(SemanticChecker.PatternVariables(match.Patterns).Where(v => !scopeBefore.Contains(v))).ToList();
        scope.Clear();
        scope.AddRange(projection.Items.Select(i => i.Name).Distinct());
        IEnumerable<Row> General()
        {
            var generalScope = scopeBefore.ToList();
            var matched = Apply(match, [new Row()], generalScope, second);
            if (matchOp is not null) matched = profiler!.Count(matchOp, matched);
            return Apply(second, matched, generalScope, third);
        }

        var rows = top is not null ? TopScanOrGeneral(top, store, projection, scopeAfterMatch, General, matchOp)
            : steps is not null ? TwoStepsOrGeneral(steps, store, projection, scopeAfterMatch, General, matchOp)
            : ReachCountOrGeneral(reach!, store, projection, General, matchOp);
        return instrument && planner!.Tops.TryGetValue(second, out var projectionOp) ? profiler!.Count(projectionOp, rows) : rows;
    }

    private IEnumerable<Row> TopScanOrGeneral(TopScanShape shape, IStoreShortcuts store, Projection projection, List<string> scope,
        Func<IEnumerable<Row>> general, PlanOperator? scanOp)
    {
        var winners = TopScan(shape, store, projection, scanOp);
        foreach (var row in winners is null ? general() : Project(winners, projection, scope.ToList()))
        {
            yield return row;
        }
    }

    /// <summary>
    /// The first SKIP + LIMIT nodes of the label in sort order, in scan order: a heap of them whose top is the worst kept,
    /// compared on the values read from the records; a node no better than it costs no row, copy or property view. Ties
    /// keep the earlier node, as the stable sort of the general way does. Null when the heap would be too large.
    /// </summary>
    private List<Row>? TopScan(TopScanShape shape, IStoreShortcuts store, Projection projection, PlanOperator? scanOp)
    {
        var keep = (long)CountArgument(projection.Limit!, "LIMIT") + (projection.Skip is null ? 0 : CountArgument(projection.Skip, "SKIP"));
        if (keep > LargestKeptTop)
        {
            return null;
        }

        var worstFirst = Comparer<(object?[] Keys, long Arrival)>.Create((a, b) =>
        {
            var c = CompareSortKeys(shape, b.Keys, a.Keys);
            return c != 0 ? c : b.Arrival.CompareTo(a.Arrival);
        });
        var heap = new PriorityQueue<long, (object?[] Keys, long Arrival)>(worstFirst);
        var values = new object?[shape.Keys.Length];
        var otherLabels = shape.Labels.Skip(1).ToArray();
        long arrival = 0;
        var scanned = store.ScanLabelValues(shape.Labels[0], shape.Keys, values, node =>
        {
            context.Tick();
            foreach (var label in otherLabels)
            {
                if (!context.Graph.HasLabel(node, label))
                {
                    return true;
                }
            }

            var at = arrival++;
            if (heap.Count < keep)
            {
                context.Budget.Retain(QueryBudget.RowBytes(values.Length));
                heap.Enqueue(node, ((object?[])values.Clone(), at));
            }
            else if (keep > 0 && heap.TryPeek(out _, out var worst) && CompareSortKeys(shape, values, worst.Keys) < 0)
            {
                // Strictly better only: a later node tied with the worst kept loses to it.
                heap.DequeueEnqueue(node, ((object?[])values.Clone(), at));
            }

            return true;
        });
        if (scanOp is not null)
        {
            scanOp.Rows += scanned;
            scanOp.DbHits += scanned * (1 + shape.Keys.Length);
        }

        var kept = new List<(long Node, long Arrival)>(heap.Count);
        while (heap.TryDequeue(out var node, out var rank))
        {
            kept.Add((node, rank.Arrival));
        }

        kept.Sort((a, b) => a.Arrival.CompareTo(b.Arrival));
        return [.. kept.Select(k => new Row { [shape.Variable] = new NodeRef(k.Node) })];
    }

    /// <summary>Negative when <paramref name="a"/> comes first in the ORDER BY, as the general sort compares the same values.</summary>
    private static int CompareSortKeys(TopScanShape shape, object?[] a, object?[] b)
    {
        for (var i = 0; i < shape.SortKeys.Length; i++)
        {
            var k = shape.SortKeys[i];
            var c = CypherValues.OrderCompare(a[k], b[k]);
            if (c != 0)
            {
                return shape.Descending[i] ? -c : c;
            }
        }

        return 0;
    }

    private IEnumerable<Row> TwoStepsOrGeneral(TwoStepShape shape, IStoreShortcuts store, Projection projection, List<string> scope,
        Func<IEnumerable<Row>> general, PlanOperator? matchOp)
    {
        var counts = CountWalks(shape, store, matchOp);
        IEnumerable<Row> rows;
        if (counts is null)
        {
            rows = general();
        }
        else if (TopCountedEnds(shape, store, projection, counts) is not { } top)
        {
            rows = Project([.. counts.Select(c => (new Row { [shape.End] = new NodeRef(c.Key) }, c.Value))], projection, scope.ToList());
        }
        else if (top.Ordered)
        {
            rows = top.Rows;
        }
        else
        {
            rows = Project([.. top.Ends.Select(e => (new Row { [shape.End] = new NodeRef(e.Node) }, e.Count))], projection, scope.ToList());
        }

        foreach (var row in rows)
        {
            yield return row;
        }
    }

    /// <summary>
    /// The walks from the anchor counted per far end, in the order the walks first reach each end. Null when the anchor's
    /// key is not a string (the general way then says what it makes of it).
    /// </summary>
    private Dictionary<long, long>? CountWalks(TwoStepShape shape, IStoreShortcuts store, PlanOperator? matchOp)
    {
        if (evaluator.Eval(shape.AnchorKey, new Row()) is not string key)
        {
            return null;
        }

        var counts = new Dictionary<long, long>();
        var keyed = context.Graph.NodesWithKey(key);
        foreach (var anchor in keyed ?? context.Graph.NodesWithProperty(shape.AnchorLabels.FirstOrDefault() ?? "", Graph.Model.PropertyNames.Id, key))
        {
            // The key index answers exactly; a property lookup may answer a superset.
            if (HasLabels(anchor, shape.AnchorLabels) && (keyed is not null ||
                (context.Graph.NodeProperties(anchor).TryGetValue(Graph.Model.PropertyNames.Id, out var id) && Equals(id, key))))
            {
                store.CountTwoStepEnds(anchor, shape.FirstIncoming, shape.FirstType, shape.MiddleLabels, shape.SecondIncoming, shape.SecondType,
                    shape.EndLabels, shape.ExcludeAnchor, counts, context.Tick);
            }
        }

        // One count per end is what grouping them row by row would have held: it counts against the memory budget the same way.
        context.Budget.Retain(QueryBudget.RowBytes(2) * counts.Count);
        if (matchOp is not null)
        {
            foreach (var (_, walks) in counts)
            {
                matchOp.Rows += walks;
            }

            matchOp.DbHits += counts.Count;
        }

        return counts;
    }

    /// <summary>The ends a top k keeps; when ordered by count then id, also the projection's rows, in order.</summary>
    private sealed record TopEnds(List<(long Node, long Count)> Ends, bool Ordered, List<Row> Rows);

    /// <summary>
    /// Under <c>RETURN b.id, count(…) AS n ORDER BY n DESC[, b.id] [SKIP s] LIMIT k</c> (every group one end node, whose id
    /// the store keeps unique), the first SKIP + k ends: the k-th best count is found from the counts alone, and ids are
    /// read only for the ends that can be answered. Ordered by count then id, the order is total, so the rows themselves
    /// are made here, with no grouping row or sort over them; ordered by count alone, ties keep the order the ends were
    /// reached in, and the projection sorts the few kept. Null when the query is not of that shape or a kept end has no
    /// string id (then every end goes to the projection).
    /// </summary>
    private TopEnds? TopCountedEnds(TwoStepShape shape, IStoreShortcuts store, Projection projection, Dictionary<long, long> counts)
    {
        if (shape.Order is not { } order || !context.Graph.KeysAreUnique)
        {
            return null;
        }

        var skip = projection.Skip is null ? 0 : CountArgument(projection.Skip, "SKIP");
        var limit = CountArgument(projection.Limit!, "LIMIT");
        var keep = (long)skip + limit;
        var descending = order.CountDescending;
        var chosen = new List<(long Node, long Count)>();
        var tied = new List<(long Node, long Count)>();
        if (keep > 0)
        {
            // The cut: the keep-th best count, from a heap of the best counts seen (its top the worst of them).
            var best = new PriorityQueue<long, long>((int)Math.Min(keep, counts.Count + 1), Comparer<long>.Create((a, b) => descending ? a.CompareTo(b) : b.CompareTo(a)));
            foreach (var count in counts.Values)
            {
                if (best.Count < keep)
                {
                    best.Enqueue(count, count);
                }
                else if (descending ? count > best.Peek() : count < best.Peek())
                {
                    best.DequeueEnqueue(count, count);
                }
            }

            var cut = best.Count > 0 ? best.Peek() : 0;
            foreach (var (node, count) in counts)
            {
                if (count == cut)
                {
                    tied.Add((node, count));
                }
                else if (descending ? count > cut : count < cut)
                {
                    chosen.Add((node, count));
                }
            }
        }

        if (!order.ById)
        {
            // Ties at the cut keep the order they were reached in, as a stable sort keeps them.
            chosen.AddRange(tied.Take((int)(keep - chosen.Count)));
            return new TopEnds(chosen, false, []);
        }

        // Every end that may be answered has its id read, under one lock; then they are sorted once, on the values.
        chosen.AddRange(tied);
        var nodes = chosen.ConvertAll(c => c.Node);
        var values = new object?[nodes.Count];
        store.ReadValues(nodes, Graph.Model.PropertyNames.Id, values);
        var ranked = new (long Node, long Count, string Id)[chosen.Count];
        for (var i = 0; i < ranked.Length; i++)
        {
            if (values[i] is not string id)
            {
                return null;
            }

            ranked[i] = (chosen[i].Node, chosen[i].Count, id);
        }

        var idDescending = order.IdDescending;
        Array.Sort(ranked, (a, b) =>
        {
            var c = descending ? b.Count.CompareTo(a.Count) : a.Count.CompareTo(b.Count);
            return c != 0 ? c : idDescending ? string.CompareOrdinal(b.Id, a.Id) : string.CompareOrdinal(a.Id, b.Id);
        });
        var rows = new List<Row>(Math.Min(limit, ranked.Length));
        for (var i = skip; i < ranked.Length && i - skip < limit; i++)
        {
            var (node, count, id) = ranked[i];
            var row = new Row();
            foreach (var item in projection.Items)
            {
                row[item.Name] = item.Expression switch
                {
                    PropertyExpr => id,
                    VariableExpr => new NodeRef(node),
                    _ => count,
                };
            }

            rows.Add(row);
        }

        return new TopEnds(chosen, true, rows);
    }

    /// <summary>
    /// The one row of <c>count(DISTINCT x)</c> over the reachable ends, every column that count. The general way runs
    /// instead when the anchor's key is not a string or more than one node answers it (each anchor's walk would need its
    /// own marks, and the ends of all of them one set).
    /// </summary>
    private IEnumerable<Row> ReachCountOrGeneral(ReachCountShape shape, IStoreShortcuts store, Projection projection, Func<IEnumerable<Row>> general,
        PlanOperator? matchOp)
    {
        long? reached = null;
        if (evaluator.Eval(shape.AnchorKey, new Row()) is string key)
        {
            var keyed = context.Graph.NodesWithKey(key);
            var anchors = new List<long>(1);
            foreach (var anchor in keyed ?? context.Graph.NodesWithProperty(shape.AnchorLabels.FirstOrDefault() ?? "", Graph.Model.PropertyNames.Id, key))
            {
                // The key index answers exactly; a property lookup may answer a superset.
                if (HasLabels(anchor, shape.AnchorLabels) && (keyed is not null ||
                    (context.Graph.NodeProperties(anchor).TryGetValue(Graph.Model.PropertyNames.Id, out var id) && Equals(id, key))))
                {
                    anchors.Add(anchor);
                }
            }

            reached = anchors.Count switch
            {
                0 => 0,
                1 => store.CountReachable(anchors[0], shape.Incoming, shape.Types, shape.MinHops, shape.MaxHops, shape.EndLabels, context.Tick),
                _ => null,
            };
        }

        if (reached is not { } count)
        {
            foreach (var row in general())
            {
                yield return row;
            }

            yield break;
        }

        if (matchOp is not null)
        {
            matchOp.Rows += count;
            matchOp.DbHits += count;
        }

        var result = new Row();
        foreach (var item in projection.Items)
        {
            result[item.Name] = count;
        }

        yield return result;
    }

    private bool HasLabels(long node, IReadOnlyList<string> labels)
    {
        foreach (var label in labels)
        {
            if (!context.Graph.HasLabel(node, label))
            {
                return false;
            }
        }

        return true;
    }
}

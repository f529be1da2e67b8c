using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

internal sealed partial class QueryRunner
{
    private static string Normalise(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>WITH and RETURN: projection, grouping and aggregation, DISTINCT, ORDER BY, SKIP and LIMIT.</summary>
    private IEnumerable<Row> Project(IEnumerable<Row> rows, Projection projection, List<string> scope, Expr? where = null) =>
        Project(rows, null, projection, scope, where);

    /// <summary>
    /// The projection over rows already counted (<see cref="EndCounts"/>): each stands for as many rows as its weight,
    /// and every aggregate is a count.
    /// </summary>
    private IEnumerable<Row> Project(IEnumerable<(Row Row, long Weight)> counted, Projection projection, List<string> scope, Expr? where = null) =>
        Project([], counted, projection, scope, where);

    private IEnumerable<Row> Project(IEnumerable<Row> rows, IEnumerable<(Row Row, long Weight)>? counted, Projection projection, List<string> scope, Expr? where)
    {
        var items = new List<ReturnItem>();
        if (projection.Star)
        {
            foreach (var variable in scope.Where(v => !v.StartsWith(' ')).OrderBy(v => v, StringComparer.Ordinal))
            {
                items.Add(new ReturnItem(new VariableExpr(projection.Offset, variable), null, variable));
            }
        }

        items.AddRange(projection.Items);
        var previousScope = scope.ToList();
        scope.Clear();
        scope.AddRange(items.Select(i => i.Name).Distinct());

        var aggregating = items.Any(i => Aggregation.Contains(i.Expression)) ||
                          projection.OrderBy.Any(s => Aggregation.Contains(s.Expression));
        var sortable = aggregating ? Aggregate(counted ?? rows.Select(r => (r, 1L)), counted is not null, items, projection)
            : Plain(counted?.SelectMany(c => Enumerable.Repeat(c.Row, (int)c.Weight)) ?? rows, items, projection, where);
        return Finish(sortable, projection, where);
    }

    private sealed record Projected(Row Output, object?[] SortKeys, Row Combined);

    private IEnumerable<Projected> Plain(IEnumerable<Row> rows, List<ReturnItem> items, Projection projection, Expr? where)
    {
        var seen = projection.Distinct ? new HashSet<object?[]>(CypherValues.KeyComparer.Instance) : null;
        // Which sort keys name a projected column is settled once, not per row: comparing the normalised texts for
        // every row allocated strings enough to dominate ORDER BY … LIMIT over a large scan.
        var sortColumns = projection.OrderBy.Select(s => SortColumn(s, items)).ToArray();
        // The input row merged with the output is what a WHERE after WITH and a sort key that is not a column read;
        // when neither needs it, the copy per row is skipped.
        var needsCombined = where is not null || sortColumns.Any(c => c is null);
        foreach (var row in rows)
        {
            var output = new Row();
            foreach (var item in items)
            {
                output[item.Name] = evaluator.Eval(item.Expression, row);
            }

            if (seen is not null)
            {
                if (!seen.Add(items.Select(i => output[i.Name]).ToArray()))
                {
                    continue;
                }

                context.Budget.Retain(QueryBudget.RowBytes(items.Count));
            }

            object?[] keys = [];
            Row combined = output;
            if (needsCombined)
            {
                combined = new Row(row);
                foreach (var (k, v) in output)
                {
                    combined[k] = v;
                }
            }

            if (sortColumns.Length > 0)
            {
                keys = new object?[sortColumns.Length];
                for (var i = 0; i < keys.Length; i++)
                {
                    keys[i] = sortColumns[i] is { } column ? output[column] : evaluator.Eval(projection.OrderBy[i].Expression, combined);
                }
            }

            yield return new Projected(output, keys, combined);
        }
    }

    /// <summary>The projected column a sort key names (an aliased item written the same way), or null to evaluate it.</summary>
    private static string? SortColumn(SortItem sort, List<ReturnItem> items)
    {
        var text = Normalise(sort.Text);
        foreach (var item in items)
        {
            if (Normalise(item.Text) == text && item.Alias is not null)
            {
                return item.Name;
            }
        }

        return null;
    }

    private IEnumerable<Projected> Aggregate(IEnumerable<(Row Row, long Weight)> rows, bool counted, List<ReturnItem> items, Projection projection)
    {
        var aggregateCalls = new List<Expr>();
        foreach (var item in items)
        {
            Aggregation.Collect(item.Expression, aggregateCalls);
        }

        foreach (var sort in projection.OrderBy)
        {
            Aggregation.Collect(sort.Expression, aggregateCalls);
        }

        var keyItems = items.Where(i => !Aggregation.Contains(i.Expression)).ToList();
        var groups = new Dictionary<object?[], (Row Representative, Aggregation[] Accumulators)>(CypherValues.KeyComparer.Instance);
        var order = new List<object?[]>();
        foreach (var (row, weight) in rows)
        {
            context.Tick();
            var key = keyItems.Select(i => evaluator.Eval(i.Expression, row)).ToArray();
            if (!groups.TryGetValue(key, out var group))
            {
                group = (row, aggregateCalls.Select(c => new Aggregation(c)).ToArray());
                context.Budget.Retain(QueryBudget.RowBytes(key.Length + aggregateCalls.Count));
                groups[key] = group;
                order.Add(key);
            }

            foreach (var accumulator in group.Accumulators)
            {
                if (counted)
                {
                    accumulator.AddCount(weight);
                }
                else
                {
                    accumulator.Add(evaluator, row);
                }
            }
        }

        if (keyItems.Count == 0 && groups.Count == 0)
        {
            var key = Array.Empty<object?>();
            groups[key] = (new Row(), aggregateCalls.Select(c => new Aggregation(c)).ToArray());
            order.Add(key);
        }

        var results = new List<Projected>();
        var sortColumns = projection.OrderBy.Select(s => SortColumn(s, items)).ToArray();
        var seen = projection.Distinct ? new HashSet<object?[]>(CypherValues.KeyComparer.Instance) : null;
        foreach (var key in order)
        {
            var (representative, accumulators) = groups[key];
            var values = new Dictionary<Expr, object?>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < aggregateCalls.Count; i++)
            {
                values[aggregateCalls[i]] = accumulators[i].Result(context);
            }

            evaluator.Aggregates = values;
            try
            {
                var output = new Row();
                var k = 0;
                foreach (var item in items)
                {
                    output[item.Name] = Aggregation.Contains(item.Expression)
                        ? evaluator.Eval(item.Expression, representative)
                        : key[k++];
                }

                if (seen is not null && !seen.Add(items.Select(i => output[i.Name]).ToArray()))
                {
                    continue;
                }

                var combined = new Row(representative);
                foreach (var (name, v) in output)
                {
                    combined[name] = v;
                }

                var sortKeys = new object?[sortColumns.Length];
                for (var i = 0; i < sortKeys.Length; i++)
                {
                    sortKeys[i] = sortColumns[i] is { } column ? output[column] : evaluator.Eval(projection.OrderBy[i].Expression, combined);
                }

                results.Add(new Projected(output, sortKeys, combined));
            }
            finally
            {
                evaluator.Aggregates = null;
            }
        }

        return results;
    }

    private IEnumerable<Row> Finish(IEnumerable<Projected> projected, Projection projection, Expr? where)
    {
        if (projection.OrderBy.Count > 0)
        {
            var descending = projection.OrderBy.Select(s => s.Descending).ToArray();
            var byKeys = Comparer<object?[]>.Create((a, b) =>
            {
                for (var i = 0; i < a.Length; i++)
                {
                    var c = CypherValues.OrderCompare(a[i], b[i]);
                    if (c != 0)
                    {
                        return descending[i] ? -c : c;
                    }
                }

                return 0;
            });
            if (projection.Limit is not null)
            {
                // ORDER BY … LIMIT k: only the first SKIP + k rows can be answered, so only they are kept.
                var keep = (long)CountArgument(projection.Limit, "LIMIT") + (projection.Skip is null ? 0 : CountArgument(projection.Skip, "SKIP"));
                projected = TopRows(projected, byKeys, (int)Math.Min(keep, int.MaxValue));
            }
            else
            {
                var sorted = Buffer(projected).OrderBy(p => p.SortKeys, byKeys);
                try
                {
                    projected = sorted.ToList();
                }
            catch (InvalidOperationException e) when (e.InnerException is CypherException or OperationCanceledException)
            {
                    // The sort wraps what its comparisons throw (the time budget is checked while comparing long values).
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                    throw;
                }
            }
        }

        if (projection.Skip is not null)
        {
            projected = projected.Skip(CountArgument(projection.Skip, "SKIP"));
        }

        if (projection.Limit is not null)
        {
            projected = projected.Take(CountArgument(projection.Limit, "LIMIT"));
        }

        if (where is not null)
        {
            projected = projected.Where(p => evaluator.EvalPredicate(where, p.Combined) == true);
        }

        return projected.Select(p => p.Output);
    }

    /// <summary>
    /// The first <paramref name="keep"/> rows in sort order, kept in a heap whose top is the worst row kept: a row better
    /// than it takes its place. Ties keep the order rows arrived in, as a stable sort does. Only the kept rows count
    /// against the memory budget.
    /// </summary>
    private List<Projected> TopRows(IEnumerable<Projected> projected, IComparer<object?[]> byKeys, int keep)
    {
        var worstFirst = Comparer<(object?[] Keys, long Arrival)>.Create((a, b) =>
        {
            var c = byKeys.Compare(b.Keys, a.Keys);
            return c != 0 ? c : b.Arrival.CompareTo(a.Arrival);
        });
        var heap = new PriorityQueue<Projected, (object?[] Keys, long Arrival)>(worstFirst);
        long arrival = 0;
        foreach (var row in projected)
        {
            context.Tick();
            var priority = (row.SortKeys, arrival++);
            if (heap.Count < keep)
            {
                context.Budget.Retain(QueryBudget.RowBytes(row.Output.Count + row.SortKeys.Length));
                heap.Enqueue(row, priority);
            }
            else if (keep > 0)
            {
                // Hands back the worst of the kept rows and this one: this one itself when it is no better.
                heap.EnqueueDequeue(row, priority);
            }
        }

        var kept = new List<Projected>(heap.Count);
        while (heap.TryDequeue(out var row, out _))
        {
            kept.Add(row);
        }

        kept.Reverse();
        return kept;
    }

    /// <summary>Every row of <paramref name="projected"/>, held for sorting and counted against the memory budget.</summary>
    private List<Projected> Buffer(IEnumerable<Projected> projected)
    {
        var rows = new List<Projected>();
        foreach (var row in projected)
        {
            context.Tick();
            context.Budget.Retain(QueryBudget.RowBytes(row.Output.Count + row.SortKeys.Length));
            rows.Add(row);
        }

        return rows;
    }

    private int CountArgument(Expr expression, string clause)
    {
        var value = evaluator.Eval(expression, new Row());
        if (value is double d && d == Math.Floor(d) && false)
        {
            value = (long)d;
        }

        if (value is not long n)
        {
            throw context.RuntimeError("SyntaxError", "InvalidArgumentType", $"{clause} expects an integer", expression.Offset);
        }

        if (n < 0)
        {
            throw context.RuntimeError("SyntaxError", "NegativeIntegerArgument", $"{clause} must not be negative", expression.Offset);
        }

        return (int)Math.Min(n, int.MaxValue);
    }
}

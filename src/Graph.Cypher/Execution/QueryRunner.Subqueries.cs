using System.Globalization;
using Graph.Cypher.Semantics;
using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

// CALL { } subqueries, FOREACH and FINISH; the rows of a subquery body for COLLECT { }.
internal sealed partial class QueryRunner
{
    private IEnumerable<Row> ApplyCypher5(Clause clause, IEnumerable<Row> rows, List<string> scope) => clause switch
    {
        SubqueryCallClause call => SubqueryCall(rows, call, scope),
        ForeachClause loop => Eager(rows, row =>
        {
            Foreach(loop, row, scope);
            return [row];
        }),
        FinishClause => Drain(rows),
        _ => throw new CypherException("SyntaxError", "UnexpectedSyntax", "Unsupported clause", Positions.Of(context.Text, clause.Offset)),
    };

    /// <summary>The rows of a query's parts for one outer row, a UNION's (not ALL) without repeats.</summary>
    private IEnumerable<Row> BodyRows(Query body, Row start, IReadOnlyList<string> imports)
    {
        var rows = body.Parts.SelectMany(part => RunClauses(part, new Row(start), imports.ToList()));
        if (body.UnionAll.Any(all => !all))
        {
            var columns = ReturnedColumns(body) ?? [];
            rows = rows.DistinctBy(r => columns.Select(c => r.GetValueOrDefault(c)).ToArray(), CypherValues.KeyComparer.Instance);
        }

        return rows;
    }

    /// <summary>The names a query's RETURN gives, or null for a unit query (no RETURN).</summary>
    private static List<string>? ReturnedColumns(Query body) =>
        body.Parts[0].Clauses[^1] is ReturnClause ret ? ret.Projection.Items.Select(i => i.Name).ToList() : null;

    /// <summary>
    /// <c>CALL { … }</c> runs its body once per incoming row, the body seeing only what it imports. A returning subquery
    /// gives each incoming row once per row it returns (none: the row is dropped, or with OPTIONAL kept with nulls); a
    /// unit subquery (no RETURN) runs for its writes and passes the row on.
    /// </summary>
    private IEnumerable<Row> SubqueryCall(IEnumerable<Row> rows, SubqueryCallClause call, List<string> scope)
    {
        var imports = SemanticChecker.SubqueryImports(call, scope);
        var columns = ReturnedColumns(call.Body);
        if (columns is not null && call.Body.Parts[0].Clauses[^1] is ReturnClause { Projection.Star: true })
        {
            // RETURN * returns what the body had bound; known only from the rows, so they are read first.
            columns = null;
        }

        scope.AddRange((columns ?? []).Where(c => !scope.Contains(c)));
        if (call.ReportStatus is { } status && !scope.Contains(status))
        {
            scope.Add(status);
        }

        if (call.InTransactions)
        {
            // IN TRANSACTIONS: see InTransactions for why the batches share the statement's one transaction.
            return InTransactions(rows, call, imports, columns);
        }

        // A subquery that writes runs for every row before what follows reads (as Neo4j plans an eager step there):
        // a MATCH after it sees all its changes.
        var result = SubqueryRows(rows, call, imports, columns);
        return SemanticChecker.Writes(call.Body) ? result.ToList() : result;
    }

    private IEnumerable<Row> SubqueryRows(IEnumerable<Row> rows, SubqueryCallClause call, IReadOnlyList<string> imports, List<string>? columns)
    {
        var unit = call.Body.Parts[0].Clauses[^1] is not ReturnClause;
        foreach (var row in rows)
        {
            var start = new Row();
            foreach (var name in imports)
            {
                start[name] = row.GetValueOrDefault(name);
            }

            if (unit)
            {
                foreach (var _ in BodyRows(call.Body, start, imports))
                {
                    context.Tick();
                }

                yield return row;
                continue;
            }

            var any = false;
            foreach (var result in BodyRows(call.Body, start, imports))
            {
                any = true;
                var merged = new Row(row);
                foreach (var (name, value) in result)
                {
                    if ((columns is null && !imports.Contains(name)) || (columns is not null && columns.Contains(name)))
                    {
                        merged[name] = value;
                    }
                }

                yield return merged;
            }

            if (!any && call.Optional)
            {
                var empty = new Row(row);
                foreach (var name in columns ?? [])
                {
                    empty[name] = null;
                }

                yield return empty;
            }
        }
    }

    /// <summary>
    /// <c>CALL { … } IN TRANSACTIONS [OF n ROWS] [ON ERROR …] [REPORT STATUS AS s]</c>. The incoming rows are read first
    /// and the body runs on them batch by batch, in order; but every batch belongs to the statement's one transaction.
    /// The embedded store keeps a write as its statement, saved once it has run whole and made again when the store opens:
    /// committing the first batches on their own would save a change that no saved statement makes, so the batches commit
    /// (or roll back) together. A batch that fails under ON ERROR CONTINUE or BREAK is taken back to where it started
    /// (its changes undone, its counters too) and its rows get nulls, as Neo4j rolls back that inner transaction; the
    /// batches that ran whole are kept and commit with the statement. Running the saved statement again fails the same
    /// batches the same way (the clock and random seed are saved with it), so the store opens to the same graph.
    /// </summary>
    private IEnumerable<Row> InTransactions(IEnumerable<Row> rows, SubqueryCallClause call, IReadOnlyList<string> imports, List<string>? columns)
    {
        var size = 1000L;
        if (call.BatchRows is not null)
        {
            var rowsPerBatch = evaluator.Eval(call.BatchRows, new Row());
            if (rowsPerBatch is not long n || n < 1)
            {
                throw context.RuntimeError("ArgumentError", "InvalidArgumentValue",
                    $"OF … ROWS takes a positive integer, not {Functions.ToCypherString(rowsPerBatch)}", call.BatchRows.Offset);
            }

            size = n;
        }

        var input = rows.ToList();
        if (call.OnError == "FAIL")
        {
            return SubqueryRows(input, call, imports, columns).ToList();
        }

        var output = new List<Row>();
        var broken = false;
        var number = 0;
        foreach (var batch in input.Chunk((int)Math.Min(size, int.MaxValue)))
        {
            number++;
            if (broken)
            {
                output.AddRange(batch.Select(row => FailedRow(row, call, columns, BatchStatus(started: false, committed: false, null, null))));
                continue;
            }

            var savepoint = transaction?.Savepoint ?? 0;
            var counters = context.Counters();
            try
            {
                var results = SubqueryRows(batch, call, imports, columns).ToList();
                if (transaction is not null)
                {
                    // A uniqueness constraint is checked as the batch's inner transaction would commit.
                    ThrowIfConstraintsBroken(transaction);
                }

                var status = BatchStatus(started: true, committed: true, number, null);
                output.AddRange(call.ReportStatus is { } name ? results.Select(r => new Row(r) { [name] = status }) : results);
            }
            catch (CypherException e) when (IsBatchError(e))
            {
                transaction?.RollbackTo(savepoint);
                context.RestoreCounters(counters);
                var status = BatchStatus(started: true, committed: false, number, e.Message);
                output.AddRange(batch.Select(row => FailedRow(row, call, columns, status)));
                broken = call.OnError == "BREAK";
            }
        }

        return output;
    }

    /// <summary>
    /// An error that fails one batch, which ON ERROR CONTINUE and BREAK outlive: not the statement's own limits (time,
    /// memory, rows), which end the whole query.
    /// </summary>
    private static bool IsBatchError(CypherException e) =>
        e.Phase == CypherErrorPhase.Runtime && e.ErrorType is not ("Timeout" or "MemoryLimit" or "RowLimit" or "WriteNotSaved");

    /// <summary>A row of a batch that failed or never ran: the incoming row, nulls for what the body returns, and the status.</summary>
    private static Row FailedRow(Row row, SubqueryCallClause call, List<string>? columns, Dictionary<string, object?> status)
    {
        var failed = new Row(row);
        foreach (var name in columns ?? [])
        {
            failed[name] = null;
        }

        if (call.ReportStatus is { } statusName)
        {
            failed[statusName] = status;
        }

        return failed;
    }

    /// <summary>Neo4j's status map of an inner transaction; here a batch, numbered within the statement.</summary>
    private static Dictionary<string, object?> BatchStatus(bool started, bool committed, int? batch, string? error) => new()
    {
        ["started"] = started,
        ["committed"] = committed,
        ["transactionId"] = batch is { } n ? string.Create(CultureInfo.InvariantCulture, $"batch-{n}") : null,
        ["errorMessage"] = error,
    };

    private void Foreach(ForeachClause loop, Row row, List<string> scope)
    {
        var source = evaluator.Eval(loop.Source, row);
        if (source is null)
        {
            return;
        }

        if (source is not List<object?> items)
        {
            throw context.RuntimeError("TypeError", "InvalidArgumentType", $"FOREACH expects a list, not {CypherValues.TypeName(source)}", loop.Source.Offset);
        }

        foreach (var item in items)
        {
            context.Tick();
            IEnumerable<Row> inner = [new Row(row) { [loop.Variable] = item }];
            var innerScope = new List<string>(scope) { loop.Variable };
            foreach (var clause in loop.Body)
            {
                inner = Apply(clause, inner, innerScope);
            }

            foreach (var _ in inner)
            {
            }
        }
    }

    /// <summary>The values of a COLLECT subquery's single column for one row.</summary>
    private List<object?> CollectColumn(Query query, Row row)
    {
        var column = ReturnedColumns(query)![0];
        return BodyRows(SubqueryScope.KeepOuter(query, row.Keys), row, row.Keys.ToList()).Select(r => r.GetValueOrDefault(column)).ToList();
    }

    /// <summary>
    /// The labels (or the one type) CREATE, MERGE, SET and REMOVE write from a label expression: plain names and
    /// <c>$(expr)</c>, joined by ':' or '&amp;'. Anything else cannot be written.
    /// </summary>
    private List<string> DynamicNames(LabelExpression? expression, Row row, int offset) => expression switch
    {
        null => [],
        LabelName name => [name.Name],
        LabelDynamic { Any: false } dynamic => evaluator.DynamicNames(dynamic.Expression, row, offset),
        LabelAnd both => [.. DynamicNames(both.Left, row, offset), .. DynamicNames(both.Right, row, offset)],
        _ => throw context.RuntimeError("SyntaxError", "InvalidLabelExpression",
            "Only labels joined by ':' or '&' (or given as $(expr)) can be written", offset),
    };
}

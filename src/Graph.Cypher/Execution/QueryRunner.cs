using Graph.Cypher.Durability;
using Graph.Cypher.Planning;
using Graph.Cypher.Semantics;
using Graph.Cypher.Storage;
using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

/// <summary>Parses, checks and runs one query as a pipeline of lazily pulled rows, clause by clause.</summary>
internal sealed partial class QueryRunner
{
    private readonly ExecutionContext context;
    private readonly Evaluator evaluator;
    private readonly PatternMatcher matcher;
    private IReadOnlyDictionary<string, CypherProcedure> procedures = new Dictionary<string, CypherProcedure>();

    private QueryRunner(ExecutionContext context)
    {
        this.context = context;
        evaluator = new Evaluator(context);
        matcher = new PatternMatcher(evaluator);
        evaluator.Matcher = matcher;
        evaluator.SubqueryColumn = CollectColumn;
        evaluator.Subquery = (query, row) => SubqueryScope.KeepOuter(query, row.Keys).Parts.Any(part => RunClauses(part, row, row.Keys.ToList()).Any());
        // Rows of each part, counted; a UNION (not ALL) counts its distinct rows as the query would return them.
        evaluator.SubqueryRows = (query, row) => (query = SubqueryScope.KeepOuter(query, row.Keys)).UnionAll.All(all => all)
            ? query.Parts.Sum(part => RunClauses(part, row, row.Keys.ToList()).LongCount())
            : query.Parts.SelectMany(part => RunClauses(part, row, row.Keys.ToList()))
                .Select(r => r.Where(e => !row.ContainsKey(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value).ToArray())
                .Distinct(CypherValues.KeyComparer.Instance).LongCount();
    }

    /// <summary>
    /// Runs a query under the graph's lock. A write that changed something is handed to <paramref name="save"/>
    /// (when given) before the lock is let go; <paramref name="clock"/> gives a saved write being made again
    /// the instant and seed it first ran with. <paramref name="nodesChanged"/>
    /// hears which nodes a write created or changed, still under the lock (the store's search index follows them).
    /// </summary>
    public static CypherResult Run(IGraphAccess graph, CypherOptions options, string text,
        IReadOnlyDictionary<string, object?> parameters, IReadOnlyDictionary<string, CypherProcedure> procedures,
        CancellationToken cancellationToken, SaveWrite? save = null, StatementClock? clock = null,
        Action<IReadOnlyCollection<long>>? nodesChanged = null)
    {
        try
        {
            return RunChecked(graph, options, text, parameters, procedures, cancellationToken, save, clock, nodesChanged);
        }
        catch (InsufficientExecutionStackException)
        {
            // The last line of defence: the nesting limits of the parser and of values should stop a query long before
            // the stack runs short, but every recursive walk also checks the stack, so a missed case is an error, not
            // the end of the process (a stack overflow cannot be caught). A write was already undone on the way out.
            throw new CypherException("NestingTooDeep", "NestingTooDeep",
                "The query, or a value it builds, nests too deeply to run safely. Split it into WITH steps, or flatten the value.",
                null, CypherErrorPhase.Runtime);
        }
    }

    /// <summary>
    /// A parameter the query names (or a standalone CALL takes implicitly) but was not given is a compile-time error, as in
    /// Neo4j: found before any row runs, not when (or whether) the expression is first evaluated.
    /// </summary>
    private static void ThrowIfParameterMissing(Query query, string text, IReadOnlyList<(string Name, int Offset)> mentioned,
        IReadOnlyDictionary<string, object?> parameters, IReadOnlyDictionary<string, CypherProcedure> procedures)
    {
        var implicitArguments = query.Parts.SelectMany(p => p.Clauses).OfType<CallClause>()
            .Where(c => c.Args is null && procedures.ContainsKey(c.Procedure))
            .SelectMany(c => procedures[c.Procedure].Parameters.Select(p => (p.Name, c.Offset)));
        foreach (var (name, offset) in mentioned.Concat(implicitArguments))
        {
            if (!parameters.ContainsKey(name))
            {
                throw new CypherException("ParameterMissing", "MissingParameter", $"Expected parameter ${name}", Positions.Of(text, offset));
            }
        }
    }

    private static CypherResult RunChecked(IGraphAccess graph, CypherOptions options, string text,
        IReadOnlyDictionary<string, object?> parameters, IReadOnlyDictionary<string, CypherProcedure> procedures,
        CancellationToken cancellationToken, SaveWrite? save, StatementClock? clock,
        Action<IReadOnlyCollection<long>>? nodesChanged)
    {
        var query = ParsedQueries.Parse(text, q => q.Parts[0].Clauses is not [SchemaCommand] && !SemanticChecker.Writes(q), out var mentioned, out var planMode);
        if (query.Parts[0].Clauses is [SchemaCommand command])
        {
            if (planMode != PlanMode.None)
            {
                throw new CypherException("SyntaxError", "UnexpectedSyntax", "EXPLAIN and PROFILE do not apply to schema commands", Positions.Of(text, 0));
            }

            return RunSchemaCommand(graph, options, command, text, parameters, save, clock);
        }

        if (query.Parts.Any(p => p.Clauses.Any(c => c is CallClause call && call.Procedure.StartsWith(Parser.ShowProcedurePrefix, StringComparison.Ordinal))))
        {
            procedures = ShowCommands.With(procedures, graph);
        }

        var columnsPerPart = CheckOnce(query, text, procedures);
        ThrowIfParameterMissing(query, text, mentioned, parameters, procedures);
        var writes = SemanticChecker.Writes(query) && planMode != PlanMode.Explain;
        if (options.ReadOnly && writes)
        {
            throw new CypherException("ReadOnly", "WriteNotAllowed",
                "Writing queries are not allowed in read-only mode", null);
        }

        if (writes && save is not null) SavedWriteRules.ThrowIfUnsavable(text);
        using var graphLock = graph.Enter(writes);
        // A writing query runs on a view that can take its changes back: it commits whole or not at all.
        var transaction = writes ? new TransactionalGraphAccess(graph) : null;
        if (transaction is not null) graph = transaction;
        IReadOnlyList<string> columns = columnsPerPart[0];
        var planner = planMode == PlanMode.None ? null : new PlanBuilder(graph);
        var plan = planner?.Build(query, columns);
        if (planMode == PlanMode.Explain)
        {
            return new CypherResult(columns, [], new CypherCounters()) { Plan = plan!.ToPlan(profiled: false) };
        }

        var profiler = planMode == PlanMode.Profile ? new Profiler { Root = plan } : null;
        if (profiler is not null)
        {
            foreach (var (top, scan) in planner!.Scans) profiler.ScanOf[top] = scan;
            graph = new CountingGraphAccess(graph, profiler);
        }

        var context = new ExecutionContext(graph, options, parameters, text, cancellationToken, clock);
        using var budget = context.Budget.Enter();
        var runner = new QueryRunner(context) { procedures = procedures, profiler = profiler, planner = planner, transaction = transaction };
        var rows = new List<IReadOnlyList<object?>>();
        try
        {
            IEnumerable<Row> result = runner.RunSingle(query.Parts[0]);
            for (var i = 1; i < query.Parts.Count; i++)
            {
                result = result.Concat(runner.RunSingle(query.Parts[i]));
            }

            if (query.UnionAll.Any(all => !all))
            {
                result = result.DistinctBy(r => columns.Select(c => r.GetValueOrDefault(c)).ToArray(), CypherValues.KeyComparer.Instance);
            }

            if (profiler is not null) result = profiler.Count(plan!, result);

            foreach (var row in result)
            {
                context.Tick();
                if (rows.Count >= options.MaxRows)
                {
                    throw new CypherException("RowLimit", "RowLimit",
                        $"The query returned more than the configured limit of {options.MaxRows} rows", null, CypherErrorPhase.Runtime);
                }

                context.Budget.Retain(QueryBudget.RowBytes(columns.Count));
                rows.Add(columns.Select(c => ValueConversion.ToClr(row.GetValueOrDefault(c), graph, context)).ToList());
            }

            if (transaction is not null) ThrowIfConstraintsBroken(transaction);
        }
        catch (CypherException e)
        {
            Undo(transaction, nodesChanged);
            e.Phase = CypherErrorPhase.Runtime;
            throw;
        }
        catch (OverflowException)
        {
            Undo(transaction, nodesChanged);
            throw new CypherException("ArithmeticError", "IntegerOverflow", "Integer arithmetic overflow", null, CypherErrorPhase.Runtime);
        }
        catch
        {
            // Cancellation, a timeout or a fault: the graph must still not keep half of the write.
            Undo(transaction, nodesChanged);
            throw;
        }

        var counters = context.Counters();
        if (transaction is not null && save is not null && counters.ContainsUpdates)
        {
            try
            {
                save(text, parameters, new StatementClock(context.StartedAt, context.Seed));
            }
            catch (Exception e) when (e is IOException or NotSupportedException)
            {
                // Still under the write lock: no reader has seen the change that could not be kept.
                Undo(transaction, nodesChanged);
                throw new CypherException("WriteNotSaved", "WriteNotSaved", $"The write was undone because it could not be saved: {e.Message}", null, CypherErrorPhase.Runtime);
            }
        }
        if (transaction is not null && counters.ContainsUpdates)
        {
            transaction.Schema.DataChanged();
            nodesChanged?.Invoke(transaction.ChangedNodes);
        }

        return new CypherResult(columns, rows, counters) { Plan = plan?.ToPlan(profiled: true), Profiled = plan is not null };
    }

    /// <summary>Takes a failed write back; a node its undo recreated (under a new id) is indexed again.</summary>
    private static void Undo(TransactionalGraphAccess? transaction, Action<IReadOnlyCollection<long>>? nodesChanged)
    {
        if (transaction is null) return;
        transaction.Rollback();
        transaction.Schema.DataChanged();
        nodesChanged?.Invoke(transaction.ChangedNodes);
    }

    private IEnumerable<Row> RunClauses(SingleQuery query, Row start, List<string> scope)
    {
        // Only the top level of each part is measured; subqueries' reads are charged to the operator that runs them.
        var instrument = profiler is not null && instrumentNext;
        instrumentNext = false;
        IEnumerable<Row> rows = [new Row(start)];
        for (var i = 0; i < query.Clauses.Count; i++)
        {
            if (i == 0 && start.Count == 0 && query.Clauses.Count > 1 &&
                Shortcut(query.Clauses[0], query.Clauses[1], query.Clauses.Count > 2 ? query.Clauses[2] : null, scope, instrument) is { } shortcut)
            {
                rows = shortcut;
                i++;
                continue;
            }

            if (i == 0 && start.Count == 0 && query.Clauses[0] is MatchClause match && query.Clauses.Count > 1 &&
                PlanEndCounts(match, query.Clauses[1]) is { } plan)
            {
                scope.AddRange(SemanticChecker.PatternVariables(match.Patterns).Where(v => !scope.Contains(v)));
                var (projection, where) = query.Clauses[1] switch
                {
                    WithClause with => (with.Projection, with.Where),
                    var other => (((ReturnClause)other).Projection, (Expr?)null),
                };
                rows = Project(TopEndCounts(plan, projection, where) ?? EndCounts(plan), projection, scope, where);
                if (instrument && planner!.Tops.TryGetValue(query.Clauses[1], out var counted)) rows = profiler!.Count(counted, rows);
                i++;
                continue;
            }

            rows = Apply(query.Clauses[i], rows, scope, i + 1 < query.Clauses.Count ? query.Clauses[i + 1] : null);
            if (instrument && planner!.Tops.TryGetValue(query.Clauses[i], out var op)) rows = profiler!.Count(op, rows);
        }

        return rows;
    }

    private CallClause? standaloneCall;

    private Profiler? profiler;

    private PlanBuilder? planner;

    /// <summary>The writing query's undo log (null for a read), for batches of <c>IN TRANSACTIONS</c> that fail on their own.</summary>
    private TransactionalGraphAccess? transaction;

    private bool instrumentNext;

    private IEnumerable<Row> RunSingle(SingleQuery query)
    {
        standaloneCall = query.Clauses is [CallClause only] ? only : null;
        instrumentNext = true;
        var rows = RunClauses(query, new Row(), []);
        if (query.Clauses[^1] is not ReturnClause && !(standaloneCall is not null && procedures[standaloneCall.Procedure].Outputs.Count > 0))
        {
            // A query ending in an update returns no rows, but must still run to the end.
            var input = rows;
            rows = Drain(input);
        }

        return rows;
    }

    private static IEnumerable<Row> Drain(IEnumerable<Row> rows)
    {
        foreach (var _ in rows)
        {
        }

        yield break;
    }

    /// <summary>Whether the rows a clause hands to <paramref name="next"/> only count as distinct rows there (DISTINCT, or aggregates that ignore repeats).</summary>
    private static bool OnlyDistinctRowsMatter(Clause? next)
    {
        var projection = next switch
        {
            WithClause w => w.Projection,
            ReturnClause r => r.Projection,
            _ => null,
        };
        if (projection is null)
        {
            return false;
        }

        var aggregates = new List<Expr>();
        foreach (var expression in projection.Items.Select(i => i.Expression).Concat(projection.OrderBy.Select(o => o.Expression)))
        {
            Aggregation.Collect(expression, aggregates);
        }

        return aggregates.Count == 0
            ? projection.Distinct
            : aggregates.All(a => a is FunctionExpr f && (f.Distinct || f.LowerName is "min" or "max"));
    }

    private IEnumerable<Row> Apply(Clause clause, IEnumerable<Row> rows, List<string> scope, Clause? next = null)
    {
        switch (clause)
        {
            case MatchClause match:
                {
                    var newVariables = SemanticChecker.PatternVariables(match.Patterns).Where(v => !scope.Contains(v)).ToList();
                    scope.AddRange(newVariables);
                    return match.Optional ? OptionalMatch(rows, match, newVariables) : Match(rows, match, OnlyDistinctRowsMatter(next));
                }

            case UnwindClause unwind:
                scope.Add(unwind.Variable);
                return Unwind(rows, unwind);
            case WithClause with:
                {
                    return Project(rows, with.Projection, scope, with.Where);
                }

            case ReturnClause ret:
                return Project(rows, ret.Projection, scope);
            case CreateClause create:
                scope.AddRange(SemanticChecker.PatternVariables(create.Patterns).Where(v => !scope.Contains(v)));
                return Eager(rows, row => [Create(create.Patterns, row)]);
            case MergeClause merge:
                scope.AddRange(SemanticChecker.PatternVariables([merge.Pattern]).Where(v => !scope.Contains(v)));
                return Eager(rows, row => Merge(merge, row));
            case SetClause set:
                return Eager(rows, row =>
                {
                    foreach (var item in set.Items)
                    {
                        ApplySetItem(item, row);
                    }

                    return [row];
                });
            case RemoveClause remove:
                return Eager(rows, row =>
                {
                    foreach (var item in remove.Items)
                    {
                        ApplySetItem(item, row);
                    }

                    return [row];
                });
            case DeleteClause delete:
                return Delete(rows, delete);
            case CallClause call:
                {
                    var procedure = procedures[call.Procedure];
                    var bindings = ProcedureBindings(call, procedure);
                    scope.AddRange(bindings.Select(b => b.Name).Where(n => !scope.Contains(n)));
                    return CallProcedure(rows, call, procedure, bindings);
                }
            default:
                return ApplyCypher5(clause, rows, scope);
        }
    }

    /// <summary>Write clauses read all their input first, so that a write never feeds the read that precedes it.</summary>
    private IEnumerable<Row> Eager(IEnumerable<Row> rows, Func<Row, IEnumerable<Row>> write)
    {
        var input = rows.ToList();
        var output = new List<Row>();
        foreach (var row in input)
        {
            context.Tick();
            output.AddRange(write(row));
        }

        return output;
    }

    private IEnumerable<Row> Match(IEnumerable<Row> rows, MatchClause match, bool onlyDistinctRowsMatter)
    {
        foreach (var row in rows)
        {
            foreach (var result in matcher.MatchPattern(match.Patterns, row, match.Where, onlyDistinctRowsMatter))
            {
                yield return result;
            }
        }
    }

    private IEnumerable<Row> OptionalMatch(IEnumerable<Row> rows, MatchClause match, List<string> newVariables)
    {
        foreach (var row in rows)
        {
            var any = false;
            foreach (var result in matcher.MatchPattern(match.Patterns, row, match.Where))
            {
                any = true;
                yield return result;
            }

            if (!any)
            {
                var empty = new Row(row);
                foreach (var variable in newVariables)
                {
                    empty[variable] = null;
                }

                yield return empty;
            }
        }
    }

    private IEnumerable<Row> Unwind(IEnumerable<Row> rows, UnwindClause unwind)
    {
        foreach (var row in rows)
        {
            var value = evaluator.Eval(unwind.Source, row);
            if (value is null)
            {
                continue;
            }

            if (value is List<object?> list)
            {
                foreach (var item in list)
                {
                    context.Tick();
                    yield return new Row(row) { [unwind.Variable] = item };
                }
            }
            else
            {
                yield return new Row(row) { [unwind.Variable] = value };
            }
        }
    }
}

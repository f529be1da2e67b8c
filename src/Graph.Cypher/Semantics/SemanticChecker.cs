using Graph.Cypher.Execution;
using Graph.Cypher.Syntax;

namespace Graph.Cypher.Semantics;

/// <summary>
/// The compile-time checks: variable scopes and kinds, what CREATE/MERGE may say, aggregation rules,
/// column names, UNION shape. Each error carries the TCK's detail name and a position.
/// </summary>
internal sealed partial class SemanticChecker
{
    private enum Kind
    {
        Any,
        Node,
        Relationship,
        Path,
        Value,

        /// <summary>A value known from its literal to be no map, node or relationship: it has no properties.</summary>
        NonMapValue,
        RelationshipList,
    }

    private readonly Dictionary<string, string> localTypes = new(StringComparer.Ordinal);

    private readonly string text;

    private readonly IReadOnlyDictionary<string, CypherProcedure> procedures;

    private SemanticChecker(string text, IReadOnlyDictionary<string, CypherProcedure> procedures)
    {
        this.text = text;
        this.procedures = procedures;
    }

    private CypherException Error(string detail, string message, int offset, string type = "SyntaxError") =>
        new(type, detail, message, Positions.Of(text, offset));

    /// <summary>Checks the query; answers the result columns of each UNION part.</summary>
    public static List<List<string>> Check(Query query, string text, IReadOnlyDictionary<string, CypherProcedure>? procedures = null)
    {
        var checker = new SemanticChecker(text, procedures ?? new Dictionary<string, CypherProcedure>());
        var columns = query.Parts.Select(p => checker.CheckSingle(p)).ToList();
        if (query.UnionAll.Distinct().Count() > 1)
        {
            throw checker.Error("InvalidClauseComposition", "Cannot mix UNION and UNION ALL", 0);
        }

        for (var i = 1; i < columns.Count; i++)
        {
            if (!columns[i].SequenceEqual(columns[0]))
            {
                throw checker.Error("DifferentColumnsInUnion", "All sub queries in a UNION must have the same return column names", 0);
            }
        }

        return columns;
    }

    public static bool Writes(Query query) => query.Parts.Any(p => p.Clauses.Any(ClauseWrites));

    public static List<string> PatternVariables(IEnumerable<PatternPart> patterns)
    {
        var result = new List<string>();
        foreach (var part in patterns)
        {
            if (part.PathVariable is not null && !result.Contains(part.PathVariable))
            {
                result.Add(part.PathVariable);
            }

            foreach (var node in part.Nodes)
            {
                if (node.Variable is not null && !result.Contains(node.Variable))
                {
                    result.Add(node.Variable);
                }
            }

            foreach (var rel in part.Relationships)
            {
                if (rel.Variable is not null && !result.Contains(rel.Variable))
                {
                    result.Add(rel.Variable);
                }
            }

            foreach (var step in part.Relationships.Select(r => r.Step).OfType<QuantifiedStep>())
            {
                foreach (var group in new[] { step.Left.Variable, step.Right.Variable }.Concat(step.Nodes.Select(n => n.Variable)).Concat(step.Rels.Select(r => r.Variable)))
                {
                    if (group is not null && !result.Contains(group))
                    {
                        result.Add(group);
                    }
                }
            }
        }

        return result;
    }

    private List<string> CheckSingle(SingleQuery query) => CheckSingle(query, new Dictionary<string, Kind>(StringComparer.Ordinal), isSubquery: false);

    private List<string> CheckSingle(SingleQuery query, Dictionary<string, Kind> scope, bool isSubquery)
    {
        List<string> columns = [];
        for (var index = 0; index < query.Clauses.Count; index++)
        {
            var clause = query.Clauses[index];
            switch (clause)
            {
                case MatchClause match:
                    BindPatterns(match.Patterns, scope, creating: false, merging: false);
                    foreach (var part in match.Patterns)
                    {
                        CheckPatternExpressions(part, scope, allowParameterMaps: false);
                    }

                    if (match.Where is VariableExpr { Name: var whereVariable } && scope.GetValueOrDefault(whereVariable) is Kind.Node or Kind.Relationship or Kind.Path)
                    {
                        throw Error("InvalidArgumentType", $"`{whereVariable}` is not a boolean", match.Where.Offset);
                    }

                    if (match.Where is not null)
                    {
                        CheckExpression(match.Where, scope, allowAggregates: false);
                    }

                    break;
                case UnwindClause unwind:
                    CheckExpression(unwind.Source, scope, allowAggregates: false);
                    if (scope.ContainsKey(unwind.Variable))
                    {
                        throw Error("VariableAlreadyBound", $"Variable `{unwind.Variable}` already declared", unwind.Offset);
                    }

                    scope[unwind.Variable] = Kind.Any;
                    break;
                case WithClause with:
                    {
                        var before = scope;
                        scope = CheckProjection(with.Projection, scope, out _);
                        if (with.Where is not null)
                        {
                            var whereScope = new Dictionary<string, Kind>(scope);
                            if (!with.Projection.Items.Any(i => Aggregation.Contains(i.Expression)))
                            {
                                foreach (var (name, kind) in before)
                                {
                                    whereScope.TryAdd(name, kind);
                                }
                            }

                            CheckExpression(with.Where, whereScope, allowAggregates: false);
                        }
                    }

                    break;
                case ReturnClause ret:
                    if (ret.Projection.Star && scope.Count == 0)
                    {
                        throw Error("NoVariablesInScope", "RETURN * is not allowed when there are no variables in scope", ret.Offset);
                    }

                    scope = CheckProjection(ret.Projection, scope, out columns);
                    break;
                case CreateClause create:
                    BindPatterns(create.Patterns, scope, creating: true, merging: false);
                    foreach (var part in create.Patterns)
                    {
                        CheckPatternExpressions(part, scope, allowParameterMaps: true);
                    }
                    break;
                case MergeClause merge:
                    CheckPatternExpressions(merge.Pattern, scope, allowParameterMaps: false);
                    BindPatterns([merge.Pattern], scope, creating: true, merging: true);
                    foreach (var item in merge.OnCreate.Concat(merge.OnMatch))
                    {
                        CheckSetItem(item, scope);
                    }

                    break;
                case SetClause set:
                    foreach (var item in set.Items)
                    {
                        CheckSetItem(item, scope);
                    }

                    break;
                case RemoveClause remove:
                    foreach (var item in remove.Items)
                    {
                        CheckSetItem(item, scope);
                    }

                    break;
                case DeleteClause delete:
                    foreach (var target in delete.Targets)
                    {
                        if (target is HasLabelsExpr)
                        {
                            throw Error("InvalidDelete", "DELETE takes nodes, relationships or paths, not labels", target.Offset);
                        }

                        if (target is not (VariableExpr or PropertyExpr or IndexExpr or FunctionExpr or ListExpr or ParameterExpr or LiteralExpr { Value: null }))
                        {
                            throw Error("InvalidArgumentType", "DELETE expects a node, relationship or path", target.Offset, "SyntaxError");
                        }

                        CheckExpression(target, scope, allowAggregates: false);
                    }

                    break;
                case CallClause call:
                    {
                        var names = CheckCall(call, scope, standalone: query.Clauses.Count == 1);
                        if (query.Clauses.Count == 1)
                        {
                            columns = names;
                        }

                        break;
                    }

                default:
                    CheckCypher5Clause(clause, scope);
                    break;
            }

            if (!isSubquery && index == query.Clauses.Count - 1 && clause is MatchClause or UnwindClause or WithClause or CallClause && clause is not CallClause)
            {
                throw Error("InvalidClauseComposition", "Query cannot conclude with " + (clause is WithClause { Kind: var kind } ? kind : clause.GetType().Name.Replace("Clause", "", StringComparison.Ordinal).ToUpperInvariant()),
                    clause.Offset);
            }
        }

        return columns;
    }

    /// <summary>Checks a procedure call and binds what it yields; answers the yielded names.</summary>
    private List<string> CheckCall(CallClause call, Dictionary<string, Kind> scope, bool standalone)
    {
        if (!procedures.TryGetValue(call.Procedure, out var procedure))
        {
            throw Error("ProcedureNotFound", $"There is no procedure with the name `{call.Procedure}`", call.Offset, "ProcedureError");
        }

        if (call.Args is null && !standalone)
        {
            throw Error("InvalidArgumentPassingMode", "Implicit arguments are only allowed in a standalone CALL", call.Offset);
        }

        if (call.Args is { } args)
        {
            if (args.Count != procedure.Parameters.Count)
            {
                throw Error("InvalidNumberOfArguments",
                    $"Procedure {procedure.Name} takes {procedure.Parameters.Count} arguments, not {args.Count}", call.Offset);
            }

            for (var i = 0; i < args.Count; i++)
            {
                CheckExpression(args[i], scope, allowAggregates: false);
                if (!ProcedureCalls.Accepts(procedure.Parameters[i].Type, StaticType(args[i])))
                {
                    throw Error("InvalidArgumentType", $"Argument {procedure.Parameters[i].Name} must be {procedure.Parameters[i].Type}", args[i].Offset);
                }
            }
        }

        if (call.YieldStar && !standalone)
        {
            throw Error("UnexpectedSyntax", "YIELD * is only allowed in a standalone CALL", call.Offset);
        }

        var bindings = ProcedureCalls.Bindings(call, procedure, standalone);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, name) in bindings)
        {
            if (procedure.Outputs.All(o => o.Name != field))
            {
                throw Error("UndefinedVariable", $"Procedure {procedure.Name} yields no field `{field}`", call.Offset);
            }

            if (!names.Add(name) || scope.ContainsKey(name))
            {
                throw Error("VariableAlreadyBound", $"Variable `{name}` already declared", call.Offset);
            }
        }

        foreach (var name in names)
        {
            scope[name] = Kind.Any;
        }

        if (call.Where is not null)
        {
            CheckExpression(call.Where, scope, allowAggregates: false);
        }

        return bindings.Select(b => b.Name).ToList();
    }

    private void CheckSetItem(SetItem item, Dictionary<string, Kind> scope)
    {
        switch (item)
        {
            case SetPropertyItem set:
                if (set.Value is PatternExpr)
                {
                    throw Error("UnexpectedSyntax", "A pattern cannot be assigned", set.Value.Offset);
                }

                CheckExpression(set.Target, scope, false);
                CheckExpression(set.Value, scope, false);
                break;
            case SetAllPropertiesItem all:
                RequireVariable(all.Variable, scope, all.Offset);
                CheckExpression(all.Value, scope, false);
                break;
            case SetLabelsItem labels:
                RequireVariable(labels.Variable, scope, labels.Offset);
                break;
            case RemoveLabelsItem labels:
                RequireVariable(labels.Variable, scope, labels.Offset);
                break;
            case RemovePropertyItem property:
                CheckExpression(property.Target, scope, false);
                break;
        }
    }

    private void RequireVariable(string name, Dictionary<string, Kind> scope, int offset)
    {
        if (!scope.ContainsKey(name))
        {
            throw Error("UndefinedVariable", $"Variable `{name}` not defined", offset);
        }
    }

    private void CheckPatternExpressions(PatternPart part, Dictionary<string, Kind> scope, bool allowParameterMaps)
    {
        var inner = new Dictionary<string, Kind>(scope);
        foreach (var v in PatternVariables([part]))
        {
            inner.TryAdd(v, Kind.Any);
        }

        CheckInlinePredicates(part, inner);

        foreach (var node in part.Nodes)
        {
            if (node.Properties is ParameterExpr && !allowParameterMaps)
            {
                throw Error("InvalidParameterUse", "Parameter maps cannot be used in MATCH or MERGE patterns", node.Properties.Offset);
            }

            if (node.Properties is not null)
            {
                CheckExpression(node.Properties, inner, false);
            }
        }

        foreach (var rel in part.Relationships)
        {
            if (rel.Properties is ParameterExpr && !allowParameterMaps)
            {
                throw Error("InvalidParameterUse", "Parameter maps cannot be used in MATCH or MERGE patterns", rel.Properties.Offset);
            }

            if (rel.Properties is not null)
            {
                CheckExpression(rel.Properties, inner, false);
            }
        }
    }

    private void BindPatterns(IReadOnlyList<PatternPart> patterns, Dictionary<string, Kind> scope, bool creating, bool merging)
    {
        var relsInThisClause = new HashSet<string>();
        foreach (var part in patterns)
        {
            if (part.PathVariable is not null)
            {
                if (part.Nodes.Any(n => n.Variable == part.PathVariable) || part.Relationships.Any(r => r.Variable == part.PathVariable))
                {
                    throw Error("VariableAlreadyBound", $"Variable `{part.PathVariable}` is both a path and an element", part.Offset);
                }

                if (scope.ContainsKey(part.PathVariable))
                {
                    throw Error("VariableAlreadyBound", $"Variable `{part.PathVariable}` already declared", part.Offset);
                }
            }

            foreach (var node in part.Nodes)
            {
                if (node.Variable is null)
                {
                    continue;
                }

                if (scope.TryGetValue(node.Variable, out var kind))
                {
                    if (kind is Kind.Relationship or Kind.Path or Kind.Value or Kind.NonMapValue or Kind.RelationshipList)
                    {
                        throw Error("VariableTypeConflict", $"Variable `{node.Variable}` already declared as {kind}", node.Offset);
                    }

                    if (creating && (node.Labels.Count > 0 || node.Properties is not null || (part.Relationships.Count == 0 && !merging) || (merging && part.Relationships.Count == 0)))
                    {
                        throw Error("VariableAlreadyBound", $"Variable `{node.Variable}` already declared", node.Offset);
                    }
                }
                else
                {
                    scope[node.Variable] = Kind.Node;
                }
            }

            foreach (var rel in part.Relationships)
            {
                if (creating && rel.Variable is not null && scope.ContainsKey(rel.Variable))
                {
                    throw Error("VariableAlreadyBound", $"Variable `{rel.Variable}` already declared", rel.Offset);
                }

                if (creating)
                {
                    if (rel.Types.Count != 1 && !IsSingleDynamicType(rel))
                    {
                        throw Error("NoSingleRelationshipType", "A single relationship type must be specified for CREATE/MERGE", rel.Offset);
                    }

                    if (rel.Direction == RelDirection.Either && !merging)
                    {
                        throw Error("RequiresDirectedRelationship", "Only directed relationships are supported in CREATE", rel.Offset);
                    }

                    if (rel.VarLength)
                    {
                        throw Error("CreatingVarLength", "Variable length relationships cannot be used in CREATE/MERGE", rel.Offset);
                    }
                }

                if (rel.Variable is null)
                {
                    continue;
                }

                if (scope.TryGetValue(rel.Variable, out var kind))
                {
                    if (kind is Kind.Node or Kind.Path || (kind is Kind.Value or Kind.NonMapValue && !rel.VarLength))
                    {
                        throw Error("VariableTypeConflict", $"Variable `{rel.Variable}` already declared as {kind}", rel.Offset);
                    }

                    if (creating)
                    {
                        throw Error("VariableAlreadyBound", $"Variable `{rel.Variable}` already declared", rel.Offset);
                    }

                    if (relsInThisClause.Contains(rel.Variable))
                    {
                        throw Error("RelationshipUniquenessViolation", $"Cannot use the same relationship variable '{rel.Variable}' for multiple relationships", rel.Offset);
                    }

                    if (rel.VarLength && kind == Kind.Relationship)
                    {
                        throw Error("VariableTypeConflict", $"Variable `{rel.Variable}` already declared as a relationship", rel.Offset);
                    }
                }
                else
                {
                    scope[rel.Variable] = rel.VarLength ? Kind.RelationshipList : Kind.Relationship;
                }

                relsInThisClause.Add(rel.Variable);
            }

            foreach (var step in part.Relationships.Select(r => r.Step).OfType<QuantifiedStep>())
            {
                foreach (var group in new[] { step.Left.Variable, step.Right.Variable }.Concat(step.Nodes.Select(n => n.Variable)).Concat(step.Rels.Select(r => r.Variable)))
                {
                    if (group is not null)
                    {
                        scope.TryAdd(group, Kind.Value);
                    }
                }
            }

            if (part.PathVariable is not null)
            {
                scope[part.PathVariable] = Kind.Path;
            }
        }
    }

    private Dictionary<string, Kind> CheckProjection(Projection projection, Dictionary<string, Kind> scope, out List<string> columns)
    {
        var next = new Dictionary<string, Kind>(StringComparer.Ordinal);
        columns = [];
        if (projection.Star)
        {
            foreach (var (name, kind) in scope.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                next[name] = kind;
                columns.Add(name);
            }
        }

        // Neo4j lets an aggregating expression reuse only simple grouping keys: variables and property lookups.
        var keyRenders = projection.Items
            .Where(i => !Aggregation.Contains(i.Expression) && i.Expression is VariableExpr or PropertyExpr { Target: VariableExpr })
            .Select(i => Render(i.Expression)).ToHashSet();
        foreach (var item in projection.Items)
        {
            CheckExpression(item.Expression, scope, allowAggregates: true);
            if (Aggregation.Contains(item.Expression) && !GroupedCorrectly(item.Expression, keyRenders))
            {
                throw Error("AmbiguousAggregationExpression", "Expression mixes aggregation with non-grouping values", item.Expression.Offset);
            }

            if (columns.Contains(item.Name))
            {
                throw Error("ColumnNameConflict", $"Multiple result columns with the same name '{item.Name}'", item.Expression.Offset);
            }

            columns.Add(item.Name);
            if (item.Expression is PatternExpr)
            {
                throw Error("UnexpectedSyntax", "A pattern cannot be projected; use a pattern comprehension or exists()", item.Expression.Offset);
            }

            next[item.Name] = item.Expression switch
            {
                VariableExpr v when scope.TryGetValue(v.Name, out var k) => k,
                LiteralExpr { Value: not null } or ListExpr => Kind.NonMapValue,
                MapExpr => Kind.Value,
                _ => Kind.Any,
            };
        }

        var aggregating = projection.Items.Any(i => Aggregation.Contains(i.Expression));
        var sortScope = new Dictionary<string, Kind>(next);
        if (!aggregating && !projection.Distinct)
        {
            foreach (var (name, kind) in scope)
            {
                sortScope.TryAdd(name, kind);
            }
        }

        foreach (var sort in projection.OrderBy)
        {
            var matchesItem = projection.Items.Any(i => Render(i.Expression) == Render(sort.Expression));
            if (!matchesItem)
            {
                if (aggregating)
                {
                    // Outside aggregate calls, only projected names and variables of grouping keys are visible.
                    var outside = new List<string>();
                    FreeVariablesOutsideAggregates(sort.Expression, outside);
                    var keyVariables = new List<string>();
                    foreach (var item in projection.Items.Where(i => !Aggregation.Contains(i.Expression)))
                    {
                        FreeVariables(item.Expression, [], keyVariables);
                    }

                    // An aggregate in ORDER BY must be one the projection computes.
                    var sortAggregates = new List<Expr>();
                    Aggregation.Collect(sort.Expression, sortAggregates);
                    var projectedAggregates = new List<Expr>();
                    foreach (var item in projection.Items)
                    {
                        Aggregation.Collect(item.Expression, projectedAggregates);
                    }

                    var projectedRenders = projectedAggregates.Select(Render).ToHashSet();
                    if (sortAggregates.FirstOrDefault(a => !projectedRenders.Contains(Render(a))) is { } unprojected)
                    {
                        throw Error("UndefinedVariable", "ORDER BY can only use aggregates that are projected", unprojected.Offset);
                    }

                    var missing = outside.FirstOrDefault(v => !next.ContainsKey(v) && !keyVariables.Contains(v));
                    if (missing is not null)
                    {
                        throw Error("UndefinedVariable", $"Variable `{missing}` not defined", sort.Expression.Offset);
                    }

                    var withPrevious = new Dictionary<string, Kind>(scope);
                    foreach (var (name, kind) in next)
                    {
                        withPrevious[name] = kind;
                    }

                    CheckExpression(sort.Expression, withPrevious, allowAggregates: true);
                }
                else if (projection.Distinct && ReferencesOutside(sort.Expression, next, scope))
                {
                    throw Error("UndefinedVariable",
                        "ORDER BY after DISTINCT can only use projected values", sort.Expression.Offset);
                }
                else
                {
                    CheckExpression(sort.Expression, sortScope, allowAggregates: false);
                }
                if (aggregating && Aggregation.Contains(sort.Expression) && !GroupedCorrectly(sort.Expression, keyRenders.Concat(projection.Items.Select(i => Render(new VariableExpr(0, i.Name)))).ToHashSet()))
                {
                    throw Error("AmbiguousAggregationExpression", "Expression mixes aggregation with non-grouping values", sort.Expression.Offset);
                }

                if (!aggregating && Aggregation.Contains(sort.Expression))
                {
                    throw Error("InvalidAggregation", "Aggregation in ORDER BY of a non-aggregating projection", sort.Expression.Offset);
                }
            }
        }

        if (projection.IsWith && projection.Items.FirstOrDefault(i => i.Alias is null && i.Expression is not VariableExpr) is { } unaliased)
        {
            throw Error("NoExpressionAlias", "Expression in WITH must be aliased (use AS)", unaliased.Expression.Offset);
        }

        CheckCount(projection.Skip, "SKIP");
        CheckCount(projection.Limit, "LIMIT");
        return next;
    }

    private static bool ReferencesOutside(Expr expression, Dictionary<string, Kind> projected, Dictionary<string, Kind> before)
    {
        var variables = new List<string>();
        FreeVariablesOutsideAggregates(expression, variables);
        return variables.Any(v => !projected.ContainsKey(v) && before.ContainsKey(v));
    }

    private static void FreeVariablesOutsideAggregates(Expr e, List<string> into)
    {
        if (Aggregation.IsAggregate(e))
        {
            return;
        }

        if (e is VariableExpr v)
        {
            into.Add(v.Name);
            return;
        }

        if (e is ListComprehensionExpr or QuantifierExpr or ReduceExpr)
        {
            FreeVariables(e, [], into);
            return;
        }

        foreach (var child in ExprWalker.Children(e))
        {
            FreeVariablesOutsideAggregates(child, into);
        }
    }

    internal static void FreeVariables(Expr e, HashSet<string> local, List<string> into)
    {
        switch (e)
        {
            case VariableExpr v when !local.Contains(v.Name):
                into.Add(v.Name);
                return;
            case ListComprehensionExpr lc:
                FreeVariables(lc.Source, local, into);
                var inner = new HashSet<string>(local) { lc.Variable };
                if (lc.Where is not null)
                {
                    FreeVariables(lc.Where, inner, into);
                }

                if (lc.Projection is not null)
                {
                    FreeVariables(lc.Projection, inner, into);
                }

                return;
            case QuantifierExpr q:
                FreeVariables(q.Source, local, into);
                if (q.Where is not null)
                {
                    FreeVariables(q.Where, new HashSet<string>(local) { q.Variable }, into);
                }

                return;
            case ReduceExpr r:
                FreeVariables(r.Initial, local, into);
                FreeVariables(r.Source, local, into);
                FreeVariables(r.Body, new HashSet<string>(local) { r.Variable, r.Accumulator }, into);
                return;
            case MapProjectionExpr mp when !local.Contains(mp.Variable):
                into.Add(mp.Variable);
                break;
        }

        foreach (var child in ExprWalker.Children(e))
        {
            FreeVariables(child, local, into);
        }
    }

    private bool GroupedCorrectly(Expr e, HashSet<string> keys) => GroupedCorrectly(e, keys, []);

    private bool GroupedCorrectly(Expr e, HashSet<string> keys, HashSet<string> locals)
    {
        if (Aggregation.IsAggregate(e))
        {
            return true;
        }

        switch (e)
        {
            case VariableExpr local when locals.Contains(local.Name):
                return true;
            case ListComprehensionExpr lc:
                {
                    var inner = new HashSet<string>(locals) { lc.Variable };
                    return GroupedCorrectly(lc.Source, keys, locals) &&
                           (lc.Where is null || GroupedCorrectly(lc.Where, keys, inner)) &&
                           (lc.Projection is null || GroupedCorrectly(lc.Projection, keys, inner));
                }

            case QuantifierExpr q:
                return GroupedCorrectly(q.Source, keys, locals) &&
                       (q.Where is null || GroupedCorrectly(q.Where, keys, new HashSet<string>(locals) { q.Variable }));
            case ReduceExpr r:
                {
                    var inner = new HashSet<string>(locals) { r.Variable, r.Accumulator };
                    return GroupedCorrectly(r.Initial, keys, locals) && GroupedCorrectly(r.Source, keys, locals) &&
                           GroupedCorrectly(r.Body, keys, inner);
                }
        }

        var variables = new List<string>();
        FreeVariables(e, locals, variables);
        if (variables.Count == 0 || keys.Contains(Render(e)))
        {
            return true;
        }

        if (e is VariableExpr)
        {
            return false;
        }

        var children = ExprWalker.Children(e).ToList();
        return children.Count > 0 && children.All(c => GroupedCorrectly(c, keys, locals));
    }

    private void CheckCount(Expr? e, string clause)
    {
        if (e is null)
        {
            return;
        }

        var variables = new List<string>();
        FreeVariables(e, [], variables);
        if (variables.Count > 0 || ContainsPattern(e))
        {
            throw Error("NonConstantExpression", $"{clause} must be a constant expression", e.Offset);
        }

        switch (e)
        {
            case LiteralExpr { Value: long n } when n < 0:
                throw Error("NegativeIntegerArgument", $"{clause} must not be negative", e.Offset);
            case LiteralExpr { Value: double }:
                throw Error("InvalidArgumentType", $"{clause} must be an integer", e.Offset);
        }
    }

    private static bool ContainsPattern(Expr e) =>
        e is PatternExpr or PatternComprehensionExpr || ExprWalker.Children(e).Any(ContainsPattern);

    /// <summary>A structural rendering that ignores positions, to compare expressions.</summary>
    public static string Render(Expr e)
    {
        var head = e switch
        {
            LiteralExpr l => "L:" + (l.Value is null ? "null" : l.Value.GetType().Name + ":" + Functions.ToCypherString(l.Value)),
            VariableExpr v => "V:" + v.Name,
            ParameterExpr p => "P:" + p.Name,
            PropertyExpr p => "." + p.Key,
            BinaryExpr b => "B:" + b.Op,
            UnaryExpr u => "U:" + u.Op,
            FunctionExpr f => "F:" + f.LowerName + (f.Distinct ? ":d" : ""),
            IsNullExpr n => "N:" + n.Negated,
            HasLabelsExpr h => "H:" + string.Join(':', h.Labels),
            ListComprehensionExpr lc => "LC:" + lc.Variable,
            QuantifierExpr q => "Q:" + q.Kind + q.Variable,
            ReduceExpr r => "R:" + r.Accumulator + r.Variable,
            MapExpr m => "M:" + string.Join(',', m.Entries.Select(en => en.Key)),
            PatternExpr or PatternComprehensionExpr => "Pat@" + e.Offset,
            _ => e.GetType().Name,
        };
        return head + "(" + string.Join(",", ExprWalker.Children(e).Select(Render)) + ")";
    }

    private string? StaticType(Expr e) => e switch
    {
        LiteralExpr { Value: null } => "Null",
        LiteralExpr { Value: bool } => "Boolean",
        LiteralExpr { Value: long } => "Integer",
        LiteralExpr { Value: double } => "Float",
        LiteralExpr { Value: string } => "String",
        ListExpr or ListComprehensionExpr => "List",
        MapExpr => "Map",
        VariableExpr v when localTypes.TryGetValue(v.Name, out var t) => t,
        BinaryExpr { Op: "AND" or "OR" or "XOR" or "=" or "<>" or "<" or ">" or "<=" or ">=" or "STARTS" or "ENDS" or "CONTAINS" } => "Boolean",
        UnaryExpr { Op: "NOT" } or IsNullExpr or QuantifierExpr => "Boolean",
        _ => null,
    };

    private string? ElementType(Expr source)
    {
        if (source is not ListExpr list || list.Items.Count == 0)
        {
            return null;
        }

        var types = list.Items.Select(StaticType).Distinct().ToList();
        return types.Count == 1 && types[0] is not null and not "Null" ? types[0] : null;
    }

    private void CheckStaticTypes(Expr e)
    {
        static bool NotBoolean(string? t) => t is "Integer" or "Float" or "String" or "List" or "Map";
        switch (e)
        {
            case BinaryExpr { Op: "AND" or "OR" or "XOR" } b when NotBoolean(StaticType(b.Left)) || NotBoolean(StaticType(b.Right)):
                throw Error("InvalidArgumentType", $"Type mismatch: {b.Op} expects booleans", b.Offset);
            case UnaryExpr { Op: "NOT" } u when NotBoolean(StaticType(u.Operand)):
                throw Error("InvalidArgumentType", "Type mismatch: NOT expects a boolean", u.Offset);
            case BinaryExpr { Op: "-" or "*" or "/" or "%" or "^" } b
                when StaticType(b.Left) is "Boolean" or "String" or "List" or "Map" || StaticType(b.Right) is "Boolean" or "String" or "List" or "Map":
                throw Error("InvalidArgumentType", $"Type mismatch for operator {b.Op}", b.Offset);
            case BinaryExpr { Op: "+" } b
                when (StaticType(b.Left) is "Boolean" or "Map" || StaticType(b.Right) is "Boolean" or "Map") &&
                     StaticType(b.Left) != "List" && StaticType(b.Right) != "List":
                throw Error("InvalidArgumentType", "Type mismatch for operator +", b.Offset);
            case FunctionExpr { LowerName: "properties" } f when f.Args.Count == 1 &&
                                                                 StaticType(f.Args[0]) is "Integer" or "Float" or "String" or "List" or "Boolean":
                throw Error("InvalidArgumentType", "properties() expects a node, relationship or map", f.Offset);
            case BinaryExpr { Op: "IN" } b when StaticType(b.Right) is "Integer" or "Float" or "String" or "Boolean" or "Map":
                throw Error("InvalidArgumentType", "IN expects a list", b.Offset);
            case FunctionExpr f when Functions.AggregateNames.Contains(f.LowerName) && f.Args.Any(ContainsRand):
                throw Error("NonConstantExpression", "Aggregation over a non-deterministic expression", f.Offset);
            case FunctionExpr f when f.LowerName != "exists" && f.Args.Any(a => a is PatternExpr):
                throw Error("UnexpectedSyntax", "A pattern is not a value here", f.Offset);
        }
    }

    private static bool ContainsRand(Expr e) =>
        e is FunctionExpr { LowerName: "rand" } || ExprWalker.Children(e).Any(ContainsRand);

    private void CheckKinds(Expr e, Dictionary<string, Kind> scope)
    {
        Kind? KindOf(Expr a) => a is VariableExpr v && scope.TryGetValue(v.Name, out var k) ? k : null;
        switch (e)
        {
            case FunctionExpr { LowerName: "labels" } f when f.Args.Count == 1 && KindOf(f.Args[0]) is Kind.Path or Kind.Relationship:
            case FunctionExpr { LowerName: "type" } f2 when f2.Args.Count == 1 && KindOf(f2.Args[0]) is Kind.Path or Kind.Node:
            case FunctionExpr { LowerName: "size" } f3 when f3.Args.Count == 1 && KindOf(f3.Args[0]) is Kind.Path or Kind.Node or Kind.Relationship:
            case FunctionExpr { LowerName: "length" } f4 when f4.Args.Count == 1 && KindOf(f4.Args[0]) is Kind.Node or Kind.Relationship:
            case PropertyExpr { Target: VariableExpr } p when KindOf(p.Target) is Kind.Path:
                throw Error("InvalidArgumentType", "Type mismatch", e.Offset);
            case PropertyExpr { Target: VariableExpr v } p when KindOf(p.Target) is Kind.NonMapValue:
                throw Error("InvalidArgumentType", $"Type mismatch: `{v.Name}` is not a map, node or relationship and has no property `{p.Key}`", e.Offset, "TypeError");
        }
    }

    private void CheckExpression(Expr e, Dictionary<string, Kind> scope, bool allowAggregates)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        CheckStaticTypes(e);
        CheckKinds(e, scope);
        switch (e)
        {
            case VariableExpr v:
                if (!scope.ContainsKey(v.Name))
                {
                    throw Error("UndefinedVariable", $"Variable `{v.Name}` not defined", v.Offset);
                }

                return;
            case MapProjectionExpr mp:
                if (!scope.ContainsKey(mp.Variable))
                {
                    throw Error("UndefinedVariable", $"Variable `{mp.Variable}` not defined", mp.Offset);
                }

                foreach (var item in mp.Items)
                {
                    if (item is VariableSelector vs && !scope.ContainsKey(vs.Name))
                    {
                        throw Error("UndefinedVariable", $"Variable `{vs.Name}` not defined", mp.Offset);
                    }
                }

                break;
            case FunctionExpr f:
                {
                    if (Functions.AggregateNames.Contains(f.LowerName))
                    {
                        if (!allowAggregates)
                        {
                            throw Error("InvalidAggregation", "Invalid use of aggregating function " + f.Name, f.Offset);
                        }

                        foreach (var arg in f.Args)
                        {
                            if (Aggregation.Contains(arg))
                            {
                                throw Error("NestedAggregation", "Cannot nest aggregate functions", arg.Offset);
                            }

                            CheckExpression(arg, scope, false);
                        }

                        return;
                    }

                    if (!Functions.Known.TryGetValue(f.LowerName, out var arity))
                    {
                        if (!TemporalFunctions.Names.Contains(f.LowerName))
                        {
                            throw Error("UnknownFunction", $"Unknown function '{f.Name}'", f.Offset);
                        }
                    }
                    else if (f.Args.Count < arity.Min || f.Args.Count > arity.Max)
                    {
                        throw Error("InvalidNumberOfArguments", $"Wrong number of arguments for {f.Name}", f.Offset);
                    }

                    if (f.LowerName == "exists" && f.Args.Count == 1 && f.Args[0] is not (PropertyExpr or PatternExpr))
                    {
                        throw Error("InvalidArgumentType", "exists() expects a property or a pattern", f.Offset);
                    }

                    break;
                }

            case CountStarExpr when !allowAggregates:
                throw Error("InvalidAggregation", "Invalid use of count(*)", e.Offset);
            case ListComprehensionExpr lc:
                {
                    CheckExpression(lc.Source, scope, allowAggregates);
                    var inner = new Dictionary<string, Kind>(scope) { [lc.Variable] = Kind.Any };
                    WithLocalType(lc.Variable, ElementType(lc.Source), () =>
                    {
                        if (lc.Where is not null)
                        {
                            CheckExpression(lc.Where, inner, false);
                        }

                        if (lc.Projection is not null)
                        {
                            CheckExpression(lc.Projection, inner, false);
                        }
                    });
                    return;
                }

            case QuantifierExpr q:
                {
                    CheckExpression(q.Source, scope, allowAggregates);
                    if (q.Where is not null)
                    {
                        WithLocalType(q.Variable, ElementType(q.Source),
                            () => CheckExpression(q.Where, new Dictionary<string, Kind>(scope) { [q.Variable] = Kind.Any }, false));
                    }

                    return;
                }

            case ReduceExpr r:
                {
                    CheckExpression(r.Initial, scope, allowAggregates);
                    CheckExpression(r.Source, scope, allowAggregates);
                    CheckExpression(r.Body, new Dictionary<string, Kind>(scope) { [r.Variable] = Kind.Any, [r.Accumulator] = Kind.Any }, false);
                    return;
                }

            case PatternExpr pattern:
                {
                    foreach (var v in PatternVariables([pattern.Pattern]))
                    {
                        if (!scope.ContainsKey(v))
                        {
                            throw Error("UndefinedVariable", $"Variable `{v}` not defined", pattern.Offset);
                        }
                    }

                    CheckPatternExpressions(pattern.Pattern, scope, true);
                    return;
                }

            case PatternComprehensionExpr pc:
                {
                    var inner = new Dictionary<string, Kind>(scope);
                    BindPatterns([pc.Pattern], inner, creating: false, merging: false);
                    CheckPatternExpressions(pc.Pattern, inner, true);
                    if (pc.Where is not null)
                    {
                        CheckExpression(pc.Where, inner, false);
                    }

                    CheckExpression(pc.Projection, inner, allowAggregates);
                    return;
                }

            case ExistsSubqueryExpr { Subquery: { } subquery } existsQuery:
                {
                    foreach (var part in SubqueryScope.KeepOuter(subquery, scope.Keys).Parts)
                    {
                        if (part.Clauses.FirstOrDefault(c => c is CreateClause or MergeClause or SetClause or RemoveClause or DeleteClause) is { } update)
                        {
                            throw Error("InvalidClauseComposition", "An EXISTS subquery cannot update the graph", update.Offset);
                        }

                        CheckSingle(part, new Dictionary<string, Kind>(scope), isSubquery: true);
                    }

                    _ = existsQuery;
                    return;
                }

            case CollectSubqueryExpr collect:
                CheckCollect(collect, scope);
                return;
            case LabelTestExpr labelTest:
                CheckLabelExpression(labelTest.Labels, scope);
                break;
            case ExistsSubqueryExpr exists:
                {
                    var inner = new Dictionary<string, Kind>(scope);
                    BindPatterns(exists.Patterns, inner, creating: false, merging: false);
                    if (exists.Where is not null)
                    {
                        CheckExpression(exists.Where, inner, false);
                    }

                    return;
                }
        }

        foreach (var child in ExprWalker.Children(e))
        {
            CheckExpression(child, scope, allowAggregates);
        }
    }

    private void WithLocalType(string variable, string? type, Action check)
    {
        var had = localTypes.Remove(variable, out var previous);
        if (type is not null)
        {
            localTypes[variable] = type;
        }

        try
        {
            check();
        }
        finally
        {
            localTypes.Remove(variable);
            if (had)
            {
                localTypes[variable] = previous!;
            }
        }
    }
}

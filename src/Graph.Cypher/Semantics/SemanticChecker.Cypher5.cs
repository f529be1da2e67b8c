using Graph.Cypher.Syntax;

namespace Graph.Cypher.Semantics;

// Checks of the Neo4j 5 and Cypher 25 syntax: CALL subqueries, FOREACH, FINISH, COLLECT { }, label expressions, inline WHERE.
internal sealed partial class SemanticChecker
{
    private static bool ClauseWrites(Clause clause) => clause switch
    {
        CreateClause or MergeClause or SetClause or RemoveClause or DeleteClause or ForeachClause => true,
        SubqueryCallClause call => Writes(call.Body),
        _ => false,
    };

    private void CheckCypher5Clause(Clause clause, Dictionary<string, Kind> scope)
    {
        switch (clause)
        {
            case SubqueryCallClause call:
                CheckSubqueryCall(call, scope);
                break;
            case ForeachClause loop:
                {
                    CheckExpression(loop.Source, scope, allowAggregates: false);
                    if (scope.ContainsKey(loop.Variable))
                    {
                        throw Error("VariableAlreadyBound", $"Variable `{loop.Variable}` already declared", loop.Offset);
                    }

                    // What the body binds stays inside it.
                    var inner = new Dictionary<string, Kind>(scope) { [loop.Variable] = Kind.Any };
                    CheckSingle(new SingleQuery(loop.Body), inner, isSubquery: true);
                    break;
                }

            case FinishClause:
                break;
        }
    }

    /// <summary>
    /// The variables a subquery body starts with: those of its scope clause, or (the older form, without one) those its
    /// first WITH names as plain variables of the outer scope.
    /// </summary>
    public static IReadOnlyList<string> SubqueryImports(SubqueryCallClause call, IEnumerable<string> outer)
    {
        if (call.ImportAll)
        {
            return outer.ToList();
        }

        if (call.Imports is { } imports)
        {
            return imports;
        }

        var outerSet = outer.ToHashSet(StringComparer.Ordinal);
        return call.Body.Parts
            .SelectMany(p => p.Clauses.FirstOrDefault() is WithClause with
                ? with.Projection.Items.Select(i => i.Expression).OfType<VariableExpr>().Select(v => v.Name)
                : [])
            .Where(outerSet.Contains).Distinct().ToList();
    }

    private void CheckSubqueryCall(SubqueryCallClause call, Dictionary<string, Kind> scope)
    {
        foreach (var name in call.Imports ?? [])
        {
            RequireVariable(name, scope, call.Offset);
        }

        if (call.InTransactions && call.Optional)
        {
            throw Error("InvalidClauseComposition", "OPTIONAL CALL cannot run IN TRANSACTIONS", call.Offset);
        }

        if (call.BatchRows is not null)
        {
            CheckExpression(call.BatchRows, new Dictionary<string, Kind>(StringComparer.Ordinal), allowAggregates: false);
        }

        if (call.ReportStatus is { } status)
        {
            if (call.OnError == "FAIL")
            {
                throw Error("InvalidClauseComposition", "REPORT STATUS can only be used when specifying ON ERROR CONTINUE or ON ERROR BREAK", call.Offset);
            }

            if (scope.ContainsKey(status))
            {
                throw Error("VariableAlreadyBound", $"Variable `{status}` already declared", call.Offset);
            }
        }

        var imports = SubqueryImports(call, scope.Keys);
        List<string>? columns = null;
        foreach (var part in call.Body.Parts)
        {
            var inner = imports.ToDictionary(n => n, n => scope[n], StringComparer.Ordinal);
            var partColumns = CheckSingle(part, inner, isSubquery: true);
            if (part.Clauses[^1] is not ReturnClause)
            {
                partColumns = [];
            }

            if (columns is not null && !columns.SequenceEqual(partColumns))
            {
                throw Error("DifferentColumnsInUnion", "All sub queries in a UNION must have the same return column names", call.Offset);
            }

            columns = partColumns;
        }

        foreach (var column in columns ?? [])
        {
            if (scope.ContainsKey(column))
            {
                throw Error("VariableAlreadyBound", $"Variable `{column}` already declared in the outer scope", call.Offset);
            }
        }

        foreach (var column in columns ?? [])
        {
            scope[column] = Kind.Any;
        }

        if (call.ReportStatus is { } reported)
        {
            if (columns?.Contains(reported) == true)
            {
                throw Error("VariableAlreadyBound", $"Variable `{reported}` already declared", call.Offset);
            }

            scope[reported] = Kind.Any;
        }
    }

    private void CheckCollect(CollectSubqueryExpr collect, Dictionary<string, Kind> scope)
    {
        foreach (var part in SubqueryScope.KeepOuter(collect.Subquery, scope.Keys).Parts)
        {
            if (part.Clauses.FirstOrDefault(ClauseWrites) is { } update)
            {
                throw Error("InvalidClauseComposition", "A COLLECT subquery cannot update the graph", update.Offset);
            }

            if (part.Clauses[^1] is not ReturnClause)
            {
                throw Error("InvalidClauseComposition", "A COLLECT subquery must end with a RETURN clause", collect.Offset);
            }

            var columns = CheckSingle(part, new Dictionary<string, Kind>(scope), isSubquery: true);
            if (columns.Count != 1)
            {
                throw Error("InvalidClauseComposition", "A COLLECT subquery must return a single column", collect.Offset);
            }
        }
    }

    private void CheckLabelExpression(LabelExpression? expression, Dictionary<string, Kind> scope)
    {
        switch (expression)
        {
            case LabelDynamic dynamic:
                CheckExpression(dynamic.Expression, scope, allowAggregates: false);
                break;
            case LabelNot not:
                CheckLabelExpression(not.Operand, scope);
                break;
            case LabelAnd both:
                CheckLabelExpression(both.Left, scope);
                CheckLabelExpression(both.Right, scope);
                break;
            case LabelOr either:
                CheckLabelExpression(either.Left, scope);
                CheckLabelExpression(either.Right, scope);
                break;
        }
    }

    private void CheckInlinePredicates(PatternPart part, Dictionary<string, Kind> inner)
    {
        foreach (var node in part.Nodes)
        {
            CheckLabelExpression(node.LabelExpression, inner);
            if (node.Where is not null)
            {
                CheckExpression(node.Where, inner, allowAggregates: false);
            }
        }

        foreach (var rel in part.Relationships)
        {
            CheckLabelExpression(rel.TypeExpression, inner);
            if (rel.Step is { } step)
            {
                CheckLabelExpression(step.Left.LabelExpression, inner);
                CheckLabelExpression(step.Right.LabelExpression, inner);
                if (step.Where is not null)
                {
                    CheckExpression(step.Where, inner, allowAggregates: false);
                }

                foreach (var where in step.Nodes.Select(n => n.Where).Concat(step.Rels.Select(r => r.Where)).OfType<Expr>())
                {
                    CheckExpression(where, inner, allowAggregates: false);
                }
            }

            if (rel.Where is not null)
            {
                if (rel.VarLength)
                {
                    throw Error("InvalidRelationshipPattern", "Relationship pattern predicates are not allowed when a path length is specified", rel.Offset);
                }

                CheckExpression(rel.Where, inner, allowAggregates: false);
            }
        }
    }

    /// <summary>CREATE and MERGE take a relationship type given as <c>$(expr)</c>: one name, known when the row is.</summary>
    private static bool IsSingleDynamicType(RelPattern rel) => rel.Types.Count == 0 && rel.TypeExpression is LabelDynamic { Any: false };
}

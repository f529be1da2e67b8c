using System.Text.RegularExpressions;
using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

/// <summary>Evaluates expressions against a row, with Cypher's null logic.</summary>
internal sealed partial class Evaluator(ExecutionContext context)
{
    /// <summary>Results of aggregate sub-expressions for the group being projected.</summary>
    public Dictionary<Expr, object?>? Aggregates { get; set; }

    public PatternMatcher? Matcher { get; set; }

    /// <summary>Whether a full subquery yields any row when run from the given row (set by the query runner).</summary>
    public Func<Query, Row, bool>? Subquery { get; set; }

    /// <summary>The number of rows a subquery gives for the row (COUNT { … }).</summary>
    public Func<Query, Row, long>? SubqueryRows { get; set; }

    public ExecutionContext Context => context;

    private CypherException TypeError(string message, Expr at) =>
        context.RuntimeError("TypeError", "InvalidArgumentType", message, at.Offset);

    public object? Eval(Expr expression, Row row)
    {
        // Syntax trees are bounded by the parser's nesting guard; this turns a missed case into an error, not a crash.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expression)
        {
            case LiteralExpr literal:
                return literal.Value;
            case VariableExpr variable:
                if (row.TryGetValue(variable.Name, out var bound))
                {
                    return bound;
                }

                throw new CypherException("SyntaxError", "UndefinedVariable", $"Variable `{variable.Name}` not defined",
                    Positions.Of(context.Text, variable.Offset));
            case ParameterExpr parameter:
                if (context.Parameters.TryGetValue(parameter.Name, out var p))
                {
                    return ValueConversion.FromClr(p);
                }

                throw new CypherException("ParameterMissing", "MissingParameter", $"Expected parameter ${parameter.Name}",
                    Positions.Of(context.Text, parameter.Offset));
            case PropertyExpr property:
                return Property(Eval(property.Target, row), property.Key, property);
            case ListExpr list:
                {
                    var result = new List<object?>(list.Items.Count);
                    var meter = new ValueMeter(map: false);
                    foreach (var item in list.Items)
                    {
                        var value = Eval(item, row);
                        meter.Add(value);
                        result.Add(value);
                    }

                    return meter.Done(result);
                }

            case MapExpr map:
                {
                    var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                    var meter = new ValueMeter(map: true);
                    foreach (var (key, value) in map.Entries)
                    {
                        var entry = Eval(value, row);
                        meter.Add(entry, key);
                        result[key] = entry;
                    }

                    return meter.Done(result);
                }

            case IndexExpr index:
                return Index(Eval(index.Target, row), Eval(index.Index, row), index);
            case SliceExpr slice:
                return Slice(slice, row);
            case BinaryExpr binary:
                return Binary(binary, row);
            case UnaryExpr unary:
                return Unary(unary, row);
            case IsNullExpr isNull:
                {
                    var v = Eval(isNull.Operand, row);
                    return isNull.Negated ? v is not null : v is null;
                }

            case HasLabelsExpr hasLabels:
                {
                    var target = Eval(hasLabels.Target, row);
                    if (target is null)
                    {
                        return null;
                    }

                    if (target is RelRef relationship)
                    {
                        // Neo4j 5: r:T tests a relationship's type.
                        var type = context.Graph.Endpoints(relationship.Id).Type;
                        return hasLabels.Labels.All(l => l == type);
                    }

                    if (target is not NodeRef node)
                    {
                        throw TypeError("Labels can only be tested on nodes", hasLabels);
                    }

                    var labels = context.Graph.LabelsOf(node.Id);
                    return hasLabels.Labels.All(labels.Contains);
                }

            case CountStarExpr or FunctionExpr when Aggregates is not null && Aggregates.TryGetValue(expression, out var aggregated):
                return aggregated;
            case FunctionExpr function:
                return Functions.Call(this, function, row);
            case CaseExpr caseExpr:
                return Case(caseExpr, row);
            case ListComprehensionExpr comprehension:
                return Comprehension(comprehension, row);
            case QuantifierExpr quantifier:
                return Quantifier(quantifier, row);
            case ReduceExpr reduce:
                {
                    var source = Eval(reduce.Source, row);
                    if (source is null)
                    {
                        return null;
                    }

                    if (source is not List<object?> items)
                    {
                        throw TypeError("reduce() expects a list", reduce);
                    }

                    var inner = new Row(row);
                    var acc = Eval(reduce.Initial, row);
                    foreach (var item in items)
                    {
                        context.Tick();
                        inner[reduce.Accumulator] = acc;
                        inner[reduce.Variable] = item;
                        acc = Eval(reduce.Body, inner);
                    }

                    return acc;
                }

            case PatternExpr pattern:
                return Matcher!.MatchPattern([pattern.Pattern], row, null).Any();
            case ExistsSubqueryExpr { Subquery: { } subquery, Counts: true }:
                return SubqueryRows!(subquery, row);
            case ExistsSubqueryExpr { Subquery: { } subquery }:
                return Subquery!(subquery, row);
            case ExistsSubqueryExpr { Counts: true } counting:
                return Matcher!.MatchPattern(counting.Patterns, row, counting.Where).LongCount();
            case ExistsSubqueryExpr exists:
                return Matcher!.MatchPattern(exists.Patterns, row, exists.Where).Any();
            case PatternComprehensionExpr comprehension:
                {
                    var result = new List<object?>();
                    var meter = new ValueMeter(map: false);
                    foreach (var match in Matcher!.MatchPattern([comprehension.Pattern], row, comprehension.Where))
                    {
                        context.Tick();
                        var value = Eval(comprehension.Projection, match);
                        meter.Add(value);
                        result.Add(value);
                    }

                    return meter.Done(result);
                }

            case MapProjectionExpr projection:
                return MapProjection(projection, row);
            default:
                return EvalCypher5(expression, row);
        }
    }

    public bool? EvalPredicate(Expr expression, Row row)
    {
        var v = Eval(expression, row);
        return v switch
        {
            null => null,
            bool b => b,
            _ => throw TypeError($"Expected a boolean but got {CypherValues.TypeName(v)}", expression),
        };
    }

    public object? Property(object? target, string key, Expr at)
    {
        switch (target)
        {
            case null:
                return null;
            case NodeRef node:
                if (context.DeletedNodes.TryGetValue(node.Id, out var deleted))
                {
                    throw context.RuntimeError("EntityNotFound", "DeletedEntityAccess", "The node has been deleted", at.Offset);
                }

                return context.Graph.NodeProperties(node.Id).TryGetValue(key, out var nv) ? nv : null;
            case RelRef rel:
                if (context.DeletedRelationships.ContainsKey(rel.Id))
                {
                    throw context.RuntimeError("EntityNotFound", "DeletedEntityAccess", "The relationship has been deleted", at.Offset);
                }

                return context.Graph.RelationshipProperties(rel.Id).TryGetValue(key, out var rv) ? rv : null;
            case Dictionary<string, object?> map:
                return map.TryGetValue(key, out var mv) ? mv : null;
            case TemporalValue temporal:
                return TemporalFunctions.Accessor(temporal, key);
            case Graph.Model.SpatialPoint point:
                return Points.Accessor(point, key);
            default:
                throw TypeError($"Type mismatch: expected a map, node or relationship but was {CypherValues.TypeName(target)}", at);
        }
    }

    private object? Index(object? target, object? index, Expr at)
    {
        if (target is null || index is null)
        {
            return null;
        }

        switch (target)
        {
            case List<object?> list:
                if (index is not long i)
                {
                    throw TypeError("List index must be an integer", at);
                }

                if (i < 0)
                {
                    i += list.Count;
                }

                return i >= 0 && i < list.Count ? list[(int)i] : null;
            case Dictionary<string, object?> or NodeRef or RelRef:
                if (index is not string key)
                {
                    throw context.RuntimeError("TypeError", "MapElementAccessByNonString", "Map keys must be strings", at.Offset);
                }

                return Property(target, key, at);
            default:
                throw TypeError($"Cannot index into {CypherValues.TypeName(target)}", at);
        }
    }

    private object? Slice(SliceExpr slice, Row row)
    {
        var target = Eval(slice.Target, row);
        var from = slice.From is null ? 0L : Eval(slice.From, row);
        var to = slice.To is null ? long.MaxValue : Eval(slice.To, row);
        if (target is null || from is null || to is null)
        {
            return null;
        }

        if (target is not List<object?> list)
        {
            throw TypeError("Slicing needs a list", slice);
        }

        if (from is not long f || to is not long t)
        {
            throw TypeError("Slice bounds must be integers", slice);
        }

        var n = list.Count;
        if (f < 0)
        {
            f = Math.Max(0, f + n);
        }

        if (t < 0)
        {
            t = Math.Max(0, t + n);
        }

        f = Math.Min(f, n);
        t = Math.Min(t, n);
        return t <= f ? [] : list.GetRange((int)f, (int)(t - f));
    }

    private object? Case(CaseExpr caseExpr, Row row)
    {
        if (caseExpr.Subject is null)
        {
            foreach (var (when, then) in caseExpr.Alternatives)
            {
                if (Eval(when, row) is true)
                {
                    return Eval(then, row);
                }
            }
        }
        else
        {
            var subject = Eval(caseExpr.Subject, row);
            foreach (var (when, then) in caseExpr.Alternatives)
            {
                if (CypherValues.Equal(subject, Eval(when, row)) == true)
                {
                    return Eval(then, row);
                }
            }
        }

        return caseExpr.Else is null ? null : Eval(caseExpr.Else, row);
    }

    private object? Comprehension(ListComprehensionExpr comprehension, Row row)
    {
        var source = Eval(comprehension.Source, row);
        if (source is null)
        {
            return null;
        }

        if (source is not List<object?> items)
        {
            throw TypeError("List comprehension expects a list", comprehension);
        }

        var inner = new Row(row);
        var result = new List<object?>();
        var meter = new ValueMeter(map: false);
        foreach (var item in items)
        {
            context.Tick();
            inner[comprehension.Variable] = item;
            if (comprehension.Where is not null && Eval(comprehension.Where, inner) is not true)
            {
                continue;
            }

            var value = comprehension.Projection is null ? item : Eval(comprehension.Projection, inner);
            meter.Add(value);
            result.Add(value);
        }

        return meter.Done(result);
    }

    private object? Quantifier(QuantifierExpr quantifier, Row row)
    {
        var source = Eval(quantifier.Source, row);
        if (source is null)
        {
            return null;
        }

        if (source is not List<object?> items)
        {
            throw TypeError("Quantifier expects a list", quantifier);
        }

        var inner = new Row(row);
        int trues = 0, nulls = 0, falses = 0;
        foreach (var item in items)
        {
            context.Tick();
            inner[quantifier.Variable] = item;
            var v = quantifier.Where is null ? item : Eval(quantifier.Where, inner);
            switch (v)
            {
                case true: trues++; break;
                case false: falses++; break;
                case null: nulls++; break;
                default: throw TypeError("Quantifier predicate must be boolean", quantifier);
            }

            if (quantifier.Kind == "ANY" && trues > 0)
            {
                return true;
            }

            if (quantifier.Kind == "ALL" && falses > 0)
            {
                return false;
            }

            if (quantifier.Kind == "NONE" && trues > 0)
            {
                return false;
            }

            if (quantifier.Kind == "SINGLE" && trues > 1)
            {
                return false;
            }
        }

        return quantifier.Kind switch
        {
            "ANY" => nulls > 0 ? null : false,
            "ALL" => nulls > 0 ? null : true,
            "NONE" => nulls > 0 ? null : true,
            _ => nulls > 0 ? null : trues == 1,
        };
    }

    private object? MapProjection(MapProjectionExpr projection, Row row)
    {
        var target = row.TryGetValue(projection.Variable, out var t)
            ? t
            : throw new CypherException("SyntaxError", "UndefinedVariable", $"Variable `{projection.Variable}` not defined",
                Positions.Of(context.Text, projection.Offset));
        if (target is null)
        {
            return null;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var item in projection.Items)
        {
            switch (item)
            {
                case PropertySelector selector:
                    result[selector.Key] = Property(target, selector.Key, projection);
                    break;
                case AllPropertiesSelector:
                    foreach (var (k, v) in PropertiesOf(target, projection))
                    {
                        result[k] = v;
                    }

                    break;
                case VariableSelector variable:
                    result[variable.Name] = row.TryGetValue(variable.Name, out var vv) ? vv : null;
                    break;
                case LiteralEntry entry:
                    result[entry.Key] = Eval(entry.Value, row);
                    break;
            }
        }

        context.Budget.CheckValue(ValueSize.Of(result).Bytes);
        return result;
    }

    public IReadOnlyDictionary<string, object?> PropertiesOf(object? target, Expr at) => target switch
    {
        NodeRef node => context.DeletedNodes.TryGetValue(node.Id, out var d) ? d.Properties : context.Graph.NodeProperties(node.Id),
        RelRef rel => context.DeletedRelationships.TryGetValue(rel.Id, out var d) ? d.Properties : context.Graph.RelationshipProperties(rel.Id),
        Dictionary<string, object?> map => map,
        _ => throw TypeError($"Expected a map, node or relationship but was {CypherValues.TypeName(target)}", at),
    };

    private object? Unary(UnaryExpr unary, Row row)
    {
        var v = Eval(unary.Operand, row);
        switch (unary.Op)
        {
            case "NOT":
                return v switch
                {
                    null => null,
                    bool b => !b,
                    _ => throw TypeError("NOT expects a boolean", unary),
                };
            case "-":
                return v switch
                {
                    null => null,
                    long l => l == long.MinValue ? throw Overflow(unary) : -l,
                    double d => -d,
                    _ => throw TypeError("Unary minus expects a number", unary),
                };
            default:
                return v switch
                {
                    null or long or double => v,
                    _ => throw TypeError("Unary plus expects a number", unary),
                };
        }
    }

    private CypherException Overflow(Expr at) =>
        context.RuntimeError("ArithmeticError", "IntegerOverflow", "Integer arithmetic overflow", at.Offset);

    private object? Binary(BinaryExpr binary, Row row)
    {
        switch (binary.Op)
        {
            case "||":
                return Concatenate(binary, row);
            case "AND":
                {
                    var l = Bool(Eval(binary.Left, row), binary);
                    if (l == false)
                    {
                        // Still type-check the right side the way Neo4j does only when cheap: skip.
                        var rr = Bool(Eval(binary.Right, row), binary);
                        _ = rr;
                        return false;
                    }

                    var r = Bool(Eval(binary.Right, row), binary);
                    if (r == false)
                    {
                        return false;
                    }

                    return l is null || r is null ? null : true;
                }

            case "OR":
                {
                    var l = Bool(Eval(binary.Left, row), binary);
                    var r = Bool(Eval(binary.Right, row), binary);
                    if (l == true || r == true)
                    {
                        return true;
                    }

                    return l is null || r is null ? null : false;
                }

            case "XOR":
                {
                    var l = Bool(Eval(binary.Left, row), binary);
                    var r = Bool(Eval(binary.Right, row), binary);
                    return l is null || r is null ? null : l != r;
                }
        }

        var left = Eval(binary.Left, row);
        var right = Eval(binary.Right, row);
        switch (binary.Op)
        {
            case "=":
                return CypherValues.Equal(left, right);
            case "<>":
                return !CypherValues.Equal(left, right);
            case "<" or ">" or "<=" or ">=" when IsNaN(left) && right is long or double || IsNaN(right) && left is long or double:
                return false;
            case "<":
                return CypherValues.Compare(left, right) is { } c1 ? c1 < 0 : null;
            case ">":
                return CypherValues.Compare(left, right) is { } c2 ? c2 > 0 : null;
            case "<=":
                return CypherValues.Compare(left, right) is { } c3 ? c3 <= 0 : null;
            case ">=":
                return CypherValues.Compare(left, right) is { } c4 ? c4 >= 0 : null;
            case "=~":
                if (left is not string ls || right is not string rs)
                {
                    return null;
                }

                try
                {
                    return RegexMatch.IsMatch(ls, rs, context.Remaining);
                }
                catch (RegexMatchTimeoutException)
                {
                    throw context.RuntimeError("Timeout", "Timeout",
                        $"The regular expression backtracked for more than {RegexMatch.MaxPerValue.TotalSeconds:0} s on one value; simplify the pattern", binary.Offset);
                }
                catch (ArgumentException)
                {
                    throw context.RuntimeError("ArgumentError", "InvalidArgumentValue", "Invalid regular expression", binary.Offset);
                }

            case "STARTS":
                return left is string a1 && right is string b1 ? a1.StartsWith(b1, StringComparison.Ordinal) : null;
            case "ENDS":
                return left is string a2 && right is string b2 ? a2.EndsWith(b2, StringComparison.Ordinal) : null;
            case "CONTAINS":
                return left is string a3 && right is string b3 ? a3.Contains(b3, StringComparison.Ordinal) : null;
            case "IN":
                return In(left, right, binary);
            default:
                return Arithmetic.Apply(binary.Op, left, right, this, binary);
        }
    }

    private static bool IsNaN(object? v) => v is double d && double.IsNaN(d);

    private bool? Bool(object? v, Expr at) => v switch
    {
        null => null,
        bool b => b,
        _ => throw TypeError($"Expected a boolean but got {CypherValues.TypeName(v)}", at),
    };

    private object? In(object? left, object? right, Expr at)
    {
        if (right is null)
        {
            return null;
        }

        if (right is not List<object?> list)
        {
            throw TypeError("IN expects a list", at);
        }

        var sawNull = false;
        foreach (var item in list)
        {
            context.Tick();
            var e = CypherValues.Equal(left, item);
            if (e == true)
            {
                return true;
            }

            if (e is null)
            {
                sawNull = true;
            }
        }

        return sawNull ? null : false;
    }

    public CypherException ArgumentTypeError(string message, Expr at) => TypeError(message, at);
}

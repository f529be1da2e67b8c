using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

// Expressions of Neo4j 5 and Cypher 25: COLLECT { }, type predicates, label expressions, || concatenation.
internal sealed partial class Evaluator
{
    /// <summary>The values of a subquery's single column, one per row (set by the query runner).</summary>
    public Func<Query, Row, List<object?>>? SubqueryColumn { get; set; }

    private object? EvalCypher5(Expr expression, Row row)
    {
        switch (expression)
        {
            case CollectSubqueryExpr collect:
                {
                    var values = SubqueryColumn!(collect.Subquery, row);
                    var meter = new ValueMeter(map: false);
                    foreach (var value in values)
                    {
                        meter.Add(value);
                    }

                    return meter.Done(values);
                }

            case TypePredicateExpr predicate:
                {
                    var value = Eval(predicate.Operand, row);
                    var matches = predicate.Types.Any(t => IsOfType(value, t));
                    return predicate.Negated ? !matches : matches;
                }

            case LabelTestExpr test:
                {
                    var target = Eval(test.Target, row);
                    return target switch
                    {
                        null => null,
                        NodeRef node => LabelsSatisfy(test.Labels, context.Graph.LabelsOf(node.Id).ToList(), row, test.Offset),
                        RelRef rel => LabelsSatisfy(test.Labels, [context.Graph.Endpoints(rel.Id).Type], row, test.Offset),
                        _ => throw TypeError("Labels can only be tested on nodes and relationships", test),
                    };
                }

            default:
                throw new CypherException("SyntaxError", "UnexpectedSyntax", $"Unsupported expression {expression.GetType().Name}",
                    Positions.Of(context.Text, expression.Offset));
        }
    }

    /// <summary>
    /// Whether a node with <paramref name="labels"/> (or a relationship whose one type is the single element) satisfies the
    /// label expression; <c>%</c> needs at least one label.
    /// </summary>
    public bool LabelsSatisfy(LabelExpression expression, IReadOnlyCollection<string> labels, Row row, int offset) => expression switch
    {
        LabelName name => labels.Contains(name.Name),
        LabelWildcard => labels.Count > 0,
        LabelNot not => !LabelsSatisfy(not.Operand, labels, row, offset),
        LabelAnd both => LabelsSatisfy(both.Left, labels, row, offset) && LabelsSatisfy(both.Right, labels, row, offset),
        LabelOr either => LabelsSatisfy(either.Left, labels, row, offset) || LabelsSatisfy(either.Right, labels, row, offset),
        LabelDynamic dynamic => dynamic.Any
            ? DynamicNames(dynamic.Expression, row, offset).Any(labels.Contains)
            : DynamicNames(dynamic.Expression, row, offset).All(labels.Contains),
        _ => false,
    };

    /// <summary>The names a dynamic label or type stands for: a string, or a list of strings.</summary>
    public List<string> DynamicNames(Expr expression, Row row, int offset)
    {
        var value = Eval(expression, row);
        var names = value switch
        {
            string s => [s],
            List<object?> list when list.All(v => v is string) => list.Cast<string>().ToList(),
            _ => null,
        };
        if (names is null || names.Any(n => n.Length == 0))
        {
            throw context.RuntimeError("TypeError", "InvalidArgumentType",
                $"A dynamic label or type must be a non-empty string or a list of them, not {CypherValues.TypeName(value)}", offset);
        }

        return names;
    }

    /// <summary><c>a || b</c>: strings or lists joined; null when either side is null.</summary>
    private object? Concatenate(BinaryExpr binary, Row row)
    {
        var left = Eval(binary.Left, row);
        var right = Eval(binary.Right, row);
        return (left, right) switch
        {
            (null, _) or (_, null) => null,
            (string a, string b) => Meter(a + b),
            (List<object?> a, List<object?> b) => Meter(a.Concat(b).ToList()),
            _ => throw TypeError($"|| joins two strings or two lists, not {CypherValues.TypeName(left)} and {CypherValues.TypeName(right)}", binary),
        };
    }

    private static object Meter(object value)
    {
        var meter = new ValueMeter(map: false);
        meter.Add(value);
        return value;
    }

    /// <summary>Whether a value belongs to a type of the GQL type system, as <c>IS :: TYPE</c> tests it.</summary>
    public static bool IsOfType(object? value, CypherType type)
    {
        if (value is null)
        {
            return type.Name is "NULL" || (!type.NotNull && type.Name is not "NOTHING");
        }

        return type.Name switch
        {
            "ANY" => true,
            "UNION" => type.Members.Any(m => IsOfType(value, m)),
            "NOTHING" or "NULL" => false,
            "BOOLEAN" => value is bool,
            "STRING" => value is string,
            "INTEGER" => value is long,
            "FLOAT" => value is double,
            "DATE" => value is TemporalValue { TypeName: "Date" },
            "LOCAL TIME" => value is TemporalValue { TypeName: "LocalTime" },
            "ZONED TIME" => value is TemporalValue { TypeName: "Time" },
            "LOCAL DATETIME" => value is TemporalValue { TypeName: "LocalDateTime" },
            "ZONED DATETIME" => value is TemporalValue { TypeName: "OffsetDateTime" or "ZonedDateTime" },
            "DURATION" => value is TemporalValue { TypeName: "Duration" },
            "POINT" => value is Graph.Model.SpatialPoint,
            "NODE" => value is NodeRef,
            "RELATIONSHIP" => value is RelRef,
            "PATH" => value is PathValue,
            "MAP" => value is Dictionary<string, object?>,
            "LIST" => value is List<object?> list && (type.Element is null || list.All(v => IsOfType(v, type.Element))),
            "PROPERTY VALUE" => IsPropertyValue(value),
            _ => false,
        };
    }

    private static bool IsPropertyValue(object value) => value switch
    {
        bool or long or double or string or TemporalValue or Graph.Model.SpatialPoint => true,
        List<object?> list => list.All(v => v is not null && v is not List<object?> && IsPropertyValue(v)) &&
                              list.Select(v => v!.GetType()).Distinct().Count() <= 1,
        _ => false,
    };
}

using Graph.Cypher.Syntax;

namespace Graph.Cypher.Execution;

internal sealed partial class PatternMatcher
{
    /// <summary>
    /// The inline predicates of node and relationship patterns (<c>(n:A WHERE n.x &gt; 1)</c>) joined to the clause's WHERE,
    /// so that the plan pushes each down to where its variables are bound, as it does the clause's own conjuncts.
    /// </summary>
    private static Expr? WithInlinePredicates(IReadOnlyList<PatternPart> parts, Expr? where)
    {
        foreach (var part in parts)
        {
            foreach (var inline in part.Nodes.Select(n => n.Where).Concat(part.Relationships.Select(r => r.Where)))
            {
                if (inline is not null)
                {
                    where = where is null ? inline : new BinaryExpr(inline.Offset, "AND", where, inline);
                }
            }
        }

        return where;
    }
}

internal sealed partial class PatternMatcher
{
    /// <summary>
    /// Labels one of which every node satisfying <paramref name="expression"/> carries, so that a pattern node with a
    /// label expression starts from the label index (the union of <c>A</c> and <c>B</c> for <c>:A|B</c>, <c>A</c> for
    /// <c>:A&amp;!B</c>); null when the expression admits nodes without any of its labels (<c>:!A</c>, <c>:%</c>).
    /// </summary>
    private static List<string>? IndexedLabels(LabelExpression? expression) => expression switch
    {
        LabelName name => [name.Name],
        LabelAnd both => IndexedLabels(both.Left) ?? IndexedLabels(both.Right),
        LabelOr either when IndexedLabels(either.Left) is { } left && IndexedLabels(either.Right) is { } right => [.. left, .. right],
        _ => null,
    };

    private IEnumerable<long>? LabelExpressionCandidates(NodePattern node) =>
        IndexedLabels(node.LabelExpression) is { } labels
            ? labels.Distinct(StringComparer.Ordinal).SelectMany(Context.Graph.NodesWithLabel).Distinct()
            : null;
}

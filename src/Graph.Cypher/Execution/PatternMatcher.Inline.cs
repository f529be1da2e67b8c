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

using System.Runtime.CompilerServices;

namespace Graph.Cypher.Syntax;

/// <summary>
/// In an expression subquery (<c>EXISTS { }</c>, <c>COUNT { }</c>, <c>COLLECT { }</c>) the outer variables stay in scope
/// through the body's <c>WITH</c> clauses, as in Neo4j: <c>COLLECT { WITH 2018 AS year MATCH (person)-[r]-&gt;(d) … }</c>
/// still means the outer <c>person</c>. Each such WITH is read as also passing the outer variables it does not name
/// (constants for one run of the body, so grouping and DISTINCT are unchanged).
/// </summary>
internal static class SubqueryScope
{
    private static readonly ConditionalWeakTable<Query, Query> Kept = [];

    public static Query KeepOuter(Query query, IEnumerable<string> outer)
    {
        // The outer variables of one subquery expression are the same on every row, so one rewrite serves them all.
        return Kept.GetValue(query, q => Rewrite(q, outer.ToList()));
    }

    private static Query Rewrite(Query query, List<string> outer)
    {
        if (outer.Count == 0 || !query.Parts.Any(p => p.Clauses.Any(c => c is WithClause { Projection.Star: false })))
        {
            return query;
        }

        var parts = query.Parts.Select(part => new SingleQuery(part.Clauses.Select(clause => clause switch
        {
            WithClause { Projection.Star: false } with => with with
            {
                Projection = with.Projection with
                {
                    Items = [.. with.Projection.Items, .. outer.Where(name => with.Projection.Items.All(i => i.Name != name))
                        .Select(name => new ReturnItem(new VariableExpr(with.Offset, name), null, name))],
                },
            },
            _ => clause,
        }).ToList())).ToList();
        return new Query(parts, query.UnionAll);
    }
}

namespace Graph.Cypher.Syntax;

// Syntax of Neo4j 5 and Cypher 25 beyond openCypher: subqueries, FOREACH, label expressions, type predicates.

/// <summary>
/// <c>[OPTIONAL] CALL [(x, y) | (*)] { … } [IN TRANSACTIONS [OF n ROWS] [ON ERROR …] [REPORT STATUS AS s]]</c>.
/// <paramref name="Imports"/> is null for the older form, whose body imports what its first <c>WITH</c> names.
/// </summary>
internal sealed record SubqueryCallClause(int Offset, Query Body, IReadOnlyList<string>? Imports, bool ImportAll, bool Optional,
    bool InTransactions, Expr? BatchRows) : Clause(Offset)
{
    /// <summary>What a failing batch does: FAIL (the query fails), CONTINUE (its rows get nulls, the next batch runs) or BREAK.</summary>
    public string OnError { get; init; } = "FAIL";

    /// <summary>The variable <c>REPORT STATUS AS</c> binds to each batch's status map, if any.</summary>
    public string? ReportStatus { get; init; }
}

/// <summary><c>FOREACH (x IN list | updates)</c>.</summary>
internal sealed record ForeachClause(int Offset, string Variable, Expr Source, IReadOnlyList<Clause> Body) : Clause(Offset);

/// <summary>Cypher 25 <c>FINISH</c>: runs the query to the end and returns no rows.</summary>
internal sealed record FinishClause(int Offset) : Clause(Offset);

/// <summary><c>COLLECT { … RETURN x }</c>: the list of the subquery's single column.</summary>
internal sealed record CollectSubqueryExpr(int Offset, Query Subquery) : Expr(Offset);

/// <summary><c>x IS [NOT] :: TYPE</c>; <paramref name="Types"/> holds one type or a closed dynamic union's members.</summary>
internal sealed record TypePredicateExpr(int Offset, Expr Operand, IReadOnlyList<CypherType> Types, bool Negated) : Expr(Offset);

/// <summary>A type of the GQL type system, as written after <c>::</c>; <paramref name="Element"/> for LIST&lt;T&gt;.</summary>
internal sealed record CypherType(string Name, bool NotNull, CypherType? Element = null)
{
    /// <summary>The members of <c>ANY&lt;A | B&gt;</c> (Name "UNION").</summary>
    public IReadOnlyList<CypherType> Members { get; init; } = [];
}

/// <summary><c>n:A|B</c>, <c>n:!A</c>, <c>n:%</c> in an expression: whether the node (or relationship) satisfies the label expression.</summary>
internal sealed record LabelTestExpr(int Offset, Expr Target, LabelExpression Labels) : Expr(Offset);

/// <summary>A label (or relationship type) expression.</summary>
internal abstract record LabelExpression;

internal sealed record LabelName(string Name) : LabelExpression;

/// <summary><c>%</c>: any label at all.</summary>
internal sealed record LabelWildcard : LabelExpression;

internal sealed record LabelNot(LabelExpression Operand) : LabelExpression;

internal sealed record LabelAnd(LabelExpression Left, LabelExpression Right) : LabelExpression;

internal sealed record LabelOr(LabelExpression Left, LabelExpression Right) : LabelExpression;

/// <summary><c>$(expr)</c>, <c>$all(expr)</c> or <c>$any(expr)</c>: labels computed per row (a string or a list of strings).</summary>
internal sealed record LabelDynamic(Expr Expression, bool Any) : LabelExpression;

/// <summary>
/// The one hop a quantified path pattern repeats (<c>((a)-[r:R]-&gt;(b) WHERE …){1,3}</c>): its inner node patterns,
/// whose variables become lists (group variables), and its WHERE, checked at every repetition.
/// </summary>
internal sealed record QuantifiedStep(NodePattern Left, NodePattern Right, Expr? Where)
{
    /// <summary>
    /// A repeated stretch of more than one hop (<c>((a)-[:R]-&gt;(b)-[:S]-&gt;(c)){1,3}</c>): all its node patterns, Left
    /// to Right, and the relationship patterns between them; empty for one hop.
    /// </summary>
    public IReadOnlyList<NodePattern> Nodes { get; init; } = [];

    /// <summary>The relationship patterns of a stretch of more than one hop.</summary>
    public IReadOnlyList<RelPattern> Rels { get; init; } = [];

    public bool MultiHop => Rels.Count > 1;
}

namespace Graph.Cypher.Syntax;

// The immutable syntax tree. Every expression keeps the offset where it starts, for error positions.

internal abstract record Expr(int Offset);

internal sealed record LiteralExpr(int Offset, object? Value) : Expr(Offset);

internal sealed record ParameterExpr(int Offset, string Name) : Expr(Offset);

internal sealed record VariableExpr(int Offset, string Name) : Expr(Offset);

internal sealed record PropertyExpr(int Offset, Expr Target, string Key) : Expr(Offset);

internal sealed record ListExpr(int Offset, IReadOnlyList<Expr> Items) : Expr(Offset);

internal sealed record MapExpr(int Offset, IReadOnlyList<KeyValuePair<string, Expr>> Entries) : Expr(Offset);

internal sealed record IndexExpr(int Offset, Expr Target, Expr Index) : Expr(Offset);

internal sealed record SliceExpr(int Offset, Expr Target, Expr? From, Expr? To) : Expr(Offset);

/// <summary>Binary operators by spelling: OR XOR AND = &lt;&gt; &lt; &gt; &lt;= &gt;= =~ + - * / % ^ IN STARTS ENDS CONTAINS.</summary>
internal sealed record BinaryExpr(int Offset, string Op, Expr Left, Expr Right) : Expr(Offset);

/// <summary>Unary operators: NOT, -, +.</summary>
internal sealed record UnaryExpr(int Offset, string Op, Expr Operand) : Expr(Offset);

internal sealed record IsNullExpr(int Offset, Expr Operand, bool Negated) : Expr(Offset);

internal sealed record HasLabelsExpr(int Offset, Expr Target, IReadOnlyList<string> Labels) : Expr(Offset);

internal sealed record FunctionExpr(int Offset, string Name, bool Distinct, IReadOnlyList<Expr> Args) : Expr(Offset)
{
    public string LowerName { get; } = Name.ToLowerInvariant();
}

internal sealed record CountStarExpr(int Offset) : Expr(Offset);

internal sealed record CaseExpr(int Offset, Expr? Subject, IReadOnlyList<(Expr When, Expr Then)> Alternatives, Expr? Else)
    : Expr(Offset);

internal sealed record ListComprehensionExpr(int Offset, string Variable, Expr Source, Expr? Where, Expr? Projection)
    : Expr(Offset);

/// <summary>all/any/none/single(x IN list WHERE predicate).</summary>
internal sealed record QuantifierExpr(int Offset, string Kind, string Variable, Expr Source, Expr? Where) : Expr(Offset);

internal sealed record ReduceExpr(int Offset, string Accumulator, Expr Initial, string Variable, Expr Source, Expr Body)
    : Expr(Offset);

internal sealed record PatternComprehensionExpr(int Offset, PatternPart Pattern, Expr? Where, Expr Projection) : Expr(Offset);

/// <summary>A relationship pattern used as an expression: true when it matches (or the list of matching paths).</summary>
internal sealed record PatternExpr(int Offset, PatternPart Pattern) : Expr(Offset);

/// <summary>EXISTS { pattern WHERE … } or, when <paramref name="Subquery"/> is set, EXISTS { full query }.</summary>
/// <summary>EXISTS { … }, or with <see cref="Counts"/> COUNT { … }: a pattern with an optional WHERE, or a whole query.</summary>
internal sealed record ExistsSubqueryExpr(int Offset, IReadOnlyList<PatternPart> Patterns, Expr? Where, Query? Subquery = null) : Expr(Offset)
{
    /// <summary>COUNT { … }: the number of matches (or rows), not whether there is one.</summary>
    public bool Counts { get; init; }
}

internal abstract record MapProjectionItem;

internal sealed record PropertySelector(string Key) : MapProjectionItem;

internal sealed record AllPropertiesSelector : MapProjectionItem;

internal sealed record VariableSelector(string Name) : MapProjectionItem;

internal sealed record LiteralEntry(string Key, Expr Value) : MapProjectionItem;

internal sealed record MapProjectionExpr(int Offset, string Variable, IReadOnlyList<MapProjectionItem> Items) : Expr(Offset);

internal enum RelDirection
{
    Outgoing,
    Incoming,
    Either,
}

/// <summary>A node pattern; <paramref name="LabelExpression"/> holds a label expression beyond a plain conjunction (<c>:A|B</c>, <c>:!A</c>, <c>:%</c>, <c>$(expr)</c>), <paramref name="Where"/> an inline <c>WHERE</c>.</summary>
internal sealed record NodePattern(int Offset, string? Variable, IReadOnlyList<string> Labels, Expr? Properties,
    LabelExpression? LabelExpression = null, Expr? Where = null);

internal sealed record RelPattern(
    int Offset, string? Variable, IReadOnlyList<string> Types, Expr? Properties, RelDirection Direction,
    bool VarLength, int? MinHops, int? MaxHops)
{
    /// <summary>A type expression beyond a plain alternative (<c>:!A</c>, <c>:%</c>, <c>$(expr)</c>).</summary>
    public LabelExpression? TypeExpression { get; init; }

    /// <summary>An inline <c>WHERE</c> on the relationship.</summary>
    public Expr? Where { get; init; }

    /// <summary>Set when this variable-length relationship is a quantified path pattern's repeated hop.</summary>
    public QuantifiedStep? Step { get; init; }

    /// <summary>In a WALK path, the repetitions may go over the same relationship again.</summary>
    public bool RepeatsRelationships { get; init; }
}

internal sealed record PatternPart(int Offset, string? PathVariable, IReadOnlyList<NodePattern> Nodes, IReadOnlyList<RelPattern> Relationships,
    string? ShortestKind = null)
{
    /// <summary>GQL <c>SHORTEST k</c>: how many shortest paths (by length) to keep per pair of ends.</summary>
    public int? ShortestCount { get; init; }

    /// <summary>GQL path mode: WALK (default), TRAIL or ACYCLIC.</summary>
    public string? PathMode { get; init; }
}

internal abstract record Clause(int Offset);

internal sealed record MatchClause(int Offset, bool Optional, IReadOnlyList<PatternPart> Patterns, Expr? Where) : Clause(Offset);

internal sealed record UnwindClause(int Offset, Expr Source, string Variable) : Clause(Offset);

internal sealed record ReturnItem(Expr Expression, string? Alias, string Text)
{
    public string Name => Alias ?? Text;
}

internal sealed record SortItem(Expr Expression, bool Descending, string Text);

internal sealed record Projection(
    int Offset, bool Distinct, bool Star, IReadOnlyList<ReturnItem> Items, IReadOnlyList<SortItem> OrderBy, Expr? Skip, Expr? Limit)
{
    public bool IsWith { get; init; }
}

internal sealed record WithClause(int Offset, Projection Projection, Expr? Where) : Clause(Offset)
{
    /// <summary>"WITH", or "LET"/"FILTER" for the Cypher 25 clauses written as a WITH.</summary>
    public string Kind { get; init; } = "WITH";
}

internal sealed record ReturnClause(int Offset, Projection Projection) : Clause(Offset);

internal sealed record CreateClause(int Offset, IReadOnlyList<PatternPart> Patterns) : Clause(Offset);

internal abstract record SetItem(int Offset);

internal sealed record SetPropertyItem(int Offset, PropertyExpr Target, Expr Value) : SetItem(Offset);

internal sealed record SetAllPropertiesItem(int Offset, string Variable, Expr Value, bool Merge) : SetItem(Offset);

internal sealed record SetLabelsItem(int Offset, string Variable, IReadOnlyList<string> Labels) : SetItem(Offset)
{
    /// <summary>Labels computed per row: <c>SET n:$(expr)</c>.</summary>
    public IReadOnlyList<Expr> Dynamic { get; init; } = [];
}

internal sealed record RemovePropertyItem(int Offset, PropertyExpr Target) : SetItem(Offset);

internal sealed record RemoveLabelsItem(int Offset, string Variable, IReadOnlyList<string> Labels) : SetItem(Offset)
{
    /// <summary>Labels computed per row: <c>REMOVE n:$(expr)</c>.</summary>
    public IReadOnlyList<Expr> Dynamic { get; init; } = [];
}

internal sealed record MergeClause(int Offset, PatternPart Pattern, IReadOnlyList<SetItem> OnCreate, IReadOnlyList<SetItem> OnMatch)
    : Clause(Offset);

internal sealed record SetClause(int Offset, IReadOnlyList<SetItem> Items) : Clause(Offset);

internal sealed record RemoveClause(int Offset, IReadOnlyList<SetItem> Items) : Clause(Offset);

internal sealed record DeleteClause(int Offset, bool Detach, IReadOnlyList<Expr> Targets) : Clause(Offset);

internal sealed record CallClause(int Offset, string Procedure, IReadOnlyList<Expr>? Args, IReadOnlyList<(string Name, string? Alias)> Yield, bool YieldStar, Expr? Where)
    : Clause(Offset);

internal sealed record SingleQuery(IReadOnlyList<Clause> Clauses);

internal sealed record Query(IReadOnlyList<SingleQuery> Parts, IReadOnlyList<bool> UnionAll);

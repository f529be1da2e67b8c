using Graph.Cypher.Syntax;

namespace Graph.Cypher.Tests;

public sealed class ParserTests
{
    private static Expr ReturnedExpression(string query) =>
        ((ReturnClause)Parser.Parse(query).Parts[0].Clauses[^1]).Projection.Items[0].Expression;

    [Fact]
    public void MultiplicationBindsTighterThanAddition()
    {
        var e = Assert.IsType<BinaryExpr>(ReturnedExpression("RETURN 1 + 2 * 3"));
        Assert.Equal("+", e.Op);
        Assert.Equal("*", Assert.IsType<BinaryExpr>(e.Right).Op);
    }

    [Fact]
    public void ComparisonChainsBecomeConjunctions()
    {
        var e = Assert.IsType<BinaryExpr>(ReturnedExpression("RETURN 1 < 2 <= 3"));
        Assert.Equal("AND", e.Op);
        Assert.Equal("<", Assert.IsType<BinaryExpr>(e.Left).Op);
        Assert.Equal("<=", Assert.IsType<BinaryExpr>(e.Right).Op);
    }

    [Fact]
    public void ReadsRelationshipDirectionsTypesAndLengths()
    {
        var match = (MatchClause)Parser.Parse("MATCH (a:Document)<-[r:CITES|MENTIONS*1..3 {count: 1}]-(b) RETURN a").Parts[0].Clauses[0];
        var rel = Assert.Single(match.Patterns[0].Relationships);
        Assert.Equal(RelDirection.Incoming, rel.Direction);
        Assert.Equal(["CITES", "MENTIONS"], rel.Types);
        Assert.True(rel.VarLength);
        Assert.Equal((1, 3), (rel.MinHops, rel.MaxHops));
        Assert.NotNull(rel.Properties);
        Assert.Equal(["Document"], match.Patterns[0].Nodes[0].Labels);
    }

    [Fact]
    public void ColumnNamesKeepTheExpressionText()
    {
        var ret = (ReturnClause)Parser.Parse("MATCH (n) RETURN n.name, count(*) AS c").Parts[0].Clauses[1];
        Assert.Equal(["n.name", "c"], ret.Projection.Items.Select(i => i.Name));
    }

    [Fact]
    public void ListComprehensionAndListLiteralAreTold()
    {
        Assert.IsType<ListComprehensionExpr>(ReturnedExpression("RETURN [x IN [1, 2] WHERE x > 1 | x * 2]"));
        Assert.IsType<ListExpr>(ReturnedExpression("RETURN [1, 2]"));
        Assert.IsType<PatternComprehensionExpr>(ReturnedExpression("MATCH (a) RETURN [(a)-->(b) | b.name]"));
    }

    [Fact]
    public void WithExpressionNeedsAnAlias()
    {
        var e = Assert.Throws<CypherException>(() => new CypherEngine().Run("MATCH (n) WITH n.name RETURN 1"));
        Assert.Equal("NoExpressionAlias", e.Detail);
    }

    [Fact]
    public void TooLargeIntegerIsAnOverflow()
    {
        var e = Assert.Throws<CypherException>(() => Parser.Parse("RETURN 9223372036854775808"));
        Assert.Equal("IntegerOverflow", e.Detail);
        Assert.Equal(-9223372036854775808L, Assert.IsType<LiteralExpr>(ReturnedExpression("RETURN -9223372036854775808")).Value);
    }
}

public sealed class UnicodeDashTests
{
    [Fact]
    public void UnicodeDashIsAcceptedInPatternsButNotAsMinus()
    {
        var engine = new CypherEngine();
        engine.Run("CREATE (:A)-[:T]->(:B)");
        Assert.Equal(1L, engine.Run("MATCH (a)\u2013[:T]\u2013>(b) RETURN count(*)").Rows[0][0]);
        Assert.Equal("InvalidUnicodeCharacter", Assert.Throws<CypherException>(() => engine.Run("RETURN 3 \u2013 1")).Detail);
    }
}

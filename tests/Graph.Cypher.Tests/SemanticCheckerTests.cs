namespace Graph.Cypher.Tests;

public sealed class SemanticCheckerTests
{
    private static CypherException Fails(string query) =>
        Assert.Throws<CypherException>(() => new CypherEngine().Run(query));

    [Theory]
    [InlineData("MATCH (a) CREATE (a:Label)", "VariableAlreadyBound")]
    [InlineData("CREATE (a)-[:A|B]->(b)", "NoSingleRelationshipType")]
    [InlineData("CREATE (a)-[:T]-(b)", "RequiresDirectedRelationship")]
    [InlineData("MATCH (a)-[r]->(r) RETURN r", "VariableTypeConflict")]
    [InlineData("MATCH (n) WHERE count(n) > 1 RETURN n", "InvalidAggregation")]
    [InlineData("MATCH (n) RETURN n.x + count(*)", "AmbiguousAggregationExpression")]
    [InlineData("RETURN 1 AS a, 2 AS a", "ColumnNameConflict")]
    [InlineData("RETURN 1 AS a UNION RETURN 2 AS b", "DifferentColumnsInUnion")]
    [InlineData("RETURN nosuch(1)", "UnknownFunction")]
    [InlineData("MATCH (n) RETURN n LIMIT -1", "NegativeIntegerArgument")]
    [InlineData("RETURN 1 AND true", "InvalidArgumentType")]
    [InlineData("WITH 123 AS x RETURN x.num", "InvalidArgumentType")]
    [InlineData("WITH [1, true] AS x RETURN x.num", "InvalidArgumentType")]
    [InlineData("MATCH (n) WHERE n.year = $never RETURN n", "MissingParameter")]
    [InlineData("UNWIND [] AS x RETURN x + $missing AS y", "MissingParameter")]
    public void RejectsInvalidQueriesBeforeRunning(string query, string detail)
    {
        var e = Fails(query);
        Assert.Equal(detail, e.Detail);
        Assert.Equal(CypherErrorPhase.CompileTime, e.Phase);
        Assert.NotNull(e.Position);
    }

    [Fact]
    public void PropertyOfAMapLiteralIsNoCompileTimeError()
    {
        Assert.Equal(1L, new CypherEngine().Run("WITH {num: 1} AS m RETURN m.num AS n").Rows[0][0]);
    }

    [Fact]
    public void CheckedQueryDoesNotTouchTheGraph()
    {
        var engine = new CypherEngine();
        Assert.Throws<CypherException>(() => engine.Run("CREATE (a) CREATE (b)-[:T]->(c) RETURN d"));
        Assert.Equal(0L, engine.Run("MATCH (n) RETURN count(n) AS n").Rows[0][0]);
    }

    [Fact]
    public void RuntimeTypeErrorIsReportedAtRuntime()
    {
        var e = Fails("WITH 'a' AS s RETURN s - 1");
        Assert.Equal("TypeError", e.ErrorType);
        Assert.Equal(CypherErrorPhase.Runtime, e.Phase);
    }
}

namespace Graph.Cypher.Tests;

public sealed class ProcedureTests
{
    private static CypherEngine WithSymbolProcedure()
    {
        var engine = new CypherEngine();
        engine.RegisterProcedure(new CypherProcedure("un.symbolParts",
            [new CypherProcedureField("symbol", "STRING")],
            [new CypherProcedureField("part", "STRING"), new CypherProcedureField("position", "INTEGER")],
            args => ((string)args[0]!).Split('/').Select((p, i) => (IReadOnlyList<object?>)[p, (long)i])));
        return engine;
    }

    [Fact]
    public void StandaloneCallReturnsEveryOutput()
    {
        var result = WithSymbolProcedure().Run("CALL un.symbolParts('A/RES/77/13')");
        Assert.Equal(["part", "position"], result.Columns);
        Assert.Equal(["A", "RES", "77", "13"], result.Rows.Select(r => r[0]));
    }

    [Fact]
    public void InQueryCallYieldsRenamedFieldsAndFilters()
    {
        var rows = WithSymbolProcedure().Run("""
            UNWIND ['A/RES/77/13', 'S/RES/2719'] AS s
            CALL un.symbolParts(s) YIELD part AS p, position WHERE position = 0
            RETURN s, p
            """).Rows;
        Assert.Equal([("A/RES/77/13", "A"), ("S/RES/2719", "S")], rows.Select(r => ((string)r[0]!, (string)r[1]!)));
    }

    [Theory]
    [InlineData("CALL un.nothing()", "ProcedureNotFound")]
    [InlineData("CALL un.symbolParts('a', 'b')", "InvalidNumberOfArguments")]
    [InlineData("CALL un.symbolParts(1)", "InvalidArgumentType")]
    [InlineData("WITH 1 AS part CALL un.symbolParts('a') YIELD part RETURN part", "VariableAlreadyBound")]
    public void BadCallsAreRefusedBeforeRunning(string query, string detail) =>
        Assert.Equal(detail, Assert.Throws<CypherException>(() => WithSymbolProcedure().Run(query)).Detail);
}

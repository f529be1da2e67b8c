namespace Graph.Cypher.Tests;

/// <summary>Syntax errors say what was expected where the parser stopped, with line, column and offset, as Neo4j's do.</summary>
public sealed class SyntaxErrorTests
{
    private static CypherException Fails(string query) => Assert.Throws<CypherException>(() => new CypherEngine().Run(query));

    [Fact]
    public void AMisspelledClauseListsTheClausesThatCouldStartThere()
    {
        var error = Fails("MATCH (n) RETRUN n");
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.StatusCode);
        Assert.StartsWith("Invalid input 'RETRUN': expected ", error.Message);
        Assert.Contains("'RETURN'", error.Message);
        Assert.Contains("'WITH'", error.Message);
        Assert.EndsWith("(line 1, column 11 (offset: 10))", error.Message);
        Assert.Equal(new CypherPosition(10, 1, 11), error.Position);
    }

    [Fact]
    public void AMissingExpressionSaysAnExpressionWasExpected()
    {
        var error = Fails("MATCH (n)\nWHERE n.x = \nRETURN n");
        Assert.Contains("expected an expression", error.Message);
        Assert.EndsWith("(line 3, column 1 (offset: 23))", error.Message);
    }

    [Fact]
    public void AnUnclosedNodeSaysWhichSymbolsWouldCloseIt()
    {
        var error = Fails("MATCH (n:Document RETURN n");
        Assert.StartsWith("Invalid input 'RETURN': expected ", error.Message);
        Assert.Contains("')'", error.Message);
    }
}

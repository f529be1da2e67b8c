namespace Graph.Neo4j.Tests.Store;

public sealed class Neo4jSchemaTests
{
    [Fact]
    public void ShipsTheSchemaFilesInFileNameOrderOneStatementEach()
    {
        var statements = Neo4jSchema.Statements();

        Assert.Equal(["001-constraints.cypher", "002-indexes.cypher"], statements.Select(s => s.File).Distinct());
        Assert.StartsWith("CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE", statements[0].Statement, StringComparison.Ordinal);
        Assert.All(statements, s =>
        {
            Assert.Contains("IF NOT EXISTS", s.Statement, StringComparison.Ordinal);
            Assert.DoesNotContain("//", s.Statement, StringComparison.Ordinal);
            Assert.DoesNotContain(";", s.Statement, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void SplitsOnSemicolonsAndDropsCommentLines()
    {
        var statements = Neo4jSchema.Split("// a comment\nCREATE INDEX a IF NOT EXISTS\n  FOR (n:A) ON (n.x);\n\n// another\nCREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y);\n");

        Assert.Equal(["CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)", "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y)"], statements);
    }
}

namespace Graph.Cypher.Tests;

/// <summary>COUNT { … } (Neo4j 5): the number of matches of a pattern, or of rows of a query, per outer row.</summary>
public sealed class CountSubqueryTests
{
    private static CypherEngine Engine()
    {
        var engine = new CypherEngine();
        engine.Run("CREATE (a:Document {id: 'A'}), (b:Document {id: 'B'}), (c:Document {id: 'C'}), (a)-[:CITES]->(b), (a)-[:CITES]->(c), (b)-[:CITES]->(c)");
        return engine;
    }

    [Fact]
    public void CountsThePatternsMatches()
    {
        var rows = Engine().Run("MATCH (d:Document) RETURN d.id AS id, COUNT { (d)-[:CITES]->() } AS cites ORDER BY id").Rows;
        Assert.Equal([["A", 2L], ["B", 1L], ["C", 0L]], rows.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void CountsWithAWhereAndFiltersOnTheCount()
    {
        var rows = Engine().Run(
            "MATCH (d:Document) WHERE COUNT { MATCH (d)<-[:CITES]-(x) WHERE x.id <> 'B' } >= 1 RETURN d.id AS id ORDER BY id").Rows;
        Assert.Equal(["B", "C"], rows.Select(r => r[0]));
    }

    [Fact]
    public void CountsTheRowsOfAFullQuery()
    {
        var rows = Engine().Run(
            "MATCH (d:Document {id: 'A'}) RETURN COUNT { MATCH (d)-[:CITES]->(x) RETURN x.id AS id UNION MATCH (d)-[:CITES]->()-[:CITES]->(x) RETURN x.id AS id } AS reached").Rows;
        Assert.Equal(2L, Assert.Single(rows)[0]);
    }
}

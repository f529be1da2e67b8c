using Graph.Store.Memory;

namespace Graph.Cypher.Tests;

/// <summary>Index starts and pushed-down filters must give the same answers as a full scan.</summary>
public sealed class MatchPlanningTests
{
    private static CypherEngine Corpus()
    {
        var engine = new CypherEngine(new MemoryGraph());
        engine.Run("""
            UNWIND range(1, 200) AS i
            CREATE (:Document {id: 'A/RES/' + i, session: i % 10})
            """);
        engine.Run("""
            MATCH (a:Document), (b:Document) WHERE b.session = a.session AND toInteger(split(b.id, '/')[2]) = toInteger(split(a.id, '/')[2]) + 10
            CREATE (a)-[:CITES]->(b)
            """);
        return engine;
    }

    [Fact]
    public void IdLookupAndWhereEqualityAgreeWithAScan()
    {
        var engine = Corpus();
        var byMap = engine.Run("MATCH (d:Document {id: 'A/RES/7'})-[:CITES*1..3]->(x) RETURN x.id AS id ORDER BY id").Rows;
        var byWhere = engine.Run("MATCH (d:Document)-[:CITES*1..3]->(x) WHERE d.id = $id RETURN x.id AS id ORDER BY id",
            new Dictionary<string, object?> { ["id"] = "A/RES/7" }).Rows;
        var byScan = engine.Run("MATCH (d)-[:CITES*1..3]->(x) WHERE d.id + '' = 'A/RES/7' RETURN x.id AS id ORDER BY id").Rows;
        Assert.Equal(["A/RES/17", "A/RES/27", "A/RES/37"], byMap.Select(r => r[0]));
        Assert.Equal(byMap.Select(r => r[0]), byWhere.Select(r => r[0]));
        Assert.Equal(byMap.Select(r => r[0]), byScan.Select(r => r[0]));
    }

    [Fact]
    public void PropertyIndexStartRespectsCypherNumberEquality()
    {
        var engine = Corpus();
        Assert.Equal(20L, engine.Run("MATCH (d:Document) WHERE d.session = 3.0 RETURN count(d)").Rows[0][0]);
        Assert.Equal(20L, engine.Run("MATCH (d:Document {session: 3}) RETURN count(d)").Rows[0][0]);
    }

    [Fact]
    public void EndNodeLookupReversesTheExpansion()
    {
        var engine = Corpus();
        var rows = engine.Run("MATCH (a:Document)-[:CITES]->(b:Document {id: 'A/RES/50'}) RETURN a.id").Rows;
        Assert.Equal("A/RES/40", Assert.Single(rows)[0]);
    }
}

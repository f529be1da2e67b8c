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

    /// <summary>Documents with paragraphs; each paragraph cites a document a few sessions back, so there are chains both ways.</summary>
    private static CypherEngine CorpusWithParagraphs()
    {
        var engine = Corpus();
        engine.Run("""
            MATCH (d:Document)
            UNWIND range(1, 3) AS k
            CREATE (d)-[:HAS_PARAGRAPH {ordinal: k}]->(:Paragraph {id: d.id + '#op' + k, number: k})
            """);
        engine.Run("""
            MATCH (d:Document)-[:HAS_PARAGRAPH]->(p:Paragraph), (x:Document)
            WHERE toInteger(split(x.id, '/')[2]) = toInteger(split(d.id, '/')[2]) - 10 * p.number
            CREATE (p)-[:CITES]->(x)
            """);
        return engine;
    }

    private static List<string> Rows(CypherEngine engine, string query, string id) =>
        [.. engine.Run(query, new Dictionary<string, object?> { ["id"] = id }).Rows.Select(r => string.Join(" | ", r.Select(CellText))).Order(StringComparer.Ordinal)];

    private static string CellText(object? cell) => cell switch
    {
        IEnumerable<object?> list when cell is not string => "[" + string.Join(", ", list.Select(CellText)) + "]",
        _ => Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
    };

    [Theory]
    // The indexed node stands in the middle: the match starts there and expands both ways.
    [InlineData("MATCH path = (p:Paragraph)-[:CITES]->(x:Document {id: $id})<-[:CITES]-(q:Paragraph) RETURN p.id, q.id, [n IN nodes(path) | n.id]",
                "MATCH path = (p:Paragraph)-[:CITES]->(x)<-[:CITES]-(q:Paragraph) WHERE x.id + '' = $id RETURN p.id, q.id, [n IN nodes(path) | n.id]")]
    [InlineData("MATCH (d:Document)-[:HAS_PARAGRAPH]->(p)-[:CITES]->(x:Document {id: $id})-[:HAS_PARAGRAPH]->(o) RETURN d.id, p.id, o.id",
                "MATCH (d:Document)-[:HAS_PARAGRAPH]->(p)-[:CITES]->(x)-[:HAS_PARAGRAPH]->(o) WHERE x.id + '' = $id RETURN d.id, p.id, o.id")]
    // Variable length on the left of the anchor, with the relationship list and the path read back in written order.
    [InlineData("MATCH path = (a:Paragraph)-[r:CITES|HAS_PARAGRAPH*1..3]->(x:Document)-[:HAS_PARAGRAPH]->(p) WHERE x.id = $id RETURN a.id, p.id, [e IN r | type(e)], [n IN nodes(path) | n.id], length(path)",
                "MATCH path = (a:Paragraph)-[r:CITES|HAS_PARAGRAPH*1..3]->(x)-[:HAS_PARAGRAPH]->(p) WHERE x.id + '' = $id RETURN a.id, p.id, [e IN r | type(e)], [n IN nodes(path) | n.id], length(path)")]
    // Against the arrows on both sides of the anchor, and undirected.
    [InlineData("MATCH (p)<-[:HAS_PARAGRAPH]-(x:Document {id: $id})<-[:CITES]-(q)-[]-(z) RETURN p.id, q.id, z.id",
                "MATCH (p)<-[:HAS_PARAGRAPH]-(x)<-[:CITES]-(q)-[]-(z) WHERE x.id + '' = $id RETURN p.id, q.id, z.id")]
    public void AnAnchorInsideThePatternGivesTheRowsOfAScan(string anchored, string scanned)
    {
        var engine = CorpusWithParagraphs();
        foreach (var id in new[] { "A/RES/57", "A/RES/120", "A/RES/3", "A/RES/200" })
        {
            var expected = Rows(engine, scanned, id);
            var actual = Rows(engine, anchored, id);
            Assert.True(expected.SequenceEqual(actual),
                $"{id}: the scan gives\n  {string.Join("\n  ", expected)}\nthe anchored match gives\n  {string.Join("\n  ", actual)}");
        }
        Assert.NotEmpty(Rows(engine, anchored, "A/RES/57"));
    }
}

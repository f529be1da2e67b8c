using Graph.Store.Memory;

namespace Graph.Cypher.Tests;

/// <summary>
/// A writing query that fails part-way leaves the graph exactly as it was: no other query may see half of
/// a write. Checked on the store's graph and on the engine's scratch graph, for every kind of change.
/// </summary>
public sealed class WriteAtomicityTests
{
    public static TheoryData<string> Graphs => ["store", "scratch"];

    private static CypherEngine Engine(string graph, CypherOptions? options = null) =>
        graph == "store" ? new CypherEngine(new MemoryGraph(), options) : new CypherEngine(options);

    private const string Setup = """
        CREATE (a:Document {id: 'A/RES/71/12', year: 2016})-[:CITES {count: 2}]->(b:Document {id: 'A/RES/64/256', year: 2010}),
               (c:Document {id: 'A/RES/77/13', year: 2022})-[:CITES {count: 1}]->(a),
               (c)-[:CITES {count: 3}]->(b)
        """;

    /// <summary>Everything a reader can see: every node and relationship with its labels and properties, in a fixed order.</summary>
    private static string Snapshot(CypherEngine engine)
    {
        var nodes = engine.Run("MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS p ORDER BY id").Rows;
        var relationships = engine.Run("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, properties(r) AS p, b.id AS b ORDER BY a, b").Rows;
        return string.Join("\n", nodes.Concat(relationships).Select(row => string.Join(" | ", row.Select(Describe))));
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(Describe)) + "]",
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(", ", map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ": " + Describe(e.Value))) + "}",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void CreatesBeforeAFailingRowAreTakenBack(string graph)
    {
        var engine = Engine(graph);
        engine.Run(Setup);
        var before = Snapshot(engine);

        // Rows 1 and 2 create nodes and relationships; row 3 divides by zero.
        var error = Assert.Throws<CypherException>(() => engine.Run(
            "MATCH (d:Document {id: 'A/RES/77/13'}) UNWIND [1, 2, 0] AS x CREATE (d)-[:NOTE]->(:Note {v: 10 / x})"));
        Assert.Contains("zero", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, Snapshot(engine));
        Assert.Equal(0L, engine.Run("MATCH (n:Note) RETURN count(n)").Rows[0][0]);
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void SetRemoveAndLabelChangesAreTakenBack(string graph)
    {
        var engine = Engine(graph);
        engine.Run(Setup);
        var before = Snapshot(engine);

        Assert.Throws<CypherException>(() => engine.Run("""
            MATCH (d:Document)-[r:CITES]->()
            SET d.year = d.year + 1, d.seen = true, r.count = 0, d:Checked
            REMOVE d:Document
            WITH d, r
            RETURN 1 / (r.count) AS boom
            """));
        Assert.Equal(before, Snapshot(engine));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void DeletedNodesAndRelationshipsComeBackWithTheirPropertiesAndLinks(string graph)
    {
        var engine = Engine(graph);
        engine.Run(Setup);
        var before = Snapshot(engine);

        Assert.Throws<CypherException>(() => engine.Run("""
            MATCH (a:Document {id: 'A/RES/71/12'})
            SET a.year = 1999
            DETACH DELETE a
            WITH 1 AS one
            MATCH (b:Document {id: 'A/RES/64/256'})<-[r:CITES]-()
            DELETE r
            WITH count(*) AS deleted
            RETURN 1 / (deleted - deleted) AS boom
            """));
        Assert.Equal(before, Snapshot(engine));
        Assert.Equal(3L, engine.Run("MATCH ()-[r:CITES]->() RETURN count(r)").Rows[0][0]);
    }

    [Fact]
    public void AWriteStoppedByTheTimeoutLeavesNothingBehind()
    {
        var engine = Engine("store", new CypherOptions { Timeout = TimeSpan.FromMilliseconds(200) });
        engine.Run(Setup);
        var before = Snapshot(engine);

        // The creates are done first; the time runs out in the long tail after them.
        var e = Assert.Throws<CypherException>(() => engine.Run(
            "UNWIND range(1, 3000) AS i CREATE (:Note {i: i}) WITH i UNWIND range(1, 100000) AS j RETURN count(*)"));
        Assert.Equal("Timeout", e.Detail);
        Assert.Equal(before, Snapshot(engine));
    }

    [Fact]
    public void AWriteStoppedByTheRowCapLeavesNothingBehind()
    {
        var engine = Engine("store", new CypherOptions { MaxRows = 10 });
        engine.Run(Setup);

        Assert.Throws<CypherException>(() => engine.Run("UNWIND range(1, 20) AS i CREATE (n:Note {i: i}) RETURN n"));
        Assert.Equal(0L, engine.Run("MATCH (n:Note) RETURN count(n)").Rows[0][0]);
    }

    [Fact]
    public void ASuccessfulWriteStays()
    {
        var engine = Engine("store");
        engine.Run(Setup);
        engine.Run("MATCH (d:Document {id: 'A/RES/77/13'}) SET d.reviewed = true CREATE (d)-[:NOTE]->(:Note {v: 1})");
        Assert.Equal(true, engine.Run("MATCH (d:Document {id: 'A/RES/77/13'}) RETURN d.reviewed").Rows[0][0]);
        Assert.Equal(1L, engine.Run("MATCH (:Document)-[:NOTE]->(n:Note) RETURN count(n)").Rows[0][0]);
    }
}

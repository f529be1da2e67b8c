using Graph.Store.Memory;

namespace Graph.Cypher.Tests;

/// <summary>
/// A single-hop match grouped by one end and counted is answered from the adjacency lists: the same answers as
/// expanding every relationship into a row (forced here by a WHERE, which the counted shape does not take).
/// </summary>
public sealed class EndCountTests
{
    /// <summary>Nodes labelled A, B, both or neither; relationships of two types with self-loops and parallel ones.</summary>
    private static CypherEngine RandomGraph(int seed)
    {
        var graph = new MemoryGraph();
        var random = new Random(seed);
        string[][] labelSets = [["A"], ["B"], ["A", "B"], []];
        var nodes = Enumerable.Range(0, 30).Select(i => graph.CreateNode(labelSets[random.Next(labelSets.Length)], [new("i", (long)i)])).ToArray();
        for (var r = 0; r < 150; r++)
        {
            var start = nodes[random.Next(nodes.Length)];
            var end = random.Next(8) == 0 ? start : nodes[random.Next(nodes.Length)];
            var type = random.Next(4) == 0 ? "U" : "T";
            graph.CreateRelationship(type, start, end, key: "r" + r);
            if (random.Next(6) == 0) graph.CreateRelationship(type, start, end, key: "p" + r);
        }

        return new CypherEngine(graph);
    }

    private static List<string> Rows(CypherEngine engine, string query) =>
        [.. engine.Run(query).Rows.Select(r => string.Join(" ", r.Select(v => v?.ToString()))).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData(1, "(a:A)-[:T]->(x:B)", "x.i AS i, count(*) AS n")]
    [InlineData(2, "(a)-[:T]->(x)", "x.i AS i, count(a) AS n")]
    [InlineData(3, "(:B)<-[:T]-(x:A)", "x.i AS i, count(*) AS n")]
    [InlineData(4, "(a:A:B)<-[r:T]-(x)", "x, count(r) AS n")]
    [InlineData(5, "(x:A)-[:T]->(:A)", "x.i % 3 AS bucket, count(*) AS n")]
    [InlineData(6, "(a)-[:U]->(x:B)", "count(*) AS n")]
    [InlineData(7, "(:A)-[:T]->(x:Missing)", "x.i AS i, count(*) AS n")]
    public void CountsFromAdjacencyEqualCountsOfExpandedRows(int seed, string pattern, string projection)
    {
        var engine = RandomGraph(seed);
        var counted = Rows(engine, $"MATCH {pattern} RETURN {projection}");
        var expanded = Rows(engine, $"MATCH {pattern} WHERE true RETURN {projection}");
        Assert.Equal(expanded, counted);
        if (!pattern.Contains("Missing")) Assert.NotEmpty(counted);
    }

    [Fact]
    public void TheTopCountedEndsAreTheTopOfTheExpandedRows()
    {
        var engine = RandomGraph(8);
        // Ties at the limit may be broken either way, so the ranking is compared on the counts and fully ordered rows.
        const string Projection = "RETURN x.i AS i, count(*) AS n ORDER BY n DESC, i LIMIT 5";
        var counted = engine.Run("MATCH (:A)-[:T]->(x) " + Projection).Rows.Select(r => $"{r[0]} {r[1]}").ToList();
        var expanded = engine.Run("MATCH (:A)-[:T]->(x) WHERE true " + Projection).Rows.Select(r => $"{r[0]} {r[1]}").ToList();
        Assert.Equal(5, counted.Count);
        Assert.Equal(expanded, counted);
        var through = engine.Run("MATCH (:A)-[:T]->(x) WITH x, count(*) AS n WHERE n > 1 RETURN x.i, n ORDER BY x.i").Rows.Select(r => $"{r[0]} {r[1]}");
        var throughExpanded = engine.Run("MATCH (:A)-[:T]->(x) WHERE true WITH x, count(*) AS n WHERE n > 1 RETURN x.i, n ORDER BY x.i").Rows.Select(r => $"{r[0]} {r[1]}");
        Assert.Equal(throughExpanded, through);
    }

    [Fact]
    public void AWriteCountsThroughItsTransactionAsAReadDoes()
    {
        var engine = RandomGraph(9);
        engine.Run("MATCH (:A)-[:T]->(x) WITH x, count(*) AS n SET x.n = n");
        var written = Rows(engine, "MATCH (x) WHERE x.n IS NOT NULL RETURN x.i, x.n");
        var expanded = Rows(engine, "MATCH (:A)-[:T]->(x) WHERE true RETURN x.i, count(*)");
        Assert.NotEmpty(written);
        Assert.Equal(expanded, written);
    }
}

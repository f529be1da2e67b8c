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

    /// <summary>
    /// <c>RETURN x.id, count(*) AS n ORDER BY n LIMIT k</c> keeps only the top k counts in a heap: every row answered
    /// carries its node's true count, the counts are the top k (or, with SKIP, the next ones) of all counts, and every
    /// node counted more than the last one kept is there. Ties at the edge may be broken either way. The last variant has
    /// nodes without an id, which group together and are counted the general way.
    /// </summary>
    [Theory]
    [InlineData(11, "x.id AS id, count(*) AS n", "n DESC", 0, 5, true)]
    [InlineData(12, "x.id AS id, count(*) AS cited", "cited DESC", 2, 4, true)]
    [InlineData(13, "x.id AS id, count(*)", "count(*)", 0, 6, true)]
    [InlineData(14, "x AS id, count(*) AS n", "n DESC", 0, 3, true)]
    [InlineData(15, "x.id AS id, count(*) AS n", "n DESC", 0, 5, false)]
    public void TheTopKOfTheCountsAreTheTopOfAllCounts(int seed, string projection, string order, int skip, int limit, bool everyNodeHasAnId)
    {
        var graph = new MemoryGraph();
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, 40).Select(i => graph.CreateNode(["D"],
            everyNodeHasAnId || i % 5 != 0 ? [new("id", $"d{i}")] : [new("i", (long)i)])).ToArray();
        for (var r = 0; r < 200; r++)
        {
            graph.CreateRelationship("C", nodes[random.Next(nodes.Length)], nodes[(int)Math.Min(nodes.Length - 1, Math.Abs(random.NextDouble() * random.NextDouble()) * nodes.Length)], key: "r" + r);
        }

        var engine = new CypherEngine(graph);
        var all = engine.Run($"MATCH (:D)-[:C]->(x:D) WHERE true RETURN {projection}").Rows
            .Select(r => (Id: r[0]?.ToString() ?? "null", Count: Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var top = engine.Run($"MATCH (:D)-[:C]->(x:D) RETURN {projection} ORDER BY {order} SKIP {skip} LIMIT {limit}").Rows
            .Select(r => (Id: r[0]?.ToString() ?? "null", Count: Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var descending = order.EndsWith("DESC", StringComparison.Ordinal);
        var ranked = (descending ? all.Select(a => a.Count).OrderDescending() : all.Select(a => a.Count).Order()).ToList();
        Assert.Equal(ranked.Skip(skip).Take(limit), top.Select(t => t.Count));
        foreach (var (id, count) in top)
        {
            Assert.Contains((id, count), all);
        }

        var last = top[^1].Count;
        var first = ranked[skip];
        foreach (var (id, count) in all)
        {
            var inside = descending ? count < first && count > last : count > first && count < last;
            if (inside)
            {
                Assert.Contains((id, count), top);
            }
        }
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

    /// <summary>
    /// The counts come from per-type columns of relationship ends and a per-label answer to "has every node an id", both
    /// kept until the next write: a write (a new relationship, a node without an id) is seen by the next count.
    /// </summary>
    [Fact]
    public void TheCountsAfterAWriteSeeTheWrite()
    {
        var graph = new MemoryGraph();
        var nodes = Enumerable.Range(0, 12).Select(i => graph.CreateNode(["D"], [new("id", $"d{i}")])).ToArray();
        for (var r = 0; r < 30; r++)
        {
            graph.CreateRelationship("C", nodes[r % 12], nodes[r % 5], key: "r" + r);
        }

        var engine = new CypherEngine(graph);
        const string Top = "MATCH (:D)-[:C]->(x:D) RETURN x.id AS id, count(*) AS n ORDER BY n DESC LIMIT 3";
        const string Expanded = "MATCH (:D)-[:C]->(x:D) WHERE true RETURN x.id AS id, count(*) AS n ORDER BY n DESC LIMIT 3";
        Assert.Equal("d0 6", Row(engine.Run(Top).Rows[0]));

        for (var r = 0; r < 9; r++)
        {
            graph.CreateRelationship("C", nodes[r], nodes[11], key: "w" + r);
        }

        Assert.Equal("d11 9", Row(engine.Run(Top).Rows[0]));
        engine.Run("MATCH (x:D {id: 'd11'})<-[c:C]-(:D {id: 'd0'}) DELETE c");
        Assert.Equal("d11 8", Row(engine.Run(Top).Rows[0]));

        // Nodes without an id group together under null: counted the general way from then on.
        var anonymous = Enumerable.Range(0, 3).Select(_ => graph.CreateNode(["D"])).ToArray();
        foreach (var (node, r) in anonymous.Select((n, r) => (n, r)))
        {
            for (var k = 0; k < 4; k++)
            {
                graph.CreateRelationship("C", nodes[k], node, key: $"a{r}.{k}");
            }
        }

        Assert.Equal(" 12", Row(engine.Run(Top).Rows[0]));
        Assert.Equal(engine.Run(Expanded).Rows.Select(Row), engine.Run(Top).Rows.Select(Row));
    }

    private static string Row(IReadOnlyList<object?> row) => string.Join(" ", row.Select(v => v?.ToString()));
}

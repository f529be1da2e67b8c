using Graph.Store.Memory;

namespace Graph.Cypher.Tests;

/// <summary>
/// A two-hop pattern between two ends known by their ids is answered by intersecting the two ends' neighbours: the same
/// rows, repeats included, as walking every pair of relationships (forced here by naming the relationships, which the
/// intersection does not take).
/// </summary>
public sealed class CoCitationTests
{
    /// <summary>Documents with ids, some also labelled Draft; C relationships with parallel ones and self-loops, and some of type R.</summary>
    private static (CypherEngine Engine, int Nodes) RandomGraph(int seed)
    {
        var graph = new MemoryGraph();
        var random = new Random(seed);
        const int Count = 25;
        var nodes = Enumerable.Range(0, Count)
            .Select(i => graph.CreateNode(i % 4 == 0 ? ["D", "Draft"] : ["D"], [new("id", $"d{i}")])).ToArray();
        for (var r = 0; r < 220; r++)
        {
            var start = nodes[random.Next(Count)];
            var end = random.Next(10) == 0 ? start : nodes[random.Next(Count / 2)];
            graph.CreateRelationship(random.Next(5) == 0 ? "R" : "C", start, end, key: "r" + r);
            if (random.Next(5) == 0) graph.CreateRelationship("C", start, end, key: "p" + r);
        }

        return (new CypherEngine(graph), Count);
    }

    private static List<string> Rows(CypherEngine engine, string query, string a, string b) =>
        [.. engine.Run(query, new Dictionary<string, object?> { ["a"] = a, ["b"] = b }).Rows
            .Select(r => string.Join(" ", r.Select(v => v?.ToString()))).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData(1, "(x:D {id: $a})<-[{0}C]-(d:D)-[{1}C]->(y:D {id: $b})", "d.id")]
    [InlineData(2, "(x:D {id: $a})-[{0}C]->(d)<-[{1}C]-(y {id: $b})", "d.id, x.id")]
    [InlineData(3, "(x {id: $a})<-[{0}C]-(d:Draft)-[{1}R]->(y:D {id: $b})", "d.id, y.id")]
    [InlineData(4, "(x:D {id: $a})<-[{0}C]-(d:D)-[{1}C]->(y:D {id: $b}) WHERE d.id <> 'd3'", "count(*)")]
    public void IntersectingTheEndsGivesTheRowsOfWalkingEveryPairOfRelationships(int seed, string pattern, string projection)
    {
        var (engine, count) = RandomGraph(seed);
        var intersected = "MATCH " + pattern.Replace("{0}", ":").Replace("{1}", ":") + " RETURN " + projection;
        var walked = "MATCH " + pattern.Replace("{0}", "r1:").Replace("{1}", "r2:") + " RETURN " + projection;
        var nonEmpty = 0;
        for (var a = 0; a < count; a += 2)
        {
            // The same node at both ends is among the pairs: there the two relationships must differ, and the walk answers.
            foreach (var b in new[] { a, (a * 7 + 3) % count, (a + 1) % count })
            {
                var expected = Rows(engine, walked, $"d{a}", $"d{b}");
                Assert.Equal(expected, Rows(engine, intersected, $"d{a}", $"d{b}"));
                if (expected.Count > 0 && expected[0] != "0") nonEmpty++;
            }
        }

        Assert.True(nonEmpty > 3, $"only {nonEmpty} pairs of ends had rows: the graph does not exercise the intersection");
    }

    [Fact]
    public void AMiddleNodeReachedTwiceFromEachEndIsFourRows()
    {
        var graph = new MemoryGraph();
        var x = graph.CreateNode(["D"], [new("id", "x")]);
        var y = graph.CreateNode(["D"], [new("id", "y")]);
        var d = graph.CreateNode(["D"], [new("id", "d")]);
        graph.CreateRelationship("C", d, x, key: "1");
        graph.CreateRelationship("C", d, x, key: "2");
        graph.CreateRelationship("C", d, y, key: "3");
        graph.CreateRelationship("C", d, y, key: "4");
        var engine = new CypherEngine(graph);
        Assert.Equal(["d", "d", "d", "d"], Rows(engine, "MATCH (x:D {id: $a})<-[:C]-(m:D)-[:C]->(y:D {id: $b}) RETURN m.id", "x", "y"));
        Assert.Equal(["d", "d"], Rows(engine, "MATCH (x:D {id: $a})<-[:C]-(m:D)-[:C]->(y:D {id: $b}) RETURN m.id", "x", "x"));
        Assert.Empty(Rows(engine, "MATCH (x:D {id: $a})<-[:C]-(m:D)-[:C]->(y:D {id: $b}) RETURN m.id", "x", "nobody"));
    }
}

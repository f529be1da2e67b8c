using Graph.Store.Memory;

namespace Graph.Cypher.Tests;

/// <summary>
/// Variable-length patterns whose rows only count as distinct rows, walked as the set of nodes they reach: the same
/// answers as enumerating every path (which counting the paths per end node forces), without the enumeration.
/// </summary>
public sealed class ReachableEndsTests
{
    private static CypherEngine RandomGraph(int seed)
    {
        var graph = new MemoryGraph();
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, 25).Select(i => graph.CreateNode(["N"], [new("i", (long)i)])).ToArray();
        for (var r = 0; r < 60; r++)
        {
            graph.CreateRelationship(random.Next(4) == 0 ? "B" : "A", nodes[random.Next(nodes.Length)], nodes[random.Next(nodes.Length)], key: "r" + r);
        }

        return new CypherEngine(graph);
    }

    private static List<string> Rows(CypherEngine engine, string query) =>
        [.. engine.Run(query).Rows.Select(r => string.Join(" ", r.Select(v => v is List<object?> l ? "[" + string.Join(",", l.Order()) + "]" : v?.ToString()))).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData(1, "-[:A*1..4]->")]
    [InlineData(2, "-[:A*..5]->")]
    [InlineData(3, "<-[*0..3]-")]
    [InlineData(4, "-[:A|B*]->")]
    public void DistinctEndsEqualTheEndsOfEveryPath(int seed, string relationship)
    {
        var engine = RandomGraph(seed);
        // count(*) per end node needs every path, so these run the general matcher.
        var enumerated = Rows(engine, $"MATCH (a:N){relationship}(b) WITH a, b, count(*) AS paths RETURN a.i, count(b), collect(b.i)");
        var reached = Rows(engine, $"MATCH (a:N){relationship}(b) RETURN a.i, count(DISTINCT b), collect(DISTINCT b.i)");
        Assert.NotEmpty(enumerated);
        Assert.Equal(enumerated, reached);
        var distinctPairs = Rows(engine, $"MATCH (a:N){relationship}(b) RETURN DISTINCT a.i, b.i");
        Assert.Equal(Rows(engine, $"MATCH (a:N){relationship}(b) WITH a, b, count(*) AS paths RETURN a.i, b.i"), distinctPairs);
    }

    [Fact]
    public void CountsTheNodesBehindAnExponentialNumberOfPaths()
    {
        // Twelve layers of ten nodes, each node citing every node of the next layer: 10^11 paths from a first-layer node
        // to the last layer, 110 nodes reached.
        var graph = new MemoryGraph();
        var layers = Enumerable.Range(0, 12).Select(l => Enumerable.Range(0, 10).Select(i => graph.CreateNode(["Doc"], [new("id", $"{l}-{i}")])).ToArray()).ToArray();
        for (var l = 1; l < layers.Length; l++)
        {
            foreach (var from in layers[l - 1])
            {
                foreach (var to in layers[l])
                {
                    graph.CreateRelationship("CITES", from, to);
                }
            }
        }

        var engine = new CypherEngine(graph);
        var row = Assert.Single(engine.Run("MATCH (d:Doc {id: '0-0'})-[:CITES*1..12]->(x:Doc) RETURN count(DISTINCT x) AS reached, max(x.id) AS last").Rows);
        Assert.Equal([110L, "9-9"], row.ToArray());
    }
}

using Graph.Store.Memory;

namespace Graph.Cypher.Tests;

/// <summary>
/// shortestPath and allShortestPaths, found by breadth-first search, against the same answer found by enumerating
/// every path of the pattern (which Cypher states directly: the paths of least length per pair of ends).
/// </summary>
public sealed class ShortestPathTests
{
    /// <summary>A seeded random graph of 30 nodes and 70 relationships of two types, some parallel, some loops.</summary>
    private static CypherEngine RandomGraph(int seed)
    {
        var graph = new MemoryGraph();
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, 30).Select(i => graph.CreateNode(["N"], [new("i", (long)i)])).ToArray();
        for (var r = 0; r < 70; r++)
        {
            graph.CreateRelationship(random.Next(4) == 0 ? "B" : "A", nodes[random.Next(nodes.Length)], nodes[random.Next(nodes.Length)], key: "r" + r);
        }

        return new CypherEngine(graph);
    }

    private static List<string> Rows(CypherEngine engine, string query) =>
        [.. engine.Run(query).Rows.Select(r => string.Join(" ", r.Select(v => v is List<object?> l ? "[" + string.Join(",", l) + "]" : v?.ToString()))).Order(StringComparer.Ordinal)];

    private static void AssertSame(List<string> expected, List<string> actual, string query)
    {
        Assert.True(expected.SequenceEqual(actual),
            $"{query}\nexpected ({expected.Count}):\n  {string.Join("\n  ", expected.Take(20))}\nactual ({actual.Count}):\n  {string.Join("\n  ", actual.Take(20))}");
    }

    [Theory]
    [InlineData(1, "-[:A*..4]->")]
    [InlineData(2, "-[:A*..4]-")]
    [InlineData(3, "<-[*..3]-")]
    [InlineData(4, "-[:A|B*0..3]->")]
    public void AllShortestPathsBetweenBoundEndsEqualsTheEnumeration(int seed, string relationship)
    {
        var engine = RandomGraph(seed);
        var found = $"MATCH (a:N), (b:N) WHERE a.i <> b.i MATCH p = allShortestPaths((a){relationship}(b)) RETURN a.i, b.i, [n IN nodes(p) | n.i]";
        var enumerated = $"MATCH (a:N), (b:N) WHERE a.i <> b.i MATCH p = (a){relationship}(b) WITH a, b, collect(p) AS ps, min(length(p)) AS least " +
                         "UNWIND [x IN ps WHERE length(x) = least] AS p RETURN a.i, b.i, [n IN nodes(p) | n.i]";
        var expected = Rows(engine, enumerated);
        Assert.NotEmpty(expected);
        AssertSame(expected, Rows(engine, found), found);
    }

    [Theory]
    [InlineData(5, "-[:A*..4]->")]
    [InlineData(6, "-[*..5]-")]
    public void AllShortestPathsFromOneNodeToAnyEqualsTheEnumeration(int seed, string relationship)
    {
        var engine = RandomGraph(seed);
        var found = $"MATCH (a:N {{i: 0}}) MATCH p = allShortestPaths((a){relationship}(b)) WHERE b <> a RETURN b.i, [r IN relationships(p) | type(r)], [n IN nodes(p) | n.i]";
        var enumerated = $"MATCH (a:N {{i: 0}}) MATCH p = (a){relationship}(b) WHERE b <> a WITH b, collect(p) AS ps, min(length(p)) AS least " +
                         "UNWIND [x IN ps WHERE length(x) = least] AS p RETURN b.i, [r IN relationships(p) | type(r)], [n IN nodes(p) | n.i]";
        var expected = Rows(engine, enumerated);
        Assert.NotEmpty(expected);
        AssertSame(expected, Rows(engine, found), found);
    }

    [Theory]
    [InlineData(7, "-[:A*..5]->")]
    [InlineData(8, "-[*]-")]
    public void ShortestPathGivesOneOfTheShortestPerPair(int seed, string relationship)
    {
        var engine = RandomGraph(seed);
        var found = $"MATCH (a:N), (b:N) WHERE a.i < b.i MATCH p = shortestPath((a){relationship}(b)) RETURN a.i, b.i, [n IN nodes(p) | n.i]";
        var all = Rows(engine, found.Replace("shortestPath", "allShortestPaths", StringComparison.Ordinal));
        var one = Rows(engine, found);
        Assert.NotEmpty(one);
        Assert.Equal(all.Select(r => string.Join(' ', r.Split(' ').Take(2))).Distinct(), one.Select(r => string.Join(' ', r.Split(' ').Take(2))));
        Assert.All(one, row => Assert.Contains(row, all));
    }

    [Fact]
    public void ShortestPathBindsTheRelationshipListAndRespectsRelationshipProperties()
    {
        var engine = new CypherEngine();
        engine.Run("CREATE (a:N {i: 0})-[:R {ok: true}]->(:N {i: 1})-[:R {ok: true}]->(c:N {i: 2}), (a)-[:R {ok: false}]->(c)");
        var direct = engine.Run("MATCH (a:N {i: 0}), (c:N {i: 2}) MATCH shortestPath((a)-[rs:R*]->(c)) RETURN size(rs) AS hops").Rows;
        Assert.Equal(1L, Assert.Single(direct)[0]);
        var allowed = engine.Run("MATCH (a:N {i: 0}), (c:N {i: 2}) MATCH p = shortestPath((a)-[:R* {ok: true}]->(c)) RETURN length(p) AS hops").Rows;
        Assert.Equal(2L, Assert.Single(allowed)[0]);
    }

    /// <summary>A 63 × 63 grid (3,969 nodes) with relationships right and down: the corners are 124 hops apart.</summary>
    private static CypherEngine Grid(int side)
    {
        var graph = new MemoryGraph();
        var ids = new long[side, side];
        for (var x = 0; x < side; x++)
        {
            for (var y = 0; y < side; y++)
            {
                ids[x, y] = graph.CreateNode(["Cell"], [new("id", $"{x}-{y}")]);
                if (x > 0) graph.CreateRelationship("NEXT", ids[x - 1, y], ids[x, y]);
                if (y > 0) graph.CreateRelationship("NEXT", ids[x, y - 1], ids[x, y]);
            }
        }

        return new CypherEngine(graph);
    }

    [Fact]
    public void UnboundedShortestPathCrossesAGridOfFourThousandNodes()
    {
        var engine = Grid(63);
        var directed = engine.Run("MATCH p = shortestPath((a:Cell {id: '0-0'})-[:NEXT*]->(b:Cell {id: '62-62'})) RETURN length(p) AS hops").Rows;
        Assert.Equal(124L, Assert.Single(directed)[0]);
        var undirected = engine.Run("MATCH (a:Cell {id: '62-0'}), (b:Cell {id: '0-62'}) MATCH p = shortestPath((a)-[*]-(b)) RETURN length(p) AS hops").Rows;
        Assert.Equal(124L, Assert.Single(undirected)[0]);
    }

    [Fact]
    public void AllShortestPathsCountsTheMonotonePathsOfAGrid()
    {
        // From one corner of a 5 × 5 grid to the other: 8 steps, 4 of them right, C(8, 4) = 70 ways.
        var rows = Grid(5).Run("MATCH p = allShortestPaths((a:Cell {id: '0-0'})-[:NEXT*]->(b:Cell {id: '4-4'})) RETURN length(p) AS hops").Rows;
        Assert.Equal(70, rows.Count);
        Assert.All(rows, r => Assert.Equal(8L, r[0]));
    }
}

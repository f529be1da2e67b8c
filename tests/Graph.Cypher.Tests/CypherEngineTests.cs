using Graph.Store.Memory;

namespace Graph.Cypher.Tests;

public sealed class CypherEngineTests
{
    private static CypherEngine OnMemoryGraph(out MemoryGraph graph, CypherOptions? options = null)
    {
        graph = new MemoryGraph();
        return new CypherEngine(graph, options);
    }

    [Fact]
    public void CreatesAndMatchesOnTheStoresMemoryGraph()
    {
        var engine = OnMemoryGraph(out var graph);
        var created = engine.Run("CREATE (:Document {id: 'A/RES/77/13'})-[:CITES {count: 2}]->(:Document {id: 'A/RES/71/12'})");
        Assert.Equal(2, created.Counters.NodesCreated);
        Assert.Equal(1, created.Counters.RelationshipsCreated);
        Assert.True(created.ContainsUpdates);
        Assert.Equal(2, graph.NodeCount);

        var result = engine.Run("MATCH (a:Document)-[r:CITES]->(b) RETURN a.id AS citing, r.count AS n, b");
        Assert.Equal(["citing", "n", "b"], result.Columns);
        var row = Assert.Single(result.Rows);
        Assert.Equal("A/RES/77/13", row[0]);
        Assert.Equal(2L, row[1]);
        var node = Assert.IsType<CypherNode>(row[2]);
        Assert.Equal(["Document"], node.Labels);
        Assert.Equal("A/RES/71/12", node.Properties["id"]);
        Assert.StartsWith("4:", node.ElementId, StringComparison.Ordinal);
    }

    [Fact]
    public void UndefinedVariableIsACompileTimeErrorWithPosition()
    {
        var engine = new CypherEngine();
        var e = Assert.Throws<CypherException>(() => engine.Run("MATCH (n)\nRETURN m"));
        Assert.Equal("UndefinedVariable", e.Detail);
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", e.StatusCode);
        Assert.Equal(CypherErrorPhase.CompileTime, e.Phase);
        Assert.Equal(new CypherPosition(17, 2, 8), e.Position);
    }

    [Fact]
    public void SyntaxErrorNamesTheOffendingToken()
    {
        var e = Assert.Throws<CypherException>(() => new CypherEngine().Run("MATCH (n RETURN n"));
        Assert.Equal("SyntaxError", e.ErrorType);
        Assert.Contains("RETURN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOnlyEngineRefusesWritesBeforeRunning()
    {
        var engine = OnMemoryGraph(out var graph, new CypherOptions { ReadOnly = true });
        var e = Assert.Throws<CypherException>(() => engine.Run("CREATE (n:Document)"));
        Assert.Equal("Neo.ClientError.Statement.AccessMode", e.StatusCode);
        Assert.Equal(0, graph.NodeCount);
    }

    [Fact]
    public void RowLimitStopsAQueryThatReturnsTooMuch()
    {
        var engine = new CypherEngine(new CypherOptions { MaxRows = 10 });
        var e = Assert.Throws<CypherException>(() => engine.Run("UNWIND range(1, 100) AS x RETURN x"));
        Assert.Equal("RowLimit", e.Detail);
        Assert.Equal(10, engine.Run("UNWIND range(1, 100) AS x RETURN x LIMIT 10").Rows.Count);
    }

    [Fact]
    public void TimeoutStopsARunawayQuery()
    {
        var engine = new CypherEngine(new CypherOptions { Timeout = TimeSpan.FromMilliseconds(50), MaxRows = int.MaxValue });
        var e = Assert.Throws<CypherException>(() =>
            engine.Run("UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b WITH a, b WHERE a * b < 0 RETURN count(*)"));
        Assert.Equal("Timeout", e.Detail);
    }

    [Fact]
    public void ParametersArriveAsCypherValues()
    {
        var result = new CypherEngine().Run("RETURN $n + 1 AS n, $list[1] AS second, $map.k AS k",
            new Dictionary<string, object?> { ["n"] = 41, ["list"] = new[] { "a", "b" }, ["map"] = new Dictionary<string, object?> { ["k"] = true } });
        Assert.Equal([42L, "b", true], result.Rows[0]);
    }

    [Fact]
    public void NullLogicFollowsCypher()
    {
        var row = new CypherEngine().Run("RETURN null = null AS a, null OR true AS b, null AND false AS c, 1 IN [null, 1] AS d, 2 IN [null, 1] AS e").Rows[0];
        Assert.Equal([null, true, false, true, null], row);
    }

    [Fact]
    public void OrdersMixedTypesByCypherOrderability()
    {
        var rows = new CypherEngine().Run("UNWIND [1, 'a', null, true, [1], {k: 1}, 0.5] AS x RETURN x ORDER BY x").Rows;
        Assert.Equal("{k: 1}|[1]|a|True|0.5|1|null",
            string.Join("|", rows.Select(r => r[0] switch
            {
                null => "null",
                Dictionary<string, object?> m => "{k: " + m["k"] + "}",
                List<object?> l => "[" + string.Join(",", l) + "]",
                var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            })));
    }
}

public sealed class CypherEngineConcurrencyTests
{
    [Fact]
    public async Task ConcurrentReadersAndAWriterOnMemoryGraphSeeWholeWrites()
    {
        var graph = new MemoryGraph();
        var engine = new CypherEngine(graph);
        engine.Run("UNWIND range(1, 50) AS i CREATE (:Document {n: i})");
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var k = 0; k < 20; k++)
            {
                // A writer adds documents in batches of 50: a reader sees whole batches only.
                var count = (long)engine.Run("MATCH (d:Document) RETURN count(d)").Rows[0][0]!;
                Assert.Equal(0, count % 50);
            }
        }, TestContext.Current.CancellationToken)).ToList();
        for (var k = 0; k < 10; k++)
        {
            engine.Run("UNWIND range(1, 50) AS i CREATE (:Document {n: i})");
        }

        await Task.WhenAll(readers);
        Assert.Equal(550, graph.NodeCount);
    }

    [Fact]
    public void PerQueryOptionsCanForbidWritesOnAWritableEngine()
    {
        var engine = new CypherEngine(new MemoryGraph());
        var e = Assert.Throws<CypherException>(() =>
            engine.Execute("CREATE (n)", null, engine.Options with { ReadOnly = true }, TestContext.Current.CancellationToken));
        Assert.Equal("WriteNotAllowed", e.Detail);
        Assert.Equal(1, engine.Run("CREATE (n)").Counters.NodesCreated);
    }
}

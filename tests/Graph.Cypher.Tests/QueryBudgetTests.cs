namespace Graph.Cypher.Tests;

/// <summary>The per-query time and memory budgets: their errors, and that the memory budget is the engine's option.</summary>
public sealed class QueryBudgetTests
{
    [Fact]
    public void TimeBudgetIsCheckedInsideReduceAndRange()
    {
        // One row, a billion additions inside nested reduce() calls: only a check inside the functions can stop it.
        var engine = new CypherEngine(new CypherOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        var error = Assert.Throws<CypherException>(() => engine.Execute(
            "RETURN reduce(acc = 0, x IN range(1, 1000000) | acc + reduce(b = 0, y IN range(1, 1000) | b + y)) AS n",
            null, TestContext.Current.CancellationToken));
        Assert.Equal("Neo.ClientError.Transaction.TransactionTimedOut", error.StatusCode);
        Assert.Contains("0.3 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeBudgetIsCheckedWhileSortingAndComparingLongLists()
    {
        var engine = new CypherEngine(new CypherOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        var error = Assert.Throws<CypherException>(() => engine.Execute(
            "WITH range(1, 100000) AS l UNWIND range(1, 100000) AS i WITH l, i WHERE l = l RETURN count(*)",
            null, TestContext.Current.CancellationToken));
        Assert.Equal("Neo.ClientError.Transaction.TransactionTimedOut", error.StatusCode);
    }

    [Fact]
    public void GrowingAListPastTheMemoryBudgetIsAClearError()
    {
        var error = Assert.Throws<CypherException>(() => new CypherEngine().Execute(
            "RETURN reduce(l = [1], i IN range(1, 40) | l + l) AS l", null, TestContext.Current.CancellationToken));
        Assert.Equal("Neo.TransientError.General.MemoryPoolOutOfMemoryError", error.StatusCode);
        Assert.Contains("256 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GrowingAStringPastTheMemoryBudgetIsAClearError()
    {
        var error = Assert.Throws<CypherException>(() => new CypherEngine().Execute(
            "RETURN reduce(s = 'ab', i IN range(1, 40) | s + s) AS s", null, TestContext.Current.CancellationToken));
        Assert.Equal("Neo.TransientError.General.MemoryPoolOutOfMemoryError", error.StatusCode);
    }

    [Fact]
    public void TheMemoryBudgetIsAnOptionOfTheEngine()
    {
        const string query = "RETURN size(range(1, 100000)) AS n, size(reduce(s = '', i IN range(1, 1000) | s + 'x')) AS m";
        var row = Assert.Single(new CypherEngine().Execute(query, null, TestContext.Current.CancellationToken).Rows);
        Assert.Equal([100000L, 1000L], row);

        var small = new CypherEngine(new CypherOptions { MaxMemoryBytes = 1024 * 1024 });
        var error = Assert.Throws<CypherException>(() => small.Execute(query, null, TestContext.Current.CancellationToken));
        Assert.Equal("MemoryLimit", error.Detail);
        Assert.Contains("1 MB", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A shortest path with a least length the breadth-first search cannot take holds every path between its ends while
    /// it picks the shortest: on a small complete graph they are millions, and they used to fill the heap uncounted.
    /// </summary>
    [Theory]
    [InlineData("MATCH (a:K {i: 0}), (b:K {i: 1}) MATCH p = shortestPath((a)-[*3..]-(b)) RETURN length(p)")]
    [InlineData("MATCH (a:K {i: 0}), (b:K {i: 1}) MATCH p = allShortestPaths((a)-[*3..]-(b)) RETURN count(p)")]
    [InlineData("MATCH p = SHORTEST 2 (a:K {i: 0})-[*3..]-(b:K {i: 1}) RETURN count(p)")]
    public void PathsHeldToChooseTheShortestCountAgainstTheMemoryBudget(string query)
    {
        var small = new CypherEngine(new CypherOptions { MaxMemoryBytes = 4 * 1024 * 1024, Timeout = TimeSpan.FromSeconds(30) });
        small.Execute("UNWIND range(0, 8) AS i CREATE (:K {i: i})", null, TestContext.Current.CancellationToken);
        small.Execute("MATCH (a:K), (b:K) WHERE a.i < b.i CREATE (a)-[:E]->(b)", null, TestContext.Current.CancellationToken);
        var error = Assert.Throws<CypherException>(() => small.Execute(query, null, TestContext.Current.CancellationToken));
        Assert.Equal("MemoryLimit", error.Detail);
        Assert.Contains("the paths it holds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BufferedRowsCountAgainstTheMemoryBudget()
    {
        var small = new CypherEngine(new CypherOptions { MaxMemoryBytes = 1024 * 1024 });
        var error = Assert.Throws<CypherException>(() => small.Execute(
            "UNWIND range(1, 20000) AS i RETURN i ORDER BY i DESC SKIP 19999", null, TestContext.Current.CancellationToken));
        Assert.Equal("MemoryLimit", error.Detail);
        Assert.Contains("rows it holds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCopyOfANodeInTheResultCountsAgainstTheMemoryBudget()
    {
        // 100 nodes of 2,000 characters each: once, they fit in 1 MB; returned on each of 200 rows they are 200 copies.
        var small = new CypherEngine(new CypherOptions { MaxMemoryBytes = 1024 * 1024 });
        small.Execute("UNWIND range(1, 100) AS i CREATE (:Note {id: i, text: reduce(s = '', j IN range(1, 200) | s + '0123456789')})",
            null, TestContext.Current.CancellationToken);
        var once = small.Execute("MATCH (n:Note) RETURN n", null, TestContext.Current.CancellationToken).Rows;
        Assert.Equal(100, once.Count);

        var error = Assert.Throws<CypherException>(() => small.Execute(
            "MATCH (n:Note) WITH collect(n) AS notes UNWIND range(1, 200) AS i RETURN i, notes", null, TestContext.Current.CancellationToken));
        Assert.Equal("MemoryLimit", error.Detail);
        Assert.Contains("the result", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OrderByWithLimitHoldsOnlyTheRowsItAnswers()
    {
        // The same 20,000 rows as above under the same budget: with LIMIT only the best three are held.
        var small = new CypherEngine(new CypherOptions { MaxMemoryBytes = 1024 * 1024 });
        var rows = small.Execute("UNWIND range(1, 20000) AS i RETURN i % 7 AS r, i ORDER BY r DESC, i LIMIT 3", null,
            TestContext.Current.CancellationToken).Rows;
        Assert.Equal([[6L, 6L], [6L, 13L], [6L, 20L]], rows.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void StreamingAggregatesKeepNoListOfInputs()
    {
        // More values than the cap on values an aggregate may hold (MaxRows × 10), under a small memory budget.
        var engine = new CypherEngine(new CypherOptions { MaxRows = 1_000, MaxMemoryBytes = 1024 * 1024 });
        var row = Assert.Single(engine.Execute(
            "UNWIND range(1, 300) AS a UNWIND range(1, 100) AS b WITH (a - 1) * 100 + b AS i RETURN count(i) AS n, sum(i) AS total, avg(i) AS mean, min(i) AS least, max(i) AS most, sum(i * 0.5) AS half",
            null, TestContext.Current.CancellationToken).Rows);
        Assert.Equal([30000L, 450015000L, 15000.5, 1L, 30000L, 225007500.0], row.ToArray());
    }

    [Fact]
    public void GrowingAListStepByStepStaysCheap()
    {
        // l + [x] in reduce() is the usual way to build a list: its size is kept, not measured again each step.
        var row = Assert.Single(new CypherEngine().Execute(
            "RETURN size(reduce(l = [], x IN range(1, 20000) | l + [[x, toString(x)]])) AS n", null, TestContext.Current.CancellationToken).Rows);
        Assert.Equal(20000L, row[0]);
    }
}

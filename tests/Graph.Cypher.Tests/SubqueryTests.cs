using Graph.Extraction;
using Graph.Store.Memory;
using Microsoft.Data.Sqlite;

namespace Graph.Cypher.Tests;

/// <summary>
/// CALL { } subqueries, COLLECT { } and FOREACH: how they run per row, what they import, and how their writes are
/// guarded (read-only mode, atomicity) and saved on the embedded store.
/// </summary>
public sealed class SubqueryTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "graph-subqueries", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private static CypherEngine Citations()
    {
        var engine = new CypherEngine(new MemoryGraph());
        engine.Run("CREATE (a:Document {id: 'A'}), (b:Document {id: 'B'}), (c:Document {id: 'C'}), " +
                   "(a)-[:CITES]->(b), (a)-[:CITES]->(c), (b)-[:CITES]->(c)");
        return engine;
    }

    private static object?[][] Rows(CypherResult result) => result.Rows.Select(r => r.ToArray()).ToArray();

    [Fact]
    public void ReturningSubqueryRunsOncePerRowWithWhatItImports()
    {
        var result = Citations().Run(
            "MATCH (d:Document) CALL (d) { MATCH (d)-[:CITES]->(x) RETURN count(x) AS cites } RETURN d.id, cites ORDER BY d.id");
        Assert.Equal([["A", 2L], ["B", 1L], ["C", 0L]], Rows(result));
    }

    [Fact]
    public void OptionalCallKeepsRowsTheSubqueryDoesNotAnswer()
    {
        const string body = "MATCH (d)-[:CITES]->(x) RETURN x.id AS cited";
        var plain = Citations().Run($"MATCH (d:Document) CALL (d) {{ {body} }} RETURN d.id, cited ORDER BY d.id, cited");
        var optional = Citations().Run($"MATCH (d:Document) OPTIONAL CALL (d) {{ {body} }} RETURN d.id, cited ORDER BY d.id, cited");
        Assert.Equal([["A", "B"], ["A", "C"], ["B", "C"]], Rows(plain));
        Assert.Equal([["A", "B"], ["A", "C"], ["B", "C"], ["C", null]], Rows(optional));
    }

    [Fact]
    public void SubqueryWithoutImportsDoesNotSeeTheOuterVariables()
    {
        var e = Assert.Throws<CypherException>(() => Citations().Run("MATCH (d:Document) CALL () { RETURN d.id AS id } RETURN id"));
        Assert.Equal("UndefinedVariable", e.Detail);
        Assert.Equal(CypherErrorPhase.CompileTime, e.Phase);
    }

    [Fact]
    public void CollectSubqueryGivesTheListOfItsColumn()
    {
        var result = Citations().Run(
            "MATCH (d:Document {id: 'A'}) RETURN COLLECT { MATCH (d)-[:CITES]->(x) RETURN x.id ORDER BY x.id } AS cited");
        Assert.Equal(new List<object?> { "B", "C" }, result.Rows.Single()[0]);
    }

    [Fact]
    public void ReadOnlyModeRefusesWritesInsideSubqueriesAndForeach()
    {
        var graph = new MemoryGraph();
        var engine = new CypherEngine(graph, new CypherOptions { ReadOnly = true });
        foreach (var query in new[] { "CALL () { CREATE (:Note) }", "FOREACH (x IN [1] | CREATE (:Note))", "UNWIND [1] AS x CALL (x) { CREATE (:Note) } IN TRANSACTIONS" })
        {
            var e = Assert.Throws<CypherException>(() => engine.Run(query));
            Assert.Equal("WriteNotAllowed", e.Detail);
        }

        Assert.Equal(0, graph.NodeCount);
    }

    [Fact]
    public void AFailingRowUndoesTheWholeInTransactionsWrite()
    {
        var graph = new MemoryGraph();
        var engine = new CypherEngine(graph);
        // The third row divides by zero after two batches of one row have run: every batch is undone.
        Assert.Throws<CypherException>(() => engine.Run(
            "UNWIND [1, 1, 0] AS d CALL (d) { CREATE (:Note {v: 1 / d}) } IN TRANSACTIONS OF 1 ROW"));
        Assert.Equal(0, graph.NodeCount);
    }

    [Fact]
    public void BatchSizeMustBePositive()
    {
        var e = Assert.Throws<CypherException>(() => new CypherEngine(new MemoryGraph()).Run(
            "UNWIND [1] AS x CALL (x) { CREATE (:Note) } IN TRANSACTIONS OF 0 ROWS"));
        Assert.Equal("InvalidArgumentValue", e.Detail);
    }

    [Fact]
    public async Task InTransactionsWriteIsSavedAndMadeAgainWhenTheStoreOpens()
    {
        await using (var store = EmbeddedCypher.OpenStore(_directory))
        {
            var extractor = new DocumentExtractor();
            await store.IngestAsync(extractor.ExtractFile(TestData.Seed7713), TestContext.Current.CancellationToken);
            var engine = EmbeddedCypher.Engine(store, new CypherOptions());
            var result = engine.Run("UNWIND range(1, 5) AS i CALL (i) { CREATE (:Note {n: i, id: randomUUID()}) } IN TRANSACTIONS OF 2 ROWS");
            Assert.Equal(5, result.Counters.NodesCreated);
            Assert.Equal(1, store.SavedWriteCount);
        }

        await using (var reopened = EmbeddedCypher.OpenStore(_directory))
        {
            var engine = new CypherEngine(reopened.Graph, new CypherOptions { ReadOnly = true });
            var row = engine.Run("MATCH (n:Note) RETURN count(n), sum(n.n), count(DISTINCT n.id)").Rows.Single();
            Assert.Equal([5L, 15L, 5L], row.ToArray());
        }
    }

    [Fact]
    public void ForeachWritesPerElementAndPassesTheRowOn()
    {
        var graph = new MemoryGraph();
        var result = new CypherEngine(graph).Run("UNWIND ['a', 'b'] AS tag FOREACH (i IN range(1, 2) | CREATE (:Tag {name: tag, i: i})) RETURN tag");
        Assert.Equal(["a", "b"], result.Rows.Select(r => r[0]));
        Assert.Equal(4, graph.NodeCount);
    }
}

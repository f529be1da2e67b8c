using Graph.Store.Memory;

namespace Graph.Cypher.Tests;

/// <summary>
/// Explicit transactions: statements see the transaction's own writes, nobody else sees them before commit,
/// rollback and failure leave nothing, and a transaction whose graph changed under it is refused as outdated.
/// </summary>
public sealed class CypherTransactionTests
{
    public static TheoryData<string> Graphs => ["store", "scratch"];

    private static CypherEngine Engine(string graph) => graph == "store" ? new CypherEngine(new MemoryGraph()) : new CypherEngine();

    private static long Count(CypherEngine engine, string label) => (long)engine.Run($"MATCH (n:{label}) RETURN count(n)").Rows[0][0]!;

    [Theory]
    [MemberData(nameof(Graphs))]
    public void StatementsSeeTheTransactionsWritesAndOthersSeeThemOnlyAfterCommit(string graph)
    {
        var engine = Engine(graph);
        engine.Run("CREATE (:Document {id: 'A/RES/71/12'})");
        var transaction = engine.BeginTransaction();
        var created = transaction.Run("CREATE (n:Note {id: 'note:1', stamp: timestamp(), luck: rand()}) RETURN n.stamp, n.luck", null, TestContext.Current.CancellationToken);
        transaction.Run("MATCH (n {id: 'note:1'}), (d {id: 'A/RES/71/12'}) CREATE (n)-[:ABOUT]->(d)", null, TestContext.Current.CancellationToken);
        var seen = transaction.Run("MATCH (n {id: 'note:1'})-[:ABOUT]->(d) RETURN n.stamp, n.luck, d.id", null, TestContext.Current.CancellationToken).Rows.Single();
        Assert.Equal(created.Rows[0], seen.Take(2));
        Assert.Equal(0L, Count(engine, "Note"));

        Assert.True(transaction.Commit(TestContext.Current.CancellationToken));
        Assert.False(transaction.IsOpen);
        var committed = engine.Run("MATCH (n {id: 'note:1'})-[:ABOUT]->(d) RETURN n.stamp, n.luck, d.id").Rows.Single();
        Assert.Equal(seen, committed);
        Assert.Throws<InvalidOperationException>(() => transaction.Run("RETURN 1", null, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void RollbackAndAFailingStatementLeaveNothing(string graph)
    {
        var engine = Engine(graph);
        var rolledBack = engine.BeginTransaction();
        rolledBack.Run("CREATE (:Note {n: 1})", null, TestContext.Current.CancellationToken);
        rolledBack.Rollback();
        Assert.Equal(0L, Count(engine, "Note"));

        var failing = engine.BeginTransaction();
        failing.Run("CREATE (:Note {n: 2})", null, TestContext.Current.CancellationToken);
        Assert.Throws<CypherException>(() => failing.Run("UNWIND [1, 0] AS x CREATE (:Note {n: 10 / x})", null, TestContext.Current.CancellationToken));
        Assert.False(failing.IsOpen);
        Assert.Throws<InvalidOperationException>(() => failing.Commit(TestContext.Current.CancellationToken));
        Assert.Equal(0L, Count(engine, "Note"));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void AWriteByAnotherBetweenStatementsMakesTheTransactionOutdated(string graph)
    {
        var engine = Engine(graph);
        var transaction = engine.BeginTransaction();
        transaction.Run("CREATE (:Note {n: 1})", null, TestContext.Current.CancellationToken);
        engine.Run("CREATE (:Other)");
        var outdated = Assert.Throws<CypherException>(() => transaction.Run("MATCH (n:Note) SET n.n = 2", null, TestContext.Current.CancellationToken));
        Assert.Equal("Neo.TransientError.Transaction.Outdated", outdated.StatusCode);
        Assert.False(transaction.IsOpen);
        Assert.Equal(0L, Count(engine, "Note"));

        // Reads by others do not get in the way; nor does a transaction that has written nothing yet.
        var again = engine.BeginTransaction();
        again.Run("MATCH (n) RETURN count(n)", null, TestContext.Current.CancellationToken);
        engine.Run("CREATE (:Other)");
        again.Run("CREATE (:Note {n: 3})", null, TestContext.Current.CancellationToken);
        engine.Run("MATCH (n) RETURN count(n)");
        again.Run("MATCH (n:Note) SET n.n = 4", null, TestContext.Current.CancellationToken);
        Assert.True(again.Commit(TestContext.Current.CancellationToken));
        Assert.Equal(4L, engine.Run("MATCH (n:Note) RETURN n.n").Rows.Single()[0]);
    }

    [Fact]
    public void AWriteThatChoosesByInternalIdIsRefusedInATransaction()
    {
        var engine = new CypherEngine(new MemoryGraph());
        var transaction = engine.BeginTransaction();
        var id = transaction.Run("CREATE (n:Note) RETURN id(n)", null, TestContext.Current.CancellationToken).Rows[0][0];
        var refused = Assert.Throws<CypherException>(() => transaction.Run("MATCH (n) WHERE id(n) = $id SET n.x = 1", new Dictionary<string, object?> { ["id"] = id }, TestContext.Current.CancellationToken));
        Assert.Equal("UnsavableWrite", refused.Detail);
        Assert.False(transaction.IsOpen);
    }

    [Fact]
    public void AReadOnlyTransactionRefusesWrites()
    {
        var engine = new CypherEngine(new MemoryGraph());
        var transaction = engine.BeginTransaction(new CypherOptions { ReadOnly = true });
        Assert.Equal(1L, transaction.Run("RETURN 1", null, TestContext.Current.CancellationToken).Rows[0][0]);
        Assert.Equal("Neo.ClientError.Statement.AccessMode", Assert.Throws<CypherException>(() => transaction.Run("CREATE (:Note)", null, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(0L, Count(engine, "Note"));
    }
}

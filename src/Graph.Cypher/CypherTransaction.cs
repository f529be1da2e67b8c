using Graph.Cypher.Durability;
using Graph.Cypher.Execution;
using Graph.Cypher.Storage;

namespace Graph.Cypher;

/// <summary>
/// An explicit transaction (Neo4j's Query API <c>/tx</c>): its statements run one by one, each sees the writes of
/// the ones before, and the graph changes for everyone only at <see cref="Commit"/>, all together or not at all.
/// A statement that fails closes the transaction and takes back all of it.
/// </summary>
/// <remarks>
/// Optimistic, so that an open transaction never holds the graph's lock between requests (the lock belongs to a
/// thread, and a forgotten transaction must not stop every reader): each statement makes the transaction's earlier
/// writes again under the write lock, with their clocks and random seeds, runs, and takes everything back before
/// letting go. <see cref="Commit"/> makes them again for good and saves them when the engine saves writes. If
/// anyone else wrote to the graph since the transaction last looked, what it would commit might differ from what
/// its statements answered, so it fails with <c>Neo.TransientError.Transaction.Outdated</c> and the client runs the
/// transaction again. Internal ids are numbered afresh by each replay, so a write may not choose by them.
/// </remarks>
public sealed class CypherTransaction
{
    private readonly CypherEngine engine;
    private readonly CypherOptions options;
    private readonly List<WrittenStatement> writes = [];
    private readonly Lock gate = new();

    /// <summary>The graph's write generation when this transaction last let go of the write lock (null: never held).</summary>
    private long? seenGeneration;
    private bool closed;

    internal CypherTransaction(CypherEngine engine, CypherOptions options)
    {
        this.engine = engine;
        this.options = options;
    }

    /// <summary>False once committed, rolled back or failed.</summary>
    public bool IsOpen
    {
        get { lock (gate) return !closed; }
    }

    /// <summary>Runs a statement in the transaction; on any error the transaction is closed and nothing of it stays.</summary>
    /// <exception cref="CypherException">The statement failed, or the graph changed under the transaction (Outdated).</exception>
    /// <exception cref="InvalidOperationException">The transaction is closed.</exception>
    public CypherResult Run(string statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var values = parameters ?? new Dictionary<string, object?>();
        lock (gate)
        {
            ThrowIfClosed();
            try
            {
                // A read-only transaction can never write: its statements need no replay and no write lock.
                if (options.ReadOnly) return engine.Execute(statement, values, options, cancellationToken);
                return engine.Serialised(() => RunUnderWriteLock(statement, values, cancellationToken));
            }
            catch
            {
                Close();
                throw;
            }
        }
    }

    /// <summary>Makes the transaction's writes for good (saved, when the engine saves writes); true when it changed anything.</summary>
    /// <exception cref="CypherException">The graph changed under the transaction (Outdated), or the writes could not be saved (nothing stays).</exception>
    /// <exception cref="InvalidOperationException">The transaction is closed.</exception>
    public bool Commit(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            ThrowIfClosed();
            try
            {
                if (writes.Count == 0) return false;
                engine.Serialised(() =>
                {
                    var graph = engine.Graph;
                    using var _ = graph.Enter(write: true);
                    ThrowIfOutdated(graph);
                    var view = new TransactionalGraphAccess(graph);
                    try
                    {
                        Replay(view, cancellationToken);
                        engine.SaveWrites?.Invoke(writes);
                        engine.NodesChanged?.Invoke(view.ChangedNodes);
                    }
                    catch (Exception e) when (e is IOException or NotSupportedException)
                    {
                        view.Rollback();
                        throw new CypherException("WriteNotSaved", "WriteNotSaved", $"The transaction was undone because it could not be saved: {e.Message}", null, CypherErrorPhase.Runtime);
                    }
                    catch
                    {
                        view.Rollback();
                        throw;
                    }
                    return true;
                });
                return true;
            }
            finally
            {
                Close();
            }
        }
    }

    /// <summary>Drops the transaction: nothing it wrote was ever visible, so nothing needs taking back.</summary>
    public void Rollback()
    {
        lock (gate) Close();
    }

    private CypherResult RunUnderWriteLock(string statement, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var graph = engine.Graph;
        var clock = new StatementClock(DateTime.UtcNow, Random.Shared.Next());
        using var _ = graph.Enter(write: true);
        ThrowIfOutdated(graph);
        var view = new TransactionalGraphAccess(graph);
        try
        {
            Replay(view, cancellationToken);
            var result = QueryRunner.Run(view, options, statement, values, engine.ProceduresSnapshot(), cancellationToken,
                save: null, clock: clock, requireSavable: true);
            if (result.ContainsUpdates) writes.Add(new WrittenStatement(statement, values, clock));
            return result;
        }
        finally
        {
            view.Rollback();
            seenGeneration = graph.WriteGeneration;
        }
    }

    /// <summary>Makes the transaction's earlier writes again on <paramref name="view"/>, each with its own clock.</summary>
    private void Replay(IGraphAccess view, CancellationToken cancellationToken)
    {
        var procedures = engine.ProceduresSnapshot();
        foreach (var write in writes)
            QueryRunner.Run(view, options, write.Statement, write.Parameters, procedures, cancellationToken, save: null, clock: write.Clock);
    }

    /// <summary>
    /// Called just after taking the write lock: unless this transaction was the last to hold it, someone else
    /// wrote since, and replaying its writes might not give what its statements answered.
    /// </summary>
    private void ThrowIfOutdated(IGraphAccess graph)
    {
        if (writes.Count == 0 || seenGeneration is not { } seen || graph.WriteGeneration == seen + 1) return;
        throw new CypherException("Outdated", "Outdated",
            "The graph changed while this transaction was open, so its writes may no longer mean what its statements answered. " +
            "It was rolled back; run the transaction again.", null, CypherErrorPhase.Runtime);
    }

    private void ThrowIfClosed()
    {
        if (closed) throw new InvalidOperationException("The transaction is closed (committed, rolled back or failed).");
    }

    private void Close()
    {
        closed = true;
        writes.Clear();
    }
}

using Graph.Cypher.Durability;
using Graph.Cypher.Execution;
using Graph.Cypher.Storage;

namespace Graph.Cypher;

/// <summary>
/// An explicit transaction: statements run one after another on the live graph and see the transaction's own
/// writes; <see cref="Commit"/> saves them all at once (on the embedded store, in one SQLite transaction) and
/// <see cref="Rollback"/> takes them all back. A failing statement rolls the whole transaction back, as in Neo4j.
/// </summary>
/// <remarks>
/// It keeps no snapshot and does not check for conflicts itself: whoever opens it must keep every other writer
/// off the graph until it ends (the web server's writer lease does), so that nothing can change under it and its
/// undo log can never take back someone else's change. Each statement holds the graph's write lock only while it
/// runs; between statements, readers see the transaction's changes (read uncommitted). Undo takes back only what
/// the transaction made; the store refuses a query's deleting what documents state, so undo never has to recreate
/// a node the projection keeps bookkeeping for.
/// </remarks>
public sealed class CypherTransaction
{
    private readonly CypherEngine engine;
    private readonly TransactionalGraphAccess changes;
    private readonly List<SavedStatement> writes = [];
    private readonly Lock gate = new();

    private sealed record SavedStatement(string Statement, IReadOnlyDictionary<string, object?> Parameters, StatementClock Clock);

    internal CypherTransaction(CypherEngine engine, IGraphAccess graph, bool readOnly)
    {
        this.engine = engine;
        changes = new TransactionalGraphAccess(graph);
        ReadOnly = readOnly;
    }

    /// <summary>A transaction opened for reading only: its statements may not write.</summary>
    public bool ReadOnly { get; }

    /// <summary>False once committed or rolled back.</summary>
    public bool IsOpen { get; private set; } = true;

    /// <summary>Whether a statement of this transaction has changed the graph.</summary>
    public bool HasWrites
    {
        get { lock (gate) return writes.Count > 0; }
    }

    /// <summary>Runs a statement in the transaction; on any error the whole transaction is rolled back and the error rethrown.</summary>
    public CypherResult Execute(string query, IReadOnlyDictionary<string, object?>? parameters, CypherOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);
        lock (gate)
        {
            ThrowIfClosed();
            var queryOptions = ReadOnly && !options.ReadOnly ? options with { ReadOnly = true } : options;
            try
            {
                return QueryRunner.Run(changes, queryOptions, query, parameters ?? new Dictionary<string, object?>(), engine.ProcedureSnapshot(),
                    cancellationToken, save: engine.SaveWrites is null ? null : Remember, nodesChanged: engine.NodesChanged);
            }
            catch
            {
                RollbackLocked();
                throw;
            }
        }
    }

    /// <summary>
    /// Keeps the transaction's changes: saves its writes, in order, all or none, where the engine saves writes. When
    /// they cannot be saved, everything is taken back and a <see cref="CypherException"/> says so.
    /// </summary>
    public void Commit()
    {
        lock (gate)
        {
            ThrowIfClosed();
            IsOpen = false;
            if (writes.Count == 0 || engine.SaveWriteBatch is null) return;
            using (changes.Enter(write: true))
            {
                try
                {
                    engine.SaveWriteBatch(writes.Select(w => (w.Statement, w.Parameters, w.Clock)).ToList());
                }
                catch (Exception e) when (e is IOException or NotSupportedException)
                {
                    UndoUnderLock();
                    throw new CypherException("WriteNotSaved", "WriteNotSaved",
                        $"The transaction was rolled back because its writes could not be saved: {e.Message}", null, CypherErrorPhase.Runtime);
                }
            }
        }
    }

    /// <summary>Takes back every change the transaction made (nothing when it is already over).</summary>
    public void Rollback()
    {
        lock (gate)
        {
            if (IsOpen) RollbackLocked();
        }
    }

    private void RollbackLocked()
    {
        IsOpen = false;
        using (changes.Enter(write: true)) UndoUnderLock();
    }

    private void UndoUnderLock()
    {
        changes.Rollback();
        writes.Clear();
        // Nodes the undo recreated (and those it removed) are indexed again, as for a failed single write.
        engine.NodesChanged?.Invoke(changes.ChangedNodes);
    }

    private void Remember(string statement, IReadOnlyDictionary<string, object?> parameters, StatementClock clock)
    {
        // Checked now, as an auto-commit write is, so that Commit does not fail on what could be known here.
        SavedParameters.Encode(parameters);
        writes.Add(new SavedStatement(statement, parameters, clock));
    }

    private void ThrowIfClosed()
    {
        if (!IsOpen)
            throw new CypherException("TransactionNotFound", "TransactionClosed", "The transaction has been committed or rolled back.", null);
    }
}

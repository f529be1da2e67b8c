using Graph.Cypher;

namespace Graph.Web.Hosting;

/// <summary>The Cypher engine cannot read the configured store.</summary>
public sealed class QueryEngineUnavailableException(string message) : Exception(message);

/// <summary>Another writer holds the graph (an open write transaction) for longer than this request would wait.</summary>
public sealed class WriterLeaseTimeoutException(string message) : Exception(message);

/// <summary>
/// Runs Cypher for the Query API over the open graph. The engine is synchronous, so each query runs on a
/// thread of its own (see <see cref="DedicatedThread"/>). Read-only queries give way to writes
/// (<see cref="WriterPriority"/>); a query that may write holds writers' priority while it runs.
/// </summary>
/// <remarks>
/// Writers take turns through one lease: an auto-commit write holds it while it runs, an explicit write
/// transaction from its begin to its end (see <see cref="QueryTransactions"/>). So nothing else writes while a
/// transaction is open: what it read before its first write is still true when it writes, and its undo log
/// takes back only its own changes.
/// </remarks>
public sealed class QueryEngine(Func<CypherEngine?> engine, WriterPriority priority)
{
    private readonly SemaphoreSlim writerLease = new(1, 1);
    private long committedWrites;

    /// <summary>The engine this request may use: writable for whoever may write, read-only for everyone else.</summary>
    public CypherEngine Current() => engine() ?? throw new QueryEngineUnavailableException(
        "The Cypher engine cannot read this store yet; the explorer's other views work without it.");

    /// <summary>The bookmark of the graph as it is now: Neo4j's clients send it back, and every one of ours is already reached on this single server.</summary>
    public string Bookmark => Bookmarks.Of(Interlocked.Read(ref committedWrites));

    /// <summary>Runs <paramref name="statement"/>; with <paramref name="readOnly"/> (the client asked for read access) it runs read-only whatever the engine allows.</summary>
    public Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?> parameters, bool readOnly, CancellationToken cancellationToken)
    {
        var current = Current();
        var options = readOnly && !current.Options.ReadOnly ? current.Options with { ReadOnly = true } : current.Options;
        if (options.ReadOnly)
        {
            return priority.ReadAsync(token => DedicatedThread.Run("cypher read", () => current.Execute(statement, parameters, options, token)), cancellationToken);
        }
        return WriteAsync(current, statement, parameters, options, cancellationToken);
    }

    private async Task<CypherResult> WriteAsync(CypherEngine current, string statement, IReadOnlyDictionary<string, object?> parameters, CypherOptions options, CancellationToken cancellationToken)
    {
        using (await TakeWriterLeaseAsync(cancellationToken))
        using (priority.EnterWrite())
        {
            var result = await DedicatedThread.Run("cypher write", () => current.Execute(statement, parameters, options, cancellationToken));
            if (result.ContainsUpdates) Interlocked.Increment(ref committedWrites);
            return result;
        }
    }

    /// <summary>Runs a statement of an open transaction; a write transaction already holds the writer lease.</summary>
    public async Task<CypherResult> RunInTransactionAsync(CypherTransaction transaction, string statement, IReadOnlyDictionary<string, object?> parameters, bool readOnly, CancellationToken cancellationToken)
    {
        var options = Current().Options;
        if (readOnly && !options.ReadOnly) options = options with { ReadOnly = true };
        if (transaction.ReadOnly || options.ReadOnly)
            return await DedicatedThread.Run("cypher transaction read", () => transaction.Execute(statement, parameters, options, cancellationToken));
        using (priority.EnterWrite())
            return await DedicatedThread.Run("cypher transaction write", () => transaction.Execute(statement, parameters, options, cancellationToken));
    }

    /// <summary>Commits on a thread of its own (saving may wait on the disk); counts the commit for bookmarks.</summary>
    public async Task CommitAsync(CypherTransaction transaction)
    {
        var wrote = transaction.HasWrites;
        await DedicatedThread.Run("cypher commit", transaction.Commit);
        if (wrote) Interlocked.Increment(ref committedWrites);
    }

    /// <summary>
    /// Waits for the writer lease until <paramref name="cancellationToken"/> (the request's deadline) fires; the
    /// returned handle gives it back.
    /// </summary>
    public async Task<IDisposable> TakeWriterLeaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await writerLease.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw new WriterLeaseTimeoutException(
                "Another client's explicit transaction is writing to the graph; this write waited for it until its time ran out. Try again once that transaction ends.");
        }
        return new Lease(writerLease);
    }

    private sealed class Lease(SemaphoreSlim lease) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) lease.Release();
        }
    }
}

/// <summary>Bookmarks as this server writes them: <c>FB:graph:N</c>, N the writes committed since it started.</summary>
public static class Bookmarks
{
    private const string Prefix = "FB:graph:";

    public static string Of(long writes) => Prefix + writes.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="bookmark"/> is one this server wrote (any other is refused as Neo4j refuses a foreign one).</summary>
    public static bool IsOurs(string bookmark) =>
        bookmark.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(bookmark.AsSpan(Prefix.Length), out var n) && n >= 0;
}

namespace Graph.Neo4j.QueryApi;

/// <summary>
/// A client for Neo4j's HTTP Query API: implicit (auto-commit) statements and explicit transactions.
/// Bookmarks of each completed write are passed along with the next request, so a client reads its own writes.
/// </summary>
public interface IQueryApiClient
{
    /// <summary>Runs one statement in its own transaction, retrying on Neo.TransientError.*.</summary>
    Task<QueryResult> RunAsync(
        string statement, IReadOnlyDictionary<string, object?>? parameters = null, AccessMode accessMode = AccessMode.Write,
        CancellationToken cancellationToken = default);

    /// <summary>Opens an explicit transaction; dispose without commit rolls it back.</summary>
    Task<IQueryApiTransaction> BeginTransactionAsync(AccessMode accessMode = AccessMode.Write, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/> in an explicit transaction and commits it. When a statement or the commit
    /// fails with Neo.TransientError.*, the transaction is rolled back and the whole work runs again after a backoff.
    /// </summary>
    Task<T> ExecuteInTransactionAsync<T>(
        Func<IQueryApiTransaction, CancellationToken, Task<T>> work, AccessMode accessMode = AccessMode.Write,
        CancellationToken cancellationToken = default);

    /// <summary>The bookmarks of the last committed work, sent with every new transaction.</summary>
    IReadOnlyList<string> Bookmarks { get; }
}

/// <summary>An open explicit transaction.</summary>
public interface IQueryApiTransaction : IAsyncDisposable
{
    string Id { get; }

    Task<QueryResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default);

    Task CommitAsync(CancellationToken cancellationToken = default);

    Task RollbackAsync(CancellationToken cancellationToken = default);
}

namespace Graph.Neo4j.QueryApi;

/// <summary>
/// A "transaction" whose statements each commit on their own, for Query API servers without the
/// <c>/tx</c> endpoints (see <see cref="QueryApiOptions.ExplicitTransactions"/>). Nothing is atomic:
/// a failure leaves the statements before it committed, and rollback cannot undo them.
/// </summary>
internal sealed class AutoCommitTransaction(QueryApiClient client, AccessMode accessMode) : IQueryApiTransaction
{
    public string Id => "auto-commit";

    public Task<QueryResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default) =>
        client.RunOnceAsync(statement, parameters, accessMode, cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RollbackAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

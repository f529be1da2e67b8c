namespace Graph.Neo4j.QueryApi;

/// <summary>
/// An explicit transaction at <c>/db/{db}/query/v2/tx/{id}</c>, echoing the cluster affinity it was given.
/// A transaction whose request timed out, broke off or was cancelled is rolled back at once (DELETE), so that
/// its locks do not wait for the server's idle timeout; one the server answered with an error is already gone.
/// </summary>
internal sealed class QueryApiTransaction(QueryApiClient client, string id, string? affinity) : IQueryApiTransaction
{
    private bool _completed;

    public string Id { get; } = id;

    public async Task<QueryResult> RunAsync(
        string statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        var body = QueryApiClient.RequestBody(statement, parameters, accessMode: null, bookmarks: null);
        var response = await SendOrRollBackAsync(client.TransactionUri(Uri.EscapeDataString(Id)), body, cancellationToken).ConfigureAwait(false);
        return response.Result;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        // An empty JSON object: a commit without a final statement.
        var body = QueryApiClient.RequestBody(statement: null, parameters: null, accessMode: null, bookmarks: null);
        var response = await SendOrRollBackAsync(client.TransactionUri(Uri.EscapeDataString(Id) + "/commit"), body, cancellationToken).ConfigureAwait(false);
        _completed = true;
        client.RememberBookmarks(response.Result.Bookmarks);
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        if (_completed) return;
        _completed = true;
        await client.SendAsync(HttpMethod.Delete, client.TransactionUri(Uri.EscapeDataString(Id)), body: null, affinity, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed) await RollBackQuietlyAsync().ConfigureAwait(false);
    }

    private async Task<QueryApiResponse> SendOrRollBackAsync(Uri uri, byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(HttpMethod.Post, uri, body, affinity, cancellationToken).ConfigureAwait(false);
        }
        catch (QueryApiException e) when (e.Code.StartsWith("Neo.", StringComparison.Ordinal))
        {
            // Neo4j answered with one of its errors: it has rolled the transaction back itself.
            _completed = true;
            throw;
        }
        catch (Exception e) when (e is QueryApiException or OperationCanceledException)
        {
            // A timeout, a broken connection, a bare HTTP error or the caller's cancellation: the statement may
            // still hold locks on the server, so end the transaction now rather than at its idle timeout.
            await RollBackQuietlyAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A rollback that cannot outlive a short timeout nor throw: it is cleanup on the way out of a failure.</summary>
    private async Task RollBackQuietlyAsync()
    {
        using var timeout = new CancellationTokenSource(QueryApiClient.RollbackTimeout);
        try
        {
            await RollbackAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is QueryApiException or OperationCanceledException)
        {
            // Best effort: the server rolls back idle transactions itself after its timeout.
        }
    }
}

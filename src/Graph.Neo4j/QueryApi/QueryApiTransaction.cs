namespace Graph.Neo4j.QueryApi;

/// <summary>An explicit transaction at <c>/db/{db}/query/v2/tx/{id}</c>, echoing the cluster affinity it was given.</summary>
internal sealed class QueryApiTransaction(QueryApiClient client, string id, string? affinity) : IQueryApiTransaction
{
    private bool _completed;

    public string Id { get; } = id;

    public async Task<QueryResult> RunAsync(
        string statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        try
        {
            var body = QueryApiClient.RequestBody(statement, parameters, accessMode: null, bookmarks: null);
            var response = await client.SendAsync(HttpMethod.Post, client.TransactionUri(Uri.EscapeDataString(Id)), body, affinity, cancellationToken).ConfigureAwait(false);
            return response.Result;
        }
        catch (QueryApiException)
        {
            // The server closes a transaction on error; nothing is left to roll back.
            _completed = true;
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _completed = true;
        // An empty JSON object: a commit without a final statement.
        var body = QueryApiClient.RequestBody(statement: null, parameters: null, accessMode: null, bookmarks: null);
        var response = await client.SendAsync(HttpMethod.Post, client.TransactionUri(Uri.EscapeDataString(Id) + "/commit"), body, affinity, cancellationToken).ConfigureAwait(false);
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
        if (_completed) return;
        try
        {
            await RollbackAsync().ConfigureAwait(false);
        }
        catch (QueryApiException)
        {
            // Best effort: the server rolls back idle transactions itself after its timeout.
        }
    }
}

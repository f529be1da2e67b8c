using Graph.Model;
using Graph.Neo4j.QueryApi;
using Graph.Store;

namespace Graph.Neo4j;

/// <summary>
/// The store contract over a Neo4j database reached through its HTTP Query API. Every node carries the
/// label <see cref="Neo4jSchema.NodeLabel"/> and its id as the property <c>id</c>; a document's ingest is one
/// explicit transaction of <c>UNWIND $rows</c> batches with parameters only (see <see cref="Bookkeeping"/> for
/// how replace and remove know what a document stated).
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore
{
    /// <summary>Rows per UNWIND request: big enough to amortise a round trip, small enough for one request body.</summary>
    internal const int BatchSize = 1000;

    private readonly IQueryApiClient _client;
    private readonly IDisposable? _ownedClient;

    public Neo4jGraphStore(IQueryApiClient client, IDisposable? ownedClient = null)
    {
        _client = client;
        _ownedClient = ownedClient;
    }

    public IQueryApiClient Client => _client;

    /// <summary>
    /// Connects with <paramref name="options"/>, applies the schema (constraints and indexes, idempotent)
    /// and returns the store; it owns and disposes its client.
    /// </summary>
    public static async Task<Neo4jGraphStore> OpenAsync(QueryApiOptions options, bool applySchema = true, CancellationToken cancellationToken = default)
    {
        var client = new QueryApiClient(options);
        try
        {
            if (applySchema) await Neo4jSchema.ApplyAsync(client, cancellationToken).ConfigureAwait(false);
            return new Neo4jGraphStore(client, client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _ownedClient?.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<QueryResult> ReadAsync(string statement, Dictionary<string, object?>? parameters, CancellationToken cancellationToken) =>
        _client.RunAsync(statement, parameters, AccessMode.Read, cancellationToken);

    private static IEnumerable<List<T>> Batches<T>(IEnumerable<T> items)
    {
        var batch = new List<T>(BatchSize);
        foreach (var item in items)
        {
            batch.Add(item);
            if (batch.Count == BatchSize)
            {
                yield return batch;
                batch = new List<T>(BatchSize);
            }
        }
        if (batch.Count > 0) yield return batch;
    }

    private static string? AsString(object? value) => value as string;

    private static GraphNode NodeOf(object? value) => Bookkeeping.ToGraphNode((Neo4jNode)value!);
}

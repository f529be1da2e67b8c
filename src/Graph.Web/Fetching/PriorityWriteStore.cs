using Graph.Model;
using Graph.Store;
using Graph.Web.Hosting;

namespace Graph.Web.Fetching;

/// <summary>
/// The server's open store as a fetch job sees it: reads pass through, and each ingest goes ahead of long reads as an
/// upload's does (<see cref="WriterPriority"/>). Disposing it leaves the store open: the server owns the store.
/// </summary>
internal sealed class PriorityWriteStore(IGraphStore store, WriterPriority priority) : IGraphStore
{
    public async ValueTask<IngestResult> IngestAsync(GraphDocument document, CancellationToken cancellationToken = default)
    {
        using (priority.EnterWrite()) return await store.IngestAsync(document, cancellationToken);
    }

    public async ValueTask<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        using (priority.EnterWrite()) return await store.RemoveDocumentAsync(documentId, cancellationToken);
    }

    public ValueTask<GraphNode?> TryGetNodeAsync(string id, CancellationToken cancellationToken = default) => store.TryGetNodeAsync(id, cancellationToken);

    public ValueTask<IReadOnlyList<GraphRelationship>> GetRelationshipsAsync(string nodeId, Direction direction, IReadOnlyCollection<string>? types = null, int limit = int.MaxValue, CancellationToken cancellationToken = default) =>
        store.GetRelationshipsAsync(nodeId, direction, types, limit, cancellationToken);

    public ValueTask<IReadOnlyList<GraphNode>> FindNodesAsync(string label, string? property = null, object? value = null, int limit = int.MaxValue, CancellationToken cancellationToken = default) =>
        store.FindNodesAsync(label, property, value, limit, cancellationToken);

    public ValueTask<GraphCounts> CountAsync(CancellationToken cancellationToken = default) => store.CountAsync(cancellationToken);

    public ValueTask<GraphData> ReadAllAsync(CancellationToken cancellationToken = default) => store.ReadAllAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

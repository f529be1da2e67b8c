using Graph.Model;
using Graph.Store;
using Graph.Store.Embedded;

namespace Graph.Web.Endpoints;

/// <summary>
/// How many documents cite a document: the weight every node of a response carries. Counted from the
/// document-level CITES (paragraph citations start at a "doc#para" id). Under load this was the API's
/// main cost: a cited hub has thousands of incoming CITES, and reading them through the store contract
/// copies each out as a <see cref="GraphRelationship"/> and sorts them by id, for every document of
/// every answer. On the embedded store the count reads the in-memory graph's adjacency instead.
/// </summary>
internal static class CitationWeights
{
    private static readonly string[] Cites = [RelationshipTypes.Cites];

    public static async ValueTask<long> CountCitingDocumentsAsync(GraphServices graph, string documentId, CancellationToken cancellationToken)
    {
        if (graph.Store is EmbeddedGraphStore embedded) return CountInMemory(embedded, documentId);
        var incoming = await graph.Store.GetRelationshipsAsync(documentId, Direction.Incoming, Cites, cancellationToken: cancellationToken);
        return Count(documentId, incoming);
    }

    /// <summary>The count over relationships already read (the node endpoint reads them all anyway).</summary>
    public static long Count(string documentId, IEnumerable<GraphRelationship> relationships) =>
        relationships.Count(r => r.Type == RelationshipTypes.Cites && r.End == documentId && !r.Start.Contains('#', StringComparison.Ordinal));

    private static long CountInMemory(EmbeddedGraphStore store, string documentId)
    {
        var graph = store.Graph;
        using var _ = graph.EnterRead();
        if (!graph.TryGetNodeId(documentId, out var id)) return 0;
        long count = 0;
        foreach (var relationship in graph.GetRelationships(id, Direction.Incoming, Cites))
        {
            if (relationship.EndId == id && graph.TryGetNode(relationship.StartId, out var start) && start.Key is { } key && !key.Contains('#', StringComparison.Ordinal))
                count++;
        }
        return count;
    }
}

using Graph.Model;
using Graph.Store.Embedded;
using Graph.Store.Memory;

namespace Graph.Store.Services;

/// <summary>
/// Citation chains in the embedded store's memory: the walk runs over internal ids under one read lock and
/// copies out only the documents it keeps (at most the node budget), so a hub's incoming chain costs the
/// budget, not the graph. Rankings read the whole graph anyway and stay with <see cref="CitationService"/>.
/// </summary>
internal sealed class EmbeddedCitationService(EmbeddedGraphStore store) : ICitationService
{
    private static readonly string[] CitesOnly = [RelationshipTypes.Cites];
    private readonly CitationService _rankings = new(store);

    public ValueTask<CitationChain?> TryGetCitationChainAsync(
        string documentId, Direction direction, int depth = 1, CitationFilter? filter = null,
        int maxNodes = CitationChain.DefaultMaxNodes, CancellationToken cancellationToken = default)
    {
        var graph = store.Graph;
        filter ??= CitationFilter.None;
        using var _ = graph.EnterRead();
        if (!graph.TryGetNodeId(documentId, out var startId) || !graph.TryGetNode(startId, out var start))
            return ValueTask.FromResult<CitationChain?>(null);

        var chain = new GraphData();
        chain.Nodes.Add(EmbeddedGraphStore.ToGraphNode(start));
        var kept = new HashSet<long> { startId };
        var relationships = new HashSet<long>();
        var documents = new Dictionary<long, bool>();
        var frontier = new List<long> { startId };
        var truncated = false;
        for (var step = 0; step < depth && frontier.Count > 0 && !truncated; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = new List<long>();
            foreach (var nodeId in frontier)
            {
                foreach (var relationshipId in graph.GetRelationshipIds(nodeId, direction, CitesOnly))
                {
                    graph.TryGetRelationship(relationshipId, out var relationship);
                    var other = relationship.OtherEnd(nodeId);
                    // Document-level citations only: a paragraph's CITES (its start is not a document) is not followed.
                    if (!IsDocument(graph, other, documents) || !IsDocument(graph, relationship.StartId, documents)) continue;
                    if (filter != CitationFilter.None && graph.TryGetNode(other, out var candidate) && !DocumentFilters.Matches(candidate.Properties, filter)) continue;
                    if (!kept.Contains(other))
                    {
                        if (kept.Count >= maxNodes)
                        {
                            truncated = true;
                            break;
                        }
                        kept.Add(other);
                        graph.TryGetNode(other, out var document);
                        chain.Nodes.Add(EmbeddedGraphStore.ToGraphNode(document));
                        next.Add(other);
                    }
                    if (relationships.Add(relationshipId)) chain.Relationships.Add(store.ToGraphRelationship(relationship));
                }
                if (truncated) break;
            }
            frontier = next;
        }
        return ValueTask.FromResult<CitationChain?>(new CitationChain(chain, truncated));
    }

    public ValueTask<IReadOnlyList<RankedDocument>> GetMostCitedAsync(
        int limit = 20, CitationFilter? filter = null, CancellationToken cancellationToken = default) =>
        _rankings.GetMostCitedAsync(limit, filter, cancellationToken);

    public ValueTask<IReadOnlyList<RankedDocument>> GetPageRankAsync(
        int limit = 20, CitationFilter? filter = null, CancellationToken cancellationToken = default) =>
        _rankings.GetPageRankAsync(limit, filter, cancellationToken);

    /// <summary>Whether a node is a document, remembered for the walk: hubs are asked about again and again.</summary>
    private static bool IsDocument(MemoryGraph graph, long nodeId, Dictionary<long, bool> documents)
    {
        if (documents.TryGetValue(nodeId, out var known)) return known;
        return documents[nodeId] = graph.TryGetNode(nodeId, out var node) && node.HasLabel(Labels.Document);
    }
}

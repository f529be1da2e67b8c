using Graph.Model;

namespace Graph.Store.Services;

/// <summary>
/// Citation chains and rankings through any <see cref="IGraphReader"/>, over the document-level CITES
/// relationships (Document → Document); paragraph-level CITES are not followed.
/// </summary>
public sealed class CitationService(IGraphReader reader) : ICitationService
{
    private static readonly string[] CitesOnly = [RelationshipTypes.Cites];

    public async ValueTask<CitationChain?> TryGetCitationChainAsync(
        string documentId, Direction direction, int depth = 1, CitationFilter? filter = null,
        int maxNodes = CitationChain.DefaultMaxNodes, CancellationToken cancellationToken = default)
    {
        var start = await reader.TryGetNodeAsync(documentId, cancellationToken).ConfigureAwait(false);
        if (start is null) return null;
        filter ??= CitationFilter.None;
        var documents = new DocumentCache(reader);
        var graph = new GraphData();
        graph.Nodes.Add(start);
        var kept = new HashSet<string>(StringComparer.Ordinal) { documentId };
        var relationships = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new List<string> { documentId };
        for (var step = 0; step < depth && frontier.Count > 0; step++)
        {
            var next = new List<string>();
            foreach (var nodeId in frontier)
            {
                foreach (var relationship in await reader.GetRelationshipsAsync(nodeId, direction, CitesOnly, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    var other = relationship.Start == nodeId ? relationship.End : relationship.Start;
                    var document = await documents.TryGetDocumentAsync(other, cancellationToken).ConfigureAwait(false);
                    if (document is null || !DocumentFilters.Matches(document, filter)) continue;
                    if (!await documents.IsDocumentAsync(relationship.Start, cancellationToken).ConfigureAwait(false)) continue;
                    if (!kept.Contains(other))
                    {
                        if (kept.Count >= maxNodes) return new CitationChain(graph, Truncated: true);
                        kept.Add(other);
                        graph.Nodes.Add(document);
                        next.Add(other);
                    }
                    if (relationships.Add(relationship.Id)) graph.Relationships.Add(relationship);
                }
            }
            frontier = next;
        }
        return new CitationChain(graph, Truncated: false);
    }

    public async ValueTask<IReadOnlyList<RankedDocument>> GetMostCitedAsync(
        int limit = 20, CitationFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= CitationFilter.None;
        var documents = new DocumentCache(reader);
        var ranked = new List<RankedDocument>();
        foreach (var document in await reader.FindNodesAsync(Labels.Document, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!DocumentFilters.Matches(document, filter)) continue;
            documents.Remember(document);
            var citing = new HashSet<string>(StringComparer.Ordinal);
            foreach (var relationship in await reader.GetRelationshipsAsync(document.Id, Direction.Incoming, CitesOnly, cancellationToken: cancellationToken).ConfigureAwait(false))
                if (await documents.IsDocumentAsync(relationship.Start, cancellationToken).ConfigureAwait(false)) citing.Add(relationship.Start);
            if (citing.Count > 0) ranked.Add(CitationRanking.Rank(document, citing.Count));
        }
        return CitationRanking.Top(ranked, limit);
    }

    public async ValueTask<IReadOnlyList<RankedDocument>> GetPageRankAsync(
        int limit = 20, CitationFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var documents = await reader.FindNodesAsync(Labels.Document, cancellationToken: cancellationToken).ConfigureAwait(false);
        var citations = new List<(string Citing, string Cited)>();
        foreach (var document in documents)
            foreach (var relationship in await reader.GetRelationshipsAsync(document.Id, Direction.Outgoing, CitesOnly, cancellationToken: cancellationToken).ConfigureAwait(false))
                citations.Add((document.Id, relationship.End));
        return CitationRanking.PageRank(documents, citations, filter ?? CitationFilter.None, limit);
    }

    /// <summary>Remembers which ids are documents, since chains and rankings ask about the same nodes often.</summary>
    private sealed class DocumentCache(IGraphReader reader)
    {
        private readonly Dictionary<string, GraphNode?> _documents = new(StringComparer.Ordinal);

        public void Remember(GraphNode document) => _documents[document.Id] = document;

        public async ValueTask<GraphNode?> TryGetDocumentAsync(string id, CancellationToken cancellationToken)
        {
            if (_documents.TryGetValue(id, out var known)) return known;
            var node = await reader.TryGetNodeAsync(id, cancellationToken).ConfigureAwait(false);
            return _documents[id] = node is not null && node.HasLabel(Labels.Document) ? node : null;
        }

        public async ValueTask<bool> IsDocumentAsync(string id, CancellationToken cancellationToken) =>
            await TryGetDocumentAsync(id, cancellationToken).ConfigureAwait(false) is not null;
    }
}

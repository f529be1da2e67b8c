using Graph.Model;
using QuikGraph;
using QuikGraph.Algorithms.Ranking;

namespace Graph.Store.Services;

/// <summary>
/// Citation chains and rankings through any <see cref="IGraphReader"/>, over the document-level CITES
/// relationships (Document → Document); paragraph-level CITES are not followed.
/// </summary>
public sealed class CitationService(IGraphReader reader) : ICitationService
{
    private static readonly string[] CitesOnly = [RelationshipTypes.Cites];

    public async ValueTask<GraphData?> TryGetCitationChainAsync(
        string documentId, Direction direction, int depth = 1, CitationFilter? filter = null,
        CancellationToken cancellationToken = default)
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
                    if (document is null || !Matches(document, filter)) continue;
                    if (!await documents.IsDocumentAsync(relationship.Start, cancellationToken).ConfigureAwait(false)) continue;
                    if (relationships.Add(relationship.Id)) graph.Relationships.Add(relationship);
                    if (!kept.Add(other)) continue;
                    graph.Nodes.Add(document);
                    next.Add(other);
                }
            }
            frontier = next;
        }
        return graph;
    }

    public async ValueTask<IReadOnlyList<RankedDocument>> GetMostCitedAsync(
        int limit = 20, CitationFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= CitationFilter.None;
        var documents = new DocumentCache(reader);
        var ranked = new List<RankedDocument>();
        foreach (var document in await reader.FindNodesAsync(Labels.Document, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!Matches(document, filter)) continue;
            documents.Remember(document);
            var citing = new HashSet<string>(StringComparer.Ordinal);
            foreach (var relationship in await reader.GetRelationshipsAsync(document.Id, Direction.Incoming, CitesOnly, cancellationToken: cancellationToken).ConfigureAwait(false))
                if (await documents.IsDocumentAsync(relationship.Start, cancellationToken).ConfigureAwait(false)) citing.Add(relationship.Start);
            if (citing.Count > 0) ranked.Add(Rank(document, citing.Count));
        }
        return [.. ranked.OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal).Take(limit)];
    }

    public async ValueTask<IReadOnlyList<RankedDocument>> GetPageRankAsync(
        int limit = 20, CitationFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= CitationFilter.None;
        var graph = new BidirectionalGraph<string, SEquatableEdge<string>>(allowParallelEdges: false);
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var document in await reader.FindNodesAsync(Labels.Document, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            nodes[document.Id] = document;
            graph.AddVertex(document.Id);
        }
        foreach (var id in nodes.Keys)
            foreach (var relationship in await reader.GetRelationshipsAsync(id, Direction.Outgoing, CitesOnly, cancellationToken: cancellationToken).ConfigureAwait(false))
                if (relationship.End != id && nodes.ContainsKey(relationship.End))
                    graph.AddEdge(new SEquatableEdge<string>(id, relationship.End));
        if (graph.VertexCount == 0) return [];

        var algorithm = new PageRankAlgorithm<string, SEquatableEdge<string>>(graph) { Damping = 0.85, Tolerance = 1e-9, MaxIterations = 200 };
        algorithm.Compute();
        // QuikGraph's ranks are not normalised (each starts at 1 - damping); scale them to a distribution.
        var total = algorithm.Ranks.Values.Sum();
        return [.. algorithm.Ranks
            .Where(p => Matches(nodes[p.Key], filter))
            .Select(p => Rank(nodes[p.Key], total > 0 ? p.Value / total : 0))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Take(limit)];
    }

    internal static bool Matches(GraphNode document, CitationFilter filter)
    {
        if (filter.Body is { } body && !string.Equals(document.GetString("body"), body, StringComparison.OrdinalIgnoreCase)) return false;
        if (filter.Kind is { } kind && !string.Equals(document.GetString("kind"), kind, StringComparison.OrdinalIgnoreCase)) return false;
        if (filter.FromYear is null && filter.ToYear is null) return true;
        if (YearOf(document) is not { } year) return false;
        return year >= (filter.FromYear ?? long.MinValue) && year <= (filter.ToYear ?? long.MaxValue);
    }

    /// <summary>The document's <c>year</c>, or the year of its adoption or distribution date.</summary>
    internal static long? YearOf(GraphNode node)
    {
        if (node.Properties.TryGetValue("year", out var value))
        {
            switch (value)
            {
                case long l: return l;
                case double d: return (long)d;
                case string s when long.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var parsed): return parsed;
            }
        }
        foreach (var key in (string[])["adoptionDate", "distributionDate", "date"])
            if (node.GetString(key) is { Length: >= 4 } date && long.TryParse(date.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture, out var year))
                return year;
        return null;
    }

    private static RankedDocument Rank(GraphNode document, double score) => new(
        document.Id, document.GetString("title"), document.GetString("kind"), document.GetString("body"),
        YearOf(document), document.IsStub, score);

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

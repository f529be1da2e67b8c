using Graph.Model;
using QuikGraph;
using QuikGraph.Algorithms.Ranking;

namespace Graph.Store.Services;

/// <summary>
/// Turns documents and their citation counts or citation edges into <see cref="RankedDocument"/> lists,
/// so every store scores, filters and orders rankings the same way; only how the inputs are read differs.
/// </summary>
public static class CitationRanking
{
    /// <summary>The ranking entry for <paramref name="document"/> with <paramref name="score"/>.</summary>
    public static RankedDocument Rank(GraphNode document, double score) => new(
        document.Id, document.GetString("title"), document.GetString("kind"), document.GetString("body"),
        DocumentFilters.YearOf(document), document.IsStub, score);

    /// <summary>Highest score first, then by id, at most <paramref name="limit"/> (none when it is not positive).</summary>
    public static IReadOnlyList<RankedDocument> Top(IEnumerable<RankedDocument> ranked, int limit) =>
        [.. ranked.OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal).Take(Math.Max(0, limit))];

    /// <summary>
    /// PageRank (damping 0.85) over <paramref name="documents"/> (added as vertices in the order given) and the
    /// citing → cited <paramref name="citations"/> between them; self-citations and edges to unknown documents
    /// are ignored. Scores are normalised to a distribution before the filter picks the documents returned.
    /// </summary>
    public static IReadOnlyList<RankedDocument> PageRank(
        IEnumerable<GraphNode> documents, IEnumerable<(string Citing, string Cited)> citations, CitationFilter filter, int limit)
    {
        var graph = new BidirectionalGraph<string, SEquatableEdge<string>>(allowParallelEdges: false);
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            nodes[document.Id] = document;
            graph.AddVertex(document.Id);
        }
        foreach (var (citing, cited) in citations)
            if (citing != cited && nodes.ContainsKey(citing) && nodes.ContainsKey(cited))
                graph.AddEdge(new SEquatableEdge<string>(citing, cited));
        if (graph.VertexCount == 0) return [];

        var algorithm = new PageRankAlgorithm<string, SEquatableEdge<string>>(graph) { Damping = 0.85, Tolerance = 1e-9, MaxIterations = 200 };
        algorithm.Compute();
        // QuikGraph's ranks are not normalised (each starts at 1 - damping); scale them to a distribution.
        var total = algorithm.Ranks.Values.Sum();
        return Top(algorithm.Ranks
            .Where(p => DocumentFilters.Matches(nodes[p.Key], filter))
            .Select(p => Rank(nodes[p.Key], total > 0 ? p.Value / total : 0)), limit);
    }
}

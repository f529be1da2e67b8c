using Graph.Model;

namespace Graph.Store;

/// <summary>
/// Which documents a citation query keeps. Null members do not filter. Years are inclusive and
/// compare with the document's <c>year</c> property (documents without a year pass a year filter
/// only when it is absent). Body and kind compare case-insensitively with the <c>body</c> and
/// <c>kind</c> properties ("General Assembly", "resolution").
/// </summary>
public sealed record CitationFilter(string? Body = null, string? Kind = null, long? FromYear = null, long? ToYear = null)
{
    public static readonly CitationFilter None = new();
}

/// <summary>
/// A citation chain: the start document first, then the documents reached in breadth-first order, and the
/// document-level CITES between them. <see cref="Truncated"/> when the node budget stopped the walk before
/// every document within the depth was reached (documents further away, or later in the last step, are left out).
/// </summary>
public sealed record CitationChain(GraphData Graph, bool Truncated)
{
    /// <summary>Documents a chain keeps unless asked otherwise: as many as the explorer can lay out readably.</summary>
    public const int DefaultMaxNodes = 1000;
}

/// <summary>A document with a score: a citation count or a PageRank.</summary>
public sealed record RankedDocument(
    string Id, string? Title, string? Kind, string? Body, long? Year, bool Stub, double Score);

/// <summary>Citation chains and rankings over the document-level CITES relationships.</summary>
public interface ICitationService
{
    /// <summary>
    /// What <paramref name="documentId"/> cites (<see cref="Direction.Outgoing"/>), what cites it
    /// (<see cref="Direction.Incoming"/>) or both, transitively up to <paramref name="depth"/> steps
    /// (1 = direct citations), breadth-first so the nearest documents come first. Only documents passing
    /// <paramref name="filter"/> are kept and followed; the start document is always kept. The walk stops
    /// once <paramref name="maxNodes"/> documents (the start included) are kept, and the chain then says it
    /// is <see cref="CitationChain.Truncated"/>: a hub's incoming chain reaches most of the graph within a
    /// few steps. Null when the document does not exist.
    /// </summary>
    ValueTask<CitationChain?> TryGetCitationChainAsync(
        string documentId, Direction direction, int depth = 1, CitationFilter? filter = null,
        int maxNodes = CitationChain.DefaultMaxNodes, CancellationToken cancellationToken = default);

    /// <summary>Documents by the number of distinct documents citing them, most cited first.</summary>
    ValueTask<IReadOnlyList<RankedDocument>> GetMostCitedAsync(
        int limit = 20, CitationFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Documents by PageRank over document-level CITES (damping 0.85), highest first; scores sum to 1.</summary>
    ValueTask<IReadOnlyList<RankedDocument>> GetPageRankAsync(
        int limit = 20, CitationFilter? filter = null, CancellationToken cancellationToken = default);
}

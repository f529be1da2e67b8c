namespace Graph.Store;

/// <summary>How a paragraph changed between two documents of a series.</summary>
public enum ParagraphChangeKind
{
    /// <summary>Same words (footnote marks and whitespace aside), same relative place.</summary>
    Unchanged,

    /// <summary>Matched to a paragraph of the other document, with different words.</summary>
    Reworded,

    /// <summary>Only in the later document.</summary>
    Inserted,

    /// <summary>Only in the earlier document.</summary>
    Deleted,

    /// <summary>Matched, but out of order relative to the other matched paragraphs (possibly also reworded).</summary>
    Moved,
}

/// <summary>Whether a diff segment's words are in both versions, only the earlier or only the later.</summary>
public enum DiffOperation
{
    Same,
    Deleted,
    Inserted,
}

/// <summary>A run of words of a word-level diff, with the whitespace between them.</summary>
public sealed record DiffSegment(DiffOperation Operation, string Text);

/// <summary>
/// One paragraph of an evolution: <see cref="FromId"/> is null when inserted, <see cref="ToId"/> null when
/// deleted. <see cref="Diff"/> is the word-level diff for matched paragraphs (empty otherwise);
/// <see cref="Similarity"/> is the share of words in common (1 = same words).
/// </summary>
public sealed record ParagraphChange(
    ParagraphChangeKind Kind,
    string ParagraphKind,
    string? FromId,
    string? ToId,
    string? FromNumber,
    string? ToNumber,
    string? FromText,
    string? ToText,
    double Similarity,
    IReadOnlyList<DiffSegment> Diff);

/// <summary>
/// The evolution from one document of a series to a later one: paragraph changes in the order of the
/// later document, each deleted paragraph placed after the paragraph that preceded it.
/// </summary>
public sealed record MandateEvolution(string FromId, string ToId, IReadOnlyList<ParagraphChange> Changes)
{
    public int Count(ParagraphChangeKind kind) => Changes.Count(c => c.Kind == kind);
}

/// <summary>Mandate evolution: how the paragraphs of a series' resolutions changed.</summary>
public interface IEvolutionService
{
    /// <summary>
    /// Aligns the preambular and operative paragraphs of two documents and classifies each.
    /// Null when either document is unknown or has no paragraphs (a stub).
    /// </summary>
    ValueTask<MandateEvolution?> TryCompareAsync(string fromId, string toId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Consecutive comparisons along a series timeline (see <see cref="ISeriesService"/>), skipping documents
    /// without paragraphs. Empty when the series is unknown or has fewer than two full documents.
    /// </summary>
    ValueTask<IReadOnlyList<MandateEvolution>> CompareSeriesAsync(string seriesOrDocumentId, CancellationToken cancellationToken = default);
}

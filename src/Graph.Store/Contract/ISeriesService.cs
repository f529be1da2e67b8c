using Graph.Model;

namespace Graph.Store;

/// <summary>One resolution of a series timeline.</summary>
public sealed record TimelineEntry(string DocumentId, string? Title, string? AdoptionDate, long? Year, bool Stub);

/// <summary>
/// A series in order: entries oldest first (by adoption date, then year, then symbol), and the
/// subgraph of those documents with the SUCCEEDS and IN_SERIES relationships between them.
/// </summary>
public sealed record SeriesTimeline(string? SeriesId, string? Title, IReadOnlyList<TimelineEntry> Entries, GraphData Graph);

/// <summary>Series of resolutions (the SUCCEEDS chain).</summary>
public interface ISeriesService
{
    /// <summary>
    /// The timeline of a series, given the series node (<c>series:&lt;slug&gt;</c>) or any document of it:
    /// every document reached through IN_SERIES and SUCCEEDS (either way), stubs included.
    /// Null when the id is unknown.
    /// </summary>
    ValueTask<SeriesTimeline?> TryGetTimelineAsync(string seriesOrDocumentId, CancellationToken cancellationToken = default);
}

using Graph.Store;

namespace Graph.Sources.Fetching;

/// <summary>
/// What to fetch: the symbols asked for, how far to follow what they cite, whether to complete their series, and
/// the most documents one run may download (documents already in the cache do not count).
/// </summary>
public sealed record FetchRequest(IReadOnlyList<string> Symbols, int CitedDepth = 0, bool Series = false, int MaxDownloads = 100);

/// <summary>What happened to one symbol.</summary>
public enum FetchOutcome
{
    /// <summary>Downloaded from the ODS, extracted and ingested.</summary>
    Fetched,

    /// <summary>Taken from the cache (no request), extracted and ingested.</summary>
    Cached,

    /// <summary>The ODS does not have it (404, a page that is not a file, or a file of another document); nothing ingested.</summary>
    Missing,

    /// <summary>The ODS or the store failed beyond retries, or the file could not be extracted; nothing ingested.</summary>
    Failed,

    /// <summary>Not downloaded: the run's download limit was reached.</summary>
    Skipped,
}

/// <summary>One symbol's result: why it was fetched (asked, cited by, in the series of), what came of it, and from where.</summary>
public sealed record FetchResult(string Symbol, string Reason, FetchOutcome Outcome, string? Format, string? Detail, IngestOutcome? Ingest);

/// <summary>
/// Progress of a run: symbols finished of those known so far (the total grows as citations are followed), the one
/// being worked on, and, when a symbol has just finished, its result (so a watcher can show outcomes as they come).
/// </summary>
public sealed record FetchProgress(int Done, int Known, string? Current, FetchResult? Finished = null);

/// <summary>The results of a run, in the order the symbols were finished, and notes (the library unavailable, say).</summary>
public sealed class FetchReport
{
    public List<FetchResult> Results { get; } = [];

    public List<string> Notes { get; } = [];

    public int Count(FetchOutcome outcome) => Results.Count(r => r.Outcome == outcome);
}

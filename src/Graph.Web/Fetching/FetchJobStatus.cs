using Graph.Sources.Fetching;

namespace Graph.Web.Fetching;

/// <summary>What <c>POST /api/fetch</c> takes: the symbols, how far to follow what they cite, whether to complete their series.</summary>
public sealed record FetchJobRequest(IReadOnlyList<string>? Symbols, int? CitedDepth, bool? Series);

/// <summary>
/// A fetch job as <c>GET /api/fetch/{id}</c> shows it. Status: queued, running, completed, failed (the job stopped on
/// an error) or cancelled (the server stopped). Position: jobs ahead of it while it is queued. Counts: symbols finished
/// by outcome (fetched, cached, missing, failed, skipped); Results: each of them, in the order they finished.
/// </summary>
public sealed record FetchJobDto(
    string Id, string Status, IReadOnlyList<string> Symbols, int CitedDepth, bool Series, int? Position,
    FetchProgressDto Progress, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<FetchResultDto> Results,
    IReadOnlyList<string> Notes, string? Error, DateTimeOffset QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

/// <summary>Symbols finished of those known so far (the total grows as citations and series are followed), and the one being worked on.</summary>
public sealed record FetchProgressDto(int Done, int Known, string? Current);

/// <summary>One symbol's outcome (fetched, cached, missing, failed, skipped), why it was asked for, and how the store took it.</summary>
public sealed record FetchResultDto(string Symbol, string Reason, string Outcome, string? Format, string? Detail, string? Ingest);

/// <summary>One job's state, changed by the job's progress on the worker and read by requests; every access holds the lock.</summary>
internal sealed class FetchJobState(string id, FetchRequest request)
{
    private readonly Lock _lock = new();
    private readonly List<FetchResultDto> _results = [];
    private readonly List<string> _notes = [];
    private string _status = "queued";
    private FetchProgressDto _progress = new(0, request.Symbols.Count, null);
    private string? _error;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _finishedAt;

    public string Id { get; } = id;

    public FetchRequest Request { get; } = request;

    public DateTimeOffset QueuedAt { get; } = DateTimeOffset.UtcNow;

    public bool IsFinished
    {
        get { lock (_lock) return _finishedAt is not null; }
    }

    public void Started()
    {
        lock (_lock) (_status, _startedAt) = ("running", DateTimeOffset.UtcNow);
    }

    public void Report(FetchProgress progress)
    {
        lock (_lock)
        {
            _progress = new FetchProgressDto(progress.Done, progress.Known, progress.Current);
            if (progress.Finished is { } r)
                _results.Add(new FetchResultDto(r.Symbol, r.Reason, Name(r.Outcome), r.Format, r.Detail, r.Ingest?.ToString().ToLowerInvariant()));
        }
    }

    public void Completed(FetchReport report)
    {
        lock (_lock)
        {
            _notes.AddRange(report.Notes);
            // The report is the record; progress may have missed nothing, but the report is what the job did.
            _results.Clear();
            _results.AddRange(report.Results.Select(r => new FetchResultDto(r.Symbol, r.Reason, Name(r.Outcome), r.Format, r.Detail, r.Ingest?.ToString().ToLowerInvariant())));
            _progress = _progress with { Done = report.Results.Count, Known = report.Results.Count, Current = null };
            (_status, _finishedAt) = ("completed", DateTimeOffset.UtcNow);
        }
    }

    public void Ended(string status, string? error)
    {
        lock (_lock) (_status, _error, _finishedAt, _progress) = (status, error, DateTimeOffset.UtcNow, _progress with { Current = null });
    }

    public FetchJobDto Snapshot(int? position)
    {
        lock (_lock)
        {
            var counts = Enum.GetValues<FetchOutcome>().ToDictionary(Name, o => _results.Count(r => r.Outcome == Name(o)));
            return new FetchJobDto(Id, _status, Request.Symbols, Request.CitedDepth, Request.Series, _status == "queued" ? position : null,
                _progress, counts, [.. _results], [.. _notes], _error, QueuedAt, _startedAt, _finishedAt);
        }
    }

    private static string Name(FetchOutcome outcome) => outcome.ToString().ToLowerInvariant();
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using Graph.Sources;
using Graph.Sources.Fetching;
using Graph.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Graph.Web.Fetching;

/// <summary>
/// Runs the explorer's fetch jobs in the background, one at a time, against the server's open store (never a second
/// store on the same data folder), so each document lands in the graph, its search index and the Cypher engine as an
/// upload does. A few more jobs may wait (<see cref="GraphOptions.FetchQueue"/>); the last finished ones are kept for
/// their status. The UN sources are created once, over one polite HTTP client shared by every job.
/// </summary>
internal sealed partial class FetchJobs : BackgroundService
{
    /// <summary>Finished jobs kept so that their status can still be read.</summary>
    private const int KeptFinished = 32;

    private readonly Channel<FetchJobState> _queue;
    private readonly ConcurrentDictionary<string, FetchJobState> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly Lazy<UnSources> _sources;
    private readonly GraphHost _host;
    private readonly WriterPriority _priority;
    private readonly GraphOptions _settings;
    private readonly ILogger<FetchJobs> _logger;

    public FetchJobs(GraphHost host, WriterPriority priority, IOptions<GraphOptions> options, ILogger<FetchJobs> logger)
    {
        (_host, _priority, _settings, _logger) = (host, priority, options.Value, logger);
        QueueLength = Math.Max(0, _settings.FetchQueue);
        // The channel holds the waiting jobs (the running one has been taken off it); TryEnqueue counts them.
        _queue = Channel.CreateBounded<FetchJobState>(new BoundedChannelOptions(QueueLength + 1) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        try
        {
            Sources = SourceOptions.FromEnvironment(_settings.OdsUrl, _settings.LibraryUrl);
        }
        catch (ArgumentException e)
        {
            ConfigurationProblem = e.Message;
        }
        _sources = new Lazy<UnSources>(() => new UnSources(Sources!));
    }

    /// <summary>Where documents are fetched from (null when the settings are wrong, see <see cref="ConfigurationProblem"/>).</summary>
    public SourceOptions? Sources { get; }

    /// <summary>Why fetching is off: a base URL in the settings that is not an http(s) URL.</summary>
    public string? ConfigurationProblem { get; }

    public int QueueLength { get; }

    private int _waiting;
    private FetchJobState? _running;

    /// <summary>Queues a job, or answers false when <see cref="QueueLength"/> jobs already wait behind the running one.</summary>
    public bool TryEnqueue(FetchRequest request, out FetchJobState job)
    {
        job = new FetchJobState(Guid.NewGuid().ToString("N"), request);
        if (Interlocked.Increment(ref _waiting) > QueueLength + (Volatile.Read(ref _running) is null ? 1 : 0) || !_queue.Writer.TryWrite(job))
        {
            Interlocked.Decrement(ref _waiting);
            return false;
        }
        _jobs[job.Id] = job;
        _order.Enqueue(job.Id);
        Forget();
        return true;
    }

    public FetchJobDto? TryGet(string id) =>
        _jobs.TryGetValue(id, out var job) ? job.Snapshot(PositionOf(job)) : null;

    /// <summary>Jobs ahead of a queued one: those queued before it that have not started, and the running one.</summary>
    private int PositionOf(FetchJobState job)
    {
        var ahead = _order.TakeWhile(id => id != job.Id).Count(id => _jobs.TryGetValue(id, out var other) && !other.IsFinished);
        return ahead;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                Volatile.Write(ref _running, job);
                Interlocked.Decrement(ref _waiting);
                await RunAsync(job, stoppingToken);
                Volatile.Write(ref _running, null);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
        while (_queue.Reader.TryRead(out var left)) left.Ended("cancelled", "The server stopped before the job ran.");
    }

    private async Task RunAsync(FetchJobState job, CancellationToken stoppingToken)
    {
        job.Started();
        LogStarted(job.Id, string.Join(", ", job.Request.Symbols));
        try
        {
            var store = new PriorityWriteStore(_host.Services.Store, _priority);
            var fetch = _sources.Value.CreateJob(Path.GetFullPath(_settings.DataDir), store);
            var report = await fetch.RunAsync(job.Request, new Progress(job), stoppingToken);
            job.Completed(report);
            LogFinished(job.Id, report.Count(FetchOutcome.Fetched), report.Count(FetchOutcome.Cached), report.Count(FetchOutcome.Missing), report.Count(FetchOutcome.Failed));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            job.Ended("cancelled", "The server stopped during the job; what had landed stays in the graph, and the downloads are cached for the next run.");
        }
#pragma warning disable CA1031 // A job's failure is reported on the job; it must not stop the worker for the jobs after it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(e, job.Id);
            job.Ended("failed", "The fetch stopped on an error: " + e.Message);
        }
    }

    /// <summary>Drops the oldest finished jobs beyond <see cref="KeptFinished"/>.</summary>
    private void Forget()
    {
        var finished = _order.Count(id => _jobs.TryGetValue(id, out var job) && job.IsFinished);
        while (finished > KeptFinished && _order.TryPeek(out var oldest) && _jobs.TryGetValue(oldest, out var job) && job.IsFinished && _order.TryDequeue(out _))
        {
            _jobs.TryRemove(oldest, out _);
            finished--;
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_sources.IsValueCreated) _sources.Value.Dispose();
    }

    /// <summary>Reports on the job's own thread, synchronously, so that the status never lags behind what landed.</summary>
    private sealed class Progress(FetchJobState job) : IProgress<FetchProgress>
    {
        public void Report(FetchProgress value) => job.Report(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetch {Job} started: {Symbols}")]
    private partial void LogStarted(string job, string symbols);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetch {Job} finished: {Fetched} fetched, {Cached} cached, {Missing} missing, {Failed} failed")]
    private partial void LogFinished(string job, int fetched, int cached, int missing, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Fetch {Job} failed")]
    private partial void LogFailed(Exception exception, string job);
}

using Graph.Model;
using Graph.Store;

namespace Graph.Web.Hosting;

/// <summary>Opens the graph services a server uses (the embedded store by default).</summary>
public delegate ValueTask<GraphServices> GraphOpener(GraphOptions options, CancellationToken cancellationToken);

/// <summary>Reads the documents of a corpus folder into graph documents, one per file.</summary>
public delegate IAsyncEnumerable<GraphDocument> CorpusReader(string corpusDir, CancellationToken cancellationToken);

/// <summary>
/// Owns the graph for the server's lifetime: opens the store before the server listens and builds into it
/// each corpus folder it has not built yet (the bundled corpus, then the folders of Graph:CorpusDirs), so that
/// the first start needs no other step and a folder added to the settings later is built at the next start.
/// </summary>
internal sealed partial class GraphHost(
    GraphOpener open, CorpusReader readCorpus, Microsoft.Extensions.Options.IOptions<GraphOptions> options, ILogger<GraphHost> logger)
    : IHostedLifecycleService, IAsyncDisposable
{
    private GraphServices? _services;

    public GraphServices Services => _services ?? throw new InvalidOperationException("The graph is not open yet.");

    /// <summary>The Cypher engine over the open graph, or null when the store offers none.</summary>
    public Graph.Cypher.CypherEngine? Cypher { get; private set; }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _services = await open(settings, cancellationToken);
        Cypher = EmbeddedGraph.TryCreateCypherEngine(_services, settings);
        if (_services.Store is Graph.Store.Embedded.EmbeddedGraphStore embedded)
        {
            LogOpenedFrom(embedded.OpenedFrom);
            foreach (var problem in embedded.OpenProblems) LogOpenProblem(problem);
        }
        var counts = await _services.Store.CountAsync(cancellationToken);
        if (counts.Documents > 0) LogOpened(counts.Documents, counts.Nodes, counts.Relationships);
        var built = new BuiltFolders(Path.GetFullPath(settings.DataDir), storeIsEmpty: counts.Documents == 0);
        foreach (var corpus in CorpusFolders(settings))
        {
            if (!Directory.Exists(corpus))
            {
                LogNoCorpus(corpus);
                continue;
            }
            if (built.Contains(corpus)) continue;
            await BuildFromAsync(corpus, cancellationToken);
            built.Add(corpus);
        }
    }

    /// <summary>
    /// The folders the graph is built from: the bundled corpus (graph/corpus, or <see cref="GraphOptions.CorpusDir"/>)
    /// and then each folder of <see cref="GraphOptions.CorpusDirs"/>.
    /// </summary>
    private static IEnumerable<string> CorpusFolders(GraphOptions settings)
    {
        var bundled = settings.CorpusDir ?? RepositoryPaths.TryFind(Path.Combine("graph", "corpus"), Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        if (bundled is not null) yield return Path.GetFullPath(bundled);
        foreach (var folder in settings.CorpusFolderList()) yield return Path.GetFullPath(folder);
    }

    /// <summary>Extracts and stores every document of one folder; ingest leaves unchanged documents alone, so a repeat is cheap.</summary>
    private async Task BuildFromAsync(string corpus, CancellationToken cancellationToken)
    {
        LogBuilding(corpus);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ingested = 0;
        // Documents are stored in batches (one transaction each on the embedded store) rather than one by one.
        var batch = new List<GraphDocument>(BatchSize);
        await foreach (var document in readCorpus(corpus, cancellationToken))
        {
            batch.Add(document);
            if (batch.Count < BatchSize) continue;
            ingested += await IngestBatchAsync(Services.Store, batch, cancellationToken);
            batch.Clear();
        }
        ingested += await IngestBatchAsync(Services.Store, batch, cancellationToken);
        var counts = await Services.Store.CountAsync(cancellationToken);
        LogBuilt(ingested, corpus, counts.Nodes, counts.Relationships, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private const int BatchSize = 64;

    /// <summary>Stores a batch and answers how many documents landed; a document the store refuses is logged and skipped.</summary>
    private async Task<int> IngestBatchAsync(IGraphStore store, List<GraphDocument> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return 0;
        if (store is Graph.Store.Embedded.EmbeddedGraphStore embedded)
        {
            try
            {
                return (await embedded.IngestBatchAsync(batch, cancellationToken)).Count;
            }
            catch (ArgumentException)
            {
                // The embedded store checks every document before writing any: store this batch one by one
                // so the others land and the refused one is named.
            }
        }
        var ingested = 0;
        foreach (var document in batch)
        {
            try
            {
                await store.IngestAsync(document, cancellationToken);
                ingested++;
            }
            catch (Exception e) when (e is InvalidOperationException or InvalidDataException or ArgumentException or IOException)
            {
                // One document the store refuses must not keep the explorer from starting with the others.
                LogIngestFailed(document.DocumentId, e.Message);
            }
        }
        return ingested;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_services is { } services)
        {
            _services = null;
            await services.Store.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph opened: {Documents} documents, {Nodes} nodes, {Relationships} relationships.")]
    private partial void LogOpened(long documents, long nodes, long relationships);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store was loaded from its {From}")]
    private partial void LogOpenedFrom(string from);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store opened with a problem (`graph check` lists them all): {Problem}")]
    private partial void LogOpenProblem(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "There is no corpus folder at {Corpus}; it is left out of the graph.")]
    private partial void LogNoCorpus(string corpus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Building the graph from {Corpus}…")]
    private partial void LogBuilding(string corpus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ingest {Document}: {Reason}")]
    private partial void LogIngestFailed(string document, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Documents} documents of {Corpus} in {Seconds:F1} s; the graph has {Nodes} nodes, {Relationships} relationships.")]
    private partial void LogBuilt(int documents, string corpus, long nodes, long relationships, double seconds);
}

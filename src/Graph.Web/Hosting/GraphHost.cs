using Graph.Model;
using Graph.Store;

namespace Graph.Web.Hosting;

/// <summary>Opens the graph services a server uses (the embedded store by default).</summary>
public delegate ValueTask<GraphServices> GraphOpener(GraphOptions options, CancellationToken cancellationToken);

/// <summary>Reads the documents of a corpus folder into graph documents, one per file.</summary>
public delegate IAsyncEnumerable<GraphDocument> CorpusReader(string corpusDir, CancellationToken cancellationToken);

/// <summary>
/// Owns the graph for the server's lifetime: opens the store before the server listens and, when the
/// store is empty, builds the graph from the bundled corpus so that the first start needs no other step.
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
            foreach (var problem in embedded.OpenProblems) LogOpenProblem(problem);
        var counts = await _services.Store.CountAsync(cancellationToken);
        if (counts.Documents > 0)
        {
            LogOpened(counts.Documents, counts.Nodes, counts.Relationships);
            return;
        }

        var corpus = settings.CorpusDir ?? RepositoryPaths.TryFind(Path.Combine("graph", "corpus"), Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        if (corpus is null || !Directory.Exists(corpus))
        {
            LogNoCorpus(settings.CorpusDir ?? "graph/corpus");
            return;
        }
        LogBuilding(corpus);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ingested = 0;
        // Documents are stored in batches (one transaction each on the embedded store) rather than one by one.
        var batch = new List<GraphDocument>(BatchSize);
        await foreach (var document in readCorpus(corpus, cancellationToken))
        {
            batch.Add(document);
            if (batch.Count < BatchSize) continue;
            ingested += await IngestBatchAsync(_services.Store, batch, cancellationToken);
            batch.Clear();
        }
        ingested += await IngestBatchAsync(_services.Store, batch, cancellationToken);
        counts = await _services.Store.CountAsync(cancellationToken);
        LogBuilt(ingested, counts.Nodes, counts.Relationships, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store opened with a problem (`graph check` lists them all): {Problem}")]
    private partial void LogOpenProblem(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store is empty and there is no corpus at {Corpus}; the explorer starts with an empty graph.")]
    private partial void LogNoCorpus(string corpus);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store is empty: building the graph from {Corpus}…")]
    private partial void LogBuilding(string corpus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ingest {Document}: {Reason}")]
    private partial void LogIngestFailed(string document, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built the graph from {Documents} documents: {Nodes} nodes, {Relationships} relationships in {Seconds:F1} s.")]
    private partial void LogBuilt(int documents, long nodes, long relationships, double seconds);
}

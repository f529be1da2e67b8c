using Graph.Store.Memory;
using Graph.Store.Services;

namespace Graph.Store.Embedded;

/// <summary>
/// The embedded graph store: a <see cref="MemoryGraph"/> that answers every read, made durable in
/// SQLite (WAL) under a data directory. SQLite holds one row per document with the facts it stated;
/// the merged graph lives only in memory (<see cref="GraphProjection"/>). Writes go to SQLite first, in
/// one transaction per batch of documents, and then to memory; opening the store replays the stored
/// documents into memory. One writer at a time; reads never wait for SQLite.
/// </summary>
public sealed partial class EmbeddedGraphStore : IGraphStore, IDocumentTextReader
{
    /// <summary>The data directory used when none is given.</summary>
    public const string DefaultDirectory = "data";

    private readonly FactDatabase _database;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    private readonly GraphProjection _projection;

    /// <summary>The fingerprint of every stored document, by id: deciding added, replaced or unchanged needs no read.</summary>
    private readonly Dictionary<string, byte[]> _hashes = new(StringComparer.Ordinal);
    private long _documentCount;

    private EmbeddedGraphStore(string directory, FactDatabase database)
    {
        Directory = directory;
        _database = database;
        _projection = new GraphProjection(Graph, database.TryReadFacts);
    }

    /// <summary>The data directory holding the SQLite database.</summary>
    public string Directory { get; }

    /// <summary>
    /// The in-memory graph the store keeps up to date, for the Cypher engine and the services.
    /// Writes made to it directly are not persisted: ingest is the durable path.
    /// </summary>
    public MemoryGraph Graph { get; } = new();

    /// <summary>The search index over <see cref="Graph"/>, kept up to date by ingest and removal (not by writes made to the graph directly).</summary>
    internal SearchIndex SearchIndex { get; } = new();

    /// <summary>
    /// Indexes the graph afresh for search: for a caller that changed <see cref="Graph"/> directly (a
    /// writing Cypher query), which the index, fed by ingest and removal, does not see.
    /// </summary>
    public void RebuildSearchIndex() => SearchIndex.Rebuild(Graph);

    /// <summary>The search index's size: paragraphs indexed and the heap bytes it holds (for benchmarks).</summary>
    public (long Paragraphs, long HeapBytes) SearchIndexSize() => (SearchIndex.Paragraphs, SearchIndex.HeapBytes());

    /// <summary>Opens (creating if needed) the store in <paramref name="directory"/> and loads it into memory.</summary>
    /// <exception cref="InvalidDataException">The directory holds a store this program cannot read.</exception>
    public static EmbeddedGraphStore Open(string? directory = null)
    {
        directory = Path.GetFullPath(directory ?? DefaultDirectory);
        var database = FactDatabase.Open(directory);
        var store = new EmbeddedGraphStore(directory, database);
        try
        {
            store.Load();
            return store;
        }
        catch
        {
            store.Graph.Dispose();
            database.Dispose();
            throw;
        }
    }

    /// <summary>The services over this store: searches read memory directly; the rest go through the read role.</summary>
    public GraphServices CreateServices() => GraphServicesFactory.Create(this, this, new EmbeddedSearchService(Graph, SearchIndex));

    /// <summary>Size in bytes of the database files (database, WAL and shared memory index).</summary>
    public long SizeOnDisk => _database.StoreSizeBytes();

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        Graph.Dispose();
        SearchIndex.Dispose();
        _writeGate.Dispose();
        return ValueTask.CompletedTask;
    }

    public ValueTask<string?> TryGetDocumentTextAsync(string documentId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_database.TryGetCommittedText(documentId));

    internal FactDatabase Database => _database;

    /// <summary>Problems found while loading (a relationship whose end is missing); <c>graph check</c> reports them.</summary>
    internal List<string> LoadProblems { get; } = [];

    /// <summary>
    /// Replays every stored document into memory: a reader thread decodes documents on the other cores
    /// while this one merges them, in chunks, so memory holds only a few chunks of decoded facts at once.
    /// A document whose facts cannot be read is left out and reported by <c>graph check</c>.
    /// </summary>
    private void Load()
    {
        using var decoded = new System.Collections.Concurrent.BlockingCollection<(StoredDocument Row, DocumentFacts? Facts, string? Problem)[]>(boundedCapacity: 2);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            try
            {
                foreach (var chunk in _database.ReadDocuments().Chunk(128))
                    decoded.Add(chunk.AsParallel().AsOrdered().Select(Decode).ToArray(), stop.Token);
            }
            finally
            {
                decoded.CompleteAdding();
            }
        }, stop.Token);
        using (Graph.EnterWrite())
        {
            using var _ = new CancelOnExit(stop);
            foreach (var chunk in decoded.GetConsumingEnumerable())
            {
                foreach (var (row, facts, problem) in chunk)
                {
                    if (facts is null)
                    {
                        LoadProblems.Add($"Document {row.Id}: its stored facts cannot be read ({problem}); ingest it again.");
                        continue;
                    }
                    try
                    {
                        _projection.Apply(row.Id, null, facts);
                        _hashes[row.Id] = row.Hash;
                    }
                    catch (InvalidOperationException error)
                    {
                        LoadProblems.Add($"Document {row.Id}: its facts do not fit the graph ({error.Message}).");
                    }
                }
            }
        }
        reader.GetAwaiter().GetResult();
        _documentCount = _hashes.Count;
        // Indexed once the whole graph is there, rather than node by node as documents replay; from here
        // on the projection tells the index about every node an ingest changes.
        SearchIndex.Rebuild(Graph);
        _projection.Search = SearchIndex;
    }

    private static (StoredDocument, DocumentFacts?, string?) Decode(StoredDocument row)
    {
        try
        {
            return (row, DocumentFacts.Decode(row.Id, row.Facts), null);
        }
        catch (FormatException error)
        {
            return (row, null, error.Message);
        }
    }

    /// <summary>Stops the reader thread when the merging loop ends early, so it never waits on a full queue.</summary>
    private readonly struct CancelOnExit(CancellationTokenSource source) : IDisposable
    {
        public void Dispose()
        {
            if (!source.IsCancellationRequested) source.Cancel();
        }
    }
}

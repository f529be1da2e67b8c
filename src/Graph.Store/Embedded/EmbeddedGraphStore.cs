using Graph.Store.Memory;
using Graph.Store.Services;
using Graph.Store.Snapshot;

namespace Graph.Store.Embedded;

/// <summary>
/// The embedded graph store: a <see cref="MemoryGraph"/> that answers every read, made durable in
/// SQLite (WAL) under a data directory. SQLite holds one row per document with the facts it stated;
/// the merged graph lives only in memory (<see cref="GraphProjection"/>). Writes go to SQLite first, in
/// one transaction per batch of documents, and then to memory; opening the store replays the stored
/// documents into memory. One writer at a time; reads never wait for SQLite. Writes a query makes on the graph
/// (Cypher) are saved beside the documents and made again, in order, after them when the store opens.
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

    /// <summary>Makes saved query writes again; null when whoever opened the store cannot read queries.</summary>
    private readonly SavedWriteReplayer? _replayWrites;

    /// <summary>
    /// Makes again, of a saved write whose effect the snapshot already holds, what lives outside the graph (index and
    /// constraint definitions, which the query engine keeps beside the graph); null when nothing does.
    /// </summary>
    private readonly SavedWriteReplayer? _restoreDefinitions;

    private EmbeddedGraphStore(string directory, FactDatabase database, SavedWriteReplayer? replayWrites, SavedWriteReplayer? restoreDefinitions)
    {
        Directory = directory;
        _database = database;
        _replayWrites = replayWrites;
        _restoreDefinitions = restoreDefinitions;
        _projection = new GraphProjection(Graph, database.TryReadFacts);
    }

    /// <summary>The data directory holding the SQLite database.</summary>
    public string Directory { get; }

    /// <summary>
    /// The in-memory graph the store keeps up to date, for the Cypher engine and the services. A write made
    /// to it directly lasts only if its maker saves it (<see cref="SaveWrite"/>), as the Cypher engine does.
    /// </summary>
    public MemoryGraph Graph { get; } = new();

    /// <summary>The search index over <see cref="Graph"/>, kept up to date by ingest and removal (not by writes made to the graph directly).</summary>
    internal SearchIndex SearchIndex { get; } = new();

    /// <summary>
    /// Indexes for search the nodes a caller created or changed on <see cref="Graph"/> directly (a writing Cypher
    /// query), which the index, fed by ingest and removal, does not see. Deleted nodes need nothing: search checks
    /// every candidate against the graph. Called under the graph's write lock.
    /// </summary>
    public void IndexChangedNodes(IReadOnlyCollection<long> nodeIds)
    {
        SearchIndex.Refresh(Graph, nodeIds);
        if (SearchIndex.WantsRebuild) SearchIndex.Rebuild(Graph);
    }

    /// <summary>How often the search index was built afresh since the store opened (the open included).</summary>
    public int SearchIndexRebuilds => SearchIndex.Rebuilds;

    /// <summary>The search index's size: paragraphs indexed and the heap bytes it holds (for benchmarks).</summary>
    public (long Paragraphs, long HeapBytes) SearchIndexSize() => (SearchIndex.Paragraphs, SearchIndex.HeapBytes());

    /// <summary>
    /// Opens (creating if needed) the store in <paramref name="directory"/> and loads it into memory: the stored
    /// documents, then the saved query writes through <paramref name="replayWrites"/>. Without a replayer, saved
    /// writes are left out and <c>graph check</c> reports them.
    /// </summary>
    /// <param name="directory">The data directory; <see cref="DefaultDirectory"/> when null.</param>
    /// <param name="replayWrites">Makes a saved query write again on the graph.</param>
    /// <param name="restoreDefinitions">
    /// When the store opens from its snapshot, called for each saved write the snapshot already holds, to restore
    /// what that write defined outside the graph (the query engine's indexes and constraints).
    /// </param>
    /// <exception cref="InvalidDataException">The directory holds a store this program cannot read.</exception>
    public static EmbeddedGraphStore Open(string? directory = null, SavedWriteReplayer? replayWrites = null,
        SavedWriteReplayer? restoreDefinitions = null)
    {
        directory = Path.GetFullPath(directory ?? DefaultDirectory);
        var database = FactDatabase.Open(directory);
        EmbeddedGraphStore? store = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            store = new EmbeddedGraphStore(directory, database, replayWrites, restoreDefinitions);
            var writes = database.ReadSavedWrites();
            // On a thread of its own while the snapshot loads (not the pool's: this thread blocks on it).
            var fingerprints = Task.Factory.StartNew(database.ReadFingerprints, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            SnapshotRead read;
            try
            {
                read = store.LoadSnapshot(writes, fingerprints);
            }
            catch (Exception error) when (error is InvalidDataException or EndOfStreamException or IOException
                or UnauthorizedAccessException or StaleSnapshotException or ArgumentException or IndexOutOfRangeException or InvalidOperationException)
            {
                read = error is StaleSnapshotException ? SnapshotRead.Stale(error.Message) : SnapshotRead.Damaged(error.Message);
            }
            finally
            {
                // The database's one connection is the fingerprints' until they are read.
                Task.WaitAny(fingerprints);
            }
            if (read.IsLoaded)
            {
                store.OpenedFromSnapshot = true;
                store.OpenedFrom = $"snapshot ({clock.Elapsed.TotalSeconds:0.00} s)";
            }
            else
            {
                // Whatever the snapshot left in memory goes; the documents are replayed into a fresh graph.
                store.Abandon();
                store = new EmbeddedGraphStore(directory, database, replayWrites, restoreDefinitions);
                store.Load();
                // Indexed once the whole graph is there; from here on the projection tells the index about every
                // node an ingest changes.
                store.SearchIndex.Rebuild(store.Graph);
                store.OpenedFrom = $"replay ({clock.Elapsed.TotalSeconds:0.00} s; snapshot {(read.IsStale ? "stale: " : "not used: ")}{read.Reason})";
                store._snapshotDirty = true;
                store.WriteSnapshotIfDirty();
            }
            store._projection.Search = store.SearchIndex;
            return store;
        }
        catch
        {
            store?.Abandon();
            database.Dispose();
            throw;
        }
    }

    private bool _disposed;

    /// <summary>Lets go of this instance's memory, leaving the database open for another.</summary>
    private void Abandon()
    {
        Graph.Dispose();
        SearchIndex.Dispose();
        _writeGate.Dispose();
    }

    /// <summary>The services over this store: searches read memory directly; the rest go through the read role.</summary>
    public GraphServices CreateServices() => GraphServicesFactory.Create(this, this, new EmbeddedSearchService(Graph, SearchIndex));

    /// <summary>Size in bytes of the database files (database, WAL and shared memory index).</summary>
    public long SizeOnDisk => _database.StoreSizeBytes();

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        // A store that closes writes its snapshot, so that the next open reads it instead of replaying.
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            WriteSnapshotIfDirty();
        }
        finally
        {
            _writeGate.Release();
        }
        _database.Dispose();
        Graph.Dispose();
        SearchIndex.Dispose();
        _writeGate.Dispose();
    }

    public ValueTask<string?> TryGetDocumentTextAsync(string documentId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_database.TryGetCommittedText(documentId));

    internal FactDatabase Database => _database;

    /// <summary>Problems found while loading (a relationship whose end is missing); <c>graph check</c> reports them.</summary>
    internal List<string> LoadProblems { get; } = [];

    /// <summary>What could not be loaded when the store opened (a damaged document, a saved write that no longer runs), for the log.</summary>
    public IReadOnlyList<string> OpenProblems => LoadProblems;

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
        SavedWriteCount = ReplaySavedWrites(Graph, Statements, LoadProblems);
    }

    /// <summary>How many query writes are saved in the store (made again on open, or reported when they could not be).</summary>
    public long SavedWriteCount { get; private set; }

    /// <summary>
    /// Saves a write a query has just made on <see cref="Graph"/>. The caller still holds the graph's write lock,
    /// so writes are saved in the order they were made; if this throws, the caller takes the write back.
    /// </summary>
    /// <exception cref="IOException">The data directory refused it (disk full, read-only, locked, …); nothing was saved.</exception>
    public long SaveWrite(WriteToSave write) => SaveWrites([write ?? throw new ArgumentNullException(nameof(write))]);

    /// <summary>
    /// Saves the writes of one explicit transaction, all or none, in the order they were made (the caller holds the
    /// graph's write lock); if this throws, the caller takes them back.
    /// </summary>
    /// <exception cref="IOException">The data directory refused them; nothing was saved.</exception>
    public long SaveWrites(IReadOnlyList<WriteToSave> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        try
        {
            var sequence = _database.SaveWrites(writes);
            SavedWriteCount += writes.Count;
            _snapshotDirty = true;
            return sequence;
        }
        catch (Microsoft.Data.Sqlite.SqliteException error)
        {
            throw new IOException($"The data directory {Directory} could not save the write ({error.Message}).", error);
        }
    }

    /// <summary>Which nodes and relationships of <see cref="Graph"/> the stored documents state (a query may not delete those).</summary>
    public DocumentStatements Statements => _projection.Statements;

    /// <summary>Makes every saved query write again on <paramref name="graph"/>, in order; returns how many are saved.</summary>
    private long ReplaySavedWrites(MemoryGraph graph, DocumentStatements stated, List<string> problems) =>
        ReplaySavedWrites(graph, stated, problems, _database.ReadSavedWrites());

    /// <summary>Makes <paramref name="writes"/> again on <paramref name="graph"/>, in order; returns how many there are.</summary>
    private long ReplaySavedWrites(MemoryGraph graph, DocumentStatements stated, List<string> problems, IReadOnlyList<SavedWrite> writes)
    {
        if (writes.Count > 0 && _replayWrites is null)
        {
            problems.Add($"{writes.Count} saved query writes were not made again: the store was opened without a query engine.");
            return writes.Count;
        }
        foreach (var write in writes)
        {
            try
            {
                _replayWrites!(graph, write, stated);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // One write that no longer fits (the documents it changed were replaced) must not cost the others.
                problems.Add($"Saved write {write.Sequence} ({Shorten(write.Statement)}) could not be made again: {error.Message} " +
                    $"To drop it: sqlite3 {Path.Combine(Directory, FactDatabase.FileName)} \"DELETE FROM saved_writes WHERE sequence = {write.Sequence}\"");
            }
        }
        return writes.Count;
    }

    private static string Shorten(string statement) =>
        statement.Length <= 80 ? statement : string.Concat(statement.AsSpan(0, 77), "...");

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

using Graph.Model;
using Graph.Store.Memory;
using Graph.Store.Services;

namespace Graph.Store.Embedded;

/// <summary>
/// The embedded graph store: a <see cref="MemoryGraph"/> that answers every read, made durable in
/// SQLite (WAL) under a data directory. Writes go to SQLite first, in one transaction per document,
/// and then to memory; opening the store rebuilds memory from SQLite. One writer at a time; reads
/// never wait for SQLite.
/// </summary>
public sealed partial class EmbeddedGraphStore : IGraphStore, IDocumentTextReader
{
    /// <summary>The data directory used when none is given.</summary>
    public const string DefaultDirectory = "data";

    private readonly FactDatabase _database;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Relationship keys (<see cref="GraphRelationship.Key"/>) by internal id; most relationships have none.</summary>
    private readonly Dictionary<long, string> _relationshipKeys = [];
    private long _documentCount;

    private EmbeddedGraphStore(string directory, FactDatabase database)
    {
        Directory = directory;
        _database = database;
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
    public long SizeOnDisk => _database.StoreSizeBytes(Directory);

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

    private void Load()
    {
        using var _ = Graph.EnterWrite();
        foreach (var (id, labels, properties) in _database.ReadNodes())
            Graph.CreateNode(PropertyJson.ReadLabels(labels), PropertyJson.ReadProperties(properties));
        foreach (var relationship in _database.ReadRelationships())
        {
            if (!Graph.TryGetNodeId(relationship.Start, out var start) || !Graph.TryGetNodeId(relationship.End, out var end))
            {
                LoadProblems.Add($"Relationship {relationship.Id} has an end that is not a stored node.");
                continue;
            }
            var internalId = Graph.CreateRelationship(relationship.Type, start, end, PropertyJson.ReadProperties(relationship.Properties));
            if (relationship.Key.Length > 0) _relationshipKeys[internalId] = relationship.Key;
        }
        _documentCount = _database.CountDocuments();
        SearchIndex.Rebuild(Graph);
    }
}

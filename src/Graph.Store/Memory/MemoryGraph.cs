using System.Runtime.InteropServices;

namespace Graph.Store.Memory;

/// <summary>
/// The in-memory property graph that the embedded store and the Cypher engine run on.
/// <para>
/// Nodes and relationships have internal <c>long</c> ids, handed out in order and never reused for the
/// life of the graph. A node has a label set and a property map; a relationship has a type, start and
/// end node ids and a property map. Adjacency is kept in both directions; labels, the string key
/// property <c>id</c> (a unique index) and, on demand, (label, property) pairs are indexed.
/// </para>
/// <para>
/// Storage is compact, because a real corpus (100,000 documents, millions of relationships) has to fit
/// in a small machine's memory: nodes and relationships are structs in arrays indexed by id (no object
/// per node or relationship), adjacency lists are blocks in an <see cref="AdjacencyPool"/>, label sets are
/// interned and labels are indexed as bit sets, and properties live as byte records in a
/// <see cref="RecordArena"/> (short strings pooled in a <see cref="StringTable"/>, long ones as UTF-8,
/// integers as varints), read through <see cref="PropertyMap"/> views that decode on access.
/// </para>
/// <para>
/// Thread safety: many concurrent readers and one writer, through a <see cref="ReaderWriterLockSlim"/>
/// (chosen over immutable snapshots because ingest writes often and in bulk; copying the graph per write
/// would cost more than readers ever wait). Every public member takes the lock itself. A caller that
/// needs several reads to see one state, or several writes to appear at once (a Cypher query), holds
/// <see cref="EnterRead"/> or <see cref="EnterWrite"/> around them; the lock is re-entrant on one
/// thread, but a read lock cannot be upgraded to a write lock, and the scope must not span an
/// <c>await</c> (the lock belongs to a thread). Everything handed out (<see cref="MemoryNode"/>,
/// <see cref="MemoryRelationship"/>, id lists) is a snapshot, so enumerating while writing is safe.
/// </para>
/// </summary>
public sealed partial class MemoryGraph : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);

    private readonly PagedArray<NodeSlot> _nodes = new();
    private long _nextNodeId;
    private long _nodeCount;

    private readonly PagedArray<RelationshipSlot> _relationships = new();
    private long _nextRelationshipId;
    private long _relationshipCount;

    private readonly Dictionary<string, int> _typeTokens = new(StringComparer.Ordinal);
    private readonly List<string> _types = [];
    private readonly Dictionary<string, LabelSet> _labelSets = new(StringComparer.Ordinal) { [""] = LabelSet.Empty };
    private readonly StringTable _strings = new();
    private RecordArena _arena = new();
    private AdjacencyPool _adjacency = new();
    private readonly RecordBuffer _buffer = new();

    public long NodeCount { get { using var _ = EnterRead(); return _nodeCount; } }

    public long RelationshipCount { get { using var _ = EnterRead(); return _relationshipCount; } }

    /// <summary>Holds the read lock until disposed: several reads then see one state of the graph.</summary>
    public LockScope EnterRead()
    {
        _lock.EnterReadLock();
        return new LockScope(_lock, write: false);
    }

    /// <summary>Holds the write lock until disposed: several writes then appear to readers at once.</summary>
    public LockScope EnterWrite()
    {
        _lock.EnterWriteLock();
        _writeStamp++;
        return new LockScope(_lock, write: true);
    }

    private long _writeStamp;

    /// <summary>
    /// Grows each time the write lock is taken: what was derived from the graph at one stamp (a full-text or ordered
    /// index kept outside it) is still true while the stamp is the same.
    /// </summary>
    public long WriteStamp { get { using var _ = EnterRead(); return _writeStamp; } }

    public void Dispose() => _lock.Dispose();

    /// <summary>Releases the lock taken by <see cref="EnterRead"/> or <see cref="EnterWrite"/>.</summary>
    public readonly struct LockScope : IDisposable
    {
        private readonly ReaderWriterLockSlim _lock;
        private readonly bool _write;

        internal LockScope(ReaderWriterLockSlim @lock, bool write)
        {
            _lock = @lock;
            _write = write;
        }

        public void Dispose()
        {
            if (_write) _lock.ExitWriteLock();
            else _lock.ExitReadLock();
        }
    }

    private struct NodeSlot
    {
        /// <summary>Null when the slot is free or the node was deleted.</summary>
        public LabelSet? Labels;
        /// <summary>The property record in <see cref="_arena"/>; 0 for no properties.</summary>
        public long Record;
        /// <summary>The lists of relationship ids, in insertion order, in <see cref="_adjacency"/>.</summary>
        public int Outgoing;
        public int Incoming;
        public int OutgoingCount;
        public int IncomingCount;
    }

    /// <summary>The node's outgoing relationship ids; valid until the next write.</summary>
    private ReadOnlySpan<int> OutgoingIds(in NodeSlot slot) => _adjacency.List(slot.Outgoing, slot.OutgoingCount);

    /// <summary>The node's incoming relationship ids; valid until the next write.</summary>
    private ReadOnlySpan<int> IncomingIds(in NodeSlot slot) => _adjacency.List(slot.Incoming, slot.IncomingCount);

    /// <summary>Packed to 20 bytes: the default alignment of the record would pad every slot to 24.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct RelationshipSlot
    {
        /// <summary>The property record in <see cref="_arena"/>; 0 for no properties.</summary>
        public long Record;
        public int Start;
        public int End;
        /// <summary>Token of the type; -1 when the relationship was deleted.</summary>
        public int Type;
    }


    private string Intern(string key) => _strings.Intern(key);

    /// <summary>A view of a stored record (a snapshot: records never change once written).</summary>
    private PropertyMap Properties(long record) =>
        record == 0 ? PropertyMap.Empty : PropertyMap.OfRecord(_arena.Chunk(record), RecordArena.Offset(record), _strings);

    private PropertyMap NodeProperties(long id) => Properties(_nodes[id].Record);

    /// <summary>Stores <paramref name="map"/> in place of the record <paramref name="record"/> refers to; false when they hold the same.</summary>
    private bool Store(ref long record, PropertyMap map, string relationshipKey = "")
    {
        PropertyRecord.Encode(map, _strings, _buffer, relationshipKey);
        var written = _buffer.Written;
        if (record != 0)
        {
            var chunk = _arena.Span(record);
            var offset = RecordArena.Offset(record);
            var length = PropertyRecord.Length(chunk, offset);
            if (written.SequenceEqual(chunk.Slice(offset, length))) return false;
            _arena.Drop(length);
        }
        else if (written.IsEmpty) return false;
        record = _arena.Append(written);
        return true;
    }

    /// <summary>Bytes of property records in use and of replaced ones not yet reclaimed.</summary>
    internal (long Live, long Garbage) RecordBytes
    {
        get { using var _ = EnterRead(); return (_arena.LiveBytes, _arena.GarbageBytes); }
    }

    /// <summary>Bytes of property records read from the mapped snapshot file, which stay on disk until a read pages them in.</summary>
    internal long MappedRecordBytes
    {
        get { using var _ = EnterRead(); return _arena.MappedBytes; }
    }

    /// <summary>Strings of the string table kept as UTF-8 in the snapshot's block (node ids above all), made .NET strings only when read.</summary>
    internal int SnapshotStringCount
    {
        get { using var _ = EnterRead(); return _strings.BaseCount; }
    }

    /// <summary>The relationship key kept in a record; "" when none.</summary>
    private string RecordKey(long record) =>
        record == 0 ? "" : PropertyRecord.RelationshipKey(_arena.Span(record), RecordArena.Offset(record));

    private bool RecordKeyEquals(long record, string key) =>
        record == 0 ? key.Length == 0 : PropertyRecord.RelationshipKeyEquals(_arena.Span(record), RecordArena.Offset(record), key);

    private void DropRecord(long record)
    {
        if (record != 0) _arena.Drop(PropertyRecord.Length(_arena.Span(record), RecordArena.Offset(record)));
    }

    /// <summary>
    /// Copies the live records into a fresh arena once replaced records outweigh them (re-ingesting
    /// documents replaces records), so garbage never exceeds the data. Views handed out keep the old
    /// chunks alive until they are dropped. Called at the end of a write, when every record is in a slot.
    /// </summary>
    private void CompactIfWasteful()
    {
        if (_adjacency.IsWasteful) CompactAdjacency();
        if (_arena.GarbageBytes < (1 << 20) || _arena.GarbageBytes < _arena.LiveBytes) return;
        var arena = new RecordArena();
        for (long id = 0; id < _nextNodeId; id++)
        {
            ref var slot = ref _nodes[id];
            if (slot.Labels is not null) slot.Record = Move(slot.Record, arena);
        }
        for (long id = 0; id < _nextRelationshipId; id++)
        {
            ref var slot = ref _relationships[id];
            if (slot.Type >= 0) slot.Record = Move(slot.Record, arena);
        }
        _arena = arena;
    }

    /// <summary>Copies every node's relationship lists into a fresh pool, leaving the abandoned blocks behind.</summary>
    private void CompactAdjacency()
    {
        var pool = new AdjacencyPool();
        for (long id = 0; id < _nextNodeId; id++)
        {
            ref var slot = ref _nodes[id];
            if (slot.Labels is null) continue;
            slot.Outgoing = pool.Copy(OutgoingIds(slot));
            slot.Incoming = pool.Copy(IncomingIds(slot));
        }
        _adjacency = pool;
    }

    private long Move(long record, RecordArena target)
    {
        if (record == 0) return 0;
        var chunk = _arena.Span(record);
        var offset = RecordArena.Offset(record);
        return target.Append(chunk.Slice(offset, PropertyRecord.Length(chunk, offset)));
    }

    private LabelSet InternLabels(IEnumerable<string> labels)
    {
        // Labels usually arrive sorted and distinct (stored that way), so the lookup key of the input
        // finds the interned set without sorting.
        var given = labels as IReadOnlyCollection<string> ?? [.. labels];
        var key = LabelSet.KeyOf(given);
        if (_labelSets.TryGetValue(key, out var set)) return set;
        var sorted = given.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        foreach (var label in sorted) ArgumentException.ThrowIfNullOrEmpty(label, nameof(labels));
        var sortedKey = LabelSet.KeyOf(sorted);
        if (!_labelSets.TryGetValue(sortedKey, out set))
        {
            set = new LabelSet([.. sorted.Select(Intern)]);
            _labelSets[sortedKey] = set;
        }
        _labelSets[key] = set;
        return set;
    }

    private int TypeToken(string type)
    {
        if (_typeTokens.TryGetValue(type, out var token)) return token;
        token = _types.Count;
        _types.Add(Intern(type));
        _typeTokens[type] = token;
        return token;
    }

    private static int Index(long id) => checked((int)id);

    private bool NodeExists(long id) => id >= 0 && id < _nextNodeId && _nodes[id].Labels is not null;

    private bool RelationshipExists(long id) => id >= 0 && id < _nextRelationshipId && _relationships[id].Type >= 0;

    private ref NodeSlot ExistingNode(long id)
    {
        if (!NodeExists(id)) throw new KeyNotFoundException($"Node {id} does not exist (it was never created or has been deleted).");
        return ref _nodes[id];
    }

    private ref RelationshipSlot ExistingRelationship(long id)
    {
        if (!RelationshipExists(id)) throw new KeyNotFoundException($"Relationship {id} does not exist (it was never created or has been deleted).");
        return ref _relationships[id];
    }
}

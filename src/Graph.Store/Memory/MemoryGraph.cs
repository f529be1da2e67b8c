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
/// Storage is compact: nodes and relationships are structs in growable arrays indexed by id (no object
/// per relationship), labels sets and property keys are interned, and property maps are small
/// immutable arrays.
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

    private NodeSlot[] _nodes = new NodeSlot[1024];
    private long _nextNodeId;
    private long _nodeCount;

    private RelationshipSlot[] _relationships = new RelationshipSlot[1024];
    private long _nextRelationshipId;
    private long _relationshipCount;

    private readonly Dictionary<string, int> _typeTokens = new(StringComparer.Ordinal);
    private readonly List<string> _types = [];
    private readonly Dictionary<string, LabelSet> _labelSets = new(StringComparer.Ordinal) { [""] = LabelSet.Empty };
    private readonly Dictionary<string, string> _keyPool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _shapes = new(StringComparer.Ordinal);

    /// <summary>Beyond this many distinct key sets (free-form Cypher data), new ones are not pooled.</summary>
    private const int MaxShapes = 4096;

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
        return new LockScope(_lock, write: true);
    }

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
        public PropertyMap Properties;
        public AdjacencyList Outgoing;
        public AdjacencyList Incoming;
    }

    private struct RelationshipSlot
    {
        public long Start;
        public long End;
        /// <summary>Token of the type; -1 when the relationship was deleted.</summary>
        public int Type;
        public PropertyMap Properties;
    }

    /// <summary>Relationship ids in insertion order, in a growable array (a struct, so no object per node).</summary>
    private struct AdjacencyList
    {
        private long[]? _items;
        private int _count;

        public readonly int Count => _count;

        public readonly ReadOnlySpan<long> Items => _items is null ? [] : _items.AsSpan(0, _count);

        public void Add(long relationshipId)
        {
            if (_items is null) _items = new long[2];
            else if (_count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[_count++] = relationshipId;
        }

        public void Remove(long relationshipId)
        {
            var index = Items.IndexOf(relationshipId);
            if (index < 0) return;
            Array.Copy(_items!, index + 1, _items!, index, _count - index - 1);
            _count--;
        }
    }

    private string Intern(string key)
    {
        if (_keyPool.TryGetValue(key, out var pooled)) return pooled;
        _keyPool[key] = key;
        return key;
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

    /// <summary>String values up to this length are pooled: kinds, verbs, bodies, dates, document ids.</summary>
    private const int LongestPooledValue = 48;

    private void InternKeys(PropertyMap map)
    {
        // Keys and short values arrive as fresh strings from every caller (JSON, SQLite, Cypher); pooling
        // keeps one string per distinct key or value, and maps with the same keys (every paragraph, every
        // citation) share one key array.
        if (!ReferenceEquals(map, PropertyMap.Empty)) map.PoolStrings(Intern, InternShape, LongestPooledValue);
    }

    private string[] InternShape(string[] keys)
    {
        var shape = string.Join('\u0001', keys);
        if (_shapes.TryGetValue(shape, out var shared)) return shared;
        if (_shapes.Count < MaxShapes) _shapes[shape] = keys;
        return keys;
    }

    private int TypeToken(string type)
    {
        if (_typeTokens.TryGetValue(type, out var token)) return token;
        token = _types.Count;
        _types.Add(Intern(type));
        _typeTokens[type] = token;
        return token;
    }

    private static void EnsureCapacity<T>(ref T[] array, long index)
    {
        if (index < array.Length) return;
        var size = (long)array.Length;
        while (size <= index) size *= 2;
        Array.Resize(ref array, checked((int)size));
    }

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

using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Graph.Model;

/// <summary>
/// The properties of a node or relationship: a map from name to value that enumerates in ordinal order of the
/// names, which the JSON, GraphML and CSV exports (and the golden files) rely on.
/// </summary>
/// <remarks>
/// A node has a handful of properties, so one array of names kept sorted and searched by bisection, beside an
/// array of their values, beats a balanced tree: a tree spends an object per entry and a walk of pointers per
/// insertion, and the extractor builds millions of these maps. The array of names is shared by every map holding
/// the same names (see <see cref="PropertyShapes"/>), so a map costs one reference per value; the arrays live in
/// the node or relationship itself (<see cref="PropertyHolder"/>), of which the map is a view. It behaves as the <c>SortedDictionary</c> it replaces: a missing key
/// throws on read, <see cref="Add"/> throws on a duplicate, and changing the map while enumerating it throws.
/// A value stored as a <see cref="DeferredText"/> is read as its string, by every reader, and a span set by
/// <see cref="SetSpan"/> as its two longs.
/// </remarks>
public sealed class SortedPropertyMap : IDictionary<string, object?>, IReadOnlyDictionary<string, object?>
{
    // Stamped provenance (id, source, span start and end) plus a few facts is what most nodes carry.
    private const int FirstCapacity = 8;

    // Where the names and values live: the node or relationship itself, so that the extractor's millions of facts
    // are not each a second object holding their properties. The map is a view of them, made when asked for.
    private readonly PropertyHolder _holder;

    // Stand-ins for the span's two offsets in the entries: only this class ever sees them, readers get longs.
    private static readonly object StoredSpanStart = new();
    private static readonly object StoredSpanEnd = new();

    /// <summary>An empty map of its own, held by no node or relationship.</summary>
    public SortedPropertyMap() => _holder = new DetachedProperties();

    /// <summary>A copy of <paramref name="properties"/>; throws on a name given twice, as a dictionary would.</summary>
    public SortedPropertyMap(IEnumerable<KeyValuePair<string, object?>> properties)
        : this() => Load(properties);

    /// <summary>The view of the properties <paramref name="holder"/> keeps.</summary>
    internal SortedPropertyMap(PropertyHolder holder) => _holder = holder;

    /// <summary>Fills an empty map with <paramref name="properties"/>; throws on a name given twice, as a dictionary would.</summary>
    internal void Load(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        KeyValuePair<string, object?>[] entries = [.. properties];
        foreach (var entry in entries) ArgumentNullException.ThrowIfNull(entry.Key, nameof(properties));
        // Copies of another map (clones, the JSON reader's insertion-ordered dictionaries) usually arrive sorted.
        if (!IsStrictlyAscending(entries)) SortRejectingDuplicates(entries);
        // Built up name by name, so that the names are the array other maps with them share.
        var names = Array.Empty<string>();
        var values = new object?[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            names = PropertyShapes.Adding(names, i, entries[i].Key);
            values[i] = entries[i].Value;
        }
        Names = names;
        Slots = values;
        Version++;
    }

    // The holder's fields: sorted names, never changed in place (shared with other maps), exactly as long as the map;
    // the values, in the order of the names; a count bumped by every change, so an enumerator can tell it was overtaken
    // as SortedDictionary's can; the offsets set by SetSpan, read where an entry's value is StoredSpanStart or StoredSpanEnd.
    private ref string[] Names => ref _holder.HeldNames;

    private ref object?[] Slots => ref _holder.HeldValues;

    private ref int Version => ref _holder.HeldVersion;

    private ref int SpanStartOffset => ref _holder.HeldSpanStart;

    private ref int SpanEndOffset => ref _holder.HeldSpanEnd;

    public int Count => Names.Length;

    /// <summary>
    /// Makes room for <paramref name="capacity"/> properties at once, for a caller that knows how many are coming:
    /// growing by doubling from a guess would allocate (and throw away) an array or two per map.
    /// </summary>
    public void EnsureCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (capacity > Slots.Length) Array.Resize(ref Slots, capacity);
    }

    public object? this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The property '{key}' is not in the map.");
        set
        {
            var index = IndexOf(key);
            if (index >= 0) Slots[index] = value;
            else Insert(~index, key, value);
            Version++;
        }
    }

    // Views made on demand rather than cached in two fields that every one of the millions of maps would carry.
    public KeyCollection Keys => new(this);

    public ValueCollection Values => new(this);

    public void Add(string key, object? value)
    {
        if (!TryAdd(key, value)) throw new ArgumentException($"The property '{key}' is already in the map.", nameof(key));
    }

    /// <summary>Adds the property unless the name is taken; one search where ContainsKey-then-Add would make two.</summary>
    public bool TryAdd(string key, object? value)
    {
        var index = IndexOf(key);
        if (index >= 0) return false;
        Insert(~index, key, value);
        Version++;
        return true;
    }

    /// <summary>
    /// Sets two properties to a span's start and end (read as longs, as any offset), kept in the map itself: every fact
    /// extracted from a text carries its span, and as two boxed longs those offsets cost two objects per fact.
    /// </summary>
    public void SetSpan(string startKey, string endKey, SourceSpan span)
    {
        ArgumentNullException.ThrowIfNull(startKey);
        ArgumentNullException.ThrowIfNull(endKey);
        if (string.Equals(startKey, endKey, StringComparison.Ordinal)) throw new ArgumentException("The span's start and end need two names.", nameof(endKey));
        // A span set before under other names keeps its values, as longs of their own.
        for (var i = 0; i < Names.Length; i++)
        {
            var value = Slots[i];
            if (ReferenceEquals(value, StoredSpanStart) || ReferenceEquals(value, StoredSpanEnd)) Slots[i] = Read(value);
        }
        this[startKey] = StoredSpanStart;
        this[endKey] = StoredSpanEnd;
        SpanStartOffset = span.Start;
        SpanEndOffset = span.End;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            value = null;
            return false;
        }
        value = Read(Slots[index]);
        return true;
    }

    /// <summary>The value as readers see it: a <see cref="DeferredText"/> made a string, a span's offset a long.</summary>
    private object? Read(object? stored)
    {
        if (ReferenceEquals(stored, StoredSpanStart)) return (long)SpanStartOffset;
        if (ReferenceEquals(stored, StoredSpanEnd)) return (long)SpanEndOffset;
        return stored is DeferredText deferred ? deferred.ToString() : stored;
    }

    private KeyValuePair<string, object?> EntryAt(int index) => new(Names[index], Read(Slots[index]));

    public bool Remove(string key)
    {
        var index = IndexOf(key);
        if (index < 0) return false;
        RemoveAt(index);
        return true;
    }

    public void Clear()
    {
        Array.Clear(Slots, 0, Names.Length);
        Names = [];
        Version++;
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>The index of <paramref name="key"/>, or the bitwise complement of where it would be inserted.</summary>
    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var names = Names;
        var low = 0;
        var high = names.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(names[middle], key);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return ~low;
    }

    private void Insert(int index, string key, object? value)
    {
        var count = Names.Length;
        if (count == Slots.Length) Array.Resize(ref Slots, count == 0 ? FirstCapacity : count * 2);
        // Moved one by one: a map holds a handful of values, and Array.Copy's checks cost more than the move itself
        // (it showed in profiles, the extractor inserting millions of properties).
        var values = Slots;
        for (var i = count; i > index; i--) values[i] = values[i - 1];
        values[index] = value;
        Names = PropertyShapes.Adding(Names, index, key);
    }

    private void RemoveAt(int index)
    {
        var count = Names.Length - 1;
        if (index < count) Array.Copy(Slots, index + 1, Slots, index, count - index);
        Slots[count] = null;
        Names = PropertyShapes.Removing(Names, index);
        Version++;
    }

    private static bool IsStrictlyAscending(KeyValuePair<string, object?>[] entries)
    {
        for (var i = 1; i < entries.Length; i++)
            if (string.CompareOrdinal(entries[i - 1].Key, entries[i].Key) >= 0) return false;
        return true;
    }

    private static void SortRejectingDuplicates(KeyValuePair<string, object?>[] entries)
    {
        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < entries.Length; i++)
            if (string.Equals(entries[i - 1].Key, entries[i].Key, StringComparison.Ordinal))
                throw new ArgumentException($"The property '{entries[i].Key}' is given twice.", "properties");
    }

    private void ThrowIfChangedSince(int version)
    {
        if (version != Version) throw new InvalidOperationException("The property map was changed while it was being enumerated.");
    }

    // The pair-wise members of ICollection<KeyValuePair>: a pair is present when both name and value match.
    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item)
    {
        var index = IndexOf(item.Key);
        return index >= 0 && EqualityComparer<object?>.Default.Equals(Read(Slots[index]), item.Value);
    }

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item)
    {
        var index = IndexOf(item.Key);
        if (index < 0 || !EqualityComparer<object?>.Default.Equals(Read(Slots[index]), item.Value)) return false;
        RemoveAt(index);
        return true;
    }

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        for (var i = 0; i < Names.Length; i++) array[arrayIndex + i] = EntryAt(i);
    }

    ICollection<string> IDictionary<string, object?>.Keys => Keys;

    ICollection<object?> IDictionary<string, object?>.Values => Values;

    IEnumerable<string> IReadOnlyDictionary<string, object?>.Keys => Keys;

    IEnumerable<object?> IReadOnlyDictionary<string, object?>.Values => Values;

    IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the pairs in name order without allocating when used by <c>foreach</c> on the map itself.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, object?>>
    {
        private readonly SortedPropertyMap _map;
        private readonly int _version;
        private int _index;

        internal Enumerator(SortedPropertyMap map)
        {
            _map = map;
            _version = map._holder.HeldVersion;
            _index = -1;
        }

        public readonly KeyValuePair<string, object?> Current => _map.EntryAt(_index);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            _map.ThrowIfChangedSince(_version);
            return ++_index < _map.Names.Length;
        }

        public void Reset()
        {
            _map.ThrowIfChangedSince(_version);
            _index = -1;
        }

        public readonly void Dispose() { }
    }

    /// <summary>The names, in ordinal order; a read-only view that follows later changes to the map.</summary>
    public sealed class KeyCollection : ICollection<string>, IReadOnlyCollection<string>
    {
        private readonly SortedPropertyMap _map;

        internal KeyCollection(SortedPropertyMap map) => _map = map;

        public int Count => _map.Names.Length;

        public bool IsReadOnly => true;

        public bool Contains(string item) => _map.ContainsKey(item);

        public void CopyTo(string[] array, int arrayIndex)
        {
            ArgumentNullException.ThrowIfNull(array);
            for (var i = 0; i < _map.Names.Length; i++) array[arrayIndex + i] = _map.Names[i];
        }

        public IEnumerator<string> GetEnumerator()
        {
            foreach (var entry in _map) yield return entry.Key;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        void ICollection<string>.Add(string item) => throw ReadOnly();

        bool ICollection<string>.Remove(string item) => throw ReadOnly();

        void ICollection<string>.Clear() => throw ReadOnly();
    }

    /// <summary>The values, in ordinal order of their names; a read-only view that follows later changes to the map.</summary>
    public sealed class ValueCollection : ICollection<object?>, IReadOnlyCollection<object?>
    {
        private readonly SortedPropertyMap _map;

        internal ValueCollection(SortedPropertyMap map) => _map = map;

        public int Count => _map.Names.Length;

        public bool IsReadOnly => true;

        public bool Contains(object? item)
        {
            for (var i = 0; i < _map.Names.Length; i++)
                if (EqualityComparer<object?>.Default.Equals(_map.Read(_map.Slots[i]), item)) return true;
            return false;
        }

        public void CopyTo(object?[] array, int arrayIndex)
        {
            ArgumentNullException.ThrowIfNull(array);
            for (var i = 0; i < _map.Names.Length; i++) array[arrayIndex + i] = _map.Read(_map.Slots[i]);
        }

        public IEnumerator<object?> GetEnumerator()
        {
            foreach (var entry in _map) yield return entry.Value;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        void ICollection<object?>.Add(object? item) => throw ReadOnly();

        bool ICollection<object?>.Remove(object? item) => throw ReadOnly();

        void ICollection<object?>.Clear() => throw ReadOnly();
    }

    /// <summary>The holder of a map made on its own (<c>new SortedPropertyMap()</c>), not a node's or a relationship's.</summary>
    private sealed class DetachedProperties : PropertyHolder;

    private static NotSupportedException ReadOnly() => new("The keys and values of a property map are read-only views; change the map itself.");
}

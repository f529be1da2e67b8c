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
/// the same names (see <see cref="PropertyShapes"/>), so a map costs one reference per value. It behaves as the <c>SortedDictionary</c> it replaces: a missing key
/// throws on read, <see cref="Add"/> throws on a duplicate, and changing the map while enumerating it throws.
/// A value stored as a <see cref="DeferredText"/> is read as its string, by every reader, and a span set by
/// <see cref="SetSpan"/> as its two longs.
/// </remarks>
public sealed class SortedPropertyMap : IDictionary<string, object?>, IReadOnlyDictionary<string, object?>
{
    // Stamped provenance (id, source, span start and end) plus a few facts is what most nodes carry.
    private const int FirstCapacity = 8;

    // Sorted, never changed in place (shared with other maps), exactly as long as the map.
    private string[] _names;
    private object?[] _values;
    // Bumped by every change, so an enumerator can tell it was overtaken as SortedDictionary's can.
    private int _version;
    // The offsets set by SetSpan, read where an entry's value is StoredSpanStart or StoredSpanEnd.
    private int _spanStart;
    private int _spanEnd;

    // Stand-ins for the span's two offsets in the entries: only this class ever sees them, readers get longs.
    private static readonly object StoredSpanStart = new();
    private static readonly object StoredSpanEnd = new();

    public SortedPropertyMap()
    {
        _names = [];
        _values = [];
    }

    /// <summary>A copy of <paramref name="properties"/>; throws on a name given twice, as a dictionary would.</summary>
    public SortedPropertyMap(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        KeyValuePair<string, object?>[] entries = [.. properties];
        foreach (var entry in entries) ArgumentNullException.ThrowIfNull(entry.Key, nameof(properties));
        // Copies of another map (clones, the JSON reader's insertion-ordered dictionaries) usually arrive sorted.
        if (!IsStrictlyAscending(entries)) SortRejectingDuplicates(entries);
        // Built up name by name, so that the names are the array other maps with them share.
        _names = [];
        _values = new object?[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            _names = PropertyShapes.Adding(_names, i, entries[i].Key);
            _values[i] = entries[i].Value;
        }
    }

    public int Count => _names.Length;

    /// <summary>
    /// Makes room for <paramref name="capacity"/> properties at once, for a caller that knows how many are coming:
    /// growing by doubling from a guess would allocate (and throw away) an array or two per map.
    /// </summary>
    public void EnsureCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (capacity > _values.Length) Array.Resize(ref _values, capacity);
    }

    public object? this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The property '{key}' is not in the map.");
        set
        {
            var index = IndexOf(key);
            if (index >= 0) _values[index] = value;
            else Insert(~index, key, value);
            _version++;
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
        _version++;
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
        for (var i = 0; i < _names.Length; i++)
        {
            var value = _values[i];
            if (ReferenceEquals(value, StoredSpanStart) || ReferenceEquals(value, StoredSpanEnd)) _values[i] = Read(value);
        }
        this[startKey] = StoredSpanStart;
        this[endKey] = StoredSpanEnd;
        _spanStart = span.Start;
        _spanEnd = span.End;
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
        value = Read(_values[index]);
        return true;
    }

    /// <summary>The value as readers see it: a <see cref="DeferredText"/> made a string, a span's offset a long.</summary>
    private object? Read(object? stored)
    {
        if (ReferenceEquals(stored, StoredSpanStart)) return (long)_spanStart;
        if (ReferenceEquals(stored, StoredSpanEnd)) return (long)_spanEnd;
        return stored is DeferredText deferred ? deferred.ToString() : stored;
    }

    private KeyValuePair<string, object?> EntryAt(int index) => new(_names[index], Read(_values[index]));

    public bool Remove(string key)
    {
        var index = IndexOf(key);
        if (index < 0) return false;
        RemoveAt(index);
        return true;
    }

    public void Clear()
    {
        Array.Clear(_values, 0, _names.Length);
        _names = [];
        _version++;
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>The index of <paramref name="key"/>, or the bitwise complement of where it would be inserted.</summary>
    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var names = _names;
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
        var count = _names.Length;
        if (count == _values.Length) Array.Resize(ref _values, count == 0 ? FirstCapacity : count * 2);
        // Moved one by one: a map holds a handful of values, and Array.Copy's checks cost more than the move itself
        // (it showed in profiles, the extractor inserting millions of properties).
        var values = _values;
        for (var i = count; i > index; i--) values[i] = values[i - 1];
        values[index] = value;
        _names = PropertyShapes.Adding(_names, index, key);
    }

    private void RemoveAt(int index)
    {
        var count = _names.Length - 1;
        if (index < count) Array.Copy(_values, index + 1, _values, index, count - index);
        _values[count] = null;
        _names = PropertyShapes.Removing(_names, index);
        _version++;
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
        if (version != _version) throw new InvalidOperationException("The property map was changed while it was being enumerated.");
    }

    // The pair-wise members of ICollection<KeyValuePair>: a pair is present when both name and value match.
    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item)
    {
        var index = IndexOf(item.Key);
        return index >= 0 && EqualityComparer<object?>.Default.Equals(Read(_values[index]), item.Value);
    }

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item)
    {
        var index = IndexOf(item.Key);
        if (index < 0 || !EqualityComparer<object?>.Default.Equals(Read(_values[index]), item.Value)) return false;
        RemoveAt(index);
        return true;
    }

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        for (var i = 0; i < _names.Length; i++) array[arrayIndex + i] = EntryAt(i);
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
            _version = map._version;
            _index = -1;
        }

        public readonly KeyValuePair<string, object?> Current => _map.EntryAt(_index);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            _map.ThrowIfChangedSince(_version);
            return ++_index < _map._names.Length;
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

        public int Count => _map._names.Length;

        public bool IsReadOnly => true;

        public bool Contains(string item) => _map.ContainsKey(item);

        public void CopyTo(string[] array, int arrayIndex)
        {
            ArgumentNullException.ThrowIfNull(array);
            for (var i = 0; i < _map._names.Length; i++) array[arrayIndex + i] = _map._names[i];
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

        public int Count => _map._names.Length;

        public bool IsReadOnly => true;

        public bool Contains(object? item)
        {
            for (var i = 0; i < _map._names.Length; i++)
                if (EqualityComparer<object?>.Default.Equals(_map.Read(_map._values[i]), item)) return true;
            return false;
        }

        public void CopyTo(object?[] array, int arrayIndex)
        {
            ArgumentNullException.ThrowIfNull(array);
            for (var i = 0; i < _map._names.Length; i++) array[arrayIndex + i] = _map.Read(_map._values[i]);
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

    private static NotSupportedException ReadOnly() => new("The keys and values of a property map are read-only views; change the map itself.");
}

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
    // A few facts beside the provenance (which takes no slot, see PropertyHolder) is what most nodes carry.
    private const int FirstCapacity = 4;

    // Where the names and values live: the node or relationship itself, so that the extractor's millions of facts
    // are not each a second object holding their properties. The map is a view of them, made when asked for.
    private readonly PropertyHolder _holder;

    // The provenance held in the holder's fields rather than in its arrays, in ordinal order of their names: the
    // enumeration merges them into the sorted names (see PropertyHolder).
    private const int SourceEntry = 0;
    private const int SpanEndEntry = 1;
    private const int SpanStartEntry = 2;
    private const int NoEntry = -1;
    private static readonly string[] HeldEntryNames = [PropertyNames.Source, PropertyNames.SpanEnd, PropertyNames.SpanStart];

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
        // A span read back as two offsets (a clone, the JSON reader) is held as the extractor's are.
        var spanStart = Array.FindIndex(entries, e => e.Key == PropertyNames.SpanStart);
        var spanEnd = Array.FindIndex(entries, e => e.Key == PropertyNames.SpanEnd);
        var heldSpan = spanStart >= 0 && spanEnd >= 0 && AsOffset(entries[spanStart].Value) is not null && AsOffset(entries[spanEnd].Value) is not null;
        // Built up name by name, so that the names are the array other maps with them share.
        var names = Array.Empty<string>();
        var values = new List<object?>(entries.Length);
        foreach (var (key, value) in entries)
        {
            if (key == PropertyNames.Source) _holder.HeldSource = value;
            else if (heldSpan && (key == PropertyNames.SpanStart || key == PropertyNames.SpanEnd)) continue;
            else
            {
                names = PropertyShapes.Adding(names, names.Length, key);
                values.Add(value);
            }
        }
        if (heldSpan)
        {
            _holder.HeldSpanStart = AsOffset(entries[spanStart].Value)!.Value;
            _holder.HeldSpanEnd = AsOffset(entries[spanEnd].Value)!.Value;
        }
        Names = names;
        Slots = [.. values];
        Version++;
    }

    /// <summary>A value an offset of the held span can stand for: a whole number from 0 to int.MaxValue, read back as a long.</summary>
    private static int? AsOffset(object? value) => value is long number && number is >= 0 and <= int.MaxValue ? (int)number : null;

    // The holder's fields: sorted names, never changed in place (shared with other maps), exactly as long as the arrays'
    // part of the map; the values, in the order of the names; a count bumped by every change, so an enumerator can tell
    // it was overtaken as SortedDictionary's can.
    private ref string[] Names => ref _holder.HeldNames;

    private ref object?[] Slots => ref _holder.HeldValues;

    private ref int Version => ref _holder.HeldVersion;

    private bool HasSource => HasSourceIn(_holder);

    private bool HasSpan => HasSpanIn(_holder);

    private static bool HasSourceIn(PropertyHolder holder) => !ReferenceEquals(holder.HeldSource, PropertyHolder.NoSource);

    private static bool HasSpanIn(PropertyHolder holder) => holder.HeldSpanStart >= 0;

    public int Count => Names.Length + (HasSource ? 1 : 0) + (HasSpan ? 2 : 0);

    /// <summary>
    /// Makes room for <paramref name="capacity"/> properties at once, for a caller that knows how many are coming:
    /// growing by doubling from a guess would allocate (and throw away) an array or two per map. The source and a span
    /// set by <see cref="SetSpan"/> take no room.
    /// </summary>
    public void EnsureCapacity(int capacity) => EnsureCapacityOf(_holder, capacity);

    /// <summary><see cref="EnsureCapacity(int)"/> of <paramref name="holder"/>'s properties, without making a view of them.</summary>
    internal static void EnsureCapacityOf(PropertyHolder holder, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (capacity > holder.HeldValues.Length) Array.Resize(ref holder.HeldValues, capacity);
    }

    public object? this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The property '{key}' is not in the map.");
        set => Set(_holder, key, value);
    }

    /// <summary>Sets a property of <paramref name="holder"/>, as the indexer does, without making a view of them.</summary>
    internal static void Set(PropertyHolder holder, string key, object? value)
    {
        var held = HeldEntryOf(key);
        if (held == SourceEntry) holder.HeldSource = value;
        else
        {
            if (held != NoEntry && HasSpanIn(holder)) SpanToSlots(holder);
            var index = IndexOf(holder.HeldNames, key);
            if (index >= 0) holder.HeldValues[index] = value;
            else Insert(holder, ~index, key, value);
        }
        holder.HeldVersion++;
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
        var held = HeldEntryOf(key);
        if (held == SourceEntry)
        {
            if (HasSource) return false;
            _holder.HeldSource = value;
        }
        else
        {
            if (held != NoEntry && HasSpan) return false;
            var index = IndexOf(key);
            if (index >= 0) return false;
            Insert(~index, key, value);
        }
        Version++;
        return true;
    }

    /// <summary>
    /// Sets two properties to a span's start and end (read as longs, as any offset). Under the names
    /// <see cref="PropertyNames.SpanStart"/> and <see cref="PropertyNames.SpanEnd"/>, and not negative, the span is kept
    /// in two ints of the holder: every fact extracted from a text carries its span, and as two boxed longs in the array
    /// those offsets cost two objects and two slots per fact.
    /// </summary>
    public void SetSpan(string startKey, string endKey, SourceSpan span) => SetSpanOf(_holder, startKey, endKey, span);

    /// <summary><see cref="SetSpan(string, string, SourceSpan)"/> on <paramref name="holder"/>'s properties, without making a view of them.</summary>
    internal static void SetSpanOf(PropertyHolder holder, string startKey, string endKey, SourceSpan span)
    {
        ArgumentNullException.ThrowIfNull(startKey);
        ArgumentNullException.ThrowIfNull(endKey);
        if (string.Equals(startKey, endKey, StringComparison.Ordinal)) throw new ArgumentException("The span's start and end need two names.", nameof(endKey));
        if (startKey == PropertyNames.SpanStart && endKey == PropertyNames.SpanEnd && span.Start >= 0 && span.End >= 0)
        {
            RemoveFromSlots(holder, startKey);
            RemoveFromSlots(holder, endKey);
            holder.HeldSpanStart = span.Start;
            holder.HeldSpanEnd = span.End;
            holder.HeldVersion++;
            return;
        }
        Set(holder, startKey, (long)span.Start);
        Set(holder, endKey, (long)span.End);
    }

    public bool ContainsKey(string key) => Contains(_holder, key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => TryGetValue(_holder, key, out value);

    /// <summary>Whether <paramref name="holder"/> has the property, read without making a map of it (see <see cref="PropertyHolder.HasProperty"/>).</summary>
    internal static bool Contains(PropertyHolder holder, string key)
    {
        var held = HeldEntryOf(key);
        return held == SourceEntry ? HasSourceIn(holder) : (held != NoEntry && HasSpanIn(holder)) || IndexOf(holder.HeldNames, key) >= 0;
    }

    /// <summary>The property of <paramref name="holder"/>, read without making a map of it (see <see cref="PropertyHolder.TryGetProperty"/>).</summary>
    internal static bool TryGetValue(PropertyHolder holder, string key, [MaybeNullWhen(false)] out object? value)
    {
        var held = HeldEntryOf(key);
        if (held != NoEntry && HeldEntryPresent(holder, held))
        {
            value = HeldValue(holder, held);
            return true;
        }
        var index = held == SourceEntry ? -1 : IndexOf(holder.HeldNames, key);
        if (index < 0)
        {
            value = null;
            return false;
        }
        value = Read(holder.HeldValues[index]);
        return true;
    }

    /// <summary>The value as readers see it: a <see cref="DeferredText"/> made a string.</summary>
    private static object? Read(object? stored) => stored is DeferredText deferred ? deferred.ToString() : stored;

    /// <summary>Which of the entries held in the holder's fields <paramref name="key"/> names, or <see cref="NoEntry"/>.</summary>
    private static int HeldEntryOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is < 6 or > 9 || key[0] != 's') return NoEntry;
        if (key == PropertyNames.Source) return SourceEntry;
        if (key == PropertyNames.SpanEnd) return SpanEndEntry;
        if (key == PropertyNames.SpanStart) return SpanStartEntry;
        return NoEntry;
    }

    private static bool HeldEntryPresent(PropertyHolder holder, int held) => held == SourceEntry ? HasSourceIn(holder) : HasSpanIn(holder);

    private static object? HeldValue(PropertyHolder holder, int held) => held switch
    {
        SourceEntry => Read(holder.HeldSource),
        SpanEndEntry => (long)holder.HeldSpanEnd,
        _ => (long)holder.HeldSpanStart,
    };

    /// <summary>Moves a held span into the arrays as two longs, before one of its offsets is changed or removed on its own.</summary>
    private static void SpanToSlots(PropertyHolder holder)
    {
        var (start, end) = (holder.HeldSpanStart, holder.HeldSpanEnd);
        holder.HeldSpanStart = PropertyHolder.NoSpan;
        holder.HeldSpanEnd = 0;
        Insert(holder, ~IndexOf(holder.HeldNames, PropertyNames.SpanEnd), PropertyNames.SpanEnd, (long)end);
        Insert(holder, ~IndexOf(holder.HeldNames, PropertyNames.SpanStart), PropertyNames.SpanStart, (long)start);
    }

    private static void RemoveFromSlots(PropertyHolder holder, string key)
    {
        var index = IndexOf(holder.HeldNames, key);
        if (index >= 0) RemoveAt(holder, index);
    }

    public bool Remove(string key)
    {
        var held = HeldEntryOf(key);
        if (held == SourceEntry)
        {
            if (!HasSource) return false;
            _holder.HeldSource = PropertyHolder.NoSource;
            Version++;
            return true;
        }
        if (held != NoEntry && HasSpan) SpanToSlots(_holder);
        var index = IndexOf(key);
        if (index < 0) return false;
        RemoveAt(index);
        return true;
    }

    public void Clear()
    {
        Array.Clear(Slots, 0, Names.Length);
        Names = [];
        _holder.HeldSource = PropertyHolder.NoSource;
        _holder.HeldSpanStart = PropertyHolder.NoSpan;
        _holder.HeldSpanEnd = 0;
        Version++;
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>The index of <paramref name="key"/> among the arrays' names, or the bitwise complement of where it would be inserted.</summary>
    private int IndexOf(string key) => IndexOf(Names, key);

    private static int IndexOf(string[] names, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
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

    private void Insert(int index, string key, object? value) => Insert(_holder, index, key, value);

    private static void Insert(PropertyHolder holder, int index, string key, object? value)
    {
        var count = holder.HeldNames.Length;
        if (count == holder.HeldValues.Length) Array.Resize(ref holder.HeldValues, count == 0 ? FirstCapacity : count * 2);
        // Moved one by one: a map holds a handful of values, and Array.Copy's checks cost more than the move itself
        // (it showed in profiles, the extractor inserting millions of properties).
        var values = holder.HeldValues;
        for (var i = count; i > index; i--) values[i] = values[i - 1];
        values[index] = value;
        holder.HeldNames = PropertyShapes.Adding(holder.HeldNames, index, key);
    }

    private void RemoveAt(int index) => RemoveAt(_holder, index);

    private static void RemoveAt(PropertyHolder holder, int index)
    {
        var count = holder.HeldNames.Length - 1;
        var values = holder.HeldValues;
        if (index < count) Array.Copy(values, index + 1, values, index, count - index);
        values[count] = null;
        holder.HeldNames = PropertyShapes.Removing(holder.HeldNames, index);
        holder.HeldVersion++;
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

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        TryGetValue(item.Key, out var value) && EqualityComparer<object?>.Default.Equals(value, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        TryGetValue(item.Key, out var value) && EqualityComparer<object?>.Default.Equals(value, item.Value) && Remove(item.Key);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        foreach (var entry in this) array[arrayIndex++] = entry;
    }

    ICollection<string> IDictionary<string, object?>.Keys => Keys;

    ICollection<object?> IDictionary<string, object?>.Values => Values;

    IEnumerable<string> IReadOnlyDictionary<string, object?>.Keys => Keys;

    IEnumerable<object?> IReadOnlyDictionary<string, object?>.Values => Values;

    IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Walks the pairs in name order without allocating when used by <c>foreach</c> on the map itself: the arrays' names
    /// merged with the entries held in the holder's fields.
    /// </summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, object?>>
    {
        private readonly SortedPropertyMap _map;
        private readonly int _version;
        // The next of the arrays' entries and of the held ones.
        private int _slot;
        private int _held;
        private KeyValuePair<string, object?> _current;

        internal Enumerator(SortedPropertyMap map)
        {
            _map = map;
            _version = map._holder.HeldVersion;
            _slot = 0;
            _held = 0;
            _current = default;
        }

        public readonly KeyValuePair<string, object?> Current => _current;

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            _map.ThrowIfChangedSince(_version);
            while (_held < HeldEntryNames.Length && !HeldEntryPresent(_map._holder, _held)) _held++;
            var names = _map.Names;
            var slotLeft = _slot < names.Length;
            var heldLeft = _held < HeldEntryNames.Length;
            if (!slotLeft && !heldLeft) return false;
            if (heldLeft && (!slotLeft || string.CompareOrdinal(HeldEntryNames[_held], names[_slot]) < 0))
            {
                _current = new(HeldEntryNames[_held], HeldValue(_map._holder, _held));
                _held++;
            }
            else
            {
                _current = new(names[_slot], Read(_map.Slots[_slot]));
                _slot++;
            }
            return true;
        }

        public void Reset()
        {
            _map.ThrowIfChangedSince(_version);
            _slot = 0;
            _held = 0;
            _current = default;
        }

        public readonly void Dispose() { }
    }

    /// <summary>The names, in ordinal order; a read-only view that follows later changes to the map.</summary>
    public sealed class KeyCollection : ICollection<string>, IReadOnlyCollection<string>
    {
        private readonly SortedPropertyMap _map;

        internal KeyCollection(SortedPropertyMap map) => _map = map;

        public int Count => _map.Count;

        public bool IsReadOnly => true;

        public bool Contains(string item) => _map.ContainsKey(item);

        public void CopyTo(string[] array, int arrayIndex)
        {
            ArgumentNullException.ThrowIfNull(array);
            foreach (var entry in _map) array[arrayIndex++] = entry.Key;
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

        public int Count => _map.Count;

        public bool IsReadOnly => true;

        public bool Contains(object? item)
        {
            foreach (var entry in _map)
                if (EqualityComparer<object?>.Default.Equals(entry.Value, item)) return true;
            return false;
        }

        public void CopyTo(object?[] array, int arrayIndex)
        {
            ArgumentNullException.ThrowIfNull(array);
            foreach (var entry in _map) array[arrayIndex++] = entry.Value;
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

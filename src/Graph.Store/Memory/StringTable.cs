using Graph.Store.Snapshot;

namespace Graph.Store.Memory;

/// <summary>
/// The strings a graph stores once and refers to by index from property records: property keys, node
/// ids, and short values (kinds, verbs, dates, document ids). Append-only, so a reader holding the
/// array of an earlier moment still finds every string a record written before that moment refers to.
/// <para>
/// Strings are found by an open-addressing hash table of indexes (linear probing, at most three
/// quarters full): four to eight bytes a string, where a dictionary entry cost some thirty, for a table
/// that holds every node id of the graph.
/// </para>
/// </summary>
internal sealed class StringTable
{
    private string[] _strings = new string[64];
    private int _count;

    /// <summary>Per slot, 1 + the index of the string hashed there; 0 for an empty slot. The length is a power of two.</summary>
    private int[] _slots = new int[128];

    /// <summary>The strings so far; entries never change once added, a larger table gets a new array.</summary>
    public string[] Strings => _strings;

    public int Count => _count;

    public int IndexOf(string value)
    {
        var slot = Find(value);
        if (_slots[slot] != 0) return _slots[slot] - 1;
        if (_count == _strings.Length) Array.Resize(ref _strings, _count + (_count >> 1));
        var index = _count++;
        _strings[index] = value;
        _slots[slot] = index + 1;
        if (_count > _slots.Length / 4 * 3) Rehash();
        return index;
    }

    public bool TryFind(string value, out int index)
    {
        index = _slots[Find(value)] - 1;
        return index >= 0;
    }

    /// <summary>The table's own instance of <paramref name="value"/>, added when new.</summary>
    public string Intern(string value)
    {
        var index = IndexOf(value);
        return _strings[index];
    }

    /// <summary>The slot holding <paramref name="value"/>, or the empty slot where it would go.</summary>
    private int Find(string value)
    {
        var mask = _slots.Length - 1;
        for (var slot = Hash(value) & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0 || string.Equals(_strings[entry - 1], value, StringComparison.Ordinal)) return slot;
        }
    }

    private void Rehash()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var index = 0; index < _count; index++)
        {
            var slot = Hash(_strings[index]) & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = index + 1;
        }
        _slots = slots;
    }

    private static int Hash(string value) => string.GetHashCode(value, StringComparison.Ordinal);

    /// <summary>Writes the strings, for a snapshot (not the hash table: string hashes differ from process to process).</summary>
    public void WriteTo(BinaryWriter writer) => writer.WriteStrings(new ArraySegment<string>(_strings, 0, _count));

    /// <summary>Fills an empty table with what <see cref="WriteTo"/> wrote, hashing the strings afresh.</summary>
    public void ReadFrom(BinaryReader reader)
    {
        if (_count != 0) throw new InvalidOperationException("Only an empty string table can be read into.");
        var strings = reader.ReadStrings();
        _strings = strings.Length == 0 ? new string[64] : strings;
        _count = strings.Length;
        var slots = 128;
        while (_count > slots / 4 * 3) slots *= 2;
        _slots = new int[slots / 2];
        Rehash();
    }
}

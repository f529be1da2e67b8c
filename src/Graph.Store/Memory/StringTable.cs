namespace Graph.Store.Memory;

/// <summary>
/// The strings a graph stores once and refers to by index from property records: property keys, node
/// ids, and short values (kinds, verbs, dates, document ids). Append-only, so a reader holding the
/// array of an earlier moment still finds every string a record written before that moment refers to.
/// </summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private string[] _strings = new string[64];
    private int _count;

    /// <summary>The strings so far; entries never change once added, a larger table gets a new array.</summary>
    public string[] Strings => _strings;

    public int Count => _count;

    public int IndexOf(string value)
    {
        if (_indexes.TryGetValue(value, out var index)) return index;
        if (_count == _strings.Length) Array.Resize(ref _strings, _count + (_count >> 1));
        index = _count++;
        _strings[index] = value;
        _indexes[value] = index;
        return index;
    }

    public bool TryFind(string value, out int index) => _indexes.TryGetValue(value, out index);

    /// <summary>The table's own instance of <paramref name="value"/>, added when new.</summary>
    public string Intern(string value)
    {
        var index = IndexOf(value);
        return _strings[index];
    }
}

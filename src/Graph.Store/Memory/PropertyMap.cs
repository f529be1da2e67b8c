using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Graph.Store.Memory;

/// <summary>
/// An immutable property map: keys sorted ordinally beside their values in two arrays. Immutability
/// is what lets readers hold a node's properties while a writer changes the node: a write builds a new
/// map (maps are small, a dozen keys at most) and swaps it in, so nothing a reader holds ever changes.
/// </summary>
public sealed class PropertyMap : IReadOnlyDictionary<string, object?>
{
    public static readonly PropertyMap Empty = new([], []);

    private string[] _keys;
    private readonly object?[] _values;

    private PropertyMap(string[] keys, object?[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>Builds a map from pairs; null values are left out (a null property is an absent one). A later pair wins over an earlier one with the same key.</summary>
    public static PropertyMap From(IEnumerable<KeyValuePair<string, object?>>? properties)
    {
        if (properties is null) return Empty;
        var keys = new List<string>(properties is ICollection<KeyValuePair<string, object?>> c ? c.Count : 8);
        var values = new List<object?>(keys.Capacity);
        foreach (var (key, value) in properties)
        {
            var normalised = PropertyValueRules.Normalise(key, value);
            var at = keys.IndexOf(key);
            if (at >= 0)
            {
                keys.RemoveAt(at);
                values.RemoveAt(at);
            }
            if (normalised is null) continue;
            keys.Add(key);
            values.Add(normalised);
        }
        if (keys.Count == 0) return Empty;
        var keyArray = keys.ToArray();
        var valueArray = values.ToArray();
        Array.Sort(keyArray, valueArray, StringComparer.Ordinal);
        return new PropertyMap(keyArray, valueArray);
    }

    /// <summary>
    /// Swaps keys and short string values for pooled instances, and the key array for one shared by
    /// every map with the same keys, in place: only for a map just built and not yet shared. Every node
    /// read from SQLite or JSON brings its own copies of "spanStart", "source", "preambular"…; pooled,
    /// a graph keeps one of each.
    /// </summary>
    internal void PoolStrings(Func<string, string> pool, Func<string[], string[]> shapes, int longestPooledValue)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            _keys[i] = pool(_keys[i]);
            if (_values[i] is string text && text.Length <= longestPooledValue) _values[i] = pool(text);
        }
        _keys = shapes(_keys);
    }

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<object?> Values => _values;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No property '{key}'.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    /// <summary>A map with <paramref name="key"/> set; a null value removes the key.</summary>
    public PropertyMap With(string key, object? value)
    {
        value = PropertyValueRules.Normalise(key, value);
        if (value is null) return Without(key);
        var index = IndexOf(key);
        if (index >= 0)
        {
            var values = (object?[])_values.Clone();
            values[index] = value;
            return new PropertyMap(_keys, values);
        }
        var insertAt = ~index;
        var newKeys = new string[_keys.Length + 1];
        var newValues = new object?[_values.Length + 1];
        Array.Copy(_keys, newKeys, insertAt);
        Array.Copy(_values, newValues, insertAt);
        newKeys[insertAt] = key;
        newValues[insertAt] = value;
        Array.Copy(_keys, insertAt, newKeys, insertAt + 1, _keys.Length - insertAt);
        Array.Copy(_values, insertAt, newValues, insertAt + 1, _values.Length - insertAt);
        return new PropertyMap(newKeys, newValues);
    }

    public PropertyMap Without(string key)
    {
        var index = IndexOf(key);
        if (index < 0) return this;
        if (_keys.Length == 1) return Empty;
        var newKeys = new string[_keys.Length - 1];
        var newValues = new object?[_values.Length - 1];
        Array.Copy(_keys, newKeys, index);
        Array.Copy(_values, newValues, index);
        Array.Copy(_keys, index + 1, newKeys, index, _keys.Length - index - 1);
        Array.Copy(_values, index + 1, newValues, index, _values.Length - index - 1);
        return new PropertyMap(newKeys, newValues);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++) yield return new(_keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key) => Array.BinarySearch(_keys, key, StringComparer.Ordinal);
}

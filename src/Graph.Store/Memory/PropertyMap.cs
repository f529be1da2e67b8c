using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Graph.Store.Memory;

/// <summary>
/// An immutable property map. Built by <see cref="From"/> or <see cref="With"/> it holds keys sorted
/// ordinally beside their values in two arrays; read from a <see cref="MemoryGraph"/> it is a view of
/// the graph's byte record (<see cref="PropertyRecord"/>) and decodes values as they are asked for.
/// Immutability is what lets readers hold a node's properties while a writer changes the node: a
/// write builds a new map (maps are small, a dozen keys at most) and stores a new record, so nothing
/// a reader holds ever changes.
/// </summary>
public sealed class PropertyMap : IReadOnlyDictionary<string, object?>
{
    public static readonly PropertyMap Empty = new([], []);

    private readonly string[]? _keys;
    private readonly object?[]? _values;

    private readonly ReadOnlyMemory<byte> _record;
    private readonly int _offset;
    private readonly StringTable? _strings;

    private PropertyMap(string[] keys, object?[] values)
    {
        _keys = keys;
        _values = values;
    }

    private PropertyMap(ReadOnlyMemory<byte> record, int offset, StringTable strings)
    {
        _record = record;
        _offset = offset;
        _strings = strings;
    }

    /// <summary>
    /// A view of the record at <paramref name="offset"/> in <paramref name="chunk"/> (an array, or a mapped part of the
    /// snapshot file); the chunk must never change below it, and the string table only grow.
    /// </summary>
    internal static PropertyMap OfRecord(ReadOnlyMemory<byte> chunk, int offset, StringTable strings) => new(chunk, offset, strings);

    /// <summary>Builds a map from pairs; null values are left out (a null property is an absent one). A later pair wins over an earlier one with the same key.</summary>
    public static PropertyMap From(IEnumerable<KeyValuePair<string, object?>>? properties)
    {
        if (properties is null) return Empty;
        if (properties is PropertyMap map) return map;
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

    public int Count => _keys?.Length ?? Reader().Header().Count;

    public IEnumerable<string> Keys => _keys ?? (IEnumerable<string>)Detach()._keys!;

    public IEnumerable<object?> Values => _values ?? (IEnumerable<object?>)Detach()._values!;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No property '{key}'.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (_keys is not null)
        {
            var index = IndexOf(key);
            value = index >= 0 ? _values![index] : null;
            return index >= 0;
        }
        var reader = Reader();
        var count = reader.Header().Count;
        for (var i = 0; i < count; i++)
        {
            var order = string.CompareOrdinal(reader.Key(), key);
            if (order == 0)
            {
                value = reader.Value();
                return true;
            }
            if (order > 0) break;
            reader.SkipValue();
        }
        value = null;
        return false;
    }

    /// <summary>A map with <paramref name="key"/> set; a null value removes the key.</summary>
    public PropertyMap With(string key, object? value)
    {
        if (_keys is null) return Detach().With(key, value);
        value = PropertyValueRules.Normalise(key, value);
        if (value is null) return Without(key);
        var index = IndexOf(key);
        if (index >= 0)
        {
            var values = (object?[])_values!.Clone();
            values[index] = value;
            return new PropertyMap(_keys, values);
        }
        var insertAt = ~index;
        var newKeys = new string[_keys.Length + 1];
        var newValues = new object?[_values!.Length + 1];
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
        if (_keys is null) return ContainsKey(key) ? Detach().Without(key) : this;
        var index = IndexOf(key);
        if (index < 0) return this;
        if (_keys.Length == 1) return Empty;
        var newKeys = new string[_keys.Length - 1];
        var newValues = new object?[_values!.Length - 1];
        Array.Copy(_keys, newKeys, index);
        Array.Copy(_values, newValues, index);
        Array.Copy(_keys, index + 1, newKeys, index, _keys.Length - index - 1);
        Array.Copy(_values, index + 1, newValues, index, _values.Length - index - 1);
        return new PropertyMap(newKeys, newValues);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        var map = _keys is null ? Detach() : this;
        for (var i = 0; i < map._keys!.Length; i++) yield return new(map._keys[i], map._values![i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key) => Array.BinarySearch(_keys!, key, StringComparer.Ordinal);

    private PropertyRecord.Reader Reader() => new(_record.Span, _offset, _strings!);

    /// <summary>The record decoded into the array form, every value materialised.</summary>
    private PropertyMap Detach()
    {
        var reader = Reader();
        var count = reader.Header().Count;
        var keys = new string[count];
        var values = new object?[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = reader.Key();
            values[i] = reader.Value();
        }
        return new PropertyMap(keys, values);
    }
}

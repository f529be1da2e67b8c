using System.Collections;
using Graph.Model;

namespace Graph.Store.Memory;

/// <summary>
/// The value types a property may hold: string, long, double, bool, lists of values and (for Cypher)
/// maps of string to value, temporal values (<see cref="TemporalProperty"/>) and points (<see cref="SpatialPoint"/>). Other CLR numbers are widened to long or double; anything else is refused.
/// </summary>
public static class PropertyValueRules
{
    public static object? Normalise(string key, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return NormaliseValue(key, value);
    }

    /// <summary>Small integers (ordinals, counts, years are not) boxed once, shared by every property holding them.</summary>
    private static readonly object[] SmallIntegers = [.. Enumerable.Range(0, 1024).Select(i => (object)(long)i)];

    private static readonly object True = true, False = false;

    /// <summary>A long as an object, shared for small values.</summary>
    internal static object Box(long value) => value is >= 0 and < 1024 ? SmallIntegers[value] : value;

    internal static object Box(bool value) => value ? True : False;

    private static object? NormaliseValue(string key, object? value) => value switch
    {
        null => null,
        long l when l is >= 0 and < 1024 => SmallIntegers[l],
        bool b => b ? True : False,
        string or long or double or TemporalProperty or SpatialPoint => value,
        int or short or byte or uint or float or decimal or DateOnly => PropertyValues.Normalise(value),
        IDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => NormaliseValue(key, p.Value), StringComparer.Ordinal),
        IList list => list.Cast<object?>().Select(item => NormaliseValue(key, item)).ToList(),
        _ => throw new ArgumentException($"Property '{key}' has a value of type {value.GetType().Name}; a property holds a string, integer, float, boolean, temporal value, point, list or map.", nameof(value)),
    };
}

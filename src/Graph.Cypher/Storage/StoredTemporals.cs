using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Graph.Cypher.Values;
using Graph.Store.Memory;

namespace Graph.Cypher.Storage;

/// <summary>
/// Between the engine's temporal values and the store's <see cref="TemporalProperty"/>: converted on the way into the
/// store (also inside lists) and typed again on the way out, so a stored date is a DATE to every query.
/// </summary>
internal static class StoredTemporals
{
    public static object? ToStore(object? value) => value switch
    {
        DateValue d => new TemporalProperty(TemporalKind.Date, 0, d.Date.DayNumber, 0, 0, 0, null),
        LocalTimeValue t => new TemporalProperty(TemporalKind.LocalTime, 0, 0, 0, t.Nanos, 0, null),
        TimeValue t => new TemporalProperty(TemporalKind.Time, 0, 0, 0, t.Nanos, t.Offset, null),
        LocalDateTimeValue t => new TemporalProperty(TemporalKind.LocalDateTime, 0, t.Date.DayNumber, 0, t.Nanos, 0, null),
        DateTimeValue t => new TemporalProperty(TemporalKind.DateTime, 0, t.Date.DayNumber, 0, t.Nanos, t.Offset, t.Zone),
        DurationValue d => new TemporalProperty(TemporalKind.Duration, d.Months, d.Days, d.Seconds, d.Nanos, 0, null),
        List<object?> list when list.Exists(e => e is TemporalValue) => list.ConvertAll(ToStore),
        _ => value,
    };

    public static object? FromStore(object? value) => value switch
    {
        TemporalProperty t => t.Kind switch
        {
            TemporalKind.Date => new DateValue(CivilDate.FromDayNumber(t.Days)),
            TemporalKind.LocalTime => new LocalTimeValue(t.Nanos),
            TemporalKind.Time => new TimeValue(t.Nanos, t.Offset),
            TemporalKind.LocalDateTime => new LocalDateTimeValue(CivilDate.FromDayNumber(t.Days), t.Nanos),
            TemporalKind.DateTime => new DateTimeValue(CivilDate.FromDayNumber(t.Days), t.Nanos, t.Offset, t.Zone),
            _ => new DurationValue(t.Months, t.Days, t.Seconds, t.Nanos),
        },
        List<object?> list when list.Exists(e => e is TemporalProperty) => list.ConvertAll(FromStore),
        _ => value,
    };

    public static IEnumerable<KeyValuePair<string, object?>> ToStore(IEnumerable<KeyValuePair<string, object?>> properties) =>
        properties.Select(p => new KeyValuePair<string, object?>(p.Key, ToStore(p.Value)));
}

/// <summary>A stored property map seen by the engine: temporal values typed as it reads them.</summary>
internal sealed class TypedProperties(IReadOnlyDictionary<string, object?> stored) : IReadOnlyDictionary<string, object?>
{
    public object? this[string key] => StoredTemporals.FromStore(stored[key]);

    public IEnumerable<string> Keys => stored.Keys;

    public IEnumerable<object?> Values => stored.Values.Select(StoredTemporals.FromStore);

    public int Count => stored.Count;

    public bool ContainsKey(string key) => stored.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var found = stored.TryGetValue(key, out var raw);
        value = StoredTemporals.FromStore(raw);
        return found;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        stored.Select(p => new KeyValuePair<string, object?>(p.Key, StoredTemporals.FromStore(p.Value))).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

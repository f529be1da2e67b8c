using System.Collections;
using System.Globalization;
using System.Text.Json;
using Graph.Model;

namespace Graph.Store.Export;

/// <summary>The value type of a property column, decided from every value the column holds.</summary>
internal enum ColumnType
{
    Boolean,
    Long,
    Double,
    String,
    LongArray,
    DoubleArray,
    StringArray,
}

/// <summary>
/// Typed columns for the properties of a set of nodes or relationships. A column is a long if every
/// value is an integer, a double if every value is a number, a boolean if every value is one, an array
/// of those for lists, and a string otherwise (mixed values are written as their text).
/// </summary>
internal sealed class PropertyColumns
{
    private PropertyColumns(IReadOnlyList<(string Name, ColumnType Type)> columns) => Columns = columns;

    public IReadOnlyList<(string Name, ColumnType Type)> Columns { get; }

    public static PropertyColumns Of(IEnumerable<IReadOnlyDictionary<string, object?>> propertyMaps, params string[] excluded)
    {
        var types = new SortedDictionary<string, ColumnType?>(StringComparer.Ordinal);
        foreach (var map in propertyMaps)
            foreach (var (key, value) in map)
            {
                if (value is null || excluded.Contains(key)) continue;
                var type = TypeOf(value);
                types[key] = types.TryGetValue(key, out var known) && known is { } k ? Widen(k, type) : type;
            }
        return new PropertyColumns([.. types.Select(p => (p.Key, p.Value ?? ColumnType.String))]);
    }

    public static ColumnType TypeOf(object value) => value switch
    {
        bool => ColumnType.Boolean,
        long or int => ColumnType.Long,
        double or float => ColumnType.Double,
        IList list => list.Cast<object?>().Where(v => v is not null).Select(v => TypeOf(v!)).Aggregate(
            (ColumnType?)null, (acc, t) => acc is null ? t : Widen(acc.Value, t)) switch
        {
            ColumnType.Long => ColumnType.LongArray,
            ColumnType.Double => ColumnType.DoubleArray,
            _ => ColumnType.StringArray,
        },
        _ => ColumnType.String,
    };

    private static ColumnType Widen(ColumnType a, ColumnType b) => (a, b) switch
    {
        _ when a == b => a,
        (ColumnType.Long, ColumnType.Double) or (ColumnType.Double, ColumnType.Long) => ColumnType.Double,
        (ColumnType.LongArray, ColumnType.DoubleArray) or (ColumnType.DoubleArray, ColumnType.LongArray) => ColumnType.DoubleArray,
        _ when IsArray(a) && IsArray(b) => ColumnType.StringArray,
        _ when IsArray(a) || IsArray(b) => ColumnType.StringArray,
        _ => ColumnType.String,
    };

    private static bool IsArray(ColumnType type) => type is ColumnType.LongArray or ColumnType.DoubleArray or ColumnType.StringArray;

    /// <summary>A scalar as text in the invariant culture (lists as JSON when a column is a plain string).</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IList list => JsonSerializer.Serialize(list.Cast<object?>().Select(v => PropertyValues.Normalise(v))),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

using System.Collections;
using System.Globalization;
using Graph.Model;

namespace Graph.Store.Memory;

/// <summary>
/// Equality of property values as an index sees it, the same as Cypher's: 1 and 1.0 are equal,
/// lists compare element by element. Maps and nulls are not indexed.
/// </summary>
internal sealed class IndexKeyComparer : IEqualityComparer<object>
{
    public static readonly IndexKeyComparer Instance = new();

    public static bool IsIndexable(object? value) => value switch
    {
        null => false,
        IDictionary => false,
        IList list => list.Cast<object?>().All(IsIndexable),
        _ => true,
    };

    public new bool Equals(object? x, object? y) => PropertyValues.AreEqual(x, y);

    public int GetHashCode(object value) => value switch
    {
        string s => StringComparer.Ordinal.GetHashCode(s),
        long l => ((double)l).GetHashCode(),
        double d => d.GetHashCode(),
        int i => ((double)i).GetHashCode(),
        bool b => b.GetHashCode(),
        IList list => list.Cast<object?>().Aggregate(17, (hash, item) => HashCode.Combine(hash, item is null ? 0 : GetHashCode(item))),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.GetHashCode(StringComparison.Ordinal) ?? 0,
    };
}

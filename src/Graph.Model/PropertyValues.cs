using System.Collections;
using System.Globalization;

namespace Graph.Model;

/// <summary>Helpers for the small set of property value types the graph allows.</summary>
public static class PropertyValues
{
    /// <summary>Deep-copies lists so that clones never share mutable state.</summary>
    public static object? Copy(object? value) => value switch
    {
        IList list => list.Cast<object?>().Select(Copy).ToList(),
        _ => value,
    };

    /// <summary>Structural equality: lists compare element by element, integers and doubles by value.</summary>
    public static bool AreEqual(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is IList la && b is IList lb)
        {
            if (la.Count != lb.Count) return false;
            for (var i = 0; i < la.Count; i++)
                if (!AreEqual(la[i], lb[i])) return false;
            return true;
        }
        if (IsNumber(a) && IsNumber(b))
            return Convert.ToDouble(a, CultureInfo.InvariantCulture) == Convert.ToDouble(b, CultureInfo.InvariantCulture);
        return a.Equals(b);
    }

    /// <summary>Normalises CLR numbers to long or double, the two numeric types the graph stores.</summary>
    public static object? Normalise(object? value) => value switch
    {
        null => null,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint u => (long)u,
        float f => (double)f,
        decimal m => (double)m,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IList list => list.Cast<object?>().Select(Normalise).ToList(),
        _ => value,
    };

    private static bool IsNumber(object value) => value is long or int or double or float or short or byte or decimal;
}

using System.Runtime.CompilerServices;
using Graph.Cypher.Execution;

namespace Graph.Cypher.Values;

/// <summary>
/// Cypher's three-valued equality, comparability (for &lt; &gt;), orderability (for ORDER BY) and
/// equivalence (for DISTINCT and grouping) over runtime values.
/// </summary>
internal static class CypherValues
{
    /// <summary>
    /// Called before a walk descends into a list or map: ticks the query's time budget (a long list compared element by
    /// element is a long-running loop) and checks the stack, which values built by the engine never come near
    /// (<see cref="ValueSize.MaxDepth"/>) but a value handed in from outside might.
    /// </summary>
    private static void Descend()
    {
        QueryBudget.TickCurrent();
        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    public static bool IsNumber(object? v) => v is long or double;

    public static double ToDouble(object v) => v is long l ? l : (double)v;

    public static string TypeName(object? v) => v switch
    {
        null => "Null",
        bool => "Boolean",
        long => "Integer",
        double => "Float",
        string => "String",
        List<object?> => "List",
        Dictionary<string, object?> => "Map",
        NodeRef => "Node",
        RelRef => "Relationship",
        PathValue => "Path",
        TemporalValue t => t.TypeName,
        Graph.Model.SpatialPoint => "Point",
        byte[] => "ByteArray",
        _ => v.GetType().Name,
    };

    /// <summary>Cypher '=': null when either side (or a nested element that decides) is null.</summary>
    public static bool? Equal(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        switch (a)
        {
            case long la when b is long lb:
                return la == lb;
            case long or double when b is long or double:
                return NumbersEqual(a, b);
            case string sa when b is string sb:
                return sa == sb;
            case bool ba when b is bool bb:
                return ba == bb;
            case List<object?> xa when b is List<object?> xb:
                {
                    Descend();
                    if (xa.Count != xb.Count)
                    {
                        return false;
                    }

                    var sawNull = false;
                    for (var i = 0; i < xa.Count; i++)
                    {
                        var e = Equal(xa[i], xb[i]);
                        if (e == false)
                        {
                            return false;
                        }

                        if (e is null)
                        {
                            sawNull = true;
                        }
                    }

                    return sawNull ? null : true;
                }

            case Dictionary<string, object?> ma when b is Dictionary<string, object?> mb:
                {
                    Descend();
                    if (ma.Count != mb.Count)
                    {
                        return false;
                    }

                    var sawNull = false;
                    foreach (var (key, value) in ma)
                    {
                        if (!mb.TryGetValue(key, out var other))
                        {
                            return false;
                        }

                        var e = Equal(value, other);
                        if (e == false)
                        {
                            return false;
                        }

                        if (e is null)
                        {
                            sawNull = true;
                        }
                    }

                    return sawNull ? null : true;
                }

            case NodeRef na when b is NodeRef nb:
                return na.Id == nb.Id;
            case RelRef ra when b is RelRef rb:
                return ra.Id == rb.Id;
            case PathValue pa when b is PathValue pb:
                return pa.Equals(pb);
            case TemporalValue ta when b is TemporalValue tb:
                return ta.Equals(tb);
            case Graph.Model.SpatialPoint pa when b is Graph.Model.SpatialPoint pb:
                return pa.Equals(pb);
            case byte[] ba when b is byte[] bb:
                return ba.AsSpan().SequenceEqual(bb);
            default:
                return false;
        }
    }

    private static bool NumbersEqual(object a, object b)
    {
        if (a is long la && b is double db)
        {
            return !double.IsNaN(db) && (double)la == db && (db < 9.3e18 ? (long)db == la : false);
        }

        if (a is double && b is long)
        {
            return NumbersEqual(b, a);
        }

        return ToDouble(a) == ToDouble(b);
    }

    /// <summary>
    /// Comparison for &lt;, &lt;=, &gt;, &gt;=: null when the values are not comparable (different types, null, NaN
    /// involved); otherwise the sign.
    /// </summary>
    public static int? Compare(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        switch (a)
        {
            case long la when b is long lb:
                return la.CompareTo(lb);
            case long or double when b is long or double:
                {
                    if (a is double da0 && double.IsNaN(da0) || b is double db0 && double.IsNaN(db0))
                    {
                        return null;
                    }

                    if (a is long la2 && b is double db2)
                    {
                        return CompareLongDouble(la2, db2);
                    }

                    if (a is double da3 && b is long lb3)
                    {
                        return -CompareLongDouble(lb3, da3);
                    }

                    return ((double)a).CompareTo((double)b);
                }

            case string sa when b is string sb:
                return string.CompareOrdinal(sa, sb);
            case bool ba when b is bool bb:
                return ba.CompareTo(bb);
            case TemporalValue:
                return Execution.TemporalFunctions.Compare(a, b);
            case List<object?> xa when b is List<object?> xb:
                {
                    Descend();
                    for (var i = 0; i < Math.Min(xa.Count, xb.Count); i++)
                    {
                        var e = Equal(xa[i], xb[i]);
                        if (e == true)
                        {
                            continue;
                        }

                        var c = Compare(xa[i], xb[i]);
                        return c is null or 0 ? null : c;
                    }

                    return xa.Count.CompareTo(xb.Count);
                }

            default:
                return null;
        }
    }

    private static int CompareLongDouble(long l, double d)
    {
        if (d >= 9.3e18)
        {
            return -1;
        }

        if (d <= -9.3e18)
        {
            return 1;
        }

        var c = ((double)l).CompareTo(d);
        if (c != 0)
        {
            return c;
        }

        // Same double: decide by the exact integer part.
        var truncated = (long)Math.Floor(d);
        var byInteger = l.CompareTo(truncated);
        return byInteger != 0 ? byInteger : (d > truncated ? -1 : 0);
    }

    private static double TypeRank(object? v) => v switch
    {
        Dictionary<string, object?> => 0,
        NodeRef => 1,
        RelRef => 2,
        List<object?> => 3,
        PathValue => 4,
        DateTimeValue => 5,
        LocalDateTimeValue => 6,
        DateValue => 7,
        TimeValue => 8,
        LocalTimeValue => 9,
        DurationValue => 9.5,
        string => 10,
        bool => 11,
        long or double => 12,
        null => 100,
        _ => 50,
    };

    /// <summary>The total order used by ORDER BY (ascending): maps, nodes, relationships, lists, paths, strings, booleans, numbers, null.</summary>
    public static int OrderCompare(object? a, object? b)
    {
        var ra = TypeRank(a);
        var rb = TypeRank(b);
        if (ra != rb)
        {
            return ra.CompareTo(rb);
        }

        switch (a)
        {
            case null:
                return 0;
            case long or double:
                {
                    var nanA = a is double da && double.IsNaN(da);
                    var nanB = b is double db && double.IsNaN(db);
                    if (nanA || nanB)
                    {
                        return nanA.CompareTo(nanB);
                    }

                    var c = Compare(a, b)!.Value;
                    if (c == 0 && a.GetType() != b!.GetType())
                    {
                        // 1 and 1.0 are equal, but keep a stable total order.
                        return a is long ? -1 : 1;
                    }

                    return c;
                }

            case string sa:
                return string.CompareOrdinal(sa, (string)b!);
            case bool ba:
                return ba.CompareTo((bool)b!);
            case List<object?> xa:
                {
                    Descend();
                    var xb = (List<object?>)b!;
                    for (var i = 0; i < Math.Min(xa.Count, xb.Count); i++)
                    {
                        var c = OrderCompare(xa[i], xb[i]);
                        if (c != 0)
                        {
                            return c;
                        }
                    }

                    return xa.Count.CompareTo(xb.Count);
                }

            case NodeRef na:
                return na.Id.CompareTo(((NodeRef)b!).Id);
            case RelRef rla:
                return rla.Id.CompareTo(((RelRef)b!).Id);
            case PathValue pa:
                {
                    var pb = (PathValue)b!;
                    for (var i = 0; i < Math.Min(pa.Nodes.Count, pb.Nodes.Count); i++)
                    {
                        var c = pa.Nodes[i].CompareTo(pb.Nodes[i]);
                        if (c != 0)
                        {
                            return c;
                        }
                    }

                    return pa.Nodes.Count.CompareTo(pb.Nodes.Count);
                }

            case DurationValue da:
                {
                    var db = (DurationValue)b!;
                    var c = da.Months.CompareTo(db.Months);
                    c = c != 0 ? c : da.Days.CompareTo(db.Days);
                    return c != 0 ? c : da.TotalNanos.CompareTo(db.TotalNanos);
                }

            case TemporalValue:
                return Execution.TemporalFunctions.Compare(a, b!) ?? 0;
            case Dictionary<string, object?> ma:
                {
                    Descend();
                    var mb = (Dictionary<string, object?>)b!;
                    var ka = ma.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
                    var kb = mb.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
                    for (var i = 0; i < Math.Min(ka.Count, kb.Count); i++)
                    {
                        var c = string.CompareOrdinal(ka[i], kb[i]);
                        if (c != 0)
                        {
                            return c;
                        }

                        c = OrderCompare(ma[ka[i]], mb[kb[i]]);
                        if (c != 0)
                        {
                            return c;
                        }
                    }

                    return ka.Count.CompareTo(kb.Count);
                }

            default:
                return 0;
        }
    }

    /// <summary>Equivalence: like equality, but null ≡ null and NaN ≡ NaN; used for DISTINCT and grouping keys.</summary>
    public static readonly IEqualityComparer<object?> Equivalence = new EquivalenceComparer();

    private sealed class EquivalenceComparer : IEqualityComparer<object?>
    {
        public new bool Equals(object? x, object? y)
        {
            if (x is null || y is null)
            {
                return x is null && y is null;
            }

            if (x is double dx && double.IsNaN(dx))
            {
                return y is double dy && double.IsNaN(dy);
            }

            switch (x)
            {
                case List<object?> lx when y is List<object?> ly:
                    Descend();
                    if (lx.Count != ly.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < lx.Count; i++)
                    {
                        if (!Equals(lx[i], ly[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                case Dictionary<string, object?> mx when y is Dictionary<string, object?> my:
                    Descend();
                    if (mx.Count != my.Count)
                    {
                        return false;
                    }

                    foreach (var (k, v) in mx)
                    {
                        if (!my.TryGetValue(k, out var o) || !Equals(v, o))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return Equal(x, y) == true;
            }
        }

        public int GetHashCode(object? obj)
        {
            switch (obj)
            {
                case null:
                    return 0;
                case long l:
                    return ((double)l).GetHashCode();
                case double d:
                    return double.IsNaN(d) ? 1 : d.GetHashCode();
                case List<object?> list:
                    {
                        Descend();
                        var h = 17;
                        foreach (var e in list)
                        {
                            h = (h * 31) + GetHashCode(e);
                        }

                        return h;
                    }

                case Dictionary<string, object?> map:
                    {
                        // Order-free: two equal maps may list their keys in different orders.
                        Descend();
                        var h = 19;
                        foreach (var (key, value) in map)
                        {
                            h ^= (StringComparer.Ordinal.GetHashCode(key) * 7) + GetHashCode(value);
                        }

                        return h;
                    }

                default:
                    return obj.GetHashCode();
            }
        }
    }

    /// <summary>Grouping key of several values at once.</summary>
    public sealed class KeyComparer : IEqualityComparer<object?[]>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(object?[]? x, object?[]? y)
        {
            if (x is null || y is null || x.Length != y.Length)
            {
                return false;
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!Equivalence.Equals(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(object?[] obj)
        {
            var h = 23;
            foreach (var v in obj)
            {
                h = (h * 31) + Equivalence.GetHashCode(v!);
            }

            return h;
        }
    }
}

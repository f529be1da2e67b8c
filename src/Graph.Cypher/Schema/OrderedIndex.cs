using Graph.Cypher.Storage;

namespace Graph.Cypher.Schema;

/// <summary>
/// The ordered side of a declared RANGE or TEXT index on (label, property): the label's string values and number values,
/// each sorted, so that <c>STARTS WITH</c> and range predicates read a slice instead of every node of the label. The
/// store's own property index answers equality by hash and keeps no order, so this is kept beside it, built at the
/// first such lookup and again after the graph changed (<see cref="IGraphAccess.ChangeStamp"/>).
/// </summary>
internal sealed class OrderedIndex(string label, string property)
{
    private readonly Lock gate = new();
    private long builtFor = -1;
    private (string Value, long Id)[] strings = [];
    private (double Value, long Id)[] numbers = [];

    /// <summary>The nodes whose string value starts with <paramref name="prefix"/> (ordinal, as Cypher compares strings).</summary>
    public IReadOnlyList<long> StartsWith(IGraphAccess graph, string prefix)
    {
        var sorted = Strings(graph);
        var from = LowerBound(sorted, prefix);
        var result = new List<long>();
        for (var i = from; i < sorted.Length && sorted[i].Value.StartsWith(prefix, StringComparison.Ordinal); i++) result.Add(sorted[i].Id);
        return result;
    }

    /// <summary>The nodes whose value lies between the bounds (either may be absent) and is of the bounds' kind: numbers or strings.</summary>
    public IReadOnlyList<long> Range(IGraphAccess graph, object? lower, bool lowerInclusive, object? upper, bool upperInclusive)
    {
        if ((lower ?? upper) is string)
        {
            if (lower is not (null or string) || upper is not (null or string)) return [];
            var sorted = Strings(graph);
            var from = lower is string l ? LowerBound(sorted, l) : 0;
            var result = new List<long>();
            for (var i = from; i < sorted.Length; i++)
            {
                var value = sorted[i].Value;
                if (lower is string lo && !lowerInclusive && string.CompareOrdinal(value, lo) == 0) continue;
                if (upper is string hi && (string.CompareOrdinal(value, hi) > 0 || (!upperInclusive && string.CompareOrdinal(value, hi) == 0))) break;
                result.Add(sorted[i].Id);
            }

            return result;
        }

        if (!IsNumber(lower) && !IsNumber(upper) || lower is not null && !IsNumber(lower) || upper is not null && !IsNumber(upper)) return [];
        var numbersSorted = Numbers(graph);
        var low = lower is null ? double.NegativeInfinity : Convert.ToDouble(lower, System.Globalization.CultureInfo.InvariantCulture);
        var high = upper is null ? double.PositiveInfinity : Convert.ToDouble(upper, System.Globalization.CultureInfo.InvariantCulture);
        // Ids of every value in the closed interval: the predicate itself still runs on each, so the bounds' strictness
        // and a long beyond a double's precision are settled there.
        var start = 0;
        var end = numbersSorted.Length;
        while (start < end)
        {
            var mid = (start + end) / 2;
            if (numbersSorted[mid].Value < low) start = mid + 1;
            else end = mid;
        }

        var ids = new List<long>();
        for (var i = start; i < numbersSorted.Length && numbersSorted[i].Value <= high; i++) ids.Add(numbersSorted[i].Id);
        return ids;
    }

    private static bool IsNumber(object? value) => value is long or double;

    private static int LowerBound((string Value, long Id)[] sorted, string key)
    {
        var start = 0;
        var end = sorted.Length;
        while (start < end)
        {
            var mid = (start + end) / 2;
            if (string.CompareOrdinal(sorted[mid].Value, key) < 0) start = mid + 1;
            else end = mid;
        }

        return start;
    }

    private (string Value, long Id)[] Strings(IGraphAccess graph)
    {
        Refresh(graph);
        return strings;
    }

    private (double Value, long Id)[] Numbers(IGraphAccess graph)
    {
        Refresh(graph);
        return numbers;
    }

    private void Refresh(IGraphAccess graph)
    {
        lock (gate)
        {
            var stamp = graph.ChangeStamp;
            if (stamp == builtFor) return;
            var s = new List<(string, long)>();
            var n = new List<(double, long)>();
            foreach (var id in graph.NodesWithLabel(label))
            {
                switch (graph.NodeProperties(id).GetValueOrDefault(property))
                {
                    case string text: s.Add((text, id)); break;
                    case long l: n.Add((l, id)); break;
                    case double d when !double.IsNaN(d): n.Add((d, id)); break;
                }
            }

            strings = [.. s.OrderBy(e => e.Item1, StringComparer.Ordinal)];
            numbers = [.. n.OrderBy(e => e.Item1)];
            builtFor = stamp;
        }
    }
}

using System.Globalization;
using Graph.Model;

namespace Graph.Store.Services;

/// <summary>
/// How a document node is tested against a <see cref="CitationFilter"/> and what year it belongs to, so that
/// every store filters and dates documents alike.
/// </summary>
public static class DocumentFilters
{
    /// <summary>Body and kind compare case-insensitively; a year filter needs a year (property or date).</summary>
    public static bool Matches(GraphNode document, CitationFilter filter) => Matches(document.Properties, filter);

    /// <summary>
    /// <see cref="Matches(GraphNode, CitationFilter)"/> over a document's properties alone, so a store can test
    /// documents it holds without copying them into <see cref="GraphNode"/>s first.
    /// </summary>
    public static bool Matches(IReadOnlyDictionary<string, object?> properties, CitationFilter filter)
    {
        if (filter.Body is { } body && !string.Equals(StringOf(properties, "body"), body, StringComparison.OrdinalIgnoreCase)) return false;
        if (filter.Kind is { } kind && !string.Equals(StringOf(properties, "kind"), kind, StringComparison.OrdinalIgnoreCase)) return false;
        if (filter.FromYear is null && filter.ToYear is null) return true;
        if (YearOf(properties) is not { } year) return false;
        return year >= (filter.FromYear ?? long.MinValue) && year <= (filter.ToYear ?? long.MaxValue);
    }

    /// <summary>The document's <c>year</c>, or the year of its adoption, distribution or other date.</summary>
    public static long? YearOf(GraphNode node) => YearOf(node.Properties);

    private static string? StringOf(IReadOnlyDictionary<string, object?> properties, string key) =>
        properties.TryGetValue(key, out var value) ? value as string : null;

    private static long? YearOf(IReadOnlyDictionary<string, object?> properties)
    {
        if (properties.TryGetValue("year", out var value))
        {
            switch (value)
            {
                case long l: return l;
                case double d: return (long)d;
                case string s when long.TryParse(s, CultureInfo.InvariantCulture, out var parsed): return parsed;
            }
        }
        foreach (var key in (string[])["adoptionDate", "distributionDate", "date"])
            if (StringOf(properties, key) is { Length: >= 4 } date && long.TryParse(date.AsSpan(0, 4), CultureInfo.InvariantCulture, out var year))
                return year;
        return null;
    }
}

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
    public static bool Matches(GraphNode document, CitationFilter filter)
    {
        if (filter.Body is { } body && !string.Equals(document.GetString("body"), body, StringComparison.OrdinalIgnoreCase)) return false;
        if (filter.Kind is { } kind && !string.Equals(document.GetString("kind"), kind, StringComparison.OrdinalIgnoreCase)) return false;
        if (filter.FromYear is null && filter.ToYear is null) return true;
        if (YearOf(document) is not { } year) return false;
        return year >= (filter.FromYear ?? long.MinValue) && year <= (filter.ToYear ?? long.MaxValue);
    }

    /// <summary>The document's <c>year</c>, or the year of its adoption, distribution or other date.</summary>
    public static long? YearOf(GraphNode node)
    {
        if (node.Properties.TryGetValue("year", out var value))
        {
            switch (value)
            {
                case long l: return l;
                case double d: return (long)d;
                case string s when long.TryParse(s, CultureInfo.InvariantCulture, out var parsed): return parsed;
            }
        }
        foreach (var key in (string[])["adoptionDate", "distributionDate", "date"])
            if (node.GetString(key) is { Length: >= 4 } date && long.TryParse(date.AsSpan(0, 4), CultureInfo.InvariantCulture, out var year))
                return year;
        return null;
    }
}

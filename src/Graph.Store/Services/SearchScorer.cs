using Graph.Model;

namespace Graph.Store.Services;

/// <summary>
/// Scores one node against a query. Ranking, best first: the exact symbol (100), a symbol or alias
/// starting with the query (80), a name, acronym or title holding every query word (50–60), a
/// paragraph holding every query word (20–30, more for more occurrences). Each query word must start a
/// word of the text ("union" finds "Unions", not "reunion"), compared case-insensitively; punctuation
/// inside symbols is kept.
/// </summary>
internal sealed class SearchScorer
{
    private static readonly string[] NameKeys = ["name", "acronym", "title"];

    private readonly string _query;
    private readonly string[] _words;

    public SearchScorer(string query)
    {
        _query = query.Trim();
        _words = _query.Split([' ', '\t', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
    }

    public bool IsEmpty => _words.Length == 0;

    /// <summary>The query's words, as the scorer matches them (each must start a word of the text).</summary>
    public IReadOnlyList<string> Words => _words;

    private bool LooksLikeSymbolPart => _query.Contains('/', StringComparison.Ordinal) || _query.Contains('(', StringComparison.Ordinal);

    /// <summary>Labels whose nodes can match at all; other nodes (footnotes, sessions) are not searched.</summary>
    public static readonly string[] SearchedLabels =
        [Labels.Document, Labels.Organization, Labels.Operation, Labels.Agreement, Labels.Series, Labels.Meeting, Labels.Paragraph];

    public SearchHit? Score(string id, IReadOnlyList<string> labels, IReadOnlyDictionary<string, object?> properties)
    {
        if (labels.Contains(Labels.Paragraph)) return ScoreParagraph(id, labels, properties);

        if (labels.Contains(Labels.Document) || labels.Contains(Labels.Meeting))
        {
            var symbol = properties.TryGetValue("symbol", out var s) && s is string text ? text : id;
            if (string.Equals(symbol, _query, StringComparison.OrdinalIgnoreCase) || string.Equals(id, _query, StringComparison.OrdinalIgnoreCase))
                return new SearchHit(id, labels, SearchHitKind.Symbol, symbol, 100);
            if (Aliases(properties).Any(a => string.Equals(a, _query, StringComparison.OrdinalIgnoreCase)))
                return new SearchHit(id, labels, SearchHitKind.Symbol, symbol, 95);
            if (symbol.StartsWith(_query, StringComparison.OrdinalIgnoreCase) || Aliases(properties).Any(a => a.StartsWith(_query, StringComparison.OrdinalIgnoreCase)))
                return new SearchHit(id, labels, SearchHitKind.Symbol, symbol, 80 - Math.Min(10, symbol.Length - _query.Length) * 0.5);
            // Part of a symbol as people cite it: "77/13" in A/RES/77/13, "1631 (2005)" in S/RES/1631 (2005).
            if (LooksLikeSymbolPart && (SearchText.ContainsWord(symbol, _query) || Aliases(properties).Any(a => SearchText.ContainsWord(a, _query))))
                return new SearchHit(id, labels, SearchHitKind.Symbol, symbol, 70);
        }

        foreach (var key in NameKeys)
        {
            if (!properties.TryGetValue(key, out var value) || value is not string name || !ContainsAllWords(name)) continue;
            var kind = labels.Contains(Labels.Organization) ? SearchHitKind.Organization
                : labels.Contains(Labels.Operation) ? SearchHitKind.Operation
                : labels.Contains(Labels.Document) || labels.Contains(Labels.Series) ? SearchHitKind.Title
                : SearchHitKind.Other;
            var exact = string.Equals(name, _query, StringComparison.OrdinalIgnoreCase) ? 10 : 0;
            var named = kind is SearchHitKind.Organization or SearchHitKind.Operation ? 5 : 0;
            return new SearchHit(id, labels, kind, name, 50 + exact + named + Tightness(name));
        }
        return null;
    }

    private SearchHit? ScoreParagraph(string id, IReadOnlyList<string> labels, IReadOnlyDictionary<string, object?> properties)
    {
        if (!properties.TryGetValue("text", out var value) || value is not string text || !ContainsAllWords(text)) return null;
        var occurrences = _words.Sum(w => SearchText.CountWords(text, w));
        var at = SearchText.IndexOfWord(text, _words[0]);
        var phrase = SearchText.ContainsWord(text, _query) ? 5 : 0;
        return new SearchHit(id, labels, SearchHitKind.Paragraph, Snippet(text, at), 20 + phrase + Math.Min(5, occurrences - _words.Length));
    }

    private bool ContainsAllWords(string text) => _words.All(w => SearchText.ContainsWord(text, w));

    /// <summary>Shorter names around the same words rank higher: 0..5.</summary>
    private double Tightness(string name) => 5.0 * Math.Min(1, (double)_query.Length / Math.Max(1, name.Length));

    private static string Snippet(string text, int at)
    {
        const int Before = 60, Length = 200;
        var start = Math.Max(0, at - Before);
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            if (space >= 0 && space < at) start = space + 1;
        }
        var end = Math.Min(text.Length, start + Length);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }

    private static IEnumerable<string> Aliases(IReadOnlyDictionary<string, object?> properties) =>
        properties.TryGetValue("aliases", out var value) && value is System.Collections.IList list ? list.OfType<string>() : [];
}

/// <summary>Search through any <see cref="IGraphReader"/>: scans the searched labels (fine for small graphs and remote stores).</summary>
public sealed class SearchService(IGraphReader reader) : ISearchService
{
    public async ValueTask<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        var scorer = new SearchScorer(query ?? "");
        if (scorer.IsEmpty || limit <= 0) return [];
        var hits = new Dictionary<string, SearchHit>(StringComparer.Ordinal);
        foreach (var label in SearchScorer.SearchedLabels)
            foreach (var node in await reader.FindNodesAsync(label, cancellationToken: cancellationToken).ConfigureAwait(false))
                if (!hits.ContainsKey(node.Id) && scorer.Score(node.Id, [.. node.Labels], node.Properties) is { } hit)
                    hits[node.Id] = hit;
        return SearchResults.Rank(hits.Values, limit);
    }
}

internal static class SearchResults
{
    public static IReadOnlyList<SearchHit> Rank(IEnumerable<SearchHit> hits, int limit) =>
        [.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.Id, SymbolOrder.Instance).Take(limit)];
}

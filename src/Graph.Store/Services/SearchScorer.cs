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

    /// <summary>Words people put before a resolution's number ("res 77/13", "resolution 1631"), as its symbol spells them.</summary>
    private static readonly Dictionary<string, string> SymbolWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["res"] = "RES", ["res."] = "RES", ["resolution"] = "RES", ["resolutions"] = "RES",
        ["prst"] = "PRST", ["dec"] = "DEC", ["decision"] = "DEC",
    };

    public SearchScorer(string query)
    {
        var words = query.Trim().Split([' ', '\t', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
        // "res 77/13" and "resolution 1631" name a symbol: the leading word becomes the symbol's own part,
        // so that it is looked up (and matched) as a word of the symbol, not of titles.
        if (words.Length > 1 && SymbolWords.TryGetValue(words[0], out var part) && words.Skip(1).All(LooksLikeNumberPart))
        {
            words[0] = part;
            _isSymbolWords = true;
        }
        _words = words;
        _query = string.Join(' ', words);
    }

    private readonly bool _isSymbolWords;

    /// <summary>"77/13", "1631", "(2005)": what a resolution's number looks like.</summary>
    private static bool LooksLikeNumberPart(string word) => word.Any(char.IsDigit) && word.All(c => char.IsDigit(c) || c is '/' or '(' or ')' or '.');

    public bool IsEmpty => _words.Length == 0;

    /// <summary>The query's words, as the scorer matches them (each must start a word of the text).</summary>
    public IReadOnlyList<string> Words => _words;

    private bool LooksLikeSymbolPart =>
        _query.Contains('/', StringComparison.Ordinal) || _query.Contains('(', StringComparison.Ordinal) || IsNumber;

    /// <summary>A bare number, as "1631" for S/RES/1631 (2005): at least three digits, so "12" finds no symbol of its own.</summary>
    private bool IsNumber => _query.Length >= 3 && _query.All(char.IsDigit);

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
            if (LooksLikeSymbolPart && (IsSymbolPart(symbol) || Aliases(properties).Any(IsSymbolPart)))
                return new SearchHit(id, labels, SearchHitKind.Symbol, symbol, 70);
            // "res 77/13": every word is a part of the symbol.
            if (_isSymbolWords && (HasAllWords(symbol) || Aliases(properties).Any(HasAllWords)))
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
        // An organisation or operation by another of its names: "CSTO" for the Collective Security Treaty Organization.
        if ((labels.Contains(Labels.Organization) || labels.Contains(Labels.Operation) || labels.Contains(Labels.Agreement))
            && properties.TryGetValue("name", out var canonical) && canonical is string canonicalName
            && Aliases(properties).FirstOrDefault(ContainsAllWords) is { } alias)
        {
            var kind = labels.Contains(Labels.Organization) ? SearchHitKind.Organization
                : labels.Contains(Labels.Operation) ? SearchHitKind.Operation : SearchHitKind.Other;
            var exact = string.Equals(alias, _query, StringComparison.OrdinalIgnoreCase) ? 10 : 0;
            return new SearchHit(id, labels, kind, canonicalName, 50 + exact + 5 + Tightness(alias));
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

    private bool HasAllWords(string symbol) => _words.All(w => SearchText.ContainsWord(symbol, w));

    /// <summary>
    /// The query is a part of the symbol as people cite it. A bare number must be a whole one of the symbol's
    /// numbers: "1631" is in S/RES/1631 (2005) but not in S/RES/16310.
    /// </summary>
    private bool IsSymbolPart(string symbol)
    {
        var at = SearchText.IndexOfWord(symbol, _query);
        if (at < 0) return false;
        if (!IsNumber) return true;
        for (; at >= 0; at = SearchText.IndexOfWord(symbol, _query, at + 1))
            if (at + _query.Length == symbol.Length || !char.IsDigit(symbol[at + _query.Length])) return true;
        return false;
    }

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

using Graph.Model;
using Graph.Neo4j.QueryApi;
using Graph.Store;

namespace Graph.Neo4j.Services;

/// <summary>
/// Search in standard Cypher (CONTAINS on lower-cased text, no full-text procedures) so that it runs the
/// same on every Neo4j edition and on this project's own Query API: exact symbols and aliases first,
/// then symbol prefixes, then names, acronyms and titles, then paragraphs that contain every query word (as a phrase first).
/// </summary>
internal sealed class Neo4jSearchService(Neo4jGraphStore store) : ISearchService
{
    private const string N = Neo4jSchema.NodeLabel;

    public async ValueTask<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        var text = query.Trim();
        if (text.Length == 0 || limit <= 0) return [];
        var lower = text.ToLowerInvariant();
        var words = lower.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var parameters = new Dictionary<string, object?>
        {
            ["q"] = text, ["lq"] = lower, ["words"] = words.Cast<object?>().ToList(), ["limit"] = (long)limit,
        };
        var hits = new Dictionary<string, SearchHit>(StringComparer.Ordinal);
        void Add(SearchHit hit)
        {
            if (!hits.TryGetValue(hit.Id, out var existing) || existing.Score < hit.Score) hits[hit.Id] = hit;
        }

        var symbols = await store.QueryAsync(
            $"MATCH (d:{N}:{Labels.Document}) WHERE toLower(d.id) CONTAINS $lq OR any(a IN coalesce(d.aliases, []) WHERE toLower(a) CONTAINS $lq) " +
            "RETURN d ORDER BY size(d.id), d.id LIMIT $limit", parameters, cancellationToken).ConfigureAwait(false);
        foreach (var node in Nodes(symbols))
        {
            var aliases = node.Properties.TryGetValue("aliases", out var a) && a is List<object?> list ? list.OfType<string>() : [];
            var exact = string.Equals(node.Id, text, StringComparison.OrdinalIgnoreCase) || aliases.Any(x => string.Equals(x, text, StringComparison.OrdinalIgnoreCase));
            var prefix = node.Id.StartsWith(text, StringComparison.OrdinalIgnoreCase);
            Add(new SearchHit(node.Id, [.. node.Labels], SearchHitKind.Symbol, node.GetString("title") ?? node.Id,
                exact ? 100 : prefix ? 60 : 50 - Math.Min(10, node.Id.Length / 10.0)));
        }

        var named = await store.QueryAsync(
            $"MATCH (n:{N}) WHERE NOT n:{Labels.Paragraph} AND NOT n:{Labels.Footnote} " +
            "AND (toLower(coalesce(n.name, '')) CONTAINS $lq OR toLower(coalesce(n.title, '')) CONTAINS $lq " +
            "OR toLower(coalesce(n.acronym, '')) = $lq) " +
            "RETURN n ORDER BY n.id LIMIT $limit", parameters, cancellationToken).ConfigureAwait(false);
        foreach (var node in Nodes(named))
        {
            var name = node.GetString("name") ?? node.GetString("title") ?? node.Id;
            var acronym = string.Equals(node.GetString("acronym"), text, StringComparison.OrdinalIgnoreCase);
            var kind = node.HasLabel(Labels.Organization) ? SearchHitKind.Organization
                : node.HasLabel(Labels.Operation) ? SearchHitKind.Operation
                : node.HasLabel(Labels.Document) || node.HasLabel(Labels.Series) ? SearchHitKind.Title
                : SearchHitKind.Other;
            // Shorter names that contain the query are closer matches.
            Add(new SearchHit(node.Id, [.. node.Labels], kind, name, acronym ? 45 : 40 - Math.Min(10, name.Length / 20.0)));
        }

        var paragraphs = await store.QueryAsync(
            $"MATCH (p:{N}:{Labels.Paragraph}) WHERE all(w IN $words WHERE toLower(coalesce(p.text, '')) CONTAINS w) " +
            "RETURN p ORDER BY p.id LIMIT $limit", parameters, cancellationToken).ConfigureAwait(false);
        foreach (var node in Nodes(paragraphs))
        {
            // Every word is there; the words as one phrase rank higher.
            var paragraphText = node.GetString("text") ?? "";
            var phrase = paragraphText.Contains(lower, StringComparison.OrdinalIgnoreCase);
            Add(new SearchHit(node.Id, [.. node.Labels], SearchHitKind.Paragraph, Snippet(paragraphText, phrase ? [lower] : words), phrase ? 15 : 10));
        }

        return hits.Values.OrderByDescending(h => h.Score).ThenBy(h => h.Id, StringComparer.Ordinal).Take(limit).ToList();
    }

    private static IEnumerable<GraphNode> Nodes(QueryResult result) => result.Rows.Select(r => Bookkeeping.ToGraphNode((Neo4jNode)r[0]!));

    /// <summary>About 160 characters of the paragraph around the first query word.</summary>
    internal static string Snippet(string text, IReadOnlyList<string> words)
    {
        var at = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - 60);
        var end = Math.Min(text.Length, start + 160);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}

using Graph.Model;
using Graph.Store.Memory;
using Graph.Store.Services;

namespace Graph.Store.Embedded;

/// <summary>
/// Search over the in-memory graph through the store's <see cref="SearchIndex"/>: the index proposes
/// candidates, <see cref="SearchScorer"/> scores each against the node as it is (the same scoring as
/// <see cref="SearchService"/>). Named nodes always outrank paragraphs (50 and up against 30 at
/// most), so paragraphs are read only for the places names leave, best bound first, stopping as soon
/// as no unread paragraph could beat the ones found.
/// </summary>
internal sealed class EmbeddedSearchService(MemoryGraph graph, SearchIndex index) : ISearchService
{
    public ValueTask<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        var scorer = new SearchScorer(query ?? "");
        if (scorer.IsEmpty || limit <= 0) return ValueTask.FromResult<IReadOnlyList<SearchHit>>([]);
        var words = scorer.Words;
        var terms = words.SelectMany((w, i) => SearchText.Terms(w, i)).ToList();
        // A query of punctuation only ("-", "/") has no token to look up: read every searched node.
        if (terms.Count == 0) return ValueTask.FromResult(Scan(scorer, limit, cancellationToken));

        var hits = new List<SearchHit>();
        foreach (var id in index.NamedCandidates(terms))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryScore(scorer, id, paragraph: false) is { } hit) hits.Add(hit);
        }
        if (hits.Count < limit) hits.AddRange(BestParagraphs(scorer, terms, limit - hits.Count, cancellationToken));
        return ValueTask.FromResult(SearchResults.Rank(hits, limit));
    }

    private List<SearchHit> BestParagraphs(SearchScorer scorer, List<SearchTerm> terms, int wanted, CancellationToken cancellationToken)
    {
        var everyWordHasTerms = terms.Select(t => t.WordIndex).Distinct().Count() == scorer.Words.Count;
        var candidates = index.ParagraphCandidates(terms, scorer.Words.Count, everyWordHasTerms);
        // Best bound first, then older paragraphs first: ties between equal scores go to the lower id.
        candidates.Sort((a, b) => a.Bound != b.Bound ? b.Bound.CompareTo(a.Bound) : a.Id.CompareTo(b.Id));
        var found = new List<SearchHit>(wanted + 1);
        foreach (var (id, bound) in candidates)
        {
            // `found` is kept sorted by score; once the worst kept hit is as good as this bound, no later candidate can enter.
            if (found.Count >= wanted && found[^1].Score >= bound) break;
            cancellationToken.ThrowIfCancellationRequested();
            if (TryScore(scorer, id, paragraph: true) is not { } hit) continue;
            var at = found.FindIndex(h => h.Score < hit.Score);
            found.Insert(at < 0 ? found.Count : at, hit);
            if (found.Count > wanted) found.RemoveAt(found.Count - 1);
        }
        return found;
    }

    private SearchHit? TryScore(SearchScorer scorer, long id, bool paragraph)
    {
        if (!graph.TryGetNode(id, out var node) || node.Key is not { } key) return null;
        if (node.Labels.Contains(Labels.Paragraph) != paragraph) return null;
        return scorer.Score(key, node.Labels, node.Properties);
    }

    private IReadOnlyList<SearchHit> Scan(SearchScorer scorer, int limit, CancellationToken cancellationToken)
    {
        var hits = new Dictionary<long, SearchHit>();
        foreach (var label in SearchScorer.SearchedLabels)
        {
            foreach (var id in graph.NodeIdsByLabel(label))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (hits.ContainsKey(id) || !graph.TryGetNode(id, out var node) || node.Key is not { } key) continue;
                if (scorer.Score(key, node.Labels, node.Properties) is { } hit) hits[id] = hit;
            }
        }
        return SearchResults.Rank(hits.Values, limit);
    }
}

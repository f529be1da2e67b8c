using Graph.Store.Memory;
using Graph.Store.Services;

namespace Graph.Store.Embedded;

/// <summary>
/// Search over the in-memory graph without copying nodes out: the same scoring as
/// <see cref="SearchService"/>, reading <see cref="MemoryNode"/> snapshots directly.
/// </summary>
internal sealed class EmbeddedSearchService(MemoryGraph graph) : ISearchService
{
    public ValueTask<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        var scorer = new SearchScorer(query ?? "");
        if (scorer.IsEmpty || limit <= 0) return ValueTask.FromResult<IReadOnlyList<SearchHit>>([]);
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
        return ValueTask.FromResult(SearchResults.Rank(hits.Values, limit));
    }
}

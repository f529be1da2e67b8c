using Graph.Model;
using Graph.Neo4j.QueryApi;
using Graph.Store;
using Graph.Store.Services;

namespace Graph.Neo4j.Services;

/// <summary>
/// Citation chains over document-level CITES, one breadth-first step per request whatever the width of
/// the step; citation counts in one Cypher aggregation; PageRank from the CITES edge list read in one
/// request (no GDS, no APOC). Filters and scores follow the embedded store's services exactly.
/// </summary>
internal sealed class Neo4jCitationService(Neo4jGraphStore store) : ICitationService
{
    private const string N = Neo4jSchema.NodeLabel;

    public async ValueTask<CitationChain?> TryGetCitationChainAsync(
        string documentId, Direction direction, int depth = 1, CitationFilter? filter = null,
        int maxNodes = CitationChain.DefaultMaxNodes, CancellationToken cancellationToken = default)
    {
        filter ??= CitationFilter.None;
        var start = await store.TryGetNodeAsync(documentId, cancellationToken).ConfigureAwait(false);
        if (start is null) return null;

        var graph = new GraphData();
        graph.Nodes.Add(start);
        var kept = new Dictionary<string, GraphNode>(StringComparer.Ordinal) { [start.Id] = start };
        var relationships = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new List<string> { start.Id };
        for (var step = 0; step < depth && frontier.Count > 0; step++)
        {
            var next = new List<string>();
            foreach (var (relationship, other) in await store.ExpandAsync(frontier, [RelationshipTypes.Cites], direction, cancellationToken).ConfigureAwait(false))
            {
                // Document-level citations only: a CITES from a paragraph is not followed.
                if (!other.HasLabel(Labels.Document) || !DocumentFilters.Matches(other, filter)) continue;
                var citing = relationship.Start == other.Id ? other : kept.GetValueOrDefault(relationship.Start);
                if (citing is null || !citing.HasLabel(Labels.Document)) continue;
                if (!kept.ContainsKey(other.Id))
                {
                    // The same budget as the embedded store: stop at the first document beyond it.
                    if (kept.Count >= maxNodes) return new CitationChain(graph, Truncated: true);
                    kept.Add(other.Id, other);
                    graph.Nodes.Add(other);
                    next.Add(other.Id);
                }
                if (relationships.Add(relationship.Id)) graph.Relationships.Add(relationship);
            }
            frontier = next;
        }
        return new CitationChain(graph, Truncated: false);
    }

    public async ValueTask<IReadOnlyList<RankedDocument>> GetMostCitedAsync(
        int limit = 20, CitationFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= CitationFilter.None;
        var result = await store.QueryAsync(
            $"MATCH (c:{N}:{Labels.Document})-[:{RelationshipTypes.Cites}]->(d:{N}:{Labels.Document}) " +
            "WITH d, count(DISTINCT c) AS citing RETURN d, citing",
            null, cancellationToken).ConfigureAwait(false);
        return CitationRanking.Top(result.Rows
            .Select(r => (Document: Bookkeeping.ToGraphNode((Neo4jNode)r[0]!), Citing: (long)r[1]!))
            .Where(r => DocumentFilters.Matches(r.Document, filter))
            .Select(r => CitationRanking.Rank(r.Document, r.Citing)), limit);
    }

    public async ValueTask<IReadOnlyList<RankedDocument>> GetPageRankAsync(
        int limit = 20, CitationFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= CitationFilter.None;
        var nodes = (await store.FindNodesAsync(Labels.Document, cancellationToken: cancellationToken).ConfigureAwait(false))
            .ToDictionary(d => d.Id, StringComparer.Ordinal);
        if (nodes.Count == 0) return [];
        var edges = await store.QueryAsync(
            $"MATCH (a:{N}:{Labels.Document})-[:{RelationshipTypes.Cites}]->(b:{N}:{Labels.Document}) WHERE a <> b " +
            "RETURN DISTINCT a.id AS citing, b.id AS cited",
            null, cancellationToken).ConfigureAwait(false);

        // The same computation as the embedded store, so both rank alike.
        return CitationRanking.PageRank(
            nodes.Values.OrderBy(d => d.Id, StringComparer.Ordinal),
            edges.Rows.Select(row => ((string)row[0]!, (string)row[1]!)), filter, limit);
    }
}

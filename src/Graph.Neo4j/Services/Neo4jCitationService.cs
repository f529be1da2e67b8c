using Graph.Model;
using Graph.Neo4j.QueryApi;
using Graph.Store;
using QuikGraph;
using QuikGraph.Algorithms.Ranking;

namespace Graph.Neo4j.Services;

/// <summary>
/// Citation chains over document-level CITES, one breadth-first step per request whatever the width of
/// the step; citation counts in one Cypher aggregation; PageRank from the CITES edge list read in one
/// request (no GDS, no APOC). Filters and scores follow the embedded store's services exactly.
/// </summary>
internal sealed class Neo4jCitationService(Neo4jGraphStore store) : ICitationService
{
    private const string N = Neo4jSchema.NodeLabel;

    public async ValueTask<GraphData?> TryGetCitationChainAsync(
        string documentId, Direction direction, int depth = 1, CitationFilter? filter = null,
        CancellationToken cancellationToken = default)
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
                if (!other.HasLabel(Labels.Document) || !Matches(other, filter)) continue;
                var citing = relationship.Start == other.Id ? other : kept.GetValueOrDefault(relationship.Start);
                if (citing is null || !citing.HasLabel(Labels.Document)) continue;
                if (relationships.Add(relationship.Id)) graph.Relationships.Add(relationship);
                if (!kept.TryAdd(other.Id, other)) continue;
                graph.Nodes.Add(other);
                next.Add(other.Id);
            }
            frontier = next;
        }
        return graph;
    }

    public async ValueTask<IReadOnlyList<RankedDocument>> GetMostCitedAsync(
        int limit = 20, CitationFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= CitationFilter.None;
        var result = await store.QueryAsync(
            $"MATCH (c:{N}:{Labels.Document})-[:{RelationshipTypes.Cites}]->(d:{N}:{Labels.Document}) " +
            "WITH d, count(DISTINCT c) AS citing RETURN d, citing",
            null, cancellationToken).ConfigureAwait(false);
        return [.. result.Rows
            .Select(r => (Document: Bookkeeping.ToGraphNode((Neo4jNode)r[0]!), Citing: (long)r[1]!))
            .Where(r => Matches(r.Document, filter))
            .Select(r => Rank(r.Document, r.Citing))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))];
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

        // The same computation as the embedded store (QuikGraph, damping 0.85), so both rank alike.
        var graph = new BidirectionalGraph<string, SEquatableEdge<string>>(allowParallelEdges: false);
        graph.AddVertexRange(nodes.Keys.Order(StringComparer.Ordinal));
        foreach (var row in edges.Rows)
            graph.AddEdge(new SEquatableEdge<string>((string)row[0]!, (string)row[1]!));
        var algorithm = new PageRankAlgorithm<string, SEquatableEdge<string>>(graph) { Damping = 0.85, Tolerance = 1e-9, MaxIterations = 200 };
        algorithm.Compute();
        var total = algorithm.Ranks.Values.Sum();
        return [.. algorithm.Ranks
            .Where(p => Matches(nodes[p.Key], filter))
            .Select(p => Rank(nodes[p.Key], total > 0 ? p.Value / total : 0))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))];
    }

    /// <summary>Body and kind compare case-insensitively; a year filter needs a year (property or date).</summary>
    internal static bool Matches(GraphNode document, CitationFilter filter)
    {
        if (filter.Body is { } body && !string.Equals(document.GetString("body"), body, StringComparison.OrdinalIgnoreCase)) return false;
        if (filter.Kind is { } kind && !string.Equals(document.GetString("kind"), kind, StringComparison.OrdinalIgnoreCase)) return false;
        if (filter.FromYear is null && filter.ToYear is null) return true;
        if (YearOf(document) is not { } year) return false;
        return year >= (filter.FromYear ?? long.MinValue) && year <= (filter.ToYear ?? long.MaxValue);
    }

    /// <summary>The document's <c>year</c>, or the year of its adoption, distribution or other date.</summary>
    internal static long? YearOf(GraphNode node)
    {
        if (node.Properties.TryGetValue("year", out var value))
        {
            switch (value)
            {
                case long l: return l;
                case double d: return (long)d;
                case string s when long.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var parsed): return parsed;
            }
        }
        foreach (var key in (string[])["adoptionDate", "distributionDate", "date"])
            if (node.GetString(key) is { Length: >= 4 } date && long.TryParse(date.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture, out var year))
                return year;
        return null;
    }

    private static RankedDocument Rank(GraphNode document, double score) => new(
        document.Id, document.GetString("title"), document.GetString("kind"), document.GetString("body"),
        YearOf(document), document.IsStub, score);
}

using Graph.Model;
using Graph.Store;

namespace Graph.Neo4j.Services;

/// <summary>
/// Citation chains over document-level CITES, one breadth-first step per request, the filter applied to each
/// document reached; most-cited in Cypher; PageRank computed here from the CITES edge list (no GDS, no APOC).
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
        if (start is null || !start.HasLabel(Labels.Document)) return null;

        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal) { [start.Id] = start };
        var relationships = new Dictionary<string, GraphRelationship>(StringComparer.Ordinal);
        var frontier = new List<string> { start.Id };
        for (var step = 0; step < depth && frontier.Count > 0; step++)
        {
            var next = new List<string>();
            foreach (var (relationship, other) in await store.ExpandAsync(frontier, [RelationshipTypes.Cites], direction, cancellationToken).ConfigureAwait(false))
            {
                // Document-level citations only: paragraph-level CITES start at paragraphs.
                if (!other.HasLabel(Labels.Document) || !Passes(other, filter)) continue;
                relationships.TryAdd(relationship.Id, relationship);
                if (nodes.TryAdd(other.Id, other)) next.Add(other.Id);
            }
            frontier = next;
        }

        var graph = new GraphData();
        graph.Nodes.AddRange(nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal));
        graph.Relationships.AddRange(relationships.Values
            .Where(r => nodes.ContainsKey(r.Start) && nodes.ContainsKey(r.End))
            .OrderBy(r => r.Id, StringComparer.Ordinal));
        return graph;
    }

    public async ValueTask<IReadOnlyList<RankedDocument>> GetMostCitedAsync(
        int limit = 20, CitationFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = FilterClause("d", filter ?? CitationFilter.None);
        parameters["limit"] = (long)Math.Max(0, limit);
        var result = await store.QueryAsync(
            $"MATCH (c:{N}:{Labels.Document})-[:{RelationshipTypes.Cites}]->(d:{N}:{Labels.Document}) WHERE c <> d{where} " +
            "WITH d, count(DISTINCT c) AS citing RETURN d, citing ORDER BY citing DESC, d.id LIMIT $limit",
            parameters, cancellationToken).ConfigureAwait(false);
        return result.Rows.Select(r => Ranked(Bookkeeping.ToGraphNode((QueryApi.Neo4jNode)r[0]!), (long)r[1]!)).ToList();
    }

    public async ValueTask<IReadOnlyList<RankedDocument>> GetPageRankAsync(
        int limit = 20, CitationFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= CitationFilter.None;
        var documents = await store.FindNodesAsync(Labels.Document, cancellationToken: cancellationToken).ConfigureAwait(false);
        var edges = await store.QueryAsync(
            $"MATCH (a:{N}:{Labels.Document})-[:{RelationshipTypes.Cites}]->(b:{N}:{Labels.Document}) RETURN DISTINCT a.id AS citing, b.id AS cited",
            null, cancellationToken).ConfigureAwait(false);
        var scores = PageRank.Compute(
            documents.Select(d => d.Id).ToList(),
            edges.Rows.Select(r => ((string)r[0]!, (string)r[1]!)).ToList());
        return documents
            .Where(d => Passes(d, filter))
            .Select(d => Ranked(d, scores[d.Id]))
            .OrderByDescending(d => d.Score).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    internal static bool Passes(GraphNode document, CitationFilter filter)
    {
        if (filter.Body is { } body && !string.Equals(document.GetString("body"), body, StringComparison.OrdinalIgnoreCase)) return false;
        if (filter.Kind is { } kind && !string.Equals(document.GetString("kind"), kind, StringComparison.OrdinalIgnoreCase)) return false;
        var year = Year(document);
        if (filter.FromYear is { } from && (year is null || year < from)) return false;
        if (filter.ToYear is { } to && (year is null || year > to)) return false;
        return true;
    }

    private static long? Year(GraphNode node) =>
        node.Properties.TryGetValue("year", out var value) && value is long l ? l : null;

    private static RankedDocument Ranked(GraphNode d, double score) =>
        new(d.Id, d.GetString("title"), d.GetString("kind"), d.GetString("body"), Year(d), d.IsStub, score);

    private static (string Where, Dictionary<string, object?> Parameters) FilterClause(string variable, CitationFilter filter)
    {
        var parameters = new Dictionary<string, object?>();
        var clauses = new List<string>();
        if (filter.Body is not null)
        {
            clauses.Add($"toLower({variable}.body) = toLower($body)");
            parameters["body"] = filter.Body;
        }
        if (filter.Kind is not null)
        {
            clauses.Add($"toLower({variable}.kind) = toLower($kind)");
            parameters["kind"] = filter.Kind;
        }
        if (filter.FromYear is not null)
        {
            clauses.Add($"{variable}.year >= $fromYear");
            parameters["fromYear"] = filter.FromYear;
        }
        if (filter.ToYear is not null)
        {
            clauses.Add($"{variable}.year <= $toYear");
            parameters["toYear"] = filter.ToYear;
        }
        return (string.Concat(clauses.Select(c => " AND " + c)), parameters);
    }
}

/// <summary>PageRank by power iteration (damping 0.85); rank of dangling documents is spread evenly, so scores sum to 1.</summary>
internal static class PageRank
{
    public static Dictionary<string, double> Compute(IReadOnlyList<string> nodes, IReadOnlyList<(string From, string To)> edges, double damping = 0.85)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in nodes) index.TryAdd(id, index.Count);
        var count = index.Count;
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (count == 0) return result;

        var outgoing = new List<int>[count];
        for (var i = 0; i < count; i++) outgoing[i] = [];
        foreach (var (from, to) in edges)
            if (index.TryGetValue(from, out var f) && index.TryGetValue(to, out var t) && f != t) outgoing[f].Add(t);

        var rank = Enumerable.Repeat(1.0 / count, count).ToArray();
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var dangling = 0.0;
            for (var i = 0; i < count; i++) if (outgoing[i].Count == 0) dangling += rank[i];
            var next = Enumerable.Repeat((1 - damping) / count + damping * dangling / count, count).ToArray();
            for (var i = 0; i < count; i++)
                foreach (var t in outgoing[i]) next[t] += damping * rank[i] / outgoing[i].Count;
            var change = 0.0;
            for (var i = 0; i < count; i++) change += Math.Abs(next[i] - rank[i]);
            rank = next;
            if (change < 1e-12) break;
        }
        foreach (var (id, i) in index) result[id] = rank[i];
        return result;
    }
}

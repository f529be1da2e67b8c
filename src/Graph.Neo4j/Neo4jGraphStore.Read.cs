using Graph.Model;
using Graph.Neo4j.QueryApi;
using Graph.Store;

namespace Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    private const string N = Neo4jSchema.NodeLabel;

    public async ValueTask<GraphNode?> TryGetNodeAsync(string id, CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync($"MATCH (n:{N} {{id: $id}}) RETURN n",
            new Dictionary<string, object?> { ["id"] = id }, cancellationToken).ConfigureAwait(false);
        return result.Rows.Count == 0 ? null : NodeOf(result.Rows[0][0]);
    }

    public async ValueTask<IReadOnlyList<GraphRelationship>> GetRelationshipsAsync(
        string nodeId, Direction direction, IReadOnlyCollection<string>? types = null, int limit = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        var pattern = direction switch
        {
            Direction.Outgoing => "(n)-[r]->(m)",
            Direction.Incoming => "(n)<-[r]-(m)",
            _ => "(n)-[r]-(m)",
        };
        if (limit <= 0) return [];
        var result = await ReadAsync(
            $"MATCH (n:{N} {{id: $id}}) MATCH {pattern} WHERE $types IS NULL OR type(r) IN $types " +
            "WITH DISTINCT r RETURN startNode(r).id AS startId, endNode(r).id AS endId, r",
            new Dictionary<string, object?>
            {
                ["id"] = nodeId,
                ["types"] = types is { Count: > 0 } ? types.Cast<object?>().ToList() : null,
            }, cancellationToken).ConfigureAwait(false);
        // Ordered by relationship id before the limit, as every store does, so the first page is the same everywhere.
        return result.Rows.Select(RelationshipOf).OrderBy(r => r.Id, StringComparer.Ordinal).Take(limit).ToList();
    }

    public async ValueTask<IReadOnlyList<GraphNode>> FindNodesAsync(
        string label, string? property = null, object? value = null, int limit = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        var parameters = new Dictionary<string, object?> { ["limit"] = (long)Math.Max(0, limit) };
        var where = "";
        if (property is not null)
        {
            // A plain property key goes into the text so the (label, property) index serves the lookup.
            where = CypherIdentifier.IsValid(property) ? $" WHERE n.{property} = $value" : " WHERE n[$property] = $value";
            parameters["property"] = property;
            parameters["value"] = PropertyValues.Normalise(value);
        }
        var result = await ReadAsync(
            $"MATCH (n:{N}:{CypherIdentifier.Require(label, "label")}){where} RETURN n ORDER BY n.id LIMIT $limit",
            parameters, cancellationToken).ConfigureAwait(false);
        return result.Rows.Select(r => NodeOf(r[0])).ToList();
    }

    public async ValueTask<GraphCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(
            $"MATCH (n:{N}) WITH count(n) AS nodes " +
            $"OPTIONAL MATCH (:{N})-[r]->(:{N}) WITH nodes, count(r) AS relationships " +
            $"OPTIONAL MATCH (d:{Neo4jSchema.IngestedDocumentLabel}) RETURN nodes, relationships, count(d) AS documents",
            null, cancellationToken).ConfigureAwait(false);
        return new GraphCounts((long)result.Get(0, "nodes")!, (long)result.Get(0, "relationships")!, (long)result.Get(0, "documents")!);
    }

    public async ValueTask<GraphData> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        // Paged by id, so no answer holds the whole graph; relationships come with their start nodes.
        var graph = new GraphData();
        var after = "";
        while (true)
        {
            var page = await ReadAsync(
                $"MATCH (n:{N}) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit",
                new Dictionary<string, object?> { ["after"] = after, ["limit"] = (long)BatchSize }, cancellationToken).ConfigureAwait(false);
            if (page.Rows.Count == 0) break;
            var nodes = page.Rows.Select(r => NodeOf(r[0])).ToList();
            graph.Nodes.AddRange(nodes);
            after = nodes[^1].Id;

            var relationships = await ReadAsync(
                $"UNWIND $ids AS id MATCH (a:{N} {{id: id}})-[r]->(b:{N}) RETURN a.id AS startId, b.id AS endId, r",
                new Dictionary<string, object?> { ["ids"] = nodes.Select(n => (object?)n.Id).ToList() }, cancellationToken).ConfigureAwait(false);
            graph.Relationships.AddRange(relationships.Rows.Select(RelationshipOf));
            if (page.Rows.Count < BatchSize) break;
        }
        graph.Relationships.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return graph;
    }

    /// <summary>A row of (start id, end id, relationship) as a graph relationship.</summary>
    private static GraphRelationship RelationshipOf(IReadOnlyList<object?> row) =>
        Bookkeeping.ToGraphRelationship((string)row[0]!, (string)row[1]!, (Neo4jRelationship)row[2]!);
}

using Graph.Model;
using Graph.Neo4j.QueryApi;

namespace Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>The nodes with the given ids that exist, ordered by id.</summary>
    internal async Task<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var nodes = new List<GraphNode>();
        foreach (var batch in Batches(ids.Distinct(StringComparer.Ordinal)))
        {
            var result = await ReadAsync($"UNWIND $ids AS id MATCH (n:{N} {{id: id}}) RETURN n",
                new Dictionary<string, object?> { ["ids"] = batch.Select(i => (object?)i).ToList() }, cancellationToken).ConfigureAwait(false);
            nodes.AddRange(result.Rows.Select(r => NodeOf(r[0])));
        }
        nodes.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return nodes;
    }

    /// <summary>
    /// Relationships touching any of <paramref name="ids"/> (of <paramref name="types"/>, either way) with the nodes
    /// at their other ends: one breadth-first step of a traversal, in one request per batch.
    /// </summary>
    internal async Task<List<(GraphRelationship Relationship, GraphNode Other)>> ExpandAsync(
        IReadOnlyCollection<string> ids, IReadOnlyCollection<string> types, Store.Direction direction, CancellationToken cancellationToken)
    {
        var typeList = types.Count == 0 ? "" : ":" + string.Join('|', types.Select(t => CypherIdentifier.Require(t, "relationship type")));
        var pattern = direction switch
        {
            Store.Direction.Outgoing => $"(a)-[r{typeList}]->(b)",
            Store.Direction.Incoming => $"(a)<-[r{typeList}]-(b)",
            _ => $"(a)-[r{typeList}]-(b)",
        };
        var found = new List<(GraphRelationship, GraphNode)>();
        foreach (var batch in Batches(ids.Distinct(StringComparer.Ordinal)))
        {
            var result = await ReadAsync(
                $"UNWIND $ids AS id MATCH (a:{N} {{id: id}}) MATCH {pattern} RETURN startNode(r).id AS startId, endNode(r).id AS endId, r, b",
                new Dictionary<string, object?> { ["ids"] = batch.Select(i => (object?)i).ToList() }, cancellationToken).ConfigureAwait(false);
            foreach (var row in result.Rows)
                found.Add((RelationshipOf(row), NodeOf(row[3])));
        }
        return found;
    }

    /// <summary>Runs a read statement and answers its rows; for the services of this store.</summary>
    internal Task<QueryResult> QueryAsync(string statement, Dictionary<string, object?>? parameters, CancellationToken cancellationToken) =>
        ReadAsync(statement, parameters, cancellationToken);
}

using Graph.Model;
using Graph.Neo4j.QueryApi;
using Graph.Store;

namespace Graph.Neo4j.Services;

/// <summary>Shortest paths with Cypher's <c>shortestPath</c> (no APOC): one request, a bidirectional search in the server.</summary>
internal sealed class Neo4jPathService(Neo4jGraphStore store) : IPathService
{
    public async ValueTask<GraphData?> TryFindShortestPathAsync(
        string fromId, string toId, IReadOnlyCollection<string>? types = null, bool directed = false,
        CancellationToken cancellationToken = default)
    {
        const string N = Neo4jSchema.NodeLabel;
        var typeList = types is { Count: > 0 } ? ":" + string.Join('|', types.Select(t => CypherIdentifier.Require(t, "relationship type"))) : "";
        var arrow = directed ? "->" : "-";
        if (fromId == toId)
        {
            var node = await store.TryGetNodeAsync(fromId, cancellationToken).ConfigureAwait(false);
            if (node is null) return null;
            var single = new GraphData();
            single.Nodes.Add(node);
            return single;
        }
        var result = await store.QueryAsync(
            $"MATCH (a:{N} {{id: $from}}) MATCH (b:{N} {{id: $to}}) MATCH p = shortestPath((a)-[{typeList}*]{arrow}(b)) " +
            "RETURN [n IN nodes(p) | n.id] AS ids, [r IN relationships(p) | [startNode(r).id, endNode(r).id, r]] AS rels, nodes(p) AS nodes",
            new Dictionary<string, object?> { ["from"] = fromId, ["to"] = toId }, cancellationToken).ConfigureAwait(false);
        if (result.Rows.Count == 0) return null;

        var graph = new GraphData();
        foreach (var node in (List<object?>)result.Get(0, "nodes")!)
            graph.Nodes.Add(Bookkeeping.ToGraphNode((Neo4jNode)node!));
        foreach (var item in (List<object?>)result.Get(0, "rels")!)
        {
            var triple = (List<object?>)item!;
            graph.Relationships.Add(Bookkeeping.ToGraphRelationship((string)triple[0]!, (string)triple[1]!, (Neo4jRelationship)triple[2]!));
        }
        return graph;
    }
}

using Graph.Model;
using Graph.Store;

namespace Graph.Neo4j.Services;

/// <summary>A node's neighbourhood: its relationships (through the store) and the nodes at their other ends.</summary>
internal sealed class Neo4jNeighbourService(Neo4jGraphStore store) : INeighbourService
{
    public async ValueTask<GraphData?> TryGetNeighboursAsync(
        string id, Direction direction = Direction.Both, IReadOnlyCollection<string>? types = null, int limit = 100,
        CancellationToken cancellationToken = default)
    {
        var node = await store.TryGetNodeAsync(id, cancellationToken).ConfigureAwait(false);
        if (node is null) return null;
        var relationships = await store.GetRelationshipsAsync(id, direction, types, limit, cancellationToken).ConfigureAwait(false);
        var others = relationships.SelectMany(r => new[] { r.Start, r.End }).Where(n => n != id).Distinct(StringComparer.Ordinal).ToList();

        var graph = new GraphData();
        graph.Nodes.Add(node);
        graph.Nodes.AddRange(await store.GetNodesAsync(others, cancellationToken).ConfigureAwait(false));
        graph.Relationships.AddRange(relationships);
        return graph;
    }
}

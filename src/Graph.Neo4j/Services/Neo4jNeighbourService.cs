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
        // The other ends in the order their relationships come, fetched in one request.
        var others = relationships.Select(r => r.Start == id ? r.End : r.Start).Distinct(StringComparer.Ordinal).Where(n => n != id).ToList();
        var found = (await store.GetNodesAsync(others, cancellationToken).ConfigureAwait(false)).ToDictionary(n => n.Id, StringComparer.Ordinal);

        var graph = new GraphData();
        graph.Nodes.Add(node);
        graph.Nodes.AddRange(others.Where(found.ContainsKey).Select(o => found[o]));
        graph.Relationships.AddRange(relationships);
        return graph;
    }
}

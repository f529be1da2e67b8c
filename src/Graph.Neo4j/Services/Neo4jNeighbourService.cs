using Graph.Model;
using Graph.Store;
using Graph.Store.Services;

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
        var others = Neighbourhoods.OtherEnds(id, relationships);
        var found = (await store.GetNodesAsync(others, cancellationToken).ConfigureAwait(false)).ToDictionary(n => n.Id, StringComparer.Ordinal);
        return Neighbourhoods.Build(node, others.Where(found.ContainsKey).Select(o => found[o]), relationships);
    }
}

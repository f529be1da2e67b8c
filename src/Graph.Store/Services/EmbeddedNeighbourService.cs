using Graph.Model;
using Graph.Store.Embedded;
using Graph.Store.Memory;

namespace Graph.Store.Services;

/// <summary>
/// Neighbourhoods in the embedded store's memory. The page returned is the one the store's read role gives
/// (relationships in the order of their <see cref="GraphRelationship.Id"/>, the first <c>limit</c>), but a hub's
/// page is chosen by comparing ids piecewise, without building an id string per relationship, and only the
/// page is copied out.
/// </summary>
internal sealed class EmbeddedNeighbourService(EmbeddedGraphStore store) : INeighbourService
{
    public ValueTask<GraphData?> TryGetNeighboursAsync(
        string id, Direction direction = Direction.Both, IReadOnlyCollection<string>? types = null, int limit = 100,
        CancellationToken cancellationToken = default)
    {
        var graph = store.Graph;
        using var _ = graph.EnterRead();
        if (!graph.TryGetNodeId(id, out var centreId) || !graph.TryGetNode(centreId, out var centre)) return ValueTask.FromResult<GraphData?>(null);

        var centreKey = centre.Key ?? $"_{centreId}";
        var smallest = new SmallestRelationshipIds(limit);
        foreach (var relationshipId in graph.GetRelationshipIds(centreId, direction, types))
        {
            graph.TryGetRelationship(relationshipId, out var relationship);
            // The centre's own key is known; only the far end is looked up, and the rest of the id only when
            // its start could still make the page (on a hub, most cannot).
            var startKey = relationship.StartId == centreId ? centreKey : KeyOf(graph, relationship.StartId);
            if (!smallest.MayKeep(startKey)) continue;
            var endKey = relationship.EndId == centreId ? centreKey : KeyOf(graph, relationship.EndId);
            smallest.Offer(new RelationshipIdParts(relationshipId, startKey, relationship.Type, endKey, store.KeyOf(relationshipId)));
        }
        var page = smallest.InOrder();

        var relationships = new List<GraphRelationship>(page.Count);
        foreach (var entry in page)
            if (graph.TryGetRelationship(entry.RelationshipId, out var relationship)) relationships.Add(store.ToGraphRelationship(relationship));
        var others = new List<GraphNode>();
        foreach (var other in Neighbourhoods.OtherEnds(id, relationships))
            if (graph.TryGetNodeByKey(other, out var node)) others.Add(EmbeddedGraphStore.ToGraphNode(node));
        return ValueTask.FromResult<GraphData?>(Neighbourhoods.Build(EmbeddedGraphStore.ToGraphNode(centre), others, relationships));
    }

    /// <summary>The id a node has in relationship ids (see <see cref="EmbeddedGraphStore.ToGraphNode"/>).</summary>
    private static string KeyOf(MemoryGraph graph, long nodeId) =>
        graph.TryGetNode(nodeId, out var node) ? node.Key ?? $"_{nodeId}" : $"_{nodeId}";
}

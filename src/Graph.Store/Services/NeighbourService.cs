using Graph.Model;

namespace Graph.Store.Services;

/// <summary>Neighbourhoods read through any <see cref="IGraphReader"/>.</summary>
public sealed class NeighbourService(IGraphReader reader) : INeighbourService
{
    public async ValueTask<GraphData?> TryGetNeighboursAsync(
        string id, Direction direction = Direction.Both, IReadOnlyCollection<string>? types = null, int limit = 100,
        CancellationToken cancellationToken = default)
    {
        var centre = await reader.TryGetNodeAsync(id, cancellationToken).ConfigureAwait(false);
        if (centre is null) return null;
        var graph = new GraphData();
        graph.Nodes.Add(centre);
        var seen = new HashSet<string>(StringComparer.Ordinal) { centre.Id };
        foreach (var relationship in await reader.GetRelationshipsAsync(id, direction, types, Math.Max(0, limit), cancellationToken).ConfigureAwait(false))
        {
            graph.Relationships.Add(relationship);
            var other = relationship.Start == id ? relationship.End : relationship.Start;
            if (!seen.Add(other)) continue;
            if (await reader.TryGetNodeAsync(other, cancellationToken).ConfigureAwait(false) is { } node) graph.Nodes.Add(node);
        }
        return graph;
    }
}

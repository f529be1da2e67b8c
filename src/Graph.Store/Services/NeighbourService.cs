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
        var relationships = await reader.GetRelationshipsAsync(id, direction, types, Math.Max(0, limit), cancellationToken).ConfigureAwait(false);
        var others = new List<GraphNode>();
        foreach (var other in Neighbourhoods.OtherEnds(id, relationships))
            if (await reader.TryGetNodeAsync(other, cancellationToken).ConfigureAwait(false) is { } node) others.Add(node);
        return Neighbourhoods.Build(centre, others, relationships);
    }
}

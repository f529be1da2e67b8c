using Graph.Model;

namespace Graph.Store;

/// <summary>The neighbourhood of one node, for expanding it in the explorer.</summary>
public interface INeighbourService
{
    /// <summary>
    /// The node, the relationships touching it (in <paramref name="direction"/>, of <paramref name="types"/>
    /// or every type when null or empty, at most <paramref name="limit"/>) and the nodes at their other ends.
    /// Null when the node does not exist.
    /// </summary>
    ValueTask<GraphData?> TryGetNeighboursAsync(
        string id, Direction direction = Direction.Both, IReadOnlyCollection<string>? types = null, int limit = 100,
        CancellationToken cancellationToken = default);
}

using Graph.Model;

namespace Graph.Store;

/// <summary>Paths between nodes.</summary>
public interface IPathService
{
    /// <summary>
    /// A shortest path (fewest relationships) from <paramref name="fromId"/> to <paramref name="toId"/>,
    /// following relationships either way (or only forwards when <paramref name="directed"/>), optionally
    /// only of <paramref name="types"/>. The result lists the path's nodes and relationships in path
    /// order. Null when either node is unknown or no path exists.
    /// </summary>
    ValueTask<GraphData?> TryFindShortestPathAsync(
        string fromId, string toId, IReadOnlyCollection<string>? types = null, bool directed = false,
        CancellationToken cancellationToken = default);
}

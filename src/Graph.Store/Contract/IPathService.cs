using Graph.Model;

namespace Graph.Store;

/// <summary>
/// What a path search follows: only <see cref="Types"/> (all types when null or empty), in
/// <see cref="Direction"/> from the start (<see cref="Direction.Outgoing"/>: each step goes forwards along a
/// relationship, as "cites"; <see cref="Direction.Incoming"/>: each step goes backwards, as "cited by"), and
/// how many shortest paths to return at most.
/// </summary>
public sealed record PathQuery(IReadOnlyCollection<string>? Types = null, Direction Direction = Direction.Both, int MaxPaths = 1);

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

    /// <summary>
    /// Up to <see cref="PathQuery.MaxPaths"/> shortest paths from <paramref name="fromId"/> to <paramref name="toId"/>,
    /// all of the same, least length, each through a different sequence of nodes, in path order; empty when none.
    /// A store that cannot enumerate them returns the one path <see cref="TryFindShortestPathAsync"/> finds.
    /// </summary>
    async ValueTask<IReadOnlyList<GraphData>> FindShortestPathsAsync(
        string fromId, string toId, PathQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Direction != Direction.Incoming)
        {
            var path = await TryFindShortestPathAsync(fromId, toId, query.Types, query.Direction == Direction.Outgoing, cancellationToken).ConfigureAwait(false);
            return path is null ? [] : [path];
        }
        // Backwards from the start is forwards from the end, read in reverse.
        var reversed = await TryFindShortestPathAsync(toId, fromId, query.Types, directed: true, cancellationToken).ConfigureAwait(false);
        if (reversed is null) return [];
        var forwards = new GraphData();
        forwards.Nodes.AddRange(Enumerable.Reverse(reversed.Nodes));
        forwards.Relationships.AddRange(Enumerable.Reverse(reversed.Relationships));
        return [forwards];
    }
}

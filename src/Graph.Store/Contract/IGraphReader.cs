using Graph.Model;

namespace Graph.Store;

/// <summary>Which way to follow relationships from a node.</summary>
public enum Direction
{
    Outgoing,
    Incoming,
    Both,
}

/// <summary>Node and relationship counts of a store.</summary>
public sealed record GraphCounts(long Nodes, long Relationships, long Documents);

/// <summary>
/// The read role of a graph store. Expected absence is not an error: <see cref="TryGetNodeAsync"/>
/// answers null for an unknown id.
/// </summary>
public interface IGraphReader
{
    ValueTask<GraphNode?> TryGetNodeAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Relationships touching <paramref name="nodeId"/>, optionally only of the given types, at most <paramref name="limit"/>.</summary>
    ValueTask<IReadOnlyList<GraphRelationship>> GetRelationshipsAsync(
        string nodeId, Direction direction, IReadOnlyCollection<string>? types = null, int limit = int.MaxValue,
        CancellationToken cancellationToken = default);

    /// <summary>Nodes with a label (and, when given, a property equal to a value), from the label and property indexes.</summary>
    ValueTask<IReadOnlyList<GraphNode>> FindNodesAsync(
        string label, string? property = null, object? value = null, int limit = int.MaxValue,
        CancellationToken cancellationToken = default);

    ValueTask<GraphCounts> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>The whole graph, for export. Ordered by id so that exports are reproducible.</summary>
    ValueTask<GraphData> ReadAllAsync(CancellationToken cancellationToken = default);
}

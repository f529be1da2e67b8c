using Graph.Model;
using Graph.Store.Memory;

namespace Graph.Store.Embedded;

public sealed partial class EmbeddedGraphStore
{
    public ValueTask<GraphNode?> TryGetNodeAsync(string id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Graph.TryGetNodeByKey(id, out var node) ? ToGraphNode(node) : null);

    public ValueTask<IReadOnlyList<GraphRelationship>> GetRelationshipsAsync(
        string nodeId, Direction direction, IReadOnlyCollection<string>? types = null, int limit = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        using var _ = Graph.EnterRead();
        if (!Graph.TryGetNodeId(nodeId, out var internalId)) return ValueTask.FromResult<IReadOnlyList<GraphRelationship>>([]);
        var relationships = Graph.GetRelationships(internalId, direction, types);
        // A hub has tens of thousands of relationships: order them by their id string alone and copy
        // out only the page asked for (copying every one first made a hub's neighbours take ~100 ms).
        IReadOnlyList<GraphRelationship> result = relationships.Count <= limit
            ? [.. relationships.Select(ToGraphRelationship).OrderBy(r => r.Id, StringComparer.Ordinal)]
            : [.. relationships.Select(r => (Id: IdOf(r), Relationship: r))
                .OrderBy(r => r.Id, StringComparer.Ordinal)
                .Take(limit)
                .Select(r => ToGraphRelationship(r.Relationship))];
        return ValueTask.FromResult(result);
    }

    public ValueTask<IReadOnlyList<GraphNode>> FindNodesAsync(
        string label, string? property = null, object? value = null, int limit = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        using var _ = Graph.EnterRead();
        IEnumerable<long> ids = property is null ? Graph.NodeIdsByLabel(label)
            : Graph.TryFindByProperty(label, property, value, out var found) ? found
            : [];
        IReadOnlyList<GraphNode> result = [.. ids
            .Select(id => Graph.TryGetNode(id, out var node) ? ToGraphNode(node) : null)
            .OfType<GraphNode>()
            .OrderBy(n => n.Id, StringComparer.Ordinal)
            .Take(limit)];
        return ValueTask.FromResult(result);
    }

    public ValueTask<GraphCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        using var _ = Graph.EnterRead();
        return ValueTask.FromResult(new GraphCounts(Graph.NodeCount, Graph.RelationshipCount, Interlocked.Read(ref _documentCount)));
    }

    public ValueTask<GraphData> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var graph = new GraphData();
        using (Graph.EnterRead())
        {
            graph.Nodes.AddRange(Graph.AllNodes().Select(ToGraphNode).OrderBy(n => n.Id, StringComparer.Ordinal));
            graph.Relationships.AddRange(Graph.AllRelationships().Select(ToGraphRelationship).OrderBy(r => r.Id, StringComparer.Ordinal));
        }
        return ValueTask.FromResult(graph);
    }

    /// <summary>A node as the model sees it; a node made by Cypher without an <c>id</c> gets <c>_&lt;internal id&gt;</c>.</summary>
    internal static GraphNode ToGraphNode(MemoryNode node) =>
        new(node.Key ?? $"_{node.Id}", node.Labels, node.Properties.ToDictionary(p => p.Key, p => PropertyValues.Copy(p.Value)));

    /// <summary>The <see cref="GraphRelationship.Id"/> that <see cref="ToGraphRelationship"/> would give, without copying properties.</summary>
    private string IdOf(MemoryRelationship relationship)
    {
        Graph.TryGetNode(relationship.StartId, out var start);
        Graph.TryGetNode(relationship.EndId, out var end);
        var key = KeyOf(relationship.Id);
        var id = $"{start.Key ?? $"_{start.Id}"}-[{relationship.Type}]->{end.Key ?? $"_{end.Id}"}";
        return key.Length == 0 ? id : id + "#" + key;
    }

    internal GraphRelationship ToGraphRelationship(MemoryRelationship relationship)
    {
        Graph.TryGetNode(relationship.StartId, out var start);
        Graph.TryGetNode(relationship.EndId, out var end);
        return new GraphRelationship(
            relationship.Type, start.Key ?? $"_{start.Id}", end.Key ?? $"_{end.Id}",
            relationship.Properties.ToDictionary(p => p.Key, p => PropertyValues.Copy(p.Value)), KeyOf(relationship.Id));
    }
}

using Graph.Model;

namespace Graph.Store.Memory;

/// <summary>
/// A node as read from a <see cref="MemoryGraph"/>: a snapshot. Labels and properties are immutable
/// objects, so a later write to the graph never changes a snapshot already handed out.
/// </summary>
public readonly record struct MemoryNode(long Id, LabelSet Labels, PropertyMap Properties)
{
    public bool HasLabel(string label) => Labels.Contains(label);

    /// <summary>The string key property <c>id</c>, if the node has one (domain nodes always do).</summary>
    public string? Key => Properties.TryGetValue(PropertyNames.Id, out var value) ? value as string : null;

    public override string ToString() => $"({Id}{Labels})";
}

/// <summary>A relationship as read from a <see cref="MemoryGraph"/>: a snapshot, like <see cref="MemoryNode"/>.</summary>
public readonly record struct MemoryRelationship(long Id, string Type, long StartId, long EndId, PropertyMap Properties)
{
    /// <summary>The node at the other end, seen from <paramref name="nodeId"/>.</summary>
    public long OtherEnd(long nodeId) => nodeId == StartId ? EndId : StartId;

    public override string ToString() => $"({StartId})-[{Id}:{Type}]->({EndId})";
}

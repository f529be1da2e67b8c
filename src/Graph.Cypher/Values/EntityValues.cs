namespace Graph.Cypher.Values;

/// <summary>A node while a query runs: only its id; labels and properties are read from the graph.</summary>
internal sealed record NodeRef(long Id);

internal sealed record RelRef(long Id);

/// <summary>A path while a query runs: nodes[0], rels[0], nodes[1], …</summary>
internal sealed class PathValue(IReadOnlyList<long> nodes, IReadOnlyList<long> relationships)
{
    public IReadOnlyList<long> Nodes { get; } = nodes;

    public IReadOnlyList<long> Relationships { get; } = relationships;

    public override bool Equals(object? obj) =>
        obj is PathValue other && Nodes.SequenceEqual(other.Nodes) && Relationships.SequenceEqual(other.Relationships);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var n in Nodes)
        {
            hash.Add(n);
        }

        foreach (var r in Relationships)
        {
            hash.Add(r);
        }

        return hash.ToHashCode();
    }
}

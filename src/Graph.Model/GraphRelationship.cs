namespace Graph.Model;

/// <summary>
/// A directed, typed relationship between two nodes identified by their ids.
/// <see cref="Key"/> tells apart several relationships of one type between the same two nodes
/// (two paragraphs citing the same resolution at two spans); it is part of the identity.
/// </summary>
public sealed class GraphRelationship
{
    public GraphRelationship(string type, string start, string end, IDictionary<string, object?>? properties = null, string? key = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(start);
        ArgumentException.ThrowIfNullOrEmpty(end);
        Type = type;
        Start = start;
        End = end;
        Key = key ?? "";
        Properties = properties is null ? new SortedPropertyMap() : new SortedPropertyMap(properties);
    }

    public string Type { get; }

    public string Start { get; }

    public string End { get; }

    public string Key { get; }

    /// <summary>Identity of the relationship: type, ends and key.</summary>
    public string Id => Key.Length == 0 ? $"{Start}-[{Type}]->{End}" : $"{Start}-[{Type}]->{End}#{Key}";

    public SortedPropertyMap Properties { get; }

    public GraphRelationship Clone() =>
        new(Type, Start, End, Properties.ToDictionary(p => p.Key, p => PropertyValues.Copy(p.Value)), Key);

    public override string ToString() => Id;
}

namespace Graph.Model;

/// <summary>
/// A node of the property graph. Property values are strings, longs, doubles, booleans,
/// nulls, or lists of those; dates are ISO strings (yyyy-mm-dd).
/// </summary>
public sealed class GraphNode
{
    public GraphNode(string id, IEnumerable<string> labels, IDictionary<string, object?>? properties = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        Labels = new SortedSet<string>(labels, StringComparer.Ordinal);
        Properties = properties is null ? new SortedPropertyMap() : new SortedPropertyMap(properties);
    }

    public string Id { get; }

    public SortedSet<string> Labels { get; }

    public SortedPropertyMap Properties { get; }

    public bool HasLabel(string label) => Labels.Contains(label);

    public string? GetString(string key) => Properties.TryGetValue(key, out var value) ? value as string : null;

    public bool IsStub => Properties.TryGetValue(PropertyNames.Stub, out var value) && value is true;

    public GraphNode Clone() => new(Id, Labels, Properties.ToDictionary(p => p.Key, p => PropertyValues.Copy(p.Value)));

    public override string ToString() => $"({Id}:{string.Join(':', Labels)})";
}

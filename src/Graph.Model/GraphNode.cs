namespace Graph.Model;

/// <summary>
/// A node of the property graph. Property values are strings, longs, doubles, booleans,
/// nulls, or lists of those; dates are ISO strings (yyyy-mm-dd).
/// </summary>
public sealed class GraphNode : PropertyHolder
{
    public GraphNode(string id, IEnumerable<string> labels, IDictionary<string, object?>? properties = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(labels);
        Id = id;
        foreach (var label in labels) AddLabel(label);
        if (properties is not null) Properties.Load(properties);
    }

    // The labels until someone asks for them as a set: sorted, shared with every node that has the same ones (see
    // PropertyShapes). A long text's paragraphs each had a set of one label, two objects of 48 bytes.
    private string[] _labelNames = [];
    // The set handed out by Labels; once made, it alone holds the labels (its reader may change them).
    private SortedSet<string>? _labelSet;

    public string Id { get; }

    /// <summary>The labels as a set the caller may change; made on the first read and kept (see <see cref="LabelNames"/>).</summary>
    public SortedSet<string> Labels => _labelSet ??= new SortedSet<string>(_labelNames, StringComparer.Ordinal);

    /// <summary>The labels in ordinal order, read without making the set <see cref="Labels"/> is.</summary>
    public IReadOnlyCollection<string> LabelNames => (IReadOnlyCollection<string>?)_labelSet ?? _labelNames;

    /// <summary>Adds a label (nothing if the node has it already).</summary>
    public void AddLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (_labelSet is not null)
        {
            _labelSet.Add(label);
            return;
        }
        var index = Array.BinarySearch(_labelNames, label, StringComparer.Ordinal);
        if (index < 0) _labelNames = PropertyShapes.Adding(_labelNames, ~index, label);
    }

    public bool HasLabel(string label) =>
        _labelSet?.Contains(label) ?? Array.BinarySearch(_labelNames, label, StringComparer.Ordinal) >= 0;

    /// <summary>The node's properties: a view of what the node holds (see <see cref="PropertyHolder"/>), made on each read.</summary>
    public SortedPropertyMap Properties => new(this);

    public string? GetString(string key) => TryGetProperty(key, out var value) ? value as string : null;

    public bool IsStub => TryGetProperty(PropertyNames.Stub, out var value) && value is true;

    public GraphNode Clone() => new(Id, LabelNames, Properties.ToDictionary(p => p.Key, p => PropertyValues.Copy(p.Value)));

    public override string ToString() => $"({Id}:{string.Join(':', LabelNames)})";
}

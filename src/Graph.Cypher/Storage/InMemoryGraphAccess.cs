using Graph.Cypher.Schema;
namespace Graph.Cypher.Storage;

/// <summary>A self-contained graph for scratch queries and conformance runs; not thread-safe.</summary>
internal sealed class InMemoryGraphAccess : IGraphAccess
{
    private sealed class NodeData
    {
        public readonly List<string> Labels = [];
        public readonly Dictionary<string, object?> Properties = new(StringComparer.Ordinal);
        public readonly List<long> Out = [];
        public readonly List<long> In = [];
    }

    private sealed class RelData(long start, long end, string type)
    {
        public long Start { get; } = start;
        public long End { get; } = end;
        public string Type { get; } = type;
        public readonly Dictionary<string, object?> Properties = new(StringComparer.Ordinal);
    }

    private readonly SortedDictionary<long, NodeData> nodes = [];
    private readonly SortedDictionary<long, RelData> relationships = [];
    private long nextId;

    public SchemaCatalog Schema { get; } = new();

    public IDisposable Enter(bool write) => NoLock.Instance;

    private sealed class NoLock : IDisposable
    {
        public static readonly NoLock Instance = new();

        public void Dispose()
        {
        }
    }

    public IEnumerable<long> AllNodes() => nodes.Keys.ToList();

    public IEnumerable<long> NodesWithLabel(string label) =>
        nodes.Where(n => n.Value.Labels.Contains(label)).Select(n => n.Key).ToList();

    /// <summary>A scan of the label that keeps the nodes whose property equals the value (Cypher equality).</summary>
    public IEnumerable<long> NodesWithProperty(string label, string key, object value) =>
        NodesWithLabel(label).Where(n => nodes[n].Properties.TryGetValue(key, out var found) && Values.CypherValues.Equal(found, value) == true).ToList();

    public bool KeepsKeyIndex => false;

    public IEnumerable<long>? NodesWithKey(string key) => null;

    public bool NodeExists(long node) => nodes.ContainsKey(node);

    public bool RelationshipExists(long relationship) => relationships.ContainsKey(relationship);

    public bool HasLabel(long node, string label) => LabelsOf(node).Contains(label);

    public IReadOnlyCollection<string> LabelsOf(long node) => nodes.TryGetValue(node, out var n) ? n.Labels : [];

    public IReadOnlyDictionary<string, object?> NodeProperties(long node) =>
        nodes.TryGetValue(node, out var n) ? n.Properties : new Dictionary<string, object?>();

    public IReadOnlyDictionary<string, object?> RelationshipProperties(long relationship) =>
        relationships.TryGetValue(relationship, out var r) ? r.Properties : new Dictionary<string, object?>();

    public IEnumerable<long> Outgoing(long node) => nodes.TryGetValue(node, out var n) ? n.Out.ToList() : [];

    public IEnumerable<long> Incoming(long node) => nodes.TryGetValue(node, out var n) ? n.In.ToList() : [];

    public (long Start, long End, string Type) Endpoints(long relationship)
    {
        var r = relationships[relationship];
        return (r.Start, r.End, r.Type);
    }

    public IEnumerable<long> AllRelationships() => relationships.Keys.ToList();

    public long CreateNode(IEnumerable<string> labels, IReadOnlyDictionary<string, object?> properties)
    {
        var id = nextId++;
        var data = new NodeData();
        foreach (var label in labels)
        {
            if (!data.Labels.Contains(label))
            {
                data.Labels.Add(label);
            }
        }

        foreach (var (key, value) in properties)
        {
            if (value is not null)
            {
                data.Properties[key] = value;
            }
        }

        nodes[id] = data;
        return id;
    }

    public long CreateRelationship(long start, long end, string type, IReadOnlyDictionary<string, object?> properties)
    {
        var id = nextId++;
        var data = new RelData(start, end, type);
        foreach (var (key, value) in properties)
        {
            if (value is not null)
            {
                data.Properties[key] = value;
            }
        }

        relationships[id] = data;
        nodes[start].Out.Add(id);
        nodes[end].In.Add(id);
        return id;
    }

    public void SetNodeProperty(long node, string key, object? value) => Set(nodes[node].Properties, key, value);

    public void SetRelationshipProperty(long relationship, string key, object? value) =>
        Set(relationships[relationship].Properties, key, value);

    private static void Set(Dictionary<string, object?> properties, string key, object? value)
    {
        if (value is null)
        {
            properties.Remove(key);
        }
        else
        {
            properties[key] = value;
        }
    }

    public bool AddLabel(long node, string label)
    {
        var labels = nodes[node].Labels;
        if (labels.Contains(label))
        {
            return false;
        }

        labels.Add(label);
        return true;
    }

    public bool RemoveLabel(long node, string label) => nodes[node].Labels.Remove(label);

    public void DeleteNode(long node) => nodes.Remove(node);

    public void DeleteRelationship(long relationship)
    {
        if (relationships.Remove(relationship, out var r))
        {
            if (nodes.TryGetValue(r.Start, out var s))
            {
                s.Out.Remove(relationship);
            }

            if (nodes.TryGetValue(r.End, out var e))
            {
                e.In.Remove(relationship);
            }
        }
    }

    public string NodeElementId(long node) => ElementIds.Node(node);

    public string RelationshipElementId(long relationship) => ElementIds.Relationship(relationship);
}

using Graph.Cypher.Schema;
namespace Graph.Cypher.Storage;

/// <summary>
/// A writing query's view of the graph that remembers how to take back every change it makes, so that a
/// query that fails half-way (an error on row 900, a timeout, the row cap) leaves the graph as it found it:
/// no other query ever sees a half-done write. Undo runs in reverse order under the same write lock.
/// </summary>
/// <remarks>
/// A deleted entity is recreated by undo with a new internal id; later undo steps (earlier changes) that
/// name the old id are translated to the new one.
/// </remarks>
internal sealed class TransactionalGraphAccess(IGraphAccess graph) : IGraphAccess
{
    private readonly List<Action> _undo = [];
    private readonly Dictionary<long, long> _recreatedNodes = [];
    private readonly Dictionary<long, long> _recreatedRelationships = [];

    /// <summary>
    /// Nodes created, or whose labels or properties changed, through this view, and nodes its undo recreated under
    /// a new id (for the search index).
    /// </summary>
    public HashSet<long> ChangedNodes { get; } = [];

    /// <summary>Takes back every change made through this view, newest first.</summary>
    public void Rollback() => RollbackTo(0);

    /// <summary>A mark to take changes back to: how many changes this view has made so far.</summary>
    public int Savepoint => _undo.Count;

    /// <summary>Takes back the changes made since <paramref name="savepoint"/>, newest first, and keeps the ones before it.</summary>
    public void RollbackTo(int savepoint)
    {
        for (var i = _undo.Count - 1; i >= savepoint; i--) _undo[i]();
        _undo.RemoveRange(savepoint, _undo.Count - savepoint);
    }

    public IDisposable Enter(bool write) => graph.Enter(write);

    public SchemaCatalog Schema => graph.Schema;

    public void BuildPropertyIndex(string label, string key) => graph.BuildPropertyIndex(label, key);

    public long CountNodes() => graph.CountNodes();

    public long CountNodesWithLabel(string label) => graph.CountNodesWithLabel(label);

    public long CountRelationships() => graph.CountRelationships();

    public long ChangeStamp => graph.ChangeStamp;

    public IEnumerable<long> AllNodes() => graph.AllNodes();

    public IEnumerable<long> NodesWithLabel(string label) => graph.NodesWithLabel(label);

    public IEnumerable<long> NodesWithProperty(string label, string key, object value) => graph.NodesWithProperty(label, key, value);

    public bool KeepsKeyIndex => graph.KeepsKeyIndex;

    public IEnumerable<long>? NodesWithKey(string key) => graph.NodesWithKey(key);

    public bool NodeExists(long node) => graph.NodeExists(node);

    public bool RelationshipExists(long relationship) => graph.RelationshipExists(relationship);

    public IReadOnlyCollection<string> LabelsOf(long node) => graph.LabelsOf(node);

    public bool HasLabel(long node, string label) => graph.HasLabel(node, label);

    public IReadOnlyDictionary<string, object?> NodeProperties(long node) => graph.NodeProperties(node);

    public IReadOnlyDictionary<string, object?> RelationshipProperties(long relationship) => graph.RelationshipProperties(relationship);

    public IEnumerable<long> Outgoing(long node) => graph.Outgoing(node);

    public IEnumerable<long> Incoming(long node) => graph.Incoming(node);

    public (long Start, long End, string Type) Endpoints(long relationship) => graph.Endpoints(relationship);

    public IEnumerable<long> AllRelationships() => graph.AllRelationships();

    public long CreateNode(IEnumerable<string> labels, IReadOnlyDictionary<string, object?> properties)
    {
        var node = graph.CreateNode(labels, properties);
        ChangedNodes.Add(node);
        _undo.Add(() => graph.DeleteNode(Node(node)));
        return node;
    }

    public long CreateRelationship(long start, long end, string type, IReadOnlyDictionary<string, object?> properties)
    {
        var relationship = graph.CreateRelationship(start, end, type, properties);
        _undo.Add(() => graph.DeleteRelationship(Relationship(relationship)));
        return relationship;
    }

    public void SetNodeProperty(long node, string key, object? value)
    {
        var before = graph.NodeProperties(node).TryGetValue(key, out var old) ? old : null;
        graph.SetNodeProperty(node, key, value);
        ChangedNodes.Add(node);
        _undo.Add(() => graph.SetNodeProperty(Node(node), key, before));
    }

    public void SetRelationshipProperty(long relationship, string key, object? value)
    {
        var before = graph.RelationshipProperties(relationship).TryGetValue(key, out var old) ? old : null;
        graph.SetRelationshipProperty(relationship, key, value);
        _undo.Add(() => graph.SetRelationshipProperty(Relationship(relationship), key, before));
    }

    public bool AddLabel(long node, string label)
    {
        var added = graph.AddLabel(node, label);
        if (added) ChangedNodes.Add(node);
        if (added) _undo.Add(() => graph.RemoveLabel(Node(node), label));
        return added;
    }

    public bool RemoveLabel(long node, string label)
    {
        var removed = graph.RemoveLabel(node, label);
        if (removed) ChangedNodes.Add(node);
        if (removed) _undo.Add(() => graph.AddLabel(Node(node), label));
        return removed;
    }

    public void DeleteNode(long node)
    {
        var labels = graph.LabelsOf(node).ToList();
        var properties = new Dictionary<string, object?>(graph.NodeProperties(node), StringComparer.Ordinal);
        graph.DeleteNode(node);
        _undo.Add(() => ChangedNodes.Add(_recreatedNodes[node] = graph.CreateNode(labels, properties)));
    }

    public void DeleteRelationship(long relationship)
    {
        var (start, end, type) = graph.Endpoints(relationship);
        var properties = new Dictionary<string, object?>(graph.RelationshipProperties(relationship), StringComparer.Ordinal);
        graph.DeleteRelationship(relationship);
        _undo.Add(() => _recreatedRelationships[relationship] = graph.CreateRelationship(Node(start), Node(end), type, properties));
    }

    public string NodeElementId(long node) => graph.NodeElementId(node);

    public string RelationshipElementId(long relationship) => graph.RelationshipElementId(relationship);

    /// <summary>The id a node has now: itself, or the id undo gave it when it recreated it.</summary>
    private long Node(long id) => _recreatedNodes.TryGetValue(id, out var now) ? now : id;

    private long Relationship(long id) => _recreatedRelationships.TryGetValue(id, out var now) ? now : id;
}

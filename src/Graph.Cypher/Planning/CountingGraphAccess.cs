using Graph.Cypher.Schema;
using Graph.Cypher.Storage;

namespace Graph.Cypher.Planning;

/// <summary>
/// PROFILE's view of the graph: every read is one db hit charged to the operator working at the time (a node's
/// labels or properties, a relationship's ends, each relationship an adjacency list yields), and the nodes a start
/// lookup yields are the rows of the clause's scan operator.
/// </summary>
internal sealed class CountingGraphAccess(IGraphAccess graph, Profiler profiler) : IGraphAccess
{
    public IDisposable Enter(bool write) => graph.Enter(write);

    public SchemaCatalog Schema => graph.Schema;

    public void BuildPropertyIndex(string label, string key) => graph.BuildPropertyIndex(label, key);

    public long CountNodes() => graph.CountNodes();

    public long CountNodesWithLabel(string label) => graph.CountNodesWithLabel(label);

    public long CountRelationships() => graph.CountRelationships();

    public long ChangeStamp => graph.ChangeStamp;

    /// <remarks>Handed through: the query runner charges what a shortcut reads to the operators it stands for.</remarks>
    public IStoreShortcuts? Shortcuts => graph.Shortcuts;

    public IEnumerable<long> AllNodes() => profiler.Scanned(graph.AllNodes());

    public IEnumerable<long> NodesWithLabel(string label) => profiler.Scanned(graph.NodesWithLabel(label));

    public IEnumerable<long> NodesWithProperty(string label, string key, object value) => profiler.Scanned(graph.NodesWithProperty(label, key, value));

    public bool KeepsKeyIndex => graph.KeepsKeyIndex;

    public IEnumerable<long>? NodesWithKey(string key) => graph.NodesWithKey(key) is { } found ? profiler.Scanned(found) : null;

    public bool NodeExists(long node) => graph.NodeExists(node);

    public bool RelationshipExists(long relationship) => graph.RelationshipExists(relationship);

    public IReadOnlyCollection<string> LabelsOf(long node)
    {
        profiler.Hit();
        return graph.LabelsOf(node);
    }

    public bool HasLabel(long node, string label)
    {
        profiler.Hit();
        return graph.HasLabel(node, label);
    }

    public IReadOnlyDictionary<string, object?> NodeProperties(long node)
    {
        profiler.Hit();
        return graph.NodeProperties(node);
    }

    public IReadOnlyDictionary<string, object?> RelationshipProperties(long relationship)
    {
        profiler.Hit();
        return graph.RelationshipProperties(relationship);
    }

    public IEnumerable<long> Outgoing(long node) => Each(graph.Outgoing(node));

    public IEnumerable<long> Incoming(long node) => Each(graph.Incoming(node));

    public IEnumerable<long> OtherEnds(long node, bool incoming, string type) => Each(graph.OtherEnds(node, incoming, type));

    public long Degree(long node, bool incoming, string type)
    {
        profiler.Hit();
        return graph.Degree(node, incoming, type);
    }

    public (long Start, long End, string Type) Endpoints(long relationship)
    {
        profiler.Hit();
        return graph.Endpoints(relationship);
    }

    public IEnumerable<long> AllRelationships() => Each(graph.AllRelationships());

    public long CreateNode(IEnumerable<string> labels, IReadOnlyDictionary<string, object?> properties) => Written(graph.CreateNode(labels, properties));

    public long CreateRelationship(long start, long end, string type, IReadOnlyDictionary<string, object?> properties) =>
        Written(graph.CreateRelationship(start, end, type, properties));

    public void SetNodeProperty(long node, string key, object? value)
    {
        profiler.Hit();
        graph.SetNodeProperty(node, key, value);
    }

    public void SetRelationshipProperty(long relationship, string key, object? value)
    {
        profiler.Hit();
        graph.SetRelationshipProperty(relationship, key, value);
    }

    public bool AddLabel(long node, string label) => Written(graph.AddLabel(node, label));

    public bool RemoveLabel(long node, string label) => Written(graph.RemoveLabel(node, label));

    public void DeleteNode(long node)
    {
        profiler.Hit();
        graph.DeleteNode(node);
    }

    public void DeleteRelationship(long relationship)
    {
        profiler.Hit();
        graph.DeleteRelationship(relationship);
    }

    public string NodeElementId(long node) => graph.NodeElementId(node);

    public string RelationshipElementId(long relationship) => graph.RelationshipElementId(relationship);

    private T Written<T>(T result)
    {
        profiler.Hit();
        return result;
    }

    private IEnumerable<long> Each(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            profiler.Hit();
            yield return id;
        }
    }
}

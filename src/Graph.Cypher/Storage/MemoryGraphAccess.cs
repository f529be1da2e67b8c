using Graph.Cypher.Schema;
using Graph.Model;
using Graph.Store;
using Graph.Store.Embedded;
using Graph.Store.Memory;

namespace Graph.Cypher.Storage;

/// <summary>
/// The executor's view of the store's <see cref="MemoryGraph"/>; store refusals become query errors. Given
/// <paramref name="stated"/>, it refuses to delete what the stored documents state.
/// </summary>
internal sealed partial class MemoryGraphAccess(MemoryGraph graph, DocumentStatements? stated = null) : IGraphAccess
{
    public IDisposable Enter(bool write) => write ? graph.EnterWrite() : graph.EnterRead();

    public IEnumerable<long> AllNodes() => graph.AllNodeIds();

    public IEnumerable<long> NodesWithLabel(string label) => graph.NodeIdsByLabel(label);

    /// <remarks>
    /// The id is the store's unique key, looked up directly: a query holds the read lock, under which
    /// a (label, property) index cannot be built, so without this every <c>{id: $id}</c> scanned the label.
    /// </remarks>
    public IEnumerable<long> NodesWithProperty(string label, string key, object value)
    {
        if (key == PropertyNames.Id && value is string id) return graph.TryGetNodeId(id, out var node) ? [node] : [];
        return graph.TryFindByProperty(label, key, StoredTemporals.ToStore(value)!, out var ids) ? ids : graph.NodeIdsByLabel(label);
    }

    public bool KeepsKeyIndex => true;

    public IEnumerable<long>? NodesWithKey(string key) => graph.TryGetNodeId(key, out var id) ? [id] : [];

    public bool NodeExists(long node) => graph.ContainsNode(node);

    public bool RelationshipExists(long relationship) => graph.ContainsRelationship(relationship);

    public bool HasLabel(long node, string label) => graph.NodeHasLabel(node, label);

    public IReadOnlyCollection<string> LabelsOf(long node) => graph.TryGetNode(node, out var n) ? n.Labels : [];

    public IReadOnlyDictionary<string, object?> NodeProperties(long node) =>
        graph.TryGetNode(node, out var n) ? new TypedProperties(n.Properties) : PropertyMap.Empty;

    public IReadOnlyDictionary<string, object?> RelationshipProperties(long relationship) =>
        graph.TryGetRelationship(relationship, out var r) ? new TypedProperties(r.Properties) : PropertyMap.Empty;

    public IEnumerable<long> Outgoing(long node) => graph.GetRelationshipIds(node, Direction.Outgoing);

    public IEnumerable<long> Incoming(long node) => graph.GetRelationshipIds(node, Direction.Incoming);

    public (long Start, long End, string Type) Endpoints(long relationship)
    {
        var r = graph.TryGetRelationship(relationship, out var found) ? found : throw new InvalidOperationException("No relationship " + relationship);
        return (r.StartId, r.EndId, r.Type);
    }

    public IEnumerable<long> AllRelationships() => graph.AllRelationshipIds();

    public SchemaCatalog Schema => SchemaCatalog.Of(graph);

    public void BuildPropertyIndex(string label, string key) => graph.CreatePropertyIndex(label, key);

    public long CountNodes() => graph.NodeCount;

    public long CountNodesWithLabel(string label) => graph.CountNodesWithLabel(label);

    public long CountRelationships() => graph.RelationshipCount;

    public long ChangeStamp => graph.WriteStamp;

    // The store filters a node's adjacency by type token, so only the relationships of the type are looked at.
    public IEnumerable<long> OtherEnds(long node, bool incoming, string type) =>
        graph.OtherEndIds(node, incoming ? Direction.Incoming : Direction.Outgoing, type);

    public long CountOtherEnds(long node, bool incoming, string type, IReadOnlyList<string> labels) =>
        graph.CountOtherEnds(node, incoming ? Direction.Incoming : Direction.Outgoing, type, labels);

    /// <remarks>The graph refuses a second node with an id already taken.</remarks>
    public bool KeysAreUnique => true;

    public void CountOtherEndsPerNode(bool incoming, string type, IReadOnlyList<string> endLabels, IReadOnlyList<string> otherLabels, Action<long, long> visit) =>
        graph.CountOtherEndsPerNode(incoming ? Direction.Incoming : Direction.Outgoing, type, endLabels, otherLabels, visit);

    public bool EveryNodeHasKey(string? label) => graph.EveryNodeHasKey(label);

    public long Degree(long node, bool incoming, string type) => graph.Degree(node, incoming ? Direction.Incoming : Direction.Outgoing, [type]);

    public long CreateNode(IEnumerable<string> labels, IReadOnlyDictionary<string, object?> properties) =>
        Guard(() => graph.CreateNode(labels, StoredTemporals.ToStore(properties.Where(p => p.Value is not null))));

    public long CreateRelationship(long start, long end, string type, IReadOnlyDictionary<string, object?> properties) =>
        Guard(() => graph.CreateRelationship(type, start, end, StoredTemporals.ToStore(properties.Where(p => p.Value is not null))));

    public void SetNodeProperty(long node, string key, object? value)
    {
        // The projection finds a stated node by its id: renaming it would be deleting it under another name.
        if (key == PropertyNames.Id && stated?.StatesNode(node) == true)
            throw StatedByDocuments("node", NodeProperties(node).GetValueOrDefault(PropertyNames.Id), "change its id");
        SetNodePropertyGuarded(node, key, value);
    }

    private void SetNodePropertyGuarded(long node, string key, object? value) => Guard(() =>
    {
        if (value is null)
        {
            graph.RemoveNodeProperty(node, key);
        }
        else
        {
            graph.SetNodeProperty(node, key, StoredTemporals.ToStore(value)!);
        }

        return 0;
    });

    public void SetRelationshipProperty(long relationship, string key, object? value) => Guard(() =>
    {
        if (value is null)
        {
            graph.RemoveRelationshipProperty(relationship, key);
        }
        else
        {
            graph.SetRelationshipProperty(relationship, key, StoredTemporals.ToStore(value)!);
        }

        return 0;
    });

    public bool AddLabel(long node, string label) => graph.AddLabel(node, label);

    public bool RemoveLabel(long node, string label) => graph.RemoveLabel(node, label);

    public void DeleteNode(long node)
    {
        if (stated?.StatesNode(node) == true) throw StatedByDocuments("node", NodeProperties(node).GetValueOrDefault(PropertyNames.Id), "delete it");
        Guard(() => graph.DeleteNode(node));
    }

    public void DeleteRelationship(long relationship)
    {
        if (stated?.StatesRelationship(relationship) == true)
        {
            var (start, end, type) = Endpoints(relationship);
            throw StatedByDocuments("relationship",
                $"{NodeProperties(start).GetValueOrDefault(PropertyNames.Id)}-[{type}]->{NodeProperties(end).GetValueOrDefault(PropertyNames.Id)}", "delete it");
        }
        graph.DeleteRelationship(relationship);
    }

    private static CypherException StatedByDocuments(string what, object? name, string change) =>
        new("ConstraintVerificationFailed", "StatedByDocuments",
            $"The {what} {name} is stated by the stored documents, so a query cannot {change}: the graph is what the documents " +
            "state, and the next ingest of the document needs it. Remove or re-ingest the document instead, or mark it (SET n.retired = true).",
            null, CypherErrorPhase.Runtime);

    public string NodeElementId(long node) => ElementIds.Node(node);

    public string RelationshipElementId(long relationship) => ElementIds.Relationship(relationship);

    private static T Guard<T>(Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new CypherException("ConstraintVerificationFailed", "ConstraintViolation", e.Message, null, CypherErrorPhase.Runtime);
        }
    }
}

/// <summary>Element ids in Neo4j's shape: "4:graph:&lt;id&gt;" for nodes, "5:graph:&lt;id&gt;" for relationships.</summary>
internal static class ElementIds
{
    public static string Node(long id) => "4:graph:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Relationship(long id) => "5:graph:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

using Graph.Cypher.Schema;
namespace Graph.Cypher.Storage;

/// <summary>
/// What the executor needs from a graph: entities by internal long id, adjacency both ways, a label
/// index and primitive writes. Adapters map a concrete store onto it.
/// </summary>
internal interface IGraphAccess
{
    /// <summary>Holds the graph's lock for a whole query, so that it sees (and makes) one consistent change.</summary>
    IDisposable Enter(bool write);

    IEnumerable<long> AllNodes();

    IEnumerable<long> NodesWithLabel(string label);

    /// <summary>Candidates for label + property = value; may return a superset (the caller re-checks).</summary>
    IEnumerable<long> NodesWithProperty(string label, string key, object value);

    /// <summary>Whether <see cref="NodesWithKey"/> answers from an index (so a pattern node with an <c>id</c> is the best place to start).</summary>
    bool KeepsKeyIndex { get; }

    /// <summary>The node whose unique key property <c>id</c> is <paramref name="key"/>; null when the graph keeps no such index.</summary>
    IEnumerable<long>? NodesWithKey(string key);

    bool NodeExists(long node);

    bool RelationshipExists(long relationship);

    IReadOnlyCollection<string> LabelsOf(long node);

    /// <summary>Whether the node carries the label: asked for every candidate a pattern meets, so without copying its labels.</summary>
    bool HasLabel(long node, string label);

    IReadOnlyDictionary<string, object?> NodeProperties(long node);

    IReadOnlyDictionary<string, object?> RelationshipProperties(long relationship);

    IEnumerable<long> Outgoing(long node);

    IEnumerable<long> Incoming(long node);

    (long Start, long End, string Type) Endpoints(long relationship);

    /// <summary>
    /// The node at the other end of each of <paramref name="node"/>'s relationships of type <paramref name="type"/> in one
    /// direction (a node as often as relationships lead to it): what counting a single hop per end node reads.
    /// </summary>
    IEnumerable<long> OtherEnds(long node, bool incoming, string type)
    {
        foreach (var relationship in incoming ? Incoming(node) : Outgoing(node))
        {
            var (start, end, found) = Endpoints(relationship);
            if (found == type)
            {
                yield return incoming ? start : end;
            }
        }
    }

    /// <summary>How many of <paramref name="node"/>'s relationships of <paramref name="type"/> in one direction lead to a node with every one of <paramref name="labels"/>.</summary>
    long CountOtherEnds(long node, bool incoming, string type, IReadOnlyList<string> labels)
    {
        long count = 0;
        foreach (var other in OtherEnds(node, incoming, type))
        {
            if (labels.All(label => HasLabel(other, label)))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Whether no two nodes share a string <c>id</c> property (the store's unique key), so that grouping by a node's id
    /// groups by the node itself.
    /// </summary>
    bool KeysAreUnique => false;

    /// <summary>
    /// For every node carrying each of <paramref name="endLabels"/> (every node when none), in the order the label index
    /// (or <see cref="AllNodes"/>) gives them: <see cref="CountOtherEnds"/> of the node, handed to <paramref name="visit"/> when
    /// above zero. A store that keeps adjacency in arrays counts them all in one pass (a global aggregation's grouped count).
    /// </summary>
    void CountOtherEndsPerNode(bool incoming, string type, IReadOnlyList<string> endLabels, IReadOnlyList<string> otherLabels, Action<long, long> visit)
    {
        foreach (var node in endLabels.Count > 0 ? NodesWithLabel(endLabels[0]) : AllNodes())
        {
            if (!endLabels.All(label => HasLabel(node, label)))
            {
                continue;
            }

            var count = otherLabels.Count == 0 ? Degree(node, incoming, type) : CountOtherEnds(node, incoming, type, otherLabels);
            if (count > 0)
            {
                visit(node, count);
            }
        }
    }

    /// <summary>Whether every node carrying <paramref name="label"/> (every node, for null) has a string <c>id</c>.</summary>
    bool EveryNodeHasKey(string? label) =>
        (label is null ? AllNodes() : NodesWithLabel(label)).All(node => NodeProperties(node).TryGetValue("id", out var id) && id is string);

    /// <summary>How many of <paramref name="node"/>'s relationships in one direction are of type <paramref name="type"/>.</summary>
    long Degree(long node, bool incoming, string type) => OtherEnds(node, incoming, type).LongCount();

    IEnumerable<long> AllRelationships();

    /// <summary>The store's own reads for shapes that would otherwise cost a row per node or relationship; null for none.</summary>
    IStoreShortcuts? Shortcuts => null;

    /// <summary>The indexes and constraints declared on this graph (kept with the graph, not with one view of it).</summary>
    SchemaCatalog Schema { get; }

    /// <summary>Builds the (label, property) equality index now, for CREATE INDEX (a graph that keeps none ignores it).</summary>
    void BuildPropertyIndex(string label, string key)
    {
    }

    /// <summary>How many nodes there are: what the planner estimates an all-nodes scan at.</summary>
    long CountNodes() => AllNodes().LongCount();

    /// <summary>How many nodes carry <paramref name="label"/>: what the planner estimates a label scan at.</summary>
    long CountNodesWithLabel(string label) => NodesWithLabel(label).LongCount();

    /// <summary>Changes whenever the graph may have changed: indexes kept beside the graph are built again when it does.</summary>
    long ChangeStamp => Schema.Writes;

    /// <summary>How many relationships there are.</summary>
    long CountRelationships() => AllRelationships().LongCount();

    long CreateNode(IEnumerable<string> labels, IReadOnlyDictionary<string, object?> properties);

    long CreateRelationship(long start, long end, string type, IReadOnlyDictionary<string, object?> properties);

    /// <summary>Sets (value non-null) or removes (null) a property; answers whether anything was there or changed.</summary>
    void SetNodeProperty(long node, string key, object? value);

    void SetRelationshipProperty(long relationship, string key, object? value);

    bool AddLabel(long node, string label);

    bool RemoveLabel(long node, string label);

    void DeleteNode(long node);

    void DeleteRelationship(long relationship);

    /// <summary>The id shown to clients as elementId.</summary>
    string NodeElementId(long node);

    string RelationshipElementId(long relationship);
}

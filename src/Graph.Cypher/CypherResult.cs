namespace Graph.Cypher;

/// <summary>
/// The answer of one query. Row values are CLR objects: null, bool, long, double, string,
/// <see cref="List{T}"/> of values, <see cref="Dictionary{TKey,TValue}"/> string → value,
/// <see cref="CypherNode"/>, <see cref="CypherRelationship"/>, <see cref="CypherPath"/> and <see cref="CypherTemporal"/>.
/// </summary>
public sealed record CypherResult(
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    CypherCounters Counters)
{
    /// <summary>True when the query changed the graph.</summary>
    public bool ContainsUpdates => Counters.ContainsUpdates;
}

/// <summary>What a query changed, named as Neo4j's Query API names its counters.</summary>
public sealed record CypherCounters
{
    public long NodesCreated { get; init; }
    public long NodesDeleted { get; init; }
    public long RelationshipsCreated { get; init; }
    public long RelationshipsDeleted { get; init; }
    public long PropertiesSet { get; init; }
    public long LabelsAdded { get; init; }
    public long LabelsRemoved { get; init; }

    public bool ContainsUpdates =>
        NodesCreated + NodesDeleted + RelationshipsCreated + RelationshipsDeleted + PropertiesSet + LabelsAdded + LabelsRemoved > 0;
}

/// <summary>A node as a query returns it; <paramref name="ElementId"/> is stable while the node lives.</summary>
public sealed record CypherNode(string ElementId, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties);

/// <summary>A relationship as a query returns it, with the element ids of its two ends.</summary>
public sealed record CypherRelationship(
    string ElementId, string StartNodeElementId, string EndNodeElementId, string Type,
    IReadOnlyDictionary<string, object?> Properties);

/// <summary>A path: <c>Nodes.Count == Relationships.Count + 1</c>, in traversal order.</summary>
public sealed record CypherPath(IReadOnlyList<CypherNode> Nodes, IReadOnlyList<CypherRelationship> Relationships);

/// <summary>
/// A temporal value: <paramref name="Type"/> is the Query API's type name (Date, Time, LocalTime, LocalDateTime,
/// OffsetDateTime, ZonedDateTime, Duration) and <paramref name="Value"/> its ISO-8601 text.
/// </summary>
public sealed record CypherTemporal(string Type, string Value)
{
    public override string ToString() => Value;
}

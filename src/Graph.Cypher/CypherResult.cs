namespace Graph.Cypher;

/// <summary>
/// The answer of one query. Row values are CLR objects: null, bool, long, double, string,
/// <see cref="List{T}"/> of values, <see cref="Dictionary{TKey,TValue}"/> string → value,
/// <see cref="CypherNode"/>, <see cref="CypherRelationship"/>, <see cref="CypherPath"/>, <see cref="CypherTemporal"/>,
/// <see cref="Graph.Model.SpatialPoint"/> and byte arrays.
/// </summary>
public sealed record CypherResult(
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    CypherCounters Counters)
{
    /// <summary>True when the query changed the graph.</summary>
    public bool ContainsUpdates => Counters.ContainsUpdates;

    /// <summary>The plan of an EXPLAIN or PROFILE statement (null otherwise).</summary>
    public CypherPlan? Plan { get; init; }

    /// <summary>Whether <see cref="Plan"/> was measured (PROFILE) rather than only estimated (EXPLAIN).</summary>
    public bool Profiled { get; init; }
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
    public long IndexesAdded { get; init; }
    public long IndexesRemoved { get; init; }
    public long ConstraintsAdded { get; init; }
    public long ConstraintsRemoved { get; init; }

    public bool ContainsUpdates =>
        NodesCreated + NodesDeleted + RelationshipsCreated + RelationshipsDeleted + PropertiesSet + LabelsAdded + LabelsRemoved
        + IndexesAdded + IndexesRemoved + ConstraintsAdded + ConstraintsRemoved > 0;
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
    private static readonly HashSet<string> Types =
        ["Date", "Time", "LocalTime", "LocalDateTime", "OffsetDateTime", "ZonedDateTime", "DateTime", "Duration"];

    /// <summary>
    /// A temporal parameter from its Query API type and ISO-8601 text; throws <see cref="FormatException"/> when the
    /// type is unknown or the text is not a value of it (the check a query would otherwise fail late with).
    /// </summary>
    public static CypherTemporal Parse(string type, string value)
    {
        if (!Types.Contains(type)) throw new FormatException($"'{type}' is not a temporal type");
        var parsed = Execution.TemporalFunctions.ParseTyped(type, value);
        return new CypherTemporal(parsed.TypeName, parsed.Format());
    }

    /// <summary>
    /// The text Neo4j's Query API writes: ISO-8601 with seconds always given, and a fraction of a second on local
    /// times and date-times (Neo4j's clients read a local time's fraction unconditionally); durations in months,
    /// days and seconds, as the drivers write them.
    /// </summary>
    public string QueryApiValue => Execution.TemporalFunctions.ParseTyped(Type, Value).FormatForQueryApi();

    public override string ToString() => Value;
}

/// <summary>
/// A query plan, as EXPLAIN (estimates only) or PROFILE (with rows and db hits) returns it: the operator (Neo4j's name
/// with <c>@neo4j</c>, as its plans spell them), what it works on, the variables it binds, the rows the planner
/// expected from the store's counts, and what it measured. <see cref="Children"/> are its inputs.
/// </summary>
public sealed record CypherPlan(
    string OperatorType,
    string Details,
    IReadOnlyList<string> Identifiers,
    double EstimatedRows,
    long? Rows,
    long? DbHits,
    IReadOnlyList<CypherPlan> Children);

namespace Graph.Neo4j.QueryApi;

/// <summary>A node as the Query API returns it. Properties hold CLR values (long, double, string, bool, lists, maps).</summary>
public sealed record Neo4jNode(string ElementId, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties);

/// <summary>A relationship as the Query API returns it; its ends are element ids of nodes.</summary>
public sealed record Neo4jRelationship(
    string ElementId, string StartNodeElementId, string EndNodeElementId, string Type,
    IReadOnlyDictionary<string, object?> Properties);

/// <summary>A path: nodes and the relationships between them, in path order.</summary>
public sealed record Neo4jPath(IReadOnlyList<Neo4jNode> Nodes, IReadOnlyList<Neo4jRelationship> Relationships);

/// <summary>
/// A temporal, duration or point value, kept as the server's text (ISO-8601 or WKT) with its Query API type
/// name (<c>Date</c>, <c>ZonedDateTime</c>, <c>Duration</c>, <c>Point</c>, ...): the graph itself stores dates as strings.
/// </summary>
public sealed record Neo4jTypedText(string Type, string Value)
{
    public override string ToString() => Value;
}

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
/// A value of a typed-JSON type this client does not know (a type added to Neo4j after it was written), kept as
/// the server's text with its type name so that it can be shown and sent back unchanged. Temporal values are
/// <see cref="Graph.Cypher.CypherTemporal"/>s and points <see cref="Graph.Model.SpatialPoint"/>s.
/// </summary>
public sealed record Neo4jTypedText(string Type, string Value)
{
    public override string ToString() => Value;
}

using Graph.Cypher.Storage;

namespace Graph.Cypher.Execution;

/// <summary>
/// The introspection procedures Neo4j tools and text-to-Cypher assistants call first: the labels, relationship types
/// and property keys in use (sorted), and the components of the database. They read the graph under the query's lock.
/// Also Neo4j's connectivity check, <c>db.ping()</c>, which drivers' verifyConnectivity runs: the engine answers, so it succeeds.
/// </summary>
internal static class BuiltInProcedures
{
    public static IEnumerable<CypherProcedure> For(IGraphAccess graph) =>
    [
        new("db.labels", [], [new("label", "STRING")],
            _ => Rows(graph.AllNodes().SelectMany(graph.LabelsOf))),
        new("db.relationshipTypes", [], [new("relationshipType", "STRING")],
            _ => Rows(graph.AllRelationships().Select(r => graph.Endpoints(r).Type))),
        new("db.propertyKeys", [], [new("propertyKey", "STRING")],
            _ => Rows(graph.AllNodes().SelectMany(n => graph.NodeProperties(n).Keys)
                .Concat(graph.AllRelationships().SelectMany(r => graph.RelationshipProperties(r).Keys)))),
        new("dbms.components", [], [new("name", "STRING"), new("versions", "ANY"), new("edition", "STRING")],
            _ => [["Graph embedded Cypher", new List<object?> { typeof(BuiltInProcedures).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" }, "embedded"]]),
        new("db.ping", [], [new("success", "BOOLEAN")], _ => [[true]]),
    ];

    private static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<string> names) =>
        names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(name => (IReadOnlyList<object?>)[name]);
}

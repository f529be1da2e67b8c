using Graph.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Graph.Web.Endpoints;

/// <summary>What the Cypher editor completes and checks against: the graph's labels, types and keys, and the engine's functions and procedures.</summary>
public sealed record SchemaDto(
    IReadOnlyList<string> Labels, IReadOnlyList<string> RelationshipTypes, IReadOnlyList<string> PropertyKeys,
    IReadOnlyList<CypherFunctionDto> Functions, IReadOnlyList<CypherProcedureDto> Procedures);

/// <summary>
/// <c>GET /api/schema</c>: the labels, relationship types and property keys in use, read by the store's own introspection
/// procedures (<c>db.labels()</c>, <c>db.relationshipTypes()</c>, <c>db.propertyKeys()</c>, as Neo4j's tools read them),
/// so they include what Cypher writes added; and the <see cref="CypherCatalogue"/>.
/// </summary>
public static class SchemaApi
{
    public static IEndpointRouteBuilder MapSchemaApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/schema", GetSchema).WithTags("Graph").WithName("GetSchema")
            .WithSummary("The labels, relationship types and property keys in the graph, and the Cypher functions and procedures the server answers (for the Cypher editor).");
        return endpoints;
    }

    public static async Task<Results<Ok<SchemaDto>, ProblemHttpResult>> GetSchema(QueryEngine engine, CancellationToken cancellationToken)
    {
        try
        {
            var labels = await NamesAsync(engine, "CALL db.labels() YIELD label RETURN label", cancellationToken);
            var types = await NamesAsync(engine, "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType", cancellationToken);
            var keys = await NamesAsync(engine, "CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey", cancellationToken);
            return TypedResults.Ok(new SchemaDto(labels, types, keys, CypherCatalogue.Functions, CypherCatalogue.Procedures));
        }
        catch (QueryEngineUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The Cypher engine is not available");
        }
    }

    private static async Task<List<string>> NamesAsync(QueryEngine engine, string statement, CancellationToken cancellationToken)
    {
        var result = await engine.RunAsync(statement, new Dictionary<string, object?>(), readOnly: true, cancellationToken);
        return [.. result.Rows.Select(row => row[0] as string).OfType<string>()];
    }
}

namespace Graph.Web.Endpoints;

/// <summary>The Neo4j HTTP Query API shape (POST /db/{db}/query/v2), backed by the embedded Cypher engine.</summary>
public static class QueryApi
{
    public static IEndpointRouteBuilder MapQueryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/db/{db}/query/v2", Run).WithName("RunCypher").WithTags("Cypher")
            .WithSummary("Runs a Cypher statement (Neo4j Query API request and response shapes).");
        return endpoints;
    }

    public static IResult Run(string db) =>
        TypedResults.Problem($"The Cypher engine is not part of this build yet (database '{db}').", statusCode: StatusCodes.Status501NotImplemented);
}

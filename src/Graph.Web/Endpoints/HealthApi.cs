using Graph.Store;

namespace Graph.Web.Endpoints;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", GetHealth).WithName("Health").WithTags("Health")
            .WithSummary("Whether the server is up, and how big its graph is.");
        return endpoints;
    }

    public static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<HealthDto>> GetHealth(GraphServices graph, CancellationToken cancellationToken)
    {
        var counts = await graph.Store.CountAsync(cancellationToken);
        return TypedResults.Ok(new HealthDto("ok", counts.Nodes, counts.Relationships, counts.Documents, graph.Store.GetType().Name));
    }
}

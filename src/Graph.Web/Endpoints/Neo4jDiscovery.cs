namespace Graph.Web.Endpoints;

/// <summary>
/// Neo4j's discovery document at <c>GET /</c> for a client that asks for JSON (Neo4j's clients find the Query API's
/// address there); a browser, which asks for HTML, still gets the explorer.
/// </summary>
internal static class Neo4jDiscovery
{
    /// <summary>The Query API level this server implements, as Neo4j's clients read it (5.26 brought explicit transactions).</summary>
    public const string Version = "5.26.0";

    public static IApplicationBuilder UseNeo4jDiscovery(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path == "/" && HttpMethods.IsGet(request.Method) && AsksForJson(request))
            {
                await context.Response.WriteAsJsonAsync(new Dictionary<string, object?>
                {
                    // Neo4j's own placeholder, which clients fill in with the database they use.
                    ["query"] = $"{request.Scheme}://{request.Host}{request.PathBase}/db/{{databaseName}}/query/v2",
                    ["neo4j_version"] = Version,
                    ["neo4j_edition"] = "community",
                }, context.RequestAborted);
                return;
            }
            await next(context);
        });

    private static bool AsksForJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("application/json", StringComparison.OrdinalIgnoreCase)
            && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}

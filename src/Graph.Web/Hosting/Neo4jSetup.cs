using Graph.Neo4j;
using Graph.Neo4j.QueryApi;

namespace Graph.Web.Hosting;

/// <summary>
/// Neo4j as the explorer's store (<c>Graph:Store=neo4j</c>), reached at NEO4J_URL with NEO4J_USER,
/// NEO4J_PASSWORD and NEO4J_DATABASE (environment or configuration). The explorer's views read it through
/// the Neo4j store; the Query API endpoint and the Cypher console are relayed to Neo4j itself
/// (<see cref="Neo4jQueryApiProxy"/>). Kept apart from the embedded wiring: one line in
/// <see cref="GraphExplorerServices"/> calls it.
/// </summary>
internal static class Neo4jSetup
{
    public const string StoreKey = "Graph:Store";

    /// <summary>Whether the configuration names Neo4j as the store; an unknown store name is an error that says what is allowed.</summary>
    public static bool IsSelected(IConfiguration configuration)
    {
        var store = configuration[StoreKey];
        if (string.IsNullOrWhiteSpace(store) || store.Equals("embedded", StringComparison.OrdinalIgnoreCase)) return false;
        if (store.Equals("neo4j", StringComparison.OrdinalIgnoreCase)) return true;
        throw new InvalidOperationException($"{StoreKey} is '{store}'; it must be 'embedded' (the default) or 'neo4j'.");
    }

    public static IServiceCollection AddNeo4jGraph(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ReadOptions(configuration);
        var applySchema = configuration.GetValue("NEO4J_APPLY_SCHEMA", true);
        services.AddSingleton(options);
        services.AddSingleton(_ => new QueryApiClient(options));
        // Registered after the embedded opener, so this one is the one resolved.
        services.AddSingleton<GraphOpener>(async (_, cancellationToken) =>
            await Neo4jGraph.OpenAsync(options, applySchema, cancellationToken).ConfigureAwait(false));
        services.AddSingleton<Neo4jQueryApiProxy>();
        services.AddSingleton<IStartupFilter, Neo4jQueryApiProxy.StartupFilter>();
        return services;
    }

    /// <summary>
    /// The connection settings (NEO4J_EXPLICIT_TRANSACTIONS=false and NEO4J_APPLY_SCHEMA=false are for Query API
    /// servers that are not Neo4j: no <c>/tx</c> endpoints, no schema commands; ingest is then not atomic).
    /// </summary>
    internal static QueryApiOptions ReadOptions(IConfiguration configuration) =>
        QueryApiOptions.FromEnvironment(name => configuration[name])
            ?? throw new InvalidOperationException(
                $"{StoreKey} is 'neo4j' but NEO4J_URL is not set. Set NEO4J_URL (e.g. http://localhost:7474 or neo4j+s://xxxx.databases.neo4j.io), NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE.");
}

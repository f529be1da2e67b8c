namespace Graph.Web.Security;

/// <summary>
/// Who may change the graph and how much one client may ask of the server, from the "Graph" section
/// (appsettings, GRAPH__* variables or --Graph:Key=value); the token also from GRAPH_API_TOKEN.
/// </summary>
public sealed class AccessOptions
{
    /// <summary>The bearer token that ingest, upload and Cypher writes require; none configured means they are disabled.</summary>
    public string? ApiToken { get; set; }

    /// <summary>The user name that Basic auth pairs with the token as its password (Neo4j's drivers send user and password).</summary>
    public string ApiUser { get; set; } = "neo4j";

    /// <summary>
    /// Lets anyone run writing Cypher without a token (Graph:AllowWrites=true): for a private test server
    /// only; a shared server configures <see cref="ApiToken"/> instead.
    /// </summary>
    public bool AllowWrites { get; set; }

    /// <summary>Largest JSON body of an API request (a Cypher statement and its parameters).</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Longest a JSON API request's body may take to arrive. A Cypher request holds a heavy-request slot while its body
    /// arrives, so a body that trickles in would otherwise hold the slot far longer than a query may run.
    /// </summary>
    public int RequestBodySeconds { get; set; } = 30;

    /// <summary>Largest uploaded document.</summary>
    public long MaxUploadBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Requests one client (by IP address) may make per <see cref="RateLimitWindowSeconds"/>; 0 turns limiting off.</summary>
    public int RateLimitPermits { get; set; } = 2000;

    public int RateLimitWindowSeconds { get; set; } = 10;

    /// <summary>Longest a Cypher query may run, whatever its maxExecutionTime asks for.</summary>
    public int MaxQuerySeconds { get; set; } = 30;

    /// <summary>Heavy requests (Cypher, whole-graph exports) one client may have running at once; more wait in its queue.</summary>
    public int HeavyRequestsPerClient { get; set; } = 2;

    /// <summary>Heavy requests of one client that may wait for a slot; beyond it the client gets 429.</summary>
    public int HeavyQueuePerClient { get; set; } = 16;

    /// <summary>Heavy requests running at once on the whole server; 0 means one per core (at least two).</summary>
    public int HeavyRequests { get; set; }

    /// <summary>Heavy requests that may wait for a server-wide slot; beyond it the server answers 503.</summary>
    public int HeavyQueue { get; set; } = 32;

    public int EffectiveHeavyRequests => HeavyRequests > 0 ? HeavyRequests : Math.Max(2, Environment.ProcessorCount);

    public bool TokenConfigured => !string.IsNullOrWhiteSpace(ApiToken);
}

namespace Graph.Neo4j.QueryApi;

/// <summary>
/// Where the Query API is and how to log in. <see cref="FromEnvironment"/> reads NEO4J_URL, NEO4J_USER,
/// NEO4J_PASSWORD and NEO4J_DATABASE.
/// </summary>
public sealed record QueryApiOptions
{
    /// <summary>The server's HTTP root, e.g. http://localhost:7474 or https://xxxx.databases.neo4j.io.</summary>
    public required Uri ServerUri { get; init; }

    public string Database { get; init; } = "neo4j";

    public string User { get; init; } = "neo4j";

    public string Password { get; init; } = "";

    /// <summary>How many times a statement or transaction failing with Neo.TransientError.* is retried.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Delay before the first retry; each further retry doubles it.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// True (the default) uses the <c>/tx</c> endpoints, so a document's ingest is atomic. False runs each
    /// statement on its own, for Query API servers that have no explicit transactions; nothing is atomic then.
    /// </summary>
    public bool ExplicitTransactions { get; init; } = true;

    /// <summary>The database's Query API endpoint, <c>{server}/db/{database}/query/v2</c>.</summary>
    public Uri QueryUri => new(ServerUri, $"db/{Uri.EscapeDataString(Database)}/query/v2");

    /// <summary>
    /// Reads a URL the way users write it: http(s)://host[:port] is used as is; the Bolt-style schemes
    /// neo4j://, bolt:// map to http on port 7474 and neo4j+s://, bolt+s:// (Aura) to https on port 443,
    /// because the Query API lives on the HTTP connector, not the Bolt one.
    /// </summary>
    public static Uri ParseServerUri(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            throw new ArgumentException($"'{url}' is not a Neo4j URL (expected e.g. http://localhost:7474 or neo4j+s://xxxx.databases.neo4j.io).", nameof(url));
        var builder = uri.Scheme switch
        {
            "http" or "https" => new UriBuilder(uri.Scheme, uri.Host, uri.Port),
            "neo4j" or "bolt" => new UriBuilder("http", uri.Host, uri.Port is 7687 or -1 ? 7474 : uri.Port),
            "neo4j+s" or "bolt+s" or "neo4j+ssc" or "bolt+ssc" => new UriBuilder("https", uri.Host, 443),
            _ => throw new ArgumentException($"'{url}' has the scheme '{uri.Scheme}'; use http, https, neo4j or neo4j+s.", nameof(url)),
        };
        builder.Path = "/";
        return builder.Uri;
    }

    /// <summary>
    /// Options from NEO4J_URL/USER/PASSWORD/DATABASE, or null when NEO4J_URL is not set. NEO4J_EXPLICIT_TRANSACTIONS=false
    /// is for Query API servers without the <c>/tx</c> endpoints (<see cref="ExplicitTransactions"/>).
    /// </summary>
    public static QueryApiOptions? FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        var url = read("NEO4J_URL");
        if (string.IsNullOrWhiteSpace(url)) return null;
        return new QueryApiOptions
        {
            ServerUri = ParseServerUri(url),
            User = NonEmpty(read("NEO4J_USER")) ?? "neo4j",
            Password = read("NEO4J_PASSWORD") ?? "",
            Database = NonEmpty(read("NEO4J_DATABASE")) ?? "neo4j",
            ExplicitTransactions = !string.Equals(NonEmpty(read("NEO4J_EXPLICIT_TRANSACTIONS")), "false", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // Never print the password.
    public override string ToString() => $"{ServerUri} database {Database} as {User}";
}

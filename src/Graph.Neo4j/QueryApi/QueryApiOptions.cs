using System.Globalization;

namespace Graph.Neo4j.QueryApi;

/// <summary>
/// Where the Query API is and how to log in. <see cref="FromEnvironment"/> reads NEO4J_URL, NEO4J_HTTP_PORT,
/// NEO4J_USER, NEO4J_PASSWORD, NEO4J_TOKEN and NEO4J_DATABASE.
/// </summary>
public sealed record QueryApiOptions
{
    /// <summary>Neo4j's default HTTP and HTTPS connector ports, and the port of Aura's HTTPS front.</summary>
    public const int DefaultHttpPort = 7474, DefaultHttpsPort = 7473, AuraHttpsPort = 443;

    /// <summary>The server's HTTP root, e.g. http://localhost:7474 or https://xxxx.databases.neo4j.io.</summary>
    public required Uri ServerUri { get; init; }

    public string Database { get; init; } = "neo4j";

    public string User { get; init; } = "neo4j";

    public string Password { get; init; } = "";

    /// <summary>
    /// A token for <c>Authorization: Bearer</c> (single sign-on); when set it is sent instead of
    /// <see cref="User"/> and <see cref="Password"/>.
    /// </summary>
    public string? BearerToken { get; init; }

    /// <summary>
    /// How many times work is tried again when it is known not to have run: Neo.TransientError.*, a refused
    /// connection, HTTP 503. A timeout is never retried, since Neo4j may still be running the first try.
    /// </summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Delay before the first retry; each further retry doubles it.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long one request may take. The same limit goes to the server as <c>maxExecutionTime</c>, so that
    /// Neo4j stops a statement about when the client stops waiting for it.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How long an explicit transaction may run on the server, sent as <c>maxExecutionTime</c> when it begins: the
    /// server's own bound in case the client goes away without rolling back. Longer than <see cref="RequestTimeout"/>,
    /// since a transaction is many requests (a large document's ingest).
    /// </summary>
    public TimeSpan TransactionTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// True (the default) uses the <c>/tx</c> endpoints when the server has them (Neo4j 5.26 and later, found
    /// from its discovery document), so a document's ingest is atomic; older servers get auto-commit statements.
    /// False always runs each statement on its own; nothing is atomic then.
    /// </summary>
    public bool ExplicitTransactions { get; init; } = true;

    /// <summary>The database's Query API endpoint, <c>{server}/db/{database}/query/v2</c>.</summary>
    public Uri QueryUri => new(ServerUri, $"db/{Uri.EscapeDataString(Database)}/query/v2");

    /// <summary>The <c>maxExecutionTime</c> sent with each auto-commit statement, in whole seconds (at least 1).</summary>
    public int MaxExecutionSeconds => Seconds(RequestTimeout);

    /// <summary>The <c>maxExecutionTime</c> sent when a transaction begins.</summary>
    public int TransactionSeconds => Seconds(TransactionTimeout);

    private static int Seconds(TimeSpan span) => (int)Math.Clamp(Math.Ceiling(span.TotalSeconds), 1, int.MaxValue);

    /// <summary>
    /// Reads a URL the way users write it: http(s)://host[:port] is used as is (<paramref name="httpPort"/> only
    /// when the URL names no port). The Bolt-style schemes name the
    /// Bolt connector, whose port says nothing of the HTTP one the Query API lives on: neo4j:// and bolt:// map
    /// to http on <paramref name="httpPort"/> or 7474; neo4j+s://, bolt+s:// (and +ssc) to https on
    /// <paramref name="httpPort"/>, or 443 for Aura (<c>*.databases.neo4j.io</c>), or 7473 for a server of one's own.
    /// </summary>
    public static Uri ParseServerUri(string url, int? httpPort = null)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            throw new ArgumentException($"'{url}' is not a Neo4j URL (expected e.g. http://localhost:7474 or neo4j+s://xxxx.databases.neo4j.io).", nameof(url));
        var builder = uri.Scheme switch
        {
            "http" or "https" => new UriBuilder(uri.Scheme, uri.Host, uri.IsDefaultPort && httpPort is { } port ? port : uri.Port),
            "neo4j" or "bolt" => new UriBuilder("http", uri.Host, httpPort ?? DefaultHttpPort),
            "neo4j+s" or "bolt+s" or "neo4j+ssc" or "bolt+ssc" => new UriBuilder("https", uri.Host, httpPort ?? (IsAura(uri.Host) ? AuraHttpsPort : DefaultHttpsPort)),
            _ => throw new ArgumentException($"'{url}' has the scheme '{uri.Scheme}'; use http, https, neo4j or neo4j+s.", nameof(url)),
        };
        builder.Path = "/";
        return builder.Uri;
    }

    private static bool IsAura(string host) => host.EndsWith(".databases.neo4j.io", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Options from NEO4J_URL/HTTP_PORT/USER/PASSWORD/TOKEN/DATABASE, or null when NEO4J_URL is not set.
    /// NEO4J_EXPLICIT_TRANSACTIONS=false is for Query API servers without the <c>/tx</c> endpoints (<see cref="ExplicitTransactions"/>).
    /// </summary>
    public static QueryApiOptions? FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        var url = read("NEO4J_URL");
        if (string.IsNullOrWhiteSpace(url)) return null;
        return new QueryApiOptions
        {
            ServerUri = ParseServerUri(url, Port(NonEmpty(read("NEO4J_HTTP_PORT")))),
            User = NonEmpty(read("NEO4J_USER")) ?? "neo4j",
            Password = read("NEO4J_PASSWORD") ?? "",
            BearerToken = NonEmpty(read("NEO4J_TOKEN")),
            Database = NonEmpty(read("NEO4J_DATABASE")) ?? "neo4j",
            ExplicitTransactions = !string.Equals(NonEmpty(read("NEO4J_EXPLICIT_TRANSACTIONS")), "false", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static int? Port(string? text) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port
        : throw new ArgumentException($"NEO4J_HTTP_PORT is '{text}'; it must be a port number from 1 to 65535 (Neo4j's defaults: 7474 for http, 7473 for https).");

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>How the client logs in, for messages: never the password or the token itself.</summary>
    public string Login => BearerToken is null ? $"user '{User}'" : "a bearer token (NEO4J_TOKEN)";

    // Never print the password or the token.
    public override string ToString() => $"{ServerUri} database {Database} as {(BearerToken is null ? User : "bearer token")}";
}

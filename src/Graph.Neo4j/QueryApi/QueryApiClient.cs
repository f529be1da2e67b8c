using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Polly;
using Polly.Retry;

namespace Graph.Neo4j.QueryApi;

/// <summary>
/// <see cref="IQueryApiClient"/> over HttpClient. Requests and answers use typed JSON so that integers stay
/// exact; errors become <see cref="QueryApiException"/>s that say what to check.
/// </summary>
public sealed partial class QueryApiClient : IQueryApiClient, IDisposable
{
    /// <summary>Clusters name the member that holds an explicit transaction; later requests must echo it.</summary>
    public const string AffinityHeader = "neo4j-cluster-affinity";

    /// <summary>A rollback after a timeout or a cancellation gets this long at most: it is a courtesy to the server's locks.</summary>
    internal static readonly TimeSpan RollbackTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ResiliencePipeline _retry;
    private readonly Lock _lock = new();
    private IReadOnlyList<string> _bookmarks = [];
    private ServerInfo? _server;
    private bool _transactionsMissing;

    public QueryApiClient(QueryApiOptions options, HttpClient? httpClient = null)
    {
        Options = options;
        _ownsHttp = httpClient is null;
        // Each request has its own timeout (RequestTimeout), so that a timeout can be told from a cancellation.
        _http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _authorization = options.BearerToken is { } token
            ? new AuthenticationHeaderValue("Bearer", token)
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
        // Retries wrap whole units of work (a statement, or a transaction from begin to commit), not single HTTP
        // requests: after a transient error inside a transaction, Neo4j has rolled it back and only running it all
        // again helps, which an HTTP-level retry handler cannot do. No jitter: one client writes one document at a time.
        _retry = options.MaxRetries <= 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<QueryApiException>(e => e.IsRetryable),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.InitialRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
            })
            .Build();
    }

    public QueryApiOptions Options { get; }

    public IReadOnlyList<string> Bookmarks
    {
        get { lock (_lock) return _bookmarks; }
    }

    /// <summary>
    /// Whether transactions are explicit (<c>/tx</c>): false when switched off, when the server's discovery
    /// document names a version before 5.26, or once the server answered a begin with a bare 404.
    /// Null until the first transaction has asked.
    /// </summary>
    public bool? UsesExplicitTransactions { get; private set; }

    public Task<QueryResult> RunAsync(
        string statement, IReadOnlyDictionary<string, object?>? parameters = null, AccessMode accessMode = AccessMode.Write,
        CancellationToken cancellationToken = default) =>
        WithRetriesAsync(ct => RunOnceAsync(statement, parameters, accessMode, ct), cancellationToken);

    internal async Task<QueryResult> RunOnceAsync(
        string statement, IReadOnlyDictionary<string, object?>? parameters, AccessMode accessMode, CancellationToken cancellationToken)
    {
        var body = RequestBody(statement, parameters, accessMode, Bookmarks, Options.MaxExecutionSeconds);
        var response = await SendAsync(HttpMethod.Post, Options.QueryUri, body, affinity: null, cancellationToken).ConfigureAwait(false);
        RememberBookmarks(response.Result.Bookmarks);
        return response.Result;
    }

    public async Task<IQueryApiTransaction> BeginTransactionAsync(AccessMode accessMode = AccessMode.Write, CancellationToken cancellationToken = default)
    {
        if (!await ExplicitTransactionsAsync(cancellationToken).ConfigureAwait(false)) return new AutoCommitTransaction(this, accessMode);
        var body = RequestBody(null, null, accessMode, Bookmarks, Options.TransactionSeconds);
        QueryApiResponse response;
        try
        {
            response = await SendAsync(HttpMethod.Post, TransactionUri(""), body, affinity: null, cancellationToken).ConfigureAwait(false);
        }
        catch (QueryApiException e) when (e.Code == NoEndpointCode)
        {
            // The Query API is there (the version said so, or was unknown) but /tx is not: Neo4j 5.19 to 5.25.
            lock (_lock) _transactionsMissing = true;
            UsesExplicitTransactions = false;
            return new AutoCommitTransaction(this, accessMode);
        }
        if (response.TransactionId is null)
            throw new QueryApiException("Graph.Neo4j.NoTransaction", $"Neo4j at {Options.ServerUri} opened no transaction (the answer has no transaction id).");
        UsesExplicitTransactions = true;
        return new QueryApiTransaction(this, response.TransactionId, response.Affinity);
    }

    public Task<T> ExecuteInTransactionAsync<T>(
        Func<IQueryApiTransaction, CancellationToken, Task<T>> work, AccessMode accessMode = AccessMode.Write,
        CancellationToken cancellationToken = default) =>
        WithRetriesAsync(async ct =>
        {
            await using var transaction = await BeginTransactionAsync(accessMode, ct).ConfigureAwait(false);
            var result = await work(transaction, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return result;
        }, cancellationToken);

    /// <summary>
    /// The server's discovery document, asked once (<c>GET /</c>); <see cref="ServerInfo.Unknown"/> when the
    /// answer is not one. An unreachable server is not remembered, so that the next call asks again.
    /// </summary>
    public async Task<ServerInfo> DiscoverAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
            if (_server is not null) return _server;
        using var request = new HttpRequestMessage(HttpMethod.Get, Options.ServerUri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var (status, text, _) = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        var server = status == HttpStatusCode.OK ? ServerInfo.Parse(text) : ServerInfo.Unknown;
        lock (_lock) _server = server;
        return server;
    }

    private async Task<bool> ExplicitTransactionsAsync(CancellationToken cancellationToken)
    {
        if (!Options.ExplicitTransactions || _transactionsMissing) return false;
        if (UsesExplicitTransactions is { } known) return known;
        var server = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        if (server.HasQueryTransactions is false)
        {
            UsesExplicitTransactions = false;
            return false;
        }
        return true;
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    internal Uri TransactionUri(string suffix) =>
        new(Options.QueryUri.AbsoluteUri + "/tx" + (suffix.Length == 0 ? "" : "/" + suffix));

    internal void RememberBookmarks(IReadOnlyList<string> bookmarks)
    {
        if (bookmarks.Count == 0) return;
        lock (_lock) _bookmarks = bookmarks;
    }

    private async Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            return await _retry.ExecuteAsync(async ct =>
            {
                attempts++;
                return await attempt(ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (QueryApiException e) when (e.IsRetryable && attempts > 1)
        {
            var message = $"{e.Message} Gave up after {attempts} attempts with backoff; run the command again once Neo4j is back (what was ingested stays, and ingest is idempotent).";
            throw e is QueryApiUnavailableException u ? new QueryApiUnavailableException(message, e, u.NotSent) : new QueryApiException(e.Code, message, e.HttpStatus, e);
        }
        catch (QueryApiException e) when (e.Code == NoEndpointCode)
        {
            throw await ExplainMissingEndpointAsync(e, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static byte[] RequestBody(
        string? statement, IReadOnlyDictionary<string, object?>? parameters, AccessMode? accessMode, IReadOnlyList<string>? bookmarks,
        int? maxExecutionSeconds = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (statement is not null)
            {
                writer.WriteString("statement", statement);
                writer.WriteStartObject("parameters");
                foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
                {
                    writer.WritePropertyName(name);
                    TypedJson.Write(writer, value);
                }
                writer.WriteEndObject();
                writer.WriteBoolean("includeCounters", true);
            }
            if (accessMode is { } mode) writer.WriteString("accessMode", mode == AccessMode.Read ? "Read" : "Write");
            if (maxExecutionSeconds is { } seconds) writer.WriteNumber("maxExecutionTime", seconds);
            if (bookmarks is { Count: > 0 })
            {
                writer.WriteStartArray("bookmarks");
                foreach (var bookmark in bookmarks) writer.WriteStringValue(bookmark);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    internal async Task<QueryApiResponse> SendAsync(HttpMethod method, Uri uri, byte[]? body, string? affinity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(TypedJson.MediaType));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.5));
        if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(TypedJson.MediaType);
        }
        var (status, text, responseAffinity) = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        return QueryApiResponse.Parse(this, status, text, responseAffinity ?? affinity);
    }

    /// <summary>
    /// Sends one request with this client's credentials and reads the whole answer within <see cref="QueryApiOptions.RequestTimeout"/>.
    /// A failure to connect, a broken connection and a timeout become <see cref="QueryApiException"/>s;
    /// the caller's cancellation stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    internal async Task<(HttpStatusCode Status, string Text, string? Affinity)> ExchangeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _authorization;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var affinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return (response.StatusCode, text, affinity);
        }
        catch (HttpRequestException e)
        {
            // Only a connection that was never made is known not to have delivered the request.
            var notSent = e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            throw new QueryApiUnavailableException(
                $"Neo4j is not reachable at {Options.ServerUri} ({e.Message}). Is the server running, and are NEO4J_URL and its port right?", e, notSent);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Our timeout, or the timeout of an HttpClient the caller passed in.
            throw new QueryApiTimeoutException(
                $"Neo4j at {Options.ServerUri} did not answer within {Options.RequestTimeout.TotalSeconds:0.###} s; it may still be running the statement " +
                $"(until its maxExecutionTime of {Options.MaxExecutionSeconds} s), so it was not tried again.", e);
        }
    }

    /// <summary>Neo4j answers 404 with an error code for an unknown database, and without one for a path it does not have.</summary>
    internal const string NoEndpointCode = "Graph.Neo4j.NoEndpoint";

    internal QueryApiException ErrorFor(HttpStatusCode status, string? code, string? message)
    {
        var detail = message is null ? "" : $": {message}";
        return (int)status switch
        {
            401 => new QueryApiAuthenticationException(code ?? "Neo.ClientError.Security.Unauthorized",
                $"Neo4j at {Options.ServerUri} refused the credentials of {Options.Login}{detail}. " +
                (Options.BearerToken is null ? "Check NEO4J_USER and NEO4J_PASSWORD." : "Check NEO4J_TOKEN (it may have expired).")),
            404 when code is "Neo.ClientError.Database.DatabaseNotFound" => new QueryApiDatabaseNotFoundException(code,
                $"Neo4j at {Options.ServerUri} has no database '{Options.Database}'{detail}. Check NEO4J_DATABASE."),
            404 when code is null => new QueryApiException(NoEndpointCode,
                $"Neo4j at {Options.ServerUri} has no Query API endpoint at {Options.QueryUri.AbsolutePath} (HTTP 404 without an error code). " +
                "The Query API needs Neo4j 5.19 or later with QUERY_API_ENDPOINTS in server.http_enabled_modules (the default from 5.25); " +
                "check NEO4J_URL and that it names the HTTP port, not the Bolt one.", 404),
            _ => new QueryApiException(code ?? $"Graph.Neo4j.Http{(int)status}",
                code is null ? $"Neo4j at {Options.ServerUri} answered HTTP {(int)status}{detail}." : $"{code}{detail}", (int)status),
        };
    }

    /// <summary>Adds what the discovery document says (the version, whether the Query API is listed) to a bare 404.</summary>
    private async Task<QueryApiException> ExplainMissingEndpointAsync(QueryApiException error, CancellationToken cancellationToken)
    {
        ServerInfo server;
        try
        {
            server = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (QueryApiException)
        {
            return error;
        }
        if (server.Version is null) return error;
        var said = server.ListsQueryApi
            ? $" The server says it is {server.Describe()} and lists the Query API; is the path right?"
            : $" The server says it is {server.Describe()} and does not list the Query API in its discovery document.";
        return new QueryApiException(error.Code, error.Message + said, error.HttpStatus, error);
    }
}

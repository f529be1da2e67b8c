using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Graph.Neo4j.QueryApi;

/// <summary>
/// <see cref="IQueryApiClient"/> over HttpClient. Requests and answers use typed JSON so that integers stay
/// exact; errors become <see cref="QueryApiException"/>s that say what to check.
/// </summary>
public sealed partial class QueryApiClient : IQueryApiClient, IDisposable
{
    /// <summary>Clusters name the member that holds an explicit transaction; later requests must echo it.</summary>
    public const string AffinityHeader = "neo4j-cluster-affinity";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly Lock _bookmarkLock = new();
    private IReadOnlyList<string> _bookmarks = [];

    public QueryApiClient(QueryApiOptions options, HttpClient? httpClient = null)
    {
        Options = options;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = options.RequestTimeout };
        _authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
    }

    public QueryApiOptions Options { get; }

    public IReadOnlyList<string> Bookmarks
    {
        get { lock (_bookmarkLock) return _bookmarks; }
    }

    public Task<QueryResult> RunAsync(
        string statement, IReadOnlyDictionary<string, object?>? parameters = null, AccessMode accessMode = AccessMode.Write,
        CancellationToken cancellationToken = default) =>
        WithRetriesAsync(ct => RunOnceAsync(statement, parameters, accessMode, ct), cancellationToken);

    internal async Task<QueryResult> RunOnceAsync(
        string statement, IReadOnlyDictionary<string, object?>? parameters, AccessMode accessMode, CancellationToken cancellationToken)
    {
        var body = RequestBody(statement, parameters, accessMode, Bookmarks);
        var response = await SendAsync(HttpMethod.Post, Options.QueryUri, body, affinity: null, cancellationToken).ConfigureAwait(false);
        RememberBookmarks(response.Result.Bookmarks);
        return response.Result;
    }

    public async Task<IQueryApiTransaction> BeginTransactionAsync(AccessMode accessMode = AccessMode.Write, CancellationToken cancellationToken = default)
    {
        if (!Options.ExplicitTransactions) return new AutoCommitTransaction(this, accessMode);
        var body = RequestBody(null, null, accessMode, Bookmarks);
        var response = await SendAsync(HttpMethod.Post, TransactionUri(""), body, affinity: null, cancellationToken).ConfigureAwait(false);
        if (response.TransactionId is null)
            throw new QueryApiException("Graph.Neo4j.NoTransaction", $"Neo4j at {Options.ServerUri} opened no transaction (the answer has no transaction id).");
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

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    internal Uri TransactionUri(string suffix) =>
        new(Options.QueryUri.AbsoluteUri + "/tx" + (suffix.Length == 0 ? "" : "/" + suffix));

    internal void RememberBookmarks(IReadOnlyList<string> bookmarks)
    {
        if (bookmarks.Count == 0) return;
        lock (_bookmarkLock) _bookmarks = bookmarks;
    }

    private async Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (QueryApiException e) when (e.IsRetryable && retry < Options.MaxRetries)
            {
                // Exponential backoff: deadlocks, leader switches and restarts clear up if we give them time.
                var delay = Options.InitialRetryDelay * Math.Pow(2, retry);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (QueryApiException e) when (e.IsRetryable && retry > 0)
            {
                var message = $"{e.Message} Gave up after {retry + 1} attempts with backoff; run the command again once Neo4j is back (what was ingested stays, and ingest is idempotent).";
                throw e is QueryApiUnavailableException ? new QueryApiUnavailableException(message, e) : new QueryApiException(e.Code, message, e.HttpStatus, e);
            }
        }
    }

    internal static byte[] RequestBody(
        string? statement, IReadOnlyDictionary<string, object?>? parameters, AccessMode? accessMode, IReadOnlyList<string>? bookmarks)
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
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(TypedJson.MediaType));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.5));
        if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(TypedJson.MediaType);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new QueryApiUnavailableException(
                $"Neo4j is not reachable at {Options.ServerUri} ({e.Message}). Is the server running, and are NEO4J_URL and its port right?", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new QueryApiUnavailableException($"Neo4j at {Options.ServerUri} did not answer within {_http.Timeout.TotalSeconds:0.###} s.", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var responseAffinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return QueryApiResponse.Parse(this, response.StatusCode, text, responseAffinity ?? affinity);
        }
    }

    internal QueryApiException ErrorFor(HttpStatusCode status, string? code, string? message)
    {
        var detail = message is null ? "" : $": {message}";
        return (int)status switch
        {
            401 => new QueryApiAuthenticationException(code ?? "Neo.ClientError.Security.Unauthorized",
                $"Neo4j at {Options.ServerUri} refused the credentials of user '{Options.User}'{detail}. Check NEO4J_USER and NEO4J_PASSWORD."),
            404 when code is null or "Neo.ClientError.Database.DatabaseNotFound" => new QueryApiDatabaseNotFoundException(
                code ?? "Neo.ClientError.Database.DatabaseNotFound",
                $"Neo4j at {Options.ServerUri} has no database '{Options.Database}'{detail}. Check NEO4J_DATABASE (and that the server has the Query API, Neo4j 5.19 or later)."),
            _ => new QueryApiException(code ?? $"Graph.Neo4j.Http{(int)status}",
                code is null ? $"Neo4j at {Options.ServerUri} answered HTTP {(int)status}{detail}." : $"{code}{detail}", (int)status),
        };
    }
}

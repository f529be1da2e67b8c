namespace Graph.Neo4j.QueryApi;

/// <summary>
/// An error the Query API reported (<see cref="Code"/> is Neo4j's status code, e.g.
/// <c>Neo.ClientError.Statement.SyntaxError</c>) or a failure to reach it.
/// </summary>
public class QueryApiException : Exception
{
    public QueryApiException(string code, string message, int? httpStatus = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        HttpStatus = httpStatus;
    }

    public string Code { get; }

    public int? HttpStatus { get; }

    /// <summary>Neo4j marks errors that may succeed when retried with <c>Neo.TransientError.*</c>; only those are retried.</summary>
    public bool IsTransient => Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);

    /// <summary>
    /// Worth trying again after a pause: Neo4j's transient errors, and a server that is unreachable, too slow,
    /// or restarting (HTTP 502, 503, 504). A document's ingest is idempotent, so repeating it is safe.
    /// </summary>
    public bool IsRetryable => IsTransient || this is QueryApiUnavailableException || HttpStatus is 502 or 503 or 504;
}

/// <summary>The server could not be reached at all (refused connection, unknown host, timeout).</summary>
public sealed class QueryApiUnavailableException(string message, Exception? inner = null)
    : QueryApiException("Graph.Neo4j.Unavailable", message, null, inner);

/// <summary>The server refused the credentials (HTTP 401).</summary>
public sealed class QueryApiAuthenticationException(string code, string message)
    : QueryApiException(code, message, 401);

/// <summary>The database named in the URL does not exist on the server (HTTP 404).</summary>
public sealed class QueryApiDatabaseNotFoundException(string code, string message)
    : QueryApiException(code, message, 404);

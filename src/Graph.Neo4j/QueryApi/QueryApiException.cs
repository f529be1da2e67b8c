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

    /// <summary>Neo4j marks errors that may succeed when retried with <c>Neo.TransientError.*</c>.</summary>
    public bool IsTransient => Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);

    /// <summary>
    /// Worth trying again after a pause because the work is known not to have run: Neo4j's transient errors
    /// (it rolled the work back), a connection that was never made, and HTTP 503 (a restarting server or its
    /// proxy turned the request away). Not a timeout, a 502 or a 504: the server may still be running the first try.
    /// </summary>
    public virtual bool IsRetryable => IsTransient || HttpStatus is 503;
}

/// <summary>
/// The server could not be reached (refused connection, unknown host) or the connection broke.
/// <see cref="NotSent"/> says the request never left, so trying again cannot run anything twice.
/// </summary>
public sealed class QueryApiUnavailableException(string message, Exception? inner = null, bool notSent = false)
    : QueryApiException("Graph.Neo4j.Unavailable", message, null, inner)
{
    public bool NotSent { get; } = notSent;

    public override bool IsRetryable => NotSent;
}

/// <summary>
/// No answer within the request timeout. Neo4j may still be running the statement (until its
/// <c>maxExecutionTime</c>), so it is not retried; an explicit transaction it belonged to is rolled back.
/// </summary>
public sealed class QueryApiTimeoutException(string message, Exception? inner = null)
    : QueryApiException("Graph.Neo4j.Timeout", message, null, inner);

/// <summary>The server refused the credentials (HTTP 401).</summary>
public sealed class QueryApiAuthenticationException(string code, string message)
    : QueryApiException(code, message, 401);

/// <summary>The database named in the URL does not exist on the server, or the server has no such endpoint (HTTP 404).</summary>
public sealed class QueryApiDatabaseNotFoundException(string code, string message)
    : QueryApiException(code, message, 404);

using Graph.Cypher;

namespace Graph.Web.Endpoints;

/// <summary>
/// Errors in Neo4j's shape, <c>{"errors": [{"code", "message"}]}</c>, inside a ProblemDetails so that either kind of
/// client understands them. Every error answer under <c>/db</c> carries them, also those no endpoint wrote (an
/// unknown path, a wrong method), since Neo4j's clients read nothing else.
/// </summary>
internal static class Neo4jErrors
{
    public static Dictionary<string, object?> Extension(string code, string message, CypherPosition? position = null)
    {
        var error = new Dictionary<string, object?> { ["code"] = code, ["message"] = message };
        if (position is not null)
            error["position"] = new Dictionary<string, object?> { ["offset"] = position.Offset, ["line"] = position.Line, ["column"] = position.Column };
        return new Dictionary<string, object?> { ["errors"] = new[] { error } };
    }

    public static IResult Problem(int status, string code, string message, CypherPosition? position = null) =>
        TypedResults.Problem(
            // A syntax error's message already ends with its position, as Neo4j writes it.
            detail: position is null || message.Contains("(line ", StringComparison.Ordinal) ? message : $"{message} (line {position.Line}, column {position.Column})",
            statusCode: status,
            title: status == StatusCodes.Status400BadRequest ? "The query cannot run" : null,
            extensions: Extension(code, message, position));

    /// <summary>The code and message of an error answer under /db that no endpoint wrote (status code pages).</summary>
    public static (string Code, string Message) ForStatus(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => ("Neo.ClientError.Request.Invalid",
            $"No Query API endpoint answers {context.Request.Path}: POST /db/{{db}}/query/v2, POST /db/{{db}}/query/v2/tx, POST /db/{{db}}/query/v2/tx/{{id}}, POST /db/{{db}}/query/v2/tx/{{id}}/commit, DELETE /db/{{db}}/query/v2/tx/{{id}}."),
        StatusCodes.Status405MethodNotAllowed => ("Neo.ClientError.Request.Invalid",
            $"{context.Request.Method} is not allowed here: the Query API takes POST (and DELETE to roll back a transaction)."),
        StatusCodes.Status415UnsupportedMediaType => ("Neo.ClientError.Request.Invalid",
            "Send the request as application/json or application/vnd.neo4j.query."),
        StatusCodes.Status401Unauthorized => ("Neo.ClientError.Security.Unauthorized", "The credentials are missing or wrong."),
        StatusCodes.Status403Forbidden => ("Neo.ClientError.Security.Forbidden", "This request is not allowed on this server."),
        StatusCodes.Status413PayloadTooLarge => ("Neo.ClientError.Request.Invalid", "The request is too large."),
        var status when status >= 500 => ("Neo.DatabaseError.General.UnknownError", "The server could not answer this request."),
        _ => ("Neo.ClientError.Request.Invalid", "The request cannot be answered."),
    };
}

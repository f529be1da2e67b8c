using System.Text.Json;
using Graph.Cypher;
using Graph.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Graph.Web.Endpoints;

/// <summary>
/// Neo4j's HTTP Query API (<c>POST /db/{db}/query/v2</c>) over the embedded Cypher engine, so that a
/// Neo4j client, or the explorer's console, can query the embedded graph. Plain JSON by default, typed
/// JSON (<c>application/vnd.neo4j.query</c>) when asked. Errors carry Neo4j's <c>errors</c> array inside
/// a ProblemDetails.
/// </summary>
public static class QueryApi
{
    internal const string TypedMediaType = "application/vnd.neo4j.query";
    private static readonly HashSet<string> KnownFields =
        ["statement", "parameters", "includeCounters", "accessMode", "maxExecutionTime", "bookmarks", "impersonatedUser"];

    public static IEndpointRouteBuilder MapQueryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/db/{db}/query/v2", Run).WithName("RunCypher").WithTags("Cypher")
            .WithSummary("Runs a Cypher statement; Neo4j Query API request and response (plain or typed JSON).")
            .Accepts<QueryRequest>("application/json", TypedMediaType)
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <summary>The request's fields, as Neo4j 5.26 accepts them (for the OpenAPI document).</summary>
    public sealed record QueryRequest(
        string Statement, Dictionary<string, object?>? Parameters, bool? IncludeCounters, string? AccessMode,
        int? MaxExecutionTime, string[]? Bookmarks, string? ImpersonatedUser);

    public static async Task<IResult> Run(string db, HttpRequest request, QueryEngine engine, IOptions<GraphOptions> options, CancellationToken cancellationToken)
    {
        var (query, problem) = await ReadRequestAsync(db, request, options.Value, statementRequired: true, cancellationToken);
        if (query is null) return problem!;
        return await ExecuteAsync(query, request, token => engine.RunAsync(query.Statement!, query.Parameters, token), transaction: null, cancellationToken);
    }

    /// <summary>One Query API request, read and checked: what to run and how to answer.</summary>
    internal sealed record QueryRequestBody(
        string? Statement, Dictionary<string, object?> Parameters, bool ReadAsked, bool IncludeCounters, TimeSpan Timeout, bool TypedOut);

    /// <summary>
    /// Reads and checks a request body; answers the request itself (an error) when it is not one this server takes.
    /// <paramref name="statementRequired"/> is false where Neo4j lets the statement out (beginning or committing a transaction).
    /// </summary>
    internal static async Task<(QueryRequestBody? Query, IResult? Problem)> ReadRequestAsync(
        string db, HttpRequest request, GraphOptions settings, bool statementRequired, CancellationToken cancellationToken)
    {
        if (!string.Equals(db, settings.Database, StringComparison.Ordinal))
            return (null, Error(StatusCodes.Status404NotFound, "Neo.ClientError.Database.DatabaseNotFound",
                $"There is no database '{db}'. This server's database is '{settings.Database}': POST /db/{settings.Database}/query/v2."));

        var typedIn = request.ContentType?.Contains(TypedMediaType, StringComparison.OrdinalIgnoreCase) ?? false;
        var typedOut = request.Headers.Accept.Any(a => a?.Contains(TypedMediaType, StringComparison.OrdinalIgnoreCase) ?? false);
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e) when (statementRequired || request.ContentLength is not 0)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "Neo.ClientError.Request.InvalidFormat",
                $"The request body is not valid JSON ({e.Message}). Send {{\"statement\": \"MATCH (n) RETURN n LIMIT 1\"}}."));
        }
        catch (JsonException)
        {
            // An empty body where a statement may be left out: nothing to run.
            return (new QueryRequestBody(null, [], false, false, TimeSpan.FromSeconds(30), typedOut), null);
        }

        using (body)
        {
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, Invalid("The request body must be a JSON object such as {\"statement\": \"MATCH (n) RETURN n LIMIT 1\"}."));
            foreach (var property in root.EnumerateObject())
            {
                if (!KnownFields.Contains(property.Name))
                    return (null, Invalid($"Unknown field '{property.Name}'. The fields are: {string.Join(", ", KnownFields)}."));
            }
            string? statement = null;
            if (root.TryGetProperty("statement", out var statementElement) && statementElement.ValueKind != JsonValueKind.Null)
            {
                if (statementElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(statementElement.GetString()))
                    return (null, Invalid("The field 'statement' must be the Cypher text to run."));
                statement = statementElement.GetString()!;
            }
            if (statement is null && statementRequired)
                return (null, Invalid("The field 'statement' is required: the Cypher text to run."));

            Dictionary<string, object?> parameters = [];
            if (root.TryGetProperty("parameters", out var parametersElement) && parametersElement.ValueKind != JsonValueKind.Null)
            {
                if (parametersElement.ValueKind != JsonValueKind.Object)
                    return (null, Invalid("The field 'parameters' must be a JSON object of names to values."));
                try
                {
                    foreach (var p in parametersElement.EnumerateObject())
                        parameters[p.Name] = QueryJson.ReadValue(p.Value, typedIn);
                }
                catch (FormatException e)
                {
                    return (null, Invalid($"Parameter values are not valid: {e.Message}"));
                }
            }

            var write = false;
            var read = false;
            if (root.TryGetProperty("accessMode", out var mode) && mode.ValueKind != JsonValueKind.Null)
            {
                switch (mode.ValueKind == JsonValueKind.String ? mode.GetString()?.ToUpperInvariant() : null)
                {
                    case "READ": read = true; break;
                    case "WRITE": write = true; break;
                    default: return (null, Invalid("'accessMode' must be \"Read\" or \"Write\"."));
                }
            }
            if (write && !settings.AllowWrites)
            {
                return (null, Error(StatusCodes.Status403Forbidden, "Neo.ClientError.Security.Forbidden",
                    "This server is read-only: the embedded graph is built from the corpus. Start it with Graph:AllowWrites=true to let queries change it."));
            }

            var includeCounters = root.TryGetProperty("includeCounters", out var counters) && counters.ValueKind == JsonValueKind.True;
            var timeout = TimeSpan.FromSeconds(30);
            if (root.TryGetProperty("maxExecutionTime", out var max) && max.ValueKind != JsonValueKind.Null)
            {
                if (!max.TryGetInt32(out var seconds) || seconds <= 0)
                    return (null, Invalid("'maxExecutionTime' must be a positive whole number of seconds."));
                timeout = TimeSpan.FromSeconds(seconds);
            }
            return (new QueryRequestBody(statement, parameters, read, includeCounters, timeout, typedOut), null);
        }
    }

    /// <summary>
    /// Runs <paramref name="run"/> under the request's time limit and answers with its result, or with the error a
    /// Neo4j client expects. <paramref name="transaction"/> names the open transaction the answer belongs to.
    /// </summary>
    internal static async Task<IResult> ExecuteAsync(QueryRequestBody query, HttpRequest request,
        Func<CancellationToken, Task<CypherResult>> run, Func<(string Id, DateTimeOffset Expires)>? transaction, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(query.Timeout);
        CypherResult result;
        try
        {
            result = await run(deadline.Token);
        }
        catch (Exception e) when (ErrorFor(e, query.Timeout, cancellationToken) is { } error)
        {
            return error;
        }

        var json = QueryJson.WriteResult(result, query.TypedOut, query.IncludeCounters, transaction?.Invoke());
        return TypedResults.Text(json, query.TypedOut ? TypedMediaType : "application/json", System.Text.Encoding.UTF8, StatusCodes.Status202Accepted);
    }

    /// <summary>The answer to a query that failed, or null for a failure that is not the query's (the request was aborted).</summary>
    internal static IResult? ErrorFor(Exception exception, TimeSpan timeout, CancellationToken requestAborted) => exception switch
    {
        // A write the data directory would not take was undone: the server's fault, not the query's.
        CypherException e => Error(e.StatusCode.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal) ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest,
            e.StatusCode, e.Message, e.Position),
        OperationCanceledException when !requestAborted.IsCancellationRequested => Error(StatusCodes.Status400BadRequest, "Neo.ClientError.Transaction.TransactionTimedOut",
            $"The query ran longer than {timeout.TotalSeconds:0} s and was stopped. Add a LIMIT or narrow the MATCH."),
        QueryEngineUnavailableException e => Error(StatusCodes.Status503ServiceUnavailable, "Neo.TransientError.General.DatabaseUnavailable", e.Message),
        _ => null,
    };

    internal static IResult Invalid(string message) =>
        Error(StatusCodes.Status400BadRequest, "Neo.ClientError.Request.Invalid", message);

    /// <summary>A ProblemDetails that also carries Neo4j's <c>errors</c> array, so either kind of client understands it.</summary>
    internal static IResult Error(int status, string code, string message, CypherPosition? position = null)
    {
        var error = new Dictionary<string, object?> { ["code"] = code, ["message"] = message };
        if (position is not null)
            error["position"] = new Dictionary<string, object?> { ["offset"] = position.Offset, ["line"] = position.Line, ["column"] = position.Column };
        return TypedResults.Problem(
            detail: position is null ? message : $"{message} (line {position.Line}, column {position.Column})",
            statusCode: status,
            title: status == StatusCodes.Status400BadRequest ? "The query cannot run" : null,
            extensions: new Dictionary<string, object?> { ["errors"] = new[] { error } });
    }
}

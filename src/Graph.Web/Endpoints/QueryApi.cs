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
        var settings = options.Value;
        if (!string.Equals(db, settings.Database, StringComparison.Ordinal))
            return Error(StatusCodes.Status404NotFound, "Neo.ClientError.Database.DatabaseNotFound",
                $"There is no database '{db}'. This server's database is '{settings.Database}': POST /db/{settings.Database}/query/v2.");

        var typedIn = request.ContentType?.Contains(TypedMediaType, StringComparison.OrdinalIgnoreCase) ?? false;
        var typedOut = request.Headers.Accept.Any(a => a?.Contains(TypedMediaType, StringComparison.OrdinalIgnoreCase) ?? false);
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return Error(StatusCodes.Status400BadRequest, "Neo.ClientError.Request.InvalidFormat",
                $"The request body is not valid JSON ({e.Message}). Send {{\"statement\": \"MATCH (n) RETURN n LIMIT 1\"}}.");
        }

        using (body)
        {
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Invalid("The request body must be a JSON object such as {\"statement\": \"MATCH (n) RETURN n LIMIT 1\"}.");
            foreach (var property in root.EnumerateObject())
            {
                if (!KnownFields.Contains(property.Name))
                    return Invalid($"Unknown field '{property.Name}'. The fields are: {string.Join(", ", KnownFields)}.");
            }
            if (!root.TryGetProperty("statement", out var statementElement) || statementElement.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(statementElement.GetString()))
                return Invalid("The field 'statement' is required: the Cypher text to run.");
            var statement = statementElement.GetString()!;

            Dictionary<string, object?> parameters = [];
            if (root.TryGetProperty("parameters", out var parametersElement) && parametersElement.ValueKind != JsonValueKind.Null)
            {
                if (parametersElement.ValueKind != JsonValueKind.Object)
                    return Invalid("The field 'parameters' must be a JSON object of names to values.");
                try
                {
                    foreach (var p in parametersElement.EnumerateObject())
                        parameters[p.Name] = QueryJson.ReadValue(p.Value, typedIn);
                }
                catch (FormatException e)
                {
                    return Invalid($"Parameter values are not valid: {e.Message}");
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
                    default: return Invalid("'accessMode' must be \"Read\" or \"Write\".");
                }
            }
            if (write && !settings.AllowWrites)
            {
                return Error(StatusCodes.Status403Forbidden, "Neo.ClientError.Security.Forbidden",
                    "This server is read-only: the embedded graph is built from the corpus. Start it with Graph:AllowWrites=true to let queries change it.");
            }

            var includeCounters = root.TryGetProperty("includeCounters", out var counters) && counters.ValueKind == JsonValueKind.True;
            var timeout = TimeSpan.FromSeconds(30);
            if (root.TryGetProperty("maxExecutionTime", out var max) && max.ValueKind != JsonValueKind.Null)
            {
                if (!max.TryGetInt32(out var seconds) || seconds <= 0)
                    return Invalid("'maxExecutionTime' must be a positive whole number of seconds.");
                timeout = TimeSpan.FromSeconds(seconds);
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            CypherResult result;
            try
            {
                result = await engine.RunAsync(statement, parameters, read, deadline.Token);
            }
            catch (CypherException e)
            {
                // A write the data directory would not take was undone: the server's fault, not the query's.
                var status = e.StatusCode.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal) ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest;
                return Error(status, e.StatusCode, e.Message, e.Position);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Error(StatusCodes.Status400BadRequest, "Neo.ClientError.Transaction.TransactionTimedOut",
                    $"The query ran longer than {timeout.TotalSeconds:0} s and was stopped. Add a LIMIT or narrow the MATCH.");
            }
            catch (QueryEngineUnavailableException e)
            {
                return Error(StatusCodes.Status503ServiceUnavailable, "Neo.TransientError.General.DatabaseUnavailable", e.Message);
            }
            catch (InsufficientExecutionStackException)
            {
                return Error(StatusCodes.Status400BadRequest, "Neo.ClientError.Statement.SyntaxError",
                    "The query is nested too deeply to run. Flatten it: fewer nested expressions, lists or subqueries.");
            }
            catch (OutOfMemoryException)
            {
                // The managed heap reached the server's ceiling: this query is let go so that the server lives on.
                request.HttpContext.Response.Headers.RetryAfter = Security.HeavyWork.RetryAfterMemorySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Error(StatusCodes.Status503ServiceUnavailable, "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                    "The query needed more memory than the server can give it and was stopped. Add a LIMIT, or build smaller lists.");
            }

            string json;
            try
            {
                json = QueryJson.WriteResult(result, typedOut, includeCounters);
            }
            catch (InvalidOperationException)
            {
                // The JSON writer refuses values nested deeper than it can write (1,000 levels).
                return Error(StatusCodes.Status400BadRequest, "Neo.ClientError.Request.Invalid",
                    "The result nests lists or maps too deeply to be sent as JSON. Return a flatter value.");
            }
            return TypedResults.Text(json, typedOut ? TypedMediaType : "application/json", System.Text.Encoding.UTF8, StatusCodes.Status202Accepted);
        }
    }

    private static IResult Invalid(string message) =>
        Error(StatusCodes.Status400BadRequest, "Neo.ClientError.Request.Invalid", message);

    /// <summary>A ProblemDetails that also carries Neo4j's <c>errors</c> array, so either kind of client understands it.</summary>
    private static IResult Error(int status, string code, string message, CypherPosition? position = null)
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

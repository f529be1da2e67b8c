using System.Text.Json;
using Graph.Web.Hosting;

namespace Graph.Web.Endpoints;

/// <summary>
/// A Query API request body as Neo4j 5.26 accepts it: statement, parameters (plain or typed JSON), includeCounters,
/// accessMode (WRITE unless READ is asked for, as in Neo4j), maxExecutionTime, bookmarks, impersonatedUser.
/// </summary>
internal sealed record QueryRequestBody(
    string? Statement, Dictionary<string, object?> Parameters, bool IncludeCounters, bool AskedRead, TimeSpan Timeout)
{
    private static readonly HashSet<string> KnownFields =
        ["statement", "parameters", "includeCounters", "accessMode", "maxExecutionTime", "bookmarks", "impersonatedUser"];

    /// <summary>Reads the body; the error answer (Neo4j's shape) when it is not a valid request.</summary>
    public static async Task<(QueryRequestBody? Body, IResult? Error)> ReadAsync(HttpRequest request, bool statementRequired, CancellationToken cancellationToken)
    {
        if (!QueryMedia.IsAcceptedContentType(request.ContentType))
            return (null, Neo4jErrors.Problem(StatusCodes.Status415UnsupportedMediaType, "Neo.ClientError.Request.Invalid",
                $"Content-Type '{request.ContentType}' is not one the Query API reads: send application/json or {QueryMedia.Typed}."));
        var typedIn = QueryMedia.IsTyped(request.ContentType);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            if (!statementRequired && request.ContentLength is null or 0) return (Empty, null);
            return (null, Neo4jErrors.Problem(StatusCodes.Status400BadRequest, "Neo.ClientError.Request.InvalidFormat",
                $"The request body is not valid JSON ({e.Message}). Send {{\"statement\": \"MATCH (n) RETURN n LIMIT 1\"}}."));
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement, statementRequired, typedIn);
            }
            catch (InvalidOperationException)
            {
                // A string the parser let by holds bytes that are not UTF-8, or an escaped half of a surrogate pair
                // ("\ud800"): no .NET string can hold it, and reading it throws.
                return (null, Neo4jErrors.Problem(StatusCodes.Status400BadRequest, "Neo.ClientError.Request.InvalidFormat",
                    "The request body holds text that is not valid UTF-8, or an unpaired surrogate escape such as \\ud800. Send the statement and parameters as UTF-8 JSON."));
            }
        }
    }

    /// <summary>The request's fields, validated; throws <see cref="InvalidOperationException"/> on a string that is not valid text.</summary>
    private static (QueryRequestBody? Body, IResult? Error) Read(JsonElement root, bool statementRequired, bool typedIn)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Invalid("The request body must be a JSON object such as {\"statement\": \"MATCH (n) RETURN n LIMIT 1\"}.");
        foreach (var property in root.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name))
                return Invalid($"Unknown field '{property.Name}'. The fields are: {string.Join(", ", KnownFields)}.");
        }

        string? statement = null;
        if (root.TryGetProperty("statement", out var statementElement) && statementElement.ValueKind != JsonValueKind.Null)
        {
            if (statementElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(statementElement.GetString()))
                return Invalid("The field 'statement' must be the Cypher text to run.");
            statement = statementElement.GetString();
        }
        if (statementRequired && statement is null)
            return Invalid("The field 'statement' is required: the Cypher text to run.");

        Dictionary<string, object?> parameters = [];
        if (root.TryGetProperty("parameters", out var parametersElement) && parametersElement.ValueKind != JsonValueKind.Null)
        {
            if (parametersElement.ValueKind != JsonValueKind.Object)
                return Invalid("The field 'parameters' must be a JSON object of names to values.");
            foreach (var p in parametersElement.EnumerateObject())
            {
                try
                {
                    parameters[p.Name] = QueryJson.ReadValue(p.Value, typedIn);
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
                {
                    return Invalid($"The parameter '{p.Name}' is not valid: {e.Message}");
                }
            }
        }

        var askedRead = false;
        if (root.TryGetProperty("accessMode", out var mode) && mode.ValueKind != JsonValueKind.Null)
        {
            switch (mode.ValueKind == JsonValueKind.String ? mode.GetString()?.ToUpperInvariant() : null)
            {
                case "READ": askedRead = true; break;
                case "WRITE": break;
                default: return Invalid("'accessMode' must be \"READ\" or \"WRITE\".");
            }
        }

        if (root.TryGetProperty("bookmarks", out var bookmarks) && bookmarks.ValueKind != JsonValueKind.Null)
        {
            if (bookmarks.ValueKind != JsonValueKind.Array || bookmarks.EnumerateArray().Any(b => b.ValueKind != JsonValueKind.String))
                return Invalid("'bookmarks' must be a list of the bookmark strings this server returned.");
            // Every bookmark of this single server is reached once it is returned; one from elsewhere cannot be waited for.
            if (bookmarks.EnumerateArray().Select(b => b.GetString()!).FirstOrDefault(b => !Bookmarks.IsOurs(b)) is { } foreign)
                return (null, Neo4jErrors.Problem(StatusCodes.Status400BadRequest, "Neo.ClientError.Transaction.InvalidBookmark",
                    $"'{foreign}' is not a bookmark of this server. Send the bookmarks it returned, or none."));
        }

        var includeCounters = root.TryGetProperty("includeCounters", out var counters) && counters.ValueKind == JsonValueKind.True;
        var timeout = TimeSpan.FromSeconds(30);
        if (root.TryGetProperty("maxExecutionTime", out var max) && max.ValueKind != JsonValueKind.Null)
        {
            if (max.ValueKind != JsonValueKind.Number || !max.TryGetInt32(out var seconds) || seconds <= 0)
                return Invalid("'maxExecutionTime' must be a positive whole number of seconds.");
            // A timer cannot wait longer than about 49 days; the engine stops every query far sooner anyway.
            timeout = TimeSpan.FromSeconds(Math.Min(seconds, MaxTimeoutSeconds));
        }
        return (new QueryRequestBody(statement, parameters, includeCounters, askedRead, timeout), null);
    }

    /// <summary>The longest wait a request's deadline is set to: a day, far beyond any query's limit and within a timer's range.</summary>
    private const int MaxTimeoutSeconds = 24 * 60 * 60;

    private static QueryRequestBody Empty => new(null, [], false, false, TimeSpan.FromSeconds(30));

    private static (QueryRequestBody?, IResult?) Invalid(string message) =>
        (null, Neo4jErrors.Problem(StatusCodes.Status400BadRequest, "Neo.ClientError.Request.Invalid", message));
}

/// <summary>The Query API's media types: plain JSON, and typed JSON under its bare name and the versioned names Neo4j's documentation gives.</summary>
internal static class QueryMedia
{
    public const string Typed = "application/vnd.neo4j.query";
    public const string Json = "application/json";
    private static readonly string[] TypedVersions = ["application/vnd.neo4j.query.v1.0", "application/vnd.neo4j.query.v1.1"];

    /// <summary>
    /// Every name of typed JSON, for the endpoints' <c>Accepts</c> metadata: routing answers 415 to a request body of any
    /// type not listed there, before the handler sees it.
    /// </summary>
    public static readonly string[] TypedNames = [Typed, .. TypedVersions];

    public static bool IsTyped(string? contentType) => contentType is not null && MediaType(contentType) is var media
        && (media == Typed || TypedVersions.Contains(media));

    public static bool IsAcceptedContentType(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) || MediaType(contentType) == Json || IsTyped(contentType);

    /// <summary>
    /// The typed media type to answer with when the Accept header asks for typed JSON (the bare name, or the versioned
    /// one asked for), else null for plain JSON. The name is sent exactly, without a charset: Neo4j's client compares it
    /// whole, and JSON is UTF-8 by definition.
    /// </summary>
    public static string? TypedAnswer(HttpRequest request)
    {
        string? versioned = null;
        foreach (var value in request.Headers.Accept)
        {
            foreach (var part in (value ?? "").Split(','))
            {
                var media = MediaType(part);
                if (media == Typed) return Typed;
                if (TypedVersions.Contains(media)) versioned ??= media;
            }
        }
        return versioned;
    }

    private static string MediaType(string header) => header.Split(';')[0].Trim().ToLowerInvariant();
}

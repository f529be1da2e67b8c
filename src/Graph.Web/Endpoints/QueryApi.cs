using Graph.Cypher;
using Graph.Web.Hosting;
using Graph.Web.Security;
using Microsoft.Extensions.Options;

namespace Graph.Web.Endpoints;

/// <summary>
/// Neo4j's HTTP Query API over the embedded Cypher engine: <c>POST /db/{db}/query/v2</c> (auto-commit) and the
/// explicit transactions under <c>/db/{db}/query/v2/tx</c>, so that a Neo4j client, or the explorer's console, can
/// query the embedded graph. Plain JSON by default, typed JSON (<c>application/vnd.neo4j.query</c>) when asked.
/// Errors carry Neo4j's <c>errors</c> array inside a ProblemDetails.
/// </summary>
public static class QueryApi
{
    public static IEndpointRouteBuilder MapQueryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/db/{db}/query/v2", Run).WithName("RunCypher").WithTags("Cypher")
            .WithSummary("Runs a Cypher statement in its own transaction; Neo4j Query API request and response (plain or typed JSON).")
            .Accepts<QueryRequest>(QueryMedia.Json, QueryMedia.TypedNames)
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapPost("/db/{db}/query/v2/tx", Begin).WithName("BeginTransaction").WithTags("Cypher")
            .WithSummary("Opens an explicit transaction (optionally running a first statement); answers its id and expiry.")
            .Accepts<QueryRequest>(QueryMedia.Json, QueryMedia.TypedNames).Produces(StatusCodes.Status202Accepted);
        endpoints.MapPost("/db/{db}/query/v2/tx/{id}", RunInTransaction).WithName("RunInTransaction").WithTags("Cypher")
            .WithSummary("Runs a statement in an open transaction, which sees the transaction's own writes.")
            .Accepts<QueryRequest>(QueryMedia.Json, QueryMedia.TypedNames).Produces(StatusCodes.Status202Accepted);
        endpoints.MapPost("/db/{db}/query/v2/tx/{id}/commit", Commit).WithName("CommitTransaction").WithTags("Cypher")
            .WithSummary("Commits an open transaction (optionally running a last statement): its writes are saved together.")
            .Accepts<QueryRequest>(QueryMedia.Json, QueryMedia.TypedNames).Produces(StatusCodes.Status202Accepted);
        endpoints.MapDelete("/db/{db}/query/v2/tx/{id}", Rollback).WithName("RollbackTransaction").WithTags("Cypher")
            .WithSummary("Rolls an open transaction back: every change it made is taken back.")
            .Produces(StatusCodes.Status200OK);
        return endpoints;
    }

    /// <summary>The request's fields, as Neo4j 5.26 accepts them (for the OpenAPI document).</summary>
    public sealed record QueryRequest(
        string Statement, Dictionary<string, object?>? Parameters, bool? IncludeCounters, string? AccessMode,
        int? MaxExecutionTime, string[]? Bookmarks, string? ImpersonatedUser);

    public static async Task<IResult> Run(string db, HttpRequest request, QueryEngine engine, IOptions<GraphOptions> options,
        IOptions<AccessOptions> access, CancellationToken cancellationToken)
    {
        if (Refuse(db, request, options.Value, access.Value) is { } refusal) return refusal;
        var (body, error) = await QueryRequestBody.ReadAsync(request, statementRequired: true, cancellationToken);
        if (body is null) return error!;
        try
        {
            var result = await RunWithDeadline(body, token => engine.RunAsync(body.Statement!, body.Parameters, body.AskedRead, token), cancellationToken);
            var typed = Typed(request) is not null;
            return Answer(request, StatusCodes.Status202Accepted, json => QueryJson.WriteResult(json, result, typed, body.IncludeCounters,
                result.ContainsUpdates ? engine.Bookmark : null, briefNodes: typed && BriefNodes(request)));
        }
        catch (Exception e) when (Failure(e, body, request, access.Value) is { } failure)
        {
            return failure;
        }
    }

    public static async Task<IResult> Begin(string db, HttpRequest request, QueryEngine engine, QueryTransactions transactions,
        IOptions<GraphOptions> options, IOptions<AccessOptions> access, CancellationToken cancellationToken)
    {
        if (Refuse(db, request, options.Value, access.Value) is { } refusal) return refusal;
        var (body, error) = await QueryRequestBody.ReadAsync(request, statementRequired: false, cancellationToken);
        if (body is null) return error!;
        if (transactions.IsFull)
        {
            request.HttpContext.Response.Headers.RetryAfter = HeavyWork.RetryAfterBusySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Neo4jErrors.Problem(StatusCodes.Status503ServiceUnavailable, "Neo.TransientError.Transaction.MaximumTransactionLimitReached",
                $"{transactions.MaxOpen:N0} explicit transactions are open, this server's most. Commit or roll back yours (idle ones end after {transactions.IdleTimeout.TotalSeconds:0} s), or run the statement on its own: POST /db/{{db}}/query/v2.");
        }
        QueryTransactions.OpenTransaction entry;
        try
        {
            var current = engine.Current();
            var readOnly = body.AskedRead || current.Options.ReadOnly;
            IDisposable? lease = null;
            if (!readOnly)
            {
                // One write transaction at a time: wait for the open one, within this request's time.
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(body.Timeout);
                lease = await engine.TakeWriterLeaseAsync(deadline.Token);
            }
            entry = transactions.Add(current.BeginTransaction(readOnly), lease, needsToken: !readOnly && !access.Value.AllowWrites, body.AskedRead);
        }
        catch (Exception e) when (Failure(e, body, request, access.Value) is { } failure)
        {
            return failure;
        }
        return await RunAndAnswer(entry, body, request, engine, transactions, access.Value, commit: false, cancellationToken);
    }

    public static Task<IResult> RunInTransaction(string db, string id, HttpRequest request, QueryEngine engine, QueryTransactions transactions,
        IOptions<GraphOptions> options, IOptions<AccessOptions> access, CancellationToken cancellationToken)
        => RunInOpenTransaction(db, id, request, engine, transactions, options.Value, access.Value, commit: false, cancellationToken);

    public static Task<IResult> Commit(string db, string id, HttpRequest request, QueryEngine engine, QueryTransactions transactions,
        IOptions<GraphOptions> options, IOptions<AccessOptions> access, CancellationToken cancellationToken)
        => RunInOpenTransaction(db, id, request, engine, transactions, options.Value, access.Value, commit: true, cancellationToken);

    /// <summary>
    /// A statement in the open transaction <paramref name="id"/>, or, with <paramref name="commit"/>, its commit, which
    /// may carry a last statement or none.
    /// </summary>
    private static async Task<IResult> RunInOpenTransaction(string db, string id, HttpRequest request, QueryEngine engine, QueryTransactions transactions,
        GraphOptions options, AccessOptions access, bool commit, CancellationToken cancellationToken)
    {
        if (Refuse(db, request, options, access) is { } refusal) return refusal;
        if (Find(id, request, transactions, access, out var entry) is { } missing) return missing;
        var (body, error) = await QueryRequestBody.ReadAsync(request, statementRequired: !commit, cancellationToken);
        if (body is null) return error!;
        return await RunAndAnswer(entry!, body, request, engine, transactions, access, commit, cancellationToken);
    }

    public static async Task<IResult> Rollback(string db, string id, HttpRequest request, QueryTransactions transactions,
        IOptions<GraphOptions> options, IOptions<AccessOptions> access)
    {
        if (Refuse(db, request, options.Value, access.Value) is { } refusal) return refusal;
        if (Find(id, request, transactions, access.Value, out var entry) is { } missing) return missing;
        // Another request ended it between the two: answered as any transaction that is gone.
        if (!await transactions.RollBackAsync(entry!)) return NoTransaction(id, transactions);
        return Answer(request, StatusCodes.Status200OK, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("bookmarks");
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Runs the body's statement (if any) in the transaction, commits when asked, and answers; an error ends the transaction, rolled back.</summary>
    private static async Task<IResult> RunAndAnswer(QueryTransactions.OpenTransaction entry, QueryRequestBody body, HttpRequest request,
        QueryEngine engine, QueryTransactions transactions, AccessOptions access, bool commit, CancellationToken cancellationToken)
    {
        CypherResult? result = null;
        if (entry.AskedRead) body = body with { AskedRead = true };
        using var running = transactions.Running(entry);
        try
        {
            if (body.Statement is not null)
            {
                // A rollback from outside (a DELETE, the idle timeout) stops the statement rather than waiting for it.
                using var stoppable = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, entry.Stopped);
                result = await RunWithDeadline(body, token =>
                    engine.RunInTransactionAsync(entry.Transaction, body.Statement, body.Parameters, body.AskedRead, token), stoppable.Token);
            }
            if (commit)
            {
                await engine.CommitAsync(entry.Transaction);
                transactions.End(entry);
            }
        }
        catch (OperationCanceledException) when (entry.Stopped.IsCancellationRequested)
        {
            return Neo4jErrors.Problem(StatusCodes.Status400BadRequest, "Neo.TransientError.Transaction.Terminated",
                "The transaction was rolled back while this statement ran (by a rollback request, or after it was left idle), and the statement was stopped.");
        }
        catch (Exception e) when (Failure(e, body, request, access) is { } failure)
        {
            entry.Transaction.Rollback();
            transactions.End(entry);
            return failure;
        }

        var typed = Typed(request) is not null;
        return Answer(request, StatusCodes.Status202Accepted, json =>
        {
            json.WriteStartObject();
            if (result is not null) QueryJson.WriteResultFields(json, result, typed, body.IncludeCounters);
            if (!commit)
            {
                json.WriteStartObject("transaction");
                json.WriteString("id", entry.Id);
                json.WriteString("expires", entry.Expires.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteStartArray("bookmarks");
            if (commit) json.WriteStringValue(engine.Bookmark);
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static async Task<CypherResult> RunWithDeadline(QueryRequestBody body, Func<CancellationToken, Task<CypherResult>> run, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(body.Timeout);
        try
        {
            return await run(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The query ran longer than {body.Timeout.TotalSeconds:0} s and was stopped. Add a LIMIT or narrow the MATCH.");
        }
    }

    /// <summary>The database named, and credentials that are either absent or right; else the refusal.</summary>
    private static IResult? Refuse(string db, HttpRequest request, GraphOptions settings, AccessOptions access)
    {
        if (!string.Equals(db, settings.Database, StringComparison.Ordinal))
            return Neo4jErrors.Problem(StatusCodes.Status404NotFound, "Neo.ClientError.Database.DatabaseNotFound",
                $"There is no database '{db}'. This server's database is '{settings.Database}': POST /db/{settings.Database}/query/v2.");
        // Neo4j's clients always send credentials; on a server without a token, reading needs none, so any are let by.
        if (access.TokenConfigured && BearerToken.Check(request.HttpContext, access) == Credentials.Invalid)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Neo4jErrors.Problem(StatusCodes.Status401Unauthorized, "Neo.ClientError.Security.Unauthorized",
                $"The credentials are wrong. Send the API token as 'Authorization: Bearer <token>' (raw or base64), or Basic auth as user '{access.ApiUser}' with the token as password; or none, to read.");
        }
        return null;
    }

    private static IResult? Find(string id, HttpRequest request, QueryTransactions transactions, AccessOptions access, out QueryTransactions.OpenTransaction? entry)
    {
        entry = transactions.Touch(id);
        if (entry is null) return NoTransaction(id, transactions);
        if (entry.NeedsToken && !BearerToken.IsPresented(request.HttpContext, access))
        {
            entry = null;
            return BearerToken.Refusal(request.HttpContext, access, "Writing to the graph");
        }
        return null;
    }

    private static IResult NoTransaction(string id, QueryTransactions transactions) =>
        Neo4jErrors.Problem(StatusCodes.Status404NotFound, "Neo.ClientError.Transaction.TransactionNotFound",
            $"There is no open transaction '{id}': it was committed, rolled back, failed, or left idle longer than {transactions.IdleTimeout.TotalSeconds:0} s.");

    /// <summary>The answer for a failure of a statement, begin or commit; null for one that is not ours to answer (it propagates).</summary>
    private static IResult? Failure(Exception exception, QueryRequestBody body, HttpRequest request, AccessOptions access)
    {
        switch (exception)
        {
            case CypherException e when e.StatusCode == "Neo.ClientError.Statement.AccessMode" && !body.AskedRead:
                // The client asked to write (Neo4j's default) and may not: say why, as for any write without the token.
                return BearerToken.Refusal(request.HttpContext, access, "Writing to the graph");
            case CypherException { Detail: "Timeout" } e:
                // The engine's own limit, which caps a longer maxExecutionTime: said as the request's deadline is.
                return Neo4jErrors.Problem(StatusCodes.Status400BadRequest, "Neo.ClientError.Transaction.TransactionTimedOut",
                    e.Message + ", this server's longest, and was stopped. Add a LIMIT or narrow the MATCH.");
            case CypherException e:
                // A write the data directory would not take was undone: the server's fault, not the query's.
                var status = e.StatusCode.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal) ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest;
                return Neo4jErrors.Problem(status, e.StatusCode, e.Message, e.Position);
            case TimeoutException e:
                return Neo4jErrors.Problem(StatusCodes.Status400BadRequest, "Neo.ClientError.Transaction.TransactionTimedOut", e.Message);
            case WriterLeaseTimeoutException e:
                return Neo4jErrors.Problem(StatusCodes.Status400BadRequest, "Neo.TransientError.Transaction.LockAcquisitionTimeout", e.Message);
            case QueryEngineUnavailableException e:
                return Neo4jErrors.Problem(StatusCodes.Status503ServiceUnavailable, "Neo.TransientError.General.DatabaseUnavailable", e.Message);
            case InsufficientExecutionStackException:
                return Neo4jErrors.Problem(StatusCodes.Status400BadRequest, "Neo.ClientError.Statement.SyntaxError",
                    "The query is nested too deeply to run. Flatten it: fewer nested expressions, lists or subqueries.");
            case OutOfMemoryException:
                // The managed heap reached the server's ceiling: this query is let go so that the server lives on.
                request.HttpContext.Response.Headers.RetryAfter = HeavyWork.RetryAfterMemorySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Neo4jErrors.Problem(StatusCodes.Status503ServiceUnavailable, "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                    "The query needed more memory than the server can give it and was stopped. Add a LIMIT, or build smaller lists.");
            default:
                return null;
        }
    }

    private static string? Typed(HttpRequest request) => QueryMedia.TypedAnswer(request);

    /// <summary>
    /// <c>?nodes=brief</c>, the explorer's own extension of the Query API: nodes without their long texts (see
    /// <see cref="QueryJson.BriefTextLength"/>). Neo4j's clients never send it; a Neo4j server behind the proxy ignores it.
    /// </summary>
    private static bool BriefNodes(HttpRequest request) => string.Equals(request.Query["nodes"], "brief", StringComparison.Ordinal);

    /// <summary>
    /// A JSON answer with the exact media type (no charset: Neo4j's client compares it whole). The JSON writer refuses
    /// values nested deeper than it can write (1,000 levels): that becomes a query error.
    /// </summary>
    private static IResult Answer(HttpRequest request, int status, Action<System.Text.Json.Utf8JsonWriter> write)
    {
        byte[] bytes;
        try
        {
            bytes = QueryJson.Write(write);
        }
        catch (InvalidOperationException)
        {
            return Neo4jErrors.Problem(StatusCodes.Status400BadRequest, "Neo.ClientError.Request.Invalid",
                "The result nests lists or maps too deeply to be sent as JSON. Return a flatter value.");
        }
        return new JsonAnswer(bytes, Typed(request) ?? QueryMedia.Json, status);
    }

    private sealed class JsonAnswer(byte[] body, string contentType, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = contentType;
            httpContext.Response.ContentLength = body.Length;
            return httpContext.Response.Body.WriteAsync(body).AsTask();
        }
    }
}

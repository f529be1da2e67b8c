using Graph.Cypher;
using Graph.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Graph.Web.Endpoints;

/// <summary>
/// The explicit transactions of Neo4j's Query API over the embedded engine: begin with <c>POST .../tx</c> (with or
/// without a statement), run with <c>POST .../tx/{id}</c>, commit with <c>POST .../tx/{id}/commit</c> (again with or
/// without a statement), roll back with <c>DELETE .../tx/{id}</c>. Answers carry <c>transaction: {id, expires}</c>
/// while the transaction stays open. A failed statement ends the transaction, as in Neo4j.
/// </summary>
public static class QueryTransactionApi
{
    public static IEndpointRouteBuilder MapQueryTransactionApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/db/{db}/query/v2/tx").WithTags("Cypher");
        group.MapPost("", Begin).WithName("BeginTransaction")
            .WithSummary("Begins an explicit transaction, optionally running a first statement.")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/{id}", Run).WithName("RunInTransaction")
            .WithSummary("Runs a statement in an open transaction.")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/commit", Commit).WithName("CommitTransaction")
            .WithSummary("Commits a transaction, optionally running a last statement first.")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", Rollback).WithName("RollbackTransaction")
            .WithSummary("Rolls back a transaction.")
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static readonly CypherResult Nothing = new([], [], new CypherCounters());

    public static async Task<IResult> Begin(string db, HttpRequest request, QueryEngine engine, QueryTransactions transactions,
        IOptions<GraphOptions> options, CancellationToken cancellationToken)
    {
        var (query, problem) = await QueryApi.ReadRequestAsync(db, request, options.Value, statementRequired: false, cancellationToken);
        if (query is null) return problem!;
        string id;
        CypherTransaction transaction;
        try
        {
            transaction = engine.BeginTransaction(write: !query.ReadAsked);
            id = transactions.Add(transaction);
        }
        catch (QueryEngineUnavailableException e)
        {
            return QueryApi.ErrorFor(e, query.Timeout, cancellationToken)!;
        }
        return await RunAsync(id, transaction, query, request, transactions, cancellationToken);
    }

    public static async Task<IResult> Run(string db, string id, HttpRequest request, QueryTransactions transactions,
        IOptions<GraphOptions> options, CancellationToken cancellationToken)
    {
        var (query, transaction, problem) = await ReadForTransactionAsync(db, id, request, transactions, options.Value, statementRequired: true, cancellationToken);
        if (problem is not null) return problem;
        return await RunAsync(id, transaction!, query!, request, transactions, cancellationToken);
    }

    public static async Task<IResult> Commit(string db, string id, HttpRequest request, QueryTransactions transactions,
        IOptions<GraphOptions> options, CancellationToken cancellationToken)
    {
        var (query, transaction, problem) = await ReadForTransactionAsync(db, id, request, transactions, options.Value, statementRequired: false, cancellationToken);
        if (problem is not null) return problem;
        try
        {
            return await QueryApi.ExecuteAsync(query!, request, token => Task.Run(() =>
            {
                var last = query!.Statement is null ? Nothing : transaction!.Run(query.Statement, query.Parameters, token);
                transaction!.Commit(token);
                return last;
            }, token), transaction: null, cancellationToken);
        }
        finally
        {
            transactions.Remove(id);
        }
    }

    public static IResult Rollback(string db, string id, QueryTransactions transactions, IOptions<GraphOptions> options)
    {
        if (!string.Equals(db, options.Value.Database, StringComparison.Ordinal))
            return QueryApi.Error(StatusCodes.Status404NotFound, "Neo.ClientError.Database.DatabaseNotFound", $"There is no database '{db}'.");
        if (!transactions.TryUse(id, out var transaction)) return NotFound(id);
        transaction.Rollback();
        transactions.Remove(id);
        return TypedResults.Json(new { data = new { fields = Array.Empty<string>(), values = Array.Empty<object>() }, bookmarks = Array.Empty<string>() });
    }

    /// <summary>The request and the open transaction it names, or the answer when either is wrong.</summary>
    private static async Task<(QueryApi.QueryRequestBody? Query, CypherTransaction? Transaction, IResult? Problem)> ReadForTransactionAsync(
        string db, string id, HttpRequest request, QueryTransactions transactions, GraphOptions settings, bool statementRequired, CancellationToken cancellationToken)
    {
        var (query, problem) = await QueryApi.ReadRequestAsync(db, request, settings, statementRequired, cancellationToken);
        if (query is null) return (null, null, problem);
        return transactions.TryUse(id, out var transaction) ? (query, transaction, null) : (null, null, NotFound(id));
    }

    /// <summary>Runs the request's statement (if any) in the transaction; a failure ends the transaction.</summary>
    private static async Task<IResult> RunAsync(string id, CypherTransaction transaction, QueryApi.QueryRequestBody query, HttpRequest request,
        QueryTransactions transactions, CancellationToken cancellationToken)
    {
        var answer = await QueryApi.ExecuteAsync(query, request,
            token => query.Statement is null ? Task.FromResult(Nothing) : Task.Run(() => transaction.Run(query.Statement, query.Parameters, token), token),
            () => (id, transactions.ExpiryOf(id)), cancellationToken);
        if (!transaction.IsOpen) transactions.Remove(id);
        return answer;
    }

    private static IResult NotFound(string id) =>
        QueryApi.Error(StatusCodes.Status404NotFound, "Neo.ClientError.Transaction.TransactionNotFound",
            $"There is no open transaction '{id}': it was committed, rolled back, failed or left idle past its expiry. Begin a new one with POST .../tx.");
}

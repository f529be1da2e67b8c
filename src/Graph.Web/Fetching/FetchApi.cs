using System.Text.Json;
using Graph.Model.Symbols;
using Graph.Sources.Fetching;
using Graph.Web.Hosting;
using Graph.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Graph.Web.Fetching;

/// <summary>
/// "Fetch from the UN" in the explorer: <c>POST /api/fetch</c> starts a background job that downloads documents from
/// the UN Official Document System and ingests them (a write: it needs the API token, or Graph:AllowWrites), and
/// answers 202 with the job's address; <c>GET /api/fetch/{id}</c> shows its progress and each symbol's outcome.
/// </summary>
public static class FetchApi
{
    public const int MaxSymbols = 20;
    public const int MaxCitedDepth = 2;

    public static IEndpointRouteBuilder MapFetchApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/fetch", Start).WithName("StartFetch").WithTags("Documents")
            .WithSummary("Starts fetching documents from the UN Official Document System into the graph (in the background); needs the API token.")
            .Accepts<FetchJobRequest>("application/json")
            .Produces<FetchJobDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        endpoints.MapGet("/api/fetch/{id}", GetJob).WithName("GetFetch").WithTags("Documents")
            .WithSummary("A fetch job's status, progress and the outcome of each symbol (fetched, cached, missing, failed, skipped).");
        return endpoints;
    }

    public static async Task<Results<Accepted<FetchJobDto>, ProblemHttpResult>> Start(
        HttpContext context, IOptions<AccessOptions> access, IOptions<GraphOptions> settings, CancellationToken cancellationToken)
    {
        var options = access.Value;
        // The same rule as writing Cypher: the token's bearer, or anyone on a server opened with AllowWrites.
        if (!options.AllowWrites && !BearerToken.IsPresented(context, options))
            return (ProblemHttpResult)BearerToken.Refusal(context, options, "Fetching documents");
        var jobs = context.RequestServices.GetRequiredService<FetchJobs>();
        if (jobs.ConfigurationProblem is { } misconfigured)
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Fetching is not configured", detail: misconfigured);

        FetchJobRequest? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<FetchJobRequest>(JsonOptions, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Endpoints.Problems.BadRequest("Send JSON such as {\"symbols\": [\"A/RES/71/12\"], \"citedDepth\": 0, \"series\": false} with Content-Type: application/json.");
        }
        if (!TryRead(body, out var request, out var problem)) return Endpoints.Problems.BadRequest(problem);
        request = request with { MaxDownloads = Math.Max(1, settings.Value.FetchLimit) };
        if (!jobs.TryEnqueue(request, out var job))
        {
            context.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Fetching is busy",
                detail: $"One fetch runs at a time and {jobs.QueueLength} more may wait; they are all taken. Try again when one has finished.");
        }
        return TypedResults.Accepted($"/api/fetch/{job.Id}", jobs.TryGet(job.Id));
    }

    public static Results<Ok<FetchJobDto>, ProblemHttpResult> GetJob(string id, HttpContext context)
    {
        var job = context.RequestServices.GetRequiredService<FetchJobs>().TryGet(id);
        return job is null
            ? Endpoints.Problems.NotFound($"There is no fetch job '{id}'. The server keeps the last jobs until it restarts.")
            : TypedResults.Ok(job);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The request, its symbols in canonical form, or a sentence saying what is wrong with it.</summary>
    internal static bool TryRead(FetchJobRequest? body, out FetchRequest request, out string problem)
    {
        request = null!;
        problem = "";
        if (body?.Symbols is not { Count: > 0 } symbols)
        {
            problem = "Name the documents to fetch: {\"symbols\": [\"A/RES/71/12\"]}.";
            return false;
        }
        if (symbols.Count > MaxSymbols)
        {
            problem = $"At most {MaxSymbols} symbols per fetch; this asked for {symbols.Count}.";
            return false;
        }
        var canonical = new List<string>(symbols.Count);
        foreach (var text in symbols)
        {
            if (string.IsNullOrWhiteSpace(text) || text.Length > 100 || !DocumentSymbol.TryParse(text.Trim(), out var symbol))
            {
                problem = $"'{Shorten(text)}' is not a UN document symbol (such as A/RES/71/12 or S/RES/2719 (2023)).";
                return false;
            }
            if (!canonical.Contains(symbol.Canonical)) canonical.Add(symbol.Canonical);
        }
        var depth = body.CitedDepth ?? 0;
        if (depth is < 0 or > MaxCitedDepth)
        {
            problem = $"citedDepth is {depth}: it must be between 0 and {MaxCitedDepth} (each step can multiply the documents to fetch).";
            return false;
        }
        request = new FetchRequest(canonical, depth, body.Series ?? false);
        return true;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length > 60 ? text[..60] + "…" : text;
}

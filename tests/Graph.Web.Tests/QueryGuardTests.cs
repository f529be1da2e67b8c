using System.Net;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>
/// The Cypher endpoint under abuse: oversized bodies and parameters, queries that run too long, return
/// too much or gather too much, and bad queries running at the same time as good ones, which must all
/// still get their right answers. And the rate limiter, set low, answers 429 with a ProblemDetails.
/// </summary>
public sealed class QueryGuardTests(ExplorerFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, string Body)> Post(HttpClient client, HttpContent content)
    {
        using var response = await client.PostAsync("/db/neo4j/query/v2", content, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task BodiesAndParametersOverTheLimitAreRefusedBeforeParsing()
    {
        var client = factory.CreateClient();
        var (status, body) = await Post(client, SecuredServer.Query("RETURN $big", new { big = new string('x', 2 * 1024 * 1024) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("limited to", body, StringComparison.Ordinal);

        // Chunked, with no Content-Length to trust: still cut off at the limit.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"statement\": \"RETURN 1\", \"parameters\": {\"a\": \"" + new string('y', 3 * 1024 * 1024) + "\"}}")));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/db/neo4j/query/v2") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ALongQueryStopsAtItsTimeAndAHugeOneAtTheRowCapOrMemoryGuard()
    {
        var client = factory.CreateClient();
        var (slow, slowBody) = await Post(client, SecuredServer.Query("MATCH (a), (b), (c) RETURN count(*)", maxExecutionTime: 1));
        Assert.Equal(HttpStatusCode.BadRequest, slow);
        Assert.Contains("TransactionTimedOut", slowBody, StringComparison.Ordinal);

        var (many, manyBody) = await Post(client, SecuredServer.Query("MATCH (a), (b) RETURN a.id, b.id"));
        Assert.Equal(HttpStatusCode.BadRequest, many);
        Assert.Contains("limit", manyBody, StringComparison.Ordinal);

        var (gathered, gatheredBody) = await Post(client, SecuredServer.Query("MATCH (a), (b) RETURN collect(a.id) AS ids", maxExecutionTime: 20));
        Assert.Equal(HttpStatusCode.BadRequest, gathered);
        Assert.Contains("memory", gatheredBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadQueriesRunningAtTheSameTimeNeverDisturbGoodOnes()
    {
        var client = factory.CreateClient();
        string[] bad =
        [
            "MATCH (a), (b), (c) RETURN count(*)",
            "MATCH (a), (b) RETURN a, b",
            "RETURN " + new string('(', 5000) + "1" + new string(')', 5000),
            "MATCH (n RETURN n",
            "RETURN $s =~ '(?=(a+)+b)a*'",
            "MATCH (a), (b) RETURN collect(a.id)",
            "RETURN 1/0",
            "CREATE (n:Evil) RETURN n",
        ];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Within one client's running and queued heavy requests (2 + 16): beyond them it would be refused with 429.
        var badTasks = Enumerable.Range(0, bad.Length).Select(async i =>
        {
            var result = await Post(client, SecuredServer.Query(bad[i % bad.Length], new { s = new string('a', 40) + "!" }, maxExecutionTime: 3));
            TestContext.Current.TestOutputHelper?.WriteLine($"bad {i % bad.Length} done at {watch.Elapsed.TotalSeconds:F1} s: {result.Status}");
            return result;
        }).ToList();
        var goodTasks = Enumerable.Range(0, 8).Select(async i =>
        {
            var (status, body) = await Post(client, SecuredServer.Query("MATCH (d:Document {id: $id})-[:HAS_PARAGRAPH]->(p) RETURN d.id AS id, count(p) AS n", new { id = "A/RES/77/13" }));
            return (status, body);
        }).ToList();
        var good = await Task.WhenAll(goodTasks);
        var badResults = await Task.WhenAll(badTasks);
        foreach (var (status, body) in good)
        {
            Assert.True(status == HttpStatusCode.Accepted, body);
            var row = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("values")[0];
            Assert.Equal("A/RES/77/13", row[0].GetString());
            Assert.True(row[1].GetInt64() > 5, body);
        }
        Assert.All(badResults, r => Assert.True(r.Status is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{r.Status}: {r.Body}"));
        // The server is still well after all that.
        using var health = await client.GetAsync("/health", Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task TheRateLimiterAnswers429WithRetryAfter()
    {
        await using var server = new SecuredServer(new() { ["Graph:RateLimitPermits"] = "5", ["Graph:RateLimitWindowSeconds"] = "60" });
        var client = server.Client();
        for (var i = 0; i < 5; i++)
        {
            using var ok = await client.GetAsync("/api/overview", Cancel);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var limited = await client.GetAsync("/api/overview", Cancel);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        // The UI's own files are not limited.
        using var page = await client.GetAsync("/", Cancel);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, page.StatusCode);
    }
}

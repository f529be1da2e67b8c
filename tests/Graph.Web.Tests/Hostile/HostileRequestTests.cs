using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests.Hostile;

/// <summary>
/// Requests meant to take the server down, sent to the real server in its own process (<see cref="ServerProcess"/>):
/// expressions that recurse or grow without bound, deep nesting of every construct, huge and deeply nested
/// parameters, huge bodies, concurrent exports and heavy queries, and a long read in front of a write. Throughout,
/// <see cref="HealthWatch"/> checks that the process lives, /health answers within a second and the RSS stays
/// under the ceiling; every hostile request must get a clear error body.
/// </summary>
public sealed class HostileRequestTests(ServerProcess server) : IClassFixture<ServerProcess>
{
    private const int Depth = 20_000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> CrashShapes => new()
    {
        { "nested list by reduce", "RETURN reduce(acc = [], x IN range(1, 30000) | [acc]) AS a" },
        { "comparing a deep list", "WITH reduce(acc = [], x IN range(1, 40000) | [acc]) AS a RETURN a = a" },
        { "distinct over a deep list", "WITH reduce(acc = [], x IN range(1, 40000) | [acc]) AS a RETURN DISTINCT a" },
        { "12,000 nested CASE", "RETURN " + Repeat("CASE WHEN true THEN ", 12_000) + "1" + Repeat(" ELSE 0 END", 12_000) },
    };

    public static TheoryData<string, string> DeepNesting => new()
    {
        { "parentheses", "RETURN " + Repeat("(", Depth) + "1" + Repeat(")", Depth) },
        { "lists", "RETURN " + Repeat("[", Depth) + "1" + Repeat("]", Depth) },
        { "maps", "RETURN " + Repeat("{a: ", Depth) + "1" + Repeat("}", Depth) },
        { "NOT chain", "RETURN " + Repeat("NOT ", Depth) + "true" },
        { "unary minus", "RETURN " + Repeat("- ", Depth) + "1" },
        { "list comprehension", "RETURN " + Repeat("[x IN ", Depth / 4) + "[1]" + Repeat(" | x]", Depth / 4) },
    };

    public static TheoryData<string, string> Growth => new()
    {
        { "list doubling", "RETURN reduce(l = [1], i IN range(1, 40) | l + l) AS l" },
        { "string doubling", "RETURN reduce(s = 'ab', i IN range(1, 40) | s + s) AS s" },
        { "list of huge range", "RETURN size(range(1, 2000000000)) AS n" },
    };

    [Theory]
    [MemberData(nameof(CrashShapes))]
    public async Task ACrashShapeGetsAClearErrorAndTheServerLives(string shape, string statement)
    {
        await AssertRefusedClearly(shape, statement);
    }

    [Theory]
    [MemberData(nameof(DeepNesting))]
    public async Task DeepNestingOfAConstructGetsAClearErrorAndTheServerLives(string construct, string statement)
    {
        await AssertRefusedClearly(construct, statement);
    }

    [Theory]
    [MemberData(nameof(Growth))]
    public async Task ListsAndStringsThatGrowWithoutBoundGetAClearError(string shape, string statement)
    {
        await AssertRefusedClearly(shape, statement);
    }

    /// <summary>
    /// Results that repeat the same nodes: each row is small to the engine (a reference to one list), but the answer
    /// copies every node's properties once per row. 5,000 rows of the same 1,000 paragraphs, and an unbounded path
    /// from a document whose paths grow a node per row, used to build gigabytes until the server's heap gave out.
    /// </summary>
    [Theory]
    [InlineData("MATCH (p:Paragraph) WITH p LIMIT 1000 WITH collect(p) AS ps UNWIND range(1, 5000) AS i RETURN i, ps")]
    [InlineData("MATCH path = (:Document {id: 'A/RES/77/13'})-[*]-() RETURN path LIMIT 100000000")]
    public async Task ResultsThatRepeatNodesStopAtTheQuerysMemoryBudget(string statement)
    {
        await server.EnsureRunningAsync();
        await using var watch = new HealthWatch(server);
        using var client = server.Client();
        var clock = Stopwatch.StartNew();
        var (status, body) = await PostQuery(client, Query(statement, maxExecutionTime: 60));
        clock.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"{(int)status} in {clock.Elapsed.TotalSeconds:F1} s: {Head(body)}");
        AssertClearError(statement, status, body, neo4j: true);
        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("errors")[0];
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Neo.TransientError.General.MemoryPoolOutOfMemoryError", error.GetProperty("code").GetString());
        Assert.Contains("its limit of 256 MB", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        // The budget counts an estimate, not the heap: what the server took stays within a few times the budget.
        Assert.True(watch.PeakRss < server.CeilingBytes / 2, $"RSS reached {watch.PeakRss / (1024 * 1024)} MiB");
    }

    [Fact]
    public async Task AQueryPastTheServersLongestTimeIsStoppedWithTheSameAdviceAsPastItsOwnDeadline()
    {
        await server.EnsureRunningAsync();
        using var client = server.Client();
        // maxExecutionTime 60 asks for more than the engine's 30 s: the engine's limit stops it, and says what to do.
        var (status, body) = await PostQuery(client, Query("MATCH (a), (b), (c) RETURN count(*) AS n", maxExecutionTime: 60));
        AssertClearError("past the engine's limit", status, body, neo4j: true);
        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("errors")[0];
        Assert.Equal("Neo.ClientError.Transaction.TransactionTimedOut", error.GetProperty("code").GetString());
        Assert.Contains("this server's longest", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("Add a LIMIT or narrow the MATCH", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeAndDeeplyNestedParametersAndHugeBodiesAreAnsweredClearly()
    {
        await server.EnsureRunningAsync();
        await using (new HealthWatch(server))
        {
            using var client = server.Client();
            // 60,000 parameters fit the body limit: a legitimate if odd request, answered.
            var many = Enumerable.Range(0, 60_000).ToDictionary(i => "p" + i, i => (object)i);
            var (status, body) = await PostQuery(client, Query("RETURN $p59999 AS last", many));
            Assert.True(status == HttpStatusCode.Accepted, $"{status}: {Head(body)}");
            Assert.Contains("59999", body, StringComparison.Ordinal);

            // Parameters past the body limit, nested JSON far past any sane depth, and bodies of 8 and 24 MB.
            var deepJson = "{\"statement\": \"RETURN $p\", \"parameters\": {\"p\": " + Repeat("[", 100_000) + Repeat("]", 100_000) + "}}";
            var deepMap = "{\"statement\": \"RETURN $p\", \"parameters\": {\"p\": " + Repeat("{\"a\": ", 50_000) + "1" + Repeat("}", 50_000) + "}}";
            var overLimit = Query("RETURN size(keys($p)) AS n", new Dictionary<string, object> { ["p"] = Enumerable.Range(0, 200_000).ToDictionary(i => "k" + i, i => (object)i) });
            foreach (var (what, content) in new (string, string)[] { ("deep list parameter", deepJson), ("deep map parameter", deepMap), ("parameters over the limit", overLimit),
                ("8 MB body", "{\"statement\": \"RETURN 1\", \"x\": \"" + new string('x', 8 << 20) + "\"}"),
                ("24 MB body", "{\"statement\": \"" + new string('x', 24 << 20) + "\"}") })
            {
                (status, body) = await PostQuery(client, content);
                AssertClearError(what, status, body, neo4j: (int)status != 413);
            }
            using var subgraph = await client.PostAsync("api/subgraph", new StringContent("{\"ids\": [\"" + new string('y', 8 << 20) + "\"]}", Encoding.UTF8, "application/json"), Cancel);
            AssertClearError("8 MB body to /api/subgraph", subgraph.StatusCode, await subgraph.Content.ReadAsStringAsync(Cancel), neo4j: false);
        }
    }

    [Fact]
    public async Task ConcurrentWholeGraphExportsStreamAndStayUnderTheCeiling()
    {
        await server.EnsureRunningAsync();
        var watch = new HealthWatch(server);
        var formats = new[] { "json", "graphml", "csv&table=nodes", "csv&table=relationships" };
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => ExportWithRetriesAsync(formats[i % formats.Length])));
        await watch.DisposeAsync();
        foreach (var group in results.GroupBy(r => r.Format))
        {
            Assert.All(group, r => Assert.Null(r.ContentLength)); // streamed: no length known before the body
            Assert.Single(group.Select(r => r.Body).Distinct(StringComparer.Ordinal));
        }
        var json = results.First(r => r.Format == "json").Body;
        using (var graph = JsonDocument.Parse(json))
            Assert.True(graph.RootElement.GetProperty("nodes").GetArrayLength() > 4000, "the JSON export holds the corpus's nodes");
        Assert.EndsWith("</graphml>", results.First(r => r.Format == "graphml").Body.TrimEnd(), StringComparison.Ordinal);
        Assert.StartsWith("\"id:ID\"", results.First(r => r.Format == "csv&table=nodes").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeavyQueriesAreQueuedThenRefusedWithRetryAfterWhileCheapEndpointsAnswer()
    {
        await server.EnsureRunningAsync();
        await using (new HealthWatch(server))
        {
            using var anonymous = server.Client();
            using var holder = server.Client(token: true);
            const string Slow = "MATCH (a), (b), (c) RETURN count(*) AS n";
            // One client: two run, two wait, the rest are refused at once with 429.
            var clientLoad = Enumerable.Range(0, ServerProcess.HeavyPerClient + ServerProcess.QueuePerClient + 2)
                .Select(_ => PostQuery(anonymous, Query(Slow, maxExecutionTime: 3))).ToList();
            await Task.Delay(500, Cancel);
            // The token holder is a client of its own: one of its queries takes the server's last slot, the next finds none (503).
            var holderLoad = new[] { PostQuery(holder, Query(Slow, maxExecutionTime: 3, accessMode: "READ")) };
            await Task.Delay(300, Cancel);
            var overServer = await PostQueryFull(holder, Query(Slow, maxExecutionTime: 3, accessMode: "READ"));

            // Meanwhile the explorer's cheap endpoints answer without waiting for them: the heavy queries hold both cores
            // for their 3 s, so an answer within 2 s did not queue behind them (1 s proved too tight on a busy machine).
            foreach (var path in new[] { "api/search?q=cooperation", "api/node?id=A%2FRES%2F77%2F13", "api/neighbours?id=A%2FRES%2F77%2F13" })
            {
                var watch = Stopwatch.StartNew();
                using var response = await anonymous.GetAsync(path, Cancel);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{path} took {watch.ElapsedMilliseconds} ms during the load");
            }

            var answers = await Task.WhenAll(clientLoad.Concat(holderLoad));
            var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
            Assert.Equal(2, refused.Count);
            Assert.All(refused, r => AssertClearError("over the client's limit", r.Status, r.Body, neo4j: true));
            // The others ran and stopped at their time limit: a clear error too, never a reset.
            Assert.All(answers.Except(refused), a => Assert.True(a.Status == HttpStatusCode.BadRequest && a.Body.Contains("TimedOut", StringComparison.Ordinal), $"{a.Status}: {Head(a.Body)}"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, overServer.Status);
            Assert.Equal("2", overServer.RetryAfter);
            AssertClearError("over the server's limit", overServer.Status, overServer.Body, neo4j: true);
        }
    }

    [Fact]
    public async Task ALongAnonymousReadDoesNotHoldBackATokenHoldersWrite()
    {
        await server.EnsureRunningAsync();
        await using (new HealthWatch(server))
        {
            using var anonymous = server.Client();
            using var holder = server.Client(token: true);
            var read = PostQueryFull(anonymous, Query("MATCH (a), (b), (c) RETURN count(*) AS n", maxExecutionTime: 8));
            await Task.Delay(1000, Cancel);
            var watch = Stopwatch.StartNew();
            var id = "hostile-note-" + Guid.NewGuid().ToString("N");
            var (status, body) = await PostQuery(holder, Query("CREATE (n:Note {id: $id}) RETURN n.id AS id", new Dictionary<string, object> { ["id"] = id }, accessMode: "WRITE"));
            var writeTook = watch.Elapsed;
            TestContext.Current.TestOutputHelper?.WriteLine($"the write answered in {writeTook.TotalMilliseconds:F0} ms behind a running read");
            Assert.True(status == HttpStatusCode.Accepted, $"{status}: {Head(body)}");
            Assert.True(writeTook < TimeSpan.FromSeconds(2), $"the write waited {writeTook.TotalSeconds:F1} s behind the read");
            var readAnswer = await read;
            Assert.False(readAnswer.Status == HttpStatusCode.Accepted && watch.Elapsed < TimeSpan.FromSeconds(1), "the read cannot have finished before the write");
            AssertClearError("the read at its time limit", readAnswer.Status, readAnswer.Body, neo4j: true);
        }
    }

    /// <summary>
    /// A query whose body trickles in holds one of its client's query slots while it arrives: two such bodies, sent at a
    /// rate Kestrel accepts, used to hold both for as long as the client liked (a megabyte at 1 kB/s is a quarter of an
    /// hour), and the client's next query, or, past the server's slots, everyone's, waited for them. The body must now
    /// arrive within the server's time for it, then is refused with 408, and the slots go to the queries waiting.
    /// </summary>
    [Fact]
    public async Task ABodyThatTricklesInIsCutOffAndItsQuerySlotGoesToTheNextQuery()
    {
        await server.EnsureRunningAsync();
        await using (new HealthWatch(server))
        {
            var trickles = Enumerable.Range(0, ServerProcess.HeavyPerClient).Select(_ => TrickleAQueryAsync()).ToList();
            await Task.Delay(1000, Cancel);
            using var client = server.Client();
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            patience.CancelAfter(TimeSpan.FromSeconds(ServerProcess.RequestBodySeconds + 20));
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync("db/neo4j/query/v2", new StringContent(Query("RETURN 1 AS one"), Encoding.UTF8, "application/json"), patience.Token);
            TestContext.Current.TestOutputHelper?.WriteLine($"the query behind the trickling bodies answered in {clock.Elapsed.TotalSeconds:F1} s");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            foreach (var answer in await Task.WhenAll(trickles))
            {
                Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
                Assert.Contains("Neo.ClientError.Request.Invalid", answer, StringComparison.Ordinal);
                Assert.Contains($"within {ServerProcess.RequestBodySeconds} s", answer, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Sends a query whose body comes at 1,000 bytes a second, until the server answers; its answer as text.</summary>
    private async Task<string> TrickleAQueryAsync()
    {
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(server.Address.Host, server.Address.Port, Cancel);
        var stream = socket.GetStream();
        var head = $"POST /db/neo4j/query/v2 HTTP/1.1\r\nHost: {server.Address.Authority}\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n"
            + "{\"statement\": \"RETURN $x\", \"parameters\": {\"x\": \"";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Cancel);
        var buffer = new byte[64 * 1024];
        var answer = stream.ReadAsync(buffer, Cancel).AsTask();
        var padding = Encoding.ASCII.GetBytes(new string('x', 100));
        var clock = Stopwatch.StartNew();
        // Above Kestrel's least rate (240 bytes a second), so that only the server's own deadline can end it; a minute at most.
        while (!answer.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                await stream.WriteAsync(padding, Cancel);
            }
            catch (IOException)
            {
                break; // the server answered and closed
            }
            await Task.WhenAny(answer, Task.Delay(100, Cancel));
        }
        if (!answer.IsCompleted) return "no answer within a minute";
        return Encoding.UTF8.GetString(buffer, 0, await answer);
    }

    private async Task AssertRefusedClearly(string what, string statement)
    {
        await server.EnsureRunningAsync();
        await using (new HealthWatch(server))
        {
            using var client = server.Client();
            HttpStatusCode status;
            string body;
            try
            {
                (status, body) = await PostQuery(client, Query(statement, maxExecutionTime: 10));
            }
            catch (HttpRequestException e)
            {
                Assert.Fail($"{what}: the connection broke ({e.Message}); the server {(server.IsAlive ? "lives" : "died")}");
                return;
            }
            TestContext.Current.TestOutputHelper?.WriteLine($"{what}: {(int)status} {Head(body)}");
            AssertClearError(what, status, body, neo4j: true);
        }
    }

    private async Task<(string Format, long? ContentLength, string Body)> ExportWithRetriesAsync(string format)
    {
        using var client = server.Client();
        for (var attempt = 0; attempt < 40; attempt++)
        {
            using var response = await client.GetAsync("api/export?format=" + format, HttpCompletionOption.ResponseHeadersRead, Cancel);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                await Task.Delay(250, Cancel);
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (format, response.Content.Headers.ContentLength, await response.Content.ReadAsStringAsync(Cancel));
        }
        throw new TimeoutException($"The {format} export was refused 40 times");
    }

    private static void AssertClearError(string what, HttpStatusCode status, string body, bool neo4j)
    {
        var code = (int)status;
        Assert.True(code is >= 400 and < 600, $"{what}: expected an error, got {code}: {Head(body)}");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal); // no stack trace
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.True(root.TryGetProperty("detail", out var detail) && detail.GetString()!.Length > 10, $"{what}: no ProblemDetails detail: {Head(body)}");
        if (neo4j)
        {
            var error = root.GetProperty("errors")[0];
            Assert.StartsWith("Neo.", error.GetProperty("code").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostQuery(HttpClient client, string json)
    {
        var answer = await PostQueryFull(client, json);
        return (answer.Status, answer.Body);
    }

    private static async Task<(HttpStatusCode Status, string Body, string? RetryAfter)> PostQueryFull(HttpClient client, string json)
    {
        using var response = await client.PostAsync("db/neo4j/query/v2", new StringContent(json, Encoding.UTF8, "application/json"), Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel), response.Headers.TryGetValues("Retry-After", out var values) ? values.First() : null);
    }

    private static string Query(string statement, IReadOnlyDictionary<string, object>? parameters = null, int? maxExecutionTime = null, string? accessMode = null)
    {
        var body = new Dictionary<string, object?> { ["statement"] = statement, ["parameters"] = parameters ?? new Dictionary<string, object>() };
        if (maxExecutionTime is not null) body["maxExecutionTime"] = maxExecutionTime;
        if (accessMode is not null) body["accessMode"] = accessMode;
        return JsonSerializer.Serialize(body);
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Head(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>
/// Explicit transactions of the Query API on the embedded store (<c>/db/neo4j/query/v2/tx</c>), over HTTP, including
/// the two flaws that withdrew the first attempt: an undo that re-created what documents state without the
/// projection's bookkeeping, and a change made before a transaction's first write that the transaction overwrote.
/// </summary>
public sealed class QueryTransactionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, string statement, object? parameters = null, int? maxSeconds = null)
    {
        var body = new Dictionary<string, object?> { ["statement"] = statement, ["parameters"] = parameters ?? new { } };
        if (maxSeconds is not null) body["maxExecutionTime"] = maxSeconds;
        using var response = await client.PostAsync(path, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"), Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }

    private static async Task<string> BeginAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/db/neo4j/query/v2/tx", new StringContent("{}", Encoding.UTF8, "application/json"), Cancel);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToString());
        return body.GetProperty("transaction").GetProperty("id").GetString()!;
    }

    private static JsonElement Value(JsonElement body) => body.GetProperty("data").GetProperty("values")[0][0];

    private static string Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("code").GetString()!;

    [Fact]
    public async Task ATransactionSeesItsOwnWritesAndOthersSeeThemCommittedAndAfterReopening()
    {
        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token }, dataDir: Path.Combine(Path.GetTempPath(), "graph-tx-" + Guid.NewGuid().ToString("N")));
        var owner = server.Client(SecuredServer.Token);
        var tx = await BeginAsync(owner);
        await PostAsync(owner, $"/db/neo4j/query/v2/tx/{tx}", "CREATE (:TxNote {k: 'a', v: 1})");
        await PostAsync(owner, $"/db/neo4j/query/v2/tx/{tx}", "MATCH (n:TxNote {k: 'a'}) SET n.v = n.v + 1 CREATE (:TxNote {k: 'gone'})");
        await PostAsync(owner, $"/db/neo4j/query/v2/tx/{tx}", "MATCH (n:TxNote {k: 'gone'}) DELETE n");
        var (_, inside) = await PostAsync(owner, $"/db/neo4j/query/v2/tx/{tx}", "MATCH (n:TxNote) RETURN collect(n.k + ':' + toString(n.v))");
        Assert.Equal("[\"a:2\"]", Value(inside).GetRawText());
        var (status, committed) = await PostAsync(owner, $"/db/neo4j/query/v2/tx/{tx}/commit", "RETURN 1");
        Assert.True(status == HttpStatusCode.Accepted, committed.ToString());
        Assert.StartsWith("FB:", committed.GetProperty("bookmarks")[0].GetString(), StringComparison.Ordinal);

        var dataDir = server.DataDir;
        await server.DisposeAsync();
        await using var reopened = new SecuredServer(dataDir: dataDir);
        var (_, after) = await PostAsync(reopened.Client(), "/db/neo4j/query/v2", "MATCH (n:TxNote) RETURN collect(n.k + ':' + toString(n.v))");
        Assert.Equal("[\"a:2\"]", Value(after).GetRawText());
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task RollingBackNeverRecreatesWhatDocumentsStateAndLeavesTheStoreWhole()
    {
        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token });
        var owner = server.Client(SecuredServer.Token);
        var (_, before) = await PostAsync(owner, "/db/neo4j/query/v2", "MATCH (d:Document)-[r]-() RETURN count(DISTINCT d) * 1000000 + count(r)");
        var tx = await BeginAsync(owner);
        await PostAsync(owner, $"/db/neo4j/query/v2/tx/{tx}", "MATCH (d:Document) SET d.reviewed = true CREATE (:TxScratch)");
        // Deleting a stated node is refused, so the undo that follows never has to bring one back.
        var (status, refused) = await PostAsync(owner, $"/db/neo4j/query/v2/tx/{tx}", "MATCH (d:Document) DETACH DELETE d");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("state", refused.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        // The failure rolled the whole transaction back, as Neo4j does.
        var (gone, missing) = await PostAsync(owner, $"/db/neo4j/query/v2/tx/{tx}", "RETURN 1");
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Equal("Neo.ClientError.Transaction.TransactionNotFound", Code(missing));
        var (_, after) = await PostAsync(owner, "/db/neo4j/query/v2", "MATCH (d:Document)-[r]-() RETURN count(DISTINCT d) * 1000000 + count(r)");
        Assert.Equal(Value(before).GetInt64(), Value(after).GetInt64());
        var (_, scratch) = await PostAsync(owner, "/db/neo4j/query/v2", "MATCH (s:TxScratch) RETURN count(s)");
        Assert.Equal(0, Value(scratch).GetInt64());
        var (_, flags) = await PostAsync(owner, "/db/neo4j/query/v2", "MATCH (d:Document) WHERE d.reviewed IS NOT NULL RETURN count(d)");
        Assert.Equal(0, Value(flags).GetInt64());

        var dataDir = server.DataDir;
        await server.DisposeAsync();
        var store = Graph.Cypher.EmbeddedCypher.OpenStore(dataDir);
        try
        {
            var problems = await store.CheckAsync(Cancel);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task AChangeMadeBeforeOrDuringATransactionIsNeverOverwrittenUnseen()
    {
        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token });
        var owner = server.Client(SecuredServer.Token);
        var other = server.Client(SecuredServer.Token);
        await PostAsync(owner, "/db/neo4j/query/v2", "CREATE (:Counter {k: 'c', v: 1})");
        var tx = await BeginAsync(owner);
        // The transaction reads before its first write; a write by someone else now would be lost by the SET below.
        var (_, read) = await PostAsync(owner, $"/db/neo4j/query/v2/tx/{tx}", "MATCH (c:Counter {k: 'c'}) RETURN c.v");
        Assert.Equal(1, Value(read).GetInt64());
        var (blocked, refused) = await PostAsync(other, "/db/neo4j/query/v2", "MATCH (c:Counter {k: 'c'}) SET c.v = c.v + 100", maxSeconds: 1);
        Assert.Equal(HttpStatusCode.BadRequest, blocked);
        Assert.Equal("Neo.TransientError.Transaction.LockAcquisitionTimeout", Code(refused));
        await PostAsync(owner, $"/db/neo4j/query/v2/tx/{tx}", "MATCH (c:Counter {k: 'c'}) SET c.v = $seen + 10", new { seen = 1 });
        await PostAsync(owner, $"/db/neo4j/query/v2/tx/{tx}/commit", "RETURN 1");
        // Once the transaction ends, the other writer goes ahead, on top of it.
        var (status, _) = await PostAsync(other, "/db/neo4j/query/v2", "MATCH (c:Counter {k: 'c'}) SET c.v = c.v + 100", maxSeconds: 5);
        Assert.Equal(HttpStatusCode.Accepted, status);
        var (_, final) = await PostAsync(owner, "/db/neo4j/query/v2", "MATCH (c:Counter {k: 'c'}) RETURN c.v");
        Assert.Equal(111, Value(final).GetInt64());
    }

    /// <summary>
    /// A rollback (DELETE) of a transaction whose statement is still running used to wait, on a thread of the server's
    /// pool, until the statement ended: a few hundred of them held every pool thread and /health stopped answering.
    /// Now the statement is stopped, the rollback answers at once, and every other rollback of it finds none.
    /// </summary>
    [Fact]
    public async Task RollingBackATransactionWhileItsStatementRunsStopsTheStatementAndAnswersAtOnce()
    {
        await using var server = new SecuredServer();
        var client = server.Client();
        var tx = await BeginAsync(client);
        // About a hundred million rows over the seeds: it would run until its deadline.
        var slow = PostAsync(client, $"/db/neo4j/query/v2/tx/{tx}", "MATCH (a), (b), (c), (d) RETURN count(*)", maxSeconds: 25);
        await Task.Delay(2000, Cancel);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var rollbacks = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await client.DeleteAsync($"/db/neo4j/query/v2/tx/{tx}", Cancel);
            return response.StatusCode;
        }));
        var rolledBackIn = watch.Elapsed;
        var (status, stopped) = await slow;
        Assert.True(rolledBackIn < TimeSpan.FromSeconds(10), $"the rollbacks took {rolledBackIn.TotalSeconds:F1} s");
        Assert.Equal(1, rollbacks.Count(s => s == HttpStatusCode.OK));
        Assert.All(rollbacks.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Neo.TransientError.Transaction.Terminated", Code(stopped));
        var (gone, _) = await PostAsync(client, $"/db/neo4j/query/v2/tx/{tx}", "RETURN 1");
        Assert.Equal(HttpStatusCode.NotFound, gone);
    }

    /// <summary>
    /// A transaction whose statement runs longer than the idle time is at work, not idle: its statement used to be
    /// stopped, or the transaction rolled back under it so that its answer spoke of a transaction already gone.
    /// </summary>
    [Fact]
    public async Task AStatementRunningLongerThanTheIdleTimeKeepsItsTransactionOpen()
    {
        await using var server = new SecuredServer(new() { ["Graph:TransactionTimeoutSeconds"] = "1" });
        var client = server.Client();
        var tx = await BeginAsync(client);
        // Ten times a cartesian product of the seeds' nodes: seconds, past the one-second idle time.
        var (status, body) = await PostAsync(client, $"/db/neo4j/query/v2/tx/{tx}", "UNWIND range(1, 10) AS i MATCH (a), (b), (c) RETURN count(*)", maxSeconds: 28);
        Assert.True(status == HttpStatusCode.Accepted, body.ToString());
        var (committed, answer) = await PostAsync(client, $"/db/neo4j/query/v2/tx/{tx}/commit", "RETURN 1");
        Assert.True(committed == HttpStatusCode.Accepted, answer.ToString());
    }

    /// <summary>
    /// Transactions left open hold memory until they idle out; a client opening them faster than that used to hold
    /// memory without bound. Past the server's most, a begin is refused as Neo4j refuses it, until one ends.
    /// </summary>
    [Fact]
    public async Task BeyondTheMostOpenTransactionsABeginIsRefusedUntilOneEnds()
    {
        await using var server = new SecuredServer(new() { ["Graph:MaxOpenTransactions"] = "3" });
        var client = server.Client();
        var open = new List<string>();
        for (var i = 0; i < 3; i++) open.Add(await BeginAsync(client));
        var (refused, body) = await PostAsync(client, "/db/neo4j/query/v2/tx", "RETURN 1");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused);
        Assert.Equal("Neo.TransientError.Transaction.MaximumTransactionLimitReached", Code(body));
        Assert.Contains("Commit or roll back", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // A statement on its own still runs, and once a transaction ends another may begin.
        var (alone, _) = await PostAsync(client, "/db/neo4j/query/v2", "RETURN 1");
        Assert.Equal(HttpStatusCode.Accepted, alone);
        using (var rolledBack = await client.DeleteAsync($"/db/neo4j/query/v2/tx/{open[0]}", Cancel))
            Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        await BeginAsync(client);
    }

    [Fact]
    public async Task EveryErrorUnderDbCarriesNeo4jErrorsAndAnswersHaveTheExactMediaType()
    {
        await using var server = new SecuredServer(new() { ["Graph:MaxRequestBytes"] = "2000" });
        var client = server.Client();
        using var typed = new HttpRequestMessage(HttpMethod.Post, "/db/neo4j/query/v2") { Content = new StringContent("""{"statement": "RETURN $n", "parameters": {"n": 9007199254740993}}""", Encoding.UTF8, "application/json") };
        typed.Headers.Accept.ParseAdd("application/vnd.neo4j.query");
        using var answer = await client.SendAsync(typed, Cancel);
        Assert.Equal("application/vnd.neo4j.query", answer.Content.Headers.ContentType!.ToString());
        Assert.Contains("\"$type\":\"Integer\",\"_value\":\"9007199254740993\"", await answer.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var notFound = await client.PostAsync("/db/neo4j/nothing", new StringContent("{}", Encoding.UTF8, "application/json"), Cancel);
        using var method = await client.GetAsync("/db/neo4j/query/v2", Cancel);
        using var media = await client.PostAsync("/db/neo4j/query/v2", new StringContent("RETURN 1", Encoding.UTF8, "text/plain"), Cancel);
        using var large = await client.PostAsync("/db/neo4j/query/v2", new StringContent(new string(' ', 5000) + "{}", Encoding.UTF8, "application/json"), Cancel);
        using var write = await client.PostAsync("/db/neo4j/query/v2", new StringContent("""{"statement": "CREATE ()"}""", Encoding.UTF8, "application/json"), Cancel);
        var wrongToken = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token });
        await using (wrongToken)
        {
            using var unauthorized = await wrongToken.Client("wrong").PostAsync("/db/neo4j/query/v2", new StringContent("""{"statement": "RETURN 1"}""", Encoding.UTF8, "application/json"), Cancel);
            foreach (var (response, status) in new[] { (notFound, 404), (method, 405), (media, 415), (large, 413), (write, 403), (unauthorized, 401) })
            {
                var text = await response.Content.ReadAsStringAsync(Cancel);
                Assert.True((int)response.StatusCode == status, $"{status}: {(int)response.StatusCode} {text}");
                Assert.StartsWith("Neo.ClientError.", Code(JsonDocument.Parse(text).RootElement), StringComparison.Ordinal);
            }
        }

        using var discovery = new HttpRequestMessage(HttpMethod.Get, "/");
        discovery.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var document = await client.SendAsync(discovery, Cancel);
        var json = JsonDocument.Parse(await document.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.EndsWith("/db/{databaseName}/query/v2", json.GetProperty("query").GetString(), StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Graph.Extraction;
using Graph.Model;
using Graph.Neo4j.QueryApi;
using Graph.Neo4j.Tests.Store;
using Graph.Store.Tests.Contract;

namespace Graph.Neo4j.Tests.QueryApi;

/// <summary>
/// Neo4j unreachable, too slow, or restarting in the middle of an ingest, simulated on 127.0.0.1: a port
/// nobody listens on, a listener that accepts and never answers, and this project's own Query API endpoint
/// behind a relay that answers 503 for a while. The client retries with backoff, then gives a clear error;
/// running the ingest again completes it with no duplicate node or relationship.
/// </summary>
public sealed class FaultToleranceTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUnreachableServerIsRetriedWithBackoffThenNamed()
    {
        var port = FreePort();
        using var client = new QueryApiClient(new QueryApiOptions
        {
            ServerUri = new Uri($"http://127.0.0.1:{port}/"),
            MaxRetries = 3,
            InitialRetryDelay = TimeSpan.FromMilliseconds(50),
        });
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<QueryApiUnavailableException>(() => client.RunAsync("RETURN 1", cancellationToken: Cancel));
        Assert.Contains($"not reachable at http://127.0.0.1:{port}/", error.Message, StringComparison.Ordinal);
        Assert.Contains("Gave up after 4 attempts", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(50 + 100 + 200), $"no backoff: {watch.Elapsed}");
    }

    [Fact]
    public async Task ASlowServerTimesOutOnceAndTheStatementIsNotSentAgain()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = 0;
        var held = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var connection = await silent.AcceptTcpClientAsync(Cancel);
                Interlocked.Increment(ref accepted);
                lock (held) held.Add(connection); // accepted, never answered
            }
        }, Cancel);
        using var client = new QueryApiClient(new QueryApiOptions
        {
            ServerUri = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/"),
            MaxRetries = 2,
            InitialRetryDelay = TimeSpan.FromMilliseconds(20),
            RequestTimeout = TimeSpan.FromMilliseconds(300),
        });
        var error = await Assert.ThrowsAsync<QueryApiTimeoutException>(() => client.RunAsync("CREATE (:Once)", cancellationToken: Cancel));
        Assert.Contains("did not answer within 0.3 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("not tried again", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsRetryable);
        // Give a retry, were there one, the time to connect.
        await Task.Delay(200, Cancel);
        Assert.Equal(1, accepted);
        lock (held) held.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task ATimedOutTransactionIsRolledBackAtOnceAndNotRetried()
    {
        await using var server = await LoopbackNeo4j.StartAsync();
        server.Answer(202, "begin-transaction.json")
            .Answer(202, "run-in-transaction.json", delay: TimeSpan.FromSeconds(30))
            .Answer(200, "rollback.json");
        using var client = new QueryApiClient(new QueryApiOptions
        {
            ServerUri = server.Address,
            MaxRetries = 3,
            InitialRetryDelay = TimeSpan.FromMilliseconds(1),
            RequestTimeout = TimeSpan.FromMilliseconds(500),
            TransactionTimeout = TimeSpan.FromSeconds(42),
        });

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<QueryApiTimeoutException>(() => client.ExecuteInTransactionAsync(
            (tx, ct) => tx.RunAsync("MATCH (d:Document) SET d.locked = true", cancellationToken: ct), cancellationToken: Cancel));

        Assert.Equal(["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "DELETE /db/neo4j/query/v2/tx/lyU"], server.Lines());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed}");
        using var begin = System.Text.Json.JsonDocument.Parse(server.Requests.First().Body!);
        // Neo4j's own bound on the transaction, should the rollback never arrive.
        Assert.Equal(42, begin.RootElement.GetProperty("maxExecutionTime").GetInt32());
    }

    [Fact]
    public async Task ACancelledTransactionIsRolledBack()
    {
        await using var server = await LoopbackNeo4j.StartAsync();
        server.Answer(202, "begin-transaction.json")
            .Answer(202, "run-in-transaction.json", delay: TimeSpan.FromSeconds(30))
            .Answer(200, "rollback.json");
        using var client = new QueryApiClient(new QueryApiOptions { ServerUri = server.Address });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancel);

        var work = client.ExecuteInTransactionAsync((tx, ct) => tx.RunAsync("MATCH (d:Document) SET d.locked = true", cancellationToken: ct), cancellationToken: cancel.Token);
        while (server.Requests.Count < 2) await Task.Delay(10, Cancel);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work);
        Assert.Equal(["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "DELETE /db/neo4j/query/v2/tx/lyU"], server.Lines());
    }

    [Fact]
    public async Task A503InsideATransactionRollsItBackAndRunsItAllAgain()
    {
        await using var server = await LoopbackNeo4j.StartAsync();
        server.Answer(202, "begin-transaction.json").AnswerText(503, "Neo4j is restarting", "text/plain").Answer(200, "rollback.json")
            .Answer(202, "begin-transaction.json").Answer(202, "run-in-transaction.json").Answer(202, "commit.json");
        using var client = new QueryApiClient(new QueryApiOptions { ServerUri = server.Address, InitialRetryDelay = TimeSpan.FromMilliseconds(1) });

        await client.ExecuteInTransactionAsync((tx, ct) => tx.RunAsync("MERGE (n:Person {name: 'Bob'}) RETURN n AS bob", cancellationToken: ct), cancellationToken: Cancel);

        // The 503 carried no Neo4j error: the transaction might still exist, so it is rolled back before the rerun.
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "DELETE /db/neo4j/query/v2/tx/lyU",
             "POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx/lyU/commit"],
            server.Lines());
    }

    [Fact]
    public async Task ARestartMidIngestIsRiddenOutAndALongOutageResumedWithoutDuplicates()
    {
        var documents = Documents();
        await using var server = new EmbeddedQueryApiServer();
        var relay = new RestartingRelay(server.Server.CreateHandler());
        var http = new HttpClient(relay) { BaseAddress = server.Address };
        using var client = new QueryApiClient(new QueryApiOptions
        {
            ServerUri = http.BaseAddress!,
            ExplicitTransactions = false,
            MaxRetries = 4,
            InitialRetryDelay = TimeSpan.FromMilliseconds(10),
        }, http);
        var store = new Neo4jGraphStore(client);

        // A short restart (three 503s) in the middle of the first document: retried, nothing lost.
        relay.FailNext(after: 3, count: 3);
        await store.IngestAsync(documents[0], Cancel);
        Assert.Equal(3, relay.Failed);

        // A long outage during the second document: the ingest stops with a clear error.
        relay.FailNext(after: 2, count: 1000);
        var error = await Assert.ThrowsAnyAsync<QueryApiException>(async () =>
        {
            foreach (var document in documents.Skip(1)) await store.IngestAsync(document, Cancel);
        });
        Assert.Contains("Gave up after 5 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);

        // Neo4j is back: the same ingest, run again from the start, completes.
        relay.Heal();
        foreach (var document in documents) await store.IngestAsync(document, Cancel);

        var duplicates = await client.RunAsync("MATCH (n) WHERE n.id IS NOT NULL WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS duplicated", cancellationToken: Cancel);
        Assert.Equal(0L, duplicates.Rows.Single()[0]);
        // And the graph is the one an uninterrupted ingest gives.
        await using var reference = new EmbeddedQueryApiServer();
        var referenceHttp = reference.CreateClient();
        using var referenceClient = new QueryApiClient(new QueryApiOptions { ServerUri = referenceHttp.BaseAddress!, ExplicitTransactions = false }, referenceHttp);
        var referenceStore = new Neo4jGraphStore(referenceClient);
        foreach (var document in documents) await referenceStore.IngestAsync(document, Cancel);
        Assert.Equal(await referenceStore.CountAsync(Cancel), await store.CountAsync(Cancel));
        const string EveryRelationship = "MATCH (a)-[r]->(b) RETURN a.id + ' -[' + type(r) + ']-> ' + b.id AS r ORDER BY r";
        var resumed = (await client.RunAsync(EveryRelationship, cancellationToken: Cancel)).Rows.Select(r => r[0]).ToList();
        var uninterrupted = (await referenceClient.RunAsync(EveryRelationship, cancellationToken: Cancel)).Rows.Select(r => r[0]).ToList();
        Assert.Equal(uninterrupted, resumed);
    }

    private static List<GraphDocument> Documents()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Graph.sln"))) root = root.Parent!;
        var seeds = Path.Combine(root.FullName, "graph", "corpus", "seeds");
        var extractor = new DocumentExtractor();
        return [.. Directory.EnumerateFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(extractor.ExtractFile), .. ContractDocuments.All()];
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Passes requests to the server, except that it answers 503 (as a restarting Neo4j's proxy does) when told to.</summary>
    private sealed class RestartingRelay(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _passBeforeFailing = int.MaxValue;
        private int _toFail;

        public int Failed { get; private set; }

        public void FailNext(int after, int count)
        {
            _passBeforeFailing = after;
            _toFail = count;
            Failed = 0;
        }

        public void Heal() => _toFail = 0;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_toFail > 0 && _passBeforeFailing-- <= 0)
            {
                _toFail--;
                Failed++;
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("Neo4j is restarting") };
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

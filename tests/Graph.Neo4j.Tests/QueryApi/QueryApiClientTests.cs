using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Graph.Cypher;
using Graph.Neo4j.QueryApi;

namespace Graph.Neo4j.Tests.QueryApi;

public sealed class QueryApiClientTests
{
    private static readonly QueryApiOptions Options = new()
    {
        ServerUri = new Uri("http://localhost:7474/"),
        User = "neo4j",
        Password = "verysecret",
        InitialRetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetries = 3,
    };

    private static (QueryApiClient Client, ReplayHandler Handler) Replay()
    {
        var handler = new ReplayHandler();
        return (new QueryApiClient(Options, new HttpClient(handler)), handler);
    }

    [Fact]
    public async Task ReadsTheManualsTypedExampleIntoANodeAndAString()
    {
        var (client, handler) = Replay();
        handler.Answer(HttpStatusCode.Accepted, "typed-node-and-string.json");

        var result = await client.RunAsync(
            "MERGE (p:Person {name: $name}) RETURN p AS person, p.name AS name",
            new Dictionary<string, object?> { ["name"] = "Phil" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["person", "name"], result.Fields);
        var person = Assert.IsType<Neo4jNode>(result.Get(0, "person"));
        Assert.Equal("4:ff04df25-ff2b-4b55-98f8-6888297b025e:2", person.ElementId);
        Assert.Equal(["Person"], person.Labels);
        Assert.Equal("Phil", person.Properties["name"]);
        Assert.Equal("Phil", result.Get(0, "name"));
        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"], result.Bookmarks);
    }

    [Fact]
    public async Task SendsTypedParametersWithBasicAuthToTheDatabasesQueryEndpoint()
    {
        var (client, handler) = Replay();
        handler.Answer(HttpStatusCode.Accepted, "typed-node-and-string.json");

        await client.RunAsync("RETURN $values", new Dictionary<string, object?>
        {
            ["big"] = 9007199254740993L,
            ["one"] = 1.0,
            ["text"] = "A/RES/77/13",
            ["flag"] = false,
            ["nothing"] = null,
            ["list"] = new List<object?> { 1L, "two" },
            ["map"] = new Dictionary<string, object?> { ["session"] = 77L },
        }, AccessMode.Read, TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://localhost:7474/db/neo4j/query/v2", request.Uri.AbsoluteUri);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:verysecret")), request.Authorization);
        Assert.Equal("application/vnd.neo4j.query", request.ContentType);
        Assert.StartsWith("application/vnd.neo4j.query", request.Accept, StringComparison.Ordinal);

        using var body = JsonDocument.Parse(request.Body!);
        var root = body.RootElement;
        Assert.Equal("RETURN $values", root.GetProperty("statement").GetString());
        Assert.Equal("Read", root.GetProperty("accessMode").GetString());
        // The server stops the statement when the client stops waiting (RequestTimeout, 100 s by default).
        Assert.Equal(100, root.GetProperty("maxExecutionTime").GetInt32());
        var parameters = root.GetProperty("parameters");
        AssertTyped(parameters.GetProperty("big"), "Integer", "9007199254740993");
        AssertTyped(parameters.GetProperty("one"), "Float", "1");
        AssertTyped(parameters.GetProperty("text"), "String", "A/RES/77/13");
        Assert.Equal("Boolean", parameters.GetProperty("flag").GetProperty("$type").GetString());
        Assert.False(parameters.GetProperty("flag").GetProperty("_value").GetBoolean());
        Assert.Equal("Null", parameters.GetProperty("nothing").GetProperty("$type").GetString());
        var list = parameters.GetProperty("list");
        Assert.Equal("List", list.GetProperty("$type").GetString());
        AssertTyped(list.GetProperty("_value")[0], "Integer", "1");
        AssertTyped(list.GetProperty("_value")[1], "String", "two");
        AssertTyped(parameters.GetProperty("map").GetProperty("_value").GetProperty("session"), "Integer", "77");
    }

    [Fact]
    public async Task ReadsEveryDocumentedTypeIntoItsClrValue()
    {
        var (client, handler) = Replay();
        handler.Answer(HttpStatusCode.Accepted, "typed-every-type.json");

        var result = await client.RunAsync("RETURN everything", cancellationToken: TestContext.Current.CancellationToken);
        EveryTypedValue.AssertRead(field => result.Get(0, field));

        Assert.Equal(0L, result.Counter("nodesCreated"));
        Assert.Equal(false, result.Counters["containsUpdates"]);
        Assert.Equal("Neo.ClientNotification.Statement.UnboundedVariableLengthPattern", Assert.Single(result.Notifications).Code);
    }

    [Fact]
    public async Task ReportsASyntaxErrorWithItsCodeAndDoesNotRetryIt()
    {
        var (client, handler) = Replay();
        handler.Answer(HttpStatusCode.BadRequest, "error-syntax.json");

        var error = await Assert.ThrowsAsync<QueryApiException>(() => client.RunAsync("MATC (n) RETURN n", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Contains("Invalid input 'MATC'", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ReportsAnErrorThatArrivesAfterStreamingBeganInsideA202()
    {
        var (client, handler) = Replay();
        handler.Answer(HttpStatusCode.Accepted, "error-syntax.json");

        var error = await Assert.ThrowsAsync<QueryApiException>(() => client.RunAsync("RETURN 1", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
    }

    [Fact]
    public async Task NamesTheCredentialsToCheckOn401WithoutPrintingThePassword()
    {
        var (client, handler) = Replay();
        handler.Answer(HttpStatusCode.Unauthorized, "error-unauthorized.json");

        var error = await Assert.ThrowsAsync<QueryApiAuthenticationException>(() => client.RunAsync("RETURN 1", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Neo.ClientError.Security.Unauthorized", error.Code);
        Assert.Equal(401, error.HttpStatus);
        Assert.Contains("user 'neo4j'", error.Message, StringComparison.Ordinal);
        Assert.Contains("NEO4J_PASSWORD", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("verysecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamesTheMissingDatabaseOn404()
    {
        var handler = new ReplayHandler().Answer(HttpStatusCode.NotFound, "error-database-not-found.json");
        var client = new QueryApiClient(Options with { Database = "undb" }, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<QueryApiDatabaseNotFoundException>(() => client.RunAsync("RETURN 1", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Neo.ClientError.Database.DatabaseNotFound", error.Code);
        Assert.Contains("no database 'undb'", error.Message, StringComparison.Ordinal);
        Assert.Equal("http://localhost:7474/db/undb/query/v2", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task RetriesATransientErrorAndReturnsTheLaterAnswer()
    {
        var (client, handler) = Replay();
        handler.Answer(HttpStatusCode.BadRequest, "error-deadlock.json")
            .Answer(HttpStatusCode.BadRequest, "error-deadlock.json")
            .Answer(HttpStatusCode.Accepted, "typed-node-and-string.json");

        var result = await client.RunAsync("MERGE (p:Person {name: $name}) RETURN p AS person, p.name AS name",
            new Dictionary<string, object?> { ["name"] = "Phil" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Phil", result.Get(0, "name"));
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal(handler.Requests[0].Body, r.Body));
    }

    [Fact]
    public async Task GivesUpOnATransientErrorAfterTheConfiguredRetries()
    {
        var (client, handler) = Replay();
        for (var i = 0; i <= Options.MaxRetries; i++) handler.Answer(HttpStatusCode.BadRequest, "error-deadlock.json");

        var error = await Assert.ThrowsAsync<QueryApiException>(() => client.RunAsync("RETURN 1", cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(error.IsTransient);
        Assert.Equal("Neo.TransientError.Transaction.DeadlockDetected", error.Code);
        Assert.Equal(Options.MaxRetries + 1, handler.Requests.Count);
    }

    [Fact]
    public async Task RunsAnExplicitTransactionEchoingTheClusterAffinityAndKeepsTheCommitBookmark()
    {
        var (client, handler) = Replay();
        handler.Answer(HttpStatusCode.Accepted, "begin-transaction.json", affinity: "MTAuOC41Ljc6MTc0NzQ=")
            .Answer(HttpStatusCode.Accepted, "run-in-transaction.json", affinity: "MTAuOC41Ljc6MTc0NzQ=")
            .Answer(HttpStatusCode.Accepted, "commit.json", affinity: "MTAuOC41Ljc6MTc0NzQ=")
            .Answer(HttpStatusCode.Accepted, "typed-node-and-string.json");
        var ct = TestContext.Current.CancellationToken;

        await using (var transaction = await client.BeginTransactionAsync(cancellationToken: ct))
        {
            Assert.Equal("lyU", transaction.Id);
            var result = await transaction.RunAsync("MERGE (n:Person {name: $name, age: $age}) RETURN n AS bob",
                new Dictionary<string, object?> { ["name"] = "Bob", ["age"] = 43L }, ct);
            Assert.Equal(43L, Assert.IsType<Neo4jNode>(result.Get(0, "bob")).Properties["age"]);
            await transaction.CommitAsync(ct);
        }
        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"], client.Bookmarks);
        await client.RunAsync("RETURN 1", cancellationToken: ct);

        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx/lyU/commit", "POST /db/neo4j/query/v2"],
            handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
        Assert.Null(handler.Requests[0].Affinity);
        Assert.All(handler.Requests.Skip(1).Take(2), r => Assert.Equal("MTAuOC41Ljc6MTc0NzQ=", r.Affinity));
        Assert.Equal("{}", handler.Requests[2].Body);
        using var next = JsonDocument.Parse(handler.Requests[3].Body!);
        Assert.Equal("FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ", next.RootElement.GetProperty("bookmarks")[0].GetString());
    }

    [Fact]
    public async Task RollsBackWithDeleteAndWhenDisposedUncommitted()
    {
        var (client, handler) = Replay();
        handler.Answer(HttpStatusCode.Accepted, "begin-transaction.json")
            .AnswerEmpty(HttpStatusCode.Accepted)
            .Answer(HttpStatusCode.Accepted, "begin-transaction.json")
            .AnswerEmpty(HttpStatusCode.Accepted);
        var ct = TestContext.Current.CancellationToken;

        var explicitRollback = await client.BeginTransactionAsync(cancellationToken: ct);
        await explicitRollback.RollbackAsync(ct);
        await explicitRollback.DisposeAsync();
        await using (await client.BeginTransactionAsync(cancellationToken: ct))
        {
            // Left without commit: disposal rolls it back.
        }

        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "DELETE /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx", "DELETE /db/neo4j/query/v2/tx/lyU"],
            handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
    }

    [Fact]
    public async Task ReportsAnExpiredTransaction()
    {
        var (client, handler) = Replay();
        handler.Answer(HttpStatusCode.Accepted, "begin-transaction.json")
            .Answer(HttpStatusCode.BadRequest, "error-transaction-expired.json");
        var ct = TestContext.Current.CancellationToken;

        await using var transaction = await client.BeginTransactionAsync(cancellationToken: ct);
        var error = await Assert.ThrowsAsync<QueryApiException>(() => transaction.RunAsync("RETURN 1", cancellationToken: ct));

        Assert.Equal("Neo.ClientError.Request.Invalid", error.Code);
        Assert.Contains("was not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RerunsTheWholeTransactionWhenAStatementHitsATransientError()
    {
        var (client, handler) = Replay();
        handler.Answer(HttpStatusCode.Accepted, "begin-transaction.json")
            .Answer(HttpStatusCode.BadRequest, "error-deadlock.json")
            .Answer(HttpStatusCode.Accepted, "begin-transaction.json")
            .Answer(HttpStatusCode.Accepted, "run-in-transaction.json")
            .Answer(HttpStatusCode.Accepted, "commit.json");
        var attempts = 0;

        var name = await client.ExecuteInTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            var result = await tx.RunAsync("MERGE (n:Person {name: 'Bob'}) RETURN n AS bob", cancellationToken: ct);
            return (string?)Assert.IsType<Neo4jNode>(result.Get(0, "bob")).Properties["name"];
        }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Bob", name);
        Assert.Equal(2, attempts);
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx/lyU/commit"],
            handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
    }

    [Fact]
    public async Task SaysTheServerIsUnreachableWhenNothingListens()
    {
        // A port that was just free: connecting to it is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new QueryApiClient(Options with { ServerUri = new Uri($"http://127.0.0.1:{port}/") });

        var error = await Assert.ThrowsAsync<QueryApiUnavailableException>(() => client.RunAsync("RETURN 1", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains($"not reachable at http://127.0.0.1:{port}/", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Theory]
    [InlineData("http://localhost:7474", "http://localhost:7474/db/neo4j/query/v2")]
    [InlineData("https://example.org:7473/", "https://example.org:7473/db/neo4j/query/v2")]
    [InlineData("neo4j://localhost:7687", "http://localhost:7474/db/neo4j/query/v2")]
    [InlineData("neo4j+s://1a2b3c4d.databases.neo4j.io", "https://1a2b3c4d.databases.neo4j.io/db/neo4j/query/v2")]
    [InlineData("neo4j+s://graph.example.org", "https://graph.example.org:7473/db/neo4j/query/v2")]
    [InlineData("bolt+ssc://graph.example.org:7687", "https://graph.example.org:7473/db/neo4j/query/v2")]
    [InlineData("bolt://graph.example.org:17687", "http://graph.example.org:7474/db/neo4j/query/v2")]
    [InlineData("neo4j://localhost:17687", "http://localhost:8474/db/neo4j/query/v2", 8474)]
    [InlineData("neo4j+s://1a2b3c4d.databases.neo4j.io", "https://1a2b3c4d.databases.neo4j.io:8443/db/neo4j/query/v2", 8443)]
    [InlineData("http://localhost", "http://localhost:8474/db/neo4j/query/v2", 8474)]
    [InlineData("http://localhost:7000", "http://localhost:7000/db/neo4j/query/v2", 8474)]
    public void MapsTheUrlsUsersWriteToTheQueryEndpoint(string url, string expected, int? httpPort = null)
    {
        var options = new QueryApiOptions { ServerUri = QueryApiOptions.ParseServerUri(url, httpPort) };

        Assert.Equal(expected, options.QueryUri.AbsoluteUri);
    }

    [Fact]
    public void ReadsTheEnvironmentAndRejectsAnUnknownScheme()
    {
        var environment = new Dictionary<string, string?>
        {
            ["NEO4J_URL"] = "neo4j+s://1a2b3c4d.databases.neo4j.io",
            ["NEO4J_USER"] = "reader",
            ["NEO4J_PASSWORD"] = "pw",
            ["NEO4J_DATABASE"] = "un",
        };

        var options = QueryApiOptions.FromEnvironment(name => environment.GetValueOrDefault(name))!;

        Assert.Equal("https://1a2b3c4d.databases.neo4j.io/db/un/query/v2", options.QueryUri.AbsoluteUri);
        Assert.Equal("reader", options.User);
        Assert.DoesNotContain("pw", options.ToString(), StringComparison.Ordinal);
        Assert.Null(QueryApiOptions.FromEnvironment(_ => null));
        Assert.Throws<ArgumentException>(() => QueryApiOptions.ParseServerUri("ftp://example.org"));
    }

    [Fact]
    public void ReadsTheHttpPortAndABearerTokenFromTheEnvironment()
    {
        var environment = new Dictionary<string, string?>
        {
            ["NEO4J_URL"] = "neo4j://graph.example.org:17687",
            ["NEO4J_HTTP_PORT"] = "17474",
            ["NEO4J_TOKEN"] = "eyJ.sso.token",
        };

        var options = QueryApiOptions.FromEnvironment(name => environment.GetValueOrDefault(name))!;

        Assert.Equal("http://graph.example.org:17474/db/neo4j/query/v2", options.QueryUri.AbsoluteUri);
        Assert.Equal("eyJ.sso.token", options.BearerToken);
        Assert.DoesNotContain("eyJ", options.ToString(), StringComparison.Ordinal);
        environment["NEO4J_HTTP_PORT"] = "http";
        var error = Assert.Throws<ArgumentException>(() => QueryApiOptions.FromEnvironment(name => environment.GetValueOrDefault(name)));
        Assert.Contains("NEO4J_HTTP_PORT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendsABearerTokenInsteadOfBasicAuthAndNamesItOn401()
    {
        var handler = new ReplayHandler().Answer(HttpStatusCode.Unauthorized, "error-unauthorized.json");
        var client = new QueryApiClient(Options with { BearerToken = "eyJ.sso.token" }, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<QueryApiAuthenticationException>(() => client.RunAsync("RETURN 1", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Bearer eyJ.sso.token", Assert.Single(handler.Requests).Authorization);
        Assert.Contains("NEO4J_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritesTemporalSpatialAndByteParametersAsTheirTypedJsonTypes()
    {
        var (client, handler) = Replay();
        handler.Answer(HttpStatusCode.Accepted, "typed-node-and-string.json");

        await client.RunAsync("RETURN $values", new Dictionary<string, object?>
        {
            ["zoned"] = new CypherTemporal("ZonedDateTime", "2015-11-21T21:40:32.142+01:00[Europe/Berlin]"),
            ["duration"] = new CypherTemporal("Duration", "P14DT16H12M"),
            ["date"] = new DateOnly(2022, 11, 21),
            ["localTime"] = new TimeOnly(12, 50, 35, 556),
            ["localDateTime"] = new DateTime(2015, 7, 4, 19, 32, 24, DateTimeKind.Unspecified),
            ["utc"] = new DateTime(2015, 7, 4, 19, 32, 24, DateTimeKind.Utc),
            ["offset"] = new DateTimeOffset(2015, 11, 21, 21, 40, 32, 142, TimeSpan.FromHours(1)),
            ["span"] = new TimeSpan(14, 16, 12, 0),
            ["point"] = new Graph.Model.SpatialPoint(4979, 56.7, 12.78, 8.0),
            ["bytes"] = new byte[] { 0x03, 0x6f, 0xbf },
        }, cancellationToken: TestContext.Current.CancellationToken);

        using var body = JsonDocument.Parse(Assert.Single(handler.Requests).Body!);
        var parameters = body.RootElement.GetProperty("parameters");
        AssertTyped(parameters.GetProperty("zoned"), "ZonedDateTime", "2015-11-21T21:40:32.142+01:00[Europe/Berlin]");
        AssertTyped(parameters.GetProperty("duration"), "Duration", "P14DT16H12M");
        AssertTyped(parameters.GetProperty("date"), "Date", "2022-11-21");
        AssertTyped(parameters.GetProperty("localTime"), "LocalTime", "12:50:35.556");
        AssertTyped(parameters.GetProperty("localDateTime"), "LocalDateTime", "2015-07-04T19:32:24");
        AssertTyped(parameters.GetProperty("utc"), "OffsetDateTime", "2015-07-04T19:32:24+00:00");
        AssertTyped(parameters.GetProperty("offset"), "OffsetDateTime", "2015-11-21T21:40:32.142+01:00");
        AssertTyped(parameters.GetProperty("span"), "Duration", "P14DT16H12M");
        AssertTyped(parameters.GetProperty("point"), "Point", "SRID=4979;POINT Z (56.7 12.78 8)");
        AssertTyped(parameters.GetProperty("bytes"), "Base64", "A2+/");
    }

    [Fact]
    public async Task UsesAutoCommitOnAServerOlderThan526WithoutTryingTx()
    {
        var (client, handler) = Replay();
        handler.Discovery = "discovery-5.22.json";
        handler.Answer(HttpStatusCode.Accepted, "typed-node-and-string.json").Answer(HttpStatusCode.Accepted, "typed-node-and-string.json");
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 2; i++)
            await client.ExecuteInTransactionAsync((tx, c) => tx.RunAsync("MERGE (p:Person {name: 'Phil'}) RETURN p AS person, p.name AS name", cancellationToken: c), cancellationToken: ct);

        Assert.Equal(["POST /db/neo4j/query/v2", "POST /db/neo4j/query/v2"], handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
        Assert.False(client.UsesExplicitTransactions);
        Assert.Equal(1, handler.DiscoveryRequests);
    }

    [Fact]
    public async Task FallsBackToAutoCommitWhenBeginAnswersABare404()
    {
        var (client, handler) = Replay();
        handler.Discovery = "error-syntax.json"; // not a discovery document: the version is unknown
        handler.AnswerEmpty(HttpStatusCode.NotFound)
            .Answer(HttpStatusCode.Accepted, "typed-node-and-string.json").Answer(HttpStatusCode.Accepted, "typed-node-and-string.json");
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 2; i++)
            await client.ExecuteInTransactionAsync((tx, c) => tx.RunAsync("RETURN 1", cancellationToken: c), cancellationToken: ct);

        Assert.Equal(["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2", "POST /db/neo4j/query/v2"],
            handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
        Assert.False(client.UsesExplicitTransactions);
    }

    [Fact]
    public async Task ABare404NamesTheQueryApiAndWhatTheServerSaysItIs()
    {
        var (client, handler) = Replay();
        handler.Discovery = "discovery-5.15.json";
        handler.AnswerEmpty(HttpStatusCode.NotFound);

        var error = await Assert.ThrowsAsync<QueryApiException>(() => client.RunAsync("RETURN 1", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("no Query API endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("Neo4j 5.15.0 (community)", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not list the Query API", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no database", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.BadGateway)]
    public async Task DoesNotRetryAnAnswerThatMayHaveRun(HttpStatusCode status)
    {
        var (client, handler) = Replay();
        handler.AnswerEmpty(status);

        var error = await Assert.ThrowsAsync<QueryApiException>(() => client.RunAsync("CREATE (:Once)", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal((int)status, error.HttpStatus);
        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData("SRID=7203;POINT (1.2 3.4)", true)]
    [InlineData("SRID=4979;POINT Z (56.7 12.78 8.5)", true)]
    [InlineData("SRID=4326;POINT (1 2 3)", false)]
    [InlineData("POINT (1 2)", false)]
    [InlineData("SRID=4326;POINT (east north)", false)]
    [InlineData("SRID=1234;POINT (1 2)", false)]
    public void ReadsAndWritesPointTextOrRefusesIt(string text, bool isPoint)
    {
        Assert.Equal(isPoint, Graph.Model.SpatialPoint.TryParse(text, out var point, out var why));
        if (point is not null) Assert.Equal(text, point.Wkt);
        else Assert.Contains(text, why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5.26.0", true)]
    [InlineData("5.27-aura", true)]
    [InlineData("2025.01.0", true)]
    [InlineData("5.25.1", false)]
    [InlineData("5.19.0", false)]
    [InlineData("dev", null)]
    public void KnowsWhichVersionsHaveQueryApiTransactions(string version, bool? expected) =>
        Assert.Equal(expected, new ServerInfo(version, null, true).HasQueryTransactions);

    private static void AssertTyped(JsonElement value, string type, string text)
    {
        Assert.Equal(type, value.GetProperty("$type").GetString());
        Assert.Equal(text, value.GetProperty("_value").GetString());
    }
}

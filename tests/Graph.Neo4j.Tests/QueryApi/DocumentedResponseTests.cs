using Graph.Cypher;
using Graph.Neo4j.QueryApi;

namespace Graph.Neo4j.Tests.QueryApi;

/// <summary>
/// The recorded-response suite: every value type, status and error shape Neo4j's Query API manual documents,
/// served over HTTP by a loopback stand-in, read by the client as it reads a real Neo4j.
/// </summary>
public sealed class DocumentedResponseTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static QueryApiClient ClientOf(LoopbackNeo4j server, int maxRetries = 2) => new(new QueryApiOptions
    {
        ServerUri = server.Address,
        Password = "verysecret",
        MaxRetries = maxRetries,
        InitialRetryDelay = TimeSpan.FromMilliseconds(1),
    });

    [Fact]
    public async Task ReadsEveryTypedValueTheManualLists()
    {
        await using var server = await LoopbackNeo4j.StartAsync();
        server.Answer(202, "typed-every-type.json").Answer(202, "typed-points-and-extremes.json");
        using var client = ClientOf(server);

        var every = await client.RunAsync("RETURN everything", cancellationToken: Cancel);
        EveryTypedValue.AssertRead(field => every.Get(0, field));

        var extremes = await client.RunAsync("RETURN extremes", cancellationToken: Cancel);
        Assert.Equal(new Graph.Model.SpatialPoint(4979, 56.7, 12.78, 8.0), extremes.Get(0, "point3d"));
        Assert.Equal(new Graph.Model.SpatialPoint(4326, 12.5, 55.7), extremes.Get(0, "geographic"));
        Assert.Equal(long.MinValue, extremes.Get(0, "minInteger"));
        Assert.True(double.IsNaN(Assert.IsType<double>(extremes.Get(0, "nan"))));
        Assert.Equal(double.NegativeInfinity, extremes.Get(0, "infinity"));
        Assert.Equal(new CypherTemporal("Time", "12:50:35.556000001+01:00"), extremes.Get(0, "nanoTime"));
        Assert.Equal("ZonedDateTime", Assert.IsType<CypherTemporal>(extremes.Get(0, "zoned")).Type);
        Assert.Empty(Assert.IsType<List<object?>>(extremes.Get(0, "emptyList")));
        Assert.Empty(Assert.IsType<Dictionary<string, object?>>(extremes.Get(0, "emptyMap")));
    }

    [Fact]
    public async Task ReadsPlainJsonIntegersAsIntegersAndItsCounters()
    {
        await using var server = await LoopbackNeo4j.StartAsync();
        server.AnswerText(202, ReplayHandler.Payload("plain-counters.json"), "application/json")
            .AnswerText(202, ReplayHandler.Payload("plain-graph-values.json"), "application/json");
        using var client = ClientOf(server);

        var counted = await client.RunAsync("UNWIND range(1, 3) AS i CREATE (:Person {i: i, j: i})", cancellationToken: Cancel);
        Assert.Equal(3L, counted.Get(0, "created"));
        Assert.Equal(0.5, counted.Get(0, "ratio"));
        Assert.Equal(3, counted.Counter("nodesCreated"));
        Assert.Equal(6, counted.Counter("propertiesSet"));
        Assert.Equal(2, counted.Counter("relationshipsCreated"));
        Assert.Equal(true, counted.Counters["containsUpdates"]);

        var plain = await client.RunAsync("MATCH p = (n)-[r]->() RETURN ...", cancellationToken: Cancel);
        var node = Assert.IsType<Dictionary<string, object?>>(plain.Get(0, "n"));
        Assert.Equal(42L, Assert.IsType<Dictionary<string, object?>>(node["properties"])["age"]);
        Assert.Equal("LIKES", Assert.IsType<Dictionary<string, object?>>(plain.Get(0, "r"))["type"]);
        Assert.Equal(3, Assert.IsType<List<object?>>(plain.Get(0, "p")).Count);
        Assert.Equal(9007199254740993L, plain.Get(0, "big"));
        // Plain JSON carries no types: temporal, spatial and byte values are the server's text.
        Assert.Equal("2015-03-26", plain.Get(0, "date"));
        Assert.Equal("SRID=7203;POINT (1.2 3.4)", plain.Get(0, "point"));
    }

    [Fact]
    public async Task ReadsRowsBesideAProfiledPlanAndNotificationsWithTheirPosition()
    {
        await using var server = await LoopbackNeo4j.StartAsync();
        server.Answer(202, "profile.json").Answer(202, "typed-every-type.json");
        using var client = ClientOf(server);

        var profiled = await client.RunAsync("PROFILE RETURN 1 AS n", cancellationToken: Cancel);
        Assert.Equal(1L, profiled.Get(0, "n"));
        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"], profiled.Bookmarks);

        var notified = await client.RunAsync("MATCH p = shortestPath(()-[*]->()) RETURN p", cancellationToken: Cancel);
        var notification = Assert.Single(notified.Notifications);
        Assert.Equal("INFORMATION", notification.Severity);
        Assert.StartsWith("The provided pattern is unbounded", notification.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "error-syntax.json", "Neo.ClientError.Statement.SyntaxError", "Invalid input 'MATC'")]
    [InlineData(400, "error-bad-request.json", "Neo.ClientError.Request.Invalid", "Bad Request")]
    [InlineData(400, "error-parameter-missing.json", "Neo.ClientError.Statement.ParameterMissing", "Expected parameter(s): name")]
    [InlineData(403, "error-forbidden.json", "Neo.ClientError.Security.Forbidden", "are not allowed for user 'reader'")]
    [InlineData(404, "error-database-not-found.json", "Neo.ClientError.Database.DatabaseNotFound", "no database 'neo4j'")]
    [InlineData(401, "error-unauthorized.json", "Neo.ClientError.Security.Unauthorized", "Check NEO4J_USER and NEO4J_PASSWORD")]
    [InlineData(202, "error-after-streaming.json", "Neo.ClientError.Statement.ArithmeticError", "/ by zero")]
    public async Task ReportsEachDocumentedClientErrorOnceWithItsCode(int status, string payload, string code, string says)
    {
        await using var server = await LoopbackNeo4j.StartAsync();
        server.Answer(status, payload);
        using var client = ClientOf(server);

        var error = await Assert.ThrowsAnyAsync<QueryApiException>(() => client.RunAsync("RETURN 1", cancellationToken: Cancel));

        Assert.Equal(code, error.Code);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("verysecret", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsRetryable);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("error-deadlock.json")]
    [InlineData("error-database-unavailable.json")]
    public async Task RetriesEachDocumentedTransientErrorThenReadsTheAnswer(string payload)
    {
        await using var server = await LoopbackNeo4j.StartAsync();
        server.Answer(400, payload).Answer(202, "typed-node-and-string.json");
        using var client = ClientOf(server);

        var result = await client.RunAsync("MERGE (p:Person {name: 'Phil'}) RETURN p AS person, p.name AS name", cancellationToken: Cancel);

        Assert.Equal("Phil", result.Get(0, "name"));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task RunsTheManualsTransactionFromBeginToCommitAndRollsAnotherBack()
    {
        await using var server = await LoopbackNeo4j.StartAsync();
        server.Answer(202, "begin-transaction.json").Answer(202, "run-in-transaction.json").Answer(202, "commit.json")
            .Answer(202, "begin-transaction.json").Answer(200, "rollback.json");
        using var client = ClientOf(server);

        var age = await client.ExecuteInTransactionAsync(async (tx, ct) =>
            Assert.IsType<Neo4jNode>((await tx.RunAsync("MERGE (n:Person {name: 'Bob', age: 43}) RETURN n AS bob", cancellationToken: ct)).Get(0, "bob")).Properties["age"],
            cancellationToken: Cancel);
        await using (var abandoned = await client.BeginTransactionAsync(cancellationToken: Cancel))
            await abandoned.RollbackAsync(Cancel);

        Assert.Equal(43L, age);
        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"], client.Bookmarks);
        Assert.True(client.UsesExplicitTransactions);
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx/lyU/commit", "POST /db/neo4j/query/v2/tx", "DELETE /db/neo4j/query/v2/tx/lyU"],
            server.Lines());
    }

    [Fact]
    public async Task AnExpiredTransactionIsReportedAndNotRolledBackTwice()
    {
        await using var server = await LoopbackNeo4j.StartAsync();
        server.Answer(202, "begin-transaction.json").Answer(404, "error-transaction-expired.json");
        using var client = ClientOf(server);

        await using (var transaction = await client.BeginTransactionAsync(cancellationToken: Cancel))
        {
            var error = await Assert.ThrowsAsync<QueryApiException>(() => transaction.RunAsync("RETURN 1", cancellationToken: Cancel));
            Assert.Equal("Neo.ClientError.Request.Invalid", error.Code);
            Assert.Contains("was not found", error.Message, StringComparison.Ordinal);
        }

        // Neo4j reported the error, so the transaction is gone: disposal sends no DELETE.
        Assert.Equal(["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU"], server.Lines());
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Graph.Neo4j.QueryApi;
using Graph.Neo4j.Tests.QueryApi;
using Graph.Neo4j.Tests.Store;
using Graph.Store.Tests.Contract;

namespace Graph.Neo4j.Tests.Cli;

/// <summary>
/// <c>graph query --store neo4j</c> as a user runs it: the CLI process, configured by NEO4J_* variables,
/// talking over HTTP to a Query API server (this project's own endpoint on a local port).
/// </summary>
public sealed class QueryStoreOptionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QueriesNeo4jAndPrintsJson()
    {
        await using var server = EmbeddedQueryApiServer.ListeningOnLocalPort();
        await using (var store = new Neo4jGraphStore(new QueryApiClient(new QueryApiOptions { ServerUri = server.Address, ExplicitTransactions = false })))
            await store.IngestAsync(ContractDocuments.LonelyResolution(), Token);

        var (exit, output, error) = await RunAsync(
            ["query", "MATCH (d:Document {id: $id}) RETURN d.title AS title, d.session AS session", "--param", "id=A/RES/1/1", "--store", "neo4j", "--format", "json"],
            new() { ["NEO4J_URL"] = server.Address.AbsoluteUri, ["NEO4J_PASSWORD"] = "unused" });

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["title", "session"], json.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        var row = json.RootElement.GetProperty("values")[0];
        Assert.StartsWith("Establishment of a Commission", row[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, row[1].GetInt64());
    }

    [Fact]
    public async Task SendsAWholeNumberParameterAsAnIntegerSoThatLimitTakesIt()
    {
        await using var neo4j = await LoopbackNeo4j.StartAsync();
        neo4j.Answer(202, "typed-node-and-string.json");

        var (exit, _, error) = await RunAsync(
            ["query", "UNWIND range(1, 5) AS x RETURN x LIMIT $n", "--param", "n=2", "--param", "ratio=0.5", "--store", "neo4j", "--format", "json"],
            new() { ["NEO4J_URL"] = neo4j.Address.AbsoluteUri });

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var body = JsonDocument.Parse(Assert.Single(neo4j.Requests).Body!);
        var parameters = body.RootElement.GetProperty("parameters");
        Assert.Equal("Integer", parameters.GetProperty("n").GetProperty("$type").GetString());
        Assert.Equal("2", parameters.GetProperty("n").GetProperty("_value").GetString());
        Assert.Equal("Float", parameters.GetProperty("ratio").GetProperty("$type").GetString());
    }

    [Fact]
    public async Task LimitsByAnIntegerParameterOnAQueryApiServer()
    {
        await using var server = EmbeddedQueryApiServer.ListeningOnLocalPort();

        var (exit, output, error) = await RunAsync(
            ["query", "UNWIND range(1, 5) AS x RETURN x LIMIT $n", "--param", "n=2", "--store", "neo4j", "--format", "json"],
            new() { ["NEO4J_URL"] = server.Address.AbsoluteUri });

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var json = JsonDocument.Parse(output);
        Assert.Equal([1L, 2L], json.RootElement.GetProperty("values").EnumerateArray().Select(r => r[0].GetInt64()));
    }

    [Fact]
    public async Task SaysWhatToSetWhenNeo4jIsNotConfigured()
    {
        var (exit, _, error) = await RunAsync(["query", "RETURN 1", "--store", "neo4j"], new() { ["NEO4J_URL"] = null });

        Assert.Equal(2, exit);
        Assert.Contains("NEO4J_URL", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysNeo4jIsUnreachableWithoutAStackTrace()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, _, error) = await RunAsync(["query", "RETURN 1", "--store", "neo4j"], new() { ["NEO4J_URL"] = $"http://127.0.0.1:{port}" });

        Assert.Equal(1, exit);
        Assert.Contains("not reachable", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestsRealDocumentsIntoNeo4jAsTheEmbeddedStoreDoesAndExportsTheSameGraph()
    {
        // The two seed resolutions of the bundled corpus, extracted for real, through both stores.
        var seeds = Path.Combine(RepositoryRoot(), "graph", "corpus", "seeds");
        var dataDir = Path.Combine(Path.GetTempPath(), "graph-neo4j-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var embeddedIngest = await RunAsync(["ingest", seeds, "--data", dataDir, "--quiet"], []);
            Assert.True(embeddedIngest.Exit == 0, embeddedIngest.Output + embeddedIngest.Error);
            var embedded = await RunAsync(["export", "--data", dataDir, "--format", "json"], []);
            Assert.True(embedded.Exit == 0, embedded.Error);

            await using var server = EmbeddedQueryApiServer.ListeningOnLocalPort();
            Dictionary<string, string?> neo4j = new()
            {
                ["NEO4J_URL"] = server.Address.AbsoluteUri, ["NEO4J_EXPLICIT_TRANSACTIONS"] = "false", ["NEO4J_APPLY_SCHEMA"] = "false",
            };
            var neo4jIngest = await RunAsync(["ingest", seeds, "--store", "neo4j", "--quiet"], neo4j);
            Assert.True(neo4jIngest.Exit == 0, neo4jIngest.Output + neo4jIngest.Error);
            Assert.Contains("Neo4j at", neo4jIngest.Output, StringComparison.Ordinal);
            var again = await RunAsync(["ingest", seeds, "--store", "neo4j", "--quiet"], neo4j);
            Assert.Contains("0 added, 0 replaced, 2 unchanged", again.Output, StringComparison.Ordinal);
            var exported = await RunAsync(["export", "--store", "neo4j", "--format", "json"], neo4j);
            Assert.True(exported.Exit == 0, exported.Error);

            var expected = Graph.Model.GraphJson.Deserialize(embedded.Output);
            var actual = Graph.Model.GraphJson.Deserialize(exported.Output);
            Assert.True(expected.Nodes.Count > 50, $"the seeds should make a real graph, got {expected.Nodes.Count} nodes");
            Assert.Equal(embedded.Output, exported.Output);
            Assert.Equal(expected.Relationships.Count, actual.Relationships.Count);
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Graph.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Graph.sln) is not above the test's folder.");
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] arguments, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "graph.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in (string[])["NEO4J_URL", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "NEO4J_TOKEN", "NEO4J_HTTP_PORT"]) start.Environment.Remove(name);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var error = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        return (process.ExitCode, await output, await error);
    }
}

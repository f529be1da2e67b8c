using System.Text.RegularExpressions;

namespace Graph.Web.Tests;

/// <summary>
/// The main command as a person runs it: the built server started from the repository root (where there is
/// no appsettings.json) on an empty data directory builds the graph, prints its address, answers, and keeps
/// its console to what matters (no Information line per request). Folders named in Graph:CorpusDirs are built
/// in at the start that first names them, and not again while their files are unchanged.
/// </summary>
public sealed partial class ServerProcessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartedFromTheRepositoryRootItBuildsPrintsItsAddressAndStaysQuietPerRequest()
    {
        var dataDir = Directory.CreateTempSubdirectory("graph-server-").FullName;
        try
        {
            await using var server = await StartAsync(dataDir);
            using var client = new HttpClient { BaseAddress = server.Address };
            for (var i = 0; i < 3; i++)
                Assert.Contains("A/RES/77/13", await client.GetStringAsync("api/search?q=77/13", Cancel), StringComparison.Ordinal);
            await Task.Delay(300, Cancel);

            var console = server.Output;
            Assert.Contains("Stored 2 documents of " + TestData.BundledCorpus, console, StringComparison.Ordinal);
            Assert.DoesNotContain("Request starting", console, StringComparison.Ordinal);
            Assert.DoesNotContain("Executing endpoint", console, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task AFolderNamedInCorpusDirsIsBuiltInOnceAndKeptAcrossRestarts()
    {
        var corpus = TestData.Corpus;
        var dataDir = Directory.CreateTempSubdirectory("graph-server-").FullName;
        try
        {
            await using (var seedsOnly = await StartAsync(dataDir))
                Assert.Equal(2, await DocumentCountAsync(seedsOnly));

            await using (var withCorpus = await StartAsync(dataDir, "--Graph:CorpusDirs=" + corpus))
            {
                Assert.Equal(73, await DocumentCountAsync(withCorpus));
                Assert.DoesNotContain("Building the graph from " + TestData.BundledCorpus, withCorpus.Output, StringComparison.Ordinal);
                Assert.Contains("Building the graph from " + corpus, withCorpus.Output, StringComparison.Ordinal);
            }

            await using var again = await StartAsync(dataDir, "--Graph:CorpusDirs=" + corpus);
            Assert.Equal(73, await DocumentCountAsync(again));
            Assert.DoesNotContain("Building the graph", again.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<long> DocumentCountAsync(ServerChildProcess server)
    {
        using var client = new HttpClient { BaseAddress = server.Address };
        var body = await client.GetStringAsync("health", Cancel);
        var match = DocumentsField().Match(body);
        Assert.True(match.Success, "no document count in /health: " + body);
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The built server started from the repository root on <paramref name="dataDir"/>, as the README's first command does.</summary>
    private static Task<ServerChildProcess> StartAsync(string dataDir, params string[] settings) =>
        ServerChildProcess.StartAsync(TestData.Root, ["--Graph:DataDir", dataDir, .. settings], Cancel);

    [GeneratedRegex(@"""documents""\s*:\s*(\d+)")]
    private static partial Regex DocumentsField();
}

using System.Diagnostics;
using System.Text;
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
            await using var server = await RunningServer.StartAsync(dataDir);
            using var client = new HttpClient { BaseAddress = new Uri(server.Address) };
            for (var i = 0; i < 3; i++)
                Assert.Contains("A/RES/77/13", await client.GetStringAsync("api/search?q=77/13", Cancel), StringComparison.Ordinal);
            await Task.Delay(300, Cancel);

            var console = server.Console;
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
            await using (var seedsOnly = await RunningServer.StartAsync(dataDir))
                Assert.Equal(2, await DocumentCountAsync(seedsOnly));

            await using (var withCorpus = await RunningServer.StartAsync(dataDir, "--Graph:CorpusDirs=" + corpus))
            {
                Assert.Equal(73, await DocumentCountAsync(withCorpus));
                Assert.DoesNotContain("Building the graph from " + TestData.BundledCorpus, withCorpus.Console, StringComparison.Ordinal);
                Assert.Contains("Building the graph from " + corpus, withCorpus.Console, StringComparison.Ordinal);
            }

            await using var again = await RunningServer.StartAsync(dataDir, "--Graph:CorpusDirs=" + corpus);
            Assert.Equal(73, await DocumentCountAsync(again));
            Assert.DoesNotContain("Building the graph", again.Console, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<long> DocumentCountAsync(RunningServer server)
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.Address) };
        var body = await client.GetStringAsync("health", Cancel);
        var match = DocumentsField().Match(body);
        Assert.True(match.Success, "no document count in /health: " + body);
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The built server as a child process started from the repository root, killed on dispose.</summary>
    private sealed class RunningServer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output;

        private RunningServer(Process process, StringBuilder output, string address)
        {
            _process = process;
            _output = output;
            Address = address;
        }

        public string Address { get; }

        public string Console
        {
            get
            {
                lock (_output) return _output.ToString();
            }
        }

        public static async Task<RunningServer> StartAsync(string dataDir, params string[] settings)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = TestData.Root };
            foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "Graph.Web.dll"), "--urls", "http://127.0.0.1:0", "--Graph:DataDir", dataDir }.Concat(settings))
                info.ArgumentList.Add(arg);
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            var output = new StringBuilder();
            var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new RunningServer(process, output, "");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                if (ExplorerLine().Match(server.Console) is { Success: true } match) return new RunningServer(process, output, match.Groups[1].Value);
                await Task.Delay(100, Cancel);
            }

            var console = server.Console;
            await server.DisposeAsync();
            throw new TimeoutException("The server printed no address:\n" + console);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
            _process.Dispose();
        }
    }

    [GeneratedRegex(@"Graph explorer: (http://\S+/)")]
    private static partial Regex ExplorerLine();

    [GeneratedRegex(@"""documents""\s*:\s*(\d+)")]
    private static partial Regex DocumentsField();
}

using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Web.Tests;

/// <summary>
/// The main command as a person runs it: the built server started from the repository root (where there is
/// no appsettings.json) on an empty data directory builds the graph, prints its address, answers, and keeps
/// its console to what matters (no Information line per request).
/// </summary>
public sealed partial class ServerProcessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartedFromTheRepositoryRootItBuildsPrintsItsAddressAndStaysQuietPerRequest()
    {
        var dataDir = Directory.CreateTempSubdirectory("graph-server-").FullName;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryRoot() };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "Graph.Web.dll"), "--urls", "http://127.0.0.1:0", "--Graph:DataDir", dataDir })
            info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await WaitForAddressAsync(output, TimeSpan.FromSeconds(90));
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            for (var i = 0; i < 3; i++)
                Assert.Contains("A/RES/77/13", await client.GetStringAsync("api/search?q=77/13", Cancel), StringComparison.Ordinal);
            await Task.Delay(300, Cancel);

            var console = Snapshot(output);
            Assert.Contains("Built the graph from 73 documents", console, StringComparison.Ordinal);
            Assert.DoesNotContain("Request starting", console, StringComparison.Ordinal);
            Assert.DoesNotContain("Executing endpoint", console, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<string> WaitForAddressAsync(StringBuilder output, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (ExplorerLine().Match(Snapshot(output)) is { Success: true } match) return match.Groups[1].Value;
            await Task.Delay(100, Cancel);
        }
        throw new TimeoutException("The server printed no address within " + timeout + ":\n" + Snapshot(output));
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Graph.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Graph.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"Graph explorer: (http://\S+/)")]
    private static partial Regex ExplorerLine();
}

using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Web.Tests.QueryApiClient;

/// <summary>
/// Neo4j Labs' Query API client (npm <c>@neo4j-labs/experimental-query-api-wrapper</c>, pinned by the lockfile beside
/// this file) runs <c>battery.mjs</c> against the real server on 127.0.0.1: a test of our endpoint written by a
/// client we did not write. The battery runs once; each of its checks is a test case of its own here.
/// </summary>
public sealed partial class QueryApiClientBatteryTests(QueryApiClientBatteryTests.Battery battery) : IClassFixture<QueryApiClientBatteryTests.Battery>
{
    private static readonly string Folder = Path.Combine(TestData.Root, "tests", "Graph.Web.Tests", "QueryApiClient");

    /// <summary>The checks battery.mjs declares, read from its source, so that a check the run never reported fails.</summary>
    public static TheoryData<string> Checks()
    {
        var data = new TheoryData<string>();
        foreach (Match match in CheckDeclaration().Matches(File.ReadAllText(Path.Combine(Folder, "battery.mjs")))) data.Add(match.Groups[1].Value);
        return data;
    }

    [Theory]
    [MemberData(nameof(Checks))]
    public async Task CheckPasses(string check)
    {
        var report = await battery.ReportAsync();
        Assert.True(report.Results.TryGetValue(check, out var result), $"The battery did not report '{check}'. Its output:\n{report.Output}");
        Assert.True(result == "PASS", $"'{check}' failed: {result}");
    }

    [Fact]
    public async Task RunsAtLeastFiftyChecksAndFinishes()
    {
        var report = await battery.ReportAsync();
        Assert.Matches(@"DONE \d+/\d+", report.Output);
        Assert.True(report.Results.Count >= 50, $"Only {report.Results.Count} checks ran:\n{report.Output}");
        Assert.Equal(Checks().Count, report.Results.Count);
    }

    [GeneratedRegex(@"^check\('((?:[^'\\]|\\.)+)'", RegexOptions.Multiline)]
    private static partial Regex CheckDeclaration();

    /// <summary>The battery's report: check name to "PASS" or the failure, and the whole output for messages.</summary>
    public sealed record Report(IReadOnlyDictionary<string, string> Results, string Output);

    /// <summary>Bundles the battery with esbuild, starts the server, runs the battery once with Node.js.</summary>
    public sealed partial class Battery : IAsyncLifetime
    {
        private const string Token = "battery-token-41c9";
        private const int IdleSeconds = 2;
        private readonly string _work = Directory.CreateTempSubdirectory("graph-query-api-client-").FullName;
        private readonly SemaphoreSlim _once = new(1, 1);
        private Report? _report;
        private Process? _server;
        private readonly StringBuilder _serverOutput = new();

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async Task<Report> ReportAsync()
        {
            if (!File.Exists(Path.Combine(Folder, "node_modules", "@neo4j-labs", "experimental-query-api-wrapper", "package.json")))
                Assert.Skip($"The client is not installed: run 'npm ci' in {Path.GetRelativePath(TestData.Root, Folder)} (test.sh does).");
            await _once.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                return _report ??= await RunAsync();
            }
            finally
            {
                _once.Release();
            }
        }

        private async Task<Report> RunAsync()
        {
            var bundle = Path.Combine(_work, "battery.cjs");
            // esbuild's JavaScript API finds its native binary in the platform package npm installed beside it.
            var build = $"require('esbuild').buildSync({{entryPoints: ['battery.mjs'], bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', outfile: {System.Text.Json.JsonSerializer.Serialize(bundle)}}})";
            var (bundled, bundleOutput) = await RunNodeAsync(Folder, TimeSpan.FromMinutes(2), "-e", build);
            Assert.True(bundled == 0, "esbuild could not bundle the battery:\n" + bundleOutput);
            var address = await StartServerAsync();
            var (exit, output) = await RunNodeAsync(_work, TimeSpan.FromMinutes(3), bundle, address.ToString().TrimEnd('/'), Token, IdleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var results = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in output.Split('\n'))
            {
                if (line.StartsWith("PASS ", StringComparison.Ordinal)) results[line[5..].Trim()] = "PASS";
                else if (line.StartsWith("FAIL ", StringComparison.Ordinal) && line.IndexOf(": ", StringComparison.Ordinal) is var colon and > 5)
                    results[line[5..colon]] = line[(colon + 2)..].Trim();
            }
            Assert.True(exit == 0, $"The battery ended with exit code {exit}:\n{output}\nServer:\n{ServerOutput}");
            return new Report(results, output);
        }

        private string ServerOutput
        {
            get { lock (_serverOutput) return _serverOutput.ToString(); }
        }

        private async Task<Uri> StartServerAsync()
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _work };
            string[] args =
            [
                "exec", Path.Combine(AppContext.BaseDirectory, "Graph.Web.dll"), "--urls", "http://127.0.0.1:0",
                "--Graph:DataDir", Path.Combine(_work, "data"), "--Graph:CorpusDir", TestData.Seeds, "--Graph:ApiToken", Token,
                "--Graph:TransactionTimeoutSeconds", IdleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Graph:RateLimitPermits", "0",
            ];
            foreach (var arg in args) info.ArgumentList.Add(arg);
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            _server = new Process { StartInfo = info };
            _server.OutputDataReceived += (_, e) => { lock (_serverOutput) _serverOutput.AppendLine(e.Data); };
            _server.ErrorDataReceived += (_, e) => { lock (_serverOutput) _serverOutput.AppendLine(e.Data); };
            _server.Start();
            _server.BeginOutputReadLine();
            _server.BeginErrorReadLine();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                if (ExplorerLine().Match(ServerOutput) is { Success: true } match) return new Uri(match.Groups[1].Value);
                await Task.Delay(100);
            }
            throw new InvalidOperationException("The server printed no address:\n" + ServerOutput);
        }

        private static async Task<(int Exit, string Output)> RunNodeAsync(string directory, TimeSpan budget, params string[] args)
        {
            var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
            foreach (var arg in args) info.ArgumentList.Add(arg);
            Process process;
            try
            {
                process = Process.Start(info)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Skip("Node.js is not installed: the Query API client battery needs it.");
                throw;
            }
            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(budget);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    return (-1, $"Stopped after {budget.TotalSeconds:0} s.\n{await stdout}\n{await stderr}");
                }
                return (process.ExitCode, (await stdout) + (await stderr));
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_server is not null)
            {
                if (!_server.HasExited) _server.Kill(entireProcessTree: true);
                await _server.WaitForExitAsync(CancellationToken.None);
                _server.Dispose();
            }
            try { Directory.Delete(_work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        [GeneratedRegex(@"Graph explorer: (http://\S+/)")]
        private static partial Regex ExplorerLine();
    }
}

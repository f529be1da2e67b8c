using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Graph.Web.Tests.QueryApiClient;

/// <summary>
/// Neo4j Labs' Query API client (npm <c>@neo4j-labs/experimental-query-api-wrapper</c>, pinned by the lockfile beside
/// this file) running <c>battery.mjs</c> against a Query API server: the checks it declares are test cases of the
/// test classes that derive from this one, each class pointing the same battery at its own server.
/// </summary>
public abstract partial class QueryApiClientBattery<TRun>(TRun run) where TRun : BatteryRun
{
    /// <summary>The checks battery.mjs declares, read from its source, so that a check the run never reported fails.</summary>
    public static TheoryData<string> Checks()
    {
        var data = new TheoryData<string>();
        foreach (Match match in CheckDeclaration().Matches(File.ReadAllText(Path.Combine(BatteryRun.Folder, "battery.mjs")))) data.Add(match.Groups[1].Value);
        return data;
    }

    [Theory]
    [MemberData(nameof(Checks))]
    public async Task CheckPasses(string check)
    {
        var report = await run.ReportAsync();
        Assert.True(report.Results.TryGetValue(check, out var result), $"The battery did not report '{check}'. Its output:\n{report.Output}");
        if (result.StartsWith(BatteryRun.Skipped, StringComparison.Ordinal)) Assert.Skip(result[BatteryRun.Skipped.Length..]);
        Assert.True(result == "PASS", $"'{check}' failed: {result}");
    }

    [Fact]
    public async Task RunsAtLeastFiftyChecksAndFinishes()
    {
        var report = await run.ReportAsync();
        Assert.Matches(@"DONE \d+/\d+", report.Output);
        Assert.True(report.Results.Count >= 50, $"Only {report.Results.Count} checks ran:\n{report.Output}");
        Assert.Equal(Checks().Count, report.Results.Count);
    }

    [GeneratedRegex(@"^check\('((?:[^'\\]|\\.)+)'", RegexOptions.Multiline)]
    private static partial Regex CheckDeclaration();
}

/// <summary>The battery's report: check name to "PASS", "SKIP: why" or the failure, and the whole output for messages.</summary>
public sealed record BatteryReport(IReadOnlyDictionary<string, string> Results, string Output);

/// <summary>
/// One run of the battery, shared by the test cases of a class: bundles it with esbuild, has the server it is
/// pointed at (<see cref="ServerAsync"/>), runs it once with Node.js and reads its report.
/// </summary>
public abstract class BatteryRun : IAsyncLifetime
{
    internal const string Skipped = "SKIP: ";

    internal static readonly string Folder = Path.Combine(TestData.Root, "tests", "Graph.Web.Tests", "QueryApiClient");

    private readonly SemaphoreSlim _once = new(1, 1);
    private BatteryReport? _report;

    /// <summary>A folder of the run's own, for the bundle and whatever the server needs.</summary>
    protected string Work { get; } = Directory.CreateTempSubdirectory("graph-query-api-client-").FullName;

    /// <summary>The server's settings for the battery (BATTERY_* variables, see battery.mjs), or a skip with its reason.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>> ServerAsync();

    /// <summary>What the server printed, for a failure's message.</summary>
    protected virtual string ServerOutput => "";

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async Task<BatteryReport> ReportAsync()
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

    private async Task<BatteryReport> RunAsync()
    {
        var settings = await ServerAsync();
        var bundle = Path.Combine(Work, "battery.cjs");
        // esbuild's JavaScript API finds its native binary in the platform package npm installed beside it.
        var build = $"require('esbuild').buildSync({{entryPoints: ['battery.mjs'], bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', outfile: {System.Text.Json.JsonSerializer.Serialize(bundle)}}})";
        var (bundled, bundleOutput) = await RunNodeAsync(Folder, TimeSpan.FromMinutes(2), new Dictionary<string, string>(), "-e", build);
        Assert.True(bundled == 0, "esbuild could not bundle the battery:\n" + bundleOutput);
        var (exit, output) = await RunNodeAsync(Work, TimeSpan.FromMinutes(4), settings, bundle);
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("PASS ", StringComparison.Ordinal)) results[line[5..].Trim()] = "PASS";
            else if ((line.StartsWith("FAIL ", StringComparison.Ordinal) || line.StartsWith("SKIP ", StringComparison.Ordinal))
                     && line.IndexOf(": ", StringComparison.Ordinal) is var colon and > 5)
                results[line[5..colon]] = (line.StartsWith('S') ? Skipped : "") + line[(colon + 2)..].Trim();
        }
        Assert.True(exit == 0, $"The battery ended with exit code {exit}:\n{output}\nServer:\n{ServerOutput}");
        return new BatteryReport(results, output);
    }

    private static async Task<(int Exit, string Output)> RunNodeAsync(string directory, TimeSpan budget, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) info.Environment[key] = value;
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

    public virtual ValueTask DisposeAsync()
    {
        try { Directory.Delete(Work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}

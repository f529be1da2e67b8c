using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Graph.Cli.Bench;

/// <summary>One timed pass of the peer over every query: latencies and answers, input by input.</summary>
internal sealed record PeerRun(IReadOnlyList<(string Name, double[] Milliseconds, string[] Answers)> Queries);

/// <summary>
/// Kuzu in a Node process running bench/kuzu/peer.mjs: installs the pinned <c>kuzu</c> package with
/// <c>npm ci</c> when node_modules is missing, starts the script over the exported CSVs and the query file,
/// waits for it to load them, then asks it for timed passes over stdin, one JSON line per answer.
/// </summary>
internal sealed class KuzuPeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;

    private KuzuPeer(Process process, Task<string> errors, double loadSeconds, long documents, long cites)
    {
        _process = process;
        _errors = errors;
        LoadSeconds = loadSeconds;
        Documents = documents;
        Cites = cites;
    }

    public double LoadSeconds { get; }
    public long Documents { get; }
    public long Cites { get; }

    /// <summary>bench/kuzu beside the repository root, found upward from the working folder or from the program.</summary>
    public static string? TryFindHarness()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bench", "kuzu");
                if (File.Exists(Path.Combine(candidate, "peer.mjs")) && File.Exists(Path.Combine(candidate, "package-lock.json"))) return candidate;
            }
        }
        return null;
    }

    /// <summary>Runs <c>npm ci</c> in the harness folder unless the pinned package is already there.</summary>
    public static async Task EnsureInstalledAsync(string harness, Action<string> log)
    {
        if (File.Exists(Path.Combine(harness, "node_modules", "kuzu", "package.json"))) return;
        log($"installing the kuzu package: npm ci --prefix {harness}");
        var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", harness], TimeSpan.FromMinutes(10));
        if (code != 0) throw new InvalidOperationException($"npm ci in {harness} failed ({code}): {output.Trim()}");
    }

    public static async Task<KuzuPeer> StartAsync(string harness, string workDirectory, TimeSpan loadTimeout)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = harness,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(harness, "peer.mjs"));
        info.ArgumentList.Add(workDirectory);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot start node (Node.js 18 or later is needed for --peer kuzu): {e.Message}", e);
        }
        var errors = process.StandardError.ReadToEndAsync();
        var ready = await ReadLineAsync(process, loadTimeout, errors);
        if (ready["ready"]?.GetValue<bool>() != true)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the Kuzu peer did not load the graph: {ready["error"] ?? ready.ToJsonString()}");
        }
        return new KuzuPeer(process, errors, ready["loadSeconds"]!.GetValue<double>(), ready["documents"]!.GetValue<long>(), ready["cites"]!.GetValue<long>());
    }

    /// <summary>One pass over every query; the peer answers when it has timed them all.</summary>
    public async Task<PeerRun> RunAsync(TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync("run");
        await _process.StandardInput.FlushAsync();
        var answer = await ReadLineAsync(_process, timeout, _errors);
        var queries = answer["queries"]!.AsArray().Select(q => (
            q!["name"]!.GetValue<string>(),
            q["ms"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray(),
            q["answers"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray())).ToList();
        return new PeerRun(queries);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _process.StandardInput.WriteLineAsync("exit");
                await _process.StandardInput.FlushAsync();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try { await _process.WaitForExitAsync(wait.Token); }
                catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
            }
        }
        catch (IOException)
        {
            // The peer already closed its input: it has exited or is about to.
        }
        _process.Dispose();
    }

    private static async Task<JsonObject> ReadLineAsync(Process process, TimeSpan timeout, Task<string> errors)
    {
        using var cancel = new CancellationTokenSource(timeout);
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the Kuzu peer gave no answer within {timeout.TotalSeconds:F0} s");
        }
        if (line is null)
        {
            var stderr = await errors;
            throw new InvalidOperationException($"the Kuzu peer exited: {stderr.Trim()}");
        }
        try
        {
            return JsonNode.Parse(line)?.AsObject() ?? throw new InvalidOperationException("the Kuzu peer wrote an empty line");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"the Kuzu peer wrote something other than JSON: {line}", e);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            await process.WaitForExitAsync(cancel.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run {file} (Node.js and npm are needed for --peer kuzu): {e.Message}", e);
        }
    }
}

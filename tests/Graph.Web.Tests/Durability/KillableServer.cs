using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Graph.Web.Tests.Durability;

/// <summary>
/// The real server as a child process (the built Graph.Web by <c>dotnet exec</c> on 127.0.0.1 and a free port) over a
/// data folder that outlives it: started, sent writes with the API token, ended with SIGKILL, started again on the same
/// folder. <c>graph check</c> runs the built CLI on the folder between two lives.
/// </summary>
internal sealed partial class KillableServer : IAsyncDisposable
{
    public const string Token = "durability-token-5c1a";
    private readonly Process _process;
    private readonly StringBuilder _output;

    private KillableServer(Process process, StringBuilder output, Uri address)
    {
        (_process, _output, Address) = (process, output, address);
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public Uri Address { get; }

    /// <summary>A client with the token; its requests fail once the process is killed.</summary>
    public HttpClient Client { get; }

    public int Pid => _process.Id;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<KillableServer> StartAsync(string dataDir, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dataDir };
        foreach (var arg in new[]
        {
            "exec", Path.Combine(AppContext.BaseDirectory, "Graph.Web.dll"), "--urls", "http://127.0.0.1:0",
            "--Graph:DataDir", dataDir, "--Graph:CorpusDir", TestData.BundledCorpus, "--Graph:ApiToken", Token, "--Graph:RateLimitPermits", "0",
        })
            info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var output = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            string text;
            lock (output) text = output.ToString();
            if (ExplorerLine().Match(text) is { Success: true } match) return new KillableServer(process, output, new Uri(match.Groups[1].Value));
            await Task.Delay(50, cancellationToken);
        }
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        lock (output) throw new InvalidOperationException("The server printed no address:\n" + output);
    }

    /// <summary>SIGKILL: no shutdown, no flush, no checkpoint; whatever was on the disk stays as it was.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>Runs a statement through the Query API; null when no answer came (the process died under it).</summary>
    public async Task<HttpResponseMessage?> TryWriteAsync(string statement, object parameters, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { statement, parameters });
        try
        {
            return await Client.PostAsync("db/neo4j/query/v2", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The rows of a read, as JSON values.</summary>
    public async Task<List<JsonElement[]>> ReadAsync(string statement, CancellationToken cancellationToken)
    {
        using var response = await Client.PostAsync("db/neo4j/query/v2",
            new StringContent(JsonSerializer.Serialize(new { statement }), Encoding.UTF8, "application/json"), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{statement}: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return [.. json.RootElement.GetProperty("data").GetProperty("values").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.Clone()).ToArray())];
    }

    /// <summary>Runs the built <c>graph check</c> on a data folder (no server may run on it); its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> CheckAsync(string dataDir, CancellationToken cancellationToken)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var cli = Path.Combine(TestData.Root, "src", "Graph.Cli", "bin", here.Parent!.Name, here.Name, "graph.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "check", "--data", dataDir }) info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await error);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await KillAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Graph explorer: (http://\S+/)")]
    private static partial Regex ExplorerLine();
}

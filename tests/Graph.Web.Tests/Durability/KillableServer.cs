using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests.Durability;

/// <summary>
/// The real server as a child process (the built Graph.Web by <c>dotnet exec</c> on 127.0.0.1 and a free port) over a
/// data folder that outlives it: started, sent writes with the API token, ended with SIGKILL, started again on the same
/// folder. <c>graph check</c> runs the built CLI on the folder between two lives.
/// </summary>
internal sealed class KillableServer : IAsyncDisposable
{
    public const string Token = "durability-token-5c1a";
    private readonly ServerChildProcess _server;

    private KillableServer(ServerChildProcess server)
    {
        _server = server;
        Client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public Uri Address => _server.Address;

    /// <summary>A client with the token; its requests fail once the process is killed.</summary>
    public HttpClient Client { get; }

    public int Pid => _server.Pid;

    public string Output => _server.Output;

    public static async Task<KillableServer> StartAsync(string dataDir, CancellationToken cancellationToken) =>
        new(await ServerChildProcess.StartAsync(
            dataDir,
            ["--Graph:DataDir", dataDir, "--Graph:CorpusDir", TestData.BundledCorpus, "--Graph:ApiToken", Token, "--Graph:RateLimitPermits", "0"],
            cancellationToken));

    /// <summary>SIGKILL: no shutdown, no flush, no checkpoint; whatever was on the disk stays as it was.</summary>
    public Task KillAsync() => _server.KillAsync();

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
        await _server.DisposeAsync();
    }
}

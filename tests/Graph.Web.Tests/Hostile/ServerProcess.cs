using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests.Hostile;

/// <summary>
/// The real server as a child process: the built Graph.Web run by <c>dotnet exec</c> on 127.0.0.1 and a free
/// port, over the bundled corpus in a fresh data folder, with an API token, its memory ceiling and small limits
/// on heavy requests, so that the hostile tests can fill them.
/// </summary>
public sealed class ServerProcess : IAsyncLifetime
{
    public const string Token = "hostile-token-2b7d";
    public const long CeilingMB = 2048;
    public const int HeavyPerClient = 2;
    public const int QueuePerClient = 2;
    public const int HeavyOnServer = 3;
    public const int RequestBodySeconds = 3;

    private readonly string _dataDir = Directory.CreateTempSubdirectory("graph-hostile-").FullName;
    private ServerChildProcess? _server;

    public Uri Address => _server!.Address;

    public int Pid => _server!.Pid;

    public bool IsAlive => _server is { HasExited: false };

    public long CeilingBytes => CeilingMB * 1024 * 1024;

    public async ValueTask InitializeAsync() => await StartAsync();

    /// <summary>Starts the server again when a test before killed it, so that one crash fails one test, not all that follow.</summary>
    public async Task EnsureRunningAsync()
    {
        if (IsAlive && await AnswersAsync()) return;
        // A dying process (a stack overflow writes its whole trace first) is ended rather than waited for.
        if (_server is not null) await _server.DisposeAsync();
        await StartAsync();
    }

    private async Task StartAsync() =>
        _server = await ServerChildProcess.StartAsync(_dataDir,
        [
            "--Graph:DataDir", _dataDir, "--Graph:CorpusDir", TestData.BundledCorpus, "--Graph:CorpusDirs", Graph.Model.ReferenceCollections.Corpus ?? "", "--Graph:ApiToken", Token,
            "--Graph:MemoryCeilingMB", CeilingMB.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Graph:HeavyRequestsPerClient", HeavyPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Graph:HeavyQueuePerClient", QueuePerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Graph:HeavyRequests", HeavyOnServer.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Graph:HeavyQueue", "0", "--Graph:RateLimitPermits", "0",
            "--Graph:RequestBodySeconds", RequestBodySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]);

    private async Task<bool> AnswersAsync()
    {
        using var client = Client();
        client.Timeout = TimeSpan.FromSeconds(5);
        try
        {
            using var response = await client.GetAsync("health");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public string Output => _server?.Output ?? "";

    public HttpClient Client(bool token = false)
    {
        // One connection per request in flight, as independent clients would have.
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(90) };
        if (token) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>The resident set of the server, from /proc/&lt;pid&gt;/status (VmRSS, in kB).</summary>
    public long RssBytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        return 0;
    }

    /// <summary>Uploads <paramref name="text"/> as a file named <paramref name="fileName"/> with the token; the answer's status and body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(string fileName, string text)
    {
        await EnsureRunningAsync();
        using var client = Client(token: true);
        client.Timeout = TimeSpan.FromMinutes(5);
        using var response = await client.PostAsync("/api/documents", SecuredServer.Upload(fileName, Encoding.UTF8.GetBytes(text)), Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }

    /// <summary>An upload's diagnostics as the answer gives them ("warning code: message").</summary>
    public static IEnumerable<string> Diagnostics(JsonElement body) =>
        body.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetString()!);

    /// <summary>The server is up, answers /health and is under its memory ceiling.</summary>
    public async Task AssertHealthyAsync()
    {
        Assert.True(IsAlive, Output);
        using var health = await Client().GetAsync("/health", Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(RssBytes() < CeilingBytes, $"resident {RssBytes() / (1024 * 1024)} MiB");
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

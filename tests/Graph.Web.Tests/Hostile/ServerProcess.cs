using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Web.Tests.Hostile;

/// <summary>
/// The real server as a child process: the built Graph.Web run by <c>dotnet exec</c> on 127.0.0.1 and a free
/// port, over the bundled corpus in a fresh data folder, with an API token, its memory ceiling and small limits
/// on heavy requests, so that the hostile tests can fill them.
/// </summary>
public sealed partial class ServerProcess : IAsyncLifetime
{
    public const string Token = "hostile-token-2b7d";
    public const long CeilingMB = 2048;
    public const int HeavyPerClient = 2;
    public const int QueuePerClient = 2;
    public const int HeavyOnServer = 3;

    private readonly string _dataDir = Directory.CreateTempSubdirectory("graph-hostile-").FullName;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public Uri Address { get; private set; } = null!;

    public int Pid => _process!.Id;

    public bool IsAlive => _process is { HasExited: false };

    public long CeilingBytes => CeilingMB * 1024 * 1024;

    public async ValueTask InitializeAsync() => await StartAsync();

    /// <summary>Starts the server again when a test before killed it, so that one crash fails one test, not all that follow.</summary>
    public async Task EnsureRunningAsync()
    {
        if (IsAlive && await AnswersAsync()) return;
        // A dying process (a stack overflow writes its whole trace first) is ended rather than waited for.
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        _process?.Dispose();
        lock (_output) _output.Clear();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _dataDir };
        string[] args =
        [
            "exec", Path.Combine(AppContext.BaseDirectory, "Graph.Web.dll"), "--urls", "http://127.0.0.1:0",
            "--Graph:DataDir", _dataDir, "--Graph:CorpusDir", TestData.BundledCorpus, "--Graph:CorpusDirs", Graph.Model.ReferenceCollections.Corpus ?? "", "--Graph:ApiToken", Token,
            "--Graph:MemoryCeilingMB", CeilingMB.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Graph:HeavyRequestsPerClient", HeavyPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Graph:HeavyQueuePerClient", QueuePerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Graph:HeavyRequests", HeavyOnServer.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Graph:HeavyQueue", "0", "--Graph:RateLimitPermits", "0",
        ];
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline && IsAlive)
        {
            if (ExplorerLine().Match(Output) is { Success: true } match)
            {
                Address = new Uri(match.Groups[1].Value);
                return;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The server printed no address:\n" + Output);
    }

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

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

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

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
            _process.Dispose();
        }
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [GeneratedRegex(@"Graph explorer: (http://\S+/)")]
    private static partial Regex ExplorerLine();
}

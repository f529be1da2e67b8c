using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Graph.Cli.Bench;

/// <summary>
/// The explorer's web server (Graph.Web) started as a child process on a free loopback port over an
/// existing store, for the HTTP and UI benchmarks; disposing stops that process (and only it).
/// </summary>
internal sealed class WebServer : IAsyncDisposable
{
    private readonly Process _process;

    private WebServer(Process process, string baseUrl, double startSeconds)
    {
        _process = process;
        BaseUrl = baseUrl;
        StartSeconds = startSeconds;
    }

    public string BaseUrl { get; }

    /// <summary>From process start to the first healthy answer: mostly loading the store into memory.</summary>
    public double StartSeconds { get; }

    /// <summary>Graph.Web.dll built beside this program's sources, Release preferred.</summary>
    public static string? TryFindServer(string? given)
    {
        if (given is not null) return File.Exists(given) ? Path.GetFullPath(given) : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var configuration in new[] { "Release", "Debug" })
                {
                    var candidate = Path.Combine(dir.FullName, "src", "Graph.Web", "bin", configuration, "net10.0", "Graph.Web.dll");
                    if (File.Exists(candidate)) return candidate;
                }
            }
        }
        return null;
    }

    public static async Task<WebServer> StartAsync(string serverDll, string dataDirectory, string emptyCorpus, TimeSpan timeout)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}/";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(serverDll),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The load generator is one client at the very rate the server's per-client limit allows (2,000
        // requests per 10 s), so the limit's window edges would answer 429 to the load test; the limiter
        // still runs (its cost is measured) with room above the load.
        foreach (var argument in new[] { serverDll, "--urls", baseUrl, $"--Graph:DataDir={dataDirectory}", $"--Graph:CorpusDir={emptyCorpus}", "--Graph:RateLimitPermits=1000000" })
            info.ArgumentList.Add(argument);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var start = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet could not be started.");
        process.OutputDataReceived += (_, _) => { };
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (Stopwatch.GetElapsedTime(start) < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"the server exited with code {process.ExitCode}: {errors}");
            try
            {
                using var response = await client.GetAsync(baseUrl + "health");
                if (response.StatusCode == HttpStatusCode.OK) return new WebServer(process, baseUrl, Stopwatch.GetElapsedTime(start).TotalSeconds);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"the server did not answer /health within {timeout.TotalSeconds:F0} s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The folder holding src/, so the server finds wwwroot/ as it does when run from the repository.</summary>
    private static string RepositoryRoot(string serverDll)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(serverDll)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "wwwroot", "index.html"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>
/// The real server (Kestrel on a free loopback port, the embedded store in a fresh data directory) and
/// Debian's Chromium driven by Playwright. Without Chromium there is no host, and tests skip with <see cref="SkipReason"/>.
/// </summary>
public sealed class ExplorerHost : IAsyncDisposable
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
    private readonly string _dataDir;
    private readonly Factory _factory;
    private readonly IPlaywright _playwright;

    private ExplorerHost(string dataDir, Factory factory, IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        _dataDir = dataDir;
        _factory = factory;
        _playwright = playwright;
        Browser = browser;
        BaseUrl = baseUrl;
    }

    public IBrowser Browser { get; }

    /// <summary>The server's address, ending in a slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Why browser tests cannot run here, or null when they can.</summary>
    public static string? SkipReason =>
        File.Exists(ChromiumPath) ? null : $"Chromium is not installed at {ChromiumPath} (apt-get install chromium, or set CHROMIUM_PATH).";

    /// <summary>Where tests leave screenshots for a person to look at.</summary>
    public static string ScreenshotDir { get; } = Environment.GetEnvironmentVariable("SCREENSHOT_DIR")
        ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// Starts a server and a browser, or returns null when Chromium is missing. <paramref name="startEmpty"/>: no
    /// bundled corpus is built into the graph; <paramref name="apiToken"/>: the token uploads and writes need;
    /// <paramref name="settings"/>: more configuration (a corpus folder of the test's own, the ODS replica's address).
    /// </summary>
    public static async Task<ExplorerHost?> StartAsync(string? apiToken = null, bool startEmpty = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (SkipReason is not null) return null;
        Directory.CreateDirectory(ScreenshotDir);
        var dataDir = Path.Combine(Path.GetTempPath(), "graph-browser-" + Guid.NewGuid().ToString("N"));
        var factory = new Factory(dataDir, apiToken, startEmpty, settings ?? new Dictionary<string, string>());
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Containers often give /dev/shm only 64 MB, which crashes the renderer; Chromium then uses /tmp.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
        });
        return new ExplorerHost(dataDir, factory, playwright, browser, baseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class Factory(string dataDir, string? apiToken, bool startEmpty, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Graph:DataDir", dataDir);
            if (startEmpty) builder.UseSetting("Graph:CorpusDir", Path.Combine(dataDir, "no-corpus"));
            else if (Graph.Model.ReferenceCollections.Corpus is { } corpus) builder.UseSetting("Graph:CorpusDirs", corpus);
            if (apiToken is not null) builder.UseSetting("Graph:ApiToken", apiToken);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}

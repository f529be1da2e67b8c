using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Graph.Browser.Tests.ExplorerServer))]

namespace Graph.Browser.Tests;

/// <summary>
/// The real server (Kestrel on a free loopback port, the embedded store built from the bundled corpus)
/// and Debian's Chromium driven by Playwright, shared by every browser test.
/// </summary>
public sealed class ExplorerServer : IAsyncLifetime
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "graph-browser-tests-" + Guid.NewGuid().ToString("N"));
    private Factory? _factory;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Where tests leave screenshots for a person to look at.</summary>
    public string ScreenshotDir { get; } = Environment.GetEnvironmentVariable("SCREENSHOT_DIR")
        ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium, or set CHROMIUM_PATH).";
            return;
        }
        Directory.CreateDirectory(ScreenshotDir);
        _factory = new Factory(_dataDir);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/') + "/";

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Containers often give /dev/shm only 64 MB, which crashes the renderer; Chromium then uses /tmp.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class Factory(string dataDir) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Graph:DataDir", dataDir);
        }
    }
}

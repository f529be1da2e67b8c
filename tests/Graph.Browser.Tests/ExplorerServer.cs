using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Graph.Browser.Tests.ExplorerServer))]

namespace Graph.Browser.Tests;

/// <summary>The explorer over the graph built from the bundled corpus, shared by every test of the page.</summary>
public sealed class ExplorerServer : IAsyncLifetime
{
    private ExplorerHost? _host;

    public IBrowser? Browser => _host?.Browser;

    public string BaseUrl => _host?.BaseUrl ?? "";

    /// <summary>Where tests leave screenshots for a person to look at.</summary>
    public string ScreenshotDir => ExplorerHost.ScreenshotDir;

    public string? SkipReason => ExplorerHost.SkipReason;

    public async ValueTask InitializeAsync() => _host = await ExplorerHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}

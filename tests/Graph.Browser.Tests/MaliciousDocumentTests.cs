using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>
/// A document whose title and paragraphs carry script tags and event attributes is uploaded through
/// POST /api/documents and opened in the explorer in a real browser: the markup shows as text, no script
/// of it runs (no marker set, no dialog), and the page's Content-Security-Policy is in force.
/// </summary>
public sealed class MaliciousDocumentTests : IAsyncLifetime
{
    private const string Token = "browser-test-token";
    private const string Attack = "<img src=x onerror=\"window.__xss='img'\"><script>window.__xss='script'</script><svg onload=\"window.__xss='svg'\"></svg>";
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "graph-browser-xss-" + Guid.NewGuid().ToString("N"));
    private Factory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return;
        _factory = new Factory(_dataDir);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        _baseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task AnUploadedDocumentsMarkupRendersAsTextAndNeverRuns()
    {
        Assert.SkipWhen(_browser is null, $"Chromium is not installed at {ChromiumPath} (apt-get install chromium, or set CHROMIUM_PATH).");
        var cancel = TestContext.Current.CancellationToken;
        var seed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "graph", "corpus", "seeds", "000_b23059e2a2272110.txt"), cancel);
        var poisoned = seed
            .Replace("77/13. Cooperation between", $"77/13. {Attack} Cooperation between", StringComparison.Ordinal)
            .Replace("1. *Takes note with appreciation*", $"1. *Takes note with appreciation* {Attack}", StringComparison.Ordinal);

        using (var http = new HttpClient { BaseAddress = new Uri(_baseUrl) })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(poisoned)), "file", "poisoned<script>.txt");
            using var uploaded = await http.PostAsync("api/documents", form, cancel);
            Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync(cancel));
        }

        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = _baseUrl });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        var response = await page.GotoAsync("./");
        Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        await page.WaitForFunctionAsync("() => window.explorer !== undefined");

        await page.FillAsync("#search-input", "77/13");
        var hit = page.Locator("#search-results li[data-id='A/RES/77/13']");
        await hit.WaitForAsync();
        await hit.ClickAsync();
        await Assertions.Expect(page.Locator("#details h2")).ToHaveTextAsync("A/RES/77/13");
        await Assertions.Expect(page.Locator("#details")).ToContainTextAsync("<script>window.__xss='script'</script>");
        await page.WaitForTimeoutAsync(500);

        Assert.Null(await page.EvaluateAsync<string?>("() => window.__xss ?? null"));
        Assert.Equal(0, await page.Locator("#details img[src='x'], #details svg[onload], #details script").CountAsync());
        Assert.Empty(dialogs);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Graph.sln"))) directory = directory.Parent;
        return directory.FullName;
    }

    private sealed class Factory(string dataDir) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Graph:DataDir", dataDir);
            builder.UseSetting("Graph:CorpusDir", Path.Combine(dataDir, "no-corpus"));
            builder.UseSetting("Graph:ApiToken", Token);
        }
    }
}

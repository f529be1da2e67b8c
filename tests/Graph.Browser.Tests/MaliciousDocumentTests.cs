using System.Net;
using System.Net.Http.Headers;
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
    private ExplorerHost? _host;

    public async ValueTask InitializeAsync() => _host = await ExplorerHost.StartAsync(Token, startEmpty: true);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    [Fact]
    public async Task AnUploadedDocumentsMarkupRendersAsTextAndNeverRuns()
    {
        Assert.SkipWhen(_host is null, ExplorerHost.SkipReason ?? "");
        var cancel = TestContext.Current.CancellationToken;
        var seed = await File.ReadAllTextAsync(TestData.Seed7713, cancel);
        var poisoned = seed
            .Replace("77/13. Cooperation between", $"77/13. {Attack} Cooperation between", StringComparison.Ordinal)
            .Replace("1. *Takes note with appreciation*", $"1. *Takes note with appreciation* {Attack}", StringComparison.Ordinal);

        using (var http = new HttpClient { BaseAddress = new Uri(_host!.BaseUrl) })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(poisoned)), "file", "poisoned<script>.txt");
            using var uploaded = await http.PostAsync("api/documents", form, cancel);
            Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync(cancel));
        }

        await using var context = await _host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _host.BaseUrl });
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
}

using System.Text.Json;
using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>
/// The explorer at window sizes from a 768 px tablet to a 2560 px screen: the main panels never overlap,
/// no control is narrower than its content, the side panels become drawers in narrow windows, and the
/// keyboard reaches the search box and closes what covers the page.
/// </summary>
public sealed class ExplorerLayoutTests(ExplorerServer server) : IAsyncDisposable
{
    private ExplorerPage? _explorer;

    public async ValueTask DisposeAsync()
    {
        if (_explorer is not null) await _explorer.DisposeAsync();
    }

    private void SkipWithoutBrowser() => Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? "");

    private async Task<IPage> OpenAsync(int width, int height, string path = "./")
    {
        _explorer = await ExplorerPage.OpenAsync(server.Browser!, server.BaseUrl, width, height, path,
            PageProblems.ScriptErrors | PageProblems.ConsoleErrors | PageProblems.ConsoleWarnings);
        return _explorer.Page;
    }

    private static async Task<JsonElement> MeasureAsync(IPage page) =>
        JsonDocument.Parse(await page.EvaluateAsync<string>(Measure)).RootElement;

    private Task ScreenshotAsync(IPage page, string name) => _explorer!.ScreenshotAsync(name, page);

    /// <summary>
    /// Measures the page: the bounding boxes of the main regions that are shown (drawers that are closed are not),
    /// and every shown control whose content does not fit its box, or that is squeezed below a usable width.
    /// </summary>
    private const string Measure = """
        () => {
          const shown = (el) => el && el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && el.getBoundingClientRect().width > 0;
          const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; };
          const regions = {};
          for (const [name, selector] of [['topbar', '.topbar'], ['tools', '#sidebar'], ['stage', '.stage'], ['details', '#details-aside'], ['bottom', '#drawer']]) {
            const el = document.querySelector(selector);
            if (shown(el)) regions[name] = box(el);
          }
          const squeezed = [];
          for (const el of document.querySelectorAll('button, select, input:not([type=checkbox]):not([type=radio]):not([type=range]):not([type=file]), textarea')) {
            if (!shown(el) || el.closest('.visually-hidden') || el.closest('[hidden]')) continue;
            const r = el.getBoundingClientRect();
            const name = el.id || el.textContent.trim().slice(0, 30) || el.outerHTML.slice(0, 60);
            if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'TEXTAREA' && el.tagName !== 'INPUT') squeezed.push(`${name}: content ${el.scrollWidth} px in ${el.clientWidth} px`);
            const min = el.type === 'number' ? 40 : el.tagName === 'INPUT' ? 100 : 24;
            if (r.width < min) squeezed.push(`${name}: ${Math.round(r.width)} px wide`);
            if (r.right > innerWidth + 1) squeezed.push(`${name}: ends at ${Math.round(r.right)} px, past the window's ${innerWidth} px`);
          }
          const search = document.querySelector('#search-input').getBoundingClientRect().width;
          const canvas = box(document.querySelector('#cy'));
          return JSON.stringify({ regions, squeezed, search, canvas });
        }
        """;

    private static void AssertNoOverlap(JsonElement regions, string when, params string[] allowedOver)
    {
        var boxes = regions.EnumerateObject().Select(p => (Name: p.Name, X: p.Value.GetProperty("x").GetDouble(), Y: p.Value.GetProperty("y").GetDouble(),
            W: p.Value.GetProperty("w").GetDouble(), H: p.Value.GetProperty("h").GetDouble())).ToList();
        foreach (var a in boxes)
        {
            foreach (var b in boxes)
            {
                if (string.CompareOrdinal(a.Name, b.Name) >= 0) continue;
                // A drawer opened on purpose lies over the canvas, and only over it.
                if ((allowedOver.Contains(a.Name) && b.Name == "stage") || (allowedOver.Contains(b.Name) && a.Name == "stage")) continue;
                var overlapX = Math.Min(a.X + a.W, b.X + b.W) - Math.Max(a.X, b.X);
                var overlapY = Math.Min(a.Y + a.H, b.Y + b.H) - Math.Max(a.Y, b.Y);
                Assert.False(overlapX > 1 && overlapY > 1,
                    $"{when}: {a.Name} ({a.X:F0},{a.Y:F0} {a.W:F0}×{a.H:F0}) overlaps {b.Name} ({b.X:F0},{b.Y:F0} {b.W:F0}×{b.H:F0})");
            }
        }
    }

    private static void AssertUsable(JsonElement measured, string when, int minCanvasWidth, int minCanvasHeight)
    {
        var squeezed = measured.GetProperty("squeezed").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(squeezed.Count == 0, $"{when}: controls narrower than their content:\n{string.Join("\n", squeezed)}");
        Assert.True(measured.GetProperty("search").GetDouble() >= 200, $"{when}: the search box is {measured.GetProperty("search").GetDouble():F0} px wide");
        var canvas = measured.GetProperty("canvas");
        Assert.True(canvas.GetProperty("w").GetDouble() >= minCanvasWidth && canvas.GetProperty("h").GetDouble() >= minCanvasHeight,
            $"{when}: the canvas is {canvas.GetProperty("w").GetDouble():F0}×{canvas.GetProperty("h").GetDouble():F0} px");
    }

    [Theory]
    [InlineData(1440, 900, 600, 500)]
    [InlineData(800, 600, 700, 300)]
    [InlineData(768, 1024, 700, 600)]
    [InlineData(1024, 768, 600, 450)]
    [InlineData(2560, 1440, 1400, 1000)]
    public async Task PanelsNeverOverlapAndEveryControlFitsItsContent(int width, int height, int minCanvasWidth, int minCanvasHeight)
    {
        SkipWithoutBrowser();
        var page = await OpenAsync(width, height);
        var size = $"{width}×{height}";

        var closed = await MeasureAsync(page);
        AssertNoOverlap(closed.GetProperty("regions"), size);
        AssertUsable(closed, size, minCanvasWidth, minCanvasHeight);
        await ScreenshotAsync(page, $"30-layout-{width}x{height}");

        // The filters and tools: in the grid on a wide screen, a drawer opened from the top bar on a narrow one.
        var toolsToggle = page.Locator("#tools-toggle");
        if (await toolsToggle.IsVisibleAsync())
        {
            Assert.False(closed.GetProperty("regions").TryGetProperty("tools", out _), $"{size}: the tools drawer shows before it is opened");
            await toolsToggle.ClickAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('#sidebar').getBoundingClientRect().left >= -1");
            var open = await MeasureAsync(page);
            AssertNoOverlap(open.GetProperty("regions"), size + " with the tools drawer open", "tools");
            Assert.Empty(open.GetProperty("squeezed").EnumerateArray());
            await ScreenshotAsync(page, $"31-tools-drawer-{width}x{height}");
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForFunctionAsync("() => !document.querySelector('#sidebar').classList.contains('open')");
        }
        else
        {
            Assert.True(closed.GetProperty("regions").TryGetProperty("tools", out _), $"{size}: no tools panel and no way to open it");
        }

        // The Cypher console below the canvas, and in full-page mode over everything but the top bar.
        await page.ClickAsync("[role='tab'][data-tab='cypher']");
        var withConsole = await MeasureAsync(page);
        AssertNoOverlap(withConsole.GetProperty("regions"), size + " with the Cypher console open");
        Assert.Empty(withConsole.GetProperty("squeezed").EnumerateArray());
        await page.ClickAsync("#drawer-full");
        var full = await MeasureAsync(page);
        var bottom = full.GetProperty("regions").GetProperty("bottom");
        var topbar = full.GetProperty("regions").GetProperty("topbar");
        Assert.True(bottom.GetProperty("y").GetDouble() >= topbar.GetProperty("y").GetDouble() + topbar.GetProperty("h").GetDouble() - 1,
            $"{size}: the full-page console covers the top bar");
        Assert.True(bottom.GetProperty("h").GetDouble() >= height - topbar.GetProperty("h").GetDouble() - 2, $"{size}: the full-page console leaves part of the page");
        await ScreenshotAsync(page, $"32-console-full-{width}x{height}");
        _explorer!.AssertNoProblems();
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(800, 600)]
    public async Task SlashFocusesTheSearchAndEscapeClosesTheDetailsDrawer(int width, int height)
    {
        SkipWithoutBrowser();
        var page = await OpenAsync(width, height);
        await page.Locator("body").ClickAsync(new LocatorClickOptions { Position = new Position { X = width / 2, Y = height / 2 } });
        await page.Keyboard.PressAsync("/");
        Assert.Equal("search-input", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("77/13");
        await page.Locator("#search-results li[data-id='A/RES/77/13']").WaitForAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#details h2")).ToHaveTextAsync("A/RES/77/13");
        // A narrow window shows the details of what was opened in a drawer; Esc closes it.
        if (await page.Locator("#details-toggle").IsVisibleAsync())
        {
            await Assertions.Expect(page.Locator("#details-aside")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bopen\\b"));
            await ScreenshotAsync(page, $"33-details-drawer-{width}x{height}");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(page.Locator("#details-aside")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bopen\\b"));
        }
        _explorer!.AssertNoProblems();
    }

    [Fact]
    public async Task TheErrorBannerClearsAfterALaterSuccess()
    {
        SkipWithoutBrowser();
        var page = await OpenAsync(1440, 900);
        await page.FillAsync("#path-from", "A/RES/99/999");
        await page.FillAsync("#path-to", "A/RES/71/12");
        await page.ClickAsync("#path-button");
        await Assertions.Expect(page.Locator("#error")).ToBeVisibleAsync();
        await page.FillAsync("#path-from", "A/RES/77/13");
        await page.ClickAsync("#path-button");
        await Assertions.Expect(page.Locator("#path-result li[data-path]").First).ToContainTextAsync("A/RES/77/13 → A/RES/71/12");
        await Assertions.Expect(page.Locator("#error")).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(800, 600)]
    public async Task TheAddressRestoresThePathTheSeriesAndChangesOnly(int width, int height)
    {
        SkipWithoutBrowser();
        var page = await OpenAsync(width, height);
        // In a narrow window the path finder is in the tools drawer.
        if (await page.Locator("#tools-toggle").IsVisibleAsync()) await page.ClickAsync("#tools-toggle");
        await page.FillAsync("#path-from", "A/RES/77/13");
        await page.FillAsync("#path-to", "S/RES/1631 (2005)");
        await page.SelectOptionAsync("#path-direction", "both");
        await page.FillAsync("#path-count", "2");
        await page.ClickAsync("#path-button");
        await Assertions.Expect(page.Locator("#path-result li").First).ToContainTextAsync("S/RES/1631 (2005)");
        await page.ClickAsync("[role='tab'][data-tab='evolution']");
        await page.FillAsync("#series-input", "A/RES/77/13");
        await page.ClickAsync("#series-button");
        await Assertions.Expect(page.Locator("#series-timeline li")).Not.ToHaveCountAsync(0);
        await page.FillAsync("#evolution-from", "A/RES/71/12");
        await page.FillAsync("#evolution-to", "A/RES/77/13");
        await page.ClickAsync("#evolution-button");
        await page.CheckAsync("#evolution-changed-only");
        // The box stands beside its words: the compare fields' width once stretched it to 150 pixels of blank.
        var box = await page.Locator("#evolution-changed-only").BoundingBoxAsync();
        var words = await page.Locator("#evolution-changed-only + span").BoundingBoxAsync();
        Assert.True(box!.Width < 30 && words!.X - (box.X + box.Width) < 12, $"checkbox {box.Width} wide, {words!.X - (box.X + box.Width)} from its words");
        await page.WaitForFunctionAsync("() => location.hash.includes('changedOnly') && location.hash.includes('series') && location.hash.includes('pathDirection')");
        var link = page.Url;

        var other = await _explorer!.OpenAnotherAsync(link);
        await Assertions.Expect(other.Locator("#path-result li").First).ToContainTextAsync("S/RES/1631 (2005)");
        await Assertions.Expect(other.Locator("#path-direction")).ToHaveValueAsync("both");
        await Assertions.Expect(other.Locator("#path-count")).ToHaveValueAsync("2");
        Assert.True(await other.EvaluateAsync<int>("() => window.explorer.view.cy.elements('.path').length") > 0);
        await Assertions.Expect(other.Locator("#series-timeline li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(other.Locator("#evolution-changed-only")).ToBeCheckedAsync();
        await Assertions.Expect(other.Locator(".diff-cell.reworded").First).ToBeVisibleAsync();
        Assert.Equal(0, await other.Locator(".diff-cell:not(.empty)[data-change='unchanged']").CountAsync());
        _explorer!.AssertNoProblems();
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(800, 600)]
    public async Task TheAddressRestoresTheWholeSeriesView(int width, int height)
    {
        SkipWithoutBrowser();
        var page = await OpenAsync(width, height);
        await page.ClickAsync("[role='tab'][data-tab='evolution']");
        await page.FillAsync("#series-input", "A/RES/77/13");
        await page.ClickAsync("#series-history-button");
        await page.Locator("#series-history table.history").WaitForAsync();
        await page.WaitForFunctionAsync("() => location.hash.includes('wholeSeries')");
        var link = page.Url;

        // A shared link opens on the whole-series view of the CSTO series, not on an empty panel.
        var other = await _explorer!.OpenAnotherAsync(link);
        var history = other.Locator("#series-history table.history");
        await history.WaitForAsync();
        var columns = (await history.Locator("thead th button").AllTextContentsAsync()).ToList();
        Assert.True(columns.IndexOf("A/RES/71/12") >= 0 && columns.IndexOf("A/RES/71/12") < columns.IndexOf("A/RES/77/13"), string.Join(", ", columns));
        await Assertions.Expect(history.Locator("td.history-cell[data-change='reworded'][data-paragraph='A/RES/77/13#op2']")).ToHaveCountAsync(1);
        await Assertions.Expect(other.Locator("#evolution-diff")).ToBeHiddenAsync();
        await Assertions.Expect(other.Locator("[role='tab'][data-tab='evolution']")).ToHaveAttributeAsync("aria-selected", "true");
        await ScreenshotAsync(other, $"whole-series-restored-{width}x{height}");

        // Comparing two resolutions instead leaves the whole series out of the address.
        await other.FillAsync("#evolution-from", "A/RES/71/12");
        await other.FillAsync("#evolution-to", "A/RES/77/13");
        await other.ClickAsync("#evolution-button");
        await other.WaitForFunctionAsync("() => !location.hash.includes('wholeSeries') && location.hash.includes('evolution')");
        _explorer!.AssertNoProblems();
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(800, 600)]
    public async Task IriniIsOneOperationUnderEitherName(int width, int height)
    {
        SkipWithoutBrowser();
        Assert.SkipWhen(Graph.Model.ReferenceCollections.Corpus is null, "The shared corpus (with S/2025/257, which names Operation IRINI) is absent.");
        var page = await OpenAsync(width, height);
        foreach (var name in new[] { "IRINI", "EUNAVFOR MED IRINI" })
        {
            await page.FillAsync("#search-input", name);
            var operations = page.Locator("#search-results li[data-id^='operation:']");
            await Assertions.Expect(operations.First).ToBeVisibleAsync();
            var ids = (await operations.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.id)")).Where(id => id.Contains("irini", StringComparison.Ordinal)).ToList();
            Assert.Equal(["operation:eunavfor-med-irini"], ids);
        }
        await page.Locator("#search-results li[data-id='operation:eunavfor-med-irini']").ClickAsync();
        await page.WaitForFunctionAsync("() => window.explorer.view.has('operation:eunavfor-med-irini')");
        // Its details name it once, with the other names it goes by.
        await Assertions.Expect(page.Locator("#details")).ToContainTextAsync("EUNAVFOR MED IRINI");
        await Assertions.Expect(page.Locator("#details")).ToContainTextAsync("IRINI, EU NAVFOR MED IRINI");
        _explorer!.AssertNoProblems();
    }
}

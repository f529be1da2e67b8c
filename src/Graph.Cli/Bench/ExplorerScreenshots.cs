using Microsoft.Playwright;

namespace Graph.Cli.Bench;

/// <summary>
/// The explorer's screenshot set, taken in headless Chromium from a running explorer as a person would go through
/// it: the landing page (wide and narrow), the most cited documents, a citation chain, a citation's provenance, paths
/// along citations, the CSTO series side by side and as a whole, and the Cypher console's table and graph. Each
/// step uses the page's own controls; a step whose documents the graph lacks is named on the log and skipped.
/// </summary>
internal static class ExplorerScreenshots
{
    private const string Resolution = "A/RES/77/13";

    public static async Task<List<string>> TakeAsync(string baseUrl, DirectoryInfo folder, TextWriter log)
    {
        folder.Create();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = UiBench.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
        });
        var taken = new List<string>();

        await using (var narrow = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 800, Height = 600 } }))
        {
            var page = await OpenAsync(narrow);
            await ShootAsync(page, folder, "landing-800x600", taken, log);
            await page.ClickAsync("#tools-toggle");
            await page.WaitForTimeoutAsync(300);
            await ShootAsync(page, folder, "tools-drawer-800x600", taken, log);
        }

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var wide = await OpenAsync(context);
        await ShootAsync(wide, folder, "landing", taken, log);

        await wide.ClickAsync("#most-cited-button");
        await wide.WaitForFunctionAsync("() => window.explorer.view.cy.nodes().length >= 10");
        await wide.WaitForTimeoutAsync(800);
        await ShootAsync(wide, folder, "most-cited", taken, log);
        await wide.ClickAsync("#clear-button");

        if (!await HasAsync(wide, Resolution))
        {
            log.WriteLine($"  {Resolution} is not in this graph: the remaining screenshots need it.");
            return taken;
        }
        await wide.FillAsync("#search-input", "77/13");
        await wide.Locator($"#search-results li[data-id='{Resolution}']").ClickAsync();
        await wide.FillAsync("#chain-depth", "2");
        await wide.Locator("#details button[data-action='cites']").ClickAsync();
        await wide.WaitForFunctionAsync("() => window.explorer.view.cy.nodes().length > 3");
        await wide.WaitForTimeoutAsync(800);
        await wide.ClickAsync("#fit-button");
        await ShootAsync(wide, folder, "citation-chain", taken, log);

        // The paragraph a citation was made in, with the citation marked.
        var tapped = await wide.EvaluateAsync<bool>("""
            () => {
              const cites = window.explorer.view.cy.edges('[type = "CITES"]').filter(e => e.data('api')?.properties?.paragraphs);
              // 77/13's citation of 64/256 is made in its preamble, in words; others point at footnotes.
              const inWords = cites.filter(e => e.data('target') === 'A/RES/64/256');
              const edge = (inWords.nonempty() ? inWords : cites).first();
              if (edge.empty()) return false;
              edge.emit('tap');
              return true;
            }
            """);
        if (tapped)
        {
            await wide.Locator("#details .source-text").First.WaitForAsync();
            await ShootAsync(wide, folder, "provenance", taken, log);
        }

        await wide.ClickAsync("#clear-button");
        await wide.FillAsync("#path-from", Resolution);
        await wide.FillAsync("#path-to", "S/RES/2783 (2025)");
        await wide.SelectOptionAsync("#path-direction", "both");
        await wide.FillAsync("#path-count", "3");
        await wide.ClickAsync("#path-button");
        await wide.WaitForFunctionAsync("() => document.querySelector('#path-result li') !== null");
        await wide.WaitForTimeoutAsync(800);
        await wide.EvaluateAsync("() => document.querySelector('#path-result').scrollIntoView()");
        await ShootAsync(wide, folder, "path", taken, log);

        await wide.ClickAsync("#clear-button");
        await wide.ClickAsync("[role='tab'][data-tab='evolution']");
        await wide.ClickAsync("#drawer-full");
        await wide.FillAsync("#series-input", Resolution);
        await wide.ClickAsync("#series-button");
        await wide.Locator("#series-timeline li").First.WaitForAsync();
        await wide.ClickAsync("#evolution-button");
        await wide.Locator(".diff-cell").First.WaitForAsync();
        await wide.CheckAsync("#evolution-changed-only");
        await ShootAsync(wide, folder, "evolution-csto", taken, log);
        await wide.ClickAsync("#series-history-button");
        await wide.Locator("#series-history table.history").WaitForAsync();
        await ShootAsync(wide, folder, "evolution-csto-whole-series", taken, log);
        await wide.ClickAsync("#drawer-full");

        await wide.ClickAsync("[role='tab'][data-tab='cypher']");
        await wide.ClickAsync("#drawer-full");
        // The editor replaces the query box once it has loaded (with the graph's schema); a page without it keeps the box.
        await wide.WaitForFunctionAsync("() => window.explorer.cypher.editorReady !== false");
        await wide.Locator(await wide.Locator("#drawer .cypher-codemirror").CountAsync() > 0 ? "#drawer .cypher-codemirror .cm-content" : "#cypher-input").FillAsync("MATCH (d:Document {id: $id})-[c:CITES]->(x:Document)\nRETURN d, c, x, x.title AS title ORDER BY x.id");
        await wide.FillAsync("#cypher-params", $$"""{"id": "{{Resolution}}"}""");
        await wide.ClickAsync("#cypher-run");
        await wide.WaitForFunctionAsync("() => window.explorer.results.graphView && window.explorer.results.graphView.cy.nodes().length > 1");
        await wide.WaitForTimeoutAsync(800);
        await ShootAsync(wide, folder, "cypher-graph", taken, log);
        await wide.ClickAsync(".result-tabs [data-view='table']");
        await ShootAsync(wide, folder, "cypher-table", taken, log);
        return taken;
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("./");
        await page.WaitForFunctionAsync("() => window.explorer !== undefined && /documents/.test(document.getElementById('status').textContent)");
        return page;
    }

    private static async Task<bool> HasAsync(IPage page, string id)
    {
        var response = await page.APIRequest.GetAsync("api/node?id=" + Uri.EscapeDataString(id));
        return response.Ok;
    }

    private static async Task ShootAsync(IPage page, DirectoryInfo folder, string name, List<string> taken, TextWriter log)
    {
        var path = Path.Combine(folder.FullName, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        taken.Add(path);
        log.WriteLine($"  {name}.png");
    }
}

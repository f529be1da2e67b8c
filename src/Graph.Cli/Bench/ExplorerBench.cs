using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Graph.Cli.Bench;

/// <summary>
/// One interaction timed in the explorer page: the median and slowest of its rounds, how many elements it left drawn,
/// and for a Cypher result the medians of its parts (the server's answer received and parsed; the graph built; laid out).
/// </summary>
internal sealed record ExplorerFigure(string Interaction, double MedianMilliseconds, double MaxMilliseconds, int Elements, string? Parts = null);

/// <summary>
/// Times a running explorer (any store, any size) in headless Chromium as a person meets it: opening the page
/// until it reports the graph's size, a Cypher result drawn on the canvas through the console, and a hub
/// expanded. Unlike <see cref="UiBench"/>, which feeds the page a prepared graph, every step here goes through
/// the server's API, so the figures include the server's answer.
/// </summary>
internal static class ExplorerBench
{
    /// <summary>
    /// Runs a query through the page's Cypher console and waits for the second frame after the results' own graph view
    /// drew it (a result no longer goes to the main canvas; a page from before that change draws it there).
    /// </summary>
    private const string RunQuery = """
        async (query) => {
          const { view, cypher, results, openDrawer } = window.explorer;
          if (openDrawer) openDrawer('cypher');
          view.clear();
          results?.clear();
          const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
          await frame();
          const t0 = performance.now();
          cypher.setQuery(query);
          await cypher.run();
          await frame();
          await frame();
          const drawnIn = results?.graphView ?? view;
          return { ms: performance.now() - t0, drawn: drawnIn.cy.elements().length, answer: results?.result?.ms ?? 0,
                   build: drawnIn.lastAddMs ?? 0, layout: drawnIn.lastLayoutMs ?? 0 };
        }
        """;

    /// <summary>Expands a node as a click on it does, and waits until the page reports the neighbours it added and drew them.</summary>
    private const string Expand = """
        async (id) => {
          const { view } = window.explorer;
          view.clear();
          const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
          await frame();
          const status = document.getElementById('status');
          const t0 = performance.now();
          view.dispatchEvent(new CustomEvent('expand', { detail: { id } }));
          while (!status.textContent.startsWith(id + ':')) await new Promise(resolve => setTimeout(resolve, 5));
          await frame();
          await frame();
          return { ms: performance.now() - t0, drawn: view.cy.elements().length };
        }
        """;

    public static async Task<List<ExplorerFigure>> RunAsync(string baseUrl, int rounds, TextWriter log)
    {
        var hub = await MostCitedAsync(baseUrl);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = UiBench.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var figures = new List<ExplorerFigure>();

        var loads = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await page.GotoAsync(baseUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.WaitForFunctionAsync("() => window.explorer !== undefined && /documents/.test(document.getElementById('status').textContent)");
            if (round > 0) loads.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds); // the first warms the caches
        }
        figures.Add(Figure("open the page until it reports the graph's size", loads, 0));
        log.WriteLine(Describe(figures[^1]));

        foreach (var (name, query) in Queries)
        {
            figures.Add(await TimeAsync(page, name, RunQuery, query, rounds));
            log.WriteLine(Describe(figures[^1]));
        }
        if (hub is not null)
        {
            figures.Add(await TimeAsync(page, $"expand the most cited document ({hub})", Expand, hub, rounds));
            log.WriteLine(Describe(figures[^1]));
        }
        return figures;
    }

    /// <summary>The explorer's Cypher console results that are drawn: a citation network of about 2,000 elements, and 5,000 paragraphs.</summary>
    private static readonly (string Name, string Query)[] Queries =
    [
        ("Cypher: 1,000 citations between documents drawn", "MATCH (d:Document)-[r:CITES]->(x:Document) RETURN d, r, x LIMIT 1000"),
        ("Cypher: 5,000 paragraphs drawn", "MATCH (p:Paragraph) RETURN p LIMIT 5000"),
    ];

    public static string ToMarkdown(IReadOnlyList<ExplorerFigure> figures, string url, int rounds)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Explorer at {url}, headless Chromium 1440×900, software rendering; median and slowest of {rounds} rounds after one warm-up.");
        md.AppendLine();
        md.AppendLine("| interaction | median | slowest | elements drawn |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var f in figures)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Interaction}{(f.Parts is null ? "" : $" ({f.Parts})")} | {f.MedianMilliseconds:F0} ms | {f.MaxMilliseconds:F0} ms | {f.Elements:N0} |");
        return md.ToString();
    }

    private static async Task<ExplorerFigure> TimeAsync(IPage page, string name, string script, string argument, int rounds)
    {
        var times = new List<double>();
        List<double> answers = [], builds = [], layouts = [];
        var drawn = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var result = await page.EvaluateAsync<JsonElement>(script, argument);
            drawn = result.GetProperty("drawn").GetInt32();
            if (round == 0) continue;
            times.Add(result.GetProperty("ms").GetDouble());
            if (result.TryGetProperty("answer", out var answer)) answers.Add(answer.GetDouble());
            if (result.TryGetProperty("build", out var build)) builds.Add(build.GetDouble());
            if (result.TryGetProperty("layout", out var layout)) layouts.Add(layout.GetDouble());
        }
        var figure = Figure(name, times, drawn);
        return answers.Count == 0 || answers.All(a => a == 0) ? figure
            : figure with { Parts = string.Create(CultureInfo.InvariantCulture, $"answer {Median(answers):F0} ms, built {Median(builds):F0} ms, laid out {Median(layouts):F0} ms") };
    }

    private static ExplorerFigure Figure(string name, List<double> times, int elements)
    {
        times.Sort();
        return new ExplorerFigure(name, times[times.Count / 2], times[^1], elements);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static string Describe(ExplorerFigure f) =>
        string.Create(CultureInfo.InvariantCulture, $"  {f.Interaction}: median {f.MedianMilliseconds:F0} ms, slowest {f.MaxMilliseconds:F0} ms, {f.Elements:N0} elements{(f.Parts is null ? "" : $" ({f.Parts})")}");

    /// <summary>The document with the most incoming CITES, asked of the server's Query API.</summary>
    private static async Task<string?> MostCitedAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        const string Body = """{"statement":"MATCH (d:Document)<-[:CITES]-() RETURN d.id AS id, count(*) AS n ORDER BY n DESC LIMIT 1"}""";
        using var response = await http.PostAsync("db/neo4j/query/v2", new StringContent(Body, Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode) return null;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var values = json.RootElement.GetProperty("data").GetProperty("values");
        return values.GetArrayLength() == 0 ? null : values[0][0].GetString();
    }
}

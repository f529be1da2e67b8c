using System.Buffers.Binary;
using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>What a person does in the explorer, in a real browser against the real server.</summary>
public sealed class ExplorerPageTests(ExplorerServer server) : IAsyncLifetime
{
    private ExplorerPage? _explorer;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        if (server.SkipReason is not null) return;
        // Script errors and CSP violations fail the test: a person would see a broken page.
        _explorer = await ExplorerPage.OpenAsync(server.Browser!, server.BaseUrl, acceptDownloads: true);
        _page = _explorer.Page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_explorer is not null) await _explorer.DisposeAsync();
    }

    private void SkipWithoutBrowser() => Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? "");

    private Task ScreenshotAsync(string name) => _explorer!.ScreenshotAsync(name);

    /// <summary>
    /// Taps the Cytoscape element <paramref name="element"/> names. The script returns nothing on purpose:
    /// Playwright serialises whatever an evaluated script returns, and a Cytoscape collection reaches the whole
    /// renderer, whose serialisation took the page to gigabytes of heap and crashed it.
    /// </summary>
    private Task TapAsync(string element) => _page.EvaluateAsync($"() => {{ {element}.emit('tap'); }}");

    private Task<bool> OnCanvasAsync(string id) => _page.EvaluateAsync<bool>("id => window.explorer.view.has(id)", id);

    private void AssertNoPageProblems() => _explorer!.AssertNoProblems();

    [Fact]
    public async Task SearchOpensAResolutionAndExpandingItReachesTheResolutionsItCites()
    {
        SkipWithoutBrowser();
        await _page.FillAsync("#search-input", "77/13");
        var hit = _page.Locator("#search-results li[data-id='A/RES/77/13']");
        await hit.WaitForAsync();
        await ScreenshotAsync("01-search-autocomplete");
        await hit.ClickAsync();

        await Assertions.Expect(_page.Locator("#details h2")).ToHaveTextAsync("A/RES/77/13");
        Assert.True(await OnCanvasAsync("A/RES/77/13"));
        Assert.False(await OnCanvasAsync("A/RES/64/256"));

        // Clicking the selected node on the canvas expands it.
        await _page.WaitForTimeoutAsync(400); // the view centres on the opened node
        var at = await _page.EvaluateAsync<double[]>("""
            () => {
              const cy = window.explorer.view.cy, box = cy.container().getBoundingClientRect();
              const p = cy.getElementById('A/RES/77/13').renderedPosition();
              return [box.left + p.x, box.top + p.y];
            }
            """);
        await _page.Mouse.ClickAsync((float)at[0], (float)at[1]);
        await _page.WaitForFunctionAsync("() => window.explorer.view.has('A/RES/64/256')");
        await _page.WaitForTimeoutAsync(300); // let the layout settle for the screenshot
        await ScreenshotAsync("02-expanded-77-13");

        // One expansion shows a page of neighbours; the "+N more" handle brings the next page.
        var before = await _page.EvaluateAsync<int>("() => window.explorer.view.cy.nodes().length");
        await TapAsync("window.explorer.view.cy.getElementById('more:A/RES/77/13')");
        await _page.WaitForFunctionAsync($"() => window.explorer.view.cy.nodes().length > {before + 5}");

        // Selecting the cited resolution shows where 77/13 or an earlier resolution cited it, the citation marked.
        await TapAsync("window.explorer.view.cy.getElementById('A/RES/64/256')");
        await Assertions.Expect(_page.Locator("#details h2")).ToHaveTextAsync("A/RES/64/256");
        await Assertions.Expect(_page.Locator("#details .source-text mark")).ToContainTextAsync("64/256");
        await ScreenshotAsync("03-cited-only-details");

        // A citation shows the paragraph that made it.
        await TapAsync("window.explorer.view.cy.edges('[type = \"CITES\"][target = \"A/RES/64/256\"]').first()");
        await Assertions.Expect(_page.Locator("#details h2")).ToHaveTextAsync("CITES");
        await Assertions.Expect(_page.Locator("#details .source-text")).ToContainTextAsync("64/256");
        // The seeds are Markdown: the source paragraph reads as words, without the emphasis marks around its verb.
        Assert.DoesNotContain("*", await _page.Locator("#details .source-text").InnerTextAsync());

        // Unticking a kind in the legend hides those nodes; ticking it again shows them.
        var resolutions = _page.Locator("#kind-filters label", new() { HasText = "Resolution" }).Locator("input");
        await resolutions.UncheckAsync();
        Assert.True(await _page.EvaluateAsync<bool>("() => window.explorer.view.cy.getElementById('A/RES/77/13').hasClass('filtered')"));
        await resolutions.CheckAsync();
        Assert.False(await _page.EvaluateAsync<bool>("() => window.explorer.view.cy.getElementById('A/RES/77/13').hasClass('filtered')"));
        AssertNoPageProblems();
    }

    [Fact]
    public async Task TheLegendListsEveryKindOfNodeInTheColourAndShapeTheGraphDrawsItIn()
    {
        SkipWithoutBrowser();
        // Every node label of the model, whether or not the canvas holds one (it is empty at first).
        var labels = typeof(Graph.Model.Labels).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var legend = await _page.Locator("#kind-filters li[data-kind]").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.kind)");
        Assert.All(labels, label => Assert.Contains(label, legend));

        // Each swatch as Cytoscape draws a node of that kind: a probe node per kind, removed again.
        var kinds = await _page.EvaluateAsync<LegendKind[]>("""
            () => {
              const cy = window.explorer.view.cy;
              return [...document.querySelectorAll('#kind-filters li[data-kind]')].map((li) => {
                const swatch = li.querySelector('.swatch');
                const probe = cy.add({ group: 'nodes', data: { id: 'legend-probe', kind: li.dataset.kind, caption: '', weight: 0 } });
                const drawn = { color: probe.style('background-color'), shape: probe.style('shape') };
                cy.remove(probe);
                return { kind: li.dataset.kind, label: li.textContent, swatchColor: getComputedStyle(swatch).backgroundColor, swatchShape: swatch.dataset.shape,
                  drawnColor: drawn.color, drawnShape: drawn.shape, clipPath: getComputedStyle(swatch).clipPath };
              });
            }
            """);
        foreach (var kind in kinds)
        {
            Assert.True(kind.SwatchColor.Replace(" ", "", StringComparison.Ordinal) == kind.DrawnColor.Replace(" ", "", StringComparison.Ordinal),
                $"{kind.Kind}: legend {kind.SwatchColor}, graph {kind.DrawnColor}");
            Assert.True(kind.SwatchShape == kind.DrawnShape, $"{kind.Kind}: legend {kind.SwatchShape}, graph {kind.DrawnShape}");
            // Shapes other than circles and rounded squares are cut out of the swatch, so they look as on the canvas.
            Assert.Equal(kind.DrawnShape is "ellipse" or "round-rectangle", kind.ClipPath == "none");
        }
        // Kinds are told apart at a glance: no two share colour and shape.
        Assert.Equal(kinds.Length, kinds.Select(k => (k.DrawnColor, k.DrawnShape)).Distinct().Count());
        Assert.Contains(kinds, k => k.Kind == "Agreement" && k.DrawnShape == "hexagon" && k.Label.Contains("Agreement", StringComparison.Ordinal));
        Assert.Contains(kinds, k => k.Kind == "MeetingRecord" && k.Label.Contains("Meeting record", StringComparison.Ordinal));
        await ScreenshotAsync("legend-every-kind");
        AssertNoPageProblems();
    }

    /// <summary>A kind in the legend beside how the graph draws it (Playwright fills it from the page's answer).</summary>
    private sealed class LegendKind
    {
        public string Kind { get; set; } = "";
        public string Label { get; set; } = "";
        public string SwatchColor { get; set; } = "";
        public string SwatchShape { get; set; } = "";
        public string DrawnColor { get; set; } = "";
        public string DrawnShape { get; set; } = "";
        public string ClipPath { get; set; } = "";
    }

    [Theory]
    [InlineData("de-DE", ".")]
    [InlineData("en-US", ",")]
    public async Task TheStatusLineWritesCountsAsTheReadersLocaleDoes(string locale, string thousands)
    {
        SkipWithoutBrowser();
        await using var reader = await ExplorerPage.OpenAsync(server.Browser!, server.BaseUrl, locale: locale);
        var overview = await (await reader.Page.APIRequest.GetAsync("api/overview")).JsonAsync();
        long Count(string name) => overview!.Value.GetProperty(name).GetInt64();
        Assert.SkipWhen(Count("nodes") < 1000, $"The graph has {Count("nodes")} nodes (no shared/corpus here): no count has a thousands separator.");

        // 91259 nodes read "91.259" in German and "91,259" in English.
        string Written(long n) => n.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", thousands, StringComparison.Ordinal);
        await Assertions.Expect(reader.Page.Locator("#status")).ToHaveTextAsync(
            $"{Written(Count("documents"))} documents, {Written(Count("nodes"))} nodes and {Written(Count("relationships"))} relationships in the graph.");
        reader.AssertNoProblems();
    }

    [Fact]
    public async Task PathFinderFollowsCitationsByDefaultAndKeepsTheNodesTheirSize()
    {
        SkipWithoutBrowser();
        await _page.FillAsync("#path-from", "A/RES/77/13");
        await _page.FillAsync("#path-to", "S/RES/1631 (2005)");
        await _page.ClickAsync("#path-button");
        await Assertions.Expect(_page.Locator("#path-result li").First).ToContainTextAsync("S/RES/1631 (2005)");
        Assert.True(await OnCanvasAsync("S/RES/1631 (2005)"));
        var highlighted = await _page.EvaluateAsync<string[]>("() => window.explorer.view.cy.nodes('.path').map(n => n.id())");
        Assert.Contains("A/RES/77/13", highlighted);
        Assert.Contains("S/RES/1631 (2005)", highlighted);
        // By default only citations are followed, each step citing the next.
        var types = await _page.EvaluateAsync<string[]>("() => window.explorer.view.cy.edges('.path').map(e => e.data('type'))");
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("CITES", t));
        // The highlight marks the border; it must not shrink nodes to slivers (a width of 4 px once did).
        var sizes = await _page.EvaluateAsync<double[]>("() => window.explorer.view.cy.nodes('.path').map(n => Math.min(n.width(), n.height()))");
        Assert.All(sizes, size => Assert.True(size >= 14, $"a node on the path is {size} px across"));
        await ScreenshotAsync("04-path");

        // Any relationship, either way, three paths: 77/13 reaches the United Nations through several of its paragraphs.
        await _page.FillAsync("#path-to", "org:united-nations");
        await _page.CheckAsync("#path-types input[data-all]");
        Assert.False(await _page.Locator("#path-types input[value='CITES']").IsCheckedAsync());
        await _page.SelectOptionAsync("#path-direction", "both");
        await _page.FillAsync("#path-count", "3");
        await _page.ClickAsync("#path-button");
        await Assertions.Expect(_page.Locator("#path-result li[data-path]")).ToHaveCountAsync(3);
        var texts = await _page.Locator("#path-result li[data-path]").AllTextContentsAsync();
        Assert.Equal(3, texts.Distinct().Count());
        // Choosing one path highlights it alone: its three nodes and two relationships.
        await _page.Locator("#path-result li[data-path='1']").ClickAsync();
        var second = await _page.EvaluateAsync<string[]>("() => window.explorer.view.cy.elements('.path').map(e => e.id())");
        Assert.Equal(5, second.Length);
        Assert.Contains("A/RES/77/13", second);
        Assert.Contains("org:united-nations", second);
        var nodes = await _page.EvaluateAsync<string[]>("() => window.explorer.view.cy.nodes('.path').map(e => e.id())");
        Assert.Single(nodes, id => id.StartsWith("A/RES/77/13#", StringComparison.Ordinal));
        await ScreenshotAsync("04-path-one-of-three");
        AssertNoPageProblems();
    }

    [Fact]
    public async Task EvolutionFrom71_12To77_13ShowsOperativeParagraph2Reworded()
    {
        SkipWithoutBrowser();
        await _page.ClickAsync("[role='tab'][data-tab='evolution']");
        await _page.FillAsync("#evolution-from", "A/RES/71/12");
        await _page.FillAsync("#evolution-to", "A/RES/77/13");
        await _page.ClickAsync("#evolution-button");

        var later = _page.Locator(".diff-cell.reworded[data-paragraph='A/RES/77/13#op2']");
        await Assertions.Expect(later.Locator("ins")).ToContainTextAsync(["irregular"]);
        var earlier = _page.Locator(".diff-cell.reworded[data-paragraph='A/RES/71/12#op2']");
        await Assertions.Expect(earlier.Locator("del")).ToContainTextAsync(["illegal"]);
        await later.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("05-evolution");
        AssertNoPageProblems();
    }

    [Fact]
    public async Task TheTimelineHasAYearAxisAndCaptionsReadableAtItsFittedZoom()
    {
        SkipWithoutBrowser();
        await _page.FillAsync("#search-input", "77/13");
        await _page.Locator("#search-results li[data-id='A/RES/77/13']").ClickAsync();
        await _page.Locator("#details button[data-action='cites']").ClickAsync();
        await _page.WaitForFunctionAsync("() => window.explorer.view.has('A/RES/64/256')");
        await _page.SelectOptionAsync("#layout-select", "timeline");
        var labels = _page.Locator("#cy .timeline-axis span");
        await Assertions.Expect(labels.First).ToBeVisibleAsync();
        var years = (await labels.AllTextContentsAsync()).Where(t => t != "undated").Select(int.Parse).ToList();
        Assert.True(years.Count >= 2, string.Join(", ", years));
        Assert.Equal(years.Order(), years);
        // Each label stands over its column: 77/13 (2022) lies under the label 2022, right of 64/256's year.
        var under = await _page.EvaluateAsync<double[]>("""
            () => {
              const cy = window.explorer.view.cy;
              const label = [...document.querySelectorAll('#cy .timeline-axis span')].find(s => s.textContent === '2022');
              return [label ? parseFloat(label.style.left) : -1, cy.getElementById('A/RES/77/13').renderedPosition('x')];
            }
            """);
        Assert.True(Math.Abs(under[0] - under[1]) < 2, $"label 2022 at x={under[0]}, A/RES/77/13 at x={under[1]}");
        var smallest = await _page.EvaluateAsync<double>("() => { const cy = window.explorer.view.cy; return Math.min(...cy.nodes().map(n => parseFloat(n.style('font-size')) * cy.zoom())); }");
        Assert.True(smallest >= 7, $"the smallest caption is drawn {smallest:F1} px high, too small to be drawn at all");
        await ScreenshotAsync("13-timeline-axis");
        AssertNoPageProblems();
    }

    [Fact]
    public async Task TheMostCitedDocumentsAreAStartingView()
    {
        SkipWithoutBrowser();
        await _page.ClickAsync("#most-cited-button");
        await _page.WaitForFunctionAsync("() => window.explorer.view.cy.nodes().length >= 10");
        await Assertions.Expect(_page.Locator("#status")).ToContainTextAsync("most cited documents");
        // Sized by how often they are cited: the most cited is drawn largest.
        var sizes = await _page.EvaluateAsync<double[]>("() => window.explorer.view.cy.nodes().map(n => n.data('weight'))");
        Assert.Equal(20, sizes.Max());
        Assert.True(await _page.Locator("#empty-state").IsHiddenAsync());
        await ScreenshotAsync("14-most-cited");

        // Grouped by body, then by decade: one named group per value, together holding every node once.
        var nodes = await _page.EvaluateAsync<int>("() => window.explorer.view.cy.nodes().length");
        foreach (var grouping in new[] { "body", "decade" })
        {
            await _page.SelectOptionAsync("#layout-select", grouping);
            var groups = _page.Locator("#cy .group-labels span");
            await Assertions.Expect(groups.First).ToBeVisibleAsync();
            var names = await groups.AllTextContentsAsync();
            var counts = names.Select(n => int.Parse(n[(n.LastIndexOf('(') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(nodes, counts.Sum());
            if (grouping == "body") Assert.Contains(names, n => n.StartsWith("General Assembly (", StringComparison.Ordinal));
            else Assert.All(names, n => Assert.Matches(@"^(\d{4}s|undated) \(\d+\)$", n));
            await ScreenshotAsync("15-grouped-by-" + grouping);
        }
        AssertNoPageProblems();
    }

    [Fact]
    public async Task TheWholeSeriesShowsEachOperativeParagraphAcrossEveryResolution()
    {
        SkipWithoutBrowser();
        await _page.ClickAsync("[role='tab'][data-tab='evolution']");
        await _page.ClickAsync("#drawer-full");
        await _page.FillAsync("#series-input", "A/RES/77/13");
        await _page.ClickAsync("#series-history-button");
        var history = _page.Locator("#series-history table.history");
        await history.WaitForAsync();
        // One column per resolution whose text is in the graph, oldest first: 71/12 before 77/13.
        var columns = (await history.Locator("thead th button").AllTextContentsAsync()).ToList();
        Assert.True(columns.Count >= 2, string.Join(", ", columns));
        Assert.True(columns.IndexOf("A/RES/71/12") >= 0 && columns.IndexOf("A/RES/71/12") < columns.IndexOf("A/RES/77/13"), string.Join(", ", columns));
        // Operative paragraph 2 was reworded from 71/12 to 77/13 ("illegal" became "irregular"); its row says so.
        var reworded = history.Locator("td.history-cell[data-change='reworded'][data-paragraph='A/RES/77/13#op2']");
        await Assertions.Expect(reworded.Locator("ins")).ToContainTextAsync(["irregular"]);
        await Assertions.Expect(reworded.Locator("del")).ToContainTextAsync(["illegal"]);
        await reworded.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("12-series-history");
        var row = history.Locator("tr", new() { Has = _page.Locator("td[data-paragraph='A/RES/77/13#op2']") });
        await Assertions.Expect(row.Locator("td[data-paragraph='A/RES/71/12#op2']")).ToHaveCountAsync(1);
        AssertNoPageProblems();
    }

    [Fact]
    public async Task ACypherQueryShowsRowsAndAGraphInItsOwnViewAndLeavesTheCanvasAlone()
    {
        SkipWithoutBrowser();
        await _page.FillAsync("#search-input", "71/12");
        await _page.Locator("#search-results li[data-id='A/RES/71/12']").ClickAsync();
        await _page.WaitForFunctionAsync("() => window.explorer.view.has('A/RES/71/12')");

        await CypherEditorDriver.FillQueryAsync(_page, "MATCH (d:Document {id: $id})-[c:CITES]->(x:Document)\nRETURN d, c, x, x.title AS title ORDER BY x.id");
        await _page.FillAsync("#cypher-params", """{"id": "A/RES/77/13"}""");
        await _page.ClickAsync("#cypher-run");

        await _page.WaitForFunctionAsync("() => document.querySelector('#cypher-summary').textContent.includes('rows') || !document.querySelector('#cypher-error').hidden");
        Assert.True(await _page.Locator("#cypher-error").IsHiddenAsync(), await _page.Locator("#cypher-error").TextContentAsync());
        // A result with nodes opens as a graph, in the results' own view.
        await Assertions.Expect(_page.Locator(".result-tabs [data-view='graph']")).ToHaveAttributeAsync("aria-selected", "true");
        await _page.WaitForFunctionAsync("() => window.explorer.results.graphView && window.explorer.results.graphView.has('A/RES/64/256')");
        // The canvas keeps what was on it, and gets nothing of the result until asked.
        Assert.True(await OnCanvasAsync("A/RES/71/12"));
        Assert.False(await OnCanvasAsync("A/RES/64/256"));
        await ScreenshotAsync("06-cypher-graph");

        await _page.ClickAsync(".result-tabs [data-view='table']");
        Assert.True(await _page.Locator("#cypher-table tbody tr").CountAsync() >= 5);
        await Assertions.Expect(_page.Locator("#cypher-table thead th")).ToHaveTextAsync(["d", "c", "x", "title"]);
        await ScreenshotAsync("06-cypher-table");
        await _page.ClickAsync(".result-tabs [data-view='json']");
        await Assertions.Expect(_page.Locator("#cypher-json")).ToContainTextAsync("\"title\"");

        await _page.ClickAsync("#cypher-to-canvas");
        await _page.WaitForFunctionAsync("() => window.explorer.view.has('A/RES/64/256')");
        Assert.True(await OnCanvasAsync("A/RES/71/12"));
        AssertNoPageProblems();
    }

    [Fact]
    public async Task TheResultTablePagesThroughEveryRow()
    {
        SkipWithoutBrowser();
        await CypherEditorDriver.FillQueryAsync(_page, "UNWIND range(1, 1234) AS n RETURN n");
        await _page.FillAsync("#cypher-params", "{}");
        await _page.ClickAsync("#cypher-run");
        await Assertions.Expect(_page.Locator("#cypher-summary")).ToContainTextAsync("1,234 rows");
        await Assertions.Expect(_page.Locator("#cypher-page")).ToContainTextAsync("Rows 1–100 of 1,234");
        await Assertions.Expect(_page.Locator("#cypher-table tbody tr")).ToHaveCountAsync(100);
        for (var i = 0; i < 12; i++) await _page.ClickAsync("#cypher-next");
        // The last page holds the rows past 1,200: nothing stops at 1,000.
        await Assertions.Expect(_page.Locator("#cypher-page")).ToContainTextAsync("Rows 1,201–1,234 of 1,234");
        await Assertions.Expect(_page.Locator("#cypher-table tbody tr")).ToHaveCountAsync(34);
        await Assertions.Expect(_page.Locator("#cypher-table tbody tr").Last).ToContainTextAsync("1234");
        Assert.True(await _page.Locator("#cypher-next").IsDisabledAsync());
        AssertNoPageProblems();
    }

    [Fact]
    public async Task QueryHistoryAndSavedQueriesOutliveTheTab()
    {
        SkipWithoutBrowser();
        await CypherEditorDriver.FillQueryAsync(_page, "MATCH (d:Document) RETURN count(d) AS documents");
        await _page.FillAsync("#cypher-params", "{}");
        await _page.ClickAsync("#cypher-run");
        await Assertions.Expect(_page.Locator("#cypher-summary")).ToContainTextAsync("1 row");
        _page.Dialog += async (_, dialog) => await dialog.AcceptAsync("Documents counted");
        await _page.ClickAsync("#cypher-save");

        var other = await _explorer!.OpenAnotherAsync();
        await other.ClickAsync("[role='tab'][data-tab='cypher']");
        await Assertions.Expect(other.Locator("#cypher-history option[title='MATCH (d:Document) RETURN count(d) AS documents']")).ToHaveCountAsync(1);
        await other.SelectOptionAsync("#cypher-saved", new SelectOptionValue { Label = "Documents counted" });
        await Assertions.Expect(other.Locator("#cypher-input")).ToHaveValueAsync("MATCH (d:Document) RETURN count(d) AS documents");
        await other.CloseAsync();
        AssertNoPageProblems();
    }

    [Fact]
    public async Task ACypherSyntaxErrorSaysWhereItIs()
    {
        SkipWithoutBrowser();
        await CypherEditorDriver.FillQueryAsync(_page, "MATCH (d:Document) RETRUN d");
        await _page.ClickAsync("#cypher-run");
        await Assertions.Expect(_page.Locator("#cypher-error")).ToContainTextAsync("Line 1, column");
        // The server's error and the editor's own check both mark the misspelt keyword.
        await Assertions.Expect(_page.Locator(".cm-content .cm-lintRange-error").First).ToHaveTextAsync("RETRUN");
        await ScreenshotAsync("07-cypher-error");
    }

    [Fact]
    public async Task PngExportOfTheViewIsAValidImage()
    {
        SkipWithoutBrowser();
        await _page.FillAsync("#search-input", "77/13");
        await _page.Locator("#search-results li[data-id='A/RES/77/13']").ClickAsync();
        await _page.Locator("#details button[data-action='expand']").ClickAsync();
        await _page.WaitForFunctionAsync("() => window.explorer.view.has('A/RES/64/256')");

        await _page.ClickAsync("#export-button");
        var download = await _page.RunAndWaitForDownloadAsync(() => _page.ClickAsync("[data-export='png']"));
        var path = Path.Combine(server.ScreenshotDir, "08-export.png");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        Assert.True(width > 100 && height > 100, $"{width}×{height}");
        AssertNoPageProblems();
    }

    [Fact]
    public async Task TheAddressRestoresTheView()
    {
        SkipWithoutBrowser();
        await _page.FillAsync("#search-input", "77/13");
        await _page.Locator("#search-results li[data-id='A/RES/77/13']").ClickAsync();
        await _page.Locator("#details button[data-action='expand']").ClickAsync();
        await _page.WaitForFunctionAsync("() => window.explorer.view.has('A/RES/64/256')");
        await _page.SelectOptionAsync("#layout-select", "timeline");
        await _page.WaitForFunctionAsync("() => location.hash.includes('timeline')");
        var link = _page.Url;

        var other = await _explorer!.OpenAnotherAsync(link);
        await other.WaitForFunctionAsync("() => window.explorer.view.has('A/RES/64/256')");
        await Assertions.Expect(other.Locator("#layout-select")).ToHaveValueAsync("timeline");
        await Assertions.Expect(other.Locator("#details h2")).ToHaveTextAsync("A/RES/77/13");
    }

    [Fact]
    public async Task CitationChainIsLaidOutAsATimeOrderedHierarchy()
    {
        SkipWithoutBrowser();
        await _page.FillAsync("#search-input", "77/13");
        await _page.Locator("#search-results li[data-id='A/RES/77/13']").ClickAsync();
        await _page.FillAsync("#chain-depth", "2");
        await _page.Locator("#details button[data-action='cites']").ClickAsync();
        await _page.WaitForFunctionAsync("() => window.explorer.view.has('A/RES/64/256')");
        await Assertions.Expect(_page.Locator("#layout-select")).ToHaveValueAsync("hierarchy");
        // Citations point back in time, so the hierarchy puts the cited (older) resolution left of the citing one.
        var x = await _page.EvaluateAsync<double[]>("() => ['A/RES/64/256', 'A/RES/77/13'].map(id => window.explorer.view.cy.getElementById(id).position('x'))");
        Assert.True(x[0] < x[1], $"64/256 at x={x[0]}, 77/13 at x={x[1]}");
        await ScreenshotAsync("09-citation-hierarchy");

        await _page.ClickAsync("[role='tab'][data-tab='evolution']");
        await _page.Locator("#details button[data-action='series']").ClickAsync();
        await Assertions.Expect(_page.Locator("#series-timeline li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(_page.Locator("#series-timeline li").Last).ToContainTextAsync("A/RES/77/13");
        await ScreenshotAsync("10-series-timeline");
        AssertNoPageProblems();
    }

    [Fact]
    public async Task ThousandsOfElementsSwitchCytoscapeToWebGl()
    {
        SkipWithoutBrowser();
        await CypherEditorDriver.FillQueryAsync(_page, "MATCH (p:Paragraph) RETURN p LIMIT 2500");
        await _page.FillAsync("#cypher-params", "{}");
        await _page.ClickAsync("#cypher-run");
        await _page.WaitForFunctionAsync("() => window.explorer.results.graphView?.cy.nodes().length >= 2001", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        Assert.Equal("webgl", await _page.EvaluateAsync<string>("() => window.explorer.results.graphView.rendererName"));
        // Level of detail: fitted far out, no caption but the hubs'; zoomed in on a few hundred nodes, each has one.
        await _page.WaitForTimeoutAsync(300);
        Assert.Equal(0, await _page.EvaluateAsync<int>("() => window.explorer.results.graphView.cy.nodes('.near').length"));
        await _page.EvaluateAsync("""
            () => {
              const cy = window.explorer.results.graphView.cy;
              cy.zoom({ level: 1.2, position: cy.nodes()[0].position() });
            }
            """);
        await _page.WaitForFunctionAsync("() => window.explorer.results.graphView.cy.nodes('.near').length > 0");
        var near = await _page.EvaluateAsync<int>("() => window.explorer.results.graphView.cy.nodes('.near').length");
        Assert.InRange(near, 1, 250);
        await _page.WaitForTimeoutAsync(1500);
        await ScreenshotAsync("11-webgl");
        AssertNoPageProblems();
    }
}

using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>
/// A Cypher result of five thousand nodes in the console's graph view: drawn whole, though the console asks for its
/// nodes brief (their long texts left out), and a selected node still shows its whole text.
/// </summary>
public sealed class LargeCypherResultTests : IAsyncLifetime
{
    private const int Nodes = 5000;

    /// <summary>Longer than the brief answer keeps (160 characters), so every paragraph's text is left out of it.</summary>
    private const string Sentence = "Requests the Secretary-General to report to the General Assembly at its next session on the implementation of "
        + "the present resolution, including on cooperation between the United Nations and regional organizations, paragraph ";

    private ExplorerHost? _host;
    private ExplorerPage? _explorer;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        // An empty graph that takes writes: the test writes its five thousand paragraphs through the Query API.
        _host = await ExplorerHost.StartAsync(startEmpty: true, settings: new Dictionary<string, string> { ["Graph:AllowWrites"] = "true" });
        if (_host is null) return;
        _explorer = await ExplorerPage.OpenAsync(_host.Browser, _host.BaseUrl);
        _page = _explorer.Page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_explorer is not null) await _explorer.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
    }

    /// <summary>Runs a statement through the Query API (plain JSON, nothing left out) and answers its first value.</summary>
    private Task<System.Text.Json.JsonElement> QueryAsync(string statement, object parameters) => _page.EvaluateAsync<System.Text.Json.JsonElement>("""
        async ([statement, parameters]) => {
          const response = await fetch('db/neo4j/query/v2', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ statement, parameters }) });
          const body = await response.json();
          if (!response.ok) throw new Error(JSON.stringify(body));
          return body.data.values[0][0];
        }
        """, new object[] { statement, parameters });

    [Fact]
    public async Task FiveThousandParagraphsAreDrawnInFullAndASelectedOneShowsItsWholeText()
    {
        Assert.SkipWhen(ExplorerHost.SkipReason is not null, ExplorerHost.SkipReason ?? "");
        var created = await QueryAsync(
            "UNWIND range(1, $n) AS i CREATE (p:Paragraph {id: 'A/RES/99/1#op' + toString(i), kind: 'operative', number: toString(i), text: $sentence + toString(i) + '.'}) RETURN count(p)",
            new { n = Nodes, sentence = Sentence });
        Assert.Equal(Nodes, created.GetInt32());

        await CypherEditorDriver.FillQueryAsync(_page, "MATCH (p:Paragraph) RETURN p");
        await _page.FillAsync("#cypher-params", "{}");
        await _page.ClickAsync("#cypher-run");
        await Assertions.Expect(_page.Locator("#cypher-summary")).ToContainTextAsync("5,000 rows", new() { Timeout = 60_000 });
        await _page.WaitForFunctionAsync($"() => window.explorer.results.graphView?.cy.nodes().length === {Nodes}");
        Assert.Equal("webgl", await _page.EvaluateAsync<string>("() => window.explorer.results.graphView.rendererName"));
        // Every node drawn has a place on the canvas (no element left at the origin of a layout that did not run).
        Assert.Equal(Nodes, await _page.EvaluateAsync<int>("""
            () => { const ps = new Set(); window.explorer.results.graphView.cy.nodes().forEach(n => ps.add(n.position('x') + ',' + n.position('y'))); return ps.size; }
            """));

        // The result came brief: the drawn node holds no text.
        const string Id = "A/RES/99/1#op4321";
        var properties = await _page.EvaluateAsync<string[]>("id => Object.keys(window.explorer.results.graphView.cy.getElementById(id).data('api').properties)", Id);
        Assert.DoesNotContain("text", properties);
        Assert.Contains("number", properties);

        // Selected, it shows the whole text, as the graph holds it.
        var text = (await QueryAsync("MATCH (p:Paragraph {id: $id}) RETURN p.text", new { id = Id })).GetString()!;
        Assert.Equal(Sentence + "4321.", text);
        await _page.EvaluateAsync("id => { window.explorer.results.graphView.cy.getElementById(id).emit('tap'); }", Id);
        await Assertions.Expect(_page.Locator("#details .source-text")).ToHaveTextAsync(text, new() { Timeout = 30_000 });
        await _explorer!.ScreenshotAsync("12-five-thousand-paragraphs");
        _explorer.AssertNoProblems();
    }
}

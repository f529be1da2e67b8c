using System.Text.Json;
using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>
/// "Add to canvas" with a brief Cypher result (long texts left out): the canvas gets the nodes whole, as the graph
/// holds them, since its exports and shared links write what it holds.
/// </summary>
public sealed class CypherResultToCanvasTests(ExplorerServer server) : IAsyncLifetime
{
    /// <summary>Paragraphs whose text is longer than the brief answer keeps (160 characters).</summary>
    private const string LongParagraphs = "MATCH (p:Paragraph) WHERE size(p.text) > 160 WITH p ORDER BY p.id LIMIT 3 RETURN p";

    private ExplorerPage? _explorer;

    public async ValueTask InitializeAsync()
    {
        if (server.SkipReason is null) _explorer = await ExplorerPage.OpenAsync(server.Browser!, server.BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        if (_explorer is not null) await _explorer.DisposeAsync();
    }

    [Fact]
    public async Task ABriefResultAddedToTheCanvasCarriesTheWholeTexts()
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? "");
        var page = _explorer!.Page;
        // The texts as the graph holds them, through the Query API's plain JSON (nothing left out).
        var texts = await page.EvaluateAsync<JsonElement>("""
            async (statement) => {
              const response = await fetch('db/neo4j/query/v2', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify({ statement: statement.replace('RETURN p', 'RETURN p.id, p.text') }) });
              const body = await response.json();
              if (!response.ok) throw new Error(JSON.stringify(body));
              return body.data.values;
            }
            """, LongParagraphs);
        var expected = texts.EnumerateArray().ToDictionary(row => row[0].GetString()!, row => row[1].GetString()!);
        Assert.True(expected.Count == 3, texts.ToString());

        await CypherEditorDriver.FillQueryAsync(page, LongParagraphs);
        await page.FillAsync("#cypher-params", "{}");
        await page.ClickAsync("#cypher-run");
        await Assertions.Expect(page.Locator("#cypher-summary")).ToContainTextAsync("long texts left out");
        // The result view holds the nodes brief: no text, and the text named as left out.
        var brief = await page.EvaluateAsync<JsonElement>("() => window.explorer.results.result.graph.nodes.map((n) => ({ id: n.id, text: n.properties.text ?? null, omitted: n.omitted ?? [] }))");
        Assert.Equal(expected.Keys.Order(), brief.EnumerateArray().Select(n => n.GetProperty("id").GetString()!).Order());
        Assert.All(brief.EnumerateArray(), n =>
        {
            Assert.Equal(JsonValueKind.Null, n.GetProperty("text").ValueKind);
            Assert.Contains("text", n.GetProperty("omitted").EnumerateArray().Select(o => o.GetString()));
        });

        await page.ClickAsync("#cypher-to-canvas");
        await page.WaitForFunctionAsync("ids => ids.every((id) => window.explorer.view.has(id))", expected.Keys.ToArray());
        // What the canvas holds (and exports): each node with its whole text and nothing marked as left out.
        var onCanvas = await page.EvaluateAsync<JsonElement>("ids => window.explorer.view.snapshot().nodes.filter((n) => ids.includes(n.id)).map((n) => ({ id: n.id, text: n.properties.text ?? null, omitted: n.omitted ?? null }))",
            expected.Keys.ToArray());
        Assert.Equal(expected.Count, onCanvas.GetArrayLength());
        foreach (var node in onCanvas.EnumerateArray())
        {
            var id = node.GetProperty("id").GetString()!;
            Assert.Equal(expected[id], node.GetProperty("text").GetString());
            Assert.Equal(JsonValueKind.Null, node.GetProperty("omitted").ValueKind);
        }

        // Selected on the canvas, a node shows that text in its details.
        var first = expected.Keys.Order().First();
        await page.EvaluateAsync("id => { window.explorer.view.cy.getElementById(id).emit('tap'); }", first);
        await Assertions.Expect(page.Locator("#details .source-text").First).ToHaveTextAsync(expected[first]);
        await _explorer.ScreenshotAsync("16-brief-result-on-canvas");
        _explorer.AssertNoProblems();
    }
}

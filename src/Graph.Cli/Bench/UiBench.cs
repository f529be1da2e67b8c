using System.Text.Json.Nodes;
using Graph.Store;
using Graph.Store.Memory;
using Microsoft.Playwright;

namespace Graph.Cli.Bench;

internal sealed record UiFigures(int RequestedElements, int DrawnElements, double Milliseconds, string Renderer, string Note);

/// <summary>
/// Time to first render in headless Chromium: the explorer's own <c>GraphView</c> (the module the page
/// uses, with its stylesheet, renderer choice and force layout) is given N elements and timed until the
/// second animation frame after it returned, i.e. until the canvas has been painted.
/// </summary>
internal static class UiBench
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private const string Script = """
        async (json) => {
          const graph = JSON.parse(json);
          const { GraphView } = await import('./js/graph-view.js');
          const host = document.createElement('div');
          host.style.cssText = 'position:fixed;left:0;top:0;width:1280px;height:800px;z-index:9999;background:#fff';
          document.body.appendChild(host);
          const t0 = performance.now();
          const view = new GraphView(host);
          view.add(graph);
          await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const ms = performance.now() - t0;
          const drawn = view.cy.elements().length;
          const renderer = view.rendererName;
          view.cy.destroy();
          host.remove();
          return { ms, drawn, renderer: String(renderer) };
        }
        """;

    /// <summary>Nodes and relationships around the most cited documents, in the API's JSON shape, about <paramref name="elements"/> in all.</summary>
    public static JsonObject Elements(MemoryGraph graph, IReadOnlyList<string> hubs, int elements)
    {
        using var _ = graph.EnterRead();
        var included = new HashSet<long>();
        var queue = new Queue<long>();
        foreach (var hub in hubs) if (graph.TryGetNodeId(hub, out var id) && included.Add(id)) queue.Enqueue(id);
        var relationships = new Dictionary<long, MemoryRelationship>();
        while (queue.Count > 0 && included.Count + relationships.Count < elements)
        {
            var current = queue.Dequeue();
            foreach (var r in graph.GetRelationships(current, Direction.Both))
            {
                if (included.Count + relationships.Count >= elements) break;
                var other = r.OtherEnd(current);
                if (included.Add(other)) queue.Enqueue(other);
                relationships[r.Id] = r;
            }
        }
        var nodes = new JsonArray();
        foreach (var id in included)
        {
            graph.TryGetNode(id, out var node);
            nodes.Add(new JsonObject
            {
                ["id"] = node.Key,
                ["labels"] = new JsonArray([.. node.Labels.Select(l => (JsonNode?)JsonValue.Create(l))]),
                ["properties"] = Properties(node.Properties),
                ["weight"] = 0,
            });
        }
        var edges = new JsonArray();
        foreach (var r in relationships.Values)
        {
            graph.TryGetNode(r.StartId, out var start);
            graph.TryGetNode(r.EndId, out var end);
            edges.Add(new JsonObject
            {
                ["id"] = $"{start.Key}-[{r.Type}]->{end.Key}#{r.Id}",
                ["type"] = r.Type,
                ["start"] = start.Key,
                ["end"] = end.Key,
                ["properties"] = Properties(r.Properties),
            });
        }
        return new JsonObject { ["nodes"] = nodes, ["relationships"] = edges };
    }

    public static async Task<List<UiFigures>> RunAsync(string baseUrl, IReadOnlyList<(int Requested, JsonObject Graph)> graphs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var results = new List<UiFigures>();
        foreach (var (requested, graph) in graphs)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await page.GotoAsync(baseUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            // Twice: the first run compiles the code paths; the second is what a user sees in a warm tab.
            var json = graph.ToJsonString();
            await page.EvaluateAsync(Script, json);
            var result = await page.EvaluateAsync<System.Text.Json.JsonElement>(Script, json);
            results.Add(new UiFigures(requested, result.GetProperty("drawn").GetInt32(), result.GetProperty("ms").GetDouble(), result.GetProperty("renderer").GetString() ?? "",
                "GraphView.add (styles, renderer choice, fcose force layout) until the second animation frame; headless Chromium, software rendering"));
            await page.CloseAsync();
        }
        return results;
    }

    private static JsonObject Properties(PropertyMap properties)
    {
        var json = new JsonObject();
        foreach (var (key, value) in properties) json[key] = ToJson(value);
        return json;
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        IEnumerable<object?> list => new JsonArray([.. list.Select(ToJson)]),
        _ => JsonValue.Create(value.ToString()),
    };
}

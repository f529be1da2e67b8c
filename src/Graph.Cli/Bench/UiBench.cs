using System.Text.Json.Nodes;
using Graph.Store;
using Graph.Store.Memory;
using Microsoft.Playwright;

namespace Graph.Cli.Bench;

/// <summary>One UI measurement; <c>MainThreadCpuMilliseconds</c> is the CPU time of the page's main thread over the same span (what the page cost whatever else the machine ran, less drawing done off that thread).</summary>
internal sealed record UiFigures(int RequestedElements, int DrawnElements, double Milliseconds, string Renderer, string Note, double MainThreadCpuMilliseconds = double.NaN);

/// <summary>
/// Time to first render in headless Chromium, as a person meets it in the explorer page: from the moment the
/// graph's JSON text has arrived to the second animation frame after the page put it on the canvas (the
/// frame in which Cytoscape, whose render loop runs first in each frame, drew every element). In between
/// run what the page runs for a Cypher result shown as a graph: JSON parsing, the page's handler (clear,
/// add in one batch, renderer and style choice, layout, the filter panel and the symbol list).
/// </summary>
internal static class UiBench
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private const string Script = """
        async (json) => {
          const explorer = window.explorer;
          explorer.view.clear();
          const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
          await frame();
          await frame();
          const t0 = performance.now();
          const graph = JSON.parse(json);
          // What the Cypher console's "Show as graph" does.
          explorer.cypher.dispatchEvent(new CustomEvent('graph', { detail: graph }));
          const added = performance.now();
          await frame();
          await frame();
          const ms = performance.now() - t0;
          const view = explorer.view;
          return { ms, script: added - t0, drawn: view.cy.elements().length, renderer: String(view.rendererName) };
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

    /// <summary>Times each graph in the page; also leaves it as <c>ui-N.json</c> in <paramref name="inputsDirectory"/>, to profile the same input in a browser.</summary>
    public static async Task<List<UiFigures>> RunAsync(string baseUrl, IReadOnlyList<(int Requested, JsonObject Graph)> graphs, string inputsDirectory)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var results = new List<UiFigures>();
        Directory.CreateDirectory(inputsDirectory);
        foreach (var (requested, graph) in graphs)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await page.GotoAsync(baseUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.WaitForFunctionAsync("() => window.explorer !== undefined");
            // Twice: the first run compiles the code paths; the second is what a user sees in a warm tab.
            var json = graph.ToJsonString();
            await File.WriteAllTextAsync(Path.Combine(inputsDirectory, $"ui-{requested}.json"), json);
            await page.EvaluateAsync(Script, json);
            // The machine is shared: the main thread's CPU time says what the page cost, whatever else ran.
            var devTools = await page.Context.NewCDPSessionAsync(page);
            await devTools.SendAsync("Performance.enable");
            var cpuBefore = await MainThreadSecondsAsync(devTools);
            var result = await page.EvaluateAsync<System.Text.Json.JsonElement>(Script, json);
            var cpu = (await MainThreadSecondsAsync(devTools) - cpuBefore) * 1000;
            results.Add(new UiFigures(requested, result.GetProperty("drawn").GetInt32(), result.GetProperty("ms").GetDouble(), result.GetProperty("renderer").GetString() ?? "",
                $"from the JSON text to the second frame after the explorer page added it ({result.GetProperty("script").GetDouble():F0} ms of script: parse, add, layout, panels); headless Chromium, software rendering", cpu));
            await page.CloseAsync();
        }
        return results;
    }

    private static async Task<double> MainThreadSecondsAsync(ICDPSession devTools)
    {
        var metrics = await devTools.SendAsync("Performance.getMetrics");
        foreach (var metric in metrics!.Value.GetProperty("metrics").EnumerateArray())
        {
            if (metric.GetProperty("name").GetString() == "ThreadTime") return metric.GetProperty("value").GetDouble();
        }
        return double.NaN;
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

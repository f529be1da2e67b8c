using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>The explorer API over the graph built from the bundled corpus, including every error answer.</summary>
public sealed class GraphApiTests(ExplorerFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(url, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"GET {url}\nexpected {(int)expected}, got {(int)response.StatusCode}\n{body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a ProblemDetails answer with the status and a detail that says something specific.</summary>
    private async Task<string> GetProblemAsync(string url, HttpStatusCode expected, string detailMentions)
    {
        using var response = await _client.GetAsync(url, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"GET {url}\nexpected {(int)expected}, got {(int)response.StatusCode}\n{body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString() ?? "";
        Assert.True(detail.Contains(detailMentions, StringComparison.OrdinalIgnoreCase), $"GET {url}\ndetail: {detail}\nexpected it to mention: {detailMentions}");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal); // no stack trace
        return detail;
    }

    private static IEnumerable<string> Ids(JsonElement array) => array.EnumerateArray().Select(e => e.GetProperty("id").GetString()!);

    [Fact]
    public async Task SearchForAResolutionNumberRanksItsSymbolFirst()
    {
        var result = await GetJsonAsync("/api/search?q=77/13");
        var first = result.GetProperty("hits")[0];
        Assert.Equal("A/RES/77/13", first.GetProperty("id").GetString());
        Assert.Equal("Resolution", first.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task SearchFindsOrganisationsByName()
    {
        var result = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("Collective Security Treaty Organization"));
        Assert.Contains(result.GetProperty("hits").EnumerateArray(), h => h.GetProperty("labels").EnumerateArray().Any(l => l.GetString() == "Organization"));
    }

    [Theory]
    [InlineData("CSTO", "org:collective-security-treaty-organization")]
    [InlineData("1631", "S/RES/1631 (2005)")]
    [InlineData("res 77/13", "A/RES/77/13")]
    public async Task SearchFindsWhatPeopleTypeForAnAliasOrANumber(string query, string expected)
    {
        var result = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(query));
        var first = Ids(result.GetProperty("hits")).FirstOrDefault();
        Assert.True(first == expected, $"search \"{query}\": expected {expected} first, got {result.GetProperty("hits")}");
    }

    [Fact]
    public async Task SearchFindsParagraphTextAndNamesTheParagraph()
    {
        var result = await GetJsonAsync("/api/search?limit=50&q=" + Uri.EscapeDataString("irregular migration and human trafficking"));
        var hit = result.GetProperty("hits").EnumerateArray().FirstOrDefault(h => h.GetProperty("id").GetString() == "A/RES/77/13#op2");
        Assert.True(hit.ValueKind == JsonValueKind.Object, result.ToString());
        Assert.Equal("A/RES/77/13, operative paragraph 2", hit.GetProperty("label").GetString());
        Assert.Equal("paragraph", hit.GetProperty("match").GetString());
    }

    [Fact]
    public async Task NodeAnswersPropertiesParagraphsAndTheOfficialLink()
    {
        var details = await GetJsonAsync("/api/node?id=" + Uri.EscapeDataString("A/RES/77/13"));
        var node = details.GetProperty("node");
        Assert.Equal("General Assembly", node.GetProperty("properties").GetProperty("body").GetString());
        Assert.Equal("https://undocs.org/A/RES/77/13", details.GetProperty("officialUrl").GetString());
        var paragraphs = details.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains("A/RES/77/13#op2", paragraphs);
        Assert.True(paragraphs.IndexOf("A/RES/77/13#pp1") < paragraphs.IndexOf("A/RES/77/13#op1"), string.Join(", ", paragraphs));
    }

    [Fact]
    public async Task NodeAcceptsALooselyWrittenSymbol()
    {
        var details = await GetJsonAsync("/api/node?id=" + Uri.EscapeDataString("S/RES/1631(2005)"));
        Assert.Equal("S/RES/1631 (2005)", details.GetProperty("node").GetProperty("id").GetString());
    }

    [Fact]
    public async Task NodeOfACitedOnlyDocumentShowsWhereItWasCited()
    {
        var details = await GetJsonAsync("/api/node?id=" + Uri.EscapeDataString("A/RES/64/256"));
        var source = details.GetProperty("source");
        var text = source.GetProperty("text").GetString()!;
        var start = source.GetProperty("highlightStart").GetInt32();
        var end = source.GetProperty("highlightEnd").GetInt32();
        Assert.True(start >= 0 && end > start && end <= text.Length, $"span {start}..{end} in: {text}");
        Assert.Contains("64/256", text[start..end], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeighboursPageCitationsFirstAndCountTheRest()
    {
        var page = await GetJsonAsync("/api/neighbours?id=" + Uri.EscapeDataString("A/RES/77/13") + "&limit=5");
        var ids = Ids(page.GetProperty("nodes")).ToList();
        Assert.Equal("A/RES/77/13", ids[0]);
        Assert.Equal(6, ids.Count);
        Assert.True(page.GetProperty("total").GetInt32() > 5);
        Assert.True(page.GetProperty("truncated").GetBoolean());
        Assert.All(page.GetProperty("relationships").EnumerateArray(), r => Assert.Equal("CITES", r.GetProperty("type").GetString()));

        var next = await GetJsonAsync("/api/neighbours?id=" + Uri.EscapeDataString("A/RES/77/13") + "&limit=5&offset=5");
        Assert.Empty(Ids(next.GetProperty("nodes")).Skip(1).Intersect(ids.Skip(1)));
    }

    [Fact]
    public async Task NeighboursOfOneTypeOnly()
    {
        var page = await GetJsonAsync("/api/neighbours?id=" + Uri.EscapeDataString("A/RES/77/13") + "&types=HAS_PARAGRAPH&limit=500");
        Assert.All(page.GetProperty("relationships").EnumerateArray(), r => Assert.Equal("HAS_PARAGRAPH", r.GetProperty("type").GetString()));
        Assert.Contains("A/RES/77/13#op2", Ids(page.GetProperty("nodes")));
    }

    [Fact]
    public async Task PathLeadsFrom77_13ToSecurityCouncilResolution1631()
    {
        var path = await GetJsonAsync("/api/path?from=" + Uri.EscapeDataString("A/RES/77/13") + "&to=" + Uri.EscapeDataString("S/RES/1631 (2005)"));
        Assert.True(path.GetProperty("found").GetBoolean());
        var ids = Ids(path.GetProperty("nodes")).ToList();
        Assert.Equal("A/RES/77/13", ids[0]);
        Assert.Equal("S/RES/1631 (2005)", ids[^1]);
        Assert.Equal(ids.Count - 1, path.GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task SeveralPathsAlongCitationsOnlyEachCitingTheNext()
    {
        var path = await GetJsonAsync("/api/path?from=" + Uri.EscapeDataString("A/RES/77/13") + "&to=" + Uri.EscapeDataString("A/RES/59/50")
            + "&types=CITES&direction=out&k=3");
        Assert.True(path.GetProperty("found").GetBoolean());
        var relationships = path.GetProperty("relationships").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        var paths = path.GetProperty("paths").EnumerateArray().ToList();
        Assert.InRange(paths.Count, 1, 3);
        foreach (var p in paths)
        {
            var nodes = p.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!).ToList();
            var steps = p.GetProperty("relationships").EnumerateArray().Select(r => relationships[r.GetString()!]).ToList();
            Assert.Equal("A/RES/77/13", nodes[0]);
            Assert.Equal("A/RES/59/50", nodes[^1]);
            Assert.Equal(path.GetProperty("length").GetInt32(), steps.Count);
            for (var i = 0; i < steps.Count; i++)
            {
                Assert.Equal("CITES", steps[i].GetProperty("type").GetString());
                Assert.Equal(nodes[i], steps[i].GetProperty("start").GetString());
                Assert.Equal(nodes[i + 1], steps[i].GetProperty("end").GetString());
            }
        }
        // Backwards along citations, 59/50 reaches only what cites it, never what 77/13 cites.
        var backwards = await GetJsonAsync("/api/path?from=" + Uri.EscapeDataString("A/RES/59/50") + "&to=" + Uri.EscapeDataString("A/RES/64/256")
            + "&types=CITES&direction=in&k=2");
        Assert.All(backwards.GetProperty("paths").EnumerateArray(), p => Assert.Equal("A/RES/59/50", p.GetProperty("nodes")[0].GetString()));
    }

    [Fact]
    public async Task CitationChainOf77_13Reaches64_256()
    {
        var chain = await GetJsonAsync("/api/citations?id=" + Uri.EscapeDataString("A/RES/77/13") + "&direction=out&depth=1");
        Assert.Contains("A/RES/64/256", Ids(chain.GetProperty("nodes")));
        Assert.All(chain.GetProperty("relationships").EnumerateArray(), r => Assert.Equal("CITES", r.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task ACitationChainCutAtItsLimitSaysItIsTruncated()
    {
        var id = Uri.EscapeDataString("A/RES/77/13");
        var whole = await GetJsonAsync($"/api/citations?id={id}&direction=out&depth=2");
        Assert.False(whole.GetProperty("truncated").GetBoolean());
        var direct = Ids((await GetJsonAsync($"/api/citations?id={id}&direction=out&depth=1")).GetProperty("nodes")).ToHashSet();

        var cut = await GetJsonAsync($"/api/citations?id={id}&direction=out&depth=2&limit=3");
        Assert.True(cut.GetProperty("truncated").GetBoolean());
        var kept = Ids(cut.GetProperty("nodes")).ToList();
        Assert.Equal(3, kept.Count);
        Assert.Equal("A/RES/77/13", kept[0]);
        Assert.Subset(direct, kept.ToHashSet());
    }

    [Fact]
    public async Task CitedByFindsTheLaterResolution()
    {
        var chain = await GetJsonAsync("/api/citations?id=" + Uri.EscapeDataString("A/RES/71/12") + "&direction=in&depth=1");
        Assert.Contains("A/RES/77/13", Ids(chain.GetProperty("nodes")));
    }

    [Fact]
    public async Task SeriesOf77_13ListsTheEarlierResolutionsOldestFirst()
    {
        var series = await GetJsonAsync("/api/series?id=" + Uri.EscapeDataString("A/RES/77/13"));
        var ids = Ids(series.GetProperty("documents")).ToList();
        Assert.True(ids.IndexOf("A/RES/71/12") >= 0 && ids.IndexOf("A/RES/71/12") < ids.IndexOf("A/RES/77/13"), string.Join(", ", ids));
    }

    [Fact]
    public async Task EvolutionFrom71_12To77_13RewordsOperativeParagraph2()
    {
        var evolution = await GetJsonAsync("/api/evolution?from=" + Uri.EscapeDataString("A/RES/71/12") + "&to=" + Uri.EscapeDataString("A/RES/77/13"));
        var op2 = evolution.GetProperty("changes").EnumerateArray()
            .Single(c => c.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Object && to.GetProperty("id").GetString() == "A/RES/77/13#op2");
        Assert.Equal("reworded", op2.GetProperty("change").GetString());
        var words = op2.GetProperty("words").EnumerateArray().Select(w => (Op: w.GetProperty("op").GetString(), Text: w.GetProperty("text").GetString()!)).ToList();
        Assert.Contains(words, w => w.Op == "delete" && w.Text.Contains("illegal", StringComparison.Ordinal));
        Assert.Contains(words, w => w.Op == "insert" && w.Text.Contains("irregular", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SourceMarksASpanInsideItsParagraph()
    {
        var node = await GetJsonAsync("/api/node?id=" + Uri.EscapeDataString("A/RES/77/13#op2"));
        var props = node.GetProperty("node").GetProperty("properties");
        var start = props.GetProperty("spanStart").GetInt64();
        var excerpt = await GetJsonAsync($"/api/source?document={Uri.EscapeDataString("A/RES/77/13")}&start={start}&end={start + 5}");
        Assert.Equal("A/RES/77/13#op2", excerpt.GetProperty("paragraphId").GetString());
        Assert.Equal(0, excerpt.GetProperty("highlightStart").GetInt32());
    }

    [Fact]
    public async Task SubgraphReturnsTheNodesAndTheRelationshipsAmongThem()
    {
        using var response = await _client.PostAsJsonAsync("/api/subgraph", new { ids = new[] { "A/RES/77/13", "A/RES/64/256", "no such node" } }, Cancel);
        response.EnsureSuccessStatusCode();
        var graph = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(["A/RES/64/256", "A/RES/77/13"], Ids(graph.GetProperty("nodes")).Order(StringComparer.Ordinal));
        Assert.Contains(graph.GetProperty("relationships").EnumerateArray(), r => r.GetProperty("type").GetString() == "CITES");
    }

    [Fact]
    public async Task ExportsTheWholeGraphAsJsonGraphMlAndCsv()
    {
        var json = await _client.GetStringAsync("/api/export?format=json", Cancel);
        Assert.Contains("\"A/RES/77/13\"", json, StringComparison.Ordinal);
        var graphml = System.Xml.Linq.XDocument.Parse(await _client.GetStringAsync("/api/export?format=graphml", Cancel));
        Assert.Contains(graphml.Descendants("{http://graphml.graphdrawing.org/xmlns}node"), n => (string?)n.Attribute("id") == "A/RES/77/13");
        var nodes = await _client.GetStringAsync("/api/export?format=csv", Cancel);
        Assert.StartsWith("\"id:ID\",\":LABEL\",", nodes, StringComparison.Ordinal);
        var relationships = await _client.GetStringAsync("/api/export?format=csv&table=relationships", Cancel);
        Assert.StartsWith("\":START_ID\",\":END_ID\",\":TYPE\",", relationships, StringComparison.Ordinal);
        Assert.Contains("\"A/RES/77/13\",\"A/RES/64/256\",\"CITES\"", relationships, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsACitationChainAsAPngPicture()
    {
        using var response = await _client.GetAsync("/api/export?format=png&id=" + Uri.EscapeDataString("A/RES/77/13") + "&direction=both&depth=1", Cancel);
        response.EnsureSuccessStatusCode();
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = PngImage.Decode(await response.Content.ReadAsByteArrayAsync(Cancel));

        Assert.InRange(png.Width, 300, 8000);
        Assert.InRange(png.Height, 150, 8000);
        // Drawn, not blank: resolutions in the explorer's blue (77/13 and the 71/12 it cites), and the
        // grey ring of a stub (64/256 is known only from citations).
        Assert.True(png.Count(0x17, 0x69, 0xaa) > 50, "resolution discs are drawn");
        Assert.True(png.Count(0x7a, 0x85, 0x97) > 20, "stub rings are drawn");
        Assert.True(png.CountDarkerThan(0x60) > 300, "the caption and labels are drawn in ink");
    }

    [Fact]
    public async Task OverviewAndHealthCountTheGraph()
    {
        var health = await GetJsonAsync("/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("documents").GetInt64() >= 50);
        var overview = await GetJsonAsync("/api/overview");
        Assert.Equal(health.GetProperty("nodes").GetInt64(), overview.GetProperty("nodes").GetInt64());
    }

    [Theory]
    [InlineData("/api/search", "'q' is required")]
    [InlineData("/api/search?q=%20", "'q' is required")]
    [InlineData("/api/search?q=77/13&limit=0", "'limit' must be a whole number")]
    [InlineData("/api/search?q=77/13&limit=ten", "'limit' must be a whole number")]
    [InlineData("/api/node", "'id' is required")]
    [InlineData("/api/neighbours", "'id' is required")]
    [InlineData("/api/neighbours?id=A/RES/77/13&limit=100000", "from 1 to 500")]
    [InlineData("/api/neighbours?id=A/RES/77/13&offset=-1", "'offset' must be a whole number")]
    [InlineData("/api/neighbours?id=A/RES/77/13&types=cites;x", "is not a relationship type")]
    [InlineData("/api/neighbours?id=A/RES/77/13&direction=sideways", "'direction' must be")]
    [InlineData("/api/path?to=A/RES/77/13", "'from' is required")]
    [InlineData("/api/path?from=A/RES/77/13", "'to' is required")]
    [InlineData("/api/path?from=A/RES/77/13&to=A/RES/71/12&k=0", "'k' must be a whole number from 1 to 10")]
    [InlineData("/api/path?from=A/RES/77/13&to=A/RES/71/12&k=11", "'k' must be a whole number from 1 to 10")]
    [InlineData("/api/path?from=A/RES/77/13&to=A/RES/71/12&direction=up", "'direction' must be")]
    [InlineData("/api/citations", "'id' is required")]
    [InlineData("/api/citations?id=A/RES/77/13&direction=up", "'direction' must be")]
    [InlineData("/api/citations?id=A/RES/77/13&depth=0", "'depth' must be a whole number from 1 to 6")]
    [InlineData("/api/citations?id=A/RES/77/13&depth=7", "'depth' must be a whole number from 1 to 6")]
    [InlineData("/api/citations?id=A/RES/77/13%23op2", "start at a document")]
    [InlineData("/api/citations?id=A/RES/77/13&limit=0", "'limit' must be a whole number from 1 to 5000")]
    [InlineData("/api/series", "'id' is required")]
    [InlineData("/api/evolution?to=A/RES/77/13", "'from' is required")]
    [InlineData("/api/evolution?from=A/RES/71/12", "'to' is required")]
    [InlineData("/api/source?document=A/RES/77/13", "Both 'start' and 'end' are required")]
    [InlineData("/api/source?document=A/RES/77/13&start=10&end=5", "'end' must not be before 'start'")]
    [InlineData("/api/export", "Unknown export format")]
    [InlineData("/api/export?format=pdf", "Unknown export format 'pdf'")]
    [InlineData("/api/export?format=png", "'id' is required")]
    [InlineData("/api/export?format=png&id=A/RES/77/13&depth=4", "'depth' must be a whole number from 1 to 3")]
    [InlineData("/api/export?format=png&id=A/RES/77/13&direction=up", "'direction' must be")]
    [InlineData("/api/export?format=png&id=A/RES/77/13%23op2", "citation chain")]
    [InlineData("/api/export?format=csv&table=edges", "Unknown CSV table")]
    public async Task BadParametersAreExplainedWith400(string url, string detailMentions) =>
        await GetProblemAsync(url, HttpStatusCode.BadRequest, detailMentions);

    [Theory]
    [InlineData("/api/node?id=A/RES/99/999")]
    [InlineData("/api/neighbours?id=A/RES/99/999")]
    [InlineData("/api/path?from=A/RES/99/999&to=A/RES/77/13")]
    [InlineData("/api/path?from=A/RES/77/13&to=A/RES/99/999")]
    [InlineData("/api/citations?id=A/RES/99/999")]
    [InlineData("/api/series?id=A/RES/99/999")]
    [InlineData("/api/evolution?from=A/RES/99/999&to=A/RES/77/13")]
    [InlineData("/api/evolution?from=A/RES/71/12&to=A/RES/99/999")]
    [InlineData("/api/source?document=A/RES/99/999&start=0&end=1")]
    [InlineData("/api/export?format=png&id=A/RES/99/999")]
    public async Task UnknownIdsAre404(string url) =>
        await GetProblemAsync(url, HttpStatusCode.NotFound, "A/RES/99/999");

    [Fact]
    public async Task EvolutionOfADocumentKnownOnlyFromCitationsIsExplained() =>
        await GetProblemAsync("/api/evolution?from=" + Uri.EscapeDataString("A/RES/64/256") + "&to=" + Uri.EscapeDataString("A/RES/77/13"),
            HttpStatusCode.UnprocessableEntity, "known only because other documents cite it");

    [Fact]
    public async Task SubgraphWithoutIdsIsABadRequest()
    {
        using var response = await _client.PostAsJsonAsync("/api/subgraph", new { nodes = Array.Empty<string>() }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownRoutesAnswerProblemDetails()
    {
        using var response = await _client.GetAsync("/api/nothing-here", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheUiIsServedWithAContentSecurityPolicy()
    {
        using var response = await _client.GetAsync("/", Cancel);
        response.EnsureSuccessStatusCode();
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'sha256-", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"js/main.js\">", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var library = await _client.GetAsync("/lib/cytoscape.esm.min.mjs", Cancel);
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApi()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/search", "/api/node", "/api/neighbours", "/api/path", "/api/citations", "/api/series", "/api/evolution", "/api/export", "/db/{db}/query/v2", "/health" })
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
    }
}

namespace Graph.Store.Tests.Embedded;

public sealed class CliTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task IngestsExportsAndChecksThroughTheRealCommand()
    {
        var corpus = Path.Combine(_directory.Path, "corpus");
        var data = Path.Combine(_directory.Path, "data");
        SyntheticCorpus.WriteFiles(SyntheticCorpus.Create(30), corpus);

        var ingest = await GraphCli.RunAsync("ingest", corpus, "--data", data, "--quiet");
        Assert.True(ingest.ExitCode == 0, ingest.Error + ingest.Output);
        Assert.Contains("30 added", ingest.Output, StringComparison.Ordinal);

        var check = await GraphCli.RunAsync("check", "--data", data);
        Assert.True(check.ExitCode == 0, check.Error + check.Output);
        Assert.Contains("ok", check.Output, StringComparison.Ordinal);

        var again = await GraphCli.RunAsync("ingest", corpus, "--data", data, "--quiet");
        Assert.Contains("30 unchanged", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintsTheEvolutionOfTheSeedsAsJson()
    {
        var data = Path.Combine(_directory.Path, "seeds");
        var ingest = await GraphCli.RunAsync("ingest", RepositoryFiles.Seed7713, RepositoryFiles.Seed7112, "--data", data, "--quiet");
        Assert.True(ingest.ExitCode == 0, ingest.Error + ingest.Output);

        var evolution = await GraphCli.RunAsync("evolution", "A/RES/71/12", "A/RES/77/13", "--json", "--data", data);
        Assert.True(evolution.ExitCode == 0, evolution.Error);
        using var json = System.Text.Json.JsonDocument.Parse(evolution.Output);
        Assert.Equal("A/RES/71/12", json.RootElement.GetProperty("fromId").GetString());
        var kinds = json.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).ToList();
        Assert.Equal((10, 9, 5, 4), (kinds.Count(k => k == "unchanged"), kinds.Count(k => k == "reworded"), kinds.Count(k => k == "inserted"), kinds.Count(k => k == "deleted")));
        var op2 = json.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("toId").GetString() == "A/RES/77/13#op2");
        Assert.Contains(op2.GetProperty("diff").EnumerateArray(), d => d.GetProperty("operation").GetString() == "inserted" && d.GetProperty("text").GetString() == "irregular");

        var series = await GraphCli.RunAsync("evolution", "A/RES/77/13", "--data", data);
        Assert.True(series.ExitCode == 0, series.Error);
        Assert.Contains("A/RES/71/12 → A/RES/77/13", series.Output, StringComparison.Ordinal);
        // Written to a pipe, without colours, the words a rewording added and removed are marked as a word diff marks them.
        Assert.Contains("{+irregular+}", series.Output, StringComparison.Ordinal);
        Assert.Matches(@"\[-[^\]]+-\]", series.Output);

        var stub = await GraphCli.RunAsync("evolution", "A/RES/69/12", "A/RES/77/13", "--data", data);
        Assert.Equal(1, stub.ExitCode);
        Assert.Contains("Cannot compare", stub.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASpaceTheRenderingPutBeforeAHyphenIsNoRewordingInTheEvolution()
    {
        // A/RES/79/10 reads "Secretary -General" in its operative paragraph 1, where A/RES/77/13 reads "Secretary-General".
        var resolution7910 = Path.Combine(TestData.UnDocuments, "ga-resolutions", "A_RES_79_10.txt");
        var data = Path.Combine(_directory.Path, "series");
        var ingest = await GraphCli.RunAsync("ingest", RepositoryFiles.Seed7713, resolution7910, "--data", data, "--quiet");
        Assert.True(ingest.ExitCode == 0, ingest.Error + ingest.Output);

        var evolution = await GraphCli.RunAsync("evolution", "A/RES/77/13", "A/RES/79/10", "--json", "--data", data);
        Assert.True(evolution.ExitCode == 0, evolution.Error);
        using var json = System.Text.Json.JsonDocument.Parse(evolution.Output);
        var op1 = json.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("toId").GetString() == "A/RES/79/10#op1");
        Assert.Equal("unchanged", op1.GetProperty("kind").GetString());
        Assert.Contains("Secretary -General", op1.GetProperty("toText").GetString(), StringComparison.Ordinal);

        var series = await GraphCli.RunAsync("evolution", "A/RES/79/10", "--data", data);
        Assert.True(series.ExitCode == 0, series.Error);
        Assert.Contains("A/RES/77/13 → A/RES/79/10", series.Output, StringComparison.Ordinal);
        Assert.Matches(@"unchanged\s+operative 1 → 1", series.Output);
        Assert.DoesNotContain("{+Secretary -General", series.Output, StringComparison.Ordinal);
        Assert.Contains("[-seventy-ninth-] {+eighty-first+}", series.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsEachFormatAndReportsBadInputClearly()
    {
        var corpus = Path.Combine(_directory.Path, "corpus");
        var data = Path.Combine(_directory.Path, "data");
        SyntheticCorpus.WriteFiles(SyntheticCorpus.Create(5), corpus);
        File.WriteAllText(Path.Combine(corpus, "broken.json"), "{\"documentId\": \"x\", \"nodes\": [{\"labels\": []}]}");
        var ingest = await GraphCli.RunAsync("ingest", corpus, Path.Combine(_directory.Path, "missing"), "--data", data, "--quiet");
        Assert.Equal(1, ingest.ExitCode);
        Assert.Contains("5 added", ingest.Output, StringComparison.Ordinal);
        Assert.Contains("broken.json", ingest.Error, StringComparison.Ordinal);
        Assert.Contains("No such file or folder", ingest.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", ingest.Error, StringComparison.Ordinal);

        var json = await GraphCli.RunAsync("export", "--format", "json", "--data", data);
        Assert.Equal(0, json.ExitCode);
        Assert.True(Graph.Model.GraphJson.Deserialize(json.Output).Nodes.Count > 0);
        var graphMl = Path.Combine(_directory.Path, "graph.graphml");
        Assert.Equal(0, (await GraphCli.RunAsync("export", "--format", "graphml", "--data", data, "--out", graphMl)).ExitCode);
        Assert.StartsWith("<?xml", File.ReadAllText(graphMl), StringComparison.Ordinal);
        var csv = Path.Combine(_directory.Path, "csv");
        Assert.Equal(0, (await GraphCli.RunAsync("export", "--format", "csv", "--data", data, "--out", csv)).ExitCode);
        Assert.StartsWith("\"id:ID\",\":LABEL\"", File.ReadAllText(Path.Combine(csv, "nodes.csv")), StringComparison.Ordinal);
        Assert.StartsWith("\":START_ID\",\":END_ID\",\":TYPE\"", File.ReadAllText(Path.Combine(csv, "relationships.csv")), StringComparison.Ordinal);

        var badFormat = await GraphCli.RunAsync("export", "--format", "xlsx", "--data", data);
        Assert.NotEqual(0, badFormat.ExitCode);
    }
}

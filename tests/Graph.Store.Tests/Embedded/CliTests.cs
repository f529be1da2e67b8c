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
}

using Graph.Store.Embedded;

namespace Graph.Sources.Tests;

/// <summary><c>graph fetch</c> as a real process against the ODS replica.</summary>
public sealed class FetchCommandTests : IAsyncLifetime
{
    private const string SeriesTitle = "Cooperation between the United Nations and the Collective Security Treaty Organization";
    private readonly TemporaryDirectory _data = new();
    private OdsReplica _replica = null!;

    public async ValueTask InitializeAsync() => _replica = await OdsReplica.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _replica.DisposeAsync();
        _data.Dispose();
    }

    private string[] Fetch(params string[] arguments) =>
        ["fetch", .. arguments, "--data", _data.Path, "--ods-url", _replica.BaseUrl.AbsoluteUri, "--library-url", _replica.BaseUrl.AbsoluteUri, "--quiet"];

    [Fact]
    public async Task FetchingASeriesLeavesEveryResolutionTheOdsHoldsInFull()
    {
        if (TestFiles.SkipReason is { } reason) Assert.Skip(reason);
        _replica.AddDocxFromText("A/RES/77/13", TestFiles.Seed("000"));
        _replica.AddDocxFromText("A/RES/71/12", TestFiles.Seed("001"));
        _replica.AddDocxFromText("A/RES/79/10", TestFiles.SharedFile("un-documents", "ga-resolutions", "A_RES_79_10.txt"));
        _replica.LibraryRecords =
        [
            ("A/RES/79/10", SeriesTitle, "2024-11-18"),
            ("A/RES/77/13", SeriesTitle, "2022-11-21"),
            // A draft of the same title is not a resolution of the series.
            ("A/79/L.11", SeriesTitle, "2024-11-12"),
        ];

        var (exit, output, error) = await TestFiles.RunGraphAsync(Fetch("A/RES/77/13", "--series"));

        // The earlier resolutions the ODS replica does not hold are reported missing (exit 1), not ingested.
        Assert.True(exit == 1, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("missing: A/RES/69/12", error, StringComparison.Ordinal);
        Assert.Equal(0, _replica.RequestsFor("/doc/A_79_L.11.docx") + _replica.RequestsFor("/api/symbol/access?s=A/79/L.11"));
        await using var store = EmbeddedGraphStore.Open(_data.Path);
        var services = store.CreateServices();
        var timeline = await services.Series.TryGetTimelineAsync("A/RES/77/13", TestContext.Current.CancellationToken);
        Assert.NotNull(timeline);
        var full = timeline.Entries.Where(e => !e.Stub).Select(e => e.DocumentId).ToList();
        Assert.Equal(["A/RES/71/12", "A/RES/77/13", "A/RES/79/10"], full);
        Assert.Contains(timeline.Entries, e => e is { DocumentId: "A/RES/64/256", Stub: true });

        var evolution = await services.Evolution.TryCompareAsync("A/RES/77/13", "A/RES/79/10", TestContext.Current.CancellationToken);
        Assert.NotNull(evolution);
        var matched = evolution.Changes.Count(c => c.FromId is not null && c.ToId is not null);
        // Two years apart, the resolution keeps most of its paragraphs: most align, and the operative ones by number.
        Assert.True(matched >= 0.8 * evolution.Changes.Count, $"{matched} of {evolution.Changes.Count} paragraphs aligned");
        Assert.Contains(evolution.Changes, c => c is { ParagraphKind: "operative", FromNumber: "1", ToNumber: "1" });
    }

    [Fact]
    public async Task ASymbolThatIsNoSymbolStopsTheRunBeforeAnythingIsDownloaded()
    {
        if (TestFiles.SkipReason is { } reason) Assert.Skip(reason);
        _replica.AddDocxFromText("A/RES/77/13", TestFiles.Seed("000"));

        // "res 77/13" unquoted is two arguments, neither a symbol; small letters get the symbol in capitals as a hint.
        var (exit, output, error) = await TestFiles.RunGraphAsync(Fetch("A/RES/77/13", "res", "77/13"));
        Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("'res' is not a UN document symbol", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was fetched", error, StringComparison.Ordinal);
        (exit, _, error) = await TestFiles.RunGraphAsync(Fetch("s/res/894 (1994)"));
        Assert.Equal(2, exit);
        Assert.Contains("Did you mean 'S/RES/894 (1994)'?", error, StringComparison.Ordinal);

        Assert.Equal(0, _replica.TotalRequests);
        Assert.False(Directory.Exists(Path.Combine(_data.Path, "documents")), "nothing was cached");
    }

    [Fact]
    public async Task AFetchKilledMidRunCompletesOnTheNextRunWithoutDownloadingAgain()
    {
        if (TestFiles.SkipReason is { } reason) Assert.Skip(reason);
        string[] symbols = ["A/RES/78/191", "A/RES/78/213", "A/RES/78/323", "A/RES/79/199", "A/C.1/80/L.46"];
        foreach (var symbol in symbols)
            _replica.AddPdf(symbol, TestFiles.SharedFile("corpus", "mandate-pipeline", OdsReplica.FileName(symbol, "pdf")));
        var held = OdsReplica.FileName("A/RES/78/323", "pdf");
        var fault = new ReplicaFault { HoldUntil = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        _replica.Faults[held] = fault;
        var cache = Path.Combine(_data.Path, "documents");
        var others = symbols.Where(s => s != "A/RES/78/323").Select(s => Path.Combine(cache, OdsReplica.FileName(s, "pdf") + ".json")).ToList();

        using (var first = TestFiles.StartGraph(Fetch(symbols)))
        {
            // Killed while the replica holds one file and once the others are in the cache.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            await fault.Held.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            while (!others.All(File.Exists) && DateTime.UtcNow < deadline) await Task.Delay(50, TestContext.Current.CancellationToken);
            Assert.True(others.All(File.Exists), "the other files were not cached while one was held");
            Assert.False(first.HasExited);
            first.Kill(); // SIGKILL
            await first.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        fault.HoldUntil.TrySetResult();

        var (exit, output, error) = await TestFiles.RunGraphAsync(Fetch(symbols));

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        foreach (var symbol in symbols)
        {
            var file = OdsReplica.FileName(symbol, "pdf");
            // Each file was downloaded once; the held one was asked twice since its first answer never arrived.
            Assert.Equal(file == held ? 2 : 1, _replica.RequestsFor("/doc/" + file));
        }
        Assert.Matches(@"Fetched\s+│\s+1\s", output);
        Assert.Matches(@"Cached\s+│\s+4\s", output);
        Assert.Empty(Directory.GetFiles(cache, "*.part"));
        await using (var store = EmbeddedGraphStore.Open(_data.Path))
        {
            foreach (var symbol in symbols)
                Assert.True(await store.TryGetNodeAsync(symbol, TestContext.Current.CancellationToken) is { IsStub: false }, symbol);
            Assert.Equal(symbols.Length, (await store.CountAsync(TestContext.Current.CancellationToken)).Documents);
        }
        var check = await TestFiles.RunGraphAsync("check", "--data", _data.Path);
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
    }
}

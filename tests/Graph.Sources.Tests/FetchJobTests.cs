using System.Diagnostics;
using Graph.Cypher;
using Graph.Sources.Fetching;
using Graph.Store.Embedded;

namespace Graph.Sources.Tests;

/// <summary>The fetch job against the ODS replica on loopback, with real PDFs from the shared corpus.</summary>
public sealed class FetchJobTests : IAsyncLifetime
{
    private const string Resolution2783 = "S/RES/2783 (2025)";
    private const string Resolution2773 = "S/RES/2773 (2025)";
    private readonly TemporaryDirectory _data = new();
    private OdsReplica _replica = null!;

    public async ValueTask InitializeAsync()
    {
        _replica = await OdsReplica.StartAsync();
        if (TestFiles.SkipReason is not null) return;
        _replica.AddPdf(Resolution2783, TestFiles.SharedFile("corpus", "ai-un-report", "S_RES_2783_2025.pdf"));
        _replica.AddPdf(Resolution2773, TestFiles.SharedFile("corpus", "ai-un-report", "S_RES_2773_2025.pdf"));
    }

    public async ValueTask DisposeAsync()
    {
        await _replica.DisposeAsync();
        _data.Dispose();
    }

    private SourceOptions Options => new()
    {
        OdsUrl = _replica.BaseUrl,
        LibraryUrl = _replica.BaseUrl,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    private async Task<FetchReport> FetchAsync(FetchRequest request)
    {
        using var sources = new UnSources(Options);
        await using var store = EmbeddedCypher.OpenStore(_data.Path);
        return await sources.CreateJob(_data.Path, store).RunAsync(request, null, TestContext.Current.CancellationToken);
    }

    private async Task<bool> IsFullDocumentAsync(string id)
    {
        await using var store = EmbeddedGraphStore.Open(_data.Path);
        return await store.TryGetNodeAsync(id, TestContext.Current.CancellationToken) is { IsStub: false };
    }

    private static void SkipWithoutShared()
    {
        if (TestFiles.SkipReason is { } reason) Assert.Skip(reason);
    }

    private static FetchResult Result(FetchReport report, string symbol) =>
        report.Results.SingleOrDefault(r => r.Symbol == symbol) ?? throw new Xunit.Sdk.XunitException(
            $"{symbol} is not in the report: {string.Join("; ", report.Results.Select(r => $"{r.Symbol} {r.Outcome}"))}");

    [Fact]
    public async Task RetriesTooManyRequestsAndUnavailableHonouringRetryAfter()
    {
        SkipWithoutShared();
        var file = OdsReplica.FileName(Resolution2773, "pdf");
        _replica.Faults[file] = new ReplicaFault { TooManyRequests = 1, Unavailable = 1, RetryAfterSeconds = 1 };
        var clock = Stopwatch.StartNew();

        var report = await FetchAsync(new FetchRequest([Resolution2773]));

        Assert.Equal(FetchOutcome.Fetched, Result(report, Resolution2773).Outcome);
        Assert.Equal("pdf", Result(report, Resolution2773).Format);
        Assert.Equal(3, _replica.RequestsFor("/doc/" + file));
        // Two Retry-After: 1 waits, where the configured back-off alone would have waited 20 and 40 ms.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"took {clock.Elapsed}");
        Assert.True(await IsFullDocumentAsync(Resolution2773));
    }

    [Fact]
    public async Task RetriesABodyCutShort()
    {
        SkipWithoutShared();
        var file = OdsReplica.FileName(Resolution2773, "pdf");
        _replica.Faults[file] = new ReplicaFault { Truncated = 1 };

        var report = await FetchAsync(new FetchRequest([Resolution2773]));

        Assert.Equal(FetchOutcome.Fetched, Result(report, Resolution2773).Outcome);
        Assert.Equal(2, _replica.RequestsFor("/doc/" + file));
        Assert.True(await IsFullDocumentAsync(Resolution2773));
    }

    [Fact]
    public async Task ReportsABodyAlwaysCutShortAsFailedAndIngestsNothing()
    {
        SkipWithoutShared();
        _replica.Faults[OdsReplica.FileName(Resolution2773, "pdf")] = new ReplicaFault { Truncated = 100 };

        var report = await FetchAsync(new FetchRequest([Resolution2773]));

        var result = Result(report, Resolution2773);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.True(result.Detail?.Contains("body ended after", StringComparison.Ordinal), result.Detail);
        Assert.False(await IsFullDocumentAsync(Resolution2773));
        Assert.Empty(Directory.Exists(Path.Combine(_data.Path, "documents")) ? Directory.GetFiles(Path.Combine(_data.Path, "documents")) : []);
    }

    [Fact]
    public async Task ReportsUnknownSymbolsPagesAndOtherDocumentsAsMissing()
    {
        SkipWithoutShared();
        _replica.HtmlPages.Add("A/RES/78/191");
        // The ODS answering with another document's file for a symbol.
        _replica.AddPdf("A/RES/78/213", TestFiles.SharedFile("corpus", "mandate-pipeline", "A_RES_78_323.pdf"));

        var report = await FetchAsync(new FetchRequest(["A/RES/99/999", "A/RES/78/191", "A/RES/78/213"]));

        Assert.All(report.Results, r => Assert.Equal(FetchOutcome.Missing, r.Outcome));
        Assert.Contains("404", Result(report, "A/RES/99/999").Detail, StringComparison.Ordinal);
        Assert.Contains("text/html", Result(report, "A/RES/78/191").Detail, StringComparison.Ordinal);
        Assert.Contains("A/RES/78/323", Result(report, "A/RES/78/213").Detail, StringComparison.Ordinal);
        foreach (var symbol in (string[])["A/RES/99/999", "A/RES/78/191", "A/RES/78/213", "A/RES/78/323"])
            Assert.False(await IsFullDocumentAsync(symbol), symbol);
    }

    [Fact]
    public async Task FallsBackToPdfWhenTheDocxIsALegacyWordFile()
    {
        SkipWithoutShared();
        _replica.AddLegacyDoc("A/49/624");
        _replica.AddPdf("A/49/624", TestFiles.SharedFile("corpus", "ai-un-report", "A_49_624.pdf"));

        var report = await FetchAsync(new FetchRequest(["A/49/624"]));

        Assert.True(Result(report, "A/49/624").Outcome == FetchOutcome.Fetched, Result(report, "A/49/624").ToString());
        Assert.Equal("pdf", Result(report, "A/49/624").Format);
        Assert.Equal(1, _replica.RequestsFor("/doc/A_49_624.doc"));
        Assert.True(File.Exists(Path.Combine(_data.Path, "documents", "A_49_624.pdf")));
        Assert.True(await IsFullDocumentAsync("A/49/624"));
    }

    [Fact]
    public async Task FollowsCitationsToTheRequestedDepthOnly()
    {
        SkipWithoutShared();
        var shallow = await FetchAsync(new FetchRequest([Resolution2783], CitedDepth: 0));
        Assert.Single(shallow.Results);
        Assert.Equal(0, _replica.RequestsFor("/doc/" + OdsReplica.FileName(Resolution2773, "pdf")));

        var deep = await FetchAsync(new FetchRequest([Resolution2783], CitedDepth: 1));

        Assert.Equal(FetchOutcome.Cached, Result(deep, Resolution2783).Outcome);
        var cited = Result(deep, Resolution2773);
        Assert.Equal(FetchOutcome.Fetched, cited.Outcome);
        Assert.Equal($"cited by {Resolution2783}", cited.Reason);
        Assert.True(await IsFullDocumentAsync(Resolution2773));
        // What else it cites is not on the replica: asked for, reported missing, never followed further.
        Assert.Contains(deep.Results, r => r.Outcome == FetchOutcome.Missing);
        Assert.DoesNotContain(deep.Results, r => r.Reason.StartsWith("cited by S/RES/2773", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopsDownloadingAtThePerRunLimit()
    {
        SkipWithoutShared();
        var report = await FetchAsync(new FetchRequest([Resolution2783], CitedDepth: 1, MaxDownloads: 1));

        Assert.Equal(FetchOutcome.Fetched, Result(report, Resolution2783).Outcome);
        Assert.Equal(FetchOutcome.Skipped, Result(report, Resolution2773).Outcome);
        Assert.Equal(1, report.Count(FetchOutcome.Fetched));
        Assert.Equal(report.Results.Count - 1, report.Count(FetchOutcome.Skipped));
        Assert.Equal(0, _replica.RequestsFor("/doc/" + OdsReplica.FileName(Resolution2773, "pdf")));
    }

    [Fact]
    public async Task SendsAtMostTwoRequestsAtOnce()
    {
        SkipWithoutShared();
        string[] symbols = ["A/RES/78/191", "A/RES/78/213", "A/RES/78/323", "A/RES/79/199", "A/C.1/80/L.46", "A/C.3/80/L.46"];
        foreach (var symbol in symbols)
        {
            _replica.AddPdf(symbol, TestFiles.SharedFile("corpus", "mandate-pipeline", OdsReplica.FileName(symbol, "pdf")));
            _replica.Faults[OdsReplica.FileName(symbol, "pdf")] = new ReplicaFault { Delay = TimeSpan.FromMilliseconds(300) };
        }

        var report = await FetchAsync(new FetchRequest(symbols));

        Assert.All(report.Results, r => Assert.Equal(FetchOutcome.Fetched, r.Outcome));
        // Two, not one: the downloads did overlap, and were held to the limit.
        Assert.Equal(2, _replica.MaxInFlight);
    }

    [Fact]
    public async Task ASecondRunTakesEverythingFromTheCache()
    {
        SkipWithoutShared();
        await FetchAsync(new FetchRequest([Resolution2783, Resolution2773]));
        var requests = _replica.TotalRequests;

        var again = await FetchAsync(new FetchRequest([Resolution2783, Resolution2773]));

        Assert.All(again.Results, r => Assert.Equal(FetchOutcome.Cached, r.Outcome));
        Assert.Equal(requests, _replica.TotalRequests);
        var sidecar = File.ReadAllText(Path.Combine(_data.Path, "documents", "S_RES_2773_(2025).pdf.json"));
        Assert.Contains("\"Symbol\": \"S/RES/2773 (2025)\"", sidecar, StringComparison.Ordinal);
        Assert.Contains("2024-11-18T12:00:00", sidecar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotesALibraryThatAnswersWithABotChallenge()
    {
        _replica.LibraryRecords = null;
        using var sources = new UnSources(Options);

        var search = await sources.Library.SearchAsync("Cooperation between the United Nations and the Collective Security Treaty Organization", 10, TestContext.Current.CancellationToken);

        Assert.Empty(search.Records);
        Assert.Contains("202", search.Unavailable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadsSymbolsTitlesAndDatesFromTheLibrarysMarcXml()
    {
        _replica.LibraryRecords = [("A/RES/79/10", "Cooperation between the United Nations and the Collective Security Treaty Organization", "2024-11-18")];
        using var sources = new UnSources(Options);

        var search = await sources.Library.SearchAsync("Collective Security Treaty Organization", 10, TestContext.Current.CancellationToken);

        Assert.Null(search.Unavailable);
        var record = Assert.Single(search.Records);
        Assert.Equal("A/RES/79/10", record.Symbol);
        Assert.StartsWith("Cooperation between the United Nations", record.Title, StringComparison.Ordinal);
        Assert.Equal("2024-11-18", record.Date);
    }
}

using Graph.Extraction;
using Graph.Store.Embedded;

namespace Graph.Store.Tests.Evolution;

/// <summary>
/// The seeds end to end: extracted by the real extractor from the bundled corpus, ingested into the
/// embedded store, compared by the evolution service. The expectation is the same as the aligner's.
/// </summary>
public sealed class SeedEvolutionTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();
    private EmbeddedGraphStore? _store;
    private MandateEvolution? _evolution;

    public static TheoryData<string> SeedExpectation => SeedEvolution.Lines;

    public async ValueTask InitializeAsync()
    {
        _store = EmbeddedGraphStore.Open(_directory.Path);
        var extractor = new DocumentExtractor();
        await _store.IngestAsync(extractor.ExtractFile(RepositoryFiles.Seed7713), TestContext.Current.CancellationToken);
        await _store.IngestAsync(extractor.ExtractFile(RepositoryFiles.Seed7112), TestContext.Current.CancellationToken);
        _evolution = await _store.CreateServices().Evolution.TryCompareAsync("A/RES/71/12", "A/RES/77/13", TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public void AlignsTheExtractedSeedsInTheExpectedOrder()
    {
        Assert.NotNull(_evolution);
        SeedEvolution.AssertOrder(_evolution.Changes);
        Assert.Equal((10, 9, 5, 4, 0), (
            _evolution.Count(ParagraphChangeKind.Unchanged), _evolution.Count(ParagraphChangeKind.Reworded),
            _evolution.Count(ParagraphChangeKind.Inserted), _evolution.Count(ParagraphChangeKind.Deleted), _evolution.Count(ParagraphChangeKind.Moved)));
    }

    [Theory]
    [MemberData(nameof(SeedExpectation))]
    public void ClassifiesEachExtractedSeedParagraph(string line) => SeedEvolution.AssertChange(line, _evolution!.Changes);

    [Fact]
    public async Task ComparesTheWholeSeriesInOrder()
    {
        var series = await _store!.CreateServices().Evolution.CompareSeriesAsync("A/RES/77/13", TestContext.Current.CancellationToken);
        // The other resolutions of the series are stubs (no paragraphs): only the two seeds compare.
        Assert.Equal([("A/RES/71/12", "A/RES/77/13")], series.Select(e => (e.FromId, e.ToId)));
    }
}

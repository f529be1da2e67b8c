using Graph.Extraction;
using Graph.Model;
using Graph.Store.Embedded;

namespace Graph.Store.Tests.Evolution;

/// <summary>
/// The seed A/RES/77/13 and its successor A/RES/79/10 (from shared/un-documents) end to end: extracted, ingested,
/// compared by the evolution service. 79/10's text reads "Secretary -General" in operative paragraph 1, a space
/// its rendering put before the hyphen; the words are those of 77/13, so the paragraph is unchanged.
/// </summary>
public sealed class LaterResolutionEvolutionTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();
    private EmbeddedGraphStore? _store;

    public static string Resolution7910 => Path.Combine(TestData.UnDocuments, "ga-resolutions", "A_RES_79_10.txt");

    public async ValueTask InitializeAsync()
    {
        _store = EmbeddedGraphStore.Open(_directory.Path);
        if (ReferenceCollections.UnDocuments is null) return;
        var extractor = new DocumentExtractor();
        await _store.IngestAsync(extractor.ExtractFile(RepositoryFiles.Seed7713), TestContext.Current.CancellationToken);
        await _store.IngestAsync(extractor.ExtractFile(Resolution7910), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task ASpaceBeforeTheHyphenOfSecretaryGeneralIsNoRewording()
    {
        var evolution = await CompareAsync();
        var op1 = evolution.Changes.Single(c => c.ToId == "A/RES/79/10#op1");
        // The extracted text keeps the space (extraction is not changed); only the comparison sees past it.
        Assert.Contains("Secretary -General", op1.ToText, StringComparison.Ordinal);
        Assert.Contains("Secretary-General", op1.FromText, StringComparison.Ordinal);
        Assert.True(op1.Kind == ParagraphChangeKind.Unchanged, $"op1 {op1.Kind}: {string.Join(" ", op1.Diff.Select(d => $"{d.Operation}:[{d.Text}]"))}");
        Assert.All(op1.Diff, d => Assert.Equal(DiffOperation.Same, d.Operation));
    }

    [Fact]
    public async Task TheRealChangesStillShow()
    {
        var evolution = await CompareAsync();
        foreach (var number in new[] { "8", "9" })
        {
            var change = evolution.Changes.Single(c => c.ToId == $"A/RES/79/10#op{number}");
            Assert.Equal(ParagraphChangeKind.Reworded, change.Kind);
            Assert.Equal(["seventy-ninth"], change.Diff.Where(d => d.Operation == DiffOperation.Deleted).Select(d => d.Text));
            Assert.Equal(["eighty-first"], change.Diff.Where(d => d.Operation == DiffOperation.Inserted).Select(d => d.Text));
        }
    }

    private async Task<MandateEvolution> CompareAsync()
    {
        _ = TestData.UnDocuments;
        var evolution = await _store!.CreateServices().Evolution.TryCompareAsync("A/RES/77/13", "A/RES/79/10", TestContext.Current.CancellationToken);
        Assert.NotNull(evolution);
        TestContext.Current.TestOutputHelper!.WriteLine(string.Join("\n", evolution.Changes.Select(c =>
            $"{c.Kind} {c.FromId} → {c.ToId}: {string.Join(" ", c.Diff.Where(d => d.Operation != DiffOperation.Same).Select(d => $"{d.Operation}:[{d.Text}]"))}")));
        return evolution;
    }
}

using Graph.Model;
using Graph.Store.Embedded;

namespace Graph.Store.Tests.Embedded;

/// <summary>Ingest in batches (one transaction per batch) ends in the same store as ingest one document at a time.</summary>
public sealed class IngestBatchTests : IDisposable
{
    private readonly TemporaryDirectory _oneByOne = new();
    private readonly TemporaryDirectory _batched = new();

    public void Dispose()
    {
        _oneByOne.Dispose();
        _batched.Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BatchesGiveTheSameGraphAndOutcomesAsOneByOne()
    {
        var corpus = SyntheticCorpus.Create(60, seed: 5, paragraphs: 6).ToList();
        // Within one batch: a document ingested again unchanged, and one replaced by a new version.
        var replaced = SyntheticCorpus.Create(60, seed: 6, paragraphs: 4)[10];
        var sequence = corpus.Take(30).Append(corpus[3]).Append(replaced).Concat(corpus.Skip(30)).ToList();

        var expectedOutcomes = new List<IngestOutcome>();
        await using (var store = EmbeddedGraphStore.Open(_oneByOne.Path))
        {
            foreach (var document in sequence) expectedOutcomes.Add((await store.IngestAsync(document, Token)).Outcome);
        }
        var actualOutcomes = new List<IngestOutcome>();
        await using (var store = EmbeddedGraphStore.Open(_batched.Path))
        {
            foreach (var batch in sequence.Chunk(25)) actualOutcomes.AddRange((await store.IngestBatchAsync(batch, Token)).Select(r => r.Outcome));
            Assert.Equal(expectedOutcomes, actualOutcomes);
            Assert.Contains(IngestOutcome.Unchanged, actualOutcomes);
            Assert.Contains(IngestOutcome.Replaced, actualOutcomes);
            Assert.Empty(await store.CheckAsync(Token));
            Assert.Equal(await JsonOf(_oneByOne.Path), Json(await store.ReadAllAsync(Token)));
        }
        // What memory held is what SQLite committed: the reopened store reads the same graph.
        Assert.Equal(await JsonOf(_oneByOne.Path), await JsonOf(_batched.Path));
    }

    [Fact]
    public async Task ReplacingAndRemovingDocumentsGivesTheGraphOfTheDocumentsLeft()
    {
        var v1 = SyntheticCorpus.Create(40, seed: 7, paragraphs: 8).ToList();
        var v2 = SyntheticCorpus.Create(40, seed: 8, paragraphs: 5).ToList();
        var removed = v1.Where((_, i) => i % 7 == 3).Select(d => d.DocumentId).ToHashSet(StringComparer.Ordinal);
        var replaced = v2.Where(d => v1.Any(o => o.DocumentId == d.DocumentId) && !removed.Contains(d.DocumentId)).Take(12).ToList();
        Assert.NotEmpty(replaced);
        var final = v1.Where(d => !removed.Contains(d.DocumentId))
            .Select(d => replaced.FirstOrDefault(r => r.DocumentId == d.DocumentId) ?? d).ToList();

        await using (var store = EmbeddedGraphStore.Open(_oneByOne.Path))
        {
            foreach (var batch in v1.Chunk(16)) await store.IngestBatchAsync(batch, Token);
            Assert.All(await store.IngestBatchAsync(replaced, Token), r => Assert.Equal(IngestOutcome.Replaced, r.Outcome));
            foreach (var id in removed) Assert.True(await store.RemoveDocumentAsync(id, Token));
            Assert.Empty(await store.CheckAsync(Token));
        }
        await using (var store = EmbeddedGraphStore.Open(_batched.Path))
            foreach (var document in final) await store.IngestAsync(document, Token);
        Assert.Equal(await JsonOf(_batched.Path), await JsonOf(_oneByOne.Path));
    }

    private static async Task<string> JsonOf(string directory)
    {
        await using var store = EmbeddedGraphStore.Open(directory);
        return Json(await store.ReadAllAsync(Token));
    }

    private static string Json(GraphData graph)
    {
        using var stream = new MemoryStream();
        GraphJson.Write(graph, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

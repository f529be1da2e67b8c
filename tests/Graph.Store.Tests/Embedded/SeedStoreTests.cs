using Graph.Extraction;
using Graph.Model;
using Graph.Store.Embedded;
using Graph.Store.Export;

namespace Graph.Store.Tests.Embedded;

/// <summary>The embedded store on real documents: the two seeds and the bundled corpus, through the real extractor.</summary>
public sealed class SeedStoreTests : IDisposable
{
    private const string Res7713 = "A/RES/77/13";
    private const string Res7112 = "A/RES/71/12";

    private static readonly DocumentExtractor Extractor = new();
    private readonly TemporaryDirectory _directory = new();
    private int _stores;

    public void Dispose() => _directory.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static GraphDocument Seed7713() => Extractor.ExtractFile(RepositoryFiles.Seed7713);

    private static GraphDocument Seed7112() => Extractor.ExtractFile(RepositoryFiles.Seed7112);

    private EmbeddedGraphStore NewStore() => EmbeddedGraphStore.Open(Path.Combine(_directory.Path, $"store{++_stores}"));

    private static async Task<string> ExportAsync(EmbeddedGraphStore store) => GraphJson.Serialize(await store.ReadAllAsync(Token));

    [Fact]
    public async Task The7112StubCitedBy7713MergesWithTheFull7112()
    {
        await using var store = NewStore();
        await store.IngestAsync(Seed7713(), Token);

        var stub = await store.TryGetNodeAsync(Res7112, Token);
        Assert.NotNull(stub);
        Assert.True(stub.IsStub, $"71/12 should be a stub after ingesting 77/13 alone: {GraphJson.Serialize(Single(stub))}");
        Assert.Empty(await store.GetRelationshipsAsync(Res7112, Direction.Outgoing, [RelationshipTypes.HasParagraph], cancellationToken: Token));

        await store.IngestAsync(Seed7112(), Token);

        var full = await store.TryGetNodeAsync(Res7112, Token);
        Assert.NotNull(full);
        Assert.False(full.IsStub);
        var own = Seed7112().FindNode(Res7112)!;
        foreach (var (key, value) in own.Properties)
            Assert.True(PropertyValues.AreEqual(value, full.Properties[key]), $"{key}: 71/12 says {value}, the store has {full.Properties[key]}");
        Assert.Superset(own.Labels, full.Labels);
        Assert.NotEmpty(await store.GetRelationshipsAsync(Res7112, Direction.Outgoing, [RelationshipTypes.HasParagraph], cancellationToken: Token));
        Assert.Contains(await store.GetRelationshipsAsync(Res7112, Direction.Incoming, [RelationshipTypes.Cites], cancellationToken: Token), r => r.Start == Res7713);

        // Removing 71/12 again leaves the stub 77/13 states.
        Assert.True(await store.RemoveDocumentAsync(Res7112, Token));
        var again = await store.TryGetNodeAsync(Res7112, Token);
        Assert.NotNull(again);
        Assert.True(again.IsStub);
        await using var only7713 = NewStore();
        await only7713.IngestAsync(Seed7713(), Token);
        Assert.Equal(await ExportAsync(only7713), await ExportAsync(store));
        Assert.Empty(await store.CheckAsync(Token));
    }

    [Fact]
    public async Task TheSeedsMergeTheSameInEitherOrderAndAsTheModelsMergerDoes()
    {
        await using var forward = NewStore();
        await forward.IngestAsync(Seed7713(), Token);
        await forward.IngestAsync(Seed7112(), Token);
        await using var backward = NewStore();
        await backward.IngestAsync(Seed7112(), Token);
        await backward.IngestAsync(Seed7713(), Token);
        Assert.Equal(await ExportAsync(forward), await ExportAsync(backward));

        var merger = new GraphMerger();
        merger.Add(Seed7112());
        merger.Add(Seed7713());
        var expected = merger.ToGraph();
        foreach (var node in expected.Nodes) node.Properties[PropertyNames.Id] = node.Id;
        Assert.Equal(GraphJson.Serialize(Strip(expected)), await ExportAsync(forward));
    }

    [Fact]
    public async Task IngestingTheSeedsAndCorpusTwiceGivesIdenticalExports()
    {
        var documents = CorpusDocuments();
        await using var store = NewStore();
        foreach (var document in documents) Assert.NotEqual(IngestOutcome.Unchanged, (await store.IngestAsync(document, Token)).Outcome);
        var first = await AllExportsAsync(store);

        foreach (var document in CorpusDocuments()) Assert.Equal(IngestOutcome.Unchanged, (await store.IngestAsync(document, Token)).Outcome);

        Assert.Equal(first, await AllExportsAsync(store));
        Assert.Empty(await store.CheckAsync(Token));
    }

    [Fact]
    public async Task AChangedSeedReplacesItsFactsAndOnlyThose()
    {
        var original = Seed7713();
        var revisedText = File.ReadAllText(RepositoryFiles.Seed7713)
            .Replace("irregular migration and human trafficking", "illegal migration and trafficking in persons", StringComparison.Ordinal)
            .Replace("7. *Encourages* both organizations", "7. *Urges* both organizations", StringComparison.Ordinal);
        var revised = Extractor.ExtractText(Path.GetFileName(RepositoryFiles.Seed7713), revisedText);
        Assert.Equal(Res7713, revised.DocumentId);

        await using var store = NewStore();
        await store.IngestAsync(Seed7112(), Token);
        await store.IngestAsync(original, Token);
        var result = await store.IngestAsync(revised, Token);

        Assert.Equal(IngestOutcome.Replaced, result.Outcome);
        var op2 = await store.TryGetNodeAsync($"{Res7713}#op2", Token);
        Assert.Contains("illegal migration and trafficking in persons", op2!.GetString("text"), StringComparison.Ordinal);
        // The store now holds exactly what a fresh store holds with 71/12 and the revised 77/13.
        await using var fresh = NewStore();
        await fresh.IngestAsync(Seed7112(), Token);
        await fresh.IngestAsync(revised, Token);
        Assert.Equal(await ExportAsync(fresh), await ExportAsync(store));
        Assert.Empty(await store.CheckAsync(Token));
    }

    private static List<GraphDocument> CorpusDocuments() =>
        [.. TestData.CorpusDocumentFiles()
            .Where(f => !f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .Select(Extractor.ExtractFile)
            .Where(d => d.Nodes.Count > 0)];

    private static async Task<(string Json, string GraphMl, string Nodes, string Relationships)> AllExportsAsync(EmbeddedGraphStore store)
    {
        var graph = await store.ReadAllAsync(Token);
        var graphMl = new StringWriter();
        GraphMlWriter.Write(graph, graphMl);
        var nodes = new StringWriter();
        var relationships = new StringWriter();
        Neo4jCsvWriter.Write(graph, nodes, relationships);
        return (GraphJson.Serialize(graph), graphMl.ToString(), nodes.ToString(), relationships.ToString());
    }

    private static GraphData Single(GraphNode node)
    {
        var graph = new GraphData();
        graph.Nodes.Add(node);
        return graph;
    }

    private static GraphData Strip(GraphData graph)
    {
        var result = new GraphData();
        result.Nodes.AddRange(graph.Nodes);
        result.Relationships.AddRange(graph.Relationships);
        return result;
    }
}

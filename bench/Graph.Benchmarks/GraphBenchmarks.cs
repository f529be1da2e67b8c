using BenchmarkDotNet.Attributes;
using Graph.Cli.Bench;
using Graph.Cypher;
using Graph.Extraction;
using Graph.Store;
using Graph.Store.Embedded;

namespace Graph.Benchmarks;

/// <summary>Reads on a store of 2,000 generated documents: neighbours, shortest path, citation chain, a two-hop Cypher pattern.</summary>
[MemoryDiagnoser]
public class GraphBenchmarks
{
    private EmbeddedGraphStore _store = null!;
    private GraphServices _services = null!;
    private CypherEngine _cypher = null!;
    private string _recent = "";
    private string _old = "";
    private string _hub = "";

    [GlobalSetup]
    public async Task Setup()
    {
        var corpus = Path.Combine(Path.GetTempPath(), "graph-benchmarks-corpus-2000");
        if (!CorpusGenerator.TryOpen(corpus, 2000, 1, out _)) CorpusGenerator.Generate(2000, corpus, 1);
        var data = Path.Combine(Path.GetTempPath(), "graph-benchmarks-store-" + Guid.NewGuid().ToString("N"));
        _store = EmbeddedGraphStore.Open(data);
        var extractor = new DocumentExtractor();
        foreach (var batch in CorpusGenerator.Files(corpus).Chunk(250))
            await _store.IngestBatchAsync(batch.AsParallel().AsOrdered().Select(extractor.ExtractFile).Where(d => d.Nodes.Count > 0).ToList());
        _services = _store.CreateServices();
        _cypher = new CypherEngine(_store.Graph, new CypherOptions { ReadOnly = true });
        var inputs = QueryInputs.Draw(_store.Graph, 1);
        _recent = inputs.Documents[0];
        _old = inputs.Documents[1];
        _hub = inputs.Hubs[0];
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        var directory = _store.Directory;
        await _store.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark]
    public async Task<int> NeighboursOfAHub() => (await _services.Neighbours.TryGetNeighboursAsync(_hub, Direction.Both, null, 100))?.Nodes.Count ?? 0;

    [Benchmark]
    public async Task<int> ShortestPath() => (await _services.Paths.TryFindShortestPathAsync(_recent, _old))?.Nodes.Count ?? 0;

    [Benchmark]
    public async Task<int> CitationChainDepth5() => (await _services.Citations.TryGetCitationChainAsync(_recent, Direction.Outgoing, 5))?.Graph.Nodes.Count ?? 0;

    [Benchmark]
    public int TwoHopCypherWithFilter() => _cypher.Execute(
        "MATCH (a:Document {id: $id})-[:CITES]->(b:Document)-[:CITES]->(c:Document) WHERE c.year < 2010 RETURN DISTINCT c.id LIMIT 50",
        new Dictionary<string, object?> { ["id"] = _recent }).Rows.Count;

    [Benchmark]
    public async Task<int> Search() => (await _services.Search.SearchAsync("humanitarian assistance", 20)).Count;
}

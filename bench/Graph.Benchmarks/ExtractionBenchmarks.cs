using BenchmarkDotNet.Attributes;
using Graph.Cli.Bench;
using Graph.Extraction;

namespace Graph.Benchmarks;

/// <summary>The extractor on generated documents of each kind: the hot path of ingest.</summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private readonly DocumentExtractor _extractor = new();
    private List<(string Name, byte[] Content)> _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        var directory = Path.Combine(Path.GetTempPath(), "graph-benchmarks-corpus-200");
        if (!CorpusGenerator.TryOpen(directory, 200, 1, out _)) CorpusGenerator.Generate(200, directory, 1);
        _documents = CorpusGenerator.Files(directory).Select(f => (f, File.ReadAllBytes(f))).ToList();
    }

    /// <summary>All 200 documents (about 0.4 MB): divide the time into the bytes for MB/s on one core.</summary>
    [Benchmark]
    public int Extract200Documents()
    {
        var relationships = 0;
        foreach (var (name, content) in _documents) relationships += _extractor.Extract(name, content).Relationships.Count;
        return relationships;
    }
}

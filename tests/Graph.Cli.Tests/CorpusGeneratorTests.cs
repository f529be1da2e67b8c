using Graph.Cli.Bench;
using Graph.Extraction;
using Graph.Model;

namespace Graph.Cli.Tests;

public sealed class CorpusGeneratorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "graph-generator-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public void SameSeedWritesTheSameFilesAndAnotherSeedDifferent()
    {
        var first = CorpusGenerator.Generate(120, Path.Combine(_root, "a"), seed: 7);
        var second = CorpusGenerator.Generate(120, Path.Combine(_root, "b"), seed: 7);
        var other = CorpusGenerator.Generate(120, Path.Combine(_root, "c"), seed: 8);

        var a = Contents(first.Directory);
        var b = Contents(second.Directory);
        Assert.Equal(120, a.Count);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (name, text) in a) Assert.True(text == b[name], $"{name} differs between two runs with seed 7");
        Assert.NotEqual(a.Values, Contents(other.Directory).Values);
    }

    [Fact]
    public void EveryDocumentExtractsUnderItsOwnSymbolWithParagraphsAndCitations()
    {
        var corpus = CorpusGenerator.Generate(200, Path.Combine(_root, "x"), seed: 3);
        var extractor = new DocumentExtractor();
        var files = CorpusGenerator.Files(corpus.Directory);
        Assert.Equal(corpus.Documents, files.Count);
        Assert.Equal(files, CorpusFiles.Enumerate([corpus.Directory], out _));

        var documentCites = new Dictionary<(string, string), int>();
        var kinds = new HashSet<string>();
        foreach (var file in files)
        {
            var document = extractor.ExtractFile(file);
            var self = document.Nodes.SingleOrDefault(n => n.Id == document.DocumentId);
            Assert.True(self is not null, $"{file}: no node for its own symbol; diagnostics: {string.Join("; ", document.Diagnostics)}");
            Assert.False(document.DocumentId.StartsWith("file:", StringComparison.Ordinal), $"{file} was not recognised: {string.Join("; ", document.Diagnostics)}");
            kinds.Add((string)self.Properties["kind"]!);
            Assert.Contains(document.Nodes, n => n.Labels.Contains(Labels.Paragraph));
            foreach (var cites in document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start == document.DocumentId))
                documentCites[(cites.Start, cites.End)] = documentCites.GetValueOrDefault((cites.Start, cites.End)) + 1;
        }

        Assert.Superset(new HashSet<string> { "resolution", "presidential statement", "report" }, kinds);
        // Every document but the first cites at least one earlier one: at least ~4 per document on average.
        Assert.True(documentCites.Count >= corpus.Documents * 3, $"only {documentCites.Count} document-level citations among {corpus.Documents} documents");
        // Heavy tail: the most cited document is cited by many times the average.
        var inDegree = documentCites.Keys.GroupBy(k => k.Item2).Select(g => g.Count()).OrderDescending().ToList();
        var mean = inDegree.Average();
        Assert.True(inDegree[0] >= 5 * mean, $"most cited {inDegree[0]} vs mean {mean:F1}: not heavy-tailed");
    }

    private static Dictionary<string, string> Contents(string directory) =>
        CorpusGenerator.Files(directory).ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllText);
}

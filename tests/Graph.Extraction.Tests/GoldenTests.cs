using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// Golden files: the graph each corpus document yields is kept with these tests as
/// Goldens/&lt;path in its corpus folder&gt;.expected.json and reviewed as a diff when it changes. Regenerate on
/// purpose with UPDATE_GOLDEN=1.
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Documents() => [.. TestData.CorpusDocuments().Select(d => d.Relative)];

    [Fact]
    public void EveryGoldenFileHasItsDocument()
    {
        _ = TestData.Corpus; // without the hand-checked corpus only the seeds' goldens could be matched
        var documents = TestData.CorpusDocuments().Select(d => d.Relative + ".expected.json").ToHashSet(StringComparer.Ordinal);
        var goldens = Directory.EnumerateFiles(Repository.Goldens, "*.expected.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Goldens, f).Replace('\\', '/')).ToList();
        Assert.Equal(73, documents.Count);
        Assert.DoesNotContain(goldens, g => !documents.Contains(g));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void ExtractionMatchesGoldenFile(string relativePath)
    {
        var path = TestData.CorpusFile(relativePath);
        var document = new DocumentExtractor().ExtractFile(path);
        var graph = new GraphData();
        graph.Nodes.AddRange(document.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal));
        graph.Relationships.AddRange(document.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal));
        var actual = GraphJson.Serialize(graph) + "\n";
        var goldenPath = Path.Combine(Repository.Goldens, relativePath + ".expected.json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, actual);
            return;
        }
        Assert.True(File.Exists(goldenPath), $"No golden file {goldenPath}; run the tests with UPDATE_GOLDEN=1 and review the diff.");
        var expected = File.ReadAllText(goldenPath).ReplaceLineEndings("\n");
        if (expected == actual) return;
        Assert.Fail($"input: {relativePath}\n{FirstDifference(expected, actual)}\n(regenerate with UPDATE_GOLDEN=1 and review the diff)");
    }

    /// <summary>The first lines that differ, with a little context: enough to see what changed without a debugger.</summary>
    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i]) i++;
        var from = Math.Max(0, i - 3);
        var expectedLines = string.Join("\n", e.Skip(from).Take(8));
        var actualLines = string.Join("\n", a.Skip(from).Take(8));
        return $"first difference at line {i + 1} (expected {e.Length} lines, actual {a.Length}):\n--- expected\n{expectedLines}\n+++ actual\n{actualLines}";
    }
}

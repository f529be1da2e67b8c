using System.Text.Json;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// The operative paragraphs and verbs of 15 resolutions and drafts, counted by hand from their texts
/// (graph/eval/paragraph-counts.json), against what the extractor finds.
/// </summary>
public sealed class ParagraphCountTests
{
    private static readonly string[] Adverbs = ["Also", "Further", "Strongly", "Highly", "Once", "again"];

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var document in Load().RootElement.GetProperty("documents").EnumerateArray()) data.Add(document.GetProperty("file").GetString()!);
        return data;
    }

    private static JsonDocument Load() => JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.Root, "graph", "eval", "paragraph-counts.json")));

    [Theory]
    [MemberData(nameof(Files))]
    public void OperativeParagraphsAndVerbsAreTheHandCountedOnes(string file)
    {
        var expected = Load().RootElement.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("file").GetString() == file);
        var path = Path.Combine(TestData.UnDocuments, file);
        if (!File.Exists(path)) Assert.Skip($"{file} is not in the reference collection.");
        var document = new DocumentExtractor().ExtractFile(path);
        var verbs = document.Nodes.Where(n => n.HasLabel(Labels.Paragraph) && n.GetString("kind") == "operative").Select(n => Head(n.GetString("verb"))).ToList();
        Assert.Equal(expected.GetProperty("operative").GetInt32(), verbs.Count);
        Assert.Equal(expected.GetProperty("verbs").EnumerateArray().Select(v => Head(v.GetString())), verbs);
    }

    /// <summary>The verb's head word: "Also takes note" and "Takes note of" → "Takes".</summary>
    private static string Head(string? verb)
    {
        var words = (verb ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => Adverbs.Contains(w)).ToList();
        return words.Count == 0 ? "" : words[0];
    }
}

using System.Text.Json;
using Graph.Extraction.Evaluation;

namespace Graph.Extraction.Tests;

/// <summary>
/// A hand count of paragraphs and verbs in <c>graph/eval</c> ("paragraph-counts-2.json" and later: each document's file,
/// preambular and operative counts and verbs), scored as the blind set's structure is scored. A text absent from the
/// reference collection skips the test with its name.
/// </summary>
internal static class HandCount
{
    public static BlindReport Score(string countFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.Root, "graph", "eval", countFile)));
        var report = new BlindReport();
        var extractor = new DocumentExtractor();
        foreach (var d in json.RootElement.GetProperty("documents").EnumerateArray())
        {
            var file = d.GetProperty("file").GetString()!;
            var path = Path.Combine(TestData.UnDocuments, file);
            if (!File.Exists(path)) Assert.Skip($"{file} is not in the reference collection.");
            var expected = new BlindGoldDocument(new GoldDocument(file, "", null, null, null, null), d.GetProperty("preambular").GetInt32(),
                d.GetProperty("operative").GetInt32(), [.. d.GetProperty("verbs").EnumerateArray().Select(v => v.GetString()!)]);
            StructureScore.Score(report, file, extractor.ExtractFile(path), expected);
        }
        return report;
    }
}

using System.Text.Json;
using Graph.Store.Evolution;

namespace Graph.Store.Tests.Evolution;

/// <summary>
/// The paragraphs of the two seeds (A/RES/71/12 and A/RES/77/13) as read by hand from shared/seeds:
/// footnote marks removed, paragraphs split by page breaks joined again. Kept beside the tests so the
/// aligner is tested on the real texts independently of the extractor.
/// </summary>
internal static class SeedParagraphs
{
    public static IReadOnlyList<EvolutionParagraph> Of(string documentId)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Evolution", "seed-paragraphs.json"));
        using var json = JsonDocument.Parse(stream);
        var paragraphs = new List<EvolutionParagraph>();
        var preambular = 0;
        foreach (var item in json.RootElement.GetProperty(documentId).EnumerateArray())
        {
            var kind = item.GetProperty("kind").GetString()!;
            var number = item.GetProperty("number").GetString();
            var id = kind == "operative" ? $"{documentId}#op{number}" : $"{documentId}#pp{++preambular}";
            paragraphs.Add(new EvolutionParagraph(id, kind, number, item.GetProperty("text").GetString()!));
        }
        return paragraphs;
    }
}

using System.Text.Json;

namespace Graph.Extraction.Evaluation;

/// <summary>
/// A hand-checked expectation for one corpus document: its identity fields and every document symbol it
/// cites (read from the text by a person, not produced by the extractor). Null means "the text does not state it"; a document without a cited list only corrects identity fields.
/// </summary>
public sealed record GoldDocument(string File, string Symbol, string? Body, string? Kind, string? AdoptionDate, IReadOnlyList<string>? Cited);

/// <summary>The gold set (graph/eval/gold.json).</summary>
public static class GoldSet
{
    public static IReadOnlyList<GoldDocument> Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var result = new List<GoldDocument>();
        foreach (var item in document.RootElement.GetProperty("documents").EnumerateArray())
        {
            result.Add(new GoldDocument(
                item.GetProperty("file").GetString()!,
                item.GetProperty("symbol").GetString()!,
                OptionalString(item, "body"),
                OptionalString(item, "kind"),
                OptionalString(item, "adoptionDate"),
                item.TryGetProperty("cited", out var cited) ? cited.EnumerateArray().Select(c => c.GetString()!).ToList() : null));
        }
        return result;
    }

    private static string? OptionalString(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

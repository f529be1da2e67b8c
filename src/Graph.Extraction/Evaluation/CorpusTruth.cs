using System.Text.Json;

namespace Graph.Extraction.Evaluation;

/// <summary>What the corpus's sources say about a document's identity (its .meta.json sidecar and ground-truth.json).</summary>
public sealed record TruthEntry(string Symbol, string? Body, IReadOnlyList<string> AcceptedKinds, string? AdoptionDate);

/// <summary>
/// Reads the identity fields the corpus sources give: the symbol from each sidecar, the body and document
/// type from ground-truth.json (the curator's categories, mapped to the extractor's kinds), and the date of
/// IGov decisions (the date of the meeting that took them). Other adoption dates come from the gold set.
/// </summary>
public static class CorpusTruth
{
    public static Dictionary<string, TruthEntry> Load(string corpusFolder)
    {
        var result = new Dictionary<string, TruthEntry>(StringComparer.Ordinal);
        var truthPath = Path.Combine(corpusFolder, "ground-truth.json");
        if (!File.Exists(truthPath)) return result;
        using var stream = File.OpenRead(truthPath);
        using var document = JsonDocument.Parse(stream);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            var value = entry.Value;
            var body = MapBody(value.TryGetProperty("body", out var b) ? b.GetString() : null);
            var kinds = MapKind(value.TryGetProperty("doc_type", out var k) ? k.GetString() : null);
            string? date = null;
            if (value.TryGetProperty("decision_number", out _) && value.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String) date = d.GetString();
            foreach (var file in value.GetProperty("files").EnumerateArray())
                result[file.GetString()!] = new TruthEntry(entry.Name, body, kinds, date);
        }
        return result;
    }

    private static string? MapBody(string? body) => body switch
    {
        null or "various" => null,
        "General Assembly + Security Council" => "General Assembly and Security Council",
        _ when body.StartsWith("General Assembly (", StringComparison.Ordinal) => "General Assembly",
        _ => body,
    };

    /// <summary>The curator's document types are descriptive; each accepts the extractor's kinds that mean the same.</summary>
    private static IReadOnlyList<string> MapKind(string? docType) => docType switch
    {
        null => [],
        "resolution" => ["resolution"],
        "decision" => ["decision"],
        "letter" or "letter (joint A/-S/ symbol)" => ["letter"],
        "letter / note verbale" => ["letter", "note verbale"],
        "draft resolution" => ["draft resolution", "amendment"],
        "summary statement by the Secretary-General (addendum)" => ["summary statement"],
        "revision / corrigendum" => ["corrigendum", "revision"],
        _ when docType.StartsWith("draft resolution/", StringComparison.Ordinal) => ["draft resolution", "draft decision"],
        _ when docType.StartsWith("report", StringComparison.Ordinal) => ["report", "note"],
        _ => [],
    };
}

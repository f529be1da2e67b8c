using System.Text.Json;

namespace Graph.Extraction.Evaluation;

/// <summary>
/// A document of the blind gold set (graph/eval/blind-gold.json): the fields of <see cref="GoldDocument"/> plus the
/// number of preambular and operative paragraphs and each operative paragraph's opening phrase, all read from the
/// text by a person before the extractor was run on it. Null counts: the document has no such paragraphs (an amendment).
/// </summary>
public sealed record BlindGoldDocument(GoldDocument Gold, int? Preambular, int? Operative, IReadOnlyList<string> Verbs);

/// <summary>Reads the blind gold set. It only measures: fixes are never judged on it.</summary>
public static class BlindGoldSet
{
    public static IReadOnlyList<BlindGoldDocument> Load(string path)
    {
        var gold = GoldSet.Load(path).ToDictionary(g => g.File, StringComparer.Ordinal);
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var result = new List<BlindGoldDocument>();
        foreach (var item in document.RootElement.GetProperty("documents").EnumerateArray())
        {
            var file = item.GetProperty("file").GetString()!;
            result.Add(new BlindGoldDocument(gold[file], OptionalInt(item, "preambular"), OptionalInt(item, "operative"),
                item.TryGetProperty("verbs", out var verbs) ? [.. verbs.EnumerateArray().Select(v => v.GetString()!)] : []));
        }
        return result;
    }

    private static int? OptionalInt(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}

/// <summary>
/// Reads a hand count of paragraphs and verbs (graph/eval/check5-gold.json, paragraph-counts-2.json): each document's file,
/// preambular and operative counts and verbs, no identity, and where a document lists them ("cited", check8-gold.json) the
/// documents it cites. A document listed without counts (a decision, whose one sentence has no paragraphs) is counted as
/// read and not scored.
/// </summary>
public static class StructureGoldSet
{
    public static IReadOnlyList<(string File, BlindGoldDocument? Counts)> Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var result = new List<(string, BlindGoldDocument?)>();
        foreach (var item in document.RootElement.GetProperty("documents").EnumerateArray())
        {
            var file = item.GetProperty("file").GetString()!;
            var counted = item.TryGetProperty("operative", out var operative) && operative.ValueKind == JsonValueKind.Number;
            result.Add((file, counted
                ? new BlindGoldDocument(new GoldDocument(file, "", null, null, null, Cited(item)), item.GetProperty("preambular").GetInt32(),
                    operative.GetInt32(), [.. item.GetProperty("verbs").EnumerateArray().Select(v => v.GetString()!)])
                : null));
        }
        return result;
    }

    /// <summary>The documents a hand count lists as cited, or null where it does not write citations for the document.</summary>
    private static List<string>? Cited(JsonElement item) =>
        item.TryGetProperty("cited", out var cited) ? [.. cited.EnumerateArray().Select(c => c.GetString()!)] : null;
}

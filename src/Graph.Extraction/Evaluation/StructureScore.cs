using Graph.Model;

namespace Graph.Extraction.Evaluation;

/// <summary>
/// Scores one resolution's paragraph structure against the blind gold set: the preambular and operative counts,
/// and each operative paragraph's opening phrase in order.
/// </summary>
internal static class StructureScore
{
    public static void Score(BlindReport report, string file, GraphDocument document, BlindGoldDocument expected)
    {
        report.Resolutions++;
        var paragraphs = document.Relationships
            .Where(r => r.Type == RelationshipTypes.HasParagraph && r.Start == document.DocumentId)
            .Select(r => document.FindNode(r.End))
            .OfType<GraphNode>()
            .OrderBy(p => p.Properties.TryGetValue("ordinal", out var o) && o is long l ? l : long.MaxValue)
            .ToList();
        var preambular = paragraphs.Count(p => p.GetString("kind") == "preambular");
        var operative = paragraphs.Where(p => p.GetString("kind") == "operative").Select(p => p.GetString("verb") ?? "").ToList();
        if (preambular == expected.Preambular && operative.Count == expected.Operative) report.CountsExact++;
        else report.Mistakes.Add($"{file}: paragraphs expected {expected.Preambular} preambular and {expected.Operative} operative, got {preambular} and {operative.Count}");
        var wrong = Enumerable.Range(0, Math.Max(operative.Count, expected.Verbs.Count))
            .FirstOrDefault(i => i >= operative.Count || i >= expected.Verbs.Count || !Opens(operative[i], expected.Verbs[i]), -1);
        if (wrong < 0) report.VerbsExact++;
        else report.Mistakes.Add($"{file}: operative paragraph {wrong + 1} expected verb '{(wrong < expected.Verbs.Count ? expected.Verbs[wrong] : "(none)")}', got '{(wrong < operative.Count ? operative[wrong] : "(none)")}'");
    }

    /// <summary>
    /// Whether the extracted verb begins with the gold phrase, word for word: the extractor may keep the words that
    /// qualify the verb ("Takes note with appreciation of"), but must not cut it ("Also" for "Also decides").
    /// </summary>
    internal static bool Opens(string actual, string gold)
    {
        var a = actual.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var g = gold.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return a.Length >= g.Length && g.Select((w, i) => string.Equals(w, a[i], StringComparison.OrdinalIgnoreCase)).All(x => x);
    }
}

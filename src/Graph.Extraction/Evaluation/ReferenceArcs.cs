using System.Globalization;
using System.Text.Json;
using Graph.Model;

namespace Graph.Extraction.Evaluation;

/// <summary>How many arcs of a machine-parsed citation reference the extractor finds, and which it misses.</summary>
public sealed record ReferenceArcsReport(int Documents, int Arcs, int Found, IReadOnlyList<string> Missed)
{
    public double Share => Arcs == 0 ? 1 : (double)Found / Arcs;
}

/// <summary>
/// A recall cross-check against un-documents' sc-citations.json: the Security Council resolutions each resolution of
/// sc-resolutions/ cites according to the UniteIdeas reference arcs. That list was parsed by machine, so it is a
/// reference rather than a gold: an arc we miss is a lead to read, not a proven miss.
/// </summary>
public static class ReferenceArcs
{
    /// <param name="unDocuments">The un-documents collection (holding sc-citations.json and sc-resolutions/).</param>
    public static ReferenceArcsReport? Run(string unDocuments)
    {
        var path = Path.Combine(unDocuments, "sc-citations.json");
        if (!File.Exists(path)) return null;
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var extractor = new DocumentExtractor();
        var (documents, arcs, found) = (0, 0, 0);
        var missed = new List<string>();
        foreach (var entry in json.RootElement.GetProperty("cites").EnumerateObject())
        {
            if (FileOf(unDocuments, entry.Name) is not { } file) { missed.Add($"{entry.Name}: no file in sc-resolutions/"); continue; }
            var document = extractor.Extract(file, DocumentFile.Read(file).Content ?? []);
            documents++;
            var cited = document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start == document.DocumentId)
                .Select(r => r.End).ToHashSet(StringComparer.Ordinal);
            foreach (var target in entry.Value.EnumerateArray().Select(t => t.GetString()!))
            {
                arcs++;
                if (cited.Contains(target)) found++;
                else missed.Add($"{entry.Name} -> {target}");
            }
        }
        return new ReferenceArcsReport(documents, arcs, found, missed);
    }

    /// <summary>"S/RES/301 (1971)" is sc-resolutions/S_RES_0301_1971_EN_GOLD.txt.</summary>
    private static string? FileOf(string unDocuments, string symbol)
    {
        var open = symbol.IndexOf(" (", StringComparison.Ordinal);
        if (!symbol.StartsWith("S/RES/", StringComparison.Ordinal) || open < 0) return null;
        if (!int.TryParse(symbol.AsSpan(6, open - 6), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return null;
        var year = symbol.Substring(open + 2, 4);
        var file = Path.Combine(unDocuments, "sc-resolutions", string.Create(CultureInfo.InvariantCulture, $"S_RES_{number:D4}_{year}_EN_GOLD.txt"));
        return File.Exists(file) ? file : null;
    }
}

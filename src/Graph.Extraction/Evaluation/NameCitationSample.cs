using System.Text.Json;
using Graph.Model;

namespace Graph.Extraction.Evaluation;

/// <summary>A hand-checked sample of name-linked citations, measured against what the extractor links today.</summary>
/// <param name="Drawn">Entries in the sample.</param>
/// <param name="JudgedRight">Entries judged right when the sample was checked.</param>
/// <param name="StillLinked">Entries the extractor still links.</param>
/// <param name="RightAndLinked">Entries judged right and still linked.</param>
/// <param name="WrongDropped">Entries judged wrong that the extractor no longer links.</param>
public sealed record NameSampleReport(int Drawn, int JudgedRight, int StillLinked, int RightAndLinked, int WrongDropped)
{
    /// <summary>The share right among the links the extractor still makes: the sample's estimate of name-link precision.</summary>
    public double Precision => StillLinked == 0 ? 1 : (double)RightAndLinked / StillLinked;
}

/// <summary>
/// Re-measures a sample of <c>via: name</c> citations judged by hand (graph/eval/name-citations-*.json): each entry
/// names its file, the cited document, the name and the sentence it stood in, and whether the text means that document.
/// The documents are extracted again; an entry is still linked where a <c>via: name</c> CITES from the same document to
/// the same target stands at the name with the words just before it, as the text reads before the link's own span
/// (where the name stands twice in the sentence, the entry's <c>occurrence</c> says which, counting from 0). So a fix
/// that drops a wrong link shows as a wrong entry no longer linked, and the share right among the links still made is
/// the precision estimate.
/// </summary>
public static class NameCitationSample
{
    /// <summary>How many letters of the sentence before the name identify the mention (paragraph ids and spans move as structure changes).</summary>
    private const int LeadIn = 24;

    /// <param name="unDocuments">The un-documents collection the sample's files are relative to.</param>
    /// <param name="samplePath">The sample file.</param>
    public static NameSampleReport Run(string unDocuments, string samplePath)
    {
        using var stream = File.OpenRead(samplePath);
        using var json = JsonDocument.Parse(stream);
        var entries = json.RootElement.GetProperty("sample").EnumerateArray().Select(Entry.Read).ToList();
        var extractor = new DocumentExtractor();
        var mentions = new Dictionary<string, List<(string End, string Before)>>(StringComparer.Ordinal);
        var (judgedRight, linked, rightAndLinked, wrongDropped) = (0, 0, 0, 0);
        foreach (var entry in entries)
        {
            if (!mentions.TryGetValue(entry.File, out var links))
            {
                var path = Path.Combine(unDocuments, entry.File);
                if (!File.Exists(path)) throw new FileNotFoundException($"{samplePath}: no document {entry.File} in {unDocuments}", path);
                var document = extractor.Extract(path, File.ReadAllBytes(path));
                links = [.. document.Relationships
                    .Where(r => r.Type == RelationshipTypes.Cites && r.Properties.TryGetValue("via", out var via) && via as string == "name")
                    .Select(r => (r.End, Letters(TextUpTo(document.Text, r))))];
                mentions[entry.File] = links;
            }
            var still = links.Any(l => l.End == entry.Cites && l.Before.EndsWith(entry.Mention, StringComparison.Ordinal));
            if (entry.Right) judgedRight++;
            if (still) linked++;
            if (still && entry.Right) rightAndLinked++;
            if (!still && !entry.Right) wrongDropped++;
        }
        return new NameSampleReport(entries.Count, judgedRight, linked, rightAndLinked, wrongDropped);
    }

    /// <summary>The text from a little before a link's span to its end: the name and the words the sentence puts before it.</summary>
    private static string TextUpTo(string text, GraphRelationship link)
    {
        var start = Convert.ToInt32(link.Properties["spanStart"], System.Globalization.CultureInfo.InvariantCulture);
        var end = Convert.ToInt32(link.Properties["spanEnd"], System.Globalization.CultureInfo.InvariantCulture);
        return text[Math.Max(0, start - 8 * LeadIn)..end];
    }

    /// <summary>
    /// Only the letters: the sentence stored with an entry is the citation's cleaned context, the document text has the
    /// line breaks, footnote marks and hyphens the cleaning removed, and the letters are what both keep.
    /// </summary>
    private static string Letters(string text) => string.Concat(text.Where(char.IsLetter));

    private static string Flatten(string text) => string.Join(' ', text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private sealed record Entry(string File, string Cites, string Mention, bool Right)
    {
        public static Entry Read(JsonElement e)
        {
            var name = e.GetProperty("name").GetString()!;
            var sentence = Flatten(e.GetProperty("sentence").GetString()!);
            var at = sentence.IndexOf(name, StringComparison.Ordinal);
            for (var k = e.TryGetProperty("occurrence", out var o) ? o.GetInt32() : 0; k > 0 && at >= 0; k--)
                at = sentence.IndexOf(name, at + name.Length, StringComparison.Ordinal);
            // The words just before the name tell one mention from another of the same name in the paragraph.
            var lead = at < 0 ? "" : Letters(sentence[..at]);
            var mention = (lead.Length > LeadIn ? lead[^LeadIn..] : lead) + Letters(name);
            return new Entry(e.GetProperty("file").GetString()!, e.GetProperty("cites").GetString()!, mention, e.GetProperty("right").GetBoolean());
        }
    }
}

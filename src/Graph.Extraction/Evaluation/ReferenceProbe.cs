using System.Text.RegularExpressions;
using Graph.Extraction.Structure;
using Graph.Model;

namespace Graph.Extraction.Evaluation;

/// <summary>
/// A recall probe that needs no gold: every string in the paragraphs and footnotes that looks like a reference to another
/// document (a symbol of any series, "resolution 1234 (2005)", "resolutions 60/1, 61/2 and 62/3", "decision 75/555",
/// "resolutions 1267 (1999) to 2253 (2015)") should be under the span of a paragraph's CITES. It is written apart from
/// the symbol scanner, with regular expressions of its own, so that it can see what the scanner misses; what it counts is
/// an upper bound of the misses (a resolution of an organ whose symbols are not known is counted too).
/// </summary>
public static partial class ReferenceProbe
{
    /// <summary>A symbol of any series: capitals, then slash-separated parts, one of them holding a digit ("ST/SGB/2003/13", "A/CONF.62/122").</summary>
    [GeneratedRegex(@"(?<![\w/.\-])[A-Z]{1,8}(?:\.\d{1,3})?(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+")]
    private static partial Regex FullSymbol();

    /// <summary>"resolution(s)" or "decision(s)" and the numbered items that follow it.</summary>
    [GeneratedRegex(@"\b(?:[Rr]esolutions?|[Dd]ecisions?)\s+(?=(?:ES-|S-)?\d)")]
    private static partial Regex Keyword();

    /// <summary>One numbered item: "64/256", "ES-10/23", "45/58 P", "1631 (2005)", "2200 A (XXI)", "1514 (XV)".</summary>
    [GeneratedRegex(@"\G(?:(?:ES-|S-)?\d{1,5}/\d{1,5}(?: [A-Z](?![\w/]))?(?![\w/])|\d{1,4}(?: [A-Z])? ?\((?:\d{4}|[IVXL]{1,7}|ES-\d{1,2}|S-\d{1,2})\))")]
    private static partial Regex Item();

    /// <summary>What joins two items of a list: a date, commas, "and", "or", "to", "as well as", a dash.</summary>
    [GeneratedRegex(@"\G(?: of \d{1,2} [A-Z][a-z]+ \d{4})?(?:\s*,\s*(?:(?:and|or) (?:in particular,? )?)?|\s+(?:and|or|to|through|as well as)\s+(?:in particular,? )?|\s*[–-]\s*)")]
    private static partial Regex Separator();

    /// <summary>The reference-like strings of one document that no paragraph-level citation covers.</summary>
    internal static (int Found, List<string> Missed) Probe(LaidOutText laid, GraphDocument document)
    {
        var own = OwnSymbols(document);
        var cited = new List<(int Start, int End)>();
        foreach (var r in document.Relationships)
        {
            // The paragraphs' citations, and the document's own that no paragraph holds (the heading's, its asterisk's note).
            if (r.Type != RelationshipTypes.Cites || (r.Start == document.DocumentId && r.Properties.GetValueOrDefault("via") is not "heading")) continue;
            if (r.Properties.TryGetValue(PropertyNames.SpanStart, out var s) && r.Properties.TryGetValue(PropertyNames.SpanEnd, out var e) && s is long start && e is long end)
                cited.Add(((int)start, (int)end));
        }
        var regions = new List<(int Start, int End, string Where)>();
        foreach (var n in document.Nodes)
        {
            if (!n.HasLabel(Labels.Paragraph)) continue;
            if (n.Properties.TryGetValue(PropertyNames.SpanStart, out var s) && n.Properties.TryGetValue(PropertyNames.SpanEnd, out var e) && s is long start && e is long end)
                regions.Add(((int)start, Math.Min((int)end, laid.Text.Length), ""));
        }
        foreach (var f in laid.Footnotes) regions.Add((f.ContentStart, f.End, $"footnote {f.FootnoteNumber}: "));
        // Body and closing text no paragraph took (a footnote block not read as one, a line after the closing) may cite too.
        foreach (var b in laid.Blocks)
            if (b.Kind is BlockKind.Paragraph or BlockKind.Closing) regions.Add((b.Start, b.End, b.Kind == BlockKind.Closing ? "closing: " : "block: "));
        var found = 0;
        var missed = new List<string>();
        var seen = new HashSet<int>();
        foreach (var (regionStart, regionEnd, where) in regions)
        {
            var text = laid.Text[regionStart..regionEnd];
            foreach (var (start, end) in References(text))
            {
                var at = regionStart + start;
                if (!seen.Add(at)) continue;
                if (where == "block: " && Inside(at, regions)) continue;
                var reference = text[start..end];
                if (own.Any(o => reference == o || reference.StartsWith(o + "/", StringComparison.Ordinal))) continue;
                found++;
                if (!cited.Any(c => c.Start < regionStart + end && at < c.End))
                    missed.Add($"{where}{Before(text, start)}[{reference}]");
            }
        }
        return (found, missed);
    }

    /// <summary>The spans of reference-like strings in one paragraph or footnote.</summary>
    internal static IEnumerable<(int Start, int End)> References(string text)
    {
        foreach (Match m in FullSymbol().Matches(text))
        {
            var value = m.Value.TrimEnd('.', '-');
            var parts = value.Split('/');
            if (!value.Any(char.IsAsciiDigit)) continue;
            // "AFC/M23" names an armed group, "24/7" is no symbol; a two-part symbol ends in a number or a dotted part.
            if (parts.Length == 2 && !char.IsAsciiDigit(parts[1][0]) && !parts[1].Contains('.', StringComparison.Ordinal)) continue;
            // "A/80/___", "A/C.5/80/___", "A/80/7/Add.__": a document not yet issued, its number left blank, refers to none.
            var after = m.Index + m.Length;
            if (after + 1 < text.Length && text[after] is '/' or '.' && text[after + 1] == '_') continue;
            if (after < text.Length && text[after] == '_') continue;
            yield return (m.Index, m.Index + value.Length);
        }
        foreach (Match k in Keyword().Matches(text))
        {
            var p = k.Index + k.Length;
            while (true)
            {
                var item = Item().Match(text, p);
                if (!item.Success) break;
                yield return (item.Index, item.Index + item.Length);
                var separator = Separator().Match(text, item.Index + item.Length);
                if (!separator.Success || separator.Length == 0) break;
                p = separator.Index + separator.Length;
            }
        }
    }

    /// <summary>Whether a paragraph's span holds the position (the paragraphs come first in the regions).</summary>
    private static bool Inside(int at, List<(int Start, int End, string Where)> regions)
    {
        foreach (var (start, end, where) in regions)
            if (where.Length == 0 && start <= at && at < end) return true;
        return false;
    }

    private static List<string> OwnSymbols(GraphDocument document)
    {
        var own = new List<string> { document.DocumentId };
        var node = document.FindNode(document.DocumentId);
        if (node?.Properties.TryGetValue("aliases", out var aliases) == true && aliases is IEnumerable<object?> list)
            foreach (var alias in list) if (alias is string a) own.Add(a);
        // "S/RES/1234 (2005)" is written "resolution 1234 (2005)" in its own text: its number is also its own.
        if (document.DocumentId.StartsWith("S/RES/", StringComparison.Ordinal)) own.Add(document.DocumentId["S/RES/".Length..]);
        if (document.DocumentId.StartsWith("A/RES/", StringComparison.Ordinal)) own.Add(document.DocumentId["A/RES/".Length..]);
        return own;
    }

    private static string Before(string text, int start)
    {
        var from = Math.Max(0, start - 45);
        return text[from..start].ReplaceLineEndings(" ");
    }
}

using Graph.Model;

namespace Graph.Extraction.Evaluation;

/// <summary>
/// The shape of preambular paragraphs, a measure that needs no gold: by the drafting convention each opens with a
/// participle, an adjective or an adverb before one ("Recalling", "Deeply concerned", "Mindful", "Whereas") and ends with
/// a comma (a semicolon or a colon before a list). A paragraph of another shape is a suspect: a sub-heading or a running
/// title counted as a paragraph, a paragraph cut in two at a page break or a footnote block (its second half opens with no
/// such word, its first ends on one), or two paragraphs joined (a second opening after a comma inside it). Its test of an
/// opening is written apart from the recogniser's, so that the one does not grade itself.
/// </summary>
public static class PreambleShape
{
    /// <summary>Counts the document's preambular paragraphs and lists those of another shape, each with why.</summary>
    public static void Measure(DocumentMeasures measures, IEnumerable<GraphNode> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.GetString("kind") != "preambular" || paragraph.GetString("text") is not { Length: > 0 } text) continue;
            measures.PreambularParagraphs++;
            if (Problem(text) is { } problem) measures.PreambleSuspects.Add($"{problem}: {(text.Length <= 70 ? text : text[..70] + "…")}");
        }
    }

    /// <summary>Why a preambular paragraph's text is not of the preamble's shape; null when it is.</summary>
    public static string? Problem(string text)
    {
        var words = text.TrimStart('“', '"', '‘', '\'', ' ').Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !Opens(words)) return "opens no preambular phrase";
        // A footnote's number left as a plain number may follow the comma ("… of 10 December 1982, 4"), or an old-style mark ("… 1992, 2/").
        var end = text.AsSpan().TrimEnd(" 0123456789/");
        if (end.IsEmpty || end[^1] is not (',' or ';' or ':')) return "does not end as a preambular paragraph";
        if (SecondOpening(text) is { } second) return $"holds a second opening \"{second}\"";
        return null;
    }

    /// <summary>
    /// A participle ("Recalling", "Having", "Acting"), an adjective or a past participle ("Mindful", "Aware", "Convinced",
    /// "Desirous") or an adverb before one ("Deeply concerned", "Also recalling"), or one of the few fixed words ("Whereas").
    /// </summary>
    private static bool Opens(string[] words)
    {
        // "And further noting that …", "And in particular taking note of …": a clause of the earliest texts joined to the one before.
        if (words[0] == "And" && words.Length > 1) return true;
        var first = words[0].TrimEnd(',');
        // "In view of …", "In virtue of the powers …", "In the exercise of …", "By Article 47 of the Charter, …", "Without
        // prejudice to …": the prepositional openings of early resolutions' preambles.
        if (first is "By" or "Without" || (first == "In" && words.Length > 1 && (words[1] is "view" or "virtue" or "accordance" || words[1] == "the" && words.Length > 2
            && (words[2].StartsWith("exercise ", StringComparison.Ordinal) || words[2].StartsWith("light ", StringComparison.Ordinal))))) return true;
        if (first.Length < 4 || !char.IsUpper(first[0])) return false;
        if (Fixed.Contains(first)) return true;
        if (first.EndsWith("ly", StringComparison.Ordinal) && words.Length > 1) return char.IsLower(words[1][0]);
        return first.EndsWith("ing", StringComparison.Ordinal) || first.EndsWith("ed", StringComparison.Ordinal) || first.EndsWith("ful", StringComparison.Ordinal)
            || first.EndsWith("ous", StringComparison.Ordinal) || first.EndsWith("ant", StringComparison.Ordinal) || first.EndsWith("ent", StringComparison.Ordinal)
            || first.EndsWith("ive", StringComparison.Ordinal);
    }

    private static readonly HashSet<string> Fixed = new(StringComparer.Ordinal) { "Whereas", "Aware", "Also", "Further", "Ever", "Seized", "Sure", "Keen", "Resolute" };

    /// <summary>"…, Recalling also its resolution …": after a comma or semicolon, a capitalised participle before a word in lower case.</summary>
    private static string? SecondOpening(string text)
    {
        for (var i = text.IndexOfAny([',', ';']); i >= 0 && i + 2 < text.Length; i = text.IndexOfAny([',', ';'], i + 1))
        {
            var start = i + 1;
            while (start < text.Length && text[start] == ' ') start++;
            if (start >= text.Length || !char.IsUpper(text[start])) continue;
            var space = text.IndexOf(' ', start);
            if (space < 0 || space + 1 >= text.Length || !char.IsLower(text[space + 1])) continue;
            // A title's words run on after a comma ("the Development, Production, Stockpiling and Use of …").
            if (text.AsSpan(space + 1).StartsWith("and ", StringComparison.Ordinal) || text.AsSpan(space + 1).StartsWith("or ", StringComparison.Ordinal)
                || text.AsSpan(space + 1).StartsWith("of ", StringComparison.Ordinal)) continue;
            var word = text[start..space];
            if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5 && word.All(char.IsLetter)) return word;
        }
        return null;
    }
}

using Graph.Extraction.Readers;

namespace Graph.Extraction.Structure;

/// <summary>
/// Text layers of PDFs lose the superscript of footnote marks: "Human Rights 1 and", "Rights,3 the".
/// Footnotes are numbered consecutively through a document (Editorial Manual), so the k-th mark is the
/// first plausible "k" after the (k-1)-th: a number right after a word or punctuation, not a date, a
/// paragraph or item number, a quantity with its unit. Found marks are rewritten as superscripts.
/// </summary>
internal static class FootnoteMarks
{
    private static readonly HashSet<string> NumberTakingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "paragraph", "paragraphs", "para", "paras", "resolution", "resolutions", "decision", "decisions", "item", "items", "No", "Nos", "vol",
        "page", "pages", "p", "pp", "chapter", "chap", "article", "articles", "annex", "section", "sect", "rule", "rules", "session", "meeting",
        "part", "and", "to", "or", "of", "than", "at", "by", "in", "on", "from", "the", "under", "goal", "goals", "target", "targets",
        "protocol", "step", "phase", "level", "table", "figure", "principle", "principles", "recommendation", "recommendations", "about",
        "some", "over", "least", "nearly", "almost", "approximately", "around", "only", "all", "Supplement", "No.", "with",
        "were", "was", "are", "is", "had", "have", "for", "per", "every", "Sustainable", "Development", "Goal", "Amendment", "COVID",
    };

    public static void MarkPlainDigits(List<FlowBlock> blocks, HashSet<int> numbers)
    {
        // Numbering may continue from earlier texts of the same volume: start at the lowest footnote.
        var expected = numbers.Count == 0 ? 1 : numbers.Min();
        var max = numbers.Count == 0 ? 0 : numbers.Max();
        var blockIndex = 0;
        var position = 0;
        while (expected <= max && blockIndex < blocks.Count)
        {
            if (!numbers.Contains(expected)) { expected++; continue; }
            var found = false;
            for (var b = blockIndex; b < blocks.Count && !found; b++)
            {
                var block = blocks[b];
                if (block.Kind == BlockKind.Heading && b < 2) continue;
                var from = b == blockIndex ? position : 0;
                var at = FindMark(block.Text, expected, from, out var markStart, out var markEnd);
                if (!at) continue;
                block.Text = block.Text[..markStart] + Superscript.From(expected) + block.Text[markEnd..];
                blockIndex = b;
                position = markStart + 1;
                found = true;
            }
            expected++;
        }
    }

    /// <summary>Finds " 12" / ",12" written as a mark; markStart includes the space before it (which goes).</summary>
    private static bool FindMark(string text, int number, int from, out int markStart, out int markEnd)
    {
        var digits = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var i = from;
        while ((i = text.IndexOf(digits, i, StringComparison.Ordinal)) >= 0)
        {
            var end = i + digits.Length;
            if (IsMarkAt(text, i, end, out markStart))
            {
                markEnd = end;
                return true;
            }
            i = end;
        }
        markStart = markEnd = -1;
        return false;
    }

    private static bool IsMarkAt(string text, int start, int end, out int markStart)
    {
        markStart = start;
        if (start == 0) return false;
        if (end < text.Length)
        {
            var after = text[end];
            if (char.IsAsciiDigit(after) || char.IsLetter(after) || after is '/' or '%' or '-' or '–' or '(' || (after == '.' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))) return false;
            // "12 December", "3 per cent"
            var q = end;
            while (q < text.Length && text[q] == ' ') q++;
            var m = q;
            if (Graph.Model.Symbols.DateText.ReadMonth(text, ref m) > 0) return false;
            if (string.CompareOrdinal(text, q, "per cent", 0, 8) == 0) return false;
        }
        var b = start - 1;
        var spaced = text[b] == ' ';
        if (spaced) b--;
        if (b < 0) return false;
        var before = text[b];
        if (char.IsAsciiDigit(before) || before is '/' or '(' or '-' or '–' or '$' or '€' or '£' or '§' or '#' or '\n') return false;
        if (!(char.IsLetter(before) || before is ',' or '.' or ';' or ':' or '”' or '’' or ')' or '"' or ']')) return false;
        if (char.IsLetter(before))
        {
            if (!spaced && char.IsUpper(before)) return false; // "G20", "COP28"
            var w = b;
            while (w > 0 && char.IsLetter(text[w - 1])) w--;
            var word = text[w..(b + 1)];
            if (NumberTakingWords.Contains(word)) return false;
        }
        markStart = spaced ? start - 1 : start;
        return true;
    }
}

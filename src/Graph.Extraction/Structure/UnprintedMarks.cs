namespace Graph.Extraction.Structure;

/// <summary>
/// The marks of footnotes a Security Council volume calls but the text of the resolution does not hold: the later volumes
/// print each resolution's notes at the foot of a page the text file lacks, so "addressed to the Secretary-General, 124" and
/// "the Republic of Korea, 200 for admission" keep a number no footnote answers, and the in-order search, which looks only
/// for the numbers of the notes present (<see cref="FootnoteMarks"/>), leaves it in the paragraph's words. Only the one place
/// a mark alone takes is read so: after a word and a comma, the number then ending the paragraph or followed by a word in
/// small letters that takes no number ("… Council, 183 the decision …"), never a date's day ("14 April, 31 May"), a
/// quantity ("6 per cent", "6 million") or a list ("5, 6 and 7"). The number is rewritten as a superscript, so the paragraph's
/// words lose it and the paragraph lists it among its marks, as it lists a mark whose note a page lost.
/// </summary>
internal static class UnprintedMarks
{
    private static readonly HashSet<string> NumberTakingWords = new(StringComparer.Ordinal)
    {
        "and", "or", "to", "of", "per", "million", "billion", "thousand", "hundred", "times", "days", "months", "years", "weeks",
        "hours", "members", "votes", "abstentions", "abstention", "copies", "States", "persons",
    };

    public static void Mark(List<FlowBlock> blocks)
    {
        if (!blocks.Any(b => b.Kind == BlockKind.Heading && b.Text.StartsWith("The Security Council", StringComparison.Ordinal))) return;
        var edits = new List<(int Start, int End, int Number)>();
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].Kind != BlockKind.Paragraph) continue;
            var text = blocks[b].Text;
            for (var comma = text.IndexOf(", ", StringComparison.Ordinal); comma > 0; comma = text.IndexOf(", ", comma + 1, StringComparison.Ordinal))
            {
                var start = comma + 2;
                var end = start;
                while (end < text.Length && end - start < 4 && char.IsAsciiDigit(text[end])) end++;
                if (end == start || end - start > 3 || end < text.Length && char.IsAsciiDigit(text[end])) continue;
                if (IsUnprintedMark(text, comma, end)) edits.Add((start, end, int.Parse(text.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture)));
            }
            FootnoteMarks.Apply(blocks, b, edits);
        }
    }

    private static bool IsUnprintedMark(string text, int comma, int end)
    {
        var before = text[comma - 1];
        var rest = text.AsSpan(end);
        var trimmed = rest.TrimEnd();
        // "… paragraph 19 of resolution 687 (1991), 82": the number ends the paragraph, after a word or a resolution's year.
        if (trimmed.IsEmpty) return char.IsLetter(before) || before == ')';
        if (!char.IsLetter(before) || rest[0] != ' ') return false;
        var word = rest[1..];
        var space = word.IndexOfAny(' ', ',', ';');
        if (space >= 0) word = word[..space];
        if (word.IsEmpty || !char.IsAsciiLetterLower(word[0])) return false;
        if (NumberTakingWords.Contains(word.ToString())) return false;
        foreach (var month in Graph.Model.Symbols.DateText.MonthNames) if (word.StartsWith(month, StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }
}

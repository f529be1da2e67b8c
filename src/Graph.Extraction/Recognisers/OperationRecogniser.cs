using Graph.Model;

namespace Graph.Extraction.Recognisers;

/// <summary>A named operation: its name, what it is for, who conducts it, and the span that says so.</summary>
internal sealed record OperationMention(string Name, string? Purpose, SourceSpan Span);

/// <summary>
/// Named operations as UN texts write them: the name in quotation marks next to the word "operation"
/// ("the regional operation of the Collective Security Treaty Organization “Kanal”, conducted …, to combat …",
/// "its regional operation “Nelegal”, aimed at reducing …"), or capitalised after it ("Operation Springbok III").
/// The purpose is the clause that follows: "aimed at …", "to …".
/// </summary>
internal static class OperationRecogniser
{
    /// <summary>The operations named from <paramref name="start"/> to <paramref name="end"/>, at most the first <paramref name="max"/>.</summary>
    public static List<OperationMention> Recognise(string text, int start, int end, int max = int.MaxValue)
    {
        var result = new List<OperationMention>();
        var at = start;
        while (result.Count < max && (at = IndexOfOperation(text, at, end)) >= 0)
        {
            var wordEnd = at + "operation".Length;
            if (text[at] == 'O' && wordEnd + 1 < end && text[wordEnd] == ' ' && char.IsUpper(text[wordEnd + 1]))
            {
                // "Operation Springbok III"
                var p = wordEnd + 1;
                var words = 1;
                var longer = false;
                while (p < end && (char.IsLetterOrDigit(text[p]) || (text[p] == ' ' && p + 1 < end && char.IsUpper(text[p + 1]))))
                {
                    // The name read so far is text[(wordEnd + 1)..p]: a word or a character more than the most makes it none.
                    if ((text[p] == ' ' && ++words > MaxNameWords) || p - (wordEnd + 1) == MaxNameLength)
                    {
                        longer = true;
                        break;
                    }
                    p++;
                }
                // A run of capitalised words longer than any operation's name is a title or a list, not a name; it is read no further.
                if (!longer)
                {
                    result.Add(new OperationMention(text[(wordEnd + 1)..p], Purpose(text, p, end), new SourceSpan(at, p)));
                    at = p;
                    continue;
                }
                at = wordEnd;
                continue;
            }
            var open = text.IndexOfAny(['“', '"'], wordEnd, Math.Min(110, end - wordEnd));
            if (open >= 0 && !text.AsSpan(wordEnd, open - wordEnd).ContainsAny(";.")
                && open + 1 < end && char.IsUpper(text[open + 1]))
            {
                var close = text.IndexOfAny(['”', '"'], open + 1, Math.Min(40, end - open - 1));
                if (close > open + 1)
                {
                    var name = text[(open + 1)..close];
                    if (name.Split(' ').Length <= 4)
                    {
                        result.Add(new OperationMention(name, Purpose(text, close + 1, end), new SourceSpan(open + 1, close)));
                        at = close;
                        continue;
                    }
                }
            }
            at = wordEnd;
        }
        return result;
    }

    /// <summary>
    /// The most words and characters a capitalised name after "Operation" is read for. The names UN texts give have one
    /// or two words ("Operation Artemis", "Operation Unified Protector" has three); read without a bound, 31 MB of
    /// "Operation " was one name of 31 MB, and read again from every word of it.
    /// </summary>
    private const int MaxNameWords = 6;

    private const int MaxNameLength = 80;

    private static int IndexOfOperation(string text, int from, int end)
    {
        // A vectorised search for the word's tail, then the test of its first letter and its boundaries.
        var i = from;
        while (i < end - 9)
        {
            var found = text.AsSpan(i + 1, end - 1 - (i + 1)).IndexOf("peration", StringComparison.Ordinal);
            if (found < 0) return -1;
            i += found;
            if ((text[i] == 'o' || text[i] == 'O')
                && (i == 0 || !char.IsLetter(text[i - 1])) && (i + 9 >= text.Length || !char.IsLetter(text[i + 9]))) return i;
            i++;
        }
        return -1;
    }

    /// <summary>"…, aimed at reducing the incidence …" / "…, to combat the smuggling …": the clause stating the purpose.</summary>
    private static string? Purpose(string text, int from, int end)
    {
        var limit = Math.Min(end, from + 260);
        var window = text[from..limit];
        var candidates = new[] { "aimed at ", ", to ", " to combat ", " to counter ", " to prevent ", " to reduce " };
        var best = -1;
        foreach (var c in candidates)
        {
            var k = window.IndexOf(c, StringComparison.Ordinal);
            if (k >= 0 && (best < 0 || k < best)) best = k;
        }
        if (best < 0) return null;
        var s = from + best;
        while (s < limit && text[s] is ',' or ' ') s++;
        var e = s;
        while (e < end && text[e] != ';' && !(text[e] == ',' && e + 1 == end) && e - s < 400) e++;
        return ParagraphRecogniser.CleanText(text[s..e]).TrimEnd(',', '.', ' ');
    }
}

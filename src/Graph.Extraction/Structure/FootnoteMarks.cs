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
        "were", "was", "are", "is", "had", "have", "for", "per", "every", "Sustainable", "Goal", "Amendment", "COVID", "panel",
    };

    /// <summary>
    /// How far past the last mark found the next one is looked for. A mark not found in this window is given up
    /// (its footnote stays with the document): searching to the end of the text for every missing mark made
    /// extraction quadratic in the length of a document with many footnotes. Fifteen pages of text is further
    /// than two consecutive marks of a UN document stand apart.
    /// </summary>
    private const int SearchWindow = 64_000;

    /// <returns>The footnotes whose mark was found only by <see cref="LostMarks"/>, each with how it was read.</returns>
    public static Dictionary<int, string> MarkPlainDigits(List<FlowBlock> blocks, HashSet<int> numbers)
    {
        // Numbering may continue from earlier texts of the same volume: start at the lowest footnote.
        var expected = numbers.Count == 0 ? 1 : numbers.Min();
        var max = numbers.Count == 0 ? 0 : numbers.Max();
        var blockIndex = 0;
        var position = 0;
        // The marks found in the current block, applied in one pass when the search leaves it (one copy per block, not per mark).
        var edits = new List<(int Start, int End, int Number)>();
        var marked = new HashSet<int>();
        var editedBlock = -1;
        while (expected <= max && blockIndex < blocks.Count)
        {
            if (!numbers.Contains(expected)) { expected++; continue; }
            var searched = 0;
            for (var b = blockIndex; b < blocks.Count && searched < SearchWindow; b++)
            {
                var block = blocks[b];
                var from = b == blockIndex ? position : 0;
                var text = block.Text;
                searched += text.Length - from;
                if (!FindMark(text, expected, from, out var markStart, out var markEnd)) continue;
                // The first lines hold symbols, dates and page numbers; the one mark they hold ends the title line of an
                // early resolution, after its date: "6 (1946). Resolution of 17 May 1946 21".
                if (block.Kind == BlockKind.Heading && b < 2 && !IsMarkEndingDatedTitle(text, markStart, markEnd)) continue;
                // The next mark standing before this one means this one's own mark is missing (not recognised, or never
                // printed) and this "k" is some other number: taking it would skip every mark up to it.
                if (numbers.Contains(expected + 1) && NextMarkComesFirst(blocks, blockIndex, position, b, markStart, expected + 1)) break;
                if (b != editedBlock) { Apply(blocks, editedBlock, edits); editedBlock = b; }
                edits.Add((markStart, markEnd, expected));
                marked.Add(expected);
                blockIndex = b;
                position = markEnd;
                break;
            }
            expected++;
        }
        Apply(blocks, editedBlock, edits);
        MarkOutOfOrder(blocks, numbers, marked);
        return LostMarks.Mark(blocks, numbers);
    }

    /// <summary>
    /// The volumes of Security Council resolutions number footnotes through the volume and cite one footnote again
    /// further on ("signed at Geneva on 14 April 1988, 6" in two paragraphs, 7 before 6): what the in-order search did not
    /// find is looked for in one pass over the text, but only where a mark cannot be mistaken, right after a comma,
    /// semicolon or full stop (", 6", ";7"), after a year or a symbol ("1988. 6", "Add.1 18") or after a whole date
    /// ("25 November 1979 95").
    /// </summary>
    private static void MarkOutOfOrder(List<FlowBlock> blocks, HashSet<int> numbers, HashSet<int> marked)
    {
        var missing = numbers.Where(n => !marked.Contains(n)).ToHashSet();
        if (missing.Count == 0) return;
        var edits = new List<(int Start, int End, int Number)>();
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].Kind == BlockKind.Heading && b < 2) continue;
            var text = blocks[b].Text;
            for (var i = 1; i < text.Length; i++)
            {
                if (!char.IsAsciiDigit(text[i]) || char.IsAsciiDigit(text[i - 1]) && !IsAfterYear(text, i)) continue;
                var end = i;
                while (end < text.Length && end - i < 3 && char.IsAsciiDigit(text[end])) end++;
                if (end < text.Length && char.IsAsciiDigit(text[end])) { i = end; continue; }
                var number = int.Parse(text.AsSpan(i, end - i), System.Globalization.CultureInfo.InvariantCulture);
                var before = text[i - 1] == ' ' && i >= 2 ? text[i - 2] : text[i - 1];
                // "the letter from the Secretary-General dated 25 November 1979 95 stating": a whole date, then the mark.
                var strict = before is ',' or ';' or '.' or ':' || char.IsAsciiDigit(text[i - 1]) || text[i - 1] == ' ' && IsAfterYear(text, i - 1);
                if (missing.Contains(number) && strict && IsMarkAt(text, i, end, out var markStart)) edits.Add((markStart, IsSlashMark(text, end) ? end + 1 : end, number));
                i = end - 1;
            }
            Apply(blocks, b, edits);
        }
    }

    private static bool NextMarkComesFirst(List<FlowBlock> blocks, int fromBlock, int fromPosition, int toBlock, int toPosition, int next)
    {
        for (var b = fromBlock; b <= toBlock; b++)
        {
            var text = blocks[b].Text;
            var from = b == fromBlock ? fromPosition : 0;
            if (FindMark(text, next, from, out var start, out _) && (b < toBlock || start < toPosition)) return true;
        }
        return false;
    }

    /// <summary>
    /// Rewrites the block's text with each edit's digits (in order, not overlapping, numbers not negative) as a superscript
    /// mark. The new text is measured first and written once: a builder and a mark string for every block with a mark were,
    /// on text whose marks are all plain digits, more than the laid-out text itself.
    /// </summary>
    internal static void Apply(List<FlowBlock> blocks, int index, List<(int Start, int End, int Number)> edits)
    {
        if (index < 0 || edits.Count == 0) return;
        var text = blocks[index].Text;
        var length = text.Length;
        foreach (var (start, end, number) in edits)
            length += Superscript.LengthOf(number) - (end - start) + (GluedToAWord(text, end) ? 1 : 0);
        blocks[index].Text = string.Create(length, (text, edits), static (written, state) =>
        {
            var (text, edits) = state;
            var at = 0;
            foreach (var (start, end, number) in edits)
            {
                text.AsSpan(at, start - at).CopyTo(written);
                written = written[(start - at)..];
                Superscript.Write(number, written);
                written = written[Superscript.LengthOf(number)..];
                if (GluedToAWord(text, end))
                {
                    written[0] = ' ';
                    written = written[1..];
                }
                at = end;
            }
            text.AsSpan(at).CopyTo(written);
        });
        edits.Clear();
    }

    /// <summary>"the Paris Agreement4and its": the word the mark was glued to stands apart from it again.</summary>
    private static bool GluedToAWord(string text, int markEnd) => markEnd < text.Length && char.IsLetter(text[markEnd]);

    private static readonly string[] Abbreviations = ["Add", "Rev", "Corr", "Amend", "Suppl", "No", "Nos", "para", "paras", "vol", "p", "pp", "Sect", "chap", "art", "Art", "Part", "L", "PV", "CRP", "WP", "Ser", "SER"];

    private static bool IsAbbreviationBefore(string text, int dot)
    {
        var w = dot;
        while (w > 0 && char.IsLetter(text[w - 1])) w--;
        var word = text.AsSpan(w, dot - w);
        foreach (var abbreviation in Abbreviations) if (word.SequenceEqual(abbreviation)) return true;
        return false;
    }

    /// <summary>
    /// Whether the full stop at <paramref name="dot"/>, with the number at <paramref name="start"/> after it, is a decimal
    /// point: one to three digits stand before it and a space, a bracket or the start of the text before them ("0.12 degrees",
    /// "1.5 trillion", "targets 15.3, 6.1", "resolution 68.7 of 26 May"). A year ("July 2023.5"), a symbol's number
    /// ("A/78/5.12") or a document's part ("Add.1.3") before the full stop ends a sentence, and so does a number with a
    /// sentence opening after it ("referred to under model strategy 10.24 Furthermore,", A/RES/80/226): the mark stays one.
    /// </summary>
    private static bool IsDecimalPoint(string text, int dot, int start)
    {
        var d = dot;
        while (d > 0 && dot - d < 4 && char.IsAsciiDigit(text[d - 1])) d--;
        if (dot - d is 0 or > 3 || (d > 0 && text[d - 1] is not (' ' or '(' or '\n'))) return false;
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        return !(end + 1 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]));
    }

    /// <summary>
    /// Whether the capital at <paramref name="last"/> ends a title a mark may be glued to, not a name that carries its number:
    /// an acronym of four capitals or more ("between the United Nations and INTERPOL1 and", "Declaration of Commitment on
    /// HIV/AIDS7", A/RES/79/136, A/RES/78/182) or the numeral of a Protocol ("article 90 of Protocol I4 to the Geneva
    /// Conventions", A/RES/79/123). The names that carry a number in the collections have fewer capitals or small letters among
    /// them ("G20", "COP28", "CoP18", "E3", "SSA2"); the one of four, "the UNDC2 building", stands where no footnote 2 is due.
    /// </summary>
    private static bool EndsTitleInCapitals(string text, int last)
    {
        var w = last;
        while (w > 0 && char.IsAsciiLetterUpper(text[w - 1])) w--;
        if (w > 0 && char.IsLetter(text[w - 1])) return false;
        var capitals = text.AsSpan(w, last + 1 - w);
        if (capitals.Length >= 4) return true;
        const string protocol = "Protocol ";
        return capitals is "I" or "II" or "III" or "IV" && w >= protocol.Length && text.AsSpan(w - protocol.Length, protocol.Length) is protocol;
    }

    /// <summary>
    /// A mark the text layer glued to the year before it ("12 July 2023" + mark 3 read "20233", "2025–2028" + mark 8 read
    /// "2025–20288") or set apart from it by a space ("13 August 1948 2"). Taken only where the four digits before the mark are a year that a date ("July 2023") or a range of
    /// years ("2025–2028") makes certain, and no further digit stands before them.
    /// </summary>
    private static bool IsYearOrSymbolBefore(string text, int space)
    {
        var t = space;
        while (t > 0 && text[t - 1] != ' ' && text[t - 1] != '\n') t--;
        var token = text.AsSpan(t, space - t);
        if (token.Contains('/') || token.StartsWith("Add.", StringComparison.Ordinal) || token.StartsWith("Rev.", StringComparison.Ordinal)
            || token.StartsWith("Corr.", StringComparison.Ordinal)) return true;
        // "pursuant to Article 25 2 of the Charter": the number of an article, goal or principle already taken, then the mark.
        if (token.Length is > 0 and <= 3 && IsAllDigits(token) && t >= 2 && text[t - 1] == ' ')
        {
            var w = t - 1;
            while (w > 0 && char.IsLetter(text[w - 1])) w--;
            if (text.AsSpan(w, t - 1 - w) is "Article" or "Goal" or "Principle" or "Chapter") return true;
        }
        // "the Decade 2014–2024 12 constitute": a range of years.
        if (token.Length == 9 && token[4] is '–' or '-') token = token[5..];
        return token.Length == 4 && int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1945 and <= 2100;
    }

    private static bool IsMarkEndingDatedTitle(string text, int markStart, int markEnd) =>
        markStart > 0 && text[markStart] == ' ' && text.AsSpan(markEnd).Trim().IsEmpty && IsYearOrSymbolBefore(text, markStart)
        && !text.AsSpan(0, markStart).Contains('/');

    private static bool IsAllDigits(ReadOnlySpan<char> token)
    {
        foreach (var c in token) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static bool IsAfterYear(string text, int start)
    {
        var y = start - 4;
        if (y < 2) return false;
        for (var k = y; k < start; k++) if (!char.IsAsciiDigit(text[k])) return false;
        var year = int.Parse(text.AsSpan(y, 4), System.Globalization.CultureInfo.InvariantCulture);
        if (year is < 1945 or > 2100) return false;
        var before = text[y - 1];
        if (before is '–' or '-') return y >= 5 && char.IsAsciiDigit(text[y - 2]) && char.IsAsciiDigit(text[y - 5]) && (y < 6 || !char.IsAsciiDigit(text[y - 6]));
        if (before != ' ') return false;
        // The month name before the year: "12 July 2023".
        var m = y - 1;
        while (m > 0 && char.IsLetter(text[m - 1])) m--;
        var p = m;
        if (Graph.Model.Symbols.DateText.ReadMonth(text, ref p) > 0 && p == y - 1) return true;
        // A year named as one after "of", "in", "since" ("the Geneva Conventions of 1949" + mark 8 read "19498"), or after "for",
        // "and", "the", "its" ("the programme budget for 2024" + mark 2 read "20242", "for 2024 and 2025" + marks 6 and 7 read
        // "for 20246 and 20257", "the 2000 and the 2010 Review Conferences" + marks 7 and 8, "at its 2023 session" + mark 16), or
        // after "by" ("Getting on Track to End AIDS by 2030" + mark 2 read "by 20302", E/2025/L.25): the Assembly prints a number
        // of five digits or more with commas, so such a token after these words is a year and a mark.
        var word = text.AsSpan(m, y - 1 - m);
        return (word is "of" or "in" or "since" or "for" or "and" or "the" or "its" or "by") && (m == 0 || text[m - 1] == ' ');
    }

    /// <summary>
    /// A mark glued to the bare number of an Assembly resolution ("its resolution 59/300" + mark 9 read "59/3009"): a session
    /// numbers its resolutions in the hundreds, so a number of four digits or more after "session/" is one with a mark. Only
    /// the bare form: a report's symbol ("A/74/1011") may run to four digits.
    /// </summary>
    private static bool IsAfterResolutionNumber(string text, int start)
    {
        var n = start;
        while (n > 0 && char.IsAsciiDigit(text[n - 1])) n--;
        var markDigits = 0;
        for (var e = start; e < text.Length && char.IsAsciiDigit(text[e]); e++) markDigits++;
        var numberDigits = start - n;
        if (numberDigits is 0 or > 3 || numberDigits + markDigits < 4 || text[n] == '0' || n < 3 || text[n - 1] != '/') return false;
        var s = n - 1;
        while (s > 0 && char.IsAsciiDigit(text[s - 1])) s--;
        if (n - 1 - s != 2 || s == 0 || text[s - 1] != ' ') return false;
        var session = (text[s] - '0') * 10 + (text[s + 1] - '0');
        return session >= 31;
    }

    /// <summary>
    /// A number after a word that takes one is still a mark where the word already has its number: "at the 80th meeting 25",
    /// "at its sixtieth session 6" (an ordinal before "meeting" or "session"), or where a plural stands before one number
    /// alone ("the Sustainable Development Goals 39 to address", "recommendations 57 emanating"), which a list of numbers
    /// would follow with another ("Goals 1 and 2", "paragraphs 5 to 7", "resolutions 1325 (2000)").
    /// </summary>
    private static bool IsMarkAfterNumberTakingWord(string text, int wordStart, string word, int start)
    {
        if (word is "meeting" or "session")
        {
            var p = wordStart - 1;
            if (p < 1 || text[p] != ' ') return false;
            var q = p;
            while (q > 0 && (char.IsLetterOrDigit(text[q - 1]) || text[q - 1] == '-')) q--;
            var previous = text.AsSpan(q, p - q);
            return previous.Length > 2 && (previous.EndsWith("th") || previous.EndsWith("st") || previous.EndsWith("nd") || previous.EndsWith("rd"))
                && (char.IsAsciiDigit(previous[0]) || char.IsLower(previous[0]));
        }
        if (word is not ("Goals" or "goals" or "recommendations" or "principles" or "targets" or "resolutions" or "decisions")) return false;
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        var r = end;
        while (r < text.Length && text[r] == ' ') r++;
        if (r >= text.Length) return true;
        if (text[r] is ',' or '(' or '–' or '-' or '/' || char.IsAsciiDigit(text[r])) return false;
        foreach (var joiner in (string[])["and ", "to ", "or "])
        {
            if (string.CompareOrdinal(text, r, joiner, 0, joiner.Length) != 0) continue;
            var n = r + joiner.Length;
            return n < text.Length && !char.IsAsciiDigit(text[n]);
        }
        return true;
    }

    /// <summary>Whether the number at <paramref name="start"/> is followed by another of its list (" and 7", " to 9", ", 8").</summary>
    private static bool IsFollowedByListedNumber(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        foreach (var joiner in (string[])[" and ", " or ", " to ", ", "])
        {
            var n = end + joiner.Length;
            if (n < text.Length && string.CompareOrdinal(text, end, joiner, 0, joiner.Length) == 0 && char.IsAsciiDigit(text[n])) return true;
        }
        return false;
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
                markEnd = IsSlashMark(text, end) ? end + 1 : end;
                return true;
            }
            i = end;
        }
        markStart = markEnd = -1;
        return false;
    }

    internal static bool IsMarkAt(string text, int start, int end, out int markStart)
    {
        markStart = start;
        if (start == 0) return false;
        return AfterAllowsMark(text, end) && IsMarkBefore(text, start, out markStart);
    }

    /// <summary>Whether what follows the number at <paramref name="end"/> lets it be a mark (not a date's month, a unit, a longer number or a symbol).</summary>
    internal static bool AfterAllowsMark(string text, int end)
    {
        if (end < text.Length)
        {
            var after = text[end];
            if (IsSlashMark(text, end)) return true;
            if (char.IsAsciiDigit(after) || (char.IsLetter(after) && !OpensGluedLinkWord(text, end)) || after is '/' or '%' or '-' or '–' or '(' || (after == '.' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))) return false;
            // "12 December", "3 per cent"
            var q = end;
            while (q < text.Length && text[q] == ' ') q++;
            var m = q;
            if (Graph.Model.Symbols.DateText.ReadMonth(text, ref m) > 0) return false;
            if (string.CompareOrdinal(text, q, "per cent", 0, 8) == 0) return false;
        }
        // "recorded 2,299": a number with a thousands separator, not a mark before a comma.
        return !(end + 1 < text.Length && text[end] == ',' && char.IsAsciiDigit(text[end + 1]));
    }

    /// <summary>
    /// Whether a word that links clauses opens at <paramref name="end"/>, glued to the number before it: the text layer lost
    /// the space after a mark ("the Paris Agreement4and its", "Rights,1as well as", "Climate Change 6that have", "outcomes,
    /// 16including"). A unit or an ordinal ("3km", "2nd") or a name ("youth4disarmament") is no such word.
    /// </summary>
    private static bool OpensGluedLinkWord(string text, int end)
    {
        var w = end;
        while (w < text.Length && char.IsAsciiLetterLower(text[w])) w++;
        if (w < text.Length && char.IsLetter(text[w])) return false;
        return GluedLinkWordLookup.Contains(text.AsSpan(end, w - end));
    }

    private static readonly HashSet<string> GluedLinkWords = new(StringComparer.Ordinal)
    {
        "and", "or", "on", "in", "as", "that", "which", "including", "the", "to", "of", "with", "for", "no", "while", "where",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GluedLinkWordLookup = GluedLinkWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The old UN style of mark, "30 September 1992 1/ and", "(Serbia and Montenegro); 3/ the": the number and a slash,
    /// then a space, punctuation or the end, where a symbol's slash is followed by its next part.
    /// </summary>
    private static bool IsSlashMark(string text, int end) =>
        end < text.Length && text[end] == '/' && (end + 1 == text.Length || text[end + 1] is ' ' or ',' or ';' or '.' or ':' or ')' or '\n');

    /// <summary>Whether what stands before the number lets it be a mark (a word, punctuation, a year or a symbol).</summary>
    private static bool IsMarkBefore(string text, int start, out int markStart)
    {
        markStart = start;
        var b = start - 1;
        if (char.IsAsciiDigit(text[b])) return IsAfterYear(text, start) || IsAfterResolutionNumber(text, start);
        // "resolutions of 13 August 1948 2 and": a mark set apart after the year of a date.
        // "the 1977 53 and", "document S/11052/Rev.1 32 dated", "S/13450 and Add.1 18": after a year or a symbol; a count
        // after a number is no mark.
        if (text[b] == ' ' && b > 0 && char.IsAsciiDigit(text[b - 1])) { markStart = b; return IsYearOrSymbolBefore(text, b); }
        var spaced = text[b] == ' ';
        if (spaced) b--;
        if (b < 0) return false;
        var before = text[b];
        // "agenda items 5, 6 and 7": a number between two others of a list, after a number, its comma and a space and before
        // "and 7". A mark glued to the comma stays one ("10 October 2024,11 and 60/13").
        if (spaced && before == ',' && b > 0 && char.IsAsciiDigit(text[b - 1]) && IsFollowedByListedNumber(text, start)) return false;
        // "A/78/481/Add.2", "S/2024/12/Rev.1", "Supplement No.5": a number the abbreviation before it takes.
        if (before == '.' && !spaced && IsAbbreviationBefore(text, b)) return false;
        // "by a significant margin of 0.12 degrees Celsius": the decimals of a number, where footnote 12 is due further on.
        if (before == '.' && !spaced && IsDecimalPoint(text, b, start)) return false;
        if (char.IsAsciiDigit(before) || before is '/' or '(' or '-' or '–' or '$' or '€' or '£' or '§' or '#' or '\n') return false;
        if (!(char.IsLetter(before) || before is ',' or '.' or ';' or ':' or '”' or '’' or ')' or '"' or ']')) return false;
        if (char.IsLetter(before))
        {
            if (!spaced && char.IsUpper(before) && !EndsTitleInCapitals(text, b)) return false; // "G20", "COP28"
            var w = b;
            while (w > 0 && char.IsLetter(text[w - 1])) w--;
            var word = text[w..(b + 1)];
            // A number glued to a word ("session17", "persons18") is a mark the text layer lost the superscript of; a number
            // the word takes stands apart from it ("session 17", "paragraph 5").
            if (spaced && NumberTakingWords.Contains(word) && !IsMarkAfterNumberTakingWord(text, w, word, start)) return false;
        }
        markStart = spaced ? start - 1 : start;
        return true;
    }
}

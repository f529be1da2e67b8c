using System.Text;
using Graph.Extraction.Readers;

namespace Graph.Extraction.Structure;

/// <summary>
/// Finds the footnote blocks printed at the foot of pages (Editorial Manual: footnotes sit under a short
/// rule, each starting with its number) and takes them out of the body flow, so the paragraph the page
/// break cut is joined again. A zone starts at the rule ("__________") or at a line opening with a
/// superscript number; it ends at the page break, or, in text without page breaks, at the running header
/// or two blank lines. Without any rule, a run of "1 …", "2 …" lines at the very end is the footnote list
/// of old Security Council texts.
/// </summary>
internal static class FootnoteZones
{
    public static List<FlowLine> Extract(List<TextLine> lines, bool[] furniture, bool hasPages, List<(int Number, string Text)> footnotes)
    {
        // At most one flow line per line: sized once, the list of a long text is not copied each time it doubles.
        var flow = new List<FlowLine>(lines.Count);
        var blanks = 0;
        var trailingStart = FindTrailingFootnoteList(lines, furniture);
        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i].Span;
            if (i == trailingStart)
            {
                ReadZone(lines, furniture, i, lines.Count, footnotes, plainNumbers: true, fullStops: true);
                break;
            }
            if (furniture[i]) { i++; continue; }
            if (lines[i].IsPageBreak) { blanks++; i++; continue; }
            if (line.Length == 0) { blanks++; i++; continue; }
            var isRule = IsRule(line);
            if (isRule || StartsWithSuperscriptNumber(line))
            {
                var end = FindZoneEnd(lines, furniture, i + (isRule ? 1 : 0), hasPages);
                if (end > i + 1 || !isRule)
                {
                    var before = footnotes.Count;
                    ReadZone(lines, furniture, isRule ? i + 1 : i, end, footnotes, plainNumbers: isRule);
                    if (footnotes.Count > before || isRule)
                    {
                        i = end;
                        continue;
                    }
                }
                if (isRule) { i++; continue; }
            }
            flow.Add(new FlowLine(lines[i], blanks, i));
            blanks = 0;
            i++;
        }
        return flow;
    }

    /// <summary>The number the note an asterisk calls is kept under: no numbered footnote has it.</summary>
    public const int AsteriskNote = 0;

    /// <summary>
    /// Where the words of the note an asterisk calls start ("* On behalf of the States that are members of the Group of 77 and
    /// China …", "** Any changes to the list of sponsors …"), or -1: one to three asterisks, a space, then a capital. Emphasis
    /// ("*Recalling* its resolution") sets its asterisk against the word. The one test of a sponsors' note, read both in a
    /// footnote zone and in the body flow (see <see cref="IsAsteriskNoteBlock"/>).
    /// </summary>
    internal static int AsteriskNoteStart(ReadOnlySpan<char> text)
    {
        var stars = text.IndexOfAnyExcept('*');
        if (stars is <= 0 or > 3 || text[stars] != ' ') return -1;
        var words = text.Length - text[stars..].TrimStart(' ').Length;
        return words < text.Length && char.IsUpper(text[words]) ? words : -1;
    }

    /// <summary>
    /// A block of the body flow that is a sponsors' note printed at the foot of a draft's first page outside any footnote zone
    /// (no rule above it): it opens as one (<see cref="AsteriskNoteStart"/>), is short and ends a sentence.
    /// </summary>
    internal static bool IsAsteriskNoteBlock(ReadOnlySpan<char> block) =>
        block.Length < 400 && AsteriskNoteStart(block) > 0 && block.TrimEnd()[^1] == '.';

    private static bool IsRule(ReadOnlySpan<char> line) => line.Length >= 5 && !line.ContainsAnyExcept('_');

    private static bool StartsWithSuperscriptNumber(ReadOnlySpan<char> line)
    {
        var p = 0;
        return Superscript.Read(line, ref p) > 0 && p < line.Length && line[p] == ' ';
    }

    private static int FindZoneEnd(List<TextLine> lines, bool[] furniture, int from, bool hasPages)
    {
        var blanks = 0;
        var seenContent = false;
        for (var k = from; k < lines.Count; k++)
        {
            if (lines[k].IsPageBreak) return k;
            var line = lines[k].Span;
            if (hasPages) continue;
            if (furniture[k]) return seenContent ? k : k;
            if (line.Length == 0)
            {
                if (++blanks >= 2 && seenContent) return k;
                continue;
            }
            // After a rule, a first line that is no footnote means the rule was a thematic break;
            // after a blank line, a line that starts no footnote is the body resuming.
            if (!LooksLikeFootnoteStart(line) && (!seenContent || blanks > 0)) return k;
            blanks = 0;
            seenContent = true;
        }
        return lines.Count;
    }

    private static bool LooksLikeFootnoteStart(ReadOnlySpan<char> line) =>
        StartsWithSuperscriptNumber(line) || TryReadPlainNumber(line, out _, out _) || line.StartsWith('*');

    /// <summary>
    /// "12 Resolution 60/288." → 12, "Resolution 60/288."; "12" alone → 12, "". With <paramref name="fullStops"/>, a number
    /// ended by a full stop opens a footnote too ("5. Ibid., …"): only in the list after an old Council text's closing line,
    /// since everywhere else "5. Notes …" is a numbered paragraph.
    /// </summary>
    private static bool TryReadPlainNumber(ReadOnlySpan<char> line, out int number, out ReadOnlySpan<char> rest, bool fullStops = false)
    {
        number = 0;
        rest = "";
        var p = 0;
        while (p < line.Length && p < 3 && char.IsAsciiDigit(line[p])) p++;
        if (p == 0 || (p < line.Length && char.IsAsciiDigit(line[p]))) return false;
        number = int.Parse(line[..p], System.Globalization.CultureInfo.InvariantCulture);
        if (number == 0) return false;
        if (p == line.Length) return true;
        // Old UN style numbers a footnote "1/ S/1994/62." (and marks it "1/" in the text).
        if (line[p] == '/' && (p + 1 == line.Length || line[p + 1] == ' ')) p++;
        if (p == line.Length) return true;
        // "9Ibid., document S/25719.": the scan lost the space after the number of a footnote that repeats the source above.
        if (line[p..].StartsWith("Ibid.", StringComparison.Ordinal))
        {
            rest = line[p..];
            return true;
        }
        // "5. Ibid., Supplement for October, …", "47. S/20758.", "33.One member (China) did not participate …": the old volumes
        // number some footnotes with a full stop, the space after it sometimes lost; a capital and a small letter must follow
        // then, so a line of a footnote broken after a sales number ("64.X.1), p. 173.") is no footnote of its own.
        if (fullStops && line[p] == '.' && p + 1 < line.Length)
        {
            if (line[p + 1] == ' ') p++;
            else if (p + 2 < line.Length && char.IsAsciiLetterUpper(line[p + 1]) && char.IsLower(line[p + 2]))
            {
                rest = line[(p + 1)..];
                return true;
            }
        }
        if (line[p] != ' ') return false;
        rest = line[(p + 1)..].TrimStart();
        // "3 – 14 June 1992, vol. I, …": the line goes on with a range of days that the footnote above broke before its dash.
        return rest.Length > 0 && (!char.IsAsciiDigit(rest[0]) || OpensWithTitledYear(rest)) && !MonthStart(rest) && rest[0] is not ('–' or '-');
    }

    /// <summary>"2010 Review Conference of the Parties …": a footnote may open with the year in a title; a count ("2 000 people") may not.</summary>
    private static bool OpensWithTitledYear(ReadOnlySpan<char> rest) =>
        rest.Length > 6 && !rest[..4].ContainsAnyExceptInRange('0', '9') && rest[0] is '1' or '2' && rest[1] is '9' or '0' && rest[4] == ' ' && char.IsAsciiLetterUpper(rest[5]);

    /// <summary>Whether the words open with a month's name ("12 December 2023" is a date, not footnote 12).</summary>
    private static bool MonthStart(ReadOnlySpan<char> rest)
    {
        // A month's name is a capitalised word: only such a word is given to the date reader, as a string of its own.
        if (rest.Length == 0 || !char.IsAsciiLetterUpper(rest[0])) return false;
        var p = 0;
        return Graph.Model.Symbols.DateText.ReadMonth(rest.ToString(), ref p) > 0;
    }

    private static void ReadZone(List<TextLine> lines, bool[] furniture, int from, int to, List<(int Number, string Text)> footnotes, bool plainNumbers, bool fullStops = false)
    {
        var chunks = new List<(int Number, StringBuilder Text)>();
        var pendingNumbers = new List<int>();
        // The chunks begun without a number of their own (counted as they are added, not recounted for every line).
        var unnumbered = 0;
        for (var k = from; k < to; k++)
        {
            if (furniture[k] || lines[k].IsBlank || lines[k].IsPageBreak) continue;
            var line = lines[k].Span;
            var p = 0;
            var superscript = Superscript.Read(line, ref p);
            if (superscript > 0 && p < line.Length && line[p] == ' ')
            {
                chunks.Add((superscript, new StringBuilder().Append(line[(p + 1)..].Trim())));
                continue;
            }
            if (plainNumbers && TryReadPlainNumber(line, out var number, out var rest, fullStops))
            {
                if (rest.Length == 0) pendingNumbers.Add(number);
                else chunks.Add((number, new StringBuilder().Append(rest)));
                continue;
            }
            if (AsteriskNoteStart(line) is > 0 and var noteStart) { chunks.Add((-1, new StringBuilder().Append(line[noteStart..].Trim()))); continue; }
            if (chunks.Count == 0 || (pendingNumbers.Count > unnumbered && EndsSentence(chunks[^1].Text)))
            {
                chunks.Add((0, new StringBuilder().Append(line)));
                unnumbered++;
            }
            else
                AppendLine(chunks[^1].Text, line);
        }
        // pdftotext may print the numbers of a page's footnotes apart from their texts: pair them in order.
        pendingNumbers.Sort();
        var next = 0;
        for (var c = 0; c < chunks.Count; c++)
        {
            var (number, text) = chunks[c];
            if (number == 0 && next < pendingNumbers.Count) number = pendingNumbers[next++];
            // The note an asterisk on the heading calls ("* On behalf of the States that are members of the Group of 77 and China,
            // taking into account also the provisions of General Assembly resolution ES-10/23 …") is kept as footnote 0.
            if (number == -1 && text.Length > 0) { footnotes.Add((AsteriskNote, text.ToString())); continue; }
            if (number <= 0 || text.Length == 0) continue;
            footnotes.Add((number, text.ToString()));
        }
    }

    private static bool EndsSentence(StringBuilder sb) => sb.Length > 0 && sb[^1] is '.' or ')';

    internal static void AppendLine(StringBuilder sb, ReadOnlySpan<char> line)
    {
        if (sb.Length == 0) { sb.Append(line); return; }
        if (sb[^1] == '-' && sb.Length > 1 && char.IsLetter(sb[^2]) && line.Length > 0 && char.IsLower(line[0])) sb.Append(line);
        else sb.Append(' ').Append(line);
    }

    /// <summary>
    /// Old Security Council texts (the Resolutions and Decisions volumes) list their footnotes after the closing
    /// "Adopted at the … meeting" line, numbered on from the volume's previous footnotes: "17 Ibid., …".
    /// </summary>
    private static int FindTrailingFootnoteList(List<TextLine> lines, bool[] furniture)
    {
        foreach (var line in lines)
        {
            if (IsRule(line.Span) || StartsWithSuperscriptNumber(line.Span)) return -1;
        }
        // The closing line, not the modern heading "Adopted by the Security Council at its 9951st meeting".
        // ("Adopted by the Security Council at _its 3258th meeting", as a scan may read it).
        var closing = lines.FindLastIndex(l => l.Span.StartsWith("Adopted", StringComparison.Ordinal) && !l.Span.Contains("Council at its", StringComparison.Ordinal)
            && !l.Span.StartsWith("Adopted by the Security Council at", StringComparison.Ordinal));
        if (closing < 0) return TrailingSymbolList(lines, furniture);
        if (closing < lines.Count / 3) return -1;
        // The closing runs on to the first blank line ("Adopted at the 1135th meeting / by 8 votes to none, with /
        // 3 abstentions (Czechoslovakia, …)"): a number opening one of its lines is a vote count, not a footnote.
        var after = closing + 1;
        while (after < lines.Count && lines[after].Span.Trim().Length > 0) after++;
        for (var k = after; k < lines.Count; k++)
        {
            if (furniture[k] || !TryReadPlainNumber(lines[k].Span, out var first, out var rest, fullStops: true) || rest.Length == 0) continue;
            // The list counts up from its first number; a footnote or two of the volume's page may be missing from the scan
            // ("95 …", "96 …", "97 …", "100 …": the footnotes of the decision printed between two resolutions).
            var previous = first;
            for (var j = k + 1; j < lines.Count; j++)
            {
                if (!TryReadPlainNumber(lines[j].Span, out var number, out var text, fullStops: true) || text.Length == 0) continue;
                if (number <= previous || number > previous + MissingFromAList + 1) return -1;
                previous = number;
            }
            return k;
        }
        return -1;
    }

    /// <summary>How many footnotes in a row a list after the closing may lack (pages of the volume the scan did not keep).</summary>
    private const int MissingFromAList = 2;

    /// <summary>The most lines one footnote of a trailing list runs on to after its numbered line.</summary>
    private const int ContinuationLines = 3;

    /// <summary>
    /// A text with no closing line whose footnotes stand at its very end, numbered up without gaps and each naming a document
    /// ("1/ S/24476, annex." … "5/ S/24795, annex VII."), a footnote running on to a line or two ("3/ Official Records of the
    /// Security Council, Thirty-third Year, / Supplement for January, February and March 1978, document S/12611."): the
    /// first line of that list, or -1.
    /// </summary>
    private static int TrailingSymbolList(List<TextLine> lines, bool[] furniture)
    {
        var start = -1;
        var next = -1;
        // Whether the lines that continue the footnote above them name a symbol: read in place, since a line may be the
        // whole text (31 MB in one line was copied three times over here).
        var continuationHasSlash = false;
        var continuationLines = 0;
        for (var k = lines.Count - 1; k >= 0; k--)
        {
            if (furniture[k] || lines[k].IsBlank || lines[k].IsPageBreak) continue;
            if (!TryReadPlainNumber(lines[k].Span, out var number, out var rest))
            {
                // A line that continues the footnote above it; more lines than a footnote runs on to are the body.
                if (++continuationLines > ContinuationLines) break;
                continuationHasSlash |= lines[k].Span.Contains('/');
                continue;
            }
            if (!rest.Contains('/') && !continuationHasSlash) break;
            if (next >= 0 && number != next - 1) return -1;
            next = number;
            start = k;
            continuationHasSlash = false;
            continuationLines = 0;
        }
        return start >= lines.Count / 3 ? start : -1;
    }
}

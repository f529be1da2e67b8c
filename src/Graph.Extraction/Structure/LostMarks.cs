using Graph.Extraction.Readers;

namespace Graph.Extraction.Structure;

/// <summary>
/// Marks the in-order search (<see cref="FootnoteMarks"/>) cannot take without taking wrong numbers elsewhere, looked for
/// only where the mark must stand: footnotes are numbered in reading order, so the mark of footnote k lies after the mark
/// of the footnote before it and before the mark of the one after it. Scanned volumes of Security Council resolutions
/// damage marks in three ways, tried in this order, each taken only when it is the one candidate of its kind there:
/// <list type="number">
/// <item>the number set after another number: "letters of 20 127 and 23 July 128", "Uganda 4 11", "17 December 1920 24";</item>
/// <item>the digits read as other glyphs, glued to the word, year or punctuation before them: "Jordan?°" for 20,
/// "1949°8" for 58, "1984,?7" for 27, "1949!" for 12, "Front’" for 5;</item>
/// <item>one digit misread, in a place only a mark takes (after a comma or full stop): "1949, 35" for 38, "1993,78" for 28;
/// a number next to k in the sequence is left alone, as it is more likely the mark of a footnote whose text the page lost,
/// and the number of another footnote of the text there ("Lebanon, 12" where 13 is looked for) leaves the place unknown;</item>
/// <item>but the mark of the footnote just before k printed again, the one candidate between that footnote's own mark and
/// the next, where k's mark stands nowhere: "report … 1987, 12 … letter … Secretary-General, 12" with footnotes 12 (the
/// report) and 13 (the letter). Footnote k is printed, so its mark is somewhere; a second call of the footnote before it
/// for another sentence is the less likely reading.</item>
/// </list>
/// Footnotes whose mark is found this way are returned with how it was read, so their links say so.
/// </summary>
internal static class LostMarks
{
    /// <summary>What OCR prints for the digits of a small raised number in the scanned volumes.</summary>
    private const string DamagedDigitGlyphs = "?°’'‘*!";

    /// <summary>How far apart the neighbouring marks may stand for the stretch between them to be searched (as in <see cref="FootnoteMarks"/>).</summary>
    private const int SearchWindow = 64_000;

    public const string AfterNumber = "mark set after a number, found between its neighbours' marks";

    public const string DamagedGlyphs = "mark damaged by OCR, found between its neighbours' marks";

    public const string MisreadDigit = "mark with one digit misread by OCR, found between its neighbours' marks";

    public const string RepeatedMark = "the mark of the footnote before printed again, found between its neighbours' marks";

    public static Dictionary<int, string> Mark(List<FlowBlock> blocks, HashSet<int> numbers)
    {
        var inferred = new Dictionary<int, string>();
        var found = new Dictionary<int, (int Block, int At)>();
        for (var b = 0; b < blocks.Count; b++) AddMarks(blocks, b, found);
        var missing = numbers.Where(n => !found.ContainsKey(n)).Order().ToList();
        if (missing.Count == 0) return inferred;
        // The numbers whose mark was found, in order, so the neighbours of a missing one are a binary search away, and the
        // numbers whose first mark stands in each block, so an edit moves only those.
        var marked = found.Keys.Order().ToList();
        var inBlock = found.GroupBy(f => f.Value.Block).ToDictionary(g => g.Key, g => g.Select(f => f.Key).ToList());
        var standing = new Lazy<HashSet<int>>(() => NumbersStandingAsMarks(blocks));
        var firstBody = blocks.Count > 0 && blocks[0].Kind == BlockKind.Heading ? (blocks.Count > 1 && blocks[1].Kind == BlockKind.Heading ? 2 : 1) : 0;
        foreach (var number in missing)
        {
            var at = ~marked.BinarySearch(number);
            var lower = at > 0 ? found[marked[at - 1]] : (firstBody, 0);
            var upper = at < marked.Count ? found[marked[at]] : (blocks.Count, 0);
            if (Distance(blocks, lower, upper) is < 0 or > SearchWindow) continue;
            if (FindCandidate(blocks, lower, upper, number, n => numbers.Contains(n) || found.ContainsKey(n), standing) is not { } candidate) continue;
            var (block, start, end, how) = candidate;
            FootnoteMarks.Apply(blocks, block, [(start, end, number)]);
            // The marks after the edit in the same block moved by the change in length.
            var shift = Superscript.From(number).Length - (end - start);
            if (!inBlock.TryGetValue(block, out var numbersHere)) inBlock[block] = numbersHere = [];
            foreach (var n in numbersHere)
                if (found[n].At > start) found[n] = (block, found[n].At + shift);
            found[number] = (block, start);
            numbersHere.Add(number);
            marked.Insert(at, number);
            inferred[number] = how;
        }
        return inferred;
    }

    /// <summary>Every number that stands somewhere in the text as a mark may (one pass, asked for only when a misread number is a candidate).</summary>
    private static HashSet<int> NumbersStandingAsMarks(List<FlowBlock> blocks)
    {
        var standing = new HashSet<int>();
        foreach (var block in blocks)
        {
            var text = block.Text;
            for (var i = 1; i < text.Length; i++)
            {
                if (!char.IsAsciiDigit(text[i]) || char.IsAsciiDigit(text[i - 1])) continue;
                var end = i;
                while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
                if (end - i <= 3 && FootnoteMarks.IsMarkAt(text, i, end, out _))
                    standing.Add(int.Parse(text.AsSpan(i, end - i), System.Globalization.CultureInfo.InvariantCulture));
                i = end - 1;
            }
        }
        return standing;
    }

    /// <summary>Where each footnote's first mark in block <paramref name="b"/> stands, unless an earlier block holds one.</summary>
    private static void AddMarks(List<FlowBlock> blocks, int b, Dictionary<int, (int Block, int At)> found)
    {
        foreach (var (number, at) in Superscript.Marks(blocks[b].Text))
            if (number > 0 && (!found.TryGetValue(number, out var known) || known.Block > b)) found[number] = (b, at);
    }

    private static long Distance(List<FlowBlock> blocks, (int Block, int At) from, (int Block, int At) to)
    {
        if (from.Block > to.Block || from.Block == to.Block && from.At >= to.At) return -1;
        long length = 0;
        for (var b = from.Block; b <= to.Block && b < blocks.Count; b++)
        {
            length += (b == to.Block ? to.At : blocks[b].Text.Length) - (b == from.Block ? from.At : 0);
            if (length > SearchWindow) break;
        }
        return length;
    }

    /// <summary>The one candidate of the first kind that has any, or null when none has or the first that has holds several.</summary>
    private static (int Block, int Start, int End, string How)? FindCandidate(List<FlowBlock> blocks, (int Block, int At) from, (int Block, int At) to, int number, Func<int, bool> isFootnote, Lazy<HashSet<int>> standing)
    {
        var digits = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var afterNumber = new List<(int, int, int)>();
        var damaged = new List<(int, int, int)>();
        var misread = new List<(int, int, int)>();
        var repeated = new List<(int, int, int)>();
        for (var b = from.Block; b <= to.Block && b < blocks.Count; b++)
        {
            var text = blocks[b].Text;
            var start = b == from.Block ? from.At : 0;
            var end = b == to.Block ? to.At : text.Length;
            for (var i = Math.Max(start, 1); i < end; i++)
            {
                var c = text[i];
                if (char.IsAsciiDigit(c) && !char.IsAsciiDigit(text[i - 1]))
                {
                    var e = i;
                    while (e < text.Length && char.IsAsciiDigit(text[e])) e++;
                    // The space goes after a number ("20¹²⁷"), not after a mark, where the two would read as one ("²¹ ²²").
                    if (IsAfterNumber(text, i, e, digits)) afterNumber.Add((b, char.IsAsciiDigit(text[i - 2]) ? i - 1 : i, e));
                    else if (ReadAsMisread(text, i, e, digits, isFootnote) is var misreading and not Misreading.None)
                    {
                        // "Lebanon, 12" where 13 is missing and 12 stands earlier: the mark of 12 printed again, or 13 misread;
                        // decided below for the footnote just before, unknown for any other.
                        if (misreading == Misreading.AnotherFootnote)
                        {
                            if (!IsNumber(text, i, e, number - 1)) return null;
                            repeated.Add((b, text[i - 1] == ' ' ? i - 1 : i, e));
                        }
                        else misread.Add((b, text[i - 1] == ' ' ? i - 1 : i, e));
                    }
                    i = e - 1;
                }
                else if (DamagedDigitGlyphs.Contains(c) && DamagedMarkEnd(text, i, digits) is var e and > 0)
                {
                    damaged.Add((b, i, e));
                    i = e - 1;
                }
            }
        }
        // A repeated mark is read as this one's only where nothing stronger could be: no other candidate, or only glyphs
        // shorter than the number with none of its digits ("1978,*" for 13), which the text's own asterisk notes also print.
        if (repeated.Count > 0)
        {
            if (afterNumber.Count + misread.Count > 0 || damaged.Any(d => !IsGlyphsOnlyAndShort(blocks[d.Item1].Text, d.Item2, d.Item3, digits))) return null;
            damaged.Clear();
        }
        // A misread or repeated number is the weakest sign: the number itself standing as a mark elsewhere (out of the order
        // the search follows, "25 November 1979 95" after "9 November 1979, 92") is more likely its mark.
        if (afterNumber.Count == 0 && damaged.Count == 0 && (misread.Count > 0 || repeated.Count > 0) && standing.Value.Contains(number)) return null;
        foreach (var (kind, how) in new[] { (afterNumber, AfterNumber), (damaged, DamagedGlyphs), (misread, MisreadDigit), (repeated, RepeatedMark) })
        {
            if (kind.Count == 0) continue;
            if (kind.Count > 1) return null;
            var (block, s, e) = kind[0];
            return (block, s, e, how);
        }
        return null;
    }

    /// <summary>"20 127 and", "Uganda 4 11 for", "Congo, ²¹ 22": the number itself, after a space after another number or mark.</summary>
    private static bool IsAfterNumber(string text, int start, int end, string digits) =>
        text.AsSpan(start, end - start).SequenceEqual(digits) && start >= 2 && text[start - 1] == ' '
        && (char.IsAsciiDigit(text[start - 2]) || Superscript.IsDigit(text[start - 2])) && FootnoteMarks.AfterAllowsMark(text, end)
        && (end == text.Length || char.IsWhiteSpace(text[end]) || text[end] is ',' or ';' or '.' or ':');

    private static bool IsGlyphsOnlyAndShort(string text, int start, int end, string digits) =>
        end - start < digits.Length && !text.AsSpan(start, end - start).ContainsAnyInRange('0', '9');

    private static bool IsNumber(string text, int start, int end, int value) =>
        value > 0 && int.TryParse(text.AsSpan(start, end - start), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var read) && read == value;

    private enum Misreading { None, Candidate, AnotherFootnote }

    /// <summary>
    /// "1949, 35" for 38: as many digits, one of them different, after a comma, semicolon or full stop, where a mark may
    /// stand. The number of another footnote of the text there may be its mark cited again as well as this one's misread,
    /// so it leaves the place unknown.
    /// </summary>
    private static Misreading ReadAsMisread(string text, int start, int end, string digits, Func<int, bool> isFootnote)
    {
        if (end - start != digits.Length || digits.Length < 2) return Misreading.None;
        var differing = 0;
        for (var k = 0; k < digits.Length; k++) if (text[start + k] != digits[k]) differing++;
        if (differing != 1) return Misreading.None;
        var before = text[start - 1] == ' ' && start >= 2 ? text[start - 2] : text[start - 1];
        if (before is not (',' or ';' or '.') || !FootnoteMarks.IsMarkAt(text, start, end, out _)) return Misreading.None;
        var value = int.Parse(text.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture);
        if (isFootnote(value)) return Misreading.AnotherFootnote;
        var expected = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        return Math.Abs(value - expected) == 1 ? Misreading.None : Misreading.Candidate;
    }

    /// <summary>
    /// Where a damaged mark that starts with a glyph at <paramref name="start"/> ends, or -1: at most as many characters as the
    /// number has digits, glyphs or the number's own digits in their places ("°8" for 58), glued to a word, a year or
    /// punctuation, and followed by a space, punctuation or the end. An apostrophe after a plural ("States’ ") or closing
    /// a quotation opened in the block is no mark.
    /// </summary>
    private static int DamagedMarkEnd(string text, int start, string digits)
    {
        var end = start;
        while (end < text.Length && end - start < digits.Length && (DamagedDigitGlyphs.Contains(text[end]) || char.IsAsciiDigit(text[end]))) end++;
        if (end < text.Length && (DamagedDigitGlyphs.Contains(text[end]) || char.IsLetterOrDigit(text[end]))) return -1;
        if (end < text.Length && !(char.IsWhiteSpace(text[end]) || text[end] is ',' or ';' or '.' or ':')) return -1;
        var length = end - start;
        for (var k = 0; k < length; k++)
        {
            var c = text[start + k];
            if (char.IsAsciiDigit(c) && c != digits[digits.Length - length + k]) return -1;
        }
        var token = text.AsSpan(start, length);
        if (token is "?" or "'" && length == 1 && digits.Length == 1) return -1;
        var before = text[start - 1];
        if (char.IsAsciiDigit(before)) return IsYearEnd(text, start) ? end : -1;
        if (token[0] is '’' or '\'' && (before == 's' || text.LastIndexOf('‘', start - 1) > text.LastIndexOf('’', start - 1))) return -1;
        return char.IsLetter(before) || before is ',' or ';' or ')' or '.' or '”' ? end : -1;
    }

    /// <summary>Whether the four characters before <paramref name="at"/> are a year (1900–2100) standing as a word.</summary>
    private static bool IsYearEnd(string text, int at)
    {
        if (at < 5 || text[at - 5] != ' ') return false;
        for (var k = at - 4; k < at; k++) if (!char.IsAsciiDigit(text[k])) return false;
        var year = int.Parse(text.AsSpan(at - 4, 4), System.Globalization.CultureInfo.InvariantCulture);
        return year is >= 1900 and <= 2100;
    }
}

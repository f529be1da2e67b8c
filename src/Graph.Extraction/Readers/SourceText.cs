using Graph.Model;

namespace Graph.Extraction.Readers;

/// <summary>
/// What a reader makes of one file: plain text laid out as a PDF page would be (lines, blank lines
/// between blocks, "\f" between pages), footnote marks as superscript digits where the format marks them,
/// and any facts the format itself states (a symbol in YAML front matter or an IGov record).
/// </summary>
internal sealed record SourceText(string Text, string Format)
{
    public static SourceText Empty(string format) => new("", format);

    /// <summary>Symbol the file's own metadata states (front matter, JSON record), if any.</summary>
    public string? DeclaredSymbol { get; init; }

    public List<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Paragraphs and footnotes the format states outright (DOCX), so no layout needs guessing; null for text.</summary>
    public StatedLayout? Stated { get; init; }
}

/// <summary>
/// A document's paragraphs in reading order (footnote marks as superscript digits at their references, "\n" for a
/// line break inside one) and its footnotes by number, as a format that marks them states them.
/// </summary>
internal sealed record StatedLayout(IReadOnlyList<StatedParagraph> Paragraphs, IReadOnlyList<(int Number, string Text)> Footnotes);

/// <summary>One paragraph, with the italic words that open it (after its number), where the format says which are italic.</summary>
internal sealed record StatedParagraph(string Text, string? ItalicOpening);

/// <summary>Superscript digits: how the text layer of UN PDFs and our readers write footnote marks.</summary>
internal static class Superscript
{
    private const string Digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>The ten digits, for vectorised searches ("does this block carry any footnote mark?").</summary>
    public static readonly System.Buffers.SearchValues<char> DigitValues = System.Buffers.SearchValues.Create(Digits);

    // Called for every character of every paragraph: a range test, not a search of the digit string.
    public static bool IsDigit(char c) => c is '\u00B9' or '\u00B2' or '\u00B3' or '\u2070' or (>= '\u2074' and <= '\u2079');

    public static int ValueOf(char c) => c switch
    {
        '\u2070' => 0,
        '\u00B9' => 1,
        '\u00B2' => 2,
        '\u00B3' => 3,
        >= '\u2074' and <= '\u2079' => c - '\u2070',
        _ => -1,
    };

    /// <summary>Whether <paramref name="text"/> holds any superscript digit.</summary>
    public static bool AnyIn(ReadOnlySpan<char> text) => IndexIn(text) >= 0;

    /// <summary>
    /// Where the first superscript digit of <paramref name="text"/> stands, or -1. The digits lie outside ASCII and
    /// in no one range, so a <see cref="DigitValues"/> search falls back to a probabilistic map that tests every
    /// character; skipping everything below U+00B2 is a plain vectorised range search, and the text stops only at
    /// the few characters past it (curly quotes, dashes) to check them.
    /// </summary>
    public static int IndexIn(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var at = text[offset..].IndexOfAnyExceptInRange('\0', '\u00B1');
            if (at < 0) return -1;
            offset += at;
            if (IsDigit(text[offset])) return offset;
            offset++;
        }
    }

    /// <summary>The number in superscript digits ("12" → "¹²"), written straight into the string: a string built from a
    /// sequence of characters boxed each one, for every footnote mark written.</summary>
    public static string From(int number)
    {
        if (number < 0) return From(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Create(LengthOf(number), number, static (span, n) => Write(n, span));
    }

    /// <summary>How many superscript digits <see cref="Write"/> writes for <paramref name="number"/> (not negative).</summary>
    public static int LengthOf(int number)
    {
        var length = 1;
        for (var rest = number / 10; rest > 0; rest /= 10) length++;
        return length;
    }

    /// <summary>Writes <paramref name="number"/> (not negative) in superscript digits into the first <see cref="LengthOf"/> characters of <paramref name="destination"/>.</summary>
    public static void Write(int number, Span<char> destination)
    {
        for (var k = LengthOf(number) - 1; k >= 0; k--, number /= 10) destination[k] = Digits[number % 10];
    }

    public static string From(string digits) => string.Concat(digits.Where(char.IsAsciiDigit).Select(d => Digits[d - '0']));

    /// <summary>Each superscript number of <paramref name="text"/> and where it stands.</summary>
    public static MarkEnumerator Marks(string text) => new(text, 0, text.Length, text.Length);

    /// <summary>Each superscript number that starts in <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) and where it stands.</summary>
    public static MarkEnumerator Marks(string text, int start, int end) => new(text, start, end, text.Length);

    /// <summary>
    /// Each superscript number wholly inside <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) and where
    /// it stands in the text: the marks of that stretch as if it were a string of its own, a number cut at its end.
    /// </summary>
    public static MarkEnumerator MarksWithin(string text, int start, int end) => new(text, start, end, end);

    /// <summary>
    /// The marks of a stretch of text, found by <see cref="IndexIn"/> and read by <see cref="Read"/> (a number may run past
    /// the stretch's end, as it does past a block's). A struct, for <c>foreach</c> without an allocation: it runs over
    /// every paragraph of every document. A number is read up to <c>limit</c>.
    /// </summary>
    public struct MarkEnumerator(string text, int start, int end, int limit)
    {
        private int _next = start;

        public (int Number, int At) Current { get; private set; }

        public readonly MarkEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            var skip = _next < end ? IndexIn(text.AsSpan(_next, end - _next)) : -1;
            if (skip < 0)
            {
                _next = end;
                return false;
            }
            var at = _next + skip;
            var p = at;
            Current = (Read(text.AsSpan(0, limit), ref p), at);
            _next = Math.Max(p, at + 1);
            return true;
        }
    }

    /// <summary>Reads the superscript number at <paramref name="p"/>; -1 when there is none.</summary>
    public static int Read(ReadOnlySpan<char> text, ref int p)
    {
        var value = 0;
        var start = p;
        while (p < text.Length && IsDigit(text[p]) && p - start < 4)
        {
            value = value * 10 + ValueOf(text[p]);
            p++;
        }
        return p == start ? -1 : value;
    }
}

namespace Graph.Extraction.Structure;

/// <summary>
/// A line of the text being laid out, trimmed, as a range into that text rather than a string of its own: the layout
/// reads every line but keeps few of them whole (most are appended to a block at once), and a string per line was a
/// fifth of what it allocated on a long text, held until the paragraphs were assembled.
/// </summary>
internal readonly struct TextLine
{
    private const string PageBreakText = "\f";

    private readonly string _source;
    private readonly int _start;

    private TextLine(string source, int start, int length)
    {
        _source = source;
        _start = start;
        Length = length;
    }

    /// <summary>The line <paramref name="text"/>[<paramref name="start"/>..+<paramref name="length"/>).</summary>
    public static TextLine In(string text, int start, int length) => new(text, start, length);

    /// <summary>A whole string as one line (a paragraph's line as a format states it).</summary>
    public static TextLine Of(string line) => new(line, 0, line.Length);

    /// <summary>The marker line that stands for a page break; its text is "\f", as no other line's can be.</summary>
    public static TextLine PageBreak { get; } = new(PageBreakText, 0, 1);

    public static TextLine Blank { get; } = new("", 0, 0);

    public int Length { get; }

    public ReadOnlySpan<char> Span => _source.AsSpan(_start, Length);

    public bool IsPageBreak => Length == 1 && _source[_start] == '\f';

    /// <summary>Empty: neither text nor a page break.</summary>
    public bool IsBlank => Length == 0;

    /// <summary>The line as a string of its own, made only where one is kept (a block's first line, a footnote, a title).</summary>
    public override string ToString() => _start == 0 && Length == _source.Length ? _source : _source.Substring(_start, Length);
}

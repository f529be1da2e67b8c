using Graph.Model;

namespace Graph.Extraction.Recognisers;

/// <summary>
/// The words around a citation, kept as where they stand in the document's text and cleaned when read: a long
/// resolution makes a citation every few lines, and as strings their clauses held several times the text in memory.
/// A phrase that is not one stretch of the text (a footnoted name with the paragraph's verb taken off) is kept whole.
/// </summary>
internal sealed class CitationContext : DeferredText
{
    private readonly string _text;
    private readonly int _start;
    // -1: _text is the context itself.
    private readonly int _length;

    private CitationContext(string text, int start, int length) => (_text, _start, _length) = (text, start, length);

    /// <summary>The clause <paramref name="text"/>[<paramref name="start"/>, +<paramref name="length"/>) cleaned as a paragraph is, without a trailing comma.</summary>
    public static CitationContext Clause(string text, int start, int length) => new(text, start, length);

    public static CitationContext Whole(string phrase) => new(phrase, 0, -1);

    /// <summary>Whether the context is a string already, which the graph may as well hold.</summary>
    public bool IsWhole => _length < 0;

    /// <summary>Longest clause whose cleaned words <see cref="Cleaned"/> writes into a caller's stack buffer.</summary>
    public const int StackLength = 512;

    /// <summary>How long a buffer <see cref="Cleaned"/> needs.</summary>
    public int Length => _length < 0 ? 0 : _length;

    /// <summary>
    /// The context's words as <see cref="ToString"/> gives them, written into <paramref name="buffer"/> (at least
    /// <see cref="Length"/> long) rather than made a string: a reader that only looks at them spares an allocation per citation.
    /// </summary>
    public ReadOnlySpan<char> Cleaned(Span<char> buffer) =>
        _length < 0 ? _text : ((ReadOnlySpan<char>)buffer[..ParagraphRecogniser.CleanInto(_text.AsSpan(_start, _length), buffer)]).TrimEnd(", ");

    public override string ToString() =>
        _length < 0 ? _text : ParagraphRecogniser.CleanText(_text.AsSpan(_start, _length)).TrimEnd(',', ' ');
}

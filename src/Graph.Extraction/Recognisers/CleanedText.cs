using Graph.Model;

namespace Graph.Extraction.Recognisers;

/// <summary>
/// A paragraph's words kept as the stretch of the document's text they are cleaned from (see
/// <see cref="ParagraphRecogniser.CleanText(ReadOnlySpan{char})"/>) and made a string only when read: as strings kept
/// on the paragraph nodes, a long text's paragraphs held the whole text a second time.
/// </summary>
internal sealed class CleanedText : DeferredText
{
    private readonly string _text;
    private readonly int _start;
    private readonly int _length;

    private CleanedText(string text, int start, int length) => (_text, _start, _length) = (text, start, length);

    /// <summary>
    /// <paramref name="words"/> as a stretch of <paramref name="text"/> when cleaning that stretch gives exactly them (a
    /// paragraph read from one block), otherwise the string itself (one joined across a page break, or cut differently).
    /// </summary>
    public static object Of(string words, string text, int start, int length)
    {
        if (length < words.Length || (uint)start > (uint)text.Length || length > text.Length - start) return words;
        var rented = System.Buffers.ArrayPool<char>.Shared.Rent(length);
        var cleaned = ParagraphRecogniser.CleanInto(text.AsSpan(start, length), rented);
        var same = rented.AsSpan(0, cleaned).SequenceEqual(words);
        System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return same ? new CleanedText(text, start, length) : words;
    }

    /// <summary>The cleaned words of <paramref name="text"/>[<paramref name="start"/>, +<paramref name="length"/>), as a paragraph read from one block has them.</summary>
    public static CleanedText Of(string text, int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)start, (uint)text.Length, nameof(start));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)length, (uint)(text.Length - start), nameof(length));
        return new CleanedText(text, start, length);
    }

    public override string ToString() => ParagraphRecogniser.CleanText(_text.AsSpan(_start, _length));
}

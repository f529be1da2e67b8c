namespace Graph.Extraction.Structure;

/// <summary>What a block of the normalised text is.</summary>
internal enum BlockKind
{
    /// <summary>Masthead and heading lines before the body ("Distr.: General", "Agenda item 127 (t)").</summary>
    Heading,

    /// <summary>A paragraph of the body, rejoined across line, page and footnote breaks.</summary>
    Paragraph,

    /// <summary>Closing lines after the body ("39th plenary meeting", "Adopted at the 30th meeting").</summary>
    Closing,

    /// <summary>A footnote: its number and text, gathered from the foot of the page it was printed on.</summary>
    Footnote,
}

/// <summary>A block of the normalised text, as a half-open span into it.</summary>
internal sealed record Block(BlockKind Kind, int Start, int End)
{
    /// <summary>Footnote number (Footnote blocks only).</summary>
    public int FootnoteNumber { get; init; }

    /// <summary>Where the footnote's words start, after its superscript number.</summary>
    public int ContentStart { get; init; }

    /// <summary>The italic words that open a paragraph, where the format states italics (DOCX); null otherwise.</summary>
    public string? ItalicOpening { get; init; }

    /// <summary>Whether the block stands in an annex after the closing lines (Paragraph blocks only).</summary>
    public bool InAnnex { get; init; }
}

/// <summary>
/// A document's text after layout normalisation: the string every span points into, and its blocks
/// in reading order (headings, paragraphs, closing lines, then footnotes).
/// </summary>
internal sealed class LaidOutText
{
    public LaidOutText(string text, IReadOnlyList<Block> blocks)
    {
        Text = text;
        Blocks = blocks;
    }

    public string Text { get; }

    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>
    /// The footnotes whose mark was read from what OCR made of it, not from the number itself (<see cref="LostMarks"/>),
    /// each with how it was read: their links say so.
    /// </summary>
    public IReadOnlyDictionary<int, string> InferredMarks { get; init; } = new Dictionary<int, string>();

    public string TextOf(Block block) => Text[block.Start..block.End];

    public IEnumerable<Block> Footnotes => Blocks.Where(b => b.Kind == BlockKind.Footnote);
}

using System.Text;
using Graph.Extraction.Readers;
using Graph.Model.Symbols;

namespace Graph.Extraction.Structure;

/// <summary>
/// Turns page-laid-out text (what pdftotext, PyMuPDF or a reader give) back into the document's logical
/// blocks. Printed UN documents follow the Editorial Manual's layout: a masthead, the heading, the body
/// in paragraphs, footnotes at the foot of each page under a short rule, a running header (the symbol)
/// and footer (job number, page "2/7", bar code "*2326010*") on every page. Footnotes and page breaks cut
/// paragraphs in two; this rejoins them and gathers footnotes, so recognisers see whole paragraphs.
/// </summary>
internal static class LayoutNormaliser
{
    private const int HeadingScanLines = 60;

    /// <param name="raw">The text as read.</param>
    /// <param name="removedFurniture">Where to record the lines removed as page furniture, when asked.</param>
    public static LaidOutText Normalise(string raw, List<string>? removedFurniture = null)
    {
        var text = Clean(raw);
        var hasPages = text.Contains('\f', StringComparison.Ordinal);
        var lines = SplitLines(text);
        var furniture = FurnitureDetector.Detect(lines);
        if (removedFurniture is not null)
            for (var i = 0; i < lines.Count; i++)
                if (furniture[i]) removedFurniture.Add(lines[i].ToString());
        var footnotes = new List<(int Number, string Text)>();
        var flow = FootnoteZones.Extract(lines, furniture, hasPages, footnotes);
        var blocks = ParagraphAssembler.Assemble(flow);
        // Marks the text states (superscripts, "[^5]") stand; the footnotes none calls are looked for as plain digits, since a
        // text converted to Markdown may keep "[^5]" for some marks and the plain digit ("Experts, 8") for the others.
        var numbers = new HashSet<int>(footnotes.Count);
        foreach (var (number, _) in footnotes)
            if (number != FootnoteZones.AsteriskNote) numbers.Add(number);
        numbers.ExceptWith(ExplicitMarks(blocks));
        var inferred = numbers.Count > 0 ? FootnoteMarks.MarkPlainDigits(blocks, numbers) : null;
        UnprintedMarks.Mark(blocks);
        return Build(blocks, footnotes, inferred);
    }

    private static HashSet<int> ExplicitMarks(List<FlowBlock> blocks)
    {
        var found = new HashSet<int>();
        foreach (var block in blocks)
        {
            foreach (var (number, _) in Superscript.Marks(block.Text))
                if (number > 0) found.Add(number);
        }
        return found;
    }

    /// <summary>
    /// The blocks of a document whose format states its paragraphs and footnotes (DOCX): each stated paragraph is
    /// one block (a line break inside it joins lines as in a heading), footnotes are taken as given and marks stand
    /// where the format put them, so the furniture, footnote-zone and mark searches for page text are not run.
    /// Headings, body and closing lines are told apart as in text, so both give the same blocks.
    /// </summary>
    public static LaidOutText FromStated(Readers.StatedLayout stated)
    {
        var flow = new List<FlowLine>(stated.Paragraphs.Count);
        foreach (var paragraph in stated.Paragraphs)
        {
            var first = true;
            foreach (var raw in Clean(paragraph.Text).Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0) continue;
                flow.Add(new FlowLine(TextLine.Of(line), first && flow.Count > 0 ? 1 : 0, flow.Count) { ItalicOpening = first ? paragraph.ItalicOpening : null });
                first = false;
            }
        }
        var blocks = ParagraphAssembler.Assemble(flow, paragraphsStated: true);
        var footnotes = stated.Footnotes.Select(f => (f.Number, string.Join(' ', Clean(f.Text).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)))).ToList();
        return Build(blocks, footnotes);
    }

    /// <summary>Characters <see cref="Clean"/> changes or drops; text without any (most of it) is kept as it is.</summary>
    private static readonly System.Buffers.SearchValues<char> Unclean = System.Buffers.SearchValues.Create(
        "\r\u00A0\t\u2002\u2003\u2009\u202F\u200B\u00AD\uFEFF\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F"
        + "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F");

    private static string Clean(string raw)
    {
        if (!raw.AsSpan().ContainsAny(Unclean)) return raw.Replace("\n\n\n\n\n\n", "\n\n\n\n", StringComparison.Ordinal);
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            switch (c)
            {
                case '\r': sb.Append('\n'); break;
                case '\u00A0' or '\t' or '\u2002' or '\u2003' or '\u2009' or '\u202F': sb.Append(' '); break;
                case '\u200B' or '\u00AD' or '\uFEFF': break;
                case '\0': break;
                default: sb.Append(char.IsControl(c) && c is not '\n' and not '\f' ? ' ' : c); break;
            }
        }
        return sb.ToString().Replace("\n\n\n\n\n\n", "\n\n\n\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// The lines <see cref="Normalise"/> or <see cref="FromStated"/> can end in <paramref name="raw"/> (one more may follow
    /// the last break), counted without laying anything out: <see cref="Clean"/> turns each carriage return into a line feed
    /// (so "\r\n" ends two lines), and <see cref="SplitLines"/> makes a page break a line and a marker line.
    /// </summary>
    public static long MostLines(ReadOnlySpan<char> raw) => raw.Count('\n') + (long)raw.Count('\r') + 2L * raw.Count('\f');

    /// <summary>Lines, trimmed, as ranges of the text; a page break becomes its own marker line "\f".</summary>
    private static List<TextLine> SplitLines(string text)
    {
        var span = text.AsSpan();
        // As many lines as the text has separators and one, and a marker per page break: counted first (a vectorised count),
        // since a guess from the length fell short on dense text and the list, a large object, was copied into one twice as long.
        var lines = new List<TextLine>(span.Count('\n') + 2 * span.Count('\f') + 1);
        foreach (var range in span.SplitAny('\n', '\f'))
        {
            // SplitAny loses which separator ended a piece: a "\f" marker goes in when the one before this piece was a page break.
            var (start, length) = range.GetOffsetAndLength(text.Length);
            if (start > 0 && span[start - 1] == '\f') lines.Add(TextLine.PageBreak);
            var piece = span.Slice(start, length);
            var trimmedStart = piece.Length - piece.TrimStart().Length;
            var trimmed = piece.Trim();
            lines.Add(trimmed.Length == 0 ? TextLine.Blank : TextLine.In(text, start + trimmedStart, trimmed.Length));
        }
        return lines;
    }

    /// <summary>
    /// The document text: the blocks, then the footnotes, each after a blank line. Laid out first and written once into
    /// a string of the exact length: a builder held a second copy of the whole text until it was made a string.
    /// </summary>
    private static LaidOutText Build(List<FlowBlock> blocks, List<(int Number, string Text)> footnotes, Dictionary<int, string>? inferredMarks = null)
    {
        var result = new List<Block>(blocks.Count + footnotes.Count);
        // Each piece of text and where it goes; what lies between them is the "\n\n" that separates blocks.
        var pieces = new List<(int At, string Text)>(blocks.Count + 3 * footnotes.Count);
        var length = 0;
        foreach (var block in blocks)
        {
            var blockText = block.Text;
            if (blockText.Length == 0) continue;
            if (length > 0) length += 2;
            pieces.Add((length, blockText));
            result.Add(new Block(block.Kind, length, length + blockText.Length) { ItalicOpening = block.ItalicOpening, InAnnex = block.InAnnex });
            length += blockText.Length;
        }
        foreach (var (number, footnoteText) in footnotes.OrderBy(f => f.Number).DistinctBy(f => f.Number))
        {
            if (length > 0) length += 2;
            var start = length;
            var mark = Superscript.From(number);
            pieces.Add((start, mark));
            pieces.Add((start + mark.Length, " "));
            var contentStart = start + mark.Length + 1;
            pieces.Add((contentStart, footnoteText));
            length = contentStart + footnoteText.Length;
            result.Add(new Block(BlockKind.Footnote, start, length) { FootnoteNumber = number, ContentStart = contentStart });
        }
        var text = string.Create(length, pieces, static (span, pieces) =>
        {
            // Only the gaps between pieces are written as line breaks: filling the whole text first wrote every character
            // twice, and touched a long text's fresh memory once more (a tenth of the layout's time on a long text).
            var written = 0;
            foreach (var (at, piece) in pieces)
            {
                span[written..at].Fill('\n');
                piece.CopyTo(span[at..]);
                written = at + piece.Length;
            }
            span[written..].Fill('\n');
        });
        return new LaidOutText(text, result) { InferredMarks = inferredMarks ?? [] };
    }

    internal static bool IsHeadingScanRange(int index) => index < HeadingScanLines;
}

/// <summary>
/// A block while it is being assembled. Lines are appended to a builder, not concatenated to a string: a paragraph
/// of n lines built by concatenation costs n² characters copied, which made a long unbroken text quadratic.
/// </summary>
/// <remarks>
/// Only the block being assembled grows, so one builder per thread serves every block: the block that appends holds
/// it, and gives it up (its text made a string, once) when another block appends or its text is read. A builder or a
/// string per block and per line appended made most of what the layout allocated, which the collector then copied.
/// </remarks>
internal sealed class FlowBlock(BlockKind kind, string text)
{
    /// <summary>A block opened with a line of the text, copied straight into the builder rather than made a string first.</summary>
    public FlowBlock(BlockKind kind, ReadOnlySpan<char> firstLine)
        : this(kind, "") => Open().Append(firstLine);

    private string _text = text;
    // The thread's shared builder while this block holds it; null once its text is a string again.
    private System.Text.StringBuilder? _builder;

    [ThreadStatic]
    private static System.Text.StringBuilder? t_builder;

    [ThreadStatic]
    private static FlowBlock? t_holder;

    [ThreadStatic]
    private static char[]? t_edges;

    /// <summary>A builder grown past this many characters (a block as long as a whole text) is let go rather than kept for the next.</summary>
    private const int KeptBuilderCapacity = 1 << 16;

    public BlockKind Kind { get; set; } = kind;

    /// <summary>The block's text (made a string once, when asked for after lines were appended).</summary>
    public string Text
    {
        get
        {
            Seal();
            return _text;
        }
        set
        {
            Release();
            _text = value;
        }
    }

    public int Length => _builder?.Length ?? _text.Length;

    /// <summary>Makes the builder's text this block's string and gives the builder up.</summary>
    private void Seal()
    {
        if (_builder is null) return;
        _text = _builder.ToString();
        Release();
    }

    private void Release()
    {
        if (_builder is null) return;
        if (_builder.Capacity > KeptBuilderCapacity) t_builder = null;
        _builder = null;
        if (ReferenceEquals(t_holder, this)) t_holder = null;
    }

    /// <summary>The thread's builder holding this block's text, taken from the block that held it (whose text it seals).</summary>
    private System.Text.StringBuilder Open()
    {
        if (_builder is not null) return _builder;
        t_holder?.Seal();
        var builder = t_builder ??= new System.Text.StringBuilder(1024);
        builder.Clear().Append(_text);
        _builder = builder;
        t_holder = this;
        return builder;
    }

    /// <summary>
    /// The text, or for a long block its first and last 100 characters: all that the tests of where a block starts and
    /// ends look at (its numbering, its final punctuation), without making the whole block a string for every line.
    /// Written into a buffer of the thread, valid until the next block's edges are asked for.
    /// </summary>
    public ReadOnlySpan<char> Edges
    {
        get
        {
            const int edge = ShortLength / 3;
            var buffer = t_edges ??= new char[ShortLength + Ellipsis.Length];
            if (_builder is null)
            {
                if (_text.Length <= ShortLength) return _text;
                _text.AsSpan(0, edge).CopyTo(buffer);
                Ellipsis.CopyTo(buffer.AsSpan(edge));
                _text.AsSpan(_text.Length - edge).CopyTo(buffer.AsSpan(edge + Ellipsis.Length));
                return buffer.AsSpan(0, 2 * edge + Ellipsis.Length);
            }
            var length = _builder.Length;
            if (length <= ShortLength)
            {
                _builder.CopyTo(0, buffer, length);
                return buffer.AsSpan(0, length);
            }
            _builder.CopyTo(0, buffer, edge);
            Ellipsis.CopyTo(buffer.AsSpan(edge));
            _builder.CopyTo(length - edge, buffer.AsSpan(edge + Ellipsis.Length), edge);
            return buffer.AsSpan(0, 2 * edge + Ellipsis.Length);
        }
    }

    private const string Ellipsis = " … ";

    /// <summary>Appends a line with a space, or with none after a word broken by a hyphen (as footnote lines are joined).</summary>
    public void AppendLine(ReadOnlySpan<char> line) => FootnoteZones.AppendLine(Open(), line);

    /// <summary>Appends a line after a line break (headings and closing lines keep their lines).</summary>
    public void AppendBrokenLine(ReadOnlySpan<char> line) => Open().Append('\n').Append(line);

    /// <summary>The longest block whose <see cref="Edges"/> are its whole text.</summary>
    private const int ShortLength = 3 * 100;

    /// <summary>The italic words that open it, where the format states italics (DOCX).</summary>
    public string? ItalicOpening { get; init; }

    /// <summary>Whether it stands in an annex after the closing lines.</summary>
    public bool InAnnex { get; init; }
}

/// <summary>A line of the body flow, with how many blank lines preceded it.</summary>
internal readonly record struct FlowLine(TextLine Line, int BlanksBefore, int Index)
{
    /// <summary>The line's characters, in the text they were read from.</summary>
    public ReadOnlySpan<char> Text => Line.Span;

    /// <summary>The italic words that open the paragraph this line starts, where the format states italics (DOCX).</summary>
    public string? ItalicOpening { get; init; }
}

/// <summary>
/// Running headers and footers of printed UN documents: the job number ("23-26010 (E)    090124"), the
/// bar code ("*2326010*"), the page number ("2/7"), the print date ("140425"), and the document symbol
/// or running title repeated at the top of each page.
/// </summary>
internal static class FurnitureDetector
{
    /// <summary>
    /// Furniture is decided by where a line stands, not by what it says: the job number, bar code, page number and print
    /// date are furniture wherever they are (nothing else looks like them); the document's own symbol line after the
    /// masthead is the running header; a repeated line is the running title only next to that line or right after a
    /// page break, where the running header sits. A repeated line elsewhere is text (operative
    /// paragraphs of a budget resolution open with the same words), and so is a line holding only a cited symbol.
    /// </summary>
    public static bool[] Detect(List<TextLine> lines)
    {
        var furniture = new bool[lines.Count];
        var anchor = new bool[lines.Count];
        string? mastheadSymbol = null;
        var footer = new bool[lines.Count];
        var nonBlank = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsPageBreak) { anchor[i] = true; continue; }
            var line = lines[i].Span;
            if (line.Length == 0) continue;
            nonBlank++;
            if (IsJobNumber(line) || IsBarCode(line) || (IsPageNumber(line) && !InsideSentence(lines, furniture, i)) || IsPrintDate(line))
            {
                furniture[i] = anchor[i] = footer[i] = true;
                continue;
            }
            if (IsSymbolLine(line))
            {
                // The first symbol line is the masthead; the same line again is the running header.
                if (mastheadSymbol is null) mastheadSymbol = line.TrimEnd("* ").ToString();
                else if (nonBlank > 3 && IsMastheadSymbol(line.TrimEnd("* "), mastheadSymbol)) furniture[i] = anchor[i] = true;
            }
        }
        // The running title stands next to the running symbol line (above or below it) or opens the page after a page break;
        // footnote lines just above the footer repeat too (the same reference on two pages) and are no title.
        for (var i = 0; i < lines.Count; i++) anchor[i] = lines[i].IsPageBreak || (anchor[i] && IsSymbolLine(lines[i].Span));
        var near = NearAnchor(lines, anchor, ClusterReach);
        var reach = NearAnchor(lines, anchor, TitleLines);
        var counts = RepeatsOfCandidates(lines, furniture, reach);
        var title = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (!furniture[i] && near[i] && IsRepeatedTitleLine(lines, i, counts)) furniture[i] = title[i] = true;
        }
        // A running title of more lines (an Assembly resolution's title of four lines) goes on past that reach, line by line
        // from the title lines found: each further line repeats too, and stands next to one, with no blank line between.
        // Next to a title line, a line of the title may end in a comma ("Combating intolerance, negative stereotyping,").
        for (var i = 1; i < lines.Count; i++)
        {
            if (title[i - 1] && !furniture[i] && reach[i] && IsRepeatedTitleLine(lines, i, counts, inTitle: true)) furniture[i] = title[i] = true;
        }
        for (var i = lines.Count - 2; i >= 0; i--)
        {
            if (title[i + 1] && !furniture[i] && reach[i] && IsRepeatedTitleLine(lines, i, counts, inTitle: true)) furniture[i] = title[i] = true;
        }
        // The running title is also the title of the resolution's heading ("78/55. Convention on …") where it is too short to
        // be counted ("Commodities") or broken over lines otherwise than the heading breaks it ("… Democratic People’s Republic
        // / of Korea"); the line right under such a piece may be the title's next one, past the anchor's reach.
        var aboveFooter = AboveFooter(lines, footer);
        // An odd page's running title above its footer, where no symbol line stands beside it, is known by repeating: the same
        // lines above the footer of two pages or more ("Strengthening cooperation for integrated coastal zone" / "management for
        // achieving sustainable development" above "3/7" and "5/7"); a page's last lines of text are not the same twice.
        MarkRepeatedFooterTitles(lines, footer, furniture);
        var headingTitle = ResolutionTitle(lines);
        if (headingTitle is not null)
        {
            for (var i = RepeatsFrom + 1; i < lines.Count; i++)
            {
                if (furniture[i] || lines[i].IsBlank || lines[i].IsPageBreak) continue;
                if ((near[i] || aboveFooter[i] || (furniture[i - 1] && !lines[i - 1].IsBlank && !lines[i - 1].IsPageBreak)) && IsTitlePiece(lines[i].Span, headingTitle)) furniture[i] = true;
            }
        }
        // A text without a numbered heading ("78/55. …") gives its title in the heading block above the organ's line (a draft's
        // "Strengthening cooperation for integrated coastal zone management …" above "The General Assembly,"): a piece of it
        // above a page's footer, where an odd page's running title stands, is that title; the text's own lines near the top of
        // a page are left alone, as a body line may well open or close with the title's words.
        else if (HeadingBlockTitle(lines) is { } blockTitle)
        {
            for (var i = RepeatsFrom + 1; i < lines.Count; i++)
            {
                if (furniture[i] || lines[i].IsBlank || lines[i].IsPageBreak) continue;
                if ((aboveFooter[i] || (furniture[i - 1] && aboveFooter[i - 1] && !lines[i - 1].IsBlank)) && IsTitlePiece(lines[i].Span, blockTitle)) furniture[i] = true;
            }
        }
        return furniture;
    }

    /// <summary>
    /// Marks the lines above a page's footer that stand, the same lines in the same order, above the footer of another page:
    /// an odd page's running title. Only lines a title can be: no final full stop, semicolon or colon (a footnote repeated on
    /// two pages ends with one), no footnote's number or rule opening them, no symbol line or date.
    /// </summary>
    private static void MarkRepeatedFooterTitles(List<TextLine> lines, bool[] footer, bool[] furniture)
    {
        var blocks = new List<(int From, int To, string Text)>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (!footer[i] || footer[i - 1] || i <= RepeatsFrom) continue;
            var j = i - 1;
            if (lines[j].IsBlank && !lines[j].IsPageBreak) j--;
            var to = j;
            for (var taken = 0; j >= 0 && taken < ClusterReach && !lines[j].IsBlank && !lines[j].IsPageBreak && !footer[j]; j--, taken++) { }
            // The block must stand apart: a blank line, a page break or the footer above it, not a paragraph's run of lines.
            if (to <= j || j < 0 || !(lines[j].IsBlank || lines[j].IsPageBreak || footer[j] || furniture[j])) continue;
            var text = new System.Text.StringBuilder();
            for (var k = j + 1; k <= to; k++) text.Append(lines[k].Span.Trim()).Append('\n');
            blocks.Add((j + 1, to, text.ToString()));
        }
        var repeats = blocks.GroupBy(b => b.Text, StringComparer.Ordinal).Where(g => g.Count() >= 2);
        foreach (var group in repeats)
        {
            var first = group.First();
            var titleLike = true;
            for (var k = first.From; k <= first.To && titleLike; k++) titleLike = CanBeRunningTitle(lines[k].Span.Trim());
            if (!titleLike) continue;
            foreach (var (from, to, _) in group)
                for (var k = from; k <= to; k++) furniture[k] = true;
        }
    }

    /// <summary>A line a running title can be: 4 to 120 characters, not ending a sentence or clause, no footnote's number or rule, symbol line or date.</summary>
    private static bool CanBeRunningTitle(ReadOnlySpan<char> line) =>
        line.Length is >= TitleEndLength and <= 120 && line[^1] is not ('.' or ';' or ':' or ',') && !char.IsAsciiDigit(line[0]) && !Superscript.IsDigit(line[0])
        && line.ContainsAnyExcept('_') && !IsSymbolLine(line) && !IsDateLine(line);

    /// <summary>
    /// The title in the heading block of a text without a numbered heading: the lines just above the organ's line ("The General
    /// Assembly,") within the first lines, a blank line above them; null where there is none, or where those lines are an
    /// adoption line or a symbol's.
    /// </summary>
    private static string? HeadingBlockTitle(List<TextLine> lines)
    {
        for (var i = 0; i < Math.Min(lines.Count, RepeatsFrom); i++)
        {
            if (!ParagraphAssembler.IsPreambleStart(lines[i].Span.Trim())) continue;
            var j = i - 1;
            while (j >= 0 && lines[j].IsBlank && !lines[j].IsPageBreak) j--;
            var end = j;
            while (j >= 0 && !lines[j].IsBlank && !lines[j].IsPageBreak && end - j < TitleLines) j--;
            if (end < 0 || (j >= 0 && !lines[j].IsBlank)) return null;
            var title = string.Join(' ', Enumerable.Range(j + 1, end - j).Select(k => lines[k].Span.Trim().ToString()));
            return title.Length >= 12 && !title.StartsWith("Adopted", StringComparison.Ordinal) && !title.StartsWith("Resolution", StringComparison.Ordinal)
                && !IsSymbolLine(lines[end].Span) && !title.Contains("meeting", StringComparison.Ordinal) ? title : null;
        }
        return null;
    }

    /// <summary>
    /// The lines of the block just above a page's footer (the page number and job number, "3/7" / "23-25893"), one blank line
    /// between at most: where the text rendering puts an odd page's running title ("Strengthening cooperation for integrated
    /// coastal zone" / "management for achieving sustainable development" above "3/7"), with no symbol line beside it.
    /// </summary>
    private static bool[] AboveFooter(List<TextLine> lines, bool[] footer)
    {
        var above = new bool[lines.Count];
        for (var i = 1; i < lines.Count; i++)
        {
            if (!footer[i] || footer[i - 1]) continue;
            var j = i - 1;
            if (lines[j].IsBlank && !lines[j].IsPageBreak) j--;
            for (var taken = 0; j >= 0 && taken < TitleLines && !lines[j].IsBlank && !lines[j].IsPageBreak && !footer[j]; j--, taken++) above[j] = true;
        }
        return above;
    }

    /// <summary>The masthead's symbol again, or set twice with nothing between ("A/RES/78/18A/RES/78/18", the running header of
    /// a page whose two headers, left and right, the text rendering joined).</summary>
    private static bool IsMastheadSymbol(ReadOnlySpan<char> line, string mastheadSymbol) =>
        line.SequenceEqual(mastheadSymbol)
        || (line.Length == 2 * mastheadSymbol.Length && line.StartsWith(mastheadSymbol) && line.EndsWith(mastheadSymbol));

    /// <summary>The title a General Assembly resolution's heading gives after its number ("78/55.  Convention on the
    /// Prohibition of the Use of Nuclear Weapons", "78/218. Situation of human rights in the Democratic People’s Republic /
    /// of Korea"), its lines joined; null where the text has no such heading.</summary>
    private static string? ResolutionTitle(List<TextLine> lines)
    {
        for (var i = 0; i < Math.Min(lines.Count, RepeatsFrom); i++)
        {
            var line = lines[i].Span.Trim();
            var after = AfterResolutionNumber(line);
            // A session of up to three digits: "78/55.", not a date or a job number.
            if (after < 0 || line.IndexOf('/') > 3) continue;
            var title = line[after..].Trim().ToString();
            // The title's further lines run to the blank line; "The General Assembly," after no blank line is none of them.
            // A title may take five lines ("78/105. Code of Conduct for Arbitrators … / … / Trade Law").
            for (var n = i + 1; n < Math.Min(lines.Count, i + TitleLines) && lines[n].Span.Trim().Length > 0 && !lines[n].IsPageBreak && !lines[n].Span.TrimEnd().EndsWith(','); n++)
                title += " " + lines[n].Span.Trim().ToString();
            return title.Length >= 4 ? title : null;
        }
        return null;
    }

    /// <summary>Whether a line next to the running header is the resolution's title or a line of it as the running title
    /// breaks it ("of Korea", "Stockpiling, Production and Transfer of Anti-Personnel Mines and"); a line of a page's text is neither.</summary>
    private static bool IsTitlePiece(ReadOnlySpan<char> line, string title)
    {
        var piece = line.Trim();
        if (piece.Length < 4) return false;
        var whole = title.AsSpan();
        if (piece.SequenceEqual(whole)) return true;
        // The piece opens the title and a word follows it, closes it after a word, or stands inside it between words.
        if (whole.Length > piece.Length && whole.StartsWith(piece) && whole[piece.Length] == ' ') return true;
        if (whole.Length > piece.Length && whole.EndsWith(piece) && whole[^(piece.Length + 1)] == ' ') return true;
        if (piece.Length < 12) return false;
        for (var at = whole.IndexOf(piece); at >= 0; at = NextIndexOf(whole, piece, at))
        {
            if (at > 0 && whole[at - 1] == ' ' && at + piece.Length < whole.Length && whole[at + piece.Length] == ' ') return true;
        }
        return false;
    }

    private static int NextIndexOf(ReadOnlySpan<char> text, ReadOnlySpan<char> value, int after)
    {
        var next = text[(after + 1)..].IndexOf(value);
        return next < 0 ? -1 : after + 1 + next;
    }

    /// <summary>A line that repeats as a running title does: past the first lines, not a date, nor (unless next to a title line) a line that a comma or semicolon goes on from.</summary>
    private static bool IsRepeatedTitleLine(List<TextLine> lines, int i, Dictionary<string, int> counts, bool inTitle = false)
    {
        if (lines[i].IsBlank || lines[i].IsPageBreak) return false;
        var line = lines[i].Span;
        // A date repeats legitimately (distribution date above, meeting date below); a running title does not change.
        return i > RepeatsFrom && counts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(line, out var count) && count >= 2
            && (inTitle || (IsCountedLength(line) && !line.EndsWith(',') && !line.EndsWith(';')))
            && !IsDateLine(line) && line.ContainsAnyExcept('_');
    }

    /// <summary>
    /// The title as the heading prints it, after the resolution's number ("78/15. Prohibition of …" → "Prohibition of …"): the
    /// running title repeats it without the number, so a text of two pages shows its running title once.
    /// </summary>
    private static ReadOnlySpan<char> WithoutResolutionNumber(ReadOnlySpan<char> line)
    {
        var after = AfterResolutionNumber(line);
        return after > 0 && after < line.Length && line[after] == ' ' ? line[(after + 1)..].TrimStart() : line;
    }

    /// <summary>Where the text after a resolution's number that opens the line ("78/15.") begins; -1 where no such number opens it.</summary>
    private static int AfterResolutionNumber(ReadOnlySpan<char> line)
    {
        var p = 0;
        while (p < line.Length && char.IsAsciiDigit(line[p])) p++;
        if (p == 0 || p >= line.Length || line[p] != '/') return -1;
        var q = ++p;
        while (q < line.Length && char.IsAsciiDigit(line[q])) q++;
        return q > p && q < line.Length && line[q] == '.' ? q + 1 : -1;
    }

    /// <summary>
    /// How often each line that could be a running title (near an anchor, past the first forty lines, 4 to 120 characters
    /// long) occurs among all lines of that length. Only those few are counted: counting every line of a long text built
    /// a table of all its lines.
    /// </summary>
    private static Dictionary<string, int> RepeatsOfCandidates(List<TextLine> lines, bool[] furniture, bool[] near)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // Only lines past the first forty are tested for repeating, so a shorter text needs no counts.
        if (lines.Count <= RepeatsFrom + 1) return counts;
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        // The lengths the candidates have: a line of any other length is none of them, and is not hashed to be looked up.
        Span<bool> candidateLength = stackalloc bool[121];
        for (var i = RepeatsFrom + 1; i < lines.Count; i++)
        {
            if (near[i] && !furniture[i] && lines[i].Length is >= TitleEndLength and <= 120)
            {
                lookup[lines[i].Span] = 0;
                candidateLength[lines[i].Length] = true;
            }
        }
        if (counts.Count == 0) return counts;
        foreach (var line in lines)
        {
            var title = WithoutResolutionNumber(line.Span);
            if (title.Length is < TitleEndLength or > 120 || !candidateLength[title.Length]) continue;
            if (lookup.TryGetValue(title, out var count)) lookup[title] = count + 1;
        }
        return counts;
    }

    private static bool IsCountedLength(ReadOnlySpan<char> line) => line.Length is >= 12 and <= 120;

    /// <summary>The shortest line counted: a title's last line may be short ("in Darfur"), and is taken only next to a title line.</summary>
    private const int TitleEndLength = 4;

    /// <summary>
    /// How many lines from the running symbol line or a page break the running title may stand (a title takes up to two
    /// lines), with no blank line between: footnotes above the header are set apart by one.
    /// </summary>
    private const int ClusterReach = 2;

    /// <summary>How many lines from an anchor a running title of more lines than <see cref="ClusterReach"/> may run on.</summary>
    private const int TitleLines = 5;

    /// <summary>Whether each line stands within <paramref name="reach"/> lines of an anchor without a blank line between, in one pass each way.</summary>
    private static bool[] NearAnchor(List<TextLine> lines, bool[] anchor, int reach)
    {
        var near = new bool[lines.Count];
        var distance = int.MaxValue;
        for (var i = 0; i < lines.Count; i++)
        {
            if (anchor[i]) distance = 0;
            else if (lines[i].IsBlank) distance = int.MaxValue;
            else if (distance < int.MaxValue) distance++;
            near[i] = distance <= reach;
        }
        distance = int.MaxValue;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (anchor[i]) distance = 0;
            else if (lines[i].IsBlank) distance = int.MaxValue;
            else if (distance < int.MaxValue) distance++;
            near[i] |= distance <= reach;
        }
        return near;
    }

    /// <summary>A repeated line counts as a running title only after this line.</summary>
    private const int RepeatsFrom = 40;

    /// <remarks>Asked only of the few repeated lines near a page's edge, so the date reader gets the string it reads.</remarks>
    private static bool IsDateLine(ReadOnlySpan<char> line)
    {
        var bare = line.Trim('*');
        return Graph.Model.Symbols.DateText.TryRead(bare, 0, out _, out var end) && end >= bare.Length - 1;
    }

    private static bool IsSymbolLine(ReadOnlySpan<char> line)
    {
        if (line.Length > 60 || !OpensWithSymbolPrefix(line)) return false;
        // Only a line that opens as a symbol does is scanned.
        var matches = SymbolScanner.Scan(line, SymbolContext.None);
        return matches.Count > 0 && matches[0].Start == 0 && matches[^1].End >= line.TrimEnd("* ").Length
            && matches.All(m => m.Form == SymbolForm.Full);
    }

    /// <summary>
    /// Whether the line opens as a full symbol does ("A/", "S/", "UNEP/": one to eight capitals and a slash), the only
    /// way a line made of symbols can open: a cheap test that spares scanning every line with a slash in it for symbols.
    /// </summary>
    private static bool OpensWithSymbolPrefix(ReadOnlySpan<char> line)
    {
        var p = 0;
        while (p < line.Length && p < 9 && char.IsAsciiLetterUpper(line[p])) p++;
        return p is > 0 and <= 8 && p < line.Length && line[p] == '/';
    }

    internal static bool IsJobNumber(ReadOnlySpan<char> line)
    {
        // "23-26010 (E)", "25-04453", "23-26010 (E)    090124", "N2212345"
        if (line.Length < 8 || !char.IsAsciiDigit(line[0]) || !char.IsAsciiDigit(line[1]) || line[2] != '-') return false;
        var p = 3;
        while (p < line.Length && char.IsAsciiDigit(line[p])) p++;
        if (p - 3 != 5) return false;
        if (p < line.Length && char.IsAsciiLetterUpper(line[p])) p++; // "25-09066X (E)"
        var rest = line[p..].Trim();
        return rest.Length == 0 || rest.StartsWith("(E)", StringComparison.Ordinal) || !rest.ContainsAnyExcept(DigitsAndSpace);
    }

    private static readonly System.Buffers.SearchValues<char> DigitsAndSpace = System.Buffers.SearchValues.Create("0123456789 ");

    private static bool IsBarCode(ReadOnlySpan<char> line) =>
        line.Length >= 6 && line[0] == '*' && line[^1] == '*' && AllDigits(line[1..^1]);

    private static bool IsPageNumber(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("Page ", StringComparison.Ordinal) && line.Length <= 9) return AllDigits(line[5..]);
        var slash = line.IndexOf('/');
        if (slash is < 1 or > 3 || line.Length - slash - 1 is < 1 or > 3) return false;
        return AllDigits(line[..slash]) && AllDigits(line[(slash + 1)..]);
    }

    /// <summary>
    /// Whether the line stands inside a sentence: a line of text just above it and the sentence going on, in small letters,
    /// just below. A page number stands apart, a blank line or the footer beside it; a resolution number of a list that
    /// the rendering broke one word to a line ("resolution" / "73/89" / "of") has the shape of one but stands in the text.
    /// </summary>
    private static bool InsideSentence(List<TextLine> lines, bool[] furniture, int i) =>
        i > 0 && i + 1 < lines.Count && !lines[i - 1].IsBlank && !lines[i - 1].IsPageBreak && !furniture[i - 1]
        && lines[i + 1].Length > 0 && char.IsLower(lines[i + 1].Span[0]);

    private static bool IsPrintDate(ReadOnlySpan<char> line) => line.Length == 6 && AllDigits(line);

    /// <summary>Whether every character is an ASCII digit (true of an empty span, as <c>All</c> is).</summary>
    private static bool AllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');
}

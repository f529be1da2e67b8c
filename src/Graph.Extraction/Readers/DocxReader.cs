using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Graph.Extraction.Readers;

/// <summary>
/// Reads Word documents (DOCX, as the UN Official Document System serves since about 2015) with the Open XML SDK.
/// Unlike a PDF's text layer, a DOCX states its structure: each body paragraph (tables read cell by cell), the
/// number Word list numbering shows ("1.", "(a)"), the italic run that opens a paragraph (the verb, by drafting
/// convention), and each footnote reference at the exact place of its mark, with the footnote's text in the
/// footnotes part. Headers and footers (job number, bar code, page number) are parts of their own and are not read.
/// </summary>
internal static class DocxReader
{
    public const string Format = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A DOCX is a ZIP archive ("PK\x03\x04").</summary>
    public static bool IsZip(ReadOnlySpan<byte> content) => content.StartsWith("PK\u0003\u0004"u8);

    /// <summary>Word 97–2003 .doc files are OLE compound files (D0 CF 11 E0 A1 B1 1A E1).</summary>
    public static bool IsLegacyWord(ReadOnlySpan<byte> content) => content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>Bounds each part's size in characters, so a small archive that inflates enormously is refused.</summary>
    private const long MaxCharactersInPart = 64L * 1024 * 1024;

    /// <summary>
    /// The deepest nesting of elements read. The Open XML SDK loads and walks a part's elements by recursion, so a part
    /// that nests elements tens of thousands deep (a few kilobytes of "&lt;w:r&gt;" compress to almost nothing) overflowed the
    /// thread's stack, which no handler can catch and which ends the process, a server with it. Word's documents nest a few
    /// dozen deep: a table in a table's cell adds three levels.
    /// </summary>
    internal const int MaxElementDepth = 256;

    public static SourceText Read(string fileName, byte[] content)
    {
        if (DeepestPart(content) is { } deep)
            return FileReader.Unreadable(fileName, "docx-too-deep", $"The Word document's part {deep} nests its elements more than {MaxElementDepth} deep, as no Word document does; it was not read.");
        WordprocessingDocument word;
        try
        {
            word = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false,
                new OpenSettings { MaxCharactersInPart = MaxCharactersInPart, AutoSave = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return FileReader.Unreadable(fileName, "not-docx", $"The file is a ZIP archive but not a Word document (DOCX): {e.Message}");
        }
        using (word)
        {
            try
            {
                if (word.MainDocumentPart is null)
                    return FileReader.Unreadable(fileName, "not-docx", "The file is a ZIP archive without a Word document's main part (word/document.xml); it is no DOCX.");
                var body = word.MainDocumentPart.Document?.Body;
                if (body is null) return FileReader.Unreadable(fileName, "docx-no-body", "The Word document has no body (word/document.xml holds no w:body); nothing was extracted.");
                var stated = new DocxBodyReader(word.MainDocumentPart!).Read(body);
                if (stated.Paragraphs.Count == 0) return FileReader.Unreadable(fileName, "empty", "The Word document's body holds no text.");
                return new SourceText(Render(stated), Format) { Stated = stated };
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return FileReader.Unreadable(fileName, "docx-broken", $"The Word document could not be read: {e.Message}");
            }
        }
    }

    /// <summary>
    /// The first XML part of the archive whose elements nest deeper than <see cref="MaxElementDepth"/>, or null. Read as a
    /// stream, which keeps no tree and does not recurse, before the SDK loads anything; a part that is not well-formed is
    /// read only as far as it is, and the SDK then says what is wrong with it.
    /// </summary>
    private static string? DeepestPart(byte[] content)
    {
        System.IO.Compression.ZipArchive zip;
        try
        {
            zip = new System.IO.Compression.ZipArchive(new MemoryStream(content, writable: false), System.IO.Compression.ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return null;
        }
        using (zip)
        {
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)) continue;
                try
                {
                    using var reader = System.Xml.XmlReader.Create(entry.Open(), DepthProbe);
                    while (reader.Read())
                        if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.Depth > MaxElementDepth) return entry.FullName;
                }
                catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException or IOException)
                {
                    // Not well-formed, or a broken entry: the SDK reports it when it opens the part.
                }
            }
        }
        return null;
    }

    /// <summary>No DTD (as the SDK reads parts) and no more characters than the SDK accepts in a part.</summary>
    private static readonly System.Xml.XmlReaderSettings DepthProbe = new()
    {
        DtdProcessing = System.Xml.DtdProcessing.Prohibit,
        MaxCharactersInDocument = MaxCharactersInPart,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        CloseInput = true,
    };

    /// <summary>The plain-text rendering: paragraphs apart by a blank line, then the footnotes under a rule.</summary>
    private static string Render(StatedLayout stated)
    {
        var sb = new StringBuilder();
        foreach (var paragraph in stated.Paragraphs)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            sb.Append(paragraph.Text);
        }
        if (stated.Footnotes.Count > 0) sb.Append("\n\n__________\n");
        foreach (var (number, text) in stated.Footnotes) sb.Append(Superscript.From(number)).Append(' ').Append(text).Append('\n');
        return sb.ToString();
    }
}

/// <summary>Walks one document's body: paragraphs with their list numbers, marks and italic openings, and the footnotes they call.</summary>
internal sealed class DocxBodyReader(MainDocumentPart main)
{
    private readonly DocxNumbering _numbering = new(main.NumberingDefinitionsPart?.Numbering, main.StyleDefinitionsPart?.Styles);
    private readonly HashSet<string> _superscriptStyles = SuperscriptCharacterStyles(main.StyleDefinitionsPart?.Styles);
    private readonly Dictionary<long, int> _footnoteNumbers = [];

    public StatedLayout Read(Body body)
    {
        NumberFootnotes(body);
        var paragraphs = new List<StatedParagraph>();
        foreach (var paragraph in Paragraphs(body))
        {
            var prefix = _numbering.Prefix(paragraph);
            var (text, italic) = Inline(paragraph, marks: true);
            if (string.IsNullOrWhiteSpace(text)) continue;
            paragraphs.Add(new StatedParagraph(prefix + text.Trim(), italic));
        }
        return new StatedLayout(paragraphs, Footnotes());
    }

    /// <summary>
    /// Word numbers footnotes in the order their references appear, from the section's start number (1 unless
    /// footnotePr/numStart says otherwise); a reference with customMarkFollows shows the text of the run after it instead.
    /// </summary>
    private void NumberFootnotes(Body body)
    {
        var start = body.Elements<SectionProperties>().LastOrDefault()?.GetFirstChild<FootnoteProperties>()?.GetFirstChild<NumberingStart>()?.Val?.Value
            ?? main.DocumentSettingsPart?.Settings?.GetFirstChild<FootnoteDocumentWideProperties>()?.GetFirstChild<NumberingStart>()?.Val?.Value ?? 1;
        var next = (int)start;
        foreach (var reference in body.Descendants<FootnoteReference>())
        {
            if (reference.Id?.Value is not long id || _footnoteNumbers.ContainsKey(id)) continue;
            if (reference.CustomMarkFollows?.Value == true)
            {
                // The mark is the text after the reference; a symbol ("*") is no numbered footnote, as in the text rendering.
                var mark = reference.Parent?.NextSibling<Run>()?.InnerText.Trim() ?? "";
                if (mark.Length is > 0 and < 4 && mark.All(char.IsAsciiDigit)) _footnoteNumbers[id] = int.Parse(mark, System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }
            _footnoteNumbers[id] = next++;
        }
    }

    private List<(int Number, string Text)> Footnotes()
    {
        var footnotes = new List<(int Number, string Text)>();
        var part = main.FootnotesPart?.Footnotes;
        if (part is null) return footnotes;
        foreach (var footnote in part.Elements<Footnote>())
        {
            if (footnote.Id?.Value is not long id || !_footnoteNumbers.TryGetValue(id, out var number)) continue;
            var text = string.Join(' ', Paragraphs(footnote).Select(p => Inline(p, marks: false).Text.Trim()).Where(t => t.Length > 0));
            if (text.Length > 0) footnotes.Add((number, text));
        }
        footnotes.Sort((a, b) => a.Number.CompareTo(b.Number));
        return footnotes;
    }

    /// <summary>Paragraphs in reading order; a table is read row by row, cell by cell, as a page shows it.</summary>
    private static IEnumerable<Paragraph> Paragraphs(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is Paragraph paragraph) yield return paragraph;
            else if (child is Table or TableRow or TableCell or SdtBlock or SdtContentBlock or CustomXmlBlock or SdtRow or SdtContentRow or SdtCell or SdtContentCell)
            {
                foreach (var inner in Paragraphs(child)) yield return inner;
            }
        }
    }

    /// <summary>
    /// A paragraph's text: footnote references become superscript marks of their numbers, a superscript number that
    /// names a footnote (a repeated call: Word cannot reference one footnote twice) stays a mark, other superscripts
    /// become plain characters; deleted and hidden text, field instructions and the footnote's own number are left out.
    /// Also the italic text that opens the paragraph.
    /// </summary>
    private (string Text, string? Italic) Inline(Paragraph paragraph, bool marks)
    {
        var sb = new StringBuilder();
        var italicAt = new List<bool>();
        var skipped = new HashSet<Run>();
        foreach (var run in paragraph.Descendants<Run>())
        {
            if (skipped.Contains(run)) continue;
            var properties = run.RunProperties;
            if (properties?.Vanish is { } vanish && vanish.Val?.Value != false) continue;
            var isItalic = properties?.Italic is { } i && i.Val?.Value != false;
            var isSuperscript = properties?.VerticalTextAlignment?.Val?.Value == VerticalPositionValues.Superscript
                || (properties?.RunStyle?.Val?.Value is { } style && _superscriptStyles.Contains(style));
            foreach (var element in run.ChildElements)
            {
                var before = sb.Length;
                switch (element)
                {
                    case Text t when isSuperscript && marks && IsFootnoteNumber(t.Text.Trim()):
                        sb.Append(Superscript.From(t.Text.Trim()));
                        break;
                    case Text t:
                        sb.Append(PlainDigits(t.Text));
                        break;
                    case FootnoteReference reference when marks:
                        if (reference.Id?.Value is long id && _footnoteNumbers.TryGetValue(id, out var number))
                        {
                            sb.Append(Superscript.From(number));
                            // A custom mark's own run shows the number again.
                            if (reference.CustomMarkFollows?.Value == true && run.NextSibling<Run>() is { } markRun) skipped.Add(markRun);
                        }
                        break;
                    case TabChar or PositionalTab: sb.Append(' '); break;
                    case Break br: sb.Append(br.Type is null || br.Type.Value == BreakValues.TextWrapping ? '\n' : ' '); break;
                    case CarriageReturn: sb.Append('\n'); break;
                    case NoBreakHyphen: sb.Append('-'); break;
                }
                for (var k = before; k < sb.Length; k++) italicAt.Add(isItalic && element is Text && !Superscript.IsDigit(sb[k]));
            }
        }
        return (sb.ToString(), ItalicOpening(sb, italicAt));
    }

    /// <summary>The italic words that open a paragraph, after a typed number ("1.", "(a)") and spaces.</summary>
    private static string? ItalicOpening(StringBuilder text, List<bool> italicAt)
    {
        var p = 0;
        while (p < text.Length && char.IsWhiteSpace(text[p])) p++;
        var label = p;
        while (label < text.Length && label - p < 3 && char.IsAsciiDigit(text[label])) label++;
        if (label > p && label < text.Length && text[label] == '.') p = label + 1;
        else if (p < text.Length && text[p] == '(')
        {
            var close = p + 1;
            while (close < text.Length && close - p < 7 && char.IsAsciiLetterLower(text[close])) close++;
            if (close < text.Length && close > p + 1 && text[close] == ')') p = close + 1;
        }
        while (p < text.Length && char.IsWhiteSpace(text[p])) p++;
        var end = p;
        while (end < text.Length && (italicAt[end] || char.IsWhiteSpace(text[end]))) end++;
        var opening = text.ToString(p, end - p).Trim();
        return opening.Length > 0 ? opening : null;
    }

    private bool IsFootnoteNumber(string text) =>
        text.Length is > 0 and < 4 && text.All(char.IsAsciiDigit) && _footnoteNumbers.ContainsValue(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Superscript digit characters typed as text are no footnote marks here (the DOCX states its marks): they become digits.</summary>
    private static string PlainDigits(string text)
    {
        if (!Superscript.AnyIn(text)) return text;
        var chars = text.ToCharArray();
        for (var k = 0; k < chars.Length; k++)
        {
            if (Superscript.IsDigit(chars[k])) chars[k] = (char)('0' + Superscript.ValueOf(chars[k]));
        }
        return new string(chars);
    }

    /// <summary>Character styles that raise their text (the template's "footnote reference" style), following basedOn.</summary>
    private static HashSet<string> SuperscriptCharacterStyles(Styles? styles)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (styles is null) return result;
        var byId = styles.Elements<Style>().Where(s => s.StyleId?.Value is not null).GroupBy(s => s.StyleId!.Value!).ToDictionary(g => g.Key, g => g.First());
        foreach (var (id, style) in byId)
        {
            var current = style;
            for (var depth = 0; current is not null && depth < 10; depth++)
            {
                var align = current.StyleRunProperties?.VerticalTextAlignment?.Val?.Value;
                if (align is not null)
                {
                    if (align == VerticalPositionValues.Superscript) result.Add(id);
                    break;
                }
                current = current.BasedOn?.Val?.Value is { } parent ? byId.GetValueOrDefault(parent) : null;
            }
        }
        return result;
    }
}

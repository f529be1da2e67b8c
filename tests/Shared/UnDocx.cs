using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Graph.Extraction;

namespace Graph.Testing;

/// <summary>
/// Writes DOCX files shaped like those the UN Official Document System serves: body paragraphs in the UN
/// template's styles (SingleTxt, HCh, H1), operative paragraphs numbered by Word list numbering, verbs in
/// italic runs, real footnotes in the footnotes part referenced where their marks stand, the masthead as a
/// table, and the running header (symbol) and footer (job number, page) in their own parts.
/// Linked as source into the test projects that need DOCX fixtures (they reference DocumentFormat.OpenXml).
/// </summary>
public static class UnDocx
{
    /// <summary>
    /// Turns a UN document in plain text (a pdftotext rendering with its footnote blocks, or Markdown) into a
    /// DOCX: the text is laid out by the extractor (paragraphs rejoined, running heads dropped, footnote marks
    /// found), then each block becomes a paragraph, each footnote a real footnote at its mark, "1." and "(a)"
    /// numbering Word list numbering (where the list would show the same number), and "*…*" italic runs.
    /// </summary>
    public static byte[] FromText(string text, string fileName = "document.txt")
    {
        var extracted = new DocumentExtractor().ExtractText(fileName, text);
        var blocks = extracted.Text.Split("\n\n");
        var footnotes = new Dictionary<int, string>();
        var bodyEnd = blocks.Length;
        while (bodyEnd > 0 && TryReadFootnoteBlock(blocks[bodyEnd - 1], out var number, out var footnote))
        {
            footnotes[number] = footnote;
            bodyEnd--;
        }
        var symbol = extracted.DocumentId.StartsWith("file:", StringComparison.Ordinal) ? null : extracted.DocumentId;
        var jobNumber = Regex.Match(text, @"^\s*(\d\d-\d{5}[A-Z]? \(E\))", RegexOptions.Multiline) is { Success: true } job ? job.Groups[1].Value : null;
        return Write(body =>
        {
            var numbering = new ListCounters();
            var inBody = false;
            for (var i = 0; i < bodyEnd; i++)
            {
                var block = blocks[i];
                var style = inBody ? "SingleTxt" : Regex.IsMatch(block, @"^\d+/\d+\. ") ? "H1" : "HCh";
                if (block.StartsWith("The ", StringComparison.Ordinal) && block.EndsWith(',') && block.Length < 70) inBody = true;
                var (level, content) = numbering.Read(block);
                body.Add(level, style, ParseInline(content, footnotes));
            }
        }, header: symbol, footer: jobNumber);
    }

    /// <summary>
    /// A Word package of only the three parts the Open XML SDK needs, whose body is <paramref name="bodyXml"/> as written
    /// (elements of the "w" namespace): for input no Word would write, such as elements nested thousands deep, which the
    /// SDK's own writer cannot make without the recursion those inputs are there to test.
    /// </summary>
    public static byte[] WithRawBody(string bodyXml)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteEntry(zip, "[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            WriteEntry(zip, "_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            WriteEntry(zip, "word/document.xml", $"""<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{bodyXml}</w:body></w:document>""");
        }
        return stream.ToArray();
    }

    private static void WriteEntry(System.IO.Compression.ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, System.IO.Compression.CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    /// <summary>Writes a DOCX whose body <paramref name="compose"/> fills; the header and footer hold the given lines.</summary>
    public static byte[] Write(Action<UnDocxBody> compose, string? header = null, string? footer = null)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main);
            AddNumbering(main);
            var footnotesPart = main.AddNewPart<FootnotesPart>();
            footnotesPart.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
            var body = new UnDocxBody(main.Document.Body!, footnotesPart.Footnotes);
            compose(body);
            var section = new SectionProperties();
            if (header is not null)
            {
                var headerPart = main.AddNewPart<HeaderPart>();
                headerPart.Header = new Header(new Paragraph(new Run(new Text(header))));
                section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(headerPart) });
            }
            var footerPart = main.AddNewPart<FooterPart>();
            footerPart.Footer = new Footer(
                new Paragraph(new Run(new Text((footer ?? "") + " ") { Space = SpaceProcessingModeValues.Preserve }), new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " }));
            section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footerPart) });
            if (body.FirstFootnoteNumber != 1) section.Append(new FootnoteProperties(new NumberingStart { Val = (ushort)body.FirstFootnoteNumber }));
            main.Document.Body!.Append(section);
        }
        return stream.ToArray();
    }

    /// <summary>"¹ Resolution 60/288." is footnote 1 in the extractor's laid-out text.</summary>
    private static bool TryReadFootnoteBlock(string block, out int number, out string text)
    {
        var p = 0;
        number = 0;
        while (p < block.Length && SuperscriptValue(block[p]) >= 0) number = number * 10 + SuperscriptValue(block[p++]);
        text = p > 0 && p < block.Length && block[p] == ' ' ? block[(p + 1)..] : "";
        return number > 0 && text.Length > 0;
    }

    private static int SuperscriptValue(char c) => c switch
    {
        '\u2070' => 0,
        '\u00B9' => 1,
        '\u00B2' => 2,
        '\u00B3' => 3,
        >= '\u2074' and <= '\u2079' => c - '\u2070',
        _ => -1,
    };

    /// <summary>Text with "*italic*" and superscript footnote marks as runs; a mark whose footnote was already called repeats its number.</summary>
    private static List<UnDocxRun> ParseInline(string text, Dictionary<int, string> footnotes)
    {
        var runs = new List<UnDocxRun>();
        var plain = new StringBuilder();
        var italic = false;
        void Flush()
        {
            if (plain.Length > 0) runs.Add(new UnDocxRun(plain.ToString(), italic));
            plain.Clear();
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') { Flush(); runs.Add(UnDocxRun.LineBreak); continue; }
            if (c == '*' && (italic ? i > 0 && text[i - 1] != ' ' : i + 1 < text.Length && text[i + 1] != ' ' && text.IndexOf('*', i + 1) > i + 1))
            {
                Flush();
                italic = !italic;
                continue;
            }
            if (SuperscriptValue(c) >= 0)
            {
                var number = 0;
                var p = i;
                while (p < text.Length && SuperscriptValue(text[p]) >= 0) number = number * 10 + SuperscriptValue(text[p++]);
                if (footnotes.TryGetValue(number, out var note))
                {
                    Flush();
                    runs.Add(UnDocxRun.Note(number, note));
                    i = p - 1;
                    continue;
                }
            }
            plain.Append(c);
        }
        Flush();
        return runs;
    }

    /// <summary>Which paragraphs Word list numbering can number: only where the list would show the number the text shows.</summary>
    private sealed class ListCounters
    {
        private int _operative;
        private int _letter;
        private int _roman;

        public (int? Level, string Content) Read(string block)
        {
            var number = Regex.Match(block, @"^(\d{1,3})\. (.+)$", RegexOptions.Singleline);
            if (number.Success && int.Parse(number.Groups[1].Value, CultureInfo.InvariantCulture) == _operative + 1)
            {
                _operative++;
                _letter = _roman = 0;
                return (0, number.Groups[2].Value);
            }
            var item = Regex.Match(block, @"^\(([a-z]{1,5})\) (.+)$", RegexOptions.Singleline);
            if (item.Success && _operative > 0)
            {
                var label = item.Groups[1].Value;
                if (label == UnDocxBody.Letter(_letter + 1) && !(label == "i" && _letter > 0 && _letter != 8))
                {
                    _letter++;
                    _roman = 0;
                    return (1, item.Groups[2].Value);
                }
                if (_letter > 0 && label == UnDocxBody.Roman(_roman + 1))
                {
                    _roman++;
                    return (2, item.Groups[2].Value);
                }
            }
            return (null, block);
        }
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles();
        foreach (var (id, name) in new[] { ("SingleTxt", "_ Single Txt"), ("HCh", "_ H _Ch"), ("H1", "_ H_1"), ("H23", "_ H_2/3"), ("H4", "_ H_4"), ("FootnoteText", "footnote text") })
            styles.Styles.Append(new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id, CustomStyle = id != "FootnoteText" });
        styles.Styles.Append(new Style(new StyleName { Val = "footnote reference" }, new StyleRunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }))
        { Type = StyleValues.Character, StyleId = "FootnoteReference" });
    }

    /// <summary>The UN operative list: "1." at the first level, "(a)" at the second, "(i)" at the third.</summary>
    private static void AddNumbering(MainDocumentPart main)
    {
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        static Level Level(int index, NumberFormatValues format, string text) => new(
            new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }, new LevelSuffix { Val = LevelSuffixValues.Tab })
        { LevelIndex = index };
        numbering.Numbering = new Numbering(
            new AbstractNum(Level(0, NumberFormatValues.Decimal, "%1."), Level(1, NumberFormatValues.LowerLetter, "(%2)"), Level(2, NumberFormatValues.LowerRoman, "(%3)")) { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = UnDocxBody.OperativeList });
    }
}

/// <summary>A piece of a paragraph: text (italic or not), a line break, or a footnote mark with the footnote's text.</summary>
public sealed record UnDocxRun(string Text, bool Italic = false)
{
    public static readonly UnDocxRun LineBreak = new("\n");

    /// <summary>The footnote's number as the source shows it (Word numbers footnotes itself; a different number is written as a custom mark).</summary>
    public int? FootnoteNumber { get; init; }

    public string? FootnoteText { get; init; }

    public static UnDocxRun Note(int number, string text) => new("") { FootnoteNumber = number, FootnoteText = text };
}

/// <summary>The body being written: paragraphs, numbered paragraphs, tables; footnotes go to the footnotes part.</summary>
public sealed class UnDocxBody
{
    internal const int OperativeList = 1;
    private readonly Body _body;
    private readonly Footnotes _footnotes;
    private readonly Dictionary<int, int> _written = [];
    private int _nextId = 1;
    private int _autoNumbered;

    internal UnDocxBody(Body body, Footnotes footnotes)
    {
        _body = body;
        _footnotes = footnotes;
    }

    /// <summary>Word numbers footnotes from this number (the section's numStart); the first footnote written sets it.</summary>
    public int FirstFootnoteNumber { get; private set; } = 1;

    /// <summary>
    /// A paragraph in markup: "*italic*", "[^text]" a footnote at that place (numbered by Word), "[^3:text]" footnote 3
    /// ("[^3]" repeats footnote 3's number), "\n" a line break.
    /// </summary>
    public UnDocxBody Paragraph(string markup, string style = "SingleTxt") => Add(null, style, ParseMarkup(markup));

    /// <summary>A paragraph of the operative list: level 0 shows "1.", level 1 "(a)", level 2 "(i)".</summary>
    public UnDocxBody Numbered(int level, string markup) => Add(level, "SingleTxt", ParseMarkup(markup));

    /// <summary>A table, one string per cell (markup as in <see cref="Paragraph"/>).</summary>
    public UnDocxBody Table(params string[][] rows)
    {
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Auto, Width = "0" }));
        foreach (var row in rows)
            table.Append(new TableRow(row.Select(cell => new TableCell(Build(null, "SingleTxt", ParseMarkup(cell))))));
        _body.Append(table);
        return this;
    }

    /// <summary>The first-page masthead as UN documents lay it out: a table of "United Nations" and the symbol, the organ and the distribution.</summary>
    public UnDocxBody Masthead(string symbol, string organ, string distribution) =>
        Table(["United Nations", symbol], [organ, "Distr.: General\n" + distribution]);

    public UnDocxBody Add(int? listLevel, string style, IReadOnlyList<UnDocxRun> runs)
    {
        _body.Append(Build(listLevel, style, runs));
        return this;
    }

    private Paragraph Build(int? listLevel, string style, IReadOnlyList<UnDocxRun> runs)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (listLevel is int level)
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = OperativeList }));
        var paragraph = new Paragraph(properties);
        foreach (var run in runs)
        {
            if (ReferenceEquals(run, UnDocxRun.LineBreak) || run.Text == "\n" && run.FootnoteText is null) paragraph.Append(new Run(new Break()));
            else if (run.FootnoteNumber is int number && run.FootnoteText is null) paragraph.Append(Superscript(number.ToString(CultureInfo.InvariantCulture)));
            else if (run.FootnoteText is not null) AppendFootnote(paragraph, run.FootnoteNumber, run.FootnoteText);
            else if (run.Text.Length > 0) paragraph.Append(TextRun(run.Text, run.Italic));
        }
        return paragraph;
    }

    private void AppendFootnote(Paragraph paragraph, int? number, string text)
    {
        if (number is int n && _written.ContainsKey(n))
        {
            // Word cannot call one footnote twice; UN documents repeat its number as a superscript.
            paragraph.Append(Superscript(n.ToString(CultureInfo.InvariantCulture)));
            return;
        }
        if (_autoNumbered == 0 && _written.Count == 0 && number is int first) FirstFootnoteNumber = first;
        var id = _nextId++;
        var shown = FirstFootnoteNumber + _autoNumbered;
        var custom = number is int wanted && wanted != shown;
        var reference = new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = id, CustomMarkFollows = custom ? true : null });
        paragraph.Append(reference);
        if (custom) paragraph.Append(Superscript(number!.Value.ToString(CultureInfo.InvariantCulture)));
        else _autoNumbered++;
        _written[number ?? shown] = id;
        var note = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }));
        note.Append(new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()));
        note.Append(TextRun(" ", false));
        foreach (var run in ParseMarkup(text))
        {
            if (run.Text.Length > 0) note.Append(TextRun(run.Text, run.Italic));
        }
        _footnotes.Append(new Footnote(note) { Id = id });
    }

    private static Run Superscript(string text) =>
        new(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new Text(text));

    private static Run TextRun(string text, bool italic)
    {
        var run = new Run();
        if (italic) run.Append(new RunProperties(new Italic()));
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    internal static List<UnDocxRun> ParseMarkup(string markup)
    {
        var runs = new List<UnDocxRun>();
        var plain = new StringBuilder();
        var italic = false;
        void Flush()
        {
            if (plain.Length > 0) runs.Add(new UnDocxRun(plain.ToString(), italic));
            plain.Clear();
        }
        for (var i = 0; i < markup.Length; i++)
        {
            var c = markup[i];
            if (c == '*') { Flush(); italic = !italic; continue; }
            if (c == '\n') { Flush(); runs.Add(UnDocxRun.LineBreak); continue; }
            if (c == '[' && i + 1 < markup.Length && markup[i + 1] == '^')
            {
                var close = markup.IndexOf(']', i);
                var inner = markup[(i + 2)..close];
                var colon = inner.IndexOf(':', StringComparison.Ordinal);
                Flush();
                if (int.TryParse(inner, CultureInfo.InvariantCulture, out var repeated)) runs.Add(new UnDocxRun("") { FootnoteNumber = repeated });
                else if (colon > 0 && int.TryParse(inner[..colon], CultureInfo.InvariantCulture, out var numbered)) runs.Add(UnDocxRun.Note(numbered, inner[(colon + 1)..]));
                else runs.Add(new UnDocxRun("") { FootnoteText = inner });
                i = close;
                continue;
            }
            plain.Append(c);
        }
        Flush();
        return runs;
    }

    internal static string Letter(int n) => n is >= 1 and <= 26 ? ((char)('a' + n - 1)).ToString() : "";

    internal static string Roman(int n)
    {
        string[] units = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
        string[] tens = ["", "x", "xx", "xxx"];
        return n is >= 1 and < 40 ? tens[n / 10] + units[n % 10] : "";
    }
}

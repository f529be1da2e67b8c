using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// DOCX as the UN document system serves it: the same graph as the document's text rendering, footnotes attached
/// where their references stand, numbers from Word list numbering, verbs from italic runs, headers and footers unread.
/// </summary>
public sealed class DocxReaderTests
{
    public static TheoryData<string> Seeds => new() { "77", "71" };

    private static string SeedPath(string seed) => seed == "77" ? Repository.Seed77 : Repository.Seed71;

    private static GraphDocument ExtractDocx(byte[] docx, string name = "document.docx") => new DocumentExtractor().Extract(name, docx);

    private static IEnumerable<GraphNode> Paragraphs(GraphDocument document) => document.Nodes.Where(n => n.HasLabel(Labels.Paragraph));

    private static string Describe(GraphNode p) => $"{p.Id} {p.GetString("kind")} {p.GetString("number")} [{p.GetString("verb")}]";

    private static IEnumerable<string> Citations(GraphDocument document) => document.Relationships
        .Where(r => r.Type == RelationshipTypes.Cites && r.Start.Contains('#', StringComparison.Ordinal))
        .Select(r => $"{r.Start} -> {r.End} via {r.Properties["via"]} fn {FootnoteOf(r)}").Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SeedAsDocxGivesTheGraphOfItsText(string seed)
    {
        var text = new DocumentExtractor().ExtractFile(SeedPath(seed));
        var docx = ExtractDocx(UnDocx.FromText(File.ReadAllText(SeedPath(seed)), Path.GetFileName(SeedPath(seed))));

        Assert.Equal(text.DocumentId, docx.DocumentId);
        var own = docx.FindNode(docx.DocumentId)!;
        foreach (var key in new[] { "body", "kind", "title", "adoptionDate" })
            Assert.Equal(text.FindNode(text.DocumentId)!.GetString(key), own.GetString(key));
        Assert.Equal(Paragraphs(text).Select(Describe), Paragraphs(docx).Select(Describe));
        Assert.Equal(Paragraphs(text).Select(p => p.GetString("text")), Paragraphs(docx).Select(p => p.GetString("text")));
        Assert.Equal(Citations(text), Citations(docx));
        Assert.DoesNotContain(docx.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void ARecentResolutionInPageTextGivesTheSameGraphAsDocx()
    {
        var path = Path.Combine(TestData.UnDocuments, "ga-resolutions", "A_RES_79_10.txt");
        var raw = File.ReadAllText(path);
        var text = new DocumentExtractor().ExtractText("A_RES_79_10.txt", raw);
        var docx = ExtractDocx(UnDocx.FromText(raw, "A_RES_79_10.txt"));

        Assert.Equal("A/RES/79/10", docx.DocumentId);
        Assert.Equal(Paragraphs(text).Select(Describe), Paragraphs(docx).Select(Describe));
        Assert.Equal(Citations(text), Citations(docx));
        Assert.Contains(docx.Nodes, n => n.HasLabel(Labels.Footnote));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EachFootnoteOfASeedAttachesToTheParagraphHoldingItsReference(string seed)
    {
        var bytes = UnDocx.FromText(File.ReadAllText(SeedPath(seed)), Path.GetFileName(SeedPath(seed)));
        var document = ExtractDocx(bytes);
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var references = word.MainDocumentPart!.Document!.Body!.Descendants<FootnoteReference>().ToList();
        Assert.NotEmpty(references);
        var cited = 0;
        for (var k = 0; k < references.Count; k++)
        {
            var number = k + 1;
            var holder = references[k].Ancestors<Paragraph>().First().InnerText.Trim();
            var paragraph = Assert.Single(Paragraphs(document), p => p.GetString("text") == holder);
            Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.HasFootnote && r.Start == paragraph.Id && r.End == $"{document.DocumentId}#fn{number}");
            var citations = document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && FootnoteOf(r) == number).ToList();
            // A later paragraph may cite the same document again by description ("the report of the Secretary-General");
            // every document the footnote names is cited from the paragraph that calls it.
            Assert.Equal(citations.Select(c => c.End).ToHashSet(), citations.Where(c => c.Start == paragraph.Id).Select(c => c.End).ToHashSet());
            cited += citations.Count;
        }
        Assert.True(cited > 0, "no citation came through a footnote");
    }

    /// <summary>A resolution as the UN template writes it, with every construct the reader must handle.</summary>
    private static byte[] Resolution() => UnDocx.Write(body => body
        .Masthead("A/RES/79/321", "General Assembly", "12 September 2025")
        .Paragraph("Seventy-ninth session\nAgenda item 14", "HCh")
        .Paragraph("Resolution adopted by the General Assembly on 9 September 2025", "HCh")
        .Paragraph("79/321. Cooperation between the United Nations and the Collective Security Treaty Organization", "H1")
        .Paragraph("*The General Assembly*,")
        .Paragraph("*Recalling* its resolution 71/12 of 21 November 2016,[^See A/RES/71/12 and the report A/71/160.]")
        .Paragraph("*Having considered* the letter of the Permanent Representative,[^S/2022/123.] and the meetings held,")
        .Numbered(0, "*Takes note* of the letter;[^2]")
        .Numbered(0, "*Expresses its deep appreciation* to the Secretary-General for:")
        .Numbered(1, "His report to the Security Council;[^Report contained in S/2023/77.]")
        .Numbered(1, "His briefing;")
        .Table(["Year", "Meetings"], ["2024", "12"])
        .Paragraph("3.\t*Decides* to remain seized of the matter.")
        .Paragraph("108th plenary meeting\n9 September 2025"),
        header: "A/RES/79/321", footer: "25-14321 (E)");

    [Fact]
    public void AResolutionFromTheUnTemplateReadsByItsStructure()
    {
        var document = ExtractDocx(Resolution(), "N2514321.docx");

        Assert.Equal("A/RES/79/321", document.DocumentId);
        Assert.Equal("General Assembly", document.FindNode(document.DocumentId)!.GetString("body"));
        Assert.Equal("resolution", document.FindNode(document.DocumentId)!.GetString("kind"));
        Assert.Equal(
            [
                "A/RES/79/321#pp1 preambular  [Recalling]",
                "A/RES/79/321#pp2 preambular  [Having considered]",
                "A/RES/79/321#op1 operative 1 [Takes note]",
                "A/RES/79/321#op2 operative 2 [Expresses its deep appreciation]",
                "A/RES/79/321#op2.a subparagraph 2(a) [Expresses its deep appreciation]",
                "A/RES/79/321#op2.b subparagraph 2(b) [Expresses its deep appreciation]",
                "A/RES/79/321#op3 operative 3 [Decides]",
            ],
            Paragraphs(document).Select(Describe));
        Assert.DoesNotContain("25-14321", document.Text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(document.Text, "A/RES/79/321"));
        Assert.Contains("Year\n\nMeetings\n\n2024\n\n12", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FootnoteCitationsOfTheTemplateResolutionAttachAtTheirReferences()
    {
        var document = ExtractDocx(Resolution());
        string CiterOf(string cited) => Assert.Single(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.End == cited && r.Start.Contains('#', StringComparison.Ordinal)).Start;

        Assert.Equal("A/RES/79/321#pp1", CiterOf("A/71/160"));
        Assert.Equal("A/RES/79/321#op2.a", CiterOf("S/2023/77"));
        // Footnote 2 is called twice: by its reference and by its number repeated as a superscript.
        var letter = document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.End == "S/2022/123" && r.Start.Contains('#', StringComparison.Ordinal)).Select(r => r.Start).Order(StringComparer.Ordinal);
        Assert.Equal(["A/RES/79/321#op1", "A/RES/79/321#pp2"], letter);
        Assert.Equal([1L, 2L, 3L], document.Nodes.Where(n => n.HasLabel(Labels.Footnote)).Select(n => (long)n.Properties["number"]!));
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.End == "A/RES/71/12" && r.Start == "A/RES/79/321#pp1");
    }

    [Fact]
    public void EverySpanPointsAtTheTextItsFactCameFrom()
    {
        var document = ExtractDocx(Resolution());
        foreach (var paragraph in Paragraphs(document))
        {
            Assert.Equal(document.DocumentId, paragraph.GetString(PropertyNames.Source));
            var source = document.Text[SpanOf(paragraph.Properties)];
            Assert.Contains(paragraph.GetString("text")![..Math.Min(20, paragraph.GetString("text")!.Length)], source.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        foreach (var citation in document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start.Contains('#', StringComparison.Ordinal)))
        {
            var cited = citation.End.Replace("A/RES/", "", StringComparison.Ordinal);
            Assert.Contains(cited, document.Text[SpanOf(citation.Properties)], StringComparison.Ordinal);
        }
    }

    private static long? FootnoteOf(GraphRelationship citation) => citation.Properties.TryGetValue("footnote", out var n) ? n as long? : null;

    private static Range SpanOf(SortedPropertyMap properties) =>
        (int)(long)properties[PropertyNames.SpanStart]!..(int)(long)properties[PropertyNames.SpanEnd]!;

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;

    [Fact]
    public void AFolderWithAPdfAndItsDocxReadsTheDocx()
    {
        var folder = Directory.CreateTempSubdirectory("graph-docx-");
        try
        {
            File.WriteAllBytes(Path.Combine(folder.FullName, "A_RES_79_321.docx"), Resolution());
            File.WriteAllBytes(Path.Combine(folder.FullName, "A_RES_79_321.pdf"), "%PDF-1.7"u8.ToArray());
            File.WriteAllBytes(Path.Combine(folder.FullName, "old.doc"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
            var files = CorpusFiles.Enumerate([folder.FullName], out _);
            Assert.Equal(["A_RES_79_321.docx"], files.Select(Path.GetFileName));
            Assert.Equal("A/RES/79/321", new DocumentExtractor().ExtractFile(files[0]).DocumentId);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "legacy.doc", "legacy", "legacy-doc" },
        { "junk.docx", "junk", "not-docx" },
        { "archive.docx", "zip", "not-docx" },
        { "nobody.docx", "no-body", "docx-no-body" },
        { "cut.docx", "truncated", "not-docx" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void WhatIsNoDocxGivesAClearDiagnostic(string name, string kind, string code)
    {
        var content = kind switch
        {
            "legacy" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]],
            "junk" => System.Text.Encoding.ASCII.GetBytes("\u0001\u0002 this is not a Word document \u0003\u0004\u0005\u0006\u0007"),
            "zip" => Zip(),
            "no-body" => NoBody(),
            _ => Resolution()[..1500],
        };
        var document = new DocumentExtractor().Extract(name, content);
        var error = Assert.Single(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(error.Code == code, $"{name}: expected {code}, got {error}");
        Assert.Empty(document.Nodes);
    }

    private static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            entry.Write("A/RES/71/12 is cited here, but this is a ZIP archive, not a Word document.");
        }
        return stream.ToArray();
    }

    private static byte[] NoBody()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
            word.AddMainDocumentPart().Document = new Document();
        return stream.ToArray();
    }
}

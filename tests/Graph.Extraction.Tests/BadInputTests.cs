using System.Text;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// What researchers will feed the extractor: huge files, other encodings, endless lines, walls of symbols,
/// HTML with scripts, encrypted and image-only PDFs. Each gives either the document, whole, or a clear
/// diagnostic, never an exception and never a memory blow-up.
/// </summary>
public sealed class BadInputTests
{
    private static readonly string Seed = File.ReadAllText(Repository.Seed77);

    [Fact]
    public void A200MegabyteTextFileIsRefusedWithoutBeingRead()
    {
        var directory = Directory.CreateTempSubdirectory("graph-huge-");
        try
        {
            var path = Path.Combine(directory.FullName, "huge.txt");
            var line = Encoding.UTF8.GetBytes("Recalling its resolution 77/13 of 21 November 2022, and requesting a report. \n");
            using (var file = File.Create(path))
            {
                var chunk = new byte[1024 * 1024];
                for (var k = 0; k + line.Length <= chunk.Length; k += line.Length) line.CopyTo(chunk, k);
                for (var i = 0; i < 200; i++) file.Write(chunk);
            }
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var document = new DocumentExtractor().ExtractFile(path);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            var diagnostic = Assert.Single(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal("too-large", diagnostic.Code);
            Assert.Contains("200.0 MB", diagnostic.Message, StringComparison.Ordinal);
            Assert.Empty(document.Nodes);
            Assert.True(allocated < 16 * 1024 * 1024, $"refusing the file allocated {allocated / 1024 / 1024} MB");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("windows-1252")]
    [InlineData("latin1")]
    public void LegacyEightBitTextIsReadAsWindows1252WithoutReplacementCharacters(string encodingName)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Seed.Replace("Collective Security Treaty Organization", "Organisation du Traité de sécurité collective – Côte d’Ivoire", StringComparison.Ordinal);
        if (encodingName == "latin1") text = text.Replace('’', '\'').Replace('–', '-');
        var bytes = Encoding.GetEncoding(encodingName).GetBytes(text);

        var document = new DocumentExtractor().Extract("77-13.txt", bytes);

        Assert.Equal("A/RES/77/13", document.DocumentId);
        Assert.DoesNotContain('\uFFFD', document.Text);
        Assert.Contains("Organisation du Traité de sécurité collective", document.Text, StringComparison.Ordinal);
        Assert.Contains(document.Diagnostics, d => d.Code == "encoding" && d.Message.Contains("Windows-1252", StringComparison.Ordinal));
        Assert.Equal(Paragraphs(Seed), Paragraphs(text));
    }

    [Theory]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-8-bom")]
    public void UnicodeEncodingsGiveTheSameGraphAsUtf8(string form)
    {
        byte[] bytes = form switch
        {
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Seed)],
            "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Seed)],
            "utf-16le" => Encoding.Unicode.GetBytes(Seed),
            _ => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Seed)],
        };
        var extractor = new DocumentExtractor();
        var expected = extractor.Extract("77-13.txt", Encoding.UTF8.GetBytes(Seed));
        var actual = extractor.Extract("77-13.txt", bytes);
        Assert.Equal(expected.DocumentId, actual.DocumentId);
        Assert.Equal(expected.Nodes.Select(n => n.Id).Order(), actual.Nodes.Select(n => n.Id).Order());
        Assert.Equal(expected.Relationships.Count, actual.Relationships.Count);
    }

    [Fact]
    public void ADocumentWithAnEndlessLineIsStillExtracted()
    {
        // Two megabytes without a line break, as a PDF converter that loses line ends writes them.
        var endless = string.Concat(Enumerable.Repeat("and further notes the importance of cooperation with resolution 71/12 ", 30_000));
        var text = Seed.Replace("The General Assembly,", $"The General Assembly,\n\nRecalling {endless},", StringComparison.Ordinal);
        var document = new DocumentExtractor().ExtractText("77-13.txt", text);
        Assert.Equal("A/RES/77/13", document.DocumentId);
        Assert.DoesNotContain(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(document.Nodes, n => n.Properties.GetValueOrDefault("text") is string t && t.Length > 2_000_000);
    }

    [Fact]
    public void ADocumentFullOfSymbolsIsExtractedWithEveryCitation()
    {
        var citations = string.Join(", ", Enumerable.Range(1, 20_000).Select(i => $"A/RES/{40 + i % 40}/{i}"));
        var text = Seed.Replace("The General Assembly,", $"The General Assembly,\n\nRecalling {citations},", StringComparison.Ordinal);
        var document = new DocumentExtractor().ExtractText("77-13.txt", text);
        Assert.Equal("A/RES/77/13", document.DocumentId);
        var cited = document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start == document.DocumentId).Select(r => r.End).ToHashSet();
        Assert.True(cited.Count >= 20_000, $"{cited.Count} documents cited");
    }

    [Fact]
    public void HtmlScriptsStylesAndEventHandlersNeverReachTheText()
    {
        var html = """
            <!DOCTYPE html><html><head><title>A/RES/77/13</title><script>alert('head')</script><style>p{}</style></head>
            <body onload="alert('body')"><p>United Nations A/RES/77/13</p><p>General Assembly</p>
            <p>The General Assembly,</p><p>Recalling its resolution 71/12 of 21 November 2016,<script>fetch('/steal')</script></p>
            <p onclick="alert('p')">1. Requests the Secretary-General to submit a report;</p><img src=x onerror="alert('img')"></body></html>
            """;
        var document = new DocumentExtractor().Extract("77-13.html", Encoding.UTF8.GetBytes(html));
        Assert.Equal("A/RES/77/13", document.DocumentId);
        Assert.DoesNotContain("alert", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("fetch", document.Text, StringComparison.Ordinal);
        Assert.Contains("Requests the Secretary-General", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEncryptedPdfSaysItIsEncrypted()
    {
        var document = new DocumentExtractor().Extract("locked.pdf", Pdf(encrypted: true, text: "United Nations A/RES/77/13"));
        var diagnostic = Assert.Single(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(diagnostic.Code is "pdf-encrypted", $"{diagnostic}");
        Assert.Empty(document.Nodes);
    }

    [Fact]
    public void APdfWithoutATextLayerSaysSo()
    {
        var document = new DocumentExtractor().Extract("scan.pdf", Pdf(encrypted: false, text: null));
        var diagnostic = Assert.Single(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("pdf-no-text", diagnostic.Code);
        Assert.Contains("no text layer", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATextPdfBuiltHereIsRead()
    {
        // The control for the two tests above: the same hand-built PDF with a text layer and no encryption reads.
        var document = new DocumentExtractor().Extract("doc.pdf", Pdf(encrypted: false, text: "United Nations A/RES/77/13"));
        Assert.DoesNotContain(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("A/RES/77/13", document.Text, StringComparison.Ordinal);
    }

    private static List<string> Paragraphs(string text) =>
        [.. new DocumentExtractor().ExtractText("77-13.txt", text).Nodes.Where(n => n.Labels.Contains(Labels.Paragraph)).Select(n => n.Id)];

    /// <summary>A one-page PDF with a correct cross-reference table: with a line of text or none, plain or with an encryption dictionary.</summary>
    private static byte[] Pdf(bool encrypted, string? text)
    {
        var content = text is null ? "0 0 1 rg 0 0 100 100 re f" : $"BT /F1 12 Tf 72 712 Td ({text}) Tj ET";
        List<string> objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        if (encrypted)
            objects.Add("<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> >>");
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R");
        if (encrypted) pdf.Append($" /Encrypt {objects.Count} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");
        pdf.Append($" >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}

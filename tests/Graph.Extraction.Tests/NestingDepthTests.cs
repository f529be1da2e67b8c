using System.Text;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// Input nested deeper than any document, which a reader walking it by recursion would follow until the thread's stack
/// overflowed: an overflow cannot be caught and ends the process, and an upload is read in the server's. Each is read on
/// a pool thread, whose stack (1.5 MB) is the one an upload is read on, smaller than the main thread's.
/// </summary>
public sealed class NestingDepthTests
{
    private static GraphDocument ExtractOnAPoolThread(string name, byte[] content) =>
        Task.Run(() => new DocumentExtractor().Extract(name, content)).GetAwaiter().GetResult();

    [Fact]
    public void AWordDocumentNestingRunsAHundredThousandDeepIsRefusedWithADiagnostic()
    {
        // Two kilobytes compressed: the Open XML SDK overflowed the stack loading it.
        var body = $"<w:p>{string.Concat(Enumerable.Repeat("<w:r>", 100_000))}{string.Concat(Enumerable.Repeat("</w:r>", 100_000))}</w:p>";
        var docx = UnDocx.WithRawBody(body);
        Assert.True(docx.Length < 10_000, $"{docx.Length} bytes");

        var document = ExtractOnAPoolThread("A_RES_99_1.docx", docx);

        var error = Assert.Single(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("docx-too-deep", error.Code);
        Assert.Contains("word/document.xml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TablesNestedInTablesAsDeepAsTheLimitAllowsAreReadToTheInnermostCell()
    {
        // 80 tables, each in a cell of the one around it: 241 levels of elements, within the limit of 256.
        const int tables = 80;
        var open = string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", tables));
        var close = string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", tables));
        var body = Paragraph("Resolution adopted by the General Assembly") + Paragraph("99/1. Nested tables") + Paragraph("The General Assembly,")
            + open + Paragraph("1. Requests the Secretary-General to report on the implementation of resolution 77/13;") + close;

        var document = ExtractOnAPoolThread("A_RES_99_1.docx", UnDocx.WithRawBody(body));

        Assert.Equal("A/RES/99/1", document.DocumentId);
        Assert.DoesNotContain(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var operative = Assert.Single(document.Nodes, n => n.HasLabel(Labels.Paragraph) && n.GetString("kind") == "operative");
        Assert.Equal("Requests", operative.GetString("verb"));
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == operative.Id && r.End == "A/RES/77/13");
    }

    [Fact]
    public void MarkdownWithAHundredThousandNestedEmphasesIsReadToItsWords()
    {
        // Every pair of asterisks is an emphasis inside the one around it.
        var stars = new string('*', 100_000);
        var markdown = $"---\nsymbol: A/RES/99/1\n---\n\nThe General Assembly,\n\n1. Requests {stars}the report of resolution 77/13{stars};\n";

        var document = ExtractOnAPoolThread("A_RES_99_1.md", Encoding.UTF8.GetBytes(markdown));

        Assert.Equal("A/RES/99/1", document.DocumentId);
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.End == "A/RES/77/13");
        Assert.Contains(document.Nodes, n => n.HasLabel(Labels.Paragraph) && (n.GetString("text") ?? "").Contains("the report of resolution 77/13", StringComparison.Ordinal));
    }

    [Fact]
    public void APdfWhosePageTreeIsAChainFiftyThousandDeepIsReadToItsOnePage()
    {
        // Each "Pages" node the only kid of the one before it: PdfPig numbers pages by recursing down the tree as it opens it.
        const int depth = 50_000;
        var objects = new List<string> { "<</Type/Catalog/Pages 2 0 R>>" };
        for (var level = 0; level < depth; level++) objects.Add($"<</Type/Pages/Kids[{3 + level} 0 R]/Count 1>>");
        objects.Add($"<</Type/Page/Parent {1 + depth} 0 R/MediaBox[0 0 612 792]>>");

        var document = ExtractOnAPoolThread("A_RES_99_1.pdf", Pdf(objects));

        // The one page has no text: the reader got to it, and says so.
        var error = Assert.Single(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("pdf-no-text", error.Code);
    }

    /// <summary>A PDF of <paramref name="objects"/> (numbered from 1, the first the catalogue) with its cross-reference table.</summary>
    private static byte[] Pdf(IReadOnlyList<string> objects)
    {
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>(objects.Count);
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj{objects[i]}endobj\n");
        }
        var table = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<</Size {objects.Count + 1}/Root 1 0 R>>\nstartxref\n{table}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Paragraph(string text) => $"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>";
}

using Graph.Cli.Bench;
using Graph.Extraction;
using Graph.Model;

namespace Graph.Cli.Tests;

/// <summary>The PDFs the extraction benchmark reads must be the generated documents, read back through PdfPig.</summary>
public sealed class PdfCorpusTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "graph-pdf-corpus-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public void EachPdfExtractsAsItsTextDoesUnderTheSameSymbolCitingTheSameDocuments()
    {
        var corpus = CorpusGenerator.Generate(30, _root, seed: 5);
        var texts = CorpusGenerator.Files(corpus.Directory).Select(f => (f, File.ReadAllBytes(f))).ToList();
        var pdfs = PdfCorpus.FromTexts(texts, 30);
        Assert.Equal(30, pdfs.Count);
        var extractor = new DocumentExtractor();
        var citedInline = 0;
        for (var i = 0; i < pdfs.Count; i++)
        {
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdfs[i].Content, 0, 5), StringComparison.Ordinal);
            var fromText = extractor.Extract(texts[i].f, texts[i].Item2);
            var fromPdf = extractor.Extract(pdfs[i].Name, pdfs[i].Content);
            Assert.Equal(fromText.DocumentId, fromPdf.DocumentId);
            Assert.DoesNotContain(fromPdf.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            // Inline citations survive the page layout; footnote marks become plain digits, as in most PDF text layers.
            var inline = Cited(fromText, "inline");
            citedInline += inline.Count;
            Assert.Subset(Cited(fromPdf, null), inline);
        }
        Assert.True(citedInline > 30, $"only {citedInline} inline citations in 30 documents: the check above tested little");
    }

    private static HashSet<string> Cited(GraphDocument document, string? via) =>
        document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Properties.ContainsKey("via") && (via is null || Equals(r.Properties["via"], via)))
            .Select(r => r.End).ToHashSet(StringComparer.Ordinal);
}

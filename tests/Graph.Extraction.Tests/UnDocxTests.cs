using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Graph.Testing;

namespace Graph.Extraction.Tests;

/// <summary>The DOCX fixture writer: a seed's footnote blocks become real footnotes, its numbering Word list numbering.</summary>
public sealed class UnDocxTests
{
    [Fact]
    public void SeedTextBecomesADocxWithRealFootnotesAndListNumbering()
    {
        var docx = UnDocx.FromText(File.ReadAllText(Repository.Seed77), "A_RES_77_13.txt");
        if (Environment.GetEnvironmentVariable("UNDOCX_SAVE") is { Length: > 0 } save) File.WriteAllBytes(save, docx);
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = word.MainDocumentPart!;
        var notes = main.FootnotesPart!.Footnotes!.Elements<Footnote>().Where(f => f.Type is null).ToList();
        Assert.Equal(7, notes.Count);
        Assert.Equal(7, main.Document!.Body!.Descendants<FootnoteReference>().Count());
        Assert.Contains("A/77/277-S/2022/606", notes[0].InnerText, StringComparison.Ordinal);
        var numbered = main.Document.Body.Descendants<NumberingProperties>().Count();
        Assert.Equal(9, numbered);
        Assert.DoesNotContain("1. ", main.Document.Body.InnerText, StringComparison.Ordinal);
    }
}

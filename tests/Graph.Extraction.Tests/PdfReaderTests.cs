using Graph.Extraction.Readers;

namespace Graph.Extraction.Tests;

/// <summary>What the PDF reader makes of real UN PDFs' text layers, page by page, before any structure is rebuilt.</summary>
public sealed class PdfReaderTests
{
    private static string Read(string relative)
    {
        var path = Path.Combine(TestData.Corpus, relative);
        var source = PdfReader.Read(path, File.ReadAllBytes(path));
        Assert.Empty(source.Diagnostics);
        return source.Text;
    }

    private static string[] Pages(string text) => text.Split('\f');

    [Fact]
    public void FootnoteMarksAreSuperscriptAtTheirWordAndOpenTheirFootnote()
    {
        var page2 = Pages(Read("ai-un-report/A_80_82.pdf"))[1];
        Assert.Contains("or 692 million people.¹", page2, StringComparison.Ordinal);
        Assert.Contains("rose to 4.1 per cent,³ up from", page2, StringComparison.Ordinal);
        Assert.Contains("\n¹ World Economic Situation and Prospects 2025", page2, StringComparison.Ordinal);
        Assert.Contains("\n³ World Economic Situation and Prospects 2025.", page2, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRunningHeaderAndFooterAreDroppedAndTheMastheadKept()
    {
        var pages = Pages(Read("ai-un-report/A_80_82.pdf"));
        Assert.Contains("A/80/82-E/2025/63", pages[0], StringComparison.Ordinal);
        foreach (var page in pages.Skip(1))
        {
            Assert.DoesNotContain("25-06905", page, StringComparison.Ordinal);
            Assert.False(page.TrimStart().StartsWith("A/80/82", StringComparison.Ordinal), page[..Math.Min(80, page.Length)]);
        }
        Assert.DoesNotContain("*2506905*", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void WordsOfAFontWithOversizedGlyphBoxesStayInTheirLineAndOrder()
    {
        var text = Read("mandate-pipeline/A_RES_78_323.pdf");
        Assert.Contains("Reaffirming the purposes and principles of the Charter of the United Nations,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void OverprintedMastheadLettersAreReadOnce()
    {
        var text = Read("ai-un-report/A_49_624.pdf");
        Assert.StartsWith("UNITED\nNATIONS", text.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("UNITED UNITED", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AParagraphNumberSetApartStandsBeforeItsParagraph()
    {
        var text = Read("ai-un-report/S_2025_259.pdf");
        Assert.Contains("2. Decides to remain actively seized of the matter.", text, StringComparison.Ordinal);
    }
}

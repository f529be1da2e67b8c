using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// Two structure classes on their real texts: a running title left inside a paragraph (printed above an odd page's footer,
/// or broken over more lines than the heading's first three), and the unnumbered "That …" clauses an early Council
/// resolution's "Resolves:" announces, which are its operative paragraphs rather than preambular ones.
/// </summary>
public sealed class RunningTitleAndLeadInTests
{
    private static bool Opens(GraphNode paragraph, string words) => paragraph.GetString("text")!.StartsWith(words, StringComparison.Ordinal);

    [Fact]
    public void ARunningTitleAboveTheFooterOfAnOddPageLeavesTheParagraph()
    {
        // Pages 3 and 5 print "Strengthening cooperation for integrated coastal zone / management for achieving sustainable
        // development" just above "3/7" / "23-25893", with no symbol line beside it; it had cut "… to deposit their" from
        // "instruments of ratification …" and opened a preambular paragraph "Strengthening".
        var paragraphs = Paragraphs(Extract("ga-resolutions", "A_RES_78_159.txt"));
        // Paragraph 17 names the item of the agenda by the same words; no paragraph opens with them or has them inside a sentence.
        Assert.DoesNotContain(paragraphs, p => Opens(p, "Strengthening cooperation"));
        Assert.DoesNotContain(paragraphs, p => p.GetString("text")!.Contains("their Strengthening cooperation", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => Opens(p, "Reaffirming the Paris Agreement") && p.GetString("text")!.Contains("deposit their instruments of ratification", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => Opens(p, "Welcoming also the high-level political forum") && p.GetString("text")!.Contains("oceans and seas, freshwater resources", StringComparison.Ordinal));
    }

    [Fact]
    public void ARunningTitleOfFiveLinesLeavesTheParagraph()
    {
        // The heading's title takes five lines ("78/105. Code of Conduct for Arbitrators … / … / Trade Law"); the running title's
        // last line, "United Nations Commission on International Trade Law", had opened "Also convinced …".
        var paragraphs = Paragraphs(Extract("ga-resolutions", "A_RES_78_105.txt"));
        Assert.Contains(paragraphs, p => Opens(p, "Also convinced that the development of uniform standards") && p.GetString("kind") == "preambular");
        Assert.DoesNotContain(paragraphs, p => p.GetString("text")!.Contains("Trade Law Also convinced", StringComparison.Ordinal));
    }

    [Fact]
    public void ThatClausesAfterResolvesAreOperativeParagraphsWithItsVerb()
    {
        // S/RES/15 (1946): "Whereas …" / "The Security Council / Resolves:" / "That the Security Council under Article 34 …;" …
        var paragraphs = Paragraphs(Extract("sc-resolutions", "S_RES_0015_1946_EN_GOLD.txt"));
        var preambular = paragraphs.Where(p => p.GetString("kind") == "preambular").ToList();
        var operative = paragraphs.Where(p => p.GetString("kind") == "operative").ToList();
        Assert.Single(preambular);
        Assert.True(Opens(preambular[0], "Whereas there have been presented"));
        // Nine clauses; the third ends in a colon the scan put for a semicolon and was set as a heading, which left it out.
        Assert.Equal(9, operative.Count);
        Assert.Contains(operative, p => Opens(p, "That the Commission shall proceed to the area") && p.GetString("text")!.EndsWith("make preliminary reports to the Security Council:", StringComparison.Ordinal));
        Assert.All(operative, p => Assert.Equal("Resolves", p.GetString("verb")));
        Assert.All(operative, p => Assert.True(Opens(p, "That "), p.GetString("text")));
        Assert.Contains(operative, p => Opens(p, "That the Security Council under Article 34 of the Charter"));
    }
}

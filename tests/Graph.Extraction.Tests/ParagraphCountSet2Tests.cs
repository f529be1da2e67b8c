using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// The second hand count of paragraphs and verbs (graph/eval/paragraph-counts-2.json): 30 resolutions drawn with a
/// seed, most of them scanned Security Council texts of 1946-1999, scored as the blind set's structure is scored; and
/// the failure classes it and the search of the whole collection for the same classes found, each on a real document:
/// running titles of more than two lines, the heading of the operative part's first section, a phrase between the
/// adverb and its verb, and paragraph numbers and verbs a scan spoiled.
/// </summary>
public sealed class ParagraphCountSet2Tests(ITestOutputHelper output)
{
    [Fact]
    public void CountsAndVerbsAreTheHandCountedOnes()
    {
        var report = HandCount.Score("paragraph-counts-2.json");
        output.WriteLine($"paragraph-counts-2: counts exact {report.CountsExact}/{report.Resolutions}, verbs {report.VerbsExact}/{report.Resolutions}");
        foreach (var mistake in report.Mistakes) output.WriteLine("  " + mistake);
        Assert.Equal(30, report.Resolutions);
        Assert.True(report.CountsExact == report.Resolutions && report.VerbsExact == report.Resolutions, string.Join("; ", report.Mistakes));
    }

    private static List<GraphNode> Paragraphs(GraphDocument document, string kind) =>
        [.. document.Nodes.Where(n => n.HasLabel(Labels.Paragraph) && n.GetString("kind") == kind)
            .OrderBy(p => p.Properties.TryGetValue("ordinal", out var o) && o is long l ? l : long.MaxValue)];

    private static List<string> Verbs(GraphDocument document) => [.. Paragraphs(document, "operative").Select(p => p.GetString("verb") ?? "")];

    [Fact]
    public void ARunningTitleOfFourLinesIsPageFurnitureAndTheParagraphAfterItStandsAlone()
    {
        // "Sustainable fisheries, including through the 1995 Agreement … / … and related instruments" heads every page in four
        // lines; its last two were left in the text and joined the paragraph ending a page to the one opening the next.
        var document = Extract("ga-resolutions", "A_RES_80_109.txt");
        var preambular = Paragraphs(document, "preambular");
        Assert.Equal(101, preambular.Count);
        Assert.Contains(preambular, p => p.GetString("text")!.StartsWith("Recalling the decision in its resolution 71/124", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Nodes.Where(n => n.HasLabel(Labels.Paragraph)), p => p.GetString("text")!.Contains("and related instruments Re", StringComparison.Ordinal));
    }

    [Fact]
    public void TheFirstSectionHeadingOfTheOperativePartIsNoPreambularParagraph()
    {
        // "I / Achieving sustainable fisheries" stands between the last preambular paragraph and paragraph 1.
        var preambular = Paragraphs(Extract("ga-resolutions", "A_RES_80_109.txt"), "preambular");
        Assert.DoesNotContain(preambular, p => p.GetString("text")!.Contains("Achieving sustainable fisheries", StringComparison.Ordinal));
    }

    [Fact]
    public void ATitleLineEndingInACommaAndATitlePrintedOnceAreFurnitureToo()
    {
        // "Combating intolerance, negative stereotyping, / stigmatization, … / violence against persons, based on religion or belief".
        Assert.DoesNotContain(Paragraphs(Extract("ga-resolutions", "A_RES_78_214.txt"), "preambular"),
            p => p.GetString("text")!.StartsWith("Combating intolerance", StringComparison.Ordinal));
        // A text of two pages shows its running title once, as the heading prints it after "78/15. ": "Noting with appreciation …"
        // after the page break is a paragraph of its own, and the title no part of the one before.
        var preambular = Paragraphs(Extract("ga-resolutions", "A_RES_78_15.txt"), "preambular");
        Assert.Equal(6, preambular.Count);
        Assert.StartsWith("Noting with appreciation the discussions", preambular[4].GetString("text"));
        Assert.DoesNotContain("Prohibition of the development", preambular[3].GetString("text"));
    }

    [Fact]
    public void APhraseBetweenTheAdverbAndItsVerbIsSkipped()
    {
        // "193. Also, in this regard, calls upon regional fisheries management organizations …"
        Assert.Equal("Also calls upon", Verbs(Extract("ga-resolutions", "A_RES_80_109.txt"))[192]);
    }

    [Fact]
    public void ParagraphNumbersTheScanSpoiledAreReadWhereTheNumberingExpectsThem()
    {
        // "ll. Calls once again for unimpeded access" after paragraph 10: paragraph 11, no longer joined to 10.
        var verbs = Verbs(Extract("sc-resolutions", "S_RES_0853_1993_EN_GOLD.txt"));
        Assert.Equal(14, verbs.Count);
        Assert.Equal("Calls once again for", verbs[10]);
        // "L. Strongly condemns the Portuguese authorities" after the preamble: paragraph 1, not a preambular paragraph.
        var senegal = Extract("sc-resolutions", "S_RES_0273_1969_EN_GOLD.txt");
        Assert.Equal(6, Paragraphs(senegal, "preambular").Count);
        Assert.Equal(["Strongly condemns", "Again calls upon", "Declares", "Decides"], Verbs(senegal));
        // "i. Condemns" (1) and "i9. Calls upon" (19); "Z. Demands" (2); "14, Urges, having regard"; "2 Requests"; "6.Calls for".
        Assert.Equal(24, Verbs(Extract("sc-resolutions", "S_RES_0277_1970_EN_GOLD.txt")).Count);
        Assert.Equal("Demands", Verbs(Extract("sc-resolutions", "S_RES_0686_1991_EN_GOLD.txt"))[1]);
        Assert.Equal("Urges", Verbs(Extract("sc-resolutions", "S_RES_0253_1968_EN_GOLD.txt"))[13]);
        Assert.Equal(["Extends once more", "Requests", "Calls upon"], Verbs(Extract("sc-resolutions", "S_RES_0593_1986_EN_GOLD.txt")));
        Assert.Equal("Calls for", Verbs(Extract("sc-resolutions", "S_RES_0871_1993_EN_GOLD.txt"))[5]);
        // A draft's number on a line of its own without a full stop: "25 / Condemns without reservation any denial …".
        Assert.Equal("Condemns", Verbs(Extract("ga-drafts", "A_C.3_80_L.2.txt"))[24]);
    }

    [Fact]
    public void ARomanNumeralAndATitleIsASectionHeadingNotAScannedNumber()
    {
        // "I / Activities of the Office of Internal Oversight Services": paragraph 1 is "Reaffirms …".
        Assert.Equal("Reaffirms", Verbs(Extract("ga-resolutions", "A_RES_78_247.txt"))[0]);
    }

    [Fact]
    public void AVerbTheScanSpoiledIsReadAsPrinted()
    {
        // "5. further fully endorses the appeal" (the capital lost) and "14. Requests. the Ad Hoc Sub-Committee" (a stray full stop).
        Assert.Equal("further fully endorses", Verbs(Extract("sc-resolutions", "S_RES_0407_1977_EN_GOLD.txt"))[4]);
        Assert.Equal("Requests", Verbs(Extract("sc-resolutions", "S_RES_0301_1971_EN_GOLD.txt"))[13]);
    }

    [Fact]
    public void HeadingLinesAScanLeftUnmarkedAreNoPreambularParagraphs()
    {
        // "The Security Council." with a full stop for its comma: before, it and the heading above it were two preambular paragraphs.
        Assert.Equal(2, Paragraphs(Extract("sc-resolutions", "S_RES_0518_1982_EN_GOLD.txt"), "preambular").Count);
        // No organ's line at all: "Resolution 462 (1980)" is the heading, "Having considered …" the first paragraph.
        var preambular = Paragraphs(Extract("sc-resolutions", "S_RES_0462_1980_EN_GOLD.txt"), "preambular");
        Assert.Equal(2, preambular.Count);
        Assert.StartsWith("Having considered", preambular[0].GetString("text"));
    }

    [Fact]
    public void TheLettersAndOrganLinesOfAResolutionInPartsAreNoParagraphs()
    {
        // "A / The Security Council, / … 1. to 5. / B / The Security Council, / Gravely concerned …": 4 and 5 preambular paragraphs.
        var congo = Extract("sc-resolutions", "S_RES_0161_1961_EN_GOLD.txt");
        Assert.Equal(9, Paragraphs(congo, "preambular").Count);
        Assert.Equal(8, Verbs(congo).Count);
        Assert.DoesNotContain(Paragraphs(Extract("sc-resolutions", "S_RES_0674_1990_EN_GOLD.txt"), "preambular"), p => p.GetString("text") == "A");
        // "I / Enterprise resource planning project, Umoja / Recalling section II …": the section's numeral and title.
        Assert.DoesNotContain(Paragraphs(Extract("ga-resolutions", "A_RES_79_258.txt"), "preambular"),
            p => p.GetString("text") is "I" or "Enterprise resource planning project, Umoja");
    }

    [Fact]
    public void AnOnlyOperativeParagraphOpeningWithAnAdverbOrAfterALostCommaIsOperative()
    {
        // "Deeply deplores the holding by Israel of the military parade in Jerusalem …": the resolution's one operative paragraph.
        Assert.Equal(["Deeply deplores"], Verbs(Extract("sc-resolutions", "S_RES_0251_1968_EN_GOLD.txt")));
        Assert.Equal(["Strongly urges"], Verbs(Extract("sc-resolutions", "S_RES_0623_1988_EN_GOLD.txt")));
        // "Having examined the application … for admission to the United Nations" (its comma lost) / "Recommends to the General Assembly …".
        var stVincent = Extract("sc-resolutions", "S_RES_0464_1980_EN_GOLD.txt");
        Assert.Single(Paragraphs(stVincent, "preambular"));
        Assert.Equal(["Recommends"], Verbs(stVincent));
    }

    [Fact]
    public void ANumberedListAParagraphAnnouncesIsThatParagraphs()
    {
        // "11. Approves the following provisional agenda for the Fifteenth Congress …: 1. Opening of the Congress. 2. Organizational
        // matters. … 7. Adoption of the report of the Congress. 12. Decides that …": the agenda's seven items are paragraph 11's.
        var verbs = Verbs(Extract("ga-resolutions", "A_RES_78_223.txt"));
        Assert.Equal(24, verbs.Count);
        Assert.Equal("Approves", verbs[10]);
        Assert.Equal("Decides", verbs[11]);
    }

    [Fact]
    public void AListOfResolutionsCutByAPageBreakGoesOn()
    {
        // "… 1920 (2010) on 30 April 2010, 1979 (2011) on 27 April 2011, [page] 2044 (2012) on 24 April 2012, …": one paragraph.
        Assert.DoesNotContain(Paragraphs(Extract("ga-resolutions", "A_RES_79_98.txt"), "preambular"),
            p => p.GetString("text")!.StartsWith("2044 (2012)", StringComparison.Ordinal));
        // "… 56/1 of 10 July 2024,5 [footnotes, page] 55/20 of 4 April 2024,6 …": the Human Rights Council's resolutions, each cited.
        var document = Extract("ga-drafts", "A_C.3_80_L.32.txt");
        Assert.DoesNotContain(Paragraphs(document, "preambular"), p => p.GetString("text")!.StartsWith("55/20", StringComparison.Ordinal));
        var cited = document.Relationships.Where(r => r.Type == RelationshipTypes.Cites).Select(r => r.End).ToHashSet();
        Assert.Contains("A/HRC/RES/55/20", cited);
    }

    [Fact]
    public void AnOldStyleFootnoteMarkEndsAParagraph()
    {
        // "… addressed to the President of the Security Council, 3/ / [blank] / Considering that the establishment of a ban …":
        // the mark "3/" ends the paragraph, and "Considering" opens the next.
        var preambular = Paragraphs(Extract("sc-resolutions", "S_RES_0781_1992_EN_GOLD.txt"), "preambular");
        Assert.Equal(9, preambular.Count);
        Assert.Contains(preambular, p => p.GetString("text")!.StartsWith("Considering that the establishment of a ban", StringComparison.Ordinal));
    }

    [Fact]
    public void AParagraphCutByAPageBreakBeforeADateGoesOn()
    {
        // "… 67/178 of [page] 20 December 2012, 68/169 of 18 December 2013, …": the date opens no paragraph of its own.
        var preambular = Paragraphs(Extract("ga-resolutions", "A_RES_79_180.txt"), "preambular");
        Assert.DoesNotContain(preambular, p => p.GetString("text")!.StartsWith("20 December 2012", StringComparison.Ordinal));
        // Nor is its three-line running title ("Combating intolerance, negative stereotyping, …") one: 27 paragraphs.
        Assert.DoesNotContain(preambular, p => p.GetString("text")!.StartsWith("Combating intolerance", StringComparison.Ordinal));
        Assert.Equal(27, preambular.Count);
    }
}

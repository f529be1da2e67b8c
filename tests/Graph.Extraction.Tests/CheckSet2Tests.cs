using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// Failure classes the second check set (graph/eval/check2-gold.json) found, each on the real document of the reference
/// collection that showed it: lists of lettered resolutions, a list cut by a page break, a footnote that opens with a
/// year, volumes and parts of a conference's documents, summary records, a footnote mark glued to a resolution number,
/// scan errors in a symbol and in a paragraph number, "Calls for"/"Calls on", and a budget's lead-in and tables.
/// </summary>
public sealed class CheckSet2Tests
{
    private static int Preambular(GraphDocument document) => Paragraphs(document).Count(p => p.GetString("kind") == "preambular");

    [Fact]
    public void EachPartOfALetteredResolutionIsCitedAndTheListRunsOn()
    {
        // "72/90 A and B of 7 December 2017, 72/161 of …, 73/102 A and B of …, 78/80 A and B of 7 December 2023 and 78/245 …",
        // a list that also runs over a page break after "76/237 of 24 December 2021,".
        var cited = Cited(Extract("ga-resolutions", "A_RES_78_330.txt"));
        foreach (var symbol in (string[])["A/RES/72/90 A", "A/RES/72/90 B", "A/RES/72/161", "A/RES/73/102 B", "A/RES/76/84 B", "A/RES/77/128 B", "A/RES/78/80 A", "A/RES/78/245"])
            Assert.Contains(symbol, cited);
        Assert.DoesNotContain("A/RES/72/90", cited);
    }

    [Fact]
    public void AListCutByAPageBreakStaysOneParagraph()
    {
        // The page break falls after "76/237 of 24 December 2021,"; "76/268 of 10 June 2022, …" on the next page is the same paragraph.
        var document = Extract("ga-resolutions", "A_RES_78_330.txt");
        Assert.Equal(17, Preambular(document));
        Assert.Equal(92, OperativeVerbs(document).Count);
    }

    [Fact]
    public void AFootnoteThatOpensWithAYearStaysInTheFootnotes()
    {
        // "4 2010 Review Conference of the Parties …": read as body text, it ended the footnote block, and footnotes 5 to 9 became paragraphs.
        var document = Extract("ga-resolutions", "A_RES_80_31.txt");
        Assert.Equal(16, Preambular(document));
        Assert.Equal(10, OperativeVerbs(document).Count);
        var cited = Cited(document);
        Assert.Contains("A/50/426", cited); // footnote 8, which came after footnote 4
        // "(NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50 (Vol. II) and NPT/CONF.2010/50 (Vol. III))": each volume is a document.
        Assert.Contains("NPT/CONF.2010/50 (Vol. I)", cited);
        Assert.Contains("NPT/CONF.2010/50 (Vol. III)", cited);
        // "(NPT/CONF.1995/32 (Part I) and NPT/CONF.1995/32 (Part I)/Corr.2)": a part and its corrigendum.
        Assert.Contains("NPT/CONF.1995/32 (Part I)", cited);
        Assert.Contains("NPT/CONF.1995/32 (Part I)/Corr.2", cited);
        Assert.DoesNotContain("NPT/CONF.2010/50", cited);
    }

    [Fact]
    public void APartOfAnAssemblyConferenceReportIsCitedAsTheReport()
    {
        // "(A/CONF.157/24 (Part I), chap. III)": the gold sets count the Vienna Declaration's report as a whole.
        var cited = Cited(Extract("ga-resolutions", "A_RES_78_288.txt"));
        Assert.Contains("A/CONF.157/24", cited);
        Assert.DoesNotContain("A/CONF.157/24 (Part I)", cited);
    }

    [Fact]
    public void SummaryRecordsMistypedOrRunTogetherAreRead()
    {
        // "A/C.6/64/SR.1–28/Corrigendum" and "A/C.6/79.SR.37, A/C.6/79.SR.38" in a footnote listing the Sixth Committee's records.
        var cited = Cited(Extract("ga-drafts", "A_C.6_80_L.12.txt"));
        Assert.Contains("A/C.6/64/SR.1-28/Corrigendum", cited);
        Assert.DoesNotContain("A/C.6/64/SR.1", cited);
        Assert.Contains("A/C.6/79/SR.37", cited);
        Assert.Contains("A/C.6/79/SR.38", cited);
        Assert.Contains("A/C.6/80/SR.24", cited);
    }

    [Fact]
    public void AFootnoteMarkGluedToAResolutionNumberIsAMark()
    {
        // "pursuant to its resolution 59/3009 and the reports": resolution 59/300 and the mark of footnote 9 (A/60/980).
        var cited = Cited(Extract("ga-drafts", "A_C.6_80_L.23.txt"));
        Assert.Contains("A/RES/59/300", cited);
        Assert.DoesNotContain("A/RES/59/3009", cited);
        Assert.Contains("A/60/980", cited);
    }

    [Fact]
    public void AScannedYInARevisionIsAV()
    {
        // Footnote 40: "document S/12344/Rey.1, annex V."
        var cited = Cited(Extract("sc-resolutions", "S_RES_0411_1977_EN_GOLD.txt"));
        Assert.Contains("S/12344/Rev.1", cited);
        Assert.DoesNotContain("S/12344/Rey.1", cited);
    }

    [Fact]
    public void AScannedCommaAfterAParagraphNumberStillNumbersIt()
    {
        // "7, Again calls for an end in southern Lebanon …"
        var verbs = OperativeVerbs(Extract("sc-resolutions", "S_RES_0587_1986_EN_GOLD.txt"));
        Assert.Equal(9, verbs.Count);
        Assert.Equal("Again calls for", verbs[6]);
    }

    [Fact]
    public void ScannedCommasNumberParagraphsInOtherCouncilTextsToo()
    {
        // The same scan error elsewhere: "1, Determines that the present situation in Southern Rhodesia …" and
        // "3, Extends once more the stationing in Cyprus …".
        var verbs = OperativeVerbs(Extract("sc-resolutions", "S_RES_0232_1966_EN_GOLD.txt"));
        Assert.Equal("Determines", verbs[0]);
        Assert.Contains("Extends once more", OperativeVerbs(Extract("sc-resolutions", "S_RES_0305_1971_EN_GOLD.txt")));
    }

    [Fact]
    public void CallsForAndCallsOnKeepTheirPreposition()
    {
        Assert.Equal("Calls on", OperativeVerbs(Extract("sc-resolutions", "S_RES_0509_1982_EN_GOLD.txt"))[2]);
        Assert.Equal("Calls for", OperativeVerbs(Extract("ga-resolutions", "A_RES_79_319.txt"))[27]);
    }

    [Fact]
    public void ABudgetsParagraphsCompleteItsLeadInAndItsTablesAreNoParagraphs()
    {
        // Parts A, B and C each open "The General Assembly / Resolves that, for 2026:" and number their paragraphs 1 to 3 or 4;
        // part B's income table numbers its rows "1. Income from staff assessment 278 735 200".
        var verbs = OperativeVerbs(Extract("ga-drafts", "A_C.5_80_L.6.txt"));
        Assert.Equal(10, verbs.Count);
        Assert.All(verbs, v => Assert.Equal("Resolves", v));
    }

    [Fact]
    public void TheSecondCheckSetIsScoredApartWithEveryDocumentFound()
    {
        var report = CheckSetScore.Of("check2-gold.json");
        // Tuned on, so an upper bound: it must not fall below what the fixes it was used for reached.
        Assert.True(report.Recall >= 0.99 && report.Precision >= 0.99 && report.CountsShare >= 0.95 && report.VerbsShare >= 0.95,
            $"check set 2: precision {report.Precision:P1}, recall {report.Recall:P1}, counts {report.CountsShare:P1}, verbs {report.VerbsShare:P1}: {string.Join("; ", report.Mistakes)}");
    }
}

using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// Failure classes the fourth check set (graph/eval/check4-gold.json) found, each on the real documents of the reference
/// collection that show it: a number not yet given ("A/80/___") read as the session's symbol "A/80"; an operative paragraph
/// that opens with a phrase before its verb ("Alarmed by …, calls upon"); "Calls once more upon" cut to "Calls once more".
/// </summary>
public sealed class CheckSet4Tests
{
    private static string VerbOf(GraphDocument document, string paragraph) =>
        Assert.Single(Paragraphs(document), p => p.Id == $"{document.DocumentId}#{paragraph}").GetString("verb") ?? "";

    [Fact]
    public void ADocumentWhoseNumberIsNotYetGivenIsNoCitation()
    {
        // "Report of the Secretary-General (A/80/__)", "A/C.5/80/___ Report of the Secretary-General on the contingency fund",
        // "1 A/80/___.": the session's prefix, "A/80", is no document; the numbered ones beside them stay cited.
        var organization = Cited(Extract("ga-drafts", "A_C.6_80_L.1.txt"));
        Assert.DoesNotContain("A/80", organization);
        Assert.Contains("A/80/10", organization);
        Assert.Contains("A/C.6/80/1", organization);
        // The Fifth Committee's programme of work (A/C.5/80/L.1): UnseenFormTests.ABlankNumberOrAnotherOrganisationsSeriesIsNoCitation.
        Assert.DoesNotContain("A/80", Cited(Extract("ga-drafts", "A_80_L.3.txt")));
    }

    [Fact]
    public void AnOperativeParagraphThatOpensWithAPhraseTakesTheVerbAfterIt()
    {
        // "2. Alarmed by the sharp reductions in funding …, calls upon the international community", the draft and the
        // resolution adopted from it; "2. Pending the total elimination of nuclear weapons, urges …"; "10. Acting under
        // Chapter VII of the Charter of the United Nations, authorizes …".
        Assert.Equal("Calls upon", VerbOf(Extract("ga-drafts", "A_C.3_80_L.23.txt"), "op2"));
        Assert.Equal("Calls upon", VerbOf(Extract("ga-resolutions", "A_RES_80_187.txt"), "op2"));
        Assert.Equal("Urges", VerbOf(Extract("ga-resolutions", "A_RES_80_23.txt"), "op2"));
        var somalia = Extract("sc-resolutions", "S_RES_0794_1992_EN_GOLD.txt");
        Assert.Equal("Authorizes", VerbOf(somalia, "op10"));
        Assert.Equal("Calls upon", VerbOf(somalia, "op16"));
        // An adverb set off by commas keeps its verb ("Also, in this regard, calls upon"), and a lead-in before lettered
        // clauses keeps its opening ("Acting under Chapter VII of the Charter of the United Nations:").
        Assert.Equal("Also calls upon", VerbOf(Extract("ga-resolutions", "A_RES_79_145.txt"), "op188"));
        Assert.Equal("Acting", VerbOf(Extract("sc-resolutions", "S_RES_0724_1991_EN_GOLD.txt"), "op5"));
    }

    [Fact]
    public void CallsOnceMoreUponKeepsItsPreposition()
    {
        Assert.Equal("Calls once more upon", OperativeVerbs(Extract("sc-resolutions", "S_RES_0367_1975_EN_GOLD.txt"))[0]);
        Assert.Equal("Urgently calls once more upon", VerbOf(Extract("sc-resolutions", "S_RES_0267_1969_EN_GOLD.txt"), "op5"));
        Assert.Equal("Calls once more upon", VerbOf(Extract("sc-resolutions", "S_RES_0446_1979_EN_GOLD.txt"), "op3"));
    }

    [Fact]
    public void TheFourthCheckSetIsScoredApartWithEveryDocumentFound()
    {
        var report = CheckSetScore.Of("check4-gold.json");
        // Tuned on after its first measure, so an upper bound: it must not fall below what the fixes reached (the one verb
        // left: S/RES/367 (1975)'s "6. Request", whose "s" the scan lost after a paragraph that ends in a colon the scan put
        // for a semicolon, takes that paragraph's "Considers").
        Assert.True(report.Precision >= 1.0 && report.Recall >= 1.0 && report.IdentityCorrect == report.Documents
            && report.CountsShare >= 1.0 && report.VerbsShare >= 28.0 / 29,
            $"check set 4: precision {report.Precision:P1}, recall {report.Recall:P1}, identity {report.IdentityCorrect}/{report.Documents}, counts {report.CountsShare:P1}, verbs {report.VerbsShare:P1}: {string.Join("; ", report.Mistakes)}");
    }
}

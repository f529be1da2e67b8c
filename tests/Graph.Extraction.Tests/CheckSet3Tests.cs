using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// Failure classes the third check set (graph/eval/check3-gold.json) found, each on the real document of the reference
/// collection that showed it: a corrigendum or addendum set apart from its number, decisions numbered in Roman numerals
/// read as symbols, documents of organizations outside the UN's document system, "Looks forward", an adoption date below a
/// blank line, lettered items in a preamble, the heading of a resolution's first section, and a two-page resolution's
/// running title; and classes the gold-free measures then showed in other documents (running titles too short to count or
/// broken over lines, "Further decides:").
/// </summary>
public sealed class CheckSet3Tests
{
    private static List<GraphNode> Preambular(GraphDocument document) => [.. Paragraphs(document).Where(p => p.GetString("kind") == "preambular")];

    [Fact]
    public void ACorrigendumSetApartFromItsNumberIsCited()
    {
        // "Ibid., document S/2783 and Corr. 1." and, in another Council text, "document S/19823 and Corr. 1".
        var cited = Cited(Extract("sc-resolutions", "S_RES_0098_1952_EN_GOLD.txt"));
        Assert.Contains("S/2783/Corr.1", cited);
        Assert.Contains("S/2611/Corr.1", cited);
        Assert.Contains("S/19823/Corr.1", Cited(Extract("sc-resolutions", "S_RES_0612_1988_EN_GOLD.txt")));
    }

    [Fact]
    public void DecisionsNumberedInRomanNumeralsAreNoSymbols()
    {
        // "decision IX/16 C", "decision X/29" (the Conference of the Parties to the Convention on Biological Diversity),
        // "A/51/312, annex II, decision II/10", and "document STCMLC/Part I/2021/2", whose "I/2021/2" was read as a symbol.
        var cited = Cited(Extract("ga-resolutions", "A_RES_78_69.txt"));
        foreach (var wrong in (string[])["IX/16", "X/29", "II/10", "VII/5", "XIII/11", "IX/20", "I/2021/2"]) Assert.DoesNotContain(wrong, cited);
        Assert.Contains("A/51/312", cited);
        Assert.Contains("UNEP/CBD/COP/9/29", cited);
    }

    [Fact]
    public void DocumentsOfOrganizationsOutsideTheUnAreNotCited()
    {
        // "International Maritime Organization, document LEG/CONF.15/21", "Intergovernmental Oceanographic Commission, document
        // IOC/A-32/Decisions", "See ISBA/28/A/15" (the International Seabed Authority's); the documents of bodies the UN
        // services stay cited: "SPLOS/33/10", "CLCS/40/Rev.1", "United Nations Environment Programme, document UNEP/CBD/COP/9/29".
        var cited = Cited(Extract("ga-resolutions", "A_RES_78_69.txt"));
        foreach (var outside in (string[])["LEG/CONF.15/21", "SOLAS/CONF.5/32", "BWM/CONF/36", "IOC/A-32/Decisions", "IOC/EC-55/Decisions", "ISBA/28/A/15", "ISBA/26/A/19"])
            Assert.DoesNotContain(outside, cited);
        foreach (var un in (string[])["SPLOS/33/10", "SPLOS/276", "CLCS/40/Rev.1", "CLCS/11/Add.1/Corr.1", "UNEP/CBD/COP/9/29", "UNCTAD/RMT/2022", "S/PRST/2016/4"])
            Assert.Contains(un, cited);
    }

    [Fact]
    public void LooksForwardKeepsItsAdverb()
    {
        Assert.Equal("Looks forward", OperativeVerbs(Extract("ga-drafts", "A_C.2_80_L.55.txt"))[31]);
        Assert.Equal("Looks forward", OperativeVerbs(Extract("sc-resolutions", "S_RES_0782_1992_EN_GOLD.txt"))[1]);
    }

    [Fact]
    public void AnAdoptionDateBelowABlankLineIsRead()
    {
        // "Resolution 556 (1984)", a blank line, "of 23 October 1984".
        var document = Extract("sc-resolutions", "S_RES_0556_1984_EN_GOLD.txt");
        Assert.Equal("1984-10-23", document.FindNode(document.DocumentId)?.GetString("adoptionDate"));
    }

    [Fact]
    public void LetteredItemsInAPreambleCompleteItsParagraph()
    {
        // "Recalling the endorsement by the Committee on World Food Security of: (a) The Voluntary Guidelines …, (b) …, (e) …,"
        var preambular = Preambular(Extract("ga-resolutions", "A_RES_80_210.txt"));
        Assert.Equal(53, preambular.Count);
        var endorsement = Assert.Single(preambular, p => (p.GetString("text") ?? "").StartsWith("Recalling the endorsement by the Committee", StringComparison.Ordinal));
        Assert.Contains("Policy Recommendations on Reducing Inequalities", endorsement.GetString("text"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheHeadingOfTheFirstSectionIsNoPreambularParagraph()
    {
        // "I / Implementation of the Convention and related agreements and instruments" stands between the preamble and paragraph 1.
        var document = Extract("ga-resolutions", "A_RES_78_69.txt");
        Assert.Equal(38, Preambular(document).Count);
        Assert.Equal(376, OperativeVerbs(document).Count);
    }

    [Fact]
    public void ATwoPageResolutionsRunningTitleIsPageFurniture()
    {
        // Page 2 opens "A/RES/78/55 / Convention on the Prohibition of the Use of Nuclear Weapons": the title printed once as the
        // running title joined the preambular paragraph before it to the one after.
        var preambular = Preambular(Extract("ga-resolutions", "A_RES_78_55.txt"));
        Assert.Equal(9, preambular.Count);
        Assert.StartsWith("Reaffirming that any use of nuclear weapons", preambular[5].GetString("text"), StringComparison.Ordinal);
        Assert.DoesNotContain("Convention on the Prohibition", preambular[4].GetString("text"), StringComparison.Ordinal);
    }

    [Fact]
    public void ARunningTitleTooShortToCountOrBrokenOverTwoLinesIsPageFurniture()
    {
        // "Commodities" (78/138) heads each page; 78/218's title runs "Situation of human rights in the Democratic People’s
        // Republic / of Korea", and its "of Korea" cut "… the necessity for the Democratic [page] People’s Republic of Korea to
        // respect …" into a preambular paragraph and an operative one whose verb was "People’s".
        var commodities = Extract("ga-resolutions", "A_RES_78_138.txt");
        Assert.DoesNotContain(Paragraphs(commodities), p => (p.GetString("text") ?? "").StartsWith("Commodities", StringComparison.Ordinal));
        var korea = Extract("ga-resolutions", "A_RES_78_218.txt");
        Assert.StartsWith("Condemns", OperativeVerbs(korea)[0], StringComparison.Ordinal);
        Assert.Contains(Preambular(korea), p => (p.GetString("text") ?? "").Contains("the necessity for the Democratic People’s Republic of Korea to respect", StringComparison.Ordinal));
    }

    [Fact]
    public void ARunningTitleOfThreeLinesIsPageFurniture()
    {
        // "Implementation of the Convention on the Prohibition of the Use, / Stockpiling, Production and Transfer of Anti-Personnel
        // Mines and / on Their Destruction": the third line, beyond the header's reach, opened an operative paragraph "Mines …".
        var document = Extract("ga-resolutions", "A_RES_78_45.txt");
        Assert.DoesNotContain(Paragraphs(document), p => (p.GetString("text") ?? "").StartsWith("Mines and on Their Destruction", StringComparison.Ordinal));
        Assert.StartsWith("Invites", OperativeVerbs(document)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TheDraftACommitteeDraftWasMadeFromIsCitedFromItsHeading()
    {
        // "Draft resolution submitted by the Vice-Chair of the Committee, Andrés Napurí Pita (Peru), on the basis of informal
        // consultations on draft resolution A/C.2/80/L.14": the document's citation, with the heading's span, no paragraph's.
        var document = Extract("ga-drafts", "A_C.2_80_L.55.txt");
        var cites = Assert.Single(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.End == "A/C.2/80/L.14");
        Assert.Equal(document.DocumentId, cites.Start);
        Assert.Equal("heading", cites.Properties["via"]);
        // The same heading in another of the Second Committee's drafts ("(Poland), on the basis of informal consultations on draft
        // resolution A/C.2/80/L.21").
        Assert.Contains("A/C.2/80/L.21", Cited(Extract("ga-drafts", "A_C.2_80_L.44.txt")));
    }

    [Fact]
    public void AnAdverbAndVerbBeforeAColonKeepTheVerb()
    {
        // "3. Further decides:" before lettered clauses (a)–(d): the operative verb was "Further".
        Assert.Equal("Further decides", OperativeVerbs(Extract("ga-resolutions", "A_RES_78_271.txt"))[2]);
    }

    [Fact]
    public void TheThirdCheckSetIsScoredApartWithEveryDocumentFound()
    {
        var report = CheckSetScore.Of("check3-gold.json");
        // Tuned on, so an upper bound: it must not fall below what the fixes it was used for reached.
        Assert.True(report.Recall >= 0.99 && report.Precision >= 0.99 && report.CountsShare >= 0.95 && report.VerbsShare >= 0.95,
            $"check set 3: precision {report.Precision:P1}, recall {report.Recall:P1}, counts {report.CountsShare:P1}, verbs {report.VerbsShare:P1}: {string.Join("; ", report.Mistakes)}");
    }
}

using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// Failure classes the fifth check set (graph/eval/check5-gold.json, paragraph counts and verbs) found, each on the real
/// documents of the reference collection that show it: "Whereas" clauses above the organ's line set in lines as long as
/// their paragraphs, read as the masthead; "Calls" as a scan spoiled it ("Calis on"), which lost its preposition; and the
/// classes the search for them over the collection found beside them: a verb whose letters the layout spaced apart, "Looking
/// forward" cut to "Looking", and the Fifth Committee's section titles read as paragraphs.
/// </summary>
public sealed class CheckSet5Tests
{
    private static GraphNode Paragraph(GraphDocument document, string paragraph) =>
        Assert.Single(Paragraphs(document), p => p.Id == $"{document.DocumentId}#{paragraph}");

    private static List<GraphNode> OfKind(GraphDocument document, string kind) =>
        [.. Paragraphs(document).Where(p => p.GetString("kind") == kind)];

    [Fact]
    public void WhereasClausesAboveTheOrgansLineAreThePreambleHoweverLongTheirLines()
    {
        // Resolution 7 (1946): "Whereas the Security Council on 29 April 1946 appointed a Sub-Committee to investigate the
        // situation" / "in Spain, and", "Whereas the investigation … [resolution 4 (1946)],", "The Security Council", "Decides …":
        // a text set in lines as long as its paragraphs has clauses as short as a masthead's lines.
        var spain = Extract("sc-resolutions", "S_RES_0007_1946_EN_GOLD.txt");
        Assert.Equal(["Whereas", "Whereas"], OfKind(spain, "preambular").Select(p => p.GetString("verb")));
        Assert.StartsWith("Whereas the investigation of the Sub-Committee", OfKind(spain, "preambular")[1].GetString("text"), StringComparison.Ordinal);
        Assert.Equal(["Decides"], OperativeVerbs(spain));
        // Texts wrapped in short lines kept their preambles: resolutions 30 (1947) and 58 (1948), three "Whereas" clauses each.
        Assert.Equal(3, OfKind(Extract("sc-resolutions", "S_RES_0030_1947_EN_GOLD.txt"), "preambular").Count);
        Assert.Equal(3, OfKind(Extract("sc-resolutions", "S_RES_0058_1948_EN_GOLD.txt"), "preambular").Count);
    }

    [Fact]
    public void CallsAsAScanSpoiledItKeepsItsPreposition()
    {
        // "7. Calis on the Government of South Africa, parties and organizations, …" (resolution 772 (1992)): the verb as printed.
        var southAfrica = Extract("sc-resolutions", "S_RES_0772_1992_EN_GOLD.txt");
        Assert.Equal("Calis on", Paragraph(southAfrica, "op7").GetString("verb"));
        Assert.Equal("Calls upon", Paragraph(southAfrica, "op3").GetString("verb"));
    }

    [Fact]
    public void AVerbWhoseLettersTheLayoutSpacedApartIsOneWord()
    {
        // "45. I n v i t e s relevant special procedure mandate holders of the Human Rights Council, …" (resolution 79/172).
        var justice = Extract("ga-resolutions", "A_RES_79_172.txt");
        Assert.Equal("Invites", Paragraph(justice, "op45").GetString("verb"));
        Assert.StartsWith("I n v i t e s relevant", Paragraph(justice, "op45").GetString("text"), StringComparison.Ordinal);
    }

    [Fact]
    public void LookingForwardKeepsItsAdverbAsLooksForwardDoes()
    {
        // "14. Looking forward to the third United Nations Conference on Landlocked Developing Countries …" (resolution 79/236),
        // and the preambular "Looking forward to …" of the same kind; "Looks forward to" is read alike, "Referring to" keeps "to".
        Assert.Equal("Looking forward", Paragraph(Extract("ga-resolutions", "A_RES_79_236.txt"), "op14").GetString("verb"));
        var forward = Paragraphs(Extract("ga-resolutions", "A_RES_80_118.txt"));
        Assert.Contains(forward, p => p.GetString("verb") == "Looks forward");
        var preambular = Paragraphs(Extract("ga-drafts", "A_C.2_80_L.36.txt"))
            .Concat(Paragraphs(Extract("ga-resolutions", "A_RES_78_145.txt")))
            .Where(p => p.GetString("kind") == "preambular" && p.GetString("text")!.StartsWith("Looking forward to", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(preambular);
        Assert.All(preambular, p => Assert.Equal("Looking forward", p.GetString("verb")));
    }

    [Fact]
    public void TheFifthCommitteesSectionTitlesAreNoParagraphs()
    {
        // "I / Activities of the Office of Internal Oversight Services Recalling its resolutions 48/218 B …,": the title, run into
        // the section's first paragraph, opens with a plural noun that reads as a verb; the paragraph is preambular.
        var oversight = Extract("ga-drafts", "A_C.5_80_L.18.txt");
        Assert.Equal(["Recalling", "Having considered", "Recalling", "Having considered"], OfKind(oversight, "preambular").Select(p => p.GetString("verb")));
        Assert.Equal(26, OfKind(oversight, "operative").Count);
        // The omnibus texts on special subjects of the budget: titles of up to three lines run into the paragraph after them
        // ("Conditions of service and compensation for officials other than Secretariat officials: members of the International
        // Court of Justice and … Tribunals Recalling its resolutions …", "VIII Seismic mitigation retrofit …", "Effects of changes in
        // rates of exchange and inflation Having considered …,¹⁶"), or stand alone under their numeral ("XVII / Estimates in respect
        // of special political missions … and/or the Security Council"): no title opens a paragraph or ends one.
        string[] titles = ["Conditions", "Estimates", "Effects", "Seismic", "Addressing", "Activities", "Programme", "Strategic"];
        foreach (var (folder, file) in (ReadOnlySpan<(string, string)>)[("ga-drafts", "A_C.5_80_L.5.txt"), ("ga-resolutions", "A_RES_80_243.txt"), ("ga-resolutions", "A_RES_79_258.txt")])
        {
            var paragraphs = Paragraphs(Extract(folder, file)).Where(p => p.GetString("kind") is "preambular" or "operative").ToList();
            Assert.DoesNotContain(paragraphs, p => titles.Contains(p.GetString("verb")) || p.GetString("verb") is null);
            Assert.DoesNotContain(paragraphs, p => p.GetString("text")!.EndsWith("at the United Nations Office at Nairobi", StringComparison.Ordinal)
                || p.GetString("text")!.EndsWith("Chief Executives Board for Coordination", StringComparison.Ordinal));
        }
        // Its 33 preambular paragraphs, one "Recalling its resolution 79/258 A;" under a title, which ends as no preambular
        // paragraph does; 174 numbered operative paragraphs and seven unnumbered ones, one to a section (XVIII to XXIV).
        var budget = Extract("ga-drafts", "A_C.5_80_L.5.txt");
        Assert.Equal(33, OfKind(budget, "preambular").Count);
        Assert.Contains(OfKind(budget, "preambular"), p => p.GetString("text") == "Recalling its resolution 79/258 A;");
        Assert.Equal(181, OfKind(budget, "operative").Count);
        // A title after the operative part of another kind of text is no part of the paragraph before it: "… Independent Eminent
        // Experts in a timely fashion;" / "V" / "Trust fund for the Programme for the Decade for Action to Combat Racism and Racial
        // Discrimination" (resolution 78/234).
        Assert.EndsWith("in a timely fashion;", Paragraph(Extract("ga-resolutions", "A_RES_78_234.txt"), "op35").GetString("text"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheFifthCheckSetIsScoredApartWithEveryDocumentFound()
    {
        // Two draft decisions of the 40 have no counts; the figures are the fixes' (first measure: 37 of 38 each).
        HandCount.AssertAllRight("check5-gold.json", resolutions: 38);
    }
}

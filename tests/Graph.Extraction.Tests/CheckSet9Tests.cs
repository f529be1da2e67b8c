using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// The ninth check set (graph/eval/check9-gold.json, paragraph counts and verbs of long Assembly resolutions, drafts and
/// Council resolutions): its first measure on the unseen texts found no mistake, so the tests hold that figure and the
/// forms of the set that could have broken it: a paragraph the layout set one word a line, a preambular paragraph that runs
/// on over a page whose first line opens with a capital (once just after a running title that ends in the same words), and
/// amendments, which must not be read as resolutions.
/// </summary>
public sealed class CheckSet9Tests
{
    private static List<GraphNode> OfKind(GraphDocument document, string kind) =>
        [.. Paragraphs(document).Where(p => p.GetString("kind") == kind)];

    [Fact]
    public void TheNinthCheckSetIsScoredApartWithEveryDocumentFound()
    {
        // 28 of the 30 have counts (two amendments have none); the first measure, before any change: 28 of 28 each.
        HandCount.AssertAllRight("check9-gold.json", resolutions: 28);
    }

    [Fact]
    public void AParagraphSetOneWordALineIsOneParagraph()
    {
        // A/RES/78/263 prints "Renewing" / "its" / "unwavering" / "commitment" / "to" / "strengthening" / "international" /
        // "cooperation to prevent and combat terrorism …", one word a line, as justified text whose line held few words.
        var africa = Extract("ga-resolutions", "A_RES_78_263.txt");
        var renewing = Assert.Single(OfKind(africa, "preambular"), p => p.GetString("verb") == "Renewing");
        Assert.StartsWith("Renewing its unwavering commitment to strengthening international cooperation to prevent and combat terrorism", renewing.GetString("text"), StringComparison.Ordinal);
        Assert.Equal(17, OfKind(africa, "preambular").Count);
        // A/C.5/80/L.9's third operative paragraph: "General Assembly" / "in" / "reviewing" / "and" / "taking" / "action" / "on" ….
        var planning = Extract("ga-drafts", "A_C.5_80_L.9.txt");
        var third = OfKind(planning, "operative")[2];
        Assert.Equal("Re-emphasizes", third.GetString("verb"));
        Assert.Contains("of the General Assembly in reviewing and taking action on the appropriate recommendations", third.GetString("text"), StringComparison.Ordinal);
    }

    [Fact]
    public void APreambularParagraphRunsOnOverAPageThatOpensWithACapital()
    {
        // A/C.3/80/L.55: "… persons belonging to national, ethnic, religious and linguistic minorities and to other groups,
        // including" / footnotes, page header / "Asians and people of Asian descent, especially women and girls, have been
        // victims of racist violence, …, discrimination and stigmatization," — one paragraph, not two.
        var racism = Extract("ga-drafts", "A_C.3_80_L.55.txt");
        Assert.Equal(35, OfKind(racism, "preambular").Count);
        var concern = Assert.Single(OfKind(racism, "preambular"), p => p.GetString("text")!.StartsWith("Expressing concern at the disruption", StringComparison.Ordinal));
        Assert.EndsWith("to other groups, including Asians and people of Asian descent, especially women and girls, have been victims of racist violence, threats of violence, discrimination and stigmatization,", concern.GetString("text"), StringComparison.Ordinal);
        // A/RES/79/290: the page's last line "… launched the Association of Southeast Asian Nations" ends as its running title
        // ("Cooperation between the United Nations and the Association of Southeast Asian Nations") does, and the next page
        // opens "Guidelines for Developing National Standard Operating Procedures …": the line stays, the paragraph runs on.
        var asean = Extract("ga-resolutions", "A_RES_79_290.txt");
        Assert.Equal(20, OfKind(asean, "preambular").Count);
        var welcoming = Assert.Single(OfKind(asean, "preambular"), p => p.GetString("text")!.StartsWith("Welcoming in this regard", StringComparison.Ordinal));
        Assert.EndsWith("Children launched the Association of Southeast Asian Nations Guidelines for Developing National Standard Operating Procedures for a Coordinated Response to Violence against Women and Girls,", welcoming.GetString("text"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A_C.2_80_L.63.txt", "Delete operative paragraphs 3, 43 and 45.")]
    [InlineData("A_C.3_80_L.63.txt", "In the thirteenth preambular paragraph, replace")]
    public void AnAmendmentHasNoParagraphsOfAResolution(string file, string instruction)
    {
        // Each is one instruction naming paragraphs of another text ("Delete operative paragraphs 3, 43 and 45."; "In the
        // thirteenth preambular paragraph, replace “the fourth Global Conference …” with “the fifth …”"): none of its own.
        var amendment = Extract("ga-drafts", file);
        Assert.Equal("amendment", amendment.FindNode(amendment.DocumentId)!.GetString("kind"));
        Assert.Empty(OfKind(amendment, "preambular"));
        Assert.Empty(OfKind(amendment, "operative"));
        Assert.Contains(Paragraphs(amendment), p => p.GetString("text")!.Contains(instruction, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A_C.2_80_L.63.txt", "External debt sustainability and development", "Delete operative paragraphs 3, 43 and 45.")]
    [InlineData("A_C.3_80_L.58.txt", "Protection of and assistance to internally displaced persons", "In the twenty-eighth preambular paragraph, delete")]
    [InlineData("A_C.3_80_L.56.txt", "and related intolerance", "After operative paragraph 3, insert a new operative paragraph, reading:")]
    public void AnAmendmentsInstructionStandsApartFromItsTitle(string file, string titleEnd, string instruction)
    {
        // The amended text's title, a blank line, then the instruction: the title is as long as the amendment's few lines,
        // so it is no short last line, and it had been joined to the instruction as one paragraph.
        var texts = Paragraphs(Extract("ga-drafts", file)).Select(p => p.GetString("text")!).ToList();
        Assert.Contains(texts, t => t.EndsWith(titleEnd, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith(instruction, StringComparison.Ordinal));
    }
}

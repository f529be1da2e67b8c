using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// The tenth check set (graph/eval/check10-gold.json: every citation of twelve Assembly resolutions and drafts of moderate
/// length, with their paragraph counts and verbs): its first measure found no mistake, so the tests hold that figure and
/// the class seen beyond what the set scores, where a footnote lands in the paragraph: a mark glued to a year after "for",
/// "and", "the" or "its" ("for 2024" + mark 6 read "for 20246"), which went unfound, and a number inside a list ("agenda
/// items 5, 6 and 7") taken for the mark in its place and cut out of the text.
/// </summary>
public sealed class CheckSet10Tests
{
    [Fact]
    public void TheTenthCheckSetIsScoredApartWithEveryDocumentFound()
    {
        // First measure, before any change: citations 193 found, 193 right, of 193; counts 12/12; verbs 12/12. Since the
        // Commission on Human Rights' resolutions are given their symbols, A/RES/80/219's "Commission on Human Rights resolution
        // 1993/51", written first as not counted, is counted: 194.
        HandCount.AssertAllRight("check10-gold.json", resolutions: 12, citedDocuments: 12, citations: 194);
    }

    [Fact]
    public void AMarkGluedToAYearAfterForOrAndIsFoundAndAListedNumberStaysText()
    {
        // A/C.1/80/L.58, operative paragraphs 4 and 5: "… on agenda items 5, 6 and 7, 5 for the 2025 session;" and "… building
        // on the decisions on the work of the Conference on Disarmament for 20246 / and 20257 and with a view to …" (footnotes
        // 6 and 7: A/79/27 and A/80/27). The "6" of the list was taken for mark 6 and footnote 7 was left with the document.
        var draft = Extract("ga-drafts", "A_C.1_80_L.58.txt");
        var fourth = Operative(draft, 4);
        Assert.Contains("on agenda items 5, 6 and 7", fourth.GetString("text"), StringComparison.Ordinal);
        Assert.Equal([5L], Footnotes(fourth));
        var fifth = Operative(draft, 5);
        Assert.Equal([6L, 7L], Footnotes(fifth));
        Assert.Contains("for 2024", fifth.GetString("text"), StringComparison.Ordinal);
        Assert.DoesNotContain("20246", fifth.GetString("text"), StringComparison.Ordinal);
        Assert.Contains(draft.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == fifth.Id && r.End == "A/79/27");

        // A/RES/80/233: "programme performance for 20248 and on evaluation,9" (footnote 8 in paragraph 9, where a list
        // "programmes 5, 7, 8, 9, 12" of paragraph 14 had given up its 8 and 9 and "regulation 4.10" of paragraph 3 its 10).
        var programme = Extract("ga-resolutions", "A_RES_80_233.txt");
        Assert.Equal([8L, 9L], Footnotes(Operative(programme, 9)));
        Assert.Contains("for programmes 5, 7, 8, 9, 12", Operative(programme, 14).GetString("text"), StringComparison.Ordinal);
        Assert.Contains("regulation 4.10 of the Regulations", Operative(programme, 3).GetString("text"), StringComparison.Ordinal);

        // A mark glued to the comma after a date is still one: "57/15 of 10 October 2024,11 and 60/13 of 6 October 2025".
        var indigenous = Extract("ga-resolutions", "A_RES_80_191.txt");
        Assert.Contains(11L, Footnotes(Assert.Single(Paragraphs(indigenous), p => p.Id == $"{indigenous.DocumentId}#pp2")));
    }

    private static GraphNode Operative(GraphDocument document, int number) =>
        Assert.Single(Paragraphs(document), p => p.Id == $"{document.DocumentId}#op{number}");

    private static List<long> Footnotes(GraphNode paragraph) =>
        paragraph.Properties.TryGetValue("footnotes", out var list) && list is List<object?> numbers ? [.. numbers.OfType<long>()] : [];
}

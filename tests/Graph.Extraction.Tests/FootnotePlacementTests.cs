using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// Footnotes of scanned Security Council resolutions whose marks the scan damaged or never printed, one test for each
/// class, each on a real text: a mark set after a number, digits read as other glyphs, one digit misread, and the
/// volume's note on the agenda item; and footnote lists after the text that were not read as footnotes at all. Each link made so says how in <c>placed</c>; where the place is not certain, none is made.
/// </summary>
public sealed class FootnotePlacementTests
{
    private const string AfterNumber = "mark set after a number, found between its neighbours' marks";
    private const string Damaged = "mark damaged by OCR, found between its neighbours' marks";
    private const string Misread = "mark with one digit misread by OCR, found between its neighbours' marks";
    private const string Repeated = "the mark of the footnote before printed again, found between its neighbours' marks";

    private static GraphDocument Extract(string file) => UnDocument.Extract("sc-resolutions", file);

    private static GraphRelationship LinkOf(GraphDocument document, int footnote) =>
        Assert.Single(document.Relationships, r => r.Type == RelationshipTypes.HasFootnote && r.End == $"{document.DocumentId}#fn{footnote}");

    private static string TextOfCaller(GraphDocument document, GraphRelationship link) =>
        document.FindNode(link.Start)?.GetString("text") ?? "";

    [Fact]
    public void AMarkSetAfterANumberIsTakenBetweenItsNeighbours()
    {
        // "Taking note of the letters of 20 127 and 23 July 128 1993": 127 follows the day, 128 the month.
        var document = Extract("S_RES_0855_1993_EN_GOLD.txt");
        var link = LinkOf(document, 127);
        Assert.Equal(AfterNumber, link.Properties["placed"]);
        Assert.StartsWith("Taking note of the letters of 20 and 23 July", TextOfCaller(document, link), StringComparison.Ordinal);
        // The footnote's document is cited from that paragraph, and the citation says how its mark was found.
        var cites = Assert.Single(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == link.Start && r.End == "S/26121");
        Assert.Equal(AfterNumber, cites.Properties["placed"]);
    }

    [Fact]
    public void TwoMarksInARowStayTwoMarks()
    {
        // "the application of the Republic of the Congo, 21 22": both footnotes are called from the paragraph, not one mark "2122".
        var document = Extract("S_RES_0142_1960_EN_GOLD.txt");
        var first = LinkOf(document, 21);
        var second = LinkOf(document, 22);
        Assert.Equal(first.Start, second.Start);
        Assert.False(first.Properties.ContainsKey("placed"));
        Assert.Equal(AfterNumber, second.Properties["placed"]);
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == second.Start && r.End == "S/4361");
    }

    [Fact]
    public void DigitsReadAsOtherGlyphsAreAMarkBetweenItsNeighbours()
    {
        // "Permanent Representative of Jordan?° and" for 20, "of 12 August 1949,?? is applicable" for 22.
        var document = Extract("S_RES_0465_1980_EN_GOLD.txt");
        var jordan = LinkOf(document, 20);
        Assert.Equal(Damaged, jordan.Properties["placed"]);
        Assert.Contains("Permanent Representative of Jordan and the Permanent Representative of Morocco", TextOfCaller(document, jordan), StringComparison.Ordinal);
        var convention = LinkOf(document, 22);
        Assert.Equal(Damaged, convention.Properties["placed"]);
        Assert.Contains("of 12 August 1949, is applicable", TextOfCaller(document, convention), StringComparison.Ordinal);
        // Footnotes whose marks were printed keep plain links.
        Assert.False(LinkOf(document, 18).Properties.ContainsKey("placed"));
    }

    [Fact]
    public void AGlyphAfterAYearOrAClosingBracketIsAMark()
    {
        // "resolutions 822 (1993) and 853 (1993)! set out": the mark of 11, the annex of S/26522 (the "Adjusted timetable").
        var document = Extract("S_RES_0874_1993_EN_GOLD.txt");
        var link = LinkOf(document, 11);
        Assert.Equal(Damaged, link.Properties["placed"]);
        Assert.Contains("Adjusted timetable", TextOfCaller(document, link), StringComparison.Ordinal);
        // "the Geneva Conventions of 1949°8 and": 58.
        var geneva = Extract("S_RES_0307_1971_EN_GOLD.txt");
        Assert.Contains("Geneva Conventions of 1949 and", TextOfCaller(geneva, LinkOf(geneva, 58)), StringComparison.Ordinal);
    }

    [Fact]
    public void AMarkWithOneDigitMisreadIsTakenWhereOnlyAMarkStands()
    {
        // "Recalling the Geneva Convention of 1949, 35": the text's only footnote is 38, on that convention.
        var document = Extract("S_RES_0468_1980_EN_GOLD.txt");
        var link = LinkOf(document, 38);
        Assert.Equal(Misread, link.Properties["placed"]);
        Assert.Equal("Recalling the Geneva Convention of 1949,", TextOfCaller(document, link));
    }

    [Fact]
    public void TheMarkOfTheFootnoteBeforePrintedAgainIsTheMissingOnesWhereNothingElseCouldBe()
    {
        // 13 (the letter, S/18999) is missing; "Lebanon … addressed to the Secretary-General, 12" prints 12 (the report,
        // S/18990, whose mark stands in the paragraph before) again. "19 March 1978,*" is a bare glyph, weaker: 13 is
        // taken there, and its document is cited from the letter's paragraph, not the report's.
        var document = Extract("S_RES_0599_1987_EN_GOLD.txt");
        var link = LinkOf(document, 13);
        Assert.Equal(Repeated, link.Properties["placed"]);
        Assert.StartsWith("Taking note of the letter dated 16 July 1987", TextOfCaller(document, link), StringComparison.Ordinal);
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == link.Start && r.End == "S/18999");
        Assert.DoesNotContain(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == LinkOf(document, 12).Start && r.End == "S/18999");
    }

    [Fact]
    public void ARepeatedMarkBesideAStrongerCandidateLeavesThePlaceUnknown()
    {
        // The same text with "1978,*" damaged to keep a digit of 13 ("1978,?3"): two candidates, so 13 stays with the document.
        var path = Path.Combine(TestData.UnDocuments, "sc-resolutions", "S_RES_0599_1987_EN_GOLD.txt");
        if (!File.Exists(path)) Assert.Skip("sc-resolutions/S_RES_0599_1987_EN_GOLD.txt is not in the reference collection.");
        var text = File.ReadAllText(path).Replace("19 March 1978,*", "19 March 1978,?3", StringComparison.Ordinal);
        var document = new DocumentExtractor().Extract("S_RES_0599_1987_EN_GOLD.txt", System.Text.Encoding.UTF8.GetBytes(text));
        var link = LinkOf(document, 13);
        Assert.Equal(document.DocumentId, link.Start);
        Assert.False(link.Properties.ContainsKey("placed"));
    }

    [Fact]
    public void TheVolumesNoteOnTheAgendaItemBelongsToTheDocument()
    {
        // "14 See Official Records of the Security Council, Forty-eighth Year, Supplement for July, August and September 1993."
        // is the note on the agenda item of the decision printed before the resolution ("… (S/26060 and Add.1 and 2)”.");
        // 15, "Ibid., documents S/26060 and Add.1 and 2.", is called from the resolution's paragraph.
        var document = Extract("S_RES_0851_1993_EN_GOLD.txt");
        var note = LinkOf(document, 14);
        Assert.Equal(document.DocumentId, note.Start);
        Assert.Equal("agenda item", note.Properties["calledFrom"]);
        Assert.StartsWith("by its form", note.Properties["placed"] as string, StringComparison.Ordinal);
        Assert.NotEqual(document.DocumentId, LinkOf(document, 15).Start);
        // A footnote of the same form that names a document is no such note: 851's 18 (S/26064) is on the joint statement.
        var statement = LinkOf(document, 18);
        Assert.Equal(Damaged, statement.Properties["placed"]);
        Assert.Contains("joint statement issued in Moscow", TextOfCaller(document, statement), StringComparison.Ordinal);
    }

    [Fact]
    public void ALostMarkWithoutACertainPlaceStaysWithTheDocument()
    {
        // 28 follows 27 ("report of the Secretary-General, 27", the last preambular paragraph) and nothing marks it after:
        // any of the operative paragraphs could hold it.
        var document = Extract("S_RES_0508_1982_EN_GOLD.txt");
        var link = LinkOf(document, 28);
        Assert.Equal(document.DocumentId, link.Start);
        Assert.False(link.Properties.ContainsKey("placed"));
        Assert.False(link.Properties.ContainsKey("calledFrom"));
    }

    private static List<long> FootnoteNumbers(GraphDocument document) =>
        [.. document.Nodes.Where(n => n.HasLabel(Labels.Footnote)).Select(n => (long)n.Properties["number"]!).Order()];

    [Fact]
    public void AFootnoteListAfterTheClosingMayLackFootnotesThePageDidNotKeep()
    {
        // "95 Ibid., document S/13646." … "97 …", then "100 Official Records …": 98 and 99 belong to text the scan left out.
        var document = Extract("S_RES_0461_1979_EN_GOLD.txt");
        Assert.Equal([95L, 96, 97, 100, 101, 102], FootnoteNumbers(document));
        Assert.NotEqual(document.DocumentId, LinkOf(document, 100).Start);
        // 95 stands after 96 ("… 25 November 1979 95 stating"), a whole date before it; "9 November 1979, 92" (a footnote of
        // the volume the scan did not keep) is not taken as 95 misread.
        var letter = LinkOf(document, 95);
        Assert.False(letter.Properties.ContainsKey("placed"));
        Assert.StartsWith("Recalling also the letter from the Secretary-General dated 25 November 1979", TextOfCaller(document, letter), StringComparison.Ordinal);
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.End == "S/13671" && r.Properties["via"] as string == "footnote");
    }

    [Fact]
    public void AnOldStyleFootnoteListAtTheEndRunsOnToTheNextLine()
    {
        // "1/ S/26111.", "2/ S/26083.", "3/ Official Records …, Thirty-third Year, / Supplement for …, document S/12611." at the
        // end of a text whose heading the scan read "Adopted by the Security Council at _its 3258th meeting".
        var document = Extract("S_RES_0852_1993_EN_GOLD.txt");
        Assert.Equal([1L, 2, 3], FootnoteNumbers(document));
        Assert.EndsWith("document S/12611.", document.FindNode($"{document.DocumentId}#fn3")!.GetString("text"), StringComparison.Ordinal);
        Assert.All([1, 2, 3], n => Assert.NotEqual(document.DocumentId, LinkOf(document, n).Start));
    }

    [Fact]
    public void AFootnoteNumberGluedToIbidStartsAFootnote()
    {
        // "9Ibid., document S/25719." is footnote 9, not the end of footnote 8.
        var document = Extract("S_RES_0826_1993_EN_GOLD.txt");
        Assert.Equal([8L, 9, 10], FootnoteNumbers(document));
        Assert.Equal("Ibid., document S/25719.", document.FindNode($"{document.DocumentId}#fn9")!.GetString("text"));
        Assert.Equal("agenda item", LinkOf(document, 8).Properties["calledFrom"]);
    }
}

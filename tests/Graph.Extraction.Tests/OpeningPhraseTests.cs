using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// Paragraph openings read over the whole reference collection as classes: a preambular participle after its adverb
/// ("Having also considered"), "further" before the object's noun ("Encourages further efforts"), which qualifies the
/// object and not the verb, and a Council sub-paragraph's letter the scan read as a digit ("(a)", "(6)", "(c)").
/// </summary>
public sealed class OpeningPhraseTests
{
    private static GraphNode Paragraph(GraphDocument document, string suffix) =>
        document.FindNode($"{document.DocumentId}#{suffix}") ?? throw new InvalidOperationException($"{document.DocumentId}#{suffix} was not extracted.");

    [Theory]
    // 24 paragraphs in 24 texts of the collection, each stored before as "Having also", "Having further" or "Having critically".
    [InlineData("ga-resolutions", "A_RES_78_83.txt", "pp2", "Having also considered")]
    [InlineData("ga-resolutions", "A_RES_78_245.txt", "pp5", "Having also considered")]
    [InlineData("ga-resolutions", "A_RES_78_85.txt", "pp14", "Having also examined")]
    [InlineData("sc-resolutions", "S_RES_0530_1983_EN_GOLD.txt", "pp2", "Having also heard")]
    [InlineData("sc-resolutions", "S_RES_0378_1975_EN_GOLD.txt", "pp4", "Having further noted")]
    [InlineData("sc-resolutions", "S_RES_0640_1989_EN_GOLD.txt", "pp1", "Having critically reviewed")]
    // An adverb after the participle ends the phrase, as "Recalling also" does.
    [InlineData("ga-resolutions", "A_RES_80_77.txt", "pp15", "Having considered also")]
    public void APreambularParticipleAfterItsAdverbIsThePhrases(string folder, string file, string paragraph, string verb)
    {
        var document = Extract(folder, file);
        Assert.Equal("preambular", Paragraph(document, paragraph).GetString("kind"));
        Assert.Equal(verb, Paragraph(document, paragraph).GetString("verb"));
    }

    [Theory]
    // "Encourages further work by competent international organizations", "Also encourages further ratifications of",
    // "Further encourages further accessions to", "Urges further efforts by": "further" is the object's.
    [InlineData("ga-resolutions", "A_RES_78_68.txt", "op124", "Encourages")]
    [InlineData("ga-resolutions", "A_RES_78_68.txt", "op177", "Also encourages")]
    [InlineData("ga-resolutions", "A_RES_78_68.txt", "op178", "Further encourages")]
    [InlineData("ga-resolutions", "A_RES_78_68.txt", "op183", "Urges")]
    // "Regrets further delays incurred in the project"; "Strongly encourages further accelerated actions".
    [InlineData("ga-resolutions", "A_RES_79_297.txt", "op17", "Regrets")]
    [InlineData("ga-resolutions", "A_RES_78_151.txt", "op20", "Strongly encourages")]
    // Before a determiner or a clause "further" is the verb's, as check sets 4 to 6 write it.
    [InlineData("sc-resolutions", "S_RES_0242_1967_EN_GOLD.txt", "op2", "Affirms further")]
    [InlineData("sc-resolutions", "S_RES_0105_1954_EN_GOLD.txt", "op2", "Decides further")]
    [InlineData("sc-resolutions", "S_RES_0816_1993_EN_GOLD.txt", "op8", "Requests further")]
    [InlineData("sc-resolutions", "S_RES_0789_1992_EN_GOLD.txt", "op4", "Reaffirms further")]
    public void FurtherBeforeTheObjectsNounIsNoPartOfTheVerb(string folder, string file, string paragraph, string verb)
    {
        var document = Extract(folder, file);
        Assert.Equal("operative", Paragraph(document, paragraph).GetString("kind"));
        Assert.Equal(verb, Paragraph(document, paragraph).GetString("verb"));
    }

    [Theory]
    // "(a) Acceptance of the provisions of the Statute …; (5) Acceptance of all the obligations …": "(5)" is "(b)".
    [InlineData("S_RES_0071_1949_EN_GOLD.txt", "op1.b", "Acceptance of all the obligations of a Member")]
    // "(6)" for "(b)" between "(a)" and "(c)"; and after "(a)" with no "(c)" to follow.
    [InlineData("S_RES_0470_1980_EN_GOLD.txt", "op1.b", "To renew the mandate of the United Nations")]
    [InlineData("S_RES_0027_1947_EN_GOLD.txt", "op1.b", "To settle their dispute by arbitration")]
    // "(a) The Government or public authorities of Libya; or" / "(6) Any Libyan undertaking;": the "(a)" line is as long as the
    // text's lines, so only the digit in brackets after the blank line tells that a sub-paragraph starts there.
    [InlineData("S_RES_0883_1993_EN_GOLD.txt", "op3.b", "Any Libyan undertaking;")]
    // "(2)" for "(d)" between "(c)" and "(e)", and after "(c)" where the next numbered paragraph follows.
    [InlineData("S_RES_0707_1991_EN_GOLD.txt", "op3.d", "Make available immediately to the Special Commission")]
    [InlineData("S_RES_0724_1991_EN_GOLD.txt", "op5.d", "Requests the Secretary-General to provide all necessary")]
    // "Decides: (2) To call upon the parties … (b) To renew": "(2)" is "(a)".
    [InlineData("S_RES_0481_1980_EN_GOLD.txt", "op1.a", "To call upon the parties concerned")]
    public void ASubParagraphLetterTheScanReadAsADigitIsThatLetter(string file, string paragraph, string opening)
    {
        var document = Extract("sc-resolutions", file);
        var sub = Paragraph(document, paragraph);
        Assert.Equal("subparagraph", sub.GetString("kind"));
        Assert.StartsWith(opening, sub.GetString("text"), StringComparison.Ordinal);
        // The sub-paragraph before it no longer carries the digit and the text after it.
        var before = document.Nodes.Where(n => n.Id.StartsWith(document.DocumentId + "#op", StringComparison.Ordinal)
            && n.GetString("kind") is "operative" or "subparagraph");
        Assert.DoesNotContain(before, n => n.GetString("text")!.Contains(opening, StringComparison.Ordinal) && n.Id != sub.Id);
    }

    [Theory]
    // "1. Reaffirms … / Calls upon Israel, the occupying Power, … / 3. Declares …": the number between 1 and 3 the scan lost.
    [InlineData("S_RES_0484_1980_EN_GOLD.txt", "S/RES/484 (1980)", "op2", "Calls upon Israel, the occupying Power")]
    // The text of resolution 773 (1992) filed under 778: "6. Urges the two States … / Decides to remain seized of the matter.",
    // the last paragraph, whose 7 the scan lost.
    [InlineData("S_RES_0778_1992_EN_GOLD.txt", "S/RES/773 (1992)", "op7", "Decides to remain seized of the matter.")]
    public void AnOperativeParagraphWhoseNumberTheScanLostTakesTheNumberBetweenItsNeighbours(string file, string documentId, string paragraph, string opening)
    {
        var document = Extract("sc-resolutions", file);
        Assert.Equal(documentId, document.DocumentId);
        var node = Paragraph(document, paragraph);
        Assert.Equal(paragraph[2..], node.GetString("number"));
        Assert.StartsWith(opening, node.GetString("text"), StringComparison.Ordinal);
        Assert.DoesNotContain(document.Nodes, n => n.Id.Contains('\''));
    }

    [Fact]
    public void ARealListOfDigitItemsKeepsItsDigits()
    {
        // "Agrees that any settlement of the Suez question should meet the following requirements: (1) There should be free and
        // open transit … (6) …": items numbered in digits from (1) stay the paragraph's, none read as a letter.
        var document = Extract("sc-resolutions", "S_RES_0118_1956_EN_GOLD.txt");
        var text = Paragraph(document, "op1").GetString("text")!;
        foreach (var item in new[] { "(1) ", "(2) ", "(3) ", "(4) ", "(5) ", "(6) " }) Assert.Contains(item, text, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Nodes, n => n.GetString("kind") == "subparagraph");
    }
}

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
}

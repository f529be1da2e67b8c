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
}

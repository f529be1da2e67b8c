using Graph.Extraction.Evaluation;

namespace Graph.Extraction.Tests;

/// <summary>
/// The blind gold set is complete and the blind evaluation reads it. No target is asserted on it here: it measures,
/// and the figures are reported by <c>graph eval</c>.
/// </summary>
public sealed class BlindEvaluationTests
{
    private static string GoldPath => Path.Combine(TestData.Root, "graph", "eval", "blind-gold.json");

    [Fact]
    public void BlindSetHoldsThirtyDocumentsWithOneVerbPerOperativeParagraph()
    {
        var gold = BlindGoldSet.Load(GoldPath);
        Assert.True(gold.Count >= 30, $"{gold.Count} documents");
        foreach (var document in gold.Where(d => d.Operative is not null))
            Assert.True(document.Verbs.Count == document.Operative, $"{document.Gold.File}: {document.Verbs.Count} verbs for {document.Operative} operative paragraphs");
        Assert.Contains(gold, d => d.Gold.File.StartsWith("sc-resolutions/", StringComparison.Ordinal));
        Assert.Contains(gold, d => d.Gold.File.StartsWith("ga-drafts/", StringComparison.Ordinal));
    }

    [Fact]
    public void BlindEvaluationScoresEveryDocumentOfTheSet()
    {
        var report = BlindEvaluator.Run(TestData.UnDocuments, GoldPath);
        Assert.DoesNotContain(report.Mistakes, m => m.StartsWith("blind document not found", StringComparison.Ordinal));
        Assert.Equal(BlindGoldSet.Load(GoldPath).Count, report.Documents);
        Assert.True(report.CitationsExpected > 300, $"{report.CitationsExpected} citations expected");
    }

    [Theory]
    [InlineData("Takes note with appreciation of", "Takes note", true)]
    [InlineData("Also decides", "Also decides", true)]
    [InlineData("Also", "Also decides", false)]
    [InlineData("Calls", "Calls upon", false)]
    [InlineData("Assembly", "Decides", false)]
    public void AnExtractedVerbMatchesWhenItOpensWithTheGoldPhrase(string actual, string gold, bool matches) =>
        Assert.Equal(matches, StructureScore.Opens(actual, gold));
}

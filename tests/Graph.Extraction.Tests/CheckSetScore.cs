using Graph.Extraction.Evaluation;

namespace Graph.Extraction.Tests;

/// <summary>
/// A check set of <c>graph/eval</c> scored as <c>graph eval</c> scores it, after asserting that every one of its documents
/// was found in the reference collection; each check set's test then holds the figures its fixes reached.
/// </summary>
internal static class CheckSetScore
{
    public static BlindReport Of(string goldFile)
    {
        var gold = Path.Combine(TestData.Root, "graph", "eval", goldFile);
        var report = BlindEvaluator.Run(TestData.UnDocuments, gold);
        Assert.Equal(BlindGoldSet.Load(gold).Count, report.Documents);
        Assert.DoesNotContain(report.Mistakes, m => m.Contains("not found", StringComparison.Ordinal));
        return report;
    }
}

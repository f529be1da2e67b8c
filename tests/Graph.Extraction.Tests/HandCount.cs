using Graph.Extraction.Evaluation;

namespace Graph.Extraction.Tests;

/// <summary>
/// A hand count of paragraphs and verbs in <c>graph/eval</c> ("paragraph-counts-2.json", the check sets of counts alone:
/// each document's file, preambular and operative counts and verbs), read and scored as <c>graph eval</c> reads and scores
/// it (<see cref="StructureGoldSet"/>, <see cref="BlindEvaluator.RunStructure"/>).
/// </summary>
internal static class HandCount
{
    /// <summary>The count scored; a text absent from the reference collection skips the test with its name.</summary>
    public static BlindReport Score(string countFile)
    {
        var counts = PathOf(countFile);
        var folder = TestData.UnDocuments;
        foreach (var (file, _) in StructureGoldSet.Load(counts))
            if (!File.Exists(Path.Combine(folder, file))) Assert.Skip($"{file} is not in the reference collection.");
        return BlindEvaluator.RunStructure(folder, counts);
    }

    /// <summary>The count scored as a set of its own, every document it lists found in the collection.</summary>
    public static BlindReport ScoreWhole(string countFile)
    {
        var counts = PathOf(countFile);
        var report = BlindEvaluator.RunStructure(TestData.UnDocuments, counts);
        Assert.Equal(StructureGoldSet.Load(counts).Count, report.Documents);
        Assert.DoesNotContain(report.Mistakes, m => m.Contains("not found", StringComparison.Ordinal));
        return report;
    }

    /// <summary>
    /// The count scored whole and right on every resolution it scores: <paramref name="resolutions"/> with counts and
    /// verbs exact, and where it lists citations, every one of <paramref name="citations"/> in its
    /// <paramref name="citedDocuments"/> documents found and nothing more.
    /// </summary>
    public static void AssertAllRight(string countFile, int resolutions, int citedDocuments = 0, int citations = 0)
    {
        var report = ScoreWhole(countFile);
        Assert.Equal(resolutions, report.Resolutions);
        Assert.True(report.CountsExact == resolutions && report.VerbsExact == resolutions,
            $"{countFile}: counts {report.CountsExact}/{resolutions}, verbs {report.VerbsExact}/{resolutions}: {string.Join("; ", report.Mistakes)}");
        Assert.Equal(citedDocuments, report.CitedDocuments);
        Assert.True(report.CitationsExpected == citations && report.CitationsFound == citations && report.CitationsCorrect == citations,
            $"{countFile} citations: {report.CitationsCorrect} right of {report.CitationsFound} found, {report.CitationsExpected} expected: {string.Join("; ", report.Mistakes)}");
    }

    private static string PathOf(string countFile) => Path.Combine(TestData.Root, "graph", "eval", countFile);
}

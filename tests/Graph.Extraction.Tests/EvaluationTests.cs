using Graph.Extraction.Evaluation;

namespace Graph.Extraction.Tests;

/// <summary>The extractor meets its targets on the bundled corpus and the hand-checked gold set.</summary>
public sealed class EvaluationTests
{
    private static readonly Lazy<EvaluationReport> Report = new(() =>
        Evaluator.Run([TestData.BundledCorpus, TestData.Corpus], Path.Combine(TestData.Root, "graph", "eval", "gold.json"), speedRounds: 0));

    [Fact]
    public void GoldSetCoversAtLeastTwentyDocumentsOfSeveralKindsAndDecades()
    {
        var gold = GoldSet.Load(Path.Combine(TestData.Root, "graph", "eval", "gold.json")).Where(g => g.Cited is not null).ToList();
        Assert.True(gold.Count >= 20, $"{gold.Count} gold documents");
        Assert.True(gold.Select(g => g.Kind).Distinct().Count() >= 5, string.Join(", ", gold.Select(g => g.Kind).Distinct()));
        var decades = gold.Select(g => g.AdoptionDate?[..3]).Where(d => d is not null).Distinct().Count();
        Assert.True(decades >= 6, $"{decades} decades");
        Assert.DoesNotContain(Report.Value.Mistakes, m => m.StartsWith("gold document not in corpus", StringComparison.Ordinal));
    }

    [Fact]
    public void CitationPrecisionIsAtLeast98PercentAndRecallAtLeast95Percent()
    {
        var report = Report.Value;
        Assert.True(report.Precision >= 0.98, $"precision {report.Precision:P1}\n{string.Join("\n", report.Mistakes)}");
        Assert.True(report.Recall >= 0.95, $"recall {report.Recall:P1}\n{string.Join("\n", report.Mistakes)}");
    }

    [Theory]
    [InlineData("symbol")]
    [InlineData("body")]
    [InlineData("kind")]
    [InlineData("adoptionDate")]
    public void OwnIdentityIsRightForAtLeast98PercentOfDocumentsThatStateIt(string field)
    {
        var report = Report.Value;
        Assert.True(report.Identity[field].Stated >= 20, $"only {report.Identity[field].Stated} documents state {field}");
        Assert.True(report.Accuracy(field) >= 0.98, $"{field} accuracy {report.Accuracy(field):P1}\n{string.Join("\n", report.Mistakes.Where(m => m.Contains(field, StringComparison.Ordinal)))}");
    }
}

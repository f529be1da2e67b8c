using Graph.Neo4j.Services;

namespace Graph.Neo4j.Tests.Store;

public sealed class PageRankTests
{
    [Fact]
    public void RanksTheMostCitedDocumentFirstAndScoresSumToOne()
    {
        // Three resolutions cite the Charter; one of them also cites another resolution; D cites nothing.
        var scores = PageRank.Compute(
            ["Charter", "A", "B", "C", "D"],
            [("A", "Charter"), ("B", "Charter"), ("C", "Charter"), ("C", "A")]);

        Assert.Equal(1.0, scores.Values.Sum(), 9);
        Assert.Equal("Charter", scores.MaxBy(s => s.Value).Key);
        Assert.True(scores["A"] > scores["B"], $"A (cited once) {scores["A"]} should outrank B (never cited) {scores["B"]}");
        Assert.Equal(scores["B"], scores["D"], 12);
    }

    [Fact]
    public void GivesEqualScoresWithoutCitationsAndIgnoresSelfCitations()
    {
        var scores = PageRank.Compute(["A", "B"], [("A", "A")]);

        Assert.Equal(0.5, scores["A"], 12);
        Assert.Equal(0.5, scores["B"], 12);
    }
}

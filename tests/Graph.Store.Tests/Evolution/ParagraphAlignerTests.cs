using Graph.Store.Evolution;

namespace Graph.Store.Tests.Evolution;

public sealed class ParagraphAlignerTests
{
    public static TheoryData<string> SeedExpectation => SeedEvolution.Lines;

    private static IReadOnlyList<ParagraphChange> SeedChanges() =>
        ParagraphAligner.Align(SeedParagraphs.Of("A/RES/71/12"), SeedParagraphs.Of("A/RES/77/13"));

    [Fact]
    public void AlignsTheSeedsInTheExpectedOrder()
    {
        SeedEvolution.AssertOrder(SeedChanges());
    }

    [Theory]
    [MemberData(nameof(SeedExpectation))]
    public void ClassifiesEachSeedParagraph(string line) => SeedEvolution.AssertChange(line, SeedChanges());

    [Fact]
    public void FootnoteMarksAloneAreNoChange()
    {
        var from = new EvolutionParagraph("a#op1", "operative", "1", "Takes note of the report,<sup>1</sup> and acknowledges  it;");
        var to = new EvolutionParagraph("b#op1", "operative", "1", "Takes note of the report,\u00B9 and acknowledges it;");
        var change = Assert.Single(ParagraphAligner.Align([from], [to]));
        Assert.Equal(ParagraphChangeKind.Unchanged, change.Kind);
    }

    [Theory]
    [InlineData("report of the Secretary -General on cooperation")]
    [InlineData("report of the Secretary- General on cooperation")]
    [InlineData("report of the Secretary\u2011General on cooperation")]
    [InlineData("report of the Secretary\u2010General\u00A0on cooperation")]
    public void TypesettingNoiseInACompoundIsNoChange(string noisy)
    {
        var from = new EvolutionParagraph("a#op1", "operative", "1", "Takes note of the report of the Secretary-General on cooperation;");
        var to = new EvolutionParagraph("b#op1", "operative", "1", $"Takes note of the {noisy};");
        var change = Assert.Single(ParagraphAligner.Align([from], [to]));
        Assert.Equal(ParagraphChangeKind.Unchanged, change.Kind);
        Assert.Equal(1.0, change.Similarity);
        Assert.All(change.Diff, d => Assert.Equal(DiffOperation.Same, d.Operation));
        // The paragraph keeps its text as written: only the comparison ignores the noise.
        Assert.Equal($"Takes note of the {noisy};", change.ToText);
    }

    [Fact]
    public void QuotesOfAnotherKindAreNoChangeButAStandaloneDashStaysAWord()
    {
        var from = new EvolutionParagraph("a#op1", "operative", "1", "the sub-item entitled \u201CCooperation\u201D, for the period 2021\u20132025;");
        var to = new EvolutionParagraph("b#op1", "operative", "1", "the sub-item entitled \"Cooperation\" , for the period 2021-2025;");
        Assert.Equal(ParagraphChangeKind.Unchanged, Assert.Single(ParagraphAligner.Align([from], [to])).Kind);

        // "entitled - and security" has a dash of its own: the words either side are not a compound.
        var dashed = new EvolutionParagraph("b#op1", "operative", "1", "the sub-item entitled - and security \u201CCooperation\u201D, for the period 2021\u20132025;");
        var change = Assert.Single(ParagraphAligner.Align([from], [dashed]));
        Assert.Equal(ParagraphChangeKind.Reworded, change.Kind);
        Assert.Contains(change.Diff, d => d is { Operation: DiffOperation.Inserted, Text: "- and security" });
    }

    [Fact]
    public void TheDiffShowsTheWordsAsWrittenWhereTheyChanged()
    {
        var from = new EvolutionParagraph("a#op8", "operative", "8", "Requests the Secretary-General to report at its seventy\u2011ninth session;");
        var to = new EvolutionParagraph("b#op8", "operative", "8", "Requests the Secretary -General to report at its eighty-first session;");
        var change = Assert.Single(ParagraphAligner.Align([from], [to]));
        Assert.Equal(ParagraphChangeKind.Reworded, change.Kind);
        Assert.Equal(
            [(DiffOperation.Same, "Requests the Secretary-General to report at its"), (DiffOperation.Deleted, "seventy\u2011ninth"),
             (DiffOperation.Inserted, "eighty-first"), (DiffOperation.Same, "session;")],
            change.Diff.Select(d => (d.Operation, d.Text)));
    }

    [Fact]
    public void DetectsAParagraphMovedOutOfOrder()
    {
        EvolutionParagraph P(string doc, int n, string text) => new($"{doc}#op{n}", "operative", $"{n}", text);
        string[] texts =
        [
            "Requests the Secretary-General to submit a report on the implementation of the present resolution;",
            "Invites the organizations to continue their interaction in the area of peacekeeping;",
            "Decides to include the item in the provisional agenda of its next session;",
        ];
        var changes = ParagraphAligner.Align(
            [P("a", 1, texts[0]), P("a", 2, texts[1]), P("a", 3, texts[2])],
            [P("b", 1, texts[1]), P("b", 2, texts[2]), P("b", 3, texts[0] + " and on cooperation")]);

        Assert.Equal(
            ["Unchanged a#op2 → b#op1", "Unchanged a#op3 → b#op2", "Moved a#op1 → b#op3"],
            changes.Select(c => $"{c.Kind} {c.FromId} → {c.ToId}"));
        Assert.Contains(changes[2].Diff, d => d is { Operation: DiffOperation.Inserted, Text: "and on cooperation" });
    }

    [Fact]
    public void ComparesPreambularAndOperativeParagraphsSeparately()
    {
        var from = new EvolutionParagraph("a#pp1", "preambular", null, "Noting the firm intention of both organizations to cooperate,");
        var to = new EvolutionParagraph("b#op1", "operative", "1", "Noting the firm intention of both organizations to cooperate,");
        Assert.Equal(
            [ParagraphChangeKind.Deleted, ParagraphChangeKind.Inserted],
            ParagraphAligner.Align([from], [to]).Select(c => c.Kind));
    }
}

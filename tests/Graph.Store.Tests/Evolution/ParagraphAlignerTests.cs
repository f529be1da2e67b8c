using Graph.Store.Evolution;

namespace Graph.Store.Tests.Evolution;

public sealed class ParagraphAlignerTests
{
    /// <summary>
    /// The evolution of the seeds, A/RES/71/12 → A/RES/77/13, paragraph by paragraph, as read by hand.
    /// Words: a few words the diff must show as deleted (−) and inserted (+).
    /// Judgement calls: 77/13 pp11 is 71/12 pp10 (same opening, "Welcoming the practical contribution … Political
    /// Declaration") grown with the outcome of the 2016 special session and the Kanal operation for 2021–2025,
    /// which 71/12 pp9 ("Acknowledging … Kanal") said on its own: so pp11 is reworded and 71/12 pp9 deleted.
    /// 77/13 pp10 ("Commending the practical steps … memorandum with the Office of Counter-Terrorism, 2018")
    /// replaces 71/12 pp8 ("Welcoming also the practical steps … joint plan of action … Ashgabat") in substance,
    /// but shares too few words with it to be the same paragraph: pp8 deleted, pp10 inserted.
    /// </summary>
    public static TheoryData<string> SeedExpectation => [.. Expected.Select(e => e.Line)];

    private static readonly (string Line, ParagraphChangeKind Kind, string? From, string? To, string[] Deleted, string[] Inserted)[] Expected =
    [
        ("pp1 unchanged", ParagraphChangeKind.Unchanged, "pp1", "pp1", [], []),
        ("pp2 unchanged", ParagraphChangeKind.Unchanged, "pp2", "pp2", [], []),
        ("pp3 unchanged", ParagraphChangeKind.Unchanged, "pp3", "pp3", [], []),
        ("pp4 reworded: resolutions 71/12, 73/331, 75/276 added", ParagraphChangeKind.Reworded, "pp4", "pp4", [], ["71/12 of 21", "73/331 of 25 July 2019 and 75/276 of 28 April 2021"]),
        ("pp5 unchanged (footnote marks only)", ParagraphChangeKind.Unchanged, "pp5", "pp5", [], []),
        ("pp6 inserted: Joint Declaration of 18 March 2010", ParagraphChangeKind.Inserted, null, "pp6", [], []),
        ("pp6→pp7 reworded: since the signing of the Treaty", ParagraphChangeKind.Reworded, "pp6", "pp7", ["during its existence,"], ["since the signing of the Collective Security Treaty,"]),
        ("pp7→pp8 reworded: Welcoming → Encouraging", ParagraphChangeKind.Reworded, "pp7", "pp8", ["Welcoming"], ["Encouraging"]),
        ("pp9 inserted: a world free of terrorism", ParagraphChangeKind.Inserted, null, "pp9", [], []),
        ("pp10 inserted: Commending the practical steps, UNOCT memorandum", ParagraphChangeKind.Inserted, null, "pp10", [], []),
        ("pp8 deleted: joint plan of action, Ashgabat", ParagraphChangeKind.Deleted, "pp8", null, [], []),
        ("pp9 deleted: Acknowledging Kanal (merged into pp11)", ParagraphChangeKind.Deleted, "pp9", null, [], []),
        ("pp10→pp11 reworded: 2016 special session, Kanal 2021–2025", ParagraphChangeKind.Reworded, "pp10", "pp11", ["implementing"], ["the implementation of", "special session on the world drug problem", "for the period 2021–2025"]),
        ("pp12 inserted: Nelegal", ParagraphChangeKind.Inserted, null, "pp12", [], []),
        ("pp11 deleted: counter-narcotics strategy 2015–2020", ParagraphChangeKind.Deleted, "pp11", null, [], []),
        ("pp12→pp13 reworded: DPKO memorandum of 28 September 2012", ParagraphChangeKind.Reworded, "pp12", "pp13", ["Welcoming further"], ["Noting with appreciation", "28 September 2012 on peacekeeping operations,", "training drills,"]),
        ("pp14 inserted: UNHCR memorandum of 17 January 2017", ParagraphChangeKind.Inserted, null, "pp14", [], []),
        ("pp13 deleted: collective rapid reaction forces", ParagraphChangeKind.Deleted, "pp13", null, [], []),
        ("pp14→pp15 reworded: Noting also → Noting", ParagraphChangeKind.Reworded, "pp14", "pp15", ["also"], []),
        ("op1 unchanged (footnote mark only)", ParagraphChangeKind.Unchanged, "op1", "op1", [], []),
        ("op2 reworded: irregular migration, human-made disasters", ParagraphChangeKind.Reworded, "op2", "op2", ["illegal", "man-made"], ["irregular", "human-made"]),
        ("op3 unchanged", ParagraphChangeKind.Unchanged, "op3", "op3", [], []),
        ("op4 unchanged", ParagraphChangeKind.Unchanged, "op4", "op4", [], []),
        ("op5 unchanged (footnote mark only)", ParagraphChangeKind.Unchanged, "op5", "op5", [], []),
        ("op6 unchanged", ParagraphChangeKind.Unchanged, "op6", "op6", [], []),
        ("op7 unchanged", ParagraphChangeKind.Unchanged, "op7", "op7", [], []),
        ("op8 reworded: report at the seventy-ninth session", ParagraphChangeKind.Reworded, "op8", "op8", ["seventy-third"], ["seventy-ninth"]),
        ("op9 reworded: agenda of the seventy-ninth session", ParagraphChangeKind.Reworded, "op9", "op9", ["seventy-third"], ["seventy-ninth"]),
    ];

    private static IReadOnlyList<ParagraphChange> SeedChanges() =>
        ParagraphAligner.Align(SeedParagraphs.Of("A/RES/71/12"), SeedParagraphs.Of("A/RES/77/13"));

    [Fact]
    public void AlignsTheSeedsInTheExpectedOrder()
    {
        var actual = SeedChanges().Select(Describe).ToList();
        var expected = Expected.Select(e => $"{e.Kind} {e.From ?? "-"} → {e.To ?? "-"}").ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"Expected:\n  {string.Join("\n  ", expected)}\nActual:\n  {string.Join("\n  ", actual)}");
    }

    [Theory]
    [MemberData(nameof(SeedExpectation))]
    public void ClassifiesEachSeedParagraph(string line)
    {
        var expected = Expected.Single(e => e.Line == line);
        var change = SeedChanges().SingleOrDefault(c => Short(c.FromId) == expected.From && Short(c.ToId) == expected.To);
        Assert.True(change is not null, $"No change {expected.From ?? "-"} → {expected.To ?? "-"} in:\n  {string.Join("\n  ", SeedChanges().Select(Describe))}");
        Assert.Equal(expected.Kind, change.Kind);
        var deleted = string.Join(" | ", change.Diff.Where(d => d.Operation == DiffOperation.Deleted).Select(d => d.Text));
        var inserted = string.Join(" | ", change.Diff.Where(d => d.Operation == DiffOperation.Inserted).Select(d => d.Text));
        foreach (var words in expected.Deleted) Assert.True(deleted.Contains(words, StringComparison.Ordinal), $"'{words}' not among deleted words: {deleted}");
        foreach (var words in expected.Inserted) Assert.True(inserted.Contains(words, StringComparison.Ordinal), $"'{words}' not among inserted words: {inserted}");
        if (expected.Kind == ParagraphChangeKind.Unchanged)
        {
            Assert.Equal(1.0, change.Similarity);
            Assert.All(change.Diff, d => Assert.Equal(DiffOperation.Same, d.Operation));
        }
    }

    [Fact]
    public void FootnoteMarksAloneAreNoChange()
    {
        var from = new EvolutionParagraph("a#op1", "operative", "1", "Takes note of the report,<sup>1</sup> and acknowledges  it;");
        var to = new EvolutionParagraph("b#op1", "operative", "1", "Takes note of the report,\u00B9 and acknowledges it;");
        var change = Assert.Single(ParagraphAligner.Align([from], [to]));
        Assert.Equal(ParagraphChangeKind.Unchanged, change.Kind);
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

    private static string Describe(ParagraphChange c) => $"{c.Kind} {Short(c.FromId) ?? "-"} → {Short(c.ToId) ?? "-"}";

    private static string? Short(string? id) => id?[(id.IndexOf('#', StringComparison.Ordinal) + 1)..];
}

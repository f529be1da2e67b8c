namespace Graph.Store.Tests.Evolution;

/// <summary>The expected evolution of the seeds, shared by the aligner tests and the end-to-end tests through the extractor.</summary>
internal static class SeedEvolution
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
    public static TheoryData<string> Lines => [.. Expected.Select(e => e.Line)];

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

    public static void AssertOrder(IReadOnlyList<ParagraphChange> changes)
    {
        var actual = changes.Select(Describe).ToList();
        var expected = Expected.Select(e => $"{e.Kind} {e.From ?? "-"} → {e.To ?? "-"}").ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"Expected:\n  {string.Join("\n  ", expected)}\nActual:\n  {string.Join("\n  ", actual)}");
    }

    public static void AssertChange(string line, IReadOnlyList<ParagraphChange> changes)
    {
        var expected = Expected.Single(e => e.Line == line);
        var change = changes.SingleOrDefault(c => Short(c.FromId) == expected.From && Short(c.ToId) == expected.To);
        Assert.True(change is not null, $"No change {expected.From ?? "-"} → {expected.To ?? "-"} in:\n  {string.Join("\n  ", changes.Select(Describe))}");
        Assert.True(expected.Kind == change.Kind, $"{line}: expected {expected.Kind}, was {change.Kind}\n  from: {change.FromText}\n  to:   {change.ToText}");
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

    private static string Describe(ParagraphChange c) => $"{c.Kind} {Short(c.FromId) ?? "-"} → {Short(c.ToId) ?? "-"}";

    /// <summary>The paragraph part of an id: A/RES/77/13#pp4 → pp4.</summary>
    private static string? Short(string? id) => id?[(id.IndexOf('#', StringComparison.Ordinal) + 1)..];
}

namespace Graph.Store.Evolution;

/// <summary>A paragraph as the aligner sees it: its kind (preambular or operative), number and words.</summary>
public sealed record EvolutionParagraph(string Id, string Kind, string? Number, string Text);

/// <summary>
/// Aligns the paragraphs of two documents of a series and classifies each change. Preambular and
/// operative paragraphs are aligned separately (a paragraph does not change part). Identical texts
/// (word for word, in <see cref="WordDiff.Words"/>'s compared form) pair first, in order; the rest pair greedily by word
/// similarity, most similar first, when they share enough words in order (see <see cref="IsMatch"/>).
/// Among the pairs, those outside a longest run in the same relative order are moves.
/// </summary>
public static class ParagraphAligner
{
    /// <summary>Pairs with at least this share of words in common (2·LCS / total) are the same paragraph.</summary>
    public const double MatchThreshold = 0.5;

    /// <summary>
    /// A paragraph that grew (two merged, or a clause added) keeps most of its old words; pairs where
    /// the shorter keeps this share of its words in the longer also match, if they share some words overall.
    /// </summary>
    public const double ContainmentThreshold = 0.75;

    private const double ContainedMinimumSimilarity = 0.3;

    public static IReadOnlyList<ParagraphChange> Align(IReadOnlyList<EvolutionParagraph> from, IReadOnlyList<EvolutionParagraph> to)
    {
        var changes = new List<ParagraphChange>();
        foreach (var kind in from.Select(p => p.Kind).Concat(to.Select(p => p.Kind)).Distinct(StringComparer.Ordinal).OrderBy(KindOrder))
            changes.AddRange(AlignKind(kind, [.. from.Where(p => p.Kind == kind)], [.. to.Where(p => p.Kind == kind)]));
        return changes;
    }

    private static int KindOrder(string kind) => kind switch { "preambular" => 0, "operative" => 1, _ => 2 };

    private static List<ParagraphChange> AlignKind(string kind, List<EvolutionParagraph> from, List<EvolutionParagraph> to)
    {
        var fromWords = from.Select(p => WordDiff.Words(p.Text)).ToArray();
        var toWords = to.Select(p => WordDiff.Words(p.Text)).ToArray();
        var fromText = fromWords.Select(w => string.Join(' ', w)).ToArray();
        var toText = toWords.Select(w => string.Join(' ', w)).ToArray();
        var matchOfTo = Enumerable.Repeat(-1, to.Count).ToArray();
        var matchOfFrom = Enumerable.Repeat(-1, from.Count).ToArray();

        // Identical paragraphs pair first, each with the first unpaired twin.
        for (var j = 0; j < to.Count; j++)
            for (var i = 0; i < from.Count; i++)
                if (matchOfFrom[i] < 0 && fromText[i] == toText[j])
                {
                    (matchOfFrom[i], matchOfTo[j]) = (j, i);
                    break;
                }

        // Then the most similar remaining pairs, greedily.
        var candidates = new List<(int From, int To, double Score)>();
        for (var i = 0; i < from.Count; i++)
        {
            if (matchOfFrom[i] >= 0) continue;
            for (var j = 0; j < to.Count; j++)
            {
                if (matchOfTo[j] >= 0) continue;
                var common = WordDiff.LongestCommonSubsequence(fromWords[i], toWords[j]);
                if (IsMatch(common, fromWords[i].Length, toWords[j].Length, out var score))
                    candidates.Add((i, j, score + (SameOpening(fromWords[i], toWords[j]) ? 0.1 : 0)));
            }
        }
        foreach (var (i, j, _) in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.To).ThenBy(c => c.From))
            if (matchOfFrom[i] < 0 && matchOfTo[j] < 0) (matchOfFrom[i], matchOfTo[j]) = (j, i);

        var inOrder = LongestIncreasingRun(matchOfTo);
        var changes = new List<ParagraphChange>();
        var nextDeleted = 0;
        void EmitDeletedBefore(int limit)
        {
            for (; nextDeleted < limit; nextDeleted++)
                if (matchOfFrom[nextDeleted] < 0) changes.Add(Deleted(kind, from[nextDeleted], nextDeleted));
        }

        for (var j = 0; j < to.Count; j++)
        {
            var i = matchOfTo[j];
            if (i < 0)
            {
                changes.Add(Inserted(kind, to[j], j));
                continue;
            }
            if (inOrder.Contains(j)) EmitDeletedBefore(i);
            var changeKind = !inOrder.Contains(j) ? ParagraphChangeKind.Moved
                : fromText[i] == toText[j] ? ParagraphChangeKind.Unchanged
                : ParagraphChangeKind.Reworded;
            changes.Add(new ParagraphChange(changeKind, kind, from[i].Id, to[j].Id, NumberOf(from[i], i), NumberOf(to[j], j),
                from[i].Text, to[j].Text, WordDiff.Similarity(fromWords[i], toWords[j]), WordDiff.Diff(from[i].Text, to[j].Text)));
        }
        EmitDeletedBefore(from.Count);
        return changes;
    }

    /// <summary>
    /// Whether two paragraphs with <paramref name="common"/> words in common (in order) are one paragraph
    /// in two versions; <paramref name="score"/> is their similarity.
    /// </summary>
    internal static bool IsMatch(int common, int fromLength, int toLength, out double score)
    {
        score = fromLength + toLength == 0 ? 1 : 2.0 * common / (fromLength + toLength);
        if (score >= MatchThreshold) return true;
        var shorter = Math.Min(fromLength, toLength);
        return shorter > 0 && (double)common / shorter >= ContainmentThreshold && score >= ContainedMinimumSimilarity;
    }

    /// <summary>Same opening word: "Welcoming" and "Welcoming also" open the same kind of paragraph.</summary>
    private static bool SameOpening(string[] a, string[] b) =>
        a.Length > 0 && b.Length > 0 && string.Equals(a[0], b[0], StringComparison.OrdinalIgnoreCase);

    /// <summary>Indexes (into <paramref name="matchOfTo"/>) of the longest run of pairs whose earlier positions increase.</summary>
    private static HashSet<int> LongestIncreasingRun(int[] matchOfTo)
    {
        var pairs = Enumerable.Range(0, matchOfTo.Length).Where(j => matchOfTo[j] >= 0).ToArray();
        var length = new int[pairs.Length];
        var previous = new int[pairs.Length];
        var best = -1;
        for (var k = 0; k < pairs.Length; k++)
        {
            length[k] = 1;
            previous[k] = -1;
            for (var m = 0; m < k; m++)
                if (matchOfTo[pairs[m]] < matchOfTo[pairs[k]] && length[m] + 1 > length[k])
                    (length[k], previous[k]) = (length[m] + 1, m);
            if (best < 0 || length[k] > length[best]) best = k;
        }
        var run = new HashSet<int>();
        for (var k = best; k >= 0; k = previous[k]) run.Add(pairs[k]);
        return run;
    }

    private static string NumberOf(EvolutionParagraph paragraph, int position) =>
        paragraph.Number ?? (position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ParagraphChange Inserted(string kind, EvolutionParagraph paragraph, int position) =>
        new(ParagraphChangeKind.Inserted, kind, null, paragraph.Id, null, NumberOf(paragraph, position), null, paragraph.Text, 0, []);

    private static ParagraphChange Deleted(string kind, EvolutionParagraph paragraph, int position) =>
        new(ParagraphChangeKind.Deleted, kind, paragraph.Id, null, NumberOf(paragraph, position), null, paragraph.Text, null, 0, []);
}

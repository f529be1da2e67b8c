using System.Text.RegularExpressions;
using DiffPlex;

namespace Graph.Store.Evolution;

/// <summary>
/// Word-level diff of two paragraph texts (DiffPlex over whitespace-separated words), and the
/// normalisation that makes footnote marks and spacing no change at all.
/// </summary>
internal static partial class WordDiff
{
    /// <summary>Words of a text after normalisation: footnote marks and extra whitespace removed.</summary>
    public static string[] Words(string text) => Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The text as compared: footnote marks (<c>&lt;sup&gt;1&lt;/sup&gt;</c>, superscript digits) gone, quotes
    /// and dashes unified, whitespace collapsed. Extracted text has no marks already; this keeps
    /// hand-made or older extractions honest too.
    /// </summary>
    public static string Normalise(string text)
    {
        text = SupTag().Replace(text, "");
        text = SuperscriptDigits().Replace(text, "");
        text = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u00A0', ' ');
        text = SpaceBeforePunctuation().Replace(text, "$1");
        return Whitespace().Replace(text, " ").Trim();
    }

    public static IReadOnlyList<DiffSegment> Diff(string from, string to)
    {
        var result = Differ.Instance.CreateDiffs(Normalise(from), Normalise(to), ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var segments = new List<DiffSegment>();
        void Emit(DiffOperation operation, IEnumerable<string> words)
        {
            var text = string.Join(' ', words);
            if (text.Length == 0) return;
            if (segments.Count > 0 && segments[^1].Operation == operation)
                segments[^1] = segments[^1] with { Text = segments[^1].Text + " " + text };
            else segments.Add(new DiffSegment(operation, text));
        }

        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Emit(DiffOperation.Same, result.PiecesOld.Skip(a).Take(block.DeleteStartA - a));
            Emit(DiffOperation.Deleted, result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Emit(DiffOperation.Inserted, result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Emit(DiffOperation.Same, result.PiecesOld.Skip(a));
        return segments;
    }

    /// <summary>Share of words the two texts have in common, in order: 2·LCS / (|a| + |b|).</summary>
    public static double Similarity(string[] a, string[] b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        return 2.0 * LongestCommonSubsequence(a, b) / (a.Length + b.Length);
    }

    public static int LongestCommonSubsequence(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>Splits on spaces only, so a word keeps its punctuation ("organizations," is one word).</summary>
    private sealed class WordChunker : IChunker
    {
        public static readonly WordChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"<sup>\s*\d+\s*</sup>", RegexOptions.IgnoreCase)]
    private static partial Regex SupTag();

    [GeneratedRegex(@"[\u00B9\u00B2\u00B3\u2070-\u2079]+")]
    private static partial Regex SuperscriptDigits();

    [GeneratedRegex(@"\s+([,;:.])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

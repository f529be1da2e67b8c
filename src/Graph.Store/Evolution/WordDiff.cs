using System.Text;
using System.Text.RegularExpressions;
using DiffPlex;

namespace Graph.Store.Evolution;

/// <summary>A word of a paragraph: as it is written, and the form in which two words are compared.</summary>
internal readonly record struct Word(string Text, string Key);

/// <summary>
/// Word-level diff of two paragraph texts (DiffPlex over whitespace-separated words). Words are compared
/// in a form that makes typesetting noise no change at all — footnote marks, spacing, the kind of quote,
/// dash or space, a space the text rendering put beside the hyphen of a compound ("Secretary -General") —
/// while the diff shows the words as written.
/// </summary>
internal static partial class WordDiff
{
    /// <summary>The compared forms of the words of a text (see <see cref="Tokens"/>).</summary>
    public static string[] Words(string text) => [.. Tokens(text).Select(w => w.Key)];

    /// <summary>
    /// The words of a text. Footnote marks (<c>&lt;sup&gt;1&lt;/sup&gt;</c>, superscript digits) are not words;
    /// extracted text has none already, this keeps hand-made or older extractions honest too. A word is
    /// joined to the one before when a rendering space split it from its punctuation or a compound's hyphen.
    /// </summary>
    public static Word[] Tokens(string text)
    {
        text = SupTag().Replace(text, "");
        text = SuperscriptDigits().Replace(text, "");
        var words = new List<Word>();
        foreach (Match match in NonSpace().Matches(text))
        {
            var key = Key(match.Value);
            if (key.Length == 0) continue;
            if (words.Count > 0 && JoinsPrevious(words[^1].Key, key))
                words[^1] = new Word(words[^1].Text + " " + match.Value, words[^1].Key + key);
            else words.Add(new Word(match.Value, key));
        }
        return [.. words];
    }

    /// <summary>
    /// Whether <paramref name="word"/> was split from <paramref name="previous"/> by a rendering space:
    /// punctuation that closes a word ("report ,"), or a compound's hyphen on either side of the space
    /// ("Secretary -General", "Secretary- General"). A dash standing alone between spaces is punctuation
    /// of its own and stays apart.
    /// </summary>
    private static bool JoinsPrevious(string previous, string word) =>
        word[0] is ',' or ';' or ':' or '.'
        || (word.Length > 1 && word[0] == '-' && char.IsLetterOrDigit(word[1]) && char.IsLetterOrDigit(previous[^1]))
        || (previous.Length > 1 && previous[^1] == '-' && char.IsLetterOrDigit(previous[^2]) && char.IsLetter(word[0]));

    /// <summary>The compared form of a word: one kind of quote and of dash, no soft hyphen.</summary>
    private static string Key(string word)
    {
        var key = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            switch (c)
            {
                case '\u00AD': break; // soft hyphen: a possible break, not a letter
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`': key.Append('\''); break;
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB': key.Append('"'); break;
                case (>= '\u2010' and <= '\u2015') or '\u2212' or '\uFE63' or '\uFF0D': key.Append('-'); break;
                default: key.Append(c); break;
            }
        }
        return key.ToString();
    }

    public static IReadOnlyList<DiffSegment> Diff(string from, string to)
    {
        var old = Tokens(from);
        var @new = Tokens(to);
        // Compared by key (keys have no spaces, so the chunker splits them back one to one with the words).
        var result = Differ.Instance.CreateDiffs(string.Join(' ', old.Select(w => w.Key)), string.Join(' ', @new.Select(w => w.Key)),
            ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var segments = new List<DiffSegment>();
        void Emit(DiffOperation operation, IEnumerable<Word> words)
        {
            var text = string.Join(' ', words.Select(w => w.Text));
            if (text.Length == 0) return;
            if (segments.Count > 0 && segments[^1].Operation == operation)
                segments[^1] = segments[^1] with { Text = segments[^1].Text + " " + text };
            else segments.Add(new DiffSegment(operation, text));
        }

        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Emit(DiffOperation.Same, old[a..block.DeleteStartA]);
            Emit(DiffOperation.Deleted, old.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Emit(DiffOperation.Inserted, @new.Skip(block.InsertStartB).Take(block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Emit(DiffOperation.Same, old[a..]);
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

    /// <summary>A run of characters between spaces of any kind (no-break and thin spaces included).</summary>
    [GeneratedRegex(@"[^\s\u200B\uFEFF]+")]
    private static partial Regex NonSpace();
}

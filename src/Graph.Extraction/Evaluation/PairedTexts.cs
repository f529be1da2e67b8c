using Graph.Model;

namespace Graph.Extraction.Evaluation;

/// <summary>One draft and the resolution adopted from it, and the citations only one of the two makes.</summary>
public sealed record TextPair(string Draft, string Adopted, double Overlap, IReadOnlyList<string> OnlyInDraft, IReadOnlyList<string> OnlyInAdopted)
{
    public int Differences => OnlyInDraft.Count + OnlyInAdopted.Count;
}

/// <summary>
/// A recall probe that needs no gold and sees what depends on layout rather than on how a citation is written: a draft
/// (A/C.2/80/L.36) and the resolution adopted from it (A/RES/80/140) are nearly one text set twice, with different page
/// breaks, line ends, footnote numbers and running titles, so what one cites the other should cite too. Pairs are found
/// by the text itself (most of the shorter text's runs of six words stand in the other) within one session, since an
/// annual resolution repeats the last one's text, and the citations compared are
/// the documents' own (Document → Document CITES), each pair's two symbols left out. A difference is either a change the
/// Assembly made to the draft or a citation one of the two typesettings lost: the list of differences is where to look.
/// </summary>
public static partial class PairedTexts
{
    /// <summary>Six-word runs of a text, hashed: what two texts share of them says whether one is the other set again.</summary>
    public static HashSet<long> Shingles(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsAsciiLetter(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                if (i - start >= 3) words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        var shingles = new HashSet<long>();
        for (var w = 0; w + 6 <= words.Count; w++)
        {
            var hash = new HashCode();
            for (var k = 0; k < 6; k++) hash.Add(words[w + k], StringComparer.Ordinal);
            shingles.Add(hash.ToHashCode());
        }
        return shingles;
    }

    /// <summary>The share of the shorter text's runs that the other holds, from which two texts are taken for one.</summary>
    public const double SameText = 0.8;

    /// <summary>
    /// Pairs each adopted resolution with the draft that shares most of its text (at least <see cref="SameText"/> of the
    /// shorter one's runs), and compares what the two cite.
    /// </summary>
    public static List<TextPair> Pair(IReadOnlyList<DocumentMeasures> drafts, IReadOnlyList<DocumentMeasures> adopted)
    {
        var byShingle = HoldersOfEachRun(drafts);
        var pairs = new List<TextPair>();
        foreach (var resolution in adopted)
        {
            if (resolution.Shingles.Count == 0) continue;
            var shared = RunsShared(resolution, byShingle);
            // An annual resolution repeats last year's text: only a draft of the resolution's own session is its draft.
            var session = Session(resolution.DocumentId);
            foreach (var d in shared.Keys.Where(d => Session(drafts[d].DocumentId) != session).ToList()) shared.Remove(d);
            if (shared.Count == 0 || session is null) continue;
            var (best, count) = shared.MaxBy(s => (s.Value, -s.Key));
            var draft = drafts[best];
            var overlap = (double)count / Math.Max(1, Math.Min(resolution.Shingles.Count, draft.Shingles.Count));
            if (overlap < SameText) continue;
            var ids = new[] { draft.DocumentId, resolution.DocumentId };
            var inDraft = draft.Cited.Except(ids).ToHashSet(StringComparer.Ordinal);
            var inAdopted = resolution.Cited.Except(ids).ToHashSet(StringComparer.Ordinal);
            pairs.Add(new TextPair(draft.DocumentId, resolution.DocumentId, overlap,
                [.. inDraft.Except(inAdopted).Order(StringComparer.Ordinal)], [.. inAdopted.Except(inDraft).Order(StringComparer.Ordinal)]));
        }
        return pairs;
    }

    /// <summary>
    /// The share of the shorter text's runs that the other holds, from which two texts are taken for one text of a series
    /// (an annual resolution and last year's, a draft and an earlier session's resolution on its subject).
    /// </summary>
    public const double SameSeries = 0.6;

    /// <summary>
    /// Citations one text of a series makes that another text of it, sharing most of its words, holds as written but does not
    /// make: "41/187" cited by A/RES/78/161 and standing in A/RES/80/148's list uncited. Each is (text that misses, the symbol,
    /// the text that cites it). Much of a series' text changes from year to year, but a number the other text prints and does
    /// not cite is most often a miss (a list cut by a page break, a list after a subject) or a wrong organ on one side.
    /// </summary>
    public static List<(string Document, string Symbol, string CitedBy)> HeldButNotCited(IReadOnlyList<DocumentMeasures> documents)
    {
        var byShingle = HoldersOfEachRun(documents);
        var found = new SortedSet<(string, string, string)>();
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            if (document.Shingles.Count == 0) continue;
            var shared = RunsShared(document, byShingle);
            shared.Remove(d);
            foreach (var (o, count) in shared)
            {
                var other = documents[o];
                if ((double)count / Math.Min(document.Shingles.Count, other.Shingles.Count) < SameSeries) continue;
                foreach (var symbol in other.Cited)
                {
                    // "A/RES/78/242 A" in another text is a part of this one, which does not cite itself.
                    if (document.Cited.Contains(symbol) || symbol == document.DocumentId || symbol.StartsWith(document.DocumentId + " ", StringComparison.Ordinal)) continue;
                    if (document.NumbersHeld.Contains(AsWritten(symbol))) found.Add((document.DocumentId, symbol, other.DocumentId));
                }
            }
        }
        // One line per miss: the first text that cites it stands for the others.
        return [.. found.GroupBy(f => (f.Item1, f.Item2)).Select(g => g.First())];
    }

    /// <summary>For each run of six words (<see cref="Shingles"/>), the indexes of the documents that hold it.</summary>
    private static Dictionary<long, List<int>> HoldersOfEachRun(IReadOnlyList<DocumentMeasures> documents)
    {
        var holders = new Dictionary<long, List<int>>();
        for (var d = 0; d < documents.Count; d++)
            foreach (var shingle in documents[d].Shingles)
            {
                if (!holders.TryGetValue(shingle, out var list)) holders[shingle] = list = [];
                list.Add(d);
            }
        return holders;
    }

    /// <summary>How many of <paramref name="document"/>'s runs each indexed document holds, by its index.</summary>
    private static Dictionary<int, int> RunsShared(DocumentMeasures document, Dictionary<long, List<int>> holders)
    {
        var shared = new Dictionary<int, int>();
        foreach (var shingle in document.Shingles)
            if (holders.TryGetValue(shingle, out var list))
                foreach (var d in list) shared[d] = shared.GetValueOrDefault(d) + 1;
        return shared;
    }

    /// <summary>How a text writes a symbol it cites: "A/RES/59/111" as "59/111", "A/DEC/78/548" as "78/548", a full symbol as it is.</summary>
    internal static string AsWritten(string symbol)
    {
        foreach (var series in (ReadOnlySpan<string>)["A/RES/", "A/DEC/"])
            if (symbol.StartsWith(series, StringComparison.Ordinal))
            {
                var rest = symbol[series.Length..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                return space < 0 ? rest : rest[..space];
            }
        return symbol;
    }

    /// <summary>The numbers and symbols a text prints ("59/111", "ES-10/23", "A/78/182", "S/2022/606"), as <see cref="AsWritten"/> gives them.</summary>
    public static HashSet<string> Numbers(string text)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match m in HeldNumber().Matches(text)) held.Add(m.Value.TrimEnd('.'));
        return held;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w/.\-])(?:(?:ES-|S-)?\d{1,4}/\d{1,5}(?![\d/])|[A-Z]{1,8}(?:\.\d{1,3})?(?:/[A-Za-z0-9.\-]+)+)")]
    private static partial System.Text.RegularExpressions.Regex HeldNumber();

    /// <summary>The session a symbol's first number gives ("80" of "A/C.2/80/L.36" and of "A/RES/80/140"), or null.</summary>
    private static string? Session(string symbol)
    {
        foreach (var part in symbol.Split('/'))
            if (part.Length is > 0 and <= 3 && part.All(char.IsAsciiDigit)) return part;
        return null;
    }

    /// <summary>
    /// What a document cites itself (Document → Document CITES), for <see cref="DocumentMeasures.Cited"/>.
    /// The draft a Committee draft was made from, which only its heading names (<c>via: heading</c>), is no citation the
    /// adopted text could share.
    /// </summary>
    internal static IEnumerable<string> CitedBy(GraphDocument document) =>
        document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start == document.DocumentId && r.Properties.GetValueOrDefault("via") is not "heading")
            .Select(r => r.End);
}

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
public static class PairedTexts
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
        var byShingle = new Dictionary<long, List<int>>();
        for (var d = 0; d < drafts.Count; d++)
            foreach (var shingle in drafts[d].Shingles)
            {
                if (!byShingle.TryGetValue(shingle, out var list)) byShingle[shingle] = list = [];
                list.Add(d);
            }
        var pairs = new List<TextPair>();
        foreach (var resolution in adopted)
        {
            if (resolution.Shingles.Count == 0) continue;
            var shared = new Dictionary<int, int>();
            foreach (var shingle in resolution.Shingles)
                if (byShingle.TryGetValue(shingle, out var list))
                    foreach (var d in list) shared[d] = shared.GetValueOrDefault(d) + 1;
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

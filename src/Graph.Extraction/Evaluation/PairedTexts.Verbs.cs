namespace Graph.Extraction.Evaluation;

/// <summary>One operative paragraph a draft and its resolution both hold, opening with the same words, whose verbs were read differently.</summary>
public sealed record VerbDifference(string Number, string DraftVerb, string AdoptedVerb, string Opening);

/// <summary>The operative paragraphs of a pair aligned by number, and those whose verbs differ while their opening words agree.</summary>
public sealed record PairedVerbs(TextPair Pair, int Aligned, IReadOnlyList<VerbDifference> Differences);

public static partial class PairedTexts
{
    /// <summary>How many of a paragraph's first words two texts must share for the paragraph to be taken for one text set twice.</summary>
    public const int OpeningWords = 8;

    /// <summary>
    /// A probe of the operative verbs that needs no gold: the Assembly seldom edits a paragraph's first words between the
    /// draft and the adoption, so where the paragraphs numbered alike open with the same <see cref="OpeningWords"/> words
    /// and the verbs read differ, one of the two readings is wrong (cut short, a compound verb lost or over-read, a
    /// paragraph split or merged by its typesetting). A real edit changes the words too and is not counted.
    /// </summary>
    public static PairedVerbs CompareVerbs(TextPair pair, DocumentMeasures draft, DocumentMeasures adopted)
    {
        var adoptedByKey = Keyed(adopted.Operatives).ToDictionary(k => k.Key, k => k.Paragraph, StringComparer.Ordinal);
        // A paragraph inserted or dropped renumbers those after it: a paragraph whose opening words stand once in each text
        // is aligned by them, the others by their number.
        var draftOpenings = UniqueOpenings(draft.Operatives);
        var adoptedOpenings = UniqueOpenings(adopted.Operatives);
        var aligned = 0;
        var differences = new List<VerbDifference>();
        foreach (var (key, paragraph) in Keyed(draft.Operatives))
        {
            var opening = Opening(paragraph.Text);
            OperativeOpening? other = null;
            if (opening.Length > 0 && draftOpenings.ContainsKey(opening)) adoptedOpenings.TryGetValue(opening, out other);
            else if (adoptedByKey.TryGetValue(key, out var byNumber)) other = byNumber;
            if (other is null) continue;
            aligned++;
            if (string.Equals(paragraph.Verb, other.Verb, StringComparison.Ordinal)) continue;
            if (opening.Length == 0 || !string.Equals(opening, Opening(other.Text), StringComparison.Ordinal)) continue;
            differences.Add(new VerbDifference(paragraph.Number, paragraph.Verb, other.Verb, opening));
        }
        return new PairedVerbs(pair, aligned, differences);
    }

    /// <summary>The top-level paragraphs by their opening words, those whose opening words stand once in the text.</summary>
    private static Dictionary<string, OperativeOpening> UniqueOpenings(IReadOnlyList<OperativeOpening> paragraphs) =>
        Keyed(paragraphs).Select(k => (Opening: Opening(k.Paragraph.Text), k.Paragraph)).Where(o => o.Opening.Length > 0)
            .GroupBy(o => o.Opening, StringComparer.Ordinal).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Paragraph, StringComparer.Ordinal);

    /// <summary>Each paragraph keyed by its number and how many paragraphs of that number came before it (parts A and B both have a 1).</summary>
    private static IEnumerable<(string Key, OperativeOpening Paragraph)> Keyed(IReadOnlyList<OperativeOpening> paragraphs)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Number.Length == 0 || paragraph.Number.Contains('(', StringComparison.Ordinal)) continue;
            var n = seen.GetValueOrDefault(paragraph.Number);
            seen[paragraph.Number] = n + 1;
            yield return ($"{paragraph.Number}#{n}", paragraph);
        }
    }

    /// <summary>A paragraph's first <see cref="OpeningWords"/> words, lower-cased, its number and marks left out.</summary>
    internal static string Opening(string text)
    {
        var words = new List<string>(OpeningWords);
        var start = -1;
        for (var i = 0; i <= text.Length && words.Count < OpeningWords; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words.Count < OpeningWords ? "" : string.Join(' ', words);
    }
}

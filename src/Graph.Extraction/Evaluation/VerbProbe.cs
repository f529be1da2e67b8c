using System.Text.RegularExpressions;

namespace Graph.Extraction.Evaluation;

/// <summary>A numbered paragraph as the probe reads it from the raw text: its number, its opening phrase (null where it opens with no verb) and its first forty words.</summary>
public sealed record VerbReading(string Number, string? Phrase, IReadOnlyList<string> Words)
{
    /// <summary>
    /// Where the paragraph opens with no verb, the verb of the lead-in it completes: the paragraph before the first of its list,
    /// ending in a colon ("Resolves:", "Recommends to the Governments of India and Pakistan the following measures …:").
    /// </summary>
    public string? LeadIn { get; init; }

    /// <summary>The paragraph's first eight words, as a listing shows them.</summary>
    public string Opening => string.Join(' ', Words.Take(8));
}

/// <summary>One numbered paragraph where the extractor and the probe disagree, by class (see <see cref="VerbProbe"/>).</summary>
public sealed record VerbDisagreement(string Class, string Number, string Extracted, string Read);

/// <summary>How many of a text's operative paragraphs the probe lined up with a reading, and where the two disagree.</summary>
public sealed record VerbProbeResult(int Compared, IReadOnlyList<VerbDisagreement> Disagreements)
{
    public static readonly VerbProbeResult None = new(0, []);
}

/// <summary>
/// A probe of the operative verbs that needs no gold and reads differently from the extractor: a deliberately simple reader
/// of the raw text, with no layout, furniture removal or paragraph assembly, finds the numbered paragraphs ("1. Decides …",
/// a number on its own line above its paragraph, "7, Again calls for" where the scan made a comma of the full stop, "25"
/// whose full stop was lost) and reads each one's opening phrase as the gold sets write it: leading adverbs, the verb, a
/// following "also", "further", "again", "once again" or "once more", and the particle of "Calls upon/for/on", "Takes
/// note", "Takes into account" and "Looks forward". Each is lined up with the extractor's top-level operative paragraph of
/// the same number (the n-th of a number with the n-th), and the extracted verb must begin with the phrase read, as
/// <see cref="StructureScore.Opens"/> scores a gold verb. Either side may be wrong; the classes say where to look.
/// </summary>
public static partial class VerbProbe
{
    public const string Cut = "cut short";
    public const string FirstWord = "another first word";
    public const string LaterWord = "another later word";
    public const string NumberMissing = "number the extractor lacks";
    public const string NumberNotInText = "number the text lacks";
    public const string NumberMoreOften = "number more often than in the text";
    public const string NoVerbRead = "a verb where the text opens with none";

    /// <summary>The numbered paragraphs of a raw text, in the order they stand.</summary>
    public static List<VerbReading> Read(string text)
    {
        var found = new List<(int At, VerbReading Reading)>();
        foreach (Match m in Numbered().Matches(text))
        {
            var words = FirstWords(text, m.Index + m.Length);
            found.Add((m.Index, new VerbReading(m.Groups[1].Value, OpeningPhrase(words), words)));
        }
        // A page number stands alone on its line too: a bare number is a paragraph's only where a verb follows.
        foreach (Match m in BareNumber().Matches(text))
        {
            var words = FirstWords(text, m.Index + m.Length);
            if (OpeningPhrase(words) is { } phrase) found.Add((m.Index, new VerbReading(m.Groups[1].Value, phrase, words)));
        }
        found.Sort((a, b) => a.At.CompareTo(b.At));
        var result = new List<VerbReading>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var reading = found[i].Reading;
            if (reading.Phrase is null)
            {
                // The first clause of a list takes the verb of the paragraph ending in a colon before it; the next ones inherit it.
                var previous = i > 0 ? result[i - 1] : null;
                reading = reading with { LeadIn = previous is { Phrase: null, LeadIn: { } inherited } ? inherited : LeadInBefore(text, i > 0 ? found[i - 1].At : 0, found[i].At) };
            }
            result.Add(reading);
        }
        return result;
    }

    /// <summary>The opening phrase of the paragraph that ends in a colon just before <paramref name="at"/>, if one does.</summary>
    private static string? LeadInBefore(string text, int from, int at)
    {
        var before = text.AsSpan(from, at - from).TrimEnd();
        if (before.Length == 0 || before[^1] != ':') return null;
        // The paragraph's start: after the blank line before it, or at the number the text gave it.
        var paragraph = before.ToString();
        var blanks = BlankLine().Matches(paragraph);
        var blank = blanks.Count == 0 ? 0 : blanks[^1].Index + blanks[^1].Length;
        var numbered = Numbered().Match(paragraph, blank);
        var start = numbered.Success && numbered.Index == blank ? numbered.Index + numbered.Length : blank;
        var words = Word().Matches(paragraph[start..]).Take(8).Select(w => w.Value).ToList();
        // "The Security Council … / Resolves:" stands after the organ's name.
        if (words.Count > 3 && words[0] == "The" && words[2] is "Council" or "Assembly") words = [.. words.Skip(3)];
        return OpeningPhrase(words);
    }

    /// <summary>
    /// The opening phrase the gold conventions keep, or null where the words open with no verb: adverbs ("Also", "Strongly",
    /// "Once again"), a capitalised word in -s that no modal follows ("Businesses should …" opens an annex's guideline), then
    /// "also", "further", "again", "once again", "once more" and a fixed particle.
    /// </summary>
    public static string? OpeningPhrase(IReadOnlyList<string> words)
    {
        words = [.. words.Take(8)];
        var phrase = new List<string>();
        var i = 0;
        while (i < words.Count && LooksAdverb(words[i]) && !LooksVerb(words[i]))
        {
            var once = OnceAgain(words, i);
            phrase.AddRange(words.Skip(i).Take(once));
            i += once;
        }
        if (i >= words.Count || !LooksVerb(words[i]) || !(char.IsUpper(words[i][0]) || phrase.Count > 0)) return null;
        if (i + 1 < words.Count && Modals.Contains(words[i + 1])) return null;
        var verb = words[i++];
        phrase.Add(verb);
        while (i < words.Count)
        {
            // "Encourages further efforts": "further" before a lower-case word that is no determiner, pronoun or preposition is
            // the object's adjective, as the gold sets write it ("Encourages"); "Decides further that", "Requests further the" keep it.
            if (words[i] is "further" && i + 1 < words.Count && OpensNoun(words[i + 1])) break;
            if (words[i] is "also" or "further" or "again") phrase.Add(words[i++]);
            else if (OnceAgain(words, i) == 2) { phrase.Add(words[i++]); phrase.Add(words[i++]); }
            else break;
        }
        foreach (var particle in Particles.GetValueOrDefault(verb.ToLowerInvariant(), []))
        {
            if (i + particle.Length > words.Count || !particle.Select((p, k) => words[i + k] == p).All(x => x)) continue;
            phrase.AddRange(particle);
            break;
        }
        return string.Join(' ', phrase);
    }

    /// <summary>
    /// Lines the readings up with the extractor's operative paragraphs by number. A text with no numbered paragraph has one
    /// unnumbered operative paragraph, which the extractor numbers 1, and is not compared. Where the probe reads no verb,
    /// the extracted verb agrees when the text opens with it (a verb the scan spoiled, "Request", "Express") or when it is
    /// the verb of the paragraph before, which ended in a colon (a numbered list completing a lead-in takes its verb).
    /// </summary>
    public static VerbProbeResult Compare(IReadOnlyList<VerbReading> readings, IReadOnlyList<OperativeOpening> operatives)
    {
        if (readings.Count == 0) return VerbProbeResult.None;
        var numbered = operatives.Select((o, i) => (Paragraph: o, Index: i)).Where(o => o.Paragraph.Number.Length > 0 && o.Paragraph.Number.All(char.IsAsciiDigit)).ToList();
        if (numbered.Count == 0 && readings.All(r => r.Phrase is null)) return VerbProbeResult.None;
        var byNumber = readings.ToLookup(r => r.Number, StringComparer.Ordinal);
        var extracted = numbered.ToLookup(o => o.Paragraph.Number, StringComparer.Ordinal);
        var compared = 0;
        var disagreements = new List<VerbDisagreement>();
        foreach (var number in byNumber.Select(g => g.Key).Union(extracted.Select(g => g.Key)).OrderBy(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)))
        {
            var verbs = byNumber[number].Where(r => r.Phrase is not null).ToList();
            var others = byNumber[number].Where(r => r.Phrase is null).ToList();
            var got = extracted[number].ToList();
            if (got.Count == 0)
            {
                disagreements.AddRange(verbs.Select(r => new VerbDisagreement(NumberMissing, number, "", r.Opening)));
                continue;
            }
            for (var k = 0; k < got.Count; k++)
            {
                var (paragraph, index) = got[k];
                var verb = paragraph.Verb;
                if (k < verbs.Count)
                {
                    compared++;
                    var phrase = verbs[k].Phrase!;
                    if (StructureScore.Opens(verb, phrase)) continue;
                    var cls = verb.Length > 0 && phrase.StartsWith(verb + " ", StringComparison.OrdinalIgnoreCase) ? Cut
                        : verb.Length == 0 || !string.Equals(FirstOf(verb), FirstOf(phrase), StringComparison.OrdinalIgnoreCase) ? FirstWord : LaterWord;
                    disagreements.Add(new VerbDisagreement(cls, number, verb, verbs[k].Opening));
                }
                else if (others.Count > 0)
                {
                    var reading = others[Math.Min(k - verbs.Count, others.Count - 1)];
                    var spoiled = verb.Length > 0 && !verb.EndsWith("ing", StringComparison.Ordinal) && StructureScore.Opens(reading.Opening, verb);
                    var leadIn = (index > 0 && operatives[index - 1].Text.TrimEnd().EndsWith(':') && verb == operatives[index - 1].Verb)
                        || (reading.LeadIn is { } announced && StructureScore.Opens(verb, announced));
                    if (spoiled || leadIn || StandsAfterAnOpening(verb, reading.Words)) { compared++; continue; }
                    disagreements.Add(new VerbDisagreement(NoVerbRead, number, verb, reading.Opening));
                }
                else disagreements.Add(new VerbDisagreement(byNumber[number].Any() ? NumberMoreOften : NumberNotInText, number, verb, Short(paragraph.Text)));
            }
        }
        return new VerbProbeResult(compared, disagreements);
    }

    /// <summary>
    /// A count probe of the same paragraphs: the extracted top-level numbers of a text, cut into runs where a number 1 starts
    /// again (a resolution in parts, A and B each from 1), and the runs that are not 1, 2, 3 … without a gap or a repeat
    /// ("1, 2, 3, 4, 8, 6": a number the scan misprinted; "1, 2, 3, 4, 6": a paragraph whose opening the text lost; "1, 1', 3,
    /// 4": a number the scan lost where the paragraphs around it do not tell it).
    /// A paragraph the extractor numbered itself (a prime after its count, "1'") is left out.
    /// </summary>
    public static List<IReadOnlyList<int>> BrokenNumbering(IReadOnlyList<OperativeOpening> operatives)
    {
        var runs = new List<List<int>>();
        foreach (var operative in operatives)
        {
            if (!int.TryParse(operative.Number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)) continue;
            if (number == 1 || runs.Count == 0) runs.Add([]);
            runs[^1].Add(number);
        }
        return [.. runs.Where(r => !r.Select((n, i) => n == i + 1).All(x => x))];
    }

    private static string FirstOf(string phrase) => phrase.Split(' ')[0];

    /// <summary>
    /// Whether the verb's words stand in order among the paragraph's first words but do not open it: "Alarmed by the sharp
    /// reductions …, calls upon", "Acting under Chapter VII …, authorizes", "Also, in this regard, calls upon" take the verb
    /// after the opening phrase; "Acting" read as the verb of "Acting under Chapter VII of the Charter:" does not.
    /// </summary>
    private static bool StandsAfterAnOpening(string verb, IReadOnlyList<string> words)
    {
        var parts = verb.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || StructureScore.Opens(string.Join(' ', words), verb)) return false;
        var at = 0;
        foreach (var part in parts)
        {
            while (at < words.Count && !words[at].Equals(part, StringComparison.OrdinalIgnoreCase)) at++;
            if (at++ >= words.Count) return false;
        }
        return true;
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";

    /// <summary>The first forty words after a number, letters only ("Secretary-General's" keeps its hyphen).</summary>
    private static List<string> FirstWords(string text, int from) =>
        [.. Word().Matches(text.Substring(from, Math.Min(400, text.Length - from))).Take(40).Select(w => w.Value)];

    /// <summary>How many words "once again" or "once more" take at i (2), else one word.</summary>
    private static int OnceAgain(IReadOnlyList<string> words, int i) =>
        i + 1 < words.Count && words[i].Equals("once", StringComparison.OrdinalIgnoreCase) && words[i + 1] is "again" or "more" ? 2 : 1;

    private static bool LooksVerb(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !NotVerbs.Contains(word);

    private static bool OpensNoun(string word)
    {
        var bare = word.TrimEnd(',', ';', ':', '.');
        return bare.Length > 1 && bare.All(char.IsLower) && !bare.EndsWith("ly", StringComparison.Ordinal) && !NotNouns.Contains(bare);
    }

    private static readonly HashSet<string> NotNouns = new(StringComparer.Ordinal)
    {
        "the", "that", "this", "these", "those", "its", "their", "a", "an", "all", "any", "each", "every", "both", "to", "upon", "on",
        "in", "with", "by", "for", "of", "at", "as", "and", "or", "also", "again", "once", "whether", "how", "it", "them",
    };

    private static bool LooksAdverb(string word) =>
        (word.EndsWith("ly", StringComparison.OrdinalIgnoreCase) && word.Length > 4) || word.ToLowerInvariant() is "also" or "further" or "again" or "once";

    private static readonly HashSet<string> NotVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "this", "its", "his", "has", "was", "thus", "states", "members", "parties", "nations", "countries", "governments", "those", "these", "others",
    };

    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal) { "should", "shall", "may", "must", "will", "are", "were", "have", "can", "could", "would" };

    private static readonly Dictionary<string, string[][]> Particles = new(StringComparer.Ordinal)
    {
        ["calls"] = [["upon"], ["for"], ["on"]],
        ["takes"] = [["note"], ["into", "account"]],
        ["looks"] = [["forward"]],
    };

    /// <summary>A number at a line's start, a full stop or the comma a scan made of it, then a capital on the line or the next but one.</summary>
    [GeneratedRegex(@"(?m)^[ \t\f]*(\d{1,3})[ \t]*[.,](?:[ \t]+|[ \t]*\r?\n[ \t\f]*(?:\r?\n[ \t\f]*)?)(?=[A-Z])")]
    private static partial Regex Numbered();

    /// <summary>A number alone on its line, its full stop lost ("25" above "Condemns without reservation"), then a capital on the next.</summary>
    [GeneratedRegex(@"(?m)^[ \t\f]*(\d{1,3})[ \t]*\r?\n[ \t\f]*(?=[A-Z])")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"\n[ \t\f]*\r?\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'\-]*")]
    private static partial Regex Word();
}

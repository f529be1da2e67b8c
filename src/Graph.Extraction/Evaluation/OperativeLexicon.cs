namespace Graph.Extraction.Evaluation;

/// <summary>
/// The operative phrases of UN drafting (graph/lexicon/operative-verbs.txt): verbs, the adverbs drafting puts before
/// them ("Also", "Further", "Once again") and fixed phrases ("Calls upon", "Takes note with appreciation").
/// </summary>
public sealed class OperativeLexicon
{
    private readonly HashSet<string> _verbs;
    private readonly HashSet<string> _phrases;
    private readonly List<string> _adverbs;

    private OperativeLexicon(HashSet<string> verbs, HashSet<string> phrases, List<string> adverbs)
    {
        _verbs = verbs;
        _phrases = phrases;
        // Longest first, so "Once again" is taken before a shorter adverb could be.
        _adverbs = [.. adverbs.OrderByDescending(a => a.Length)];
    }

    public int Count => _verbs.Count + _phrases.Count;

    public static OperativeLexicon Load(string path)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["verbs"] = [], ["adverbs"] = [], ["phrases"] = [] };
        List<string>? current = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                if (!sections.TryGetValue(line[1..^1], out current)) throw new InvalidDataException($"{path}: unknown section {line}");
                continue;
            }
            if (current is null) throw new InvalidDataException($"{path}: '{line}' stands before any [section]");
            current.Add(line);
        }
        var ignoringCase = StringComparer.OrdinalIgnoreCase;
        return new OperativeLexicon(sections["verbs"].ToHashSet(ignoringCase), sections["phrases"].ToHashSet(ignoringCase), sections["adverbs"]);
    }

    /// <summary>Whether a paragraph's verb is an operative phrase: any adverbs, then a verb or a fixed phrase.</summary>
    public bool Contains(string? verb)
    {
        if (string.IsNullOrWhiteSpace(verb)) return false;
        var rest = verb.Trim();
        // An adverb may also follow the verb ("Encourages further", "Reaffirms once again"): the phrase is the verb's.
        for (var stripped = true; stripped && rest.Contains(' ', StringComparison.Ordinal);)
        {
            stripped = false;
            foreach (var adverb in _adverbs)
            {
                if (rest.Length > adverb.Length + 1 && rest.EndsWith(" " + adverb, StringComparison.OrdinalIgnoreCase))
                {
                    rest = rest[..^(adverb.Length + 1)];
                    stripped = true;
                    break;
                }
            }
        }
        for (var stripped = true; stripped;)
        {
            if (_verbs.Contains(rest) || _phrases.Contains(rest)) return true;
            stripped = false;
            foreach (var adverb in _adverbs)
            {
                if (rest.Length > adverb.Length + 1 && rest.StartsWith(adverb, StringComparison.OrdinalIgnoreCase) && rest[adverb.Length] is ' ' or ',')
                {
                    rest = rest[(adverb.Length + 1)..].TrimStart(' ', ',');
                    stripped = true;
                    break;
                }
            }
        }
        return false;
    }

    /// <summary>Whether a word is one of the lexicon's verbs (for telling a removed line that holds one).</summary>
    public bool IsVerb(string word) => _verbs.Contains(word);
}

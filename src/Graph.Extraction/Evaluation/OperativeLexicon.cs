namespace Graph.Extraction.Evaluation;

/// <summary>
/// The operative phrases of UN drafting (graph/lexicon/operative-verbs.txt): verbs, the adverbs drafting puts before
/// them ("Also", "Further", "Once again") and fixed phrases ("Calls upon", "Takes note with appreciation").
/// </summary>
public sealed class OperativeLexicon
{
    private readonly HashSet<string> _verbs;
    private readonly HashSet<string> _thirdPerson;
    private readonly HashSet<string> _phrases;
    private readonly List<string> _adverbs;
    private readonly List<string> _qualifiers;
    private readonly HashSet<string> _states;

    private OperativeLexicon(HashSet<string> verbs, HashSet<string> phrases, List<string> adverbs, List<string> qualifiers, HashSet<string> states)
    {
        _states = states;
        _thirdPerson = new HashSet<string>(verbs, StringComparer.Ordinal);
        // A verb after an adverb is written in lower case ("Also reaffirms"): the verbs match without regard to case.
        _verbs = new HashSet<string>(verbs, StringComparer.OrdinalIgnoreCase);
        // A declaration's plain form ("We reaffirm", "Recognize"): "Reaffirms" → "Reaffirm", "Stresses" → "Stress".
        foreach (var verb in verbs.ToList()) _verbs.Add(PlainForm(verb));
        // A phrase in a declaration's plain form ("We call upon", "We take note", "We express deep concern").
        _phrases = new HashSet<string>(phrases, StringComparer.OrdinalIgnoreCase);
        foreach (var phrase in phrases)
        {
            var space = phrase.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0) _phrases.Add(PlainForm(phrase[..space]) + phrase[space..]);
        }
        _qualifiers = qualifiers;
        // Longest first, so "Once again" is taken before a shorter adverb could be.
        _adverbs = [.. adverbs.OrderByDescending(a => a.Length)];
    }

    public int Count => _verbs.Count + _phrases.Count;

    public static OperativeLexicon Load(string path)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["verbs"] = [], ["adverbs"] = [], ["phrases"] = [], ["qualifiers"] = [], ["states"] = [] };
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
        return new OperativeLexicon(sections["verbs"].ToHashSet(StringComparer.Ordinal), sections["phrases"].ToHashSet(ignoringCase), sections["adverbs"], sections["qualifiers"], sections["states"].ToHashSet(ignoringCase));
    }

    /// <summary>Whether a paragraph's verb is an operative phrase: any adverbs, then a verb or a fixed phrase.</summary>
    public bool Contains(string? verb)
    {
        if (string.IsNullOrWhiteSpace(verb)) return false;
        var rest = verb.Trim();
        // "Welcomes and encourages", "Deplores and strongly condemns": each of two joined verbs is a phrase of its own.
        var and = rest.IndexOf(" and ", StringComparison.Ordinal);
        if (and > 0) return Contains(rest[..and]) && Contains(char.ToUpperInvariant(rest[and + 5]) + rest[(and + 6)..]);
        if (rest.StartsWith("We ", StringComparison.Ordinal)) rest = rest[3..];
        if (IsState(rest)) return true;
        foreach (var qualifier in _qualifiers)
        {
            if (rest.Length > qualifier.Length + 1 && rest.EndsWith(" " + qualifier, StringComparison.OrdinalIgnoreCase)) { rest = rest[..^(qualifier.Length + 1)]; break; }
        }
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

    /// <summary>
    /// The lexicon's phrase a verb that is none reads as once one confusion of the scan is undone ("Reguests" → "Requests",
    /// "Reaffirrns" → "Reaffirms", "Decídes" → "Decides", "Calis on" → "Calls on", "Lakes note" → "Takes note"), or null. The
    /// paragraph keeps the verb as printed (the gold keeps a spoiled verb so); the measure tells such a verb from an unknown one.
    /// </summary>
    public string? ScanSpoiled(string? verb)
    {
        if (string.IsNullOrWhiteSpace(verb) || Contains(verb)) return null;
        var plain = WithoutAccents(verb);
        if (!string.Equals(plain, verb, StringComparison.Ordinal) && Contains(plain)) return plain;
        foreach (var (printed, meant) in ScanConfusions)
        {
            for (var at = verb.IndexOf(printed, StringComparison.Ordinal); at >= 0; at = verb.IndexOf(printed, at + 1, StringComparison.Ordinal))
            {
                var candidate = string.Concat(verb.AsSpan(0, at), meant, verb.AsSpan(at + printed.Length));
                if (Contains(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>What a scan prints for what the page has: letters of like shape ("rn" for "m", "g" for "q", "i" for "l").</summary>
    private static readonly (string Printed, string Meant)[] ScanConfusions =
    [
        ("rn", "m"), ("m", "rn"), ("g", "q"), ("q", "g"), ("i", "l"), ("l", "i"), ("I", "l"), ("l", "I"), ("1", "l"), ("t", "i"),
        ("L", "T"), ("c", "e"), ("e", "c"), ("cl", "d"), ("ii", "ll"), ("vv", "w"),
    ];

    /// <summary>
    /// The word with its accented letters plain ("Decídes" → "Decides"): a table, since the build reads text without the
    /// culture data that Unicode normalisation needs.
    /// </summary>
    private static string WithoutAccents(string text)
    {
        if (!text.AsSpan().ContainsAny(Accented)) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var at = AccentedLetters.IndexOf(source[i], StringComparison.Ordinal);
                span[i] = at < 0 ? source[i] : PlainLetters[at];
            }
        });
    }

    private const string AccentedLetters = "áàâäãéèêëíìîïóòôöõúùûüçñÁÀÂÄÉÈÊËÍÎÏÓÔÖÚÙÛÜÇÑ";
    private const string PlainLetters = "aaaaaeeeeiiiiooooouuuucnAAAAEEEEIIIOOOUUUUCN";
    private static readonly System.Buffers.SearchValues<char> Accented = System.Buffers.SearchValues.Create(AccentedLetters);

    /// <summary>"are committed", "Is deeply concerned", "are further convinced": a state from [states] after "is" or "are" and any adverbs.</summary>
    private bool IsState(string rest)
    {
        if (!rest.StartsWith("are ", StringComparison.OrdinalIgnoreCase) && !rest.StartsWith("is ", StringComparison.OrdinalIgnoreCase)) return false;
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words.Length - 1;
        for (var i = 1; i < last; i++)
            if (!words[i].EndsWith("ly", StringComparison.Ordinal) && !_adverbs.Contains(words[i], StringComparer.OrdinalIgnoreCase)) return false;
        return last >= 1 && _states.Contains(words[last]);
    }

    private static string PlainForm(string verb) =>
        verb.EndsWith("sses", StringComparison.Ordinal) || verb.EndsWith("shes", StringComparison.Ordinal) || verb.EndsWith("ches", StringComparison.Ordinal) || verb.EndsWith("xes", StringComparison.Ordinal)
            ? verb[..^2]
            : verb.EndsWith('s') ? verb[..^1] : verb;

    /// <summary>Whether a word is one of the lexicon's verbs as a resolution writes them, "Requests" (for telling a removed line that holds one).</summary>
    public bool IsVerb(string word) => _thirdPerson.Contains(word);
}

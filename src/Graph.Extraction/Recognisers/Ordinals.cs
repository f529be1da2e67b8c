namespace Graph.Extraction.Recognisers;

/// <summary>
/// English ordinal words as UN documents spell sessions and years: "Seventy-seventh session",
/// "Eightieth year", "sixty-fourth session" (Editorial Manual: sessions are spelled out).
/// </summary>
internal static class Ordinals
{
    private static readonly string[] Units =
    [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    ];

    private static readonly string[] TensCardinal = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] TensOrdinal = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

    /// <summary>Whether <paramref name="ending"/> is the letters that end an ordinal written in digits ("2844th", "1st").</summary>
    public static bool IsDigitsEnding(ReadOnlySpan<char> ending) => ending is "st" or "nd" or "rd" or "th";

    /// <summary>"st", "nd", "rd" or "th", as English writes the ordinal of <paramref name="number"/> in digits.</summary>
    public static string DigitsEnding(long number) =>
        (number % 100) is >= 11 and <= 13 ? "th" : (number % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };

    /// <summary>Reads one ordinal word ("seventy-seventh", "eightieth").</summary>
    public static bool TryParse(string word, out int value)
    {
        value = 0;
        var w = word.Trim().ToLowerInvariant();
        for (var u = 1; u < Units.Length; u++) if (w == Units[u]) { value = u; return true; }
        for (var t = 2; t < TensOrdinal.Length; t++)
        {
            if (w == TensOrdinal[t]) { value = t * 10; return true; }
            var prefix = TensCardinal[t] + "-";
            if (!w.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = w[prefix.Length..];
            for (var u = 1; u < 10; u++) if (rest == Units[u]) { value = t * 10 + u; return true; }
        }
        return false;
    }

    /// <summary>Finds "&lt;ordinal&gt; session" in text; returns the number and the span of the phrase.</summary>
    public static bool TryFindSession(string text, int from, int to, out int session, out int start, out int end)
    {
        session = 0;
        start = end = -1;
        var i = from;
        // Searched only up to the paragraph's end: an unbounded search per paragraph made extraction quadratic.
        while (i < to && (i = text.IndexOf(Session, i, to - i, StringComparison.Ordinal)) >= 0)
        {
            if (IsSessionAfterOrdinal(text, i, out session, out start, out end)) return true;
            i += Session.Length;
        }
        return false;
    }

    /// <summary>
    /// <see cref="TryFindSession(string, int, int, out int, out int, out int)"/> among the places of "session" that
    /// <see cref="SessionWords"/> found: a text's paragraphs are looked through once, not searched one by one.
    /// </summary>
    public static bool TryFindSession(string text, List<int> sessionWords, int from, int to, out int session, out int start, out int end)
    {
        session = 0;
        start = end = -1;
        var k = sessionWords.BinarySearch(from);
        for (k = k < 0 ? ~k : k; k < sessionWords.Count && sessionWords[k] + Session.Length <= to; k++)
        {
            if (IsSessionAfterOrdinal(text, sessionWords[k], out session, out start, out end)) return true;
        }
        return false;
    }

    /// <summary>Where "session" stands in the text, in order (the word cannot overlap itself, so none is missed).</summary>
    public static List<int> SessionWords(string text)
    {
        var found = new List<int>();
        for (var i = text.IndexOf(Session, StringComparison.Ordinal); i >= 0; i = text.IndexOf(Session, i + Session.Length, StringComparison.Ordinal)) found.Add(i);
        return found;
    }

    private const string Session = "session";

    /// <summary>Whether "session" at <paramref name="i"/> follows an ordinal word ("seventy-ninth session").</summary>
    private static bool IsSessionAfterOrdinal(string text, int i, out int session, out int start, out int end)
    {
        session = 0;
        start = end = -1;
        var wordEnd = i - 1;
        if (wordEnd <= 0 || text[wordEnd] != ' ') return false;
        var wordStart = wordEnd;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '-')) wordStart--;
        if (!TryParse(text[wordStart..wordEnd], out session)) return false;
        start = wordStart;
        end = i + Session.Length;
        return true;
    }
}

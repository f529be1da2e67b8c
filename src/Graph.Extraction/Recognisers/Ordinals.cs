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
        while (i < to && (i = text.IndexOf("session", i, to - i, StringComparison.Ordinal)) >= 0)
        {
            var wordEnd = i - 1;
            if (wordEnd > 0 && text[wordEnd] == ' ')
            {
                var wordStart = wordEnd;
                while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '-')) wordStart--;
                if (TryParse(text[wordStart..wordEnd], out session))
                {
                    start = wordStart;
                    end = i + "session".Length;
                    return true;
                }
            }
            i += 7;
        }
        return false;
    }
}

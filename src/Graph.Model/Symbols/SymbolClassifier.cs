namespace Graph.Model.Symbols;

/// <summary>
/// What a canonical symbol alone tells about its document, following the series symbols of
/// ST/LIB/SER.B/5/Rev.5: the first component names the organ ("A/" General Assembly, "S/" Security
/// Council, "E/" Economic and Social Council), special components name the kind ("RES" resolution,
/// "DEC" decision, "PRST" presidential statement, "L." limited distribution (drafts), "PV." verbatim record).
/// </summary>
internal static class SymbolClassifier
{
    public static string? BodyOf(string canonical)
    {
        if (canonical.StartsWith("A/HRC/", StringComparison.Ordinal)) return "Human Rights Council";
        if (canonical.StartsWith("A/", StringComparison.Ordinal)) return "General Assembly";
        if (canonical.StartsWith("S/", StringComparison.Ordinal)) return "Security Council";
        if (canonical.StartsWith("E/", StringComparison.Ordinal)) return "Economic and Social Council";
        if (canonical.StartsWith("DP/", StringComparison.Ordinal)) return "Executive Board of UNDP, UNFPA and UNOPS";
        if (canonical.StartsWith("ST/", StringComparison.Ordinal)) return "Secretariat";
        return null;
    }

    public static string? KindOf(string canonical)
    {
        // Read as spans, the bracketed year cut off by slicing: every citation and stub asks, so making strings of the symbol showed in profiles.
        var bracket = canonical.IndexOf(" (", StringComparison.Ordinal);
        var symbol = bracket > 0 ? canonical.AsSpan(0, bracket) : canonical.AsSpan();
        var first = true;
        foreach (var range in symbol.Split('/'))
        {
            if (first) { first = false; continue; }
            var part = symbol[range];
            if (part is "RES") return "resolution";
            if (part is "DEC") return "decision";
            if (part is "PRST") return "presidential statement";
            if (part.StartsWith("PV.", StringComparison.Ordinal)) return "meeting record";
            if (part.StartsWith("L.", StringComparison.Ordinal)) return "draft";
        }
        return null;
    }

    public static long? SessionOf(string canonical)
    {
        if (!canonical.StartsWith("A/", StringComparison.Ordinal)) return null;
        var bracket = canonical.IndexOf(" (", StringComparison.Ordinal);
        if (bracket > 0 && RomanNumerals.TryParse(canonical[(bracket + 2)..^1], out var roman)) return roman;
        foreach (var part in StripBracket(canonical).Split('/').Skip(1))
        {
            if (part is "RES" or "DEC" or "INF" or "HRC" || part.StartsWith("C.", StringComparison.Ordinal)) continue;
            return long.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var session) && session < 200 ? session : null;
        }
        return null;
    }

    private static string StripBracket(string canonical)
    {
        var bracket = canonical.IndexOf(" (", StringComparison.Ordinal);
        return bracket > 0 ? canonical[..bracket] : canonical;
    }
}

/// <summary>Roman numerals as the General Assembly wrote its sessions before 1976 ("1514 (XV)").</summary>
public static class RomanNumerals
{
    public static bool TryParse(string text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 8) return false;
        long previous = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            long digit = text[i] switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, _ => 0 };
            if (digit == 0) { value = 0; return false; }
            value += digit < previous ? -digit : digit;
            previous = Math.Max(previous, digit);
        }
        return value is > 0 and < 100;
    }
}

using System.Globalization;
using Graph.Model.Symbols;

namespace Graph.Extraction.Evaluation;

/// <summary>
/// Checks a canonical symbol against what the symbol series allow (ST/LIB/SER.B/5/Rev.5), to catch symbols the
/// extractor damaged: a suffix without its number ("A/78/481/Add"), a year the UN has not reached or had not
/// started ("S/2088/12"), a General Assembly session that has not been held, a Security Council resolution
/// number that does not fit the year beside it. Returns why it fails, or null.
/// </summary>
public static class SymbolPlausibility
{
    /// <summary>The latest year a symbol may name; documents of the next few years are not out yet.</summary>
    public const int LatestYear = 2030;

    /// <summary>The last General Assembly session that can have met by <see cref="LatestYear"/> (the first met in 1946).</summary>
    public const int LatestSession = LatestYear - 1945;

    public static string? Problem(string canonical)
    {
        var bracket = canonical.IndexOf(" (", StringComparison.Ordinal);
        var body = bracket > 0 ? canonical[..bracket] : canonical;
        var parts = body.Split('/');
        var last = parts[^1];
        if (last is "Add" or "Rev" or "Corr" or "Amend" or "Add." or "Rev." or "Corr." or "L" or "L." or "PV" or "PV.")
            return $"'{last}' without its number";
        // Security Council and ECOSOC symbols carry the year ("S/2023/456", "E/RES/2023/31"); an SC resolution's number is no year.
        var yearSeries = canonical.StartsWith("S/", StringComparison.Ordinal) || canonical.StartsWith("E/", StringComparison.Ordinal);
        for (var i = 1; yearSeries && i < parts.Length; i++)
        {
            // A year stands before the document's number ("S/2023/456"); old symbols have the number alone ("S/5764", "S/5764/Add.1").
            if (parts[i].Length != 4 || i + 1 >= parts.Length || !parts[i + 1].All(char.IsAsciiDigit) || (parts[0] == "S" && parts[i - 1] == "RES")) continue;
            if (int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1900 && year > LatestYear)
                return $"year {year}";
        }
        if (bracket > 0 && canonical.EndsWith(')') && int.TryParse(canonical.AsSpan(bracket + 2, canonical.Length - bracket - 3), NumberStyles.None, CultureInfo.InvariantCulture, out var bracketYear))
        {
            if (bracketYear < 1946 || bracketYear > LatestYear) return $"year {bracketYear}";
            if (canonical.StartsWith("S/RES/", StringComparison.Ordinal) && int.TryParse(body["S/RES/".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && !SecurityCouncilNumbering.IsPlausible(number, bracketYear))
                return $"resolution {number} cannot date from {bracketYear}";
        }
        // "A/RES/186 (S-2)": a special session's resolution, numbered through the Assembly's resolutions, names no session number.
        var namesSession = bracket < 0 || RomanNumerals.TryParse(canonical[(bracket + 2)..^1], out _);
        if (namesSession && DocumentSymbol.FromCanonical(canonical).Session is { } session && (session < 1 || session > LatestSession))
            return $"session {session}";
        return null;
    }
}

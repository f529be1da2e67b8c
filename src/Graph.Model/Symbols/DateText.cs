using System.Globalization;

namespace Graph.Model.Symbols;

/// <summary>
/// Dates as UN documents write them in English: day, month name, year ("2 March 2010"), the order
/// the UN Editorial Manual prescribes. Read by scanning, not by regular expression.
/// </summary>
public static class DateText
{
    private static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    /// <summary>The months' names, January first.</summary>
    public static IReadOnlyList<string> MonthNames => Months;

    /// <summary>Reads "2 March 2010" at <paramref name="start"/> (line breaks count as spaces; "15 of December of 2022" too).</summary>
    public static bool TryRead(ReadOnlySpan<char> text, int start, out string isoDate, out int end)
    {
        isoDate = "";
        end = start;
        var p = start;
        var day = ReadNumber(text, ref p, 2);
        if (day is < 1 or > 31) return false;
        if (!SkipSpaces(text, ref p)) return false;
        SkipOf(text, ref p);
        var month = ReadMonth(text, ref p);
        if (month == 0) return false;
        if (!SkipSpaces(text, ref p)) return false;
        SkipOf(text, ref p);
        var year = ReadNumber(text, ref p, 4);
        if (year is < 1900 or > 2100 || (p < text.Length && char.IsAsciiDigit(text[p]))) return false;
        isoDate = IsoDate(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
        end = p;
        return true;
    }

    /// <summary>How many dates a thread keeps to share; past that it starts afresh.</summary>
    private const int SharedDateLimit = 4096;

    [ThreadStatic]
    private static Dictionary<int, string>? t_isoDates;

    /// <summary>
    /// "2010-03-02", as one string per date and thread: a long text gives the same few dates thousands of times (every
    /// citation's "of 12 July 2023"), and each one read made its string afresh.
    /// </summary>
    private static string IsoDate(int year, int month, int day)
    {
        var dates = t_isoDates ??= [];
        var key = (year * 100 + month) * 100 + day;
        if (dates.TryGetValue(key, out var iso)) return iso;
        if (dates.Count >= SharedDateLimit) dates.Clear();
        iso = new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        dates.Add(key, iso);
        return iso;
    }

    /// <summary>Finds the first date in <paramref name="text"/> from <paramref name="start"/>, within <paramref name="limit"/> characters.</summary>
    public static bool TryFind(ReadOnlySpan<char> text, int start, int limit, out string isoDate, out int dateStart, out int dateEnd)
    {
        var stop = Math.Min(text.Length, start + limit);
        for (var i = start; i < stop; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && char.IsAsciiDigit(text[i - 1]))) continue;
            if (TryRead(text, i, out isoDate, out dateEnd)) { dateStart = i; return true; }
        }
        isoDate = "";
        dateStart = dateEnd = -1;
        return false;
    }

    /// <summary>Reads a month name at <paramref name="p"/>; returns 1-12, or 0.</summary>
    public static int ReadMonth(ReadOnlySpan<char> text, ref int p)
    {
        for (var m = 0; m < Months.Length; m++)
        {
            var name = Months[m];
            if (StartsAt(text, p, name)
                && (p + name.Length == text.Length || !char.IsLetter(text[p + name.Length])))
            {
                p += name.Length;
                return m + 1;
            }
        }
        return 0;
    }

    private static int ReadNumber(ReadOnlySpan<char> text, ref int p, int maxDigits)
    {
        var value = 0;
        var digits = 0;
        while (p < text.Length && char.IsAsciiDigit(text[p]) && digits < maxDigits)
        {
            value = value * 10 + (text[p] - '0');
            p++;
            digits++;
        }
        return digits == 0 ? -1 : value;
    }

    /// <summary>"of " between a date's parts, as some texts write them ("15 of December of 2022").</summary>
    private static void SkipOf(ReadOnlySpan<char> text, ref int p)
    {
        var q = p + 2;
        if (StartsAt(text, p, "of") && SkipSpaces(text, ref q)) p = q;
    }

    private static bool SkipSpaces(ReadOnlySpan<char> text, ref int p)
    {
        var start = p;
        while (p < text.Length && (text[p] is ' ' or '\n' or '\r' or '\t' or '\u00A0') && p - start < 4) p++;
        return p > start;
    }

    /// <summary>Whether <paramref name="word"/> is written at <paramref name="p"/> (a position past the end holds nothing).</summary>
    public static bool StartsAt(ReadOnlySpan<char> text, int p, string word) =>
        (uint)p <= (uint)text.Length && text[p..].StartsWith(word, StringComparison.Ordinal);
}

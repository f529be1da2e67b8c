using System.Globalization;
using Graph.Extraction.Linking;
using Graph.Model;
using Graph.Model.Symbols;

namespace Graph.Extraction.Recognisers;

/// <summary>
/// The Security Council numbers its meetings in one series since 1946, so a meeting's number lies between those of the
/// meetings dated before and after it. The dated meetings are the collection's own (graph/meetings/council-meetings.tsv,
/// written from `graph extract` output by the script beside it). A closing line's number outside its year's range is a
/// misprint or a scan's damage: "Adopted unanimously at the 838th meeting" (S/RES/372 (1975), of the 1838th), "1338th"
/// (S/RES/373 (1975)), "2773th" (S/RES/588 (1986), of the 2713th), "I364th" (S/RES/291 (1970), of the 1564th),
/// "2491st" (S/RES/668 (1990), of the 2941st).
/// The Assembly's plenary meetings are not read so: they are numbered afresh each session, the collection holds sessions
/// 71–80 only (no session numbered cumulatively, as the first thirty were), and in each of them the numbers already rise
/// with the date, so it gives no evidence of a wrong one and no bound that is not a guess.
/// </summary>
internal sealed class CouncilMeetingSequence
{
    private readonly string[] _dates;
    private readonly long[] _numbers;

    private CouncilMeetingSequence(string[] dates, long[] numbers)
    {
        _dates = dates;
        _numbers = numbers;
    }

    public static CouncilMeetingSequence Default => LazyDefault.Value;

    private static readonly Lazy<CouncilMeetingSequence> LazyDefault = new(LoadDefault);

    /// <summary>The lowest and highest number a Council meeting can have; both bounds belong to it.</summary>
    public readonly record struct Range(long Lowest, long Highest)
    {
        public bool Contains(long number) => number >= Lowest && number <= Highest;

        public override string ToString() => Highest == long.MaxValue ? $"{Lowest} or later" : $"{Lowest}–{Highest}";
    }

    /// <summary>
    /// The numbers a meeting dated from <paramref name="from"/> to <paramref name="to"/> (yyyy-mm-dd, inclusive) can have:
    /// from the last dated before to the first dated after. A meeting dated the same day is no bound: a day may hold
    /// several meetings, and a meeting resumed past midnight keeps its number.
    /// </summary>
    public Range Between(string from, string to)
    {
        var before = FirstIndexAfter(from, inclusive: true) - 1;
        var after = FirstIndexAfter(to, inclusive: false);
        return new Range(before >= 0 ? _numbers[before] : 1, after < _dates.Length ? _numbers[after] : long.MaxValue);
    }

    public Range InYear(long year) => Between(FormattableString.Invariant($"{year:D4}-01-01"), FormattableString.Invariant($"{year:D4}-12-31"));

    /// <summary>Index of the first row dated after <paramref name="date"/> (or on it, when <paramref name="inclusive"/>).</summary>
    private int FirstIndexAfter(string date, bool inclusive)
    {
        int lo = 0, hi = _dates.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            var c = string.CompareOrdinal(_dates[mid], date);
            if (c > 0 || (inclusive && c == 0)) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>
    /// Checks a Council document's meeting against its year (the year its symbol gives, "S/RES/372 (1975)", else its date's).
    /// A number inside the year's range is kept as read. Outside it, the numbers one character away (a digit changed, one
    /// dropped, one added: "18522" is a digit printed twice) that fall inside are the repairs: the one repair that also fits between the meetings dated
    /// before and after the document's day is taken, else the only repair that fits the year. Where none fits, two adjacent
    /// digits printed in each other's place ("2491st" for the 2941st) are the repair when exactly one such swap fits the year;
    /// a repair's printed number is kept
    /// (<see cref="DocumentIdentity.PrintedMeetingNumber"/>, the ADOPTED_AT's <c>printedNumber</c>) so that a reader can see
    /// the change and the table's script leaves it out of its evidence. Where no repair fits, or several fit equally, no
    /// meeting is recorded rather than a wrong one, which would link the resolution to another meeting's record, and a
    /// warning names the printed number: a diagnostic, not a property, because a number the sequence contradicts is no fact
    /// to query. The year, not the day, decides whether a number is wrong: a day may be misprinted where the meeting is right
    /// (S/RES/278 (1970), "of 21 May 1970", adopted on the 11th at the 1536th meeting).
    /// </summary>
    public void Check(DocumentIdentity identity, List<Diagnostic> diagnostics, string fileName)
    {
        if (identity.MeetingNumber is not { } meeting || !IsCouncils(identity.Symbol)) return;
        var date = identity.AdoptionDate?.Value ?? identity.MeetingDate?.Value;
        if ((DocumentNodes.YearOf(identity.Symbol, null) ?? DocumentNodes.YearOf(identity.Symbol, date)) is not { } year) return;
        var inYear = InYear(year);
        if (inYear.Contains(meeting.Value)) return;
        var repairs = OneCharacterAway(meeting.Value).Where(inYear.Contains).ToList();
        var onDay = date is { Length: 10 } && date.StartsWith(year.ToString("D4", CultureInfo.InvariantCulture), StringComparison.Ordinal) ? Between(date, date) : inYear;
        var nearDay = repairs.Where(onDay.Contains).ToList();
        // Two characters away, only the misprint of two digits set in each other's place is read, and only where nothing one
        // character away fits: "2491st" (S/RES/668 (1990), of the 2941st).
        var swaps = repairs.Count == 0 ? AdjacentDigitsSwapped(meeting.Value).Where(inYear.Contains).ToList() : [];
        long? repaired = nearDay.Count == 1 ? nearDay[0] : repairs.Count == 1 ? repairs[0] : swaps.Count == 1 ? swaps[0] : null;
        if (repaired is { } number)
        {
            identity.PrintedMeetingNumber = meeting.Value;
            identity.MeetingNumber = meeting with { Value = number };
            return;
        }
        identity.MeetingNumber = null;
        identity.MeetingDate = null;
        var printed = meeting.Value + Ordinals.DigitsEnding(meeting.Value);
        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "meeting-out-of-sequence",
            $"The {printed} meeting cannot be of {year}, whose Council meetings are numbered {inYear}, and "
            + (repairs.Count > 0 ? $"{repairs.Count} numbers one character away are"
                : swaps.Count > 0 ? $"no number one character away but {swaps.Count} with two adjacent digits swapped are"
                : "no number one character away or with two adjacent digits swapped is") + " of that time; no meeting is recorded.",
            fileName, meeting.Span));
    }

    /// <summary>
    /// Whether every meeting number read for the document <paramref name="symbol"/> names is checked against its year, dated or
    /// not: a Council document whose symbol states the year ("S/RES/345 (1974)", "S/2022/606").
    /// </summary>
    public static bool ChecksEveryMeetingOf(DocumentSymbol symbol) => IsCouncils(symbol) && DocumentNodes.YearOf(symbol, null) is not null;

    private static bool IsCouncils(DocumentSymbol symbol) => symbol.Canonical.StartsWith("S/", StringComparison.Ordinal);

    /// <summary>The numbers one character from <paramref name="number"/>'s digits: one digit changed, dropped or added.</summary>
    internal static IEnumerable<long> OneCharacterAway(long number)
    {
        var digits = number.ToString(CultureInfo.InvariantCulture);
        var found = new SortedSet<long>();
        for (var i = 0; i <= digits.Length; i++)
        {
            if (i < digits.Length && digits.Length > 1) Add(found, digits.Remove(i, 1));
            for (var d = '0'; d <= '9'; d++)
            {
                Add(found, digits.Insert(i, d.ToString()));
                if (i < digits.Length) Add(found, digits[..i] + d + digits[(i + 1)..]);
            }
        }
        found.Remove(number);
        return found;

        static void Add(SortedSet<long> found, string candidate)
        {
            if (candidate[0] != '0') found.Add(long.Parse(candidate, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The numbers <paramref name="number"/>'s digits make with two adjacent ones swapped ("2491": 4291, 2941, 2419).</summary>
    internal static IEnumerable<long> AdjacentDigitsSwapped(long number)
    {
        var digits = number.ToString(CultureInfo.InvariantCulture).ToCharArray();
        var found = new SortedSet<long>();
        for (var i = 0; i + 1 < digits.Length; i++)
        {
            if (digits[i] == digits[i + 1] || (i == 0 && digits[1] == '0')) continue;
            (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
            found.Add(long.Parse(digits, CultureInfo.InvariantCulture));
            (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
        }
        return found;
    }

    /// <summary>Reads the table: a date (yyyy-mm-dd), a meeting number and the document that states them, tab-separated.</summary>
    public static CouncilMeetingSequence Load(TextReader reader, string origin)
    {
        var dates = new List<string>();
        var numbers = new List<long>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("date\t", StringComparison.Ordinal)) continue;
            var columns = line.Split('\t');
            if (columns.Length < 2 || !DateOnly.TryParseExact(columns[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                || !long.TryParse(columns[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                throw new FormatException($"{origin}:{lineNumber}: expected a date (yyyy-mm-dd) and a meeting number, tab-separated: '{line}'");
            // The ranges rest on the order: a row out of it would make a right number look wrong.
            if (dates.Count > 0 && (string.CompareOrdinal(columns[0], dates[^1]) < 0 || number < numbers[^1]))
                throw new FormatException($"{origin}:{lineNumber}: rows must rise in date and meeting number: '{line}' follows {dates[^1]} {numbers[^1]}");
            dates.Add(columns[0]);
            numbers.Add(number);
        }
        return new CouncilMeetingSequence([.. dates], [.. numbers]);
    }

    private static CouncilMeetingSequence LoadDefault()
    {
        using var stream = typeof(CouncilMeetingSequence).Assembly.GetManifestResourceStream("Graph.Extraction.council-meetings.tsv")
            ?? throw new InvalidOperationException("The Council meetings table is missing from the build.");
        using var reader = new StreamReader(stream);
        return Load(reader, "graph/meetings/council-meetings.tsv");
    }
}

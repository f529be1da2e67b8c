using System.Globalization;

namespace Graph.Cypher.Values;

/// <summary>
/// A day of the proleptic Gregorian calendar over Neo4j's whole range of years (-999,999,999 to +999,999,999), numbered
/// as <see cref="DateOnly.DayNumber"/> numbers them (0 is 0001-01-01, earlier days are negative). Hand-written because
/// .NET's <see cref="DateOnly"/> and NodaTime's LocalDate stop at year 9999 (and 1 or -9998), while Neo4j's dates (Java's
/// LocalDate) go a hundred thousand times further; the conversions are Howard Hinnant's days-from-civil algorithms.
/// </summary>
internal readonly record struct CivilDate : IComparable<CivilDate>
{
    public const int MinYear = -999_999_999;
    public const int MaxYear = 999_999_999;

    /// <summary>0001-01-01 counted from 1970-01-01.</summary>
    private const long UnixDayOfDayZero = -719_162;

    private CivilDate(long dayNumber) => DayNumber = dayNumber;

    /// <summary>The date of a year, month and day; <see cref="ArgumentOutOfRangeException"/> when there is no such date.</summary>
    public CivilDate(long year, int month, int day)
    {
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month))
        {
            throw new ArgumentOutOfRangeException(nameof(day), $"Invalid date: {year}-{month}-{day}");
        }

        DayNumber = Checked(DaysFromCivil(year, month, day)).DayNumber;
    }

    /// <summary>Days since 0001-01-01.</summary>
    public long DayNumber { get; }

    public static CivilDate UnixEpoch { get; } = new(-UnixDayOfDayZero);

    public int Year => Civil().Year;

    public int Month => Civil().Month;

    public int Day => Civil().Day;

    public int DayOfYear => (int)(DayNumber - DaysFromCivil(Year, 1, 1)) + 1;

    /// <summary>Monday 1 to Sunday 7 (0001-01-01 was a Monday).</summary>
    public int IsoDayOfWeek => (int)FloorMod(DayNumber, 7) + 1;

    /// <summary>The ISO week-numbering year: the year of this week's Thursday.</summary>
    public int IsoWeekYear => new CivilDate(DayNumber + 4 - IsoDayOfWeek).Year;

    /// <summary>The ISO week of <see cref="IsoWeekYear"/>, from 1.</summary>
    public int IsoWeek => (int)((DayNumber - IsoWeekYearStart(IsoWeekYear).DayNumber) / 7) + 1;

    public static CivilDate FromDayNumber(long dayNumber) => Checked(dayNumber);

    public static CivilDate FromDateOnly(DateOnly date) => new(date.DayNumber);

    public static bool IsLeapYear(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(long year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>The Monday of week 1 of an ISO week-numbering year: the week that holds 4 January.</summary>
    public static CivilDate IsoWeekYearStart(long weekYear)
    {
        var fourth = new CivilDate(DaysFromCivil(weekYear, 1, 4));
        return new CivilDate(fourth.DayNumber + 1 - fourth.IsoDayOfWeek);
    }

    /// <summary>A day given by ISO week-numbering year, week (1 to 52 or 53) and day of the week (Monday 1 to Sunday 7).</summary>
    public static CivilDate FromIsoWeek(long weekYear, long week, long dayOfWeek)
    {
        var start = IsoWeekYearStart(weekYear);
        var weeks = (IsoWeekYearStart(weekYear + 1).DayNumber - start.DayNumber) / 7;
        if (week < 1 || week > weeks || dayOfWeek is < 1 or > 7)
        {
            throw new ArgumentOutOfRangeException(nameof(week), $"Invalid week date: {weekYear}-W{week}-{dayOfWeek}");
        }

        return Checked(start.DayNumber + ((week - 1) * 7) + dayOfWeek - 1);
    }

    public CivilDate AddDays(long days) => Checked(checked(DayNumber + days));

    /// <summary>Months later (or earlier), the day kept or, past the end of the shorter month, its last day.</summary>
    public CivilDate AddMonths(long months)
    {
        var (year, month, day) = Civil();
        var index = checked(((long)year * 12) + month - 1 + months);
        var newYear = FloorDiv(index, 12);
        var newMonth = (int)FloorMod(index, 12) + 1;
        if (newYear is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(months), "The date is out of range");
        }

        return new CivilDate(newYear, newMonth, Math.Min(day, DaysInMonth(newYear, newMonth)));
    }

    public int CompareTo(CivilDate other) => DayNumber.CompareTo(other.DayNumber);

    /// <summary>ISO-8601 as Neo4j writes it: four digits at least, a sign before a negative year or one past 9999.</summary>
    public override string ToString()
    {
        var (year, month, day) = Civil();
        var yearText = year switch
        {
            > 9999 => "+" + year.ToString(CultureInfo.InvariantCulture),
            < 0 => "-" + Math.Abs((long)year).ToString("0000", CultureInfo.InvariantCulture),
            _ => year.ToString("0000", CultureInfo.InvariantCulture),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{yearText}-{month:00}-{day:00}");
    }

    private static CivilDate Checked(long dayNumber)
    {
        var date = new CivilDate(dayNumber);
        if (date.Year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(dayNumber), "The date is out of range");
        }

        return date;
    }

    private static long FloorDiv(long a, long b) => (a / b) - (((a % b) != 0 && ((a < 0) != (b < 0))) ? 1 : 0);

    private static long FloorMod(long a, long b) => a - (FloorDiv(a, b) * b);

    /// <summary>Days since 0001-01-01 of a year, month and day (Hinnant's days_from_civil, which counts from 1970).</summary>
    private static long DaysFromCivil(long year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = FloorDiv(y, 400);
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468 - UnixDayOfDayZero;
    }

    /// <summary>Year, month and day of this day number (Hinnant's civil_from_days).</summary>
    private (int Year, int Month, int Day) Civil()
    {
        var z = DayNumber + UnixDayOfDayZero + 719_468;
        var era = FloorDiv(z, 146_097);
        var dayOfEra = z - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        var year = (yearOfEra + (era * 400)) + (month <= 2 ? 1 : 0);
        return ((int)year, month, day);
    }
}

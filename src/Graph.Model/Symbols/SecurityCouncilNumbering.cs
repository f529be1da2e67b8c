namespace Graph.Model.Symbols;

/// <summary>
/// The Security Council numbers its resolutions consecutively since 1946, so a number and a year
/// written together ("1447 (2002)") must fall near the count reached that year. Approximate first
/// numbers per year, used only to reject bare "N (YYYY)" that are not resolutions.
/// </summary>
public static class SecurityCouncilNumbering
{
    private static readonly (int Year, int First)[] Milestones =
    [
        (1946, 1), (1950, 79), (1960, 133), (1970, 277), (1980, 460), (1990, 646), (1995, 975),
        (2000, 1284), (2005, 1580), (2010, 1903), (2015, 2195), (2020, 2505), (2025, 2767), (2035, 3400),
    ];

    public static bool IsPlausible(int number, int year)
    {
        if (year < 1946 || year > 2035) return false;
        for (var i = 0; i < Milestones.Length - 1; i++)
        {
            var (y0, n0) = Milestones[i];
            var (y1, n1) = Milestones[i + 1];
            if (year < y0 || year > y1) continue;
            var expectedFirst = n0 + (n1 - n0) * (year - y0) / (y1 - y0);
            var expectedNext = n0 + (n1 - n0) * (year + 1 - y0) / (y1 - y0);
            return number >= expectedFirst - 80 && number <= expectedNext + 80;
        }
        return false;
    }

    /// <summary>
    /// The lowest and highest number of each year's resolutions in the reference collection's Council texts (resolutions
    /// 1 to 902, 1946–1994, named S_RES_NNNN_YYYY): the Council numbers consecutively, so a number between a year's two
    /// is of that year. A number in a gap between two years, or past the last, has no year here.
    /// </summary>
    private static readonly (int Year, int Lowest, int Highest)[] YearsSeen =
    [
        (1946, 1, 15), (1947, 16, 37), (1948, 38, 66), (1949, 67, 78), (1950, 79, 89), (1951, 91, 95), (1952, 97, 98),
        (1953, 99, 103), (1954, 104, 105), (1955, 106, 110), (1956, 111, 120), (1957, 123, 126), (1958, 127, 131), (1959, 132, 132),
        (1960, 133, 160), (1961, 161, 170), (1962, 172, 177), (1963, 178, 185), (1964, 186, 199), (1965, 200, 219), (1966, 220, 232),
        (1967, 233, 244), (1968, 245, 261), (1969, 263, 274), (1970, 276, 291), (1971, 292, 307), (1972, 308, 323), (1973, 325, 344),
        (1974, 345, 366), (1975, 367, 384), (1976, 385, 402), (1977, 403, 422), (1978, 423, 443), (1979, 446, 461), (1980, 462, 484),
        (1981, 485, 499), (1982, 500, 528), (1983, 529, 545), (1984, 546, 559), (1985, 560, 580), (1986, 581, 593), (1987, 594, 606),
        (1988, 607, 626), (1989, 627, 645), (1990, 647, 682), (1991, 684, 725), (1992, 726, 799), (1993, 800, 892), (1994, 893, 899),
    ];

    /// <summary>
    /// The year of Council resolution <paramref name="number"/> ("resolution 418" is 418 (1977)), where the collection's
    /// resolutions fix it; null otherwise.
    /// </summary>
    public static int? YearOf(int number)
    {
        foreach (var (year, lowest, highest) in YearsSeen)
            if (number >= lowest && number <= highest) return year;
        return null;
    }

    /// <summary>
    /// Whether "<paramref name="number"/> (<paramref name="year"/>)" is a misprint: the collection's resolutions fix the
    /// number to another year ("489 (1979)", 489 being of 1981; "84 (1993)", a digit lost from 834). No such resolution exists.
    /// </summary>
    public static bool IsMisdated(int number, int year) => YearOf(number) is { } known && known != year;
}

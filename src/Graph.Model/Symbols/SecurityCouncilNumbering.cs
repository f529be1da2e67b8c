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
}

namespace Graph.Model.Symbols;

/// <summary>
/// Council document symbols a scan spoiled past what the grammar reads, taken only where a Council text makes them
/// certain: a lower-case s ("document s/3140", "Ibid., document s/21183"), and a slash read as a 1 after "document"
/// ("… September 1977, document S112357" for S/12357) where the number fits the year written before it. The Council
/// numbered its documents S/1 to about S/26900 from 1946 to 1993, so a year fixes the range a number of it falls in.
/// </summary>
public static partial class SymbolScanner
{
    /// <summary>
    /// The symbols the grammar read in a Council text's <paramref name="content"/>, with the misprinted ones added in the order
    /// of the text: of each kind of misprint, the first <paramref name="maxMatches"/> (a text of nothing but "s/3140" is read
    /// no further than a caller keeps).
    /// </summary>
    private static IReadOnlyList<SymbolMatch> WithCouncilMisprints(ReadOnlySpan<char> content, List<SymbolMatch> read, int maxMatches)
    {
        const SymbolContext context = SymbolContext.SecurityCouncil;
        if (!content.Contains("s/", StringComparison.Ordinal) && !content.Contains("document S1", StringComparison.Ordinal))
            return read;
        // Only a Council text with such a misprint gets here: it is read as a string of its own.
        var words = content.ToString();
        var found = new List<SymbolMatch>();
        FindLowerCase(words, context, found, maxMatches);
        FindSlashAsOne(words, found, maxMatches);
        if (found.Count == 0) return read;
        found.AddRange(read);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>"s/3140", "s/21183 and Add.1": read as the symbol with its capital, addenda too, each span kept on the text as printed.</summary>
    private static void FindLowerCase(string content, SymbolContext context, List<SymbolMatch> found, int maxMatches)
    {
        var from = found.Count;
        for (var at = content.IndexOf("s/", StringComparison.Ordinal); at >= 0 && found.Count - from < maxMatches; at = content.IndexOf("s/", at + 2, StringComparison.Ordinal))
        {
            if (at > 0 && char.IsLetterOrDigit(content[at - 1])) continue;
            var q = at + 2;
            while (q < content.Length && char.IsAsciiDigit(content[q])) q++;
            if (q - at - 2 is < 3 or > 5 || (q < content.Length && char.IsLetter(content[q]))) continue;
            var number = "S/" + content[(at + 2)..q];
            // The window is the text from the slash on with the capital in place; only the symbol and its own addenda are taken,
            // a symbol further on being read by the scan of the content itself.
            var window = string.Concat("S", content.AsSpan(at + 1, Math.Min(content.Length - at - 1, 120)));
            foreach (var match in ScanText(window, context, int.MaxValue))
            {
                var canonical = match.Symbol.Canonical;
                if (canonical != number && !canonical.StartsWith(number + "/", StringComparison.Ordinal)) break;
                found.Add(match with { Start = at + match.Start, End = at + match.End });
            }
        }
    }

    /// <summary>"document S112357" after a year it fits: S/12357.</summary>
    private static void FindSlashAsOne(string content, List<SymbolMatch> found, int maxMatches)
    {
        const string Document = "document S1";
        var from = found.Count;
        for (var at = content.IndexOf(Document, StringComparison.Ordinal); at >= 0 && found.Count - from < maxMatches; at = content.IndexOf(Document, at + Document.Length, StringComparison.Ordinal))
        {
            var start = at + Document.Length - 2;
            var q = start + 2;
            while (q < content.Length && char.IsAsciiDigit(content[q])) q++;
            if (q - start - 2 is < 4 or > 5 || (q < content.Length && char.IsLetterOrDigit(content[q]))) continue;
            var number = int.Parse(content.AsSpan(start + 2, q - start - 2), System.Globalization.CultureInfo.InvariantCulture);
            if (YearBefore(content, at) is not { } year || !Fits(number, year)) continue;
            found.Add(new SymbolMatch(DocumentSymbol.FromCanonical($"S/{number}"), start, q, SymbolForm.Full));
        }
    }

    /// <summary>The last year of the old numbering written in the words just before <paramref name="at"/> ("… September 1977, "), or null.</summary>
    private static int? YearBefore(string content, int at)
    {
        int? year = null;
        for (var p = Math.Max(0, at - 80); p + 4 <= at; p++)
        {
            if ((p > 0 && char.IsAsciiDigit(content[p - 1])) || (p + 4 < content.Length && char.IsAsciiDigit(content[p + 4]))) continue;
            if (int.TryParse(content.AsSpan(p, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
                && y is >= 1946 and <= 1993)
                year = y;
        }
        return year;
    }

    /// <summary>
    /// About the first number of the Council's documents in a year (the documents its resolutions of that year cite in the
    /// reference collection: S/639 in 1948, S/4256 in 1960, S/12275 in 1977, S/25168 in 1993); between two years, in line.
    /// </summary>
    private static readonly (int Year, int First)[] FirstNumbers =
    [
        (1946, 1), (1950, 1400), (1955, 3400), (1960, 4200), (1965, 6100), (1970, 9600), (1975, 11600), (1980, 13700),
        (1985, 16900), (1990, 21000), (1993, 25100), (1994, 26950),
    ];

    /// <summary>How far a number may stand outside the line its year gives (the documents of a year are not evenly spread).</summary>
    private const int Slack = 500;

    private static bool Fits(int number, int year) =>
        number >= FirstNumber(year) - Slack && number <= FirstNumber(year + 1) + Slack;

    private static int FirstNumber(int year)
    {
        for (var i = 0; i < FirstNumbers.Length - 1; i++)
        {
            var (y0, n0) = FirstNumbers[i];
            var (y1, n1) = FirstNumbers[i + 1];
            if (year >= y0 && year <= y1) return n0 + (n1 - n0) * (year - y0) / (y1 - y0);
        }
        return FirstNumbers[^1].First;
    }
}

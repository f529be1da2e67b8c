using Graph.Model.Symbols;

namespace Graph.Extraction.Recognisers;

/// <summary>
/// Documents of organizations outside the UN's document system, which a UN text cites in its footnotes but which are no
/// UN documents: a specialized agency's or another organization's paper that the text attributes to it
/// ("International Maritime Organization, document LEG/CONF.15/21", "See Intergovernmental Oceanographic Commission,
/// document IOC/A-32/Decisions"), and the series of an autonomous organization that the text cites by symbol alone
/// ("See ISBA/28/A/15", the International Seabed Authority's). The UN's own programmes stay UN documents ("United Nations
/// Environment Programme, document UNEP/CBD/COP/9/29").
/// </summary>
internal static class OutsideTheUn
{
    /// <summary>Organizations whose papers are not UN documents, as a footnote names them before "document(s)".</summary>
    private static readonly string[] Issuers =
    [
        "Maritime Organization", "Labour Organization", "Intergovernmental Oceanographic Commission", "Food and Agriculture Organization",
        "World Health Organization", "Educational, Scientific and Cultural Organization", "World Meteorological Organization",
        "International Atomic Energy Agency", "Industrial Development Organization", "International Civil Aviation Organization",
        "World Intellectual Property Organization", "International Telecommunication Union", "Universal Postal Union",
        "World Trade Organization", "World Tourism Organization", "International Fund for Agricultural Development",
        "International Seabed Authority", "World Bank", "International Monetary Fund",
        "Organisation for the Prohibition of Chemical Weapons", "Organization for the Prohibition of Chemical Weapons",
    ];

    /// <summary>
    /// Series of autonomous organizations that texts cite by symbol alone: the International Seabed Authority's ("ISBA/28/A/15"),
    /// the World Trade Organization's ("WT/L/982", "WT/MIN(22)/30") and the IAEA General Conference's ("GC(69)/RES/9", read as
    /// a symbol since "ICCD/COP(13)/21" and "UNEP(DTIE)/Hg/CONF/4" are).
    /// </summary>
    private static readonly HashSet<string> Series = new(StringComparer.Ordinal) { "ISBA", "WT", "GC" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SeriesLookup = Series.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the symbols of one text, taken in the order of the text, are another organization's: the series is one, or
    /// the clause before the symbol (back to a semicolon or the start) attributes it, "&lt;organization&gt;, document(s) …".
    /// The last semicolon and the last ", document" before a symbol are carried forward from the previous symbol rather
    /// than searched for back to the start, which for a paragraph of a hundred thousand symbols and no semicolon read the
    /// paragraph once per symbol.
    /// </summary>
    public ref struct ClauseReader(ReadOnlySpan<char> content)
    {
        private const string Document = ", document";

        private const string OfTheUnitedNations = " of the United Nations";

        private readonly ReadOnlySpan<char> _content = content;

        /// <summary>How much of the text the two positions below cover.</summary>
        private int _read;

        private int _lastSemicolon = -1;

        /// <summary>Where the last ", document" that ends within the text read starts.</summary>
        private int _lastDocument = -1;

        public bool Issued(int at, DocumentSymbol symbol)
        {
            var slash = symbol.Canonical.AsSpan().IndexOfAny('/', '(');
            if (slash > 0 && SeriesLookup.Contains(symbol.Canonical.AsSpan(0, slash))) return true;
            if (IsChemicalWeaponsSecretariatNote(symbol.Canonical)) return true;
            ReadTo(at);
            var clause = _lastSemicolon + 1;
            // A ", document" before the clause's semicolon is another clause's.
            if (_lastDocument < clause) return false;
            var issuer = _content[clause.._lastDocument];
            // "… of the United Nations" after an issuer's name is the same issuer: tested in place, since every symbol after
            // ", document" is tested against every issuer (a name joined to the words made a string each time).
            var unqualified = issuer.EndsWith(OfTheUnitedNations, StringComparison.Ordinal) ? issuer[..^OfTheUnitedNations.Length] : [];
            foreach (var name in Issuers)
                if (issuer.EndsWith(name, StringComparison.Ordinal) || unqualified.EndsWith(name, StringComparison.Ordinal)) return true;
            return false;
        }

        private void ReadTo(int at)
        {
            // A symbol before the last one read (the scanner's misprint pass can add one): start again from the top.
            if (at < _read) { _read = 0; _lastSemicolon = -1; _lastDocument = -1; }
            var semicolon = _content[_read..at].LastIndexOf(';');
            if (semicolon >= 0) _lastSemicolon = _read + semicolon;
            // An occurrence that straddles the previous end was not wholly read then: look again from just before it.
            var from = Math.Max(0, _read - (Document.Length - 1));
            var document = _content[from..at].LastIndexOf(Document, StringComparison.Ordinal);
            if (document >= 0) _lastDocument = from + document;
            _read = at;
        }
    }

    /// <summary>
    /// "S/1906/2020", "S/2338/2024": a note of the Technical Secretariat of the Organisation for the Prohibition of Chemical
    /// Weapons, numbered first and dated after, which texts on chemical weapons cite by symbol alone. The Council's symbols
    /// put the year first ("S/2020/1906", since 1994) or have none ("S/5764"), so a number that cannot be such a year before
    /// a year that can is the Organisation's.
    /// </summary>
    internal static bool IsChemicalWeaponsSecretariatNote(string canonical)
    {
        // "S/" and two parts of four digits: read in place, since every citation is tested (splitting made three strings and an array each).
        if (canonical.Length != 11 || !canonical.StartsWith("S/", StringComparison.Ordinal) || canonical[6] != '/') return false;
        var number = canonical.AsSpan(2, 4);
        var year = canonical.AsSpan(7, 4);
        return int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
            && y is >= CouncilYearFirst and <= Evaluation.SymbolPlausibility.LatestYear && n is < CouncilYearFirst or > Evaluation.SymbolPlausibility.LatestYear;
    }

    /// <summary>The year from which the Council's documents carry the year first ("S/1994/1").</summary>
    private const int CouncilYearFirst = 1994;
}

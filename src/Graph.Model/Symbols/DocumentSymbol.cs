namespace Graph.Model.Symbols;

/// <summary>
/// A United Nations document symbol in its canonical form, the way the UN writes it on the
/// masthead (ST/LIB/SER.B/5/Rev.5, "United Nations Document Series Symbols"): components joined by
/// "/", Security Council resolutions followed by the year in brackets ("S/RES/1631 (2005)"),
/// pre-1976 General Assembly resolutions by the session in Roman numerals ("A/RES/1514 (XV)").
/// A joint document has one canonical symbol (the first) and the others as aliases.
/// </summary>
public sealed record DocumentSymbol
{
    private DocumentSymbol(string canonical) => Canonical = canonical;

    /// <summary>The canonical symbol, e.g. <c>A/RES/77/13</c>.</summary>
    public string Canonical { get; }

    /// <summary>The other symbols of a joint document (<c>S/2022/606</c> for <c>A/77/277-S/2022/606</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The organ that issued the document, from the symbol's leading components.</summary>
    public string? Body => SymbolClassifier.BodyOf(Canonical);

    /// <summary>The kind of document the symbol alone tells ("resolution", "draft", "meeting record"…), or null.</summary>
    public string? Kind => SymbolClassifier.KindOf(Canonical);

    /// <summary>The General Assembly session (or the year for ECOSOC and SC) the symbol names, or null.</summary>
    public long? Session => SymbolClassifier.SessionOf(Canonical);

    /// <summary>
    /// Canonicalises one written symbol: trims, drops the asterisks and footnote marks that follow
    /// symbols on mastheads, unifies spacing before a bracketed year or session, and upper-cases
    /// the series letters while keeping "Add.", "Rev.", "Corr." in their written case.
    /// Joint symbols ("A/77/277-S/2022/606", with hyphen or en dash) become one symbol with aliases.
    /// </summary>
    public static bool TryParse(string? text, out DocumentSymbol symbol)
    {
        symbol = null!;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200) return false;
        var matches = SymbolScanner.Scan(text.Trim(), SymbolContext.None);
        if (matches.Count == 0) return false;
        var first = matches[0];
        if (first.Start != 0 || first.End < text.Trim().TrimEnd('*', '.', ' ').Length) return false;
        symbol = first.Symbol;
        return true;
    }

    /// <summary>Creates a symbol from text already in canonical form (no validation beyond emptiness).</summary>
    public static DocumentSymbol FromCanonical(string canonical, IReadOnlyList<string>? aliases = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(canonical);
        return new DocumentSymbol(canonical) { Aliases = aliases ?? [] };
    }

    public bool Equals(DocumentSymbol? other) => other is not null && other.Canonical == Canonical;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical);

    public override string ToString() => Aliases.Count == 0 ? Canonical : $"{Canonical} (= {string.Join(", ", Aliases)})";
}

using Graph.Extraction.Recognisers;
using Graph.Model;
using Graph.Model.Symbols;

namespace Graph.Extraction.Linking;

/// <summary>Document nodes: the document itself, and the stubs of the documents it cites.</summary>
internal static class DocumentNodes
{
    public static string? LabelForKind(string? kind) => kind switch
    {
        "resolution" => Labels.Resolution,
        "decision" => Labels.Decision,
        "presidential statement" => Labels.PresidentialStatement,
        "report" or "note" or "summary statement" => Labels.Report,
        "letter" or "note verbale" => Labels.Letter,
        "draft resolution" or "draft decision" or "draft" or "amendment" => Labels.Draft,
        "meeting record" => Labels.MeetingRecord,
        _ => null,
    };

    public static GraphNode AddSelf(GraphBuilder builder, DocumentIdentity identity, int textLength)
    {
        var symbol = identity.Symbol;
        var year = YearOf(symbol, identity.AdoptionDate?.Value ?? identity.DistributionDate?.Value);
        var span = identity.SymbolSpan ?? new SourceSpan(0, Math.Min(textLength, 0));
        return builder.Node(symbol.Canonical, Labelled(identity.Kind),
        [
            ("symbol", symbol.Canonical),
            ("body", identity.Body),
            ("kind", identity.Kind),
            ("title", identity.Title?.Value),
            ("session", identity.Session?.Value ?? symbol.Session),
            ("agendaItem", identity.AgendaItem?.Value),
            ("adoptionDate", identity.AdoptionDate?.Value),
            ("distributionDate", identity.DistributionDate?.Value),
            ("year", year),
            ("aliases", AliasList(symbol)),
        ], span);
    }

    /// <summary>A document known only because this one cites it.</summary>
    public static GraphNode AddStub(GraphBuilder builder, DocumentSymbol symbol, string? kind, string? date, string? title, SourceSpan span)
    {
        var existing = builder.TryGetNode(symbol.Canonical);
        if (existing is not null && !existing.IsStub) return existing;
        var symbolKind = symbol.Kind;
        kind = symbolKind is null or "draft" ? kind ?? symbolKind : symbolKind;
        var dated = kind is "resolution" or "decision" or "presidential statement";
        if (existing is not null && Holds(existing, kind, date is null ? null : dated ? "adoptionDate" : "date", title)) return existing;
        // A stub cited again (a long text cites the same few documents thousands of times) can gain only what this
        // citation adds: a kind, a date, a title. Its symbol, body, session, aliases and a year from the symbol are there.
        if (existing is not null && date is null && title is null)
            return kind is null ? existing : builder.Node(symbol.Canonical, Labelled(kind), [("kind", kind)], span);
        return builder.Node(symbol.Canonical, Labelled(kind),
        [
            ("symbol", symbol.Canonical),
            ("body", symbol.Body),
            ("kind", kind),
            ("session", symbol.Session),
            ("adoptionDate", dated ? date : null),
            ("date", dated ? null : date),
            ("year", YearOf(symbol, date)),
            ("title", title),
            (PropertyNames.Stub, StubFlag),
            ("aliases", AliasList(symbol)),
        ], span);
    }

    /// <summary>
    /// Whether a stub already holds all that a citation of it could add: its kind and the kind's label, the date under
    /// <paramref name="dateKey"/> with a year, a title. Stating it again would change nothing (what the symbol gives is
    /// set when the stub is made); a long text cites the same few documents thousands of times.
    /// </summary>
    private static bool Holds(GraphNode stub, string? kind, string? dateKey, string? title) =>
        (kind is null || (stub.HasProperty("kind") && (LabelForKind(kind) is not { } label || stub.HasLabel(label))))
        && (dateKey is null || (stub.HasProperty(dateKey) && stub.HasProperty("year")))
        && (title is null || stub.HasProperty("title"));

    /// <summary>Document, and the label its kind gives it (Resolution, Report…) when it has one.</summary>
    /// <remarks>
    /// The arrays are made once per label and shared (the builder only reads them): a text that cites a new document in
    /// every line made one per citation.
    /// </remarks>
    private static string[] Labelled(string? kind) =>
        LabelForKind(kind) is { } label ? LabelSets.GetOrAdd(label, static l => [Labels.Document, l]) : DocumentOnly;

    private static readonly string[] DocumentOnly = [Labels.Document];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> LabelSets = new(StringComparer.Ordinal);

    /// <summary>The <c>stub</c> property's value, boxed once rather than for every stub.</summary>
    private static readonly object StubFlag = true;

    private static List<object?>? AliasList(DocumentSymbol symbol) => symbol.Aliases.Count > 0 ? symbol.Aliases.Cast<object?>().ToList() : null;

    /// <summary>The year: from a date, or the year a symbol states ("S/RES/1631 (2005)", "S/2022/606", "E/2009/28").</summary>
    public static long? YearOf(DocumentSymbol symbol, string? isoDate)
    {
        if (isoDate is { Length: >= 4 } && long.TryParse(isoDate.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture, out var fromDate)) return fromDate;
        var c = symbol.Canonical;
        var bracket = c.IndexOf(" (", StringComparison.Ordinal);
        if (bracket > 0 && c.Length - bracket == 7 && long.TryParse(c.AsSpan(bracket + 2, 4), System.Globalization.CultureInfo.InvariantCulture, out var y)) return y;
        // Read in place: a stub is made for every document a text cites, and splitting made an array and its strings each time.
        foreach (var range in c.AsSpan().Split('/'))
        {
            var part = c.AsSpan(range);
            if (part.Length == 4 && long.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1946 and <= 2100) return year;
        }
        return null;
    }
}

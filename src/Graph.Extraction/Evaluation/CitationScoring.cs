using Graph.Model;

namespace Graph.Extraction.Evaluation;

/// <summary>One document's citations against a gold list: what it cites by symbol, directly or through its footnotes.</summary>
/// <param name="Expected">Documents the gold list gives.</param>
/// <param name="Found">Documents the extractor cites that the gold's conventions count.</param>
/// <param name="Correct">Of those, the ones the gold list gives.</param>
/// <param name="NamedOnly">
/// Documents the extractor cites only because the text names an instrument of the instrument list, with no symbol or
/// footnote, and that the gold list does not give: the gold sets count a named instrument only by the symbol its
/// footnote gives, so these are neither right nor wrong by them and are reported apart (the hand-checked sample of
/// name links judges them).
/// </param>
internal readonly record struct CitationScore(int Expected, int Found, int Correct, int NamedOnly);

internal static class CitationScoring
{
    /// <summary>
    /// Counts the documents <paramref name="document"/> cites against <paramref name="cited"/>, and adds a line to
    /// <paramref name="mistakes"/> for each citation found that <paramref name="setName"/> does not list and each one missed.
    /// A document reached only through the instrument list and not in the list is set aside (<see cref="CitationScore.NamedOnly"/>)
    /// with its own line; one the gold list does give counts as found and right, as any other.
    /// </summary>
    public static CitationScore Score(string file, GraphDocument document, IReadOnlyList<string> cited, string setName, List<string> mistakes)
    {
        var found = document.Relationships
            .Where(r => r.Type == RelationshipTypes.Cites && r.Start == document.DocumentId)
            .Select(r => r.End).ToHashSet(StringComparer.Ordinal);
        // What a paragraph cites otherwise than by the instrument list: its symbol, a footnote, or a name a footnote tied.
        var counted = document.Relationships
            .Where(r => r.Type == RelationshipTypes.Cites && r.Start != document.DocumentId && r.Properties.GetValueOrDefault("by") is null)
            .Select(r => r.End).ToHashSet(StringComparer.Ordinal);
        var expected = cited.ToHashSet(StringComparer.Ordinal);
        var namedOnly = found.Where(f => !counted.Contains(f) && !expected.Contains(f)).ToList();
        found.ExceptWith(namedOnly);
        foreach (var extra in found.Where(f => !expected.Contains(f))) mistakes.Add($"{file}: cites {extra}, which {setName} does not list");
        foreach (var missed in expected.Where(e => !found.Contains(e))) mistakes.Add($"{file}: misses citation of {missed}");
        foreach (var named in namedOnly) mistakes.Add($"{file}: cites {named} only by an instrument's name (not counted: {setName} counts names only through footnotes)");
        return new CitationScore(expected.Count, found.Count, found.Count(expected.Contains), namedOnly.Count);
    }
}

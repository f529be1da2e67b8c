using Graph.Model;

namespace Graph.Extraction.Evaluation;

/// <summary>One document's citations against a gold list: what it cites by symbol, directly or through its footnotes.</summary>
internal static class CitationScoring
{
    /// <summary>
    /// Counts the documents <paramref name="document"/> cites against <paramref name="cited"/>, and adds a line to
    /// <paramref name="mistakes"/> for each citation found that <paramref name="setName"/> does not list and each one missed.
    /// </summary>
    public static (int Expected, int Found, int Correct) Score(string file, GraphDocument document, IReadOnlyList<string> cited, string setName, List<string> mistakes)
    {
        var found = document.Relationships
            .Where(r => r.Type == RelationshipTypes.Cites && r.Start == document.DocumentId)
            .Select(r => r.End).ToHashSet(StringComparer.Ordinal);
        var expected = cited.ToHashSet(StringComparer.Ordinal);
        foreach (var extra in found.Where(f => !expected.Contains(f))) mistakes.Add($"{file}: cites {extra}, which {setName} does not list");
        foreach (var missed in expected.Where(e => !found.Contains(e))) mistakes.Add($"{file}: misses citation of {missed}");
        return (expected.Count, found.Count, found.Count(expected.Contains));
    }
}

using Graph.Extraction.Recognisers;
using Graph.Model;

namespace Graph.Extraction.Linking;

/// <summary>
/// Paragraph -[:CITES]-> Document for each occurrence, and one aggregated Document -[:CITES {count,
/// paragraphs}]-> Document per cited document, so citation chains are Document-to-Document paths.
/// </summary>
internal static class CitationLinker
{
    public static void Link(GraphBuilder builder, IReadOnlyList<Citation> citations, string documentId)
    {
        foreach (var citation in citations)
        {
            var kind = KindFromContext(citation.Context) ?? citation.Cited.Kind;
            var title = citation.Name;
            DocumentNodes.AddStub(builder, citation.Cited, kind, citation.Date, title, citation.Span);
            var key = $"{citation.Paragraph.Id[(citation.Paragraph.Id.IndexOf('#', StringComparison.Ordinal) + 1)..]}@{citation.Span.Start}";
            builder.Relationship(RelationshipTypes.Cites, citation.Paragraph.Id, citation.Cited.Canonical,
            [
                ("verb", citation.Paragraph.Verb),
                ("via", citation.Via),
                ("footnote", citation.Footnote is { } n ? (long)n : null),
                ("date", citation.Date),
                ("context", citation.Context),
                ("name", citation.Name),
            ], citation.Span, key);
        }
        foreach (var group in citations.GroupBy(c => c.Cited.Canonical, StringComparer.Ordinal))
        {
            var paragraphs = group.Select(c => c.Paragraph.Id).Distinct(StringComparer.Ordinal).Cast<object?>().ToList();
            var first = group.First();
            builder.Relationship(RelationshipTypes.Cites, documentId, group.Key, [("count", (long)group.Count()), ("paragraphs", paragraphs)], first.Span);
        }
    }

    /// <summary>"the report of the Secretary-General¹" says what kind of document footnote 1 names.</summary>
    private static string? KindFromContext(string context)
    {
        var tail = context.Length > 80 ? context[^80..] : context;
        if (context.Contains("report of the", StringComparison.OrdinalIgnoreCase) || context.StartsWith("report", StringComparison.OrdinalIgnoreCase)) return "report";
        if (tail.Contains("letter dated", StringComparison.OrdinalIgnoreCase)) return "letter";
        if (tail.Contains("note by the", StringComparison.OrdinalIgnoreCase)) return "note";
        return null;
    }
}

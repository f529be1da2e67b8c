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
            // The context is read once here, to tell the kind, and otherwise kept as a stretch of the text (see CitationContext).
            var context = citation.Context.ToString();
            var kind = KindFromContext(context) ?? citation.Cited.Kind;
            var title = citation.Name;
            DocumentNodes.AddStub(builder, citation.Cited, kind, citation.Date, title, citation.Span);
            var key = $"{citation.Paragraph.Id[(citation.Paragraph.Id.IndexOf('#', StringComparison.Ordinal) + 1)..]}@{citation.Span.Start}";
            builder.Relationship(RelationshipTypes.Cites, citation.Paragraph.Id, citation.Cited.Canonical,
            [
                ("verb", citation.Paragraph.Verb),
                ("via", citation.Via),
                ("footnote", citation.Footnote is { } n ? (long)n : null),
                ("date", citation.Date),
                ("context", citation.Context.IsWhole ? context : citation.Context),
                ("name", citation.Name),
                ("placed", citation.Placed ? "by footnote order" : null),
            ], citation.Span, key);
        }
        // One pass over the citations, in their order, gathering per cited document its count and distinct citing paragraphs.
        var byCited = new Dictionary<string, CitedTotal>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var citation in citations)
        {
            var cited = citation.Cited.Canonical;
            if (!byCited.TryGetValue(cited, out var total))
            {
                byCited[cited] = total = new CitedTotal(citation.Span);
                order.Add(cited);
            }
            total.Count++;
            if (total.Seen.Add(citation.Paragraph.Id)) total.Paragraphs.Add(citation.Paragraph.Id);
        }
        foreach (var cited in order)
        {
            var total = byCited[cited];
            builder.Relationship(RelationshipTypes.Cites, documentId, cited, [("count", (long)total.Count), ("paragraphs", total.Paragraphs)], total.FirstSpan);
        }
    }

    private sealed class CitedTotal(SourceSpan firstSpan)
    {
        public SourceSpan FirstSpan { get; } = firstSpan;
        public long Count { get; set; }
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
        public List<object?> Paragraphs { get; } = [];
    }

    /// <summary>"the report of the Secretary-General¹" says what kind of document footnote 1 names.</summary>
    private static string? KindFromContext(string context)
    {
        var tail = context.Length > 80 ? context.AsSpan(context.Length - 80) : context.AsSpan();
        // A case-blind search is several times slower than an ordinal one and runs for every citation: the words are
        // searched without their first letter, whose case is then checked.
        if (ContainsEitherCase(context, "report of the") || context.StartsWith("report", StringComparison.OrdinalIgnoreCase)) return "report";
        if (ContainsEitherCase(tail, "letter dated")) return "letter";
        if (ContainsEitherCase(tail, "note by the")) return "note";
        return null;
    }

    /// <summary>Whether <paramref name="words"/> (lower case) occur with their first letter in either case.</summary>
    private static bool ContainsEitherCase(ReadOnlySpan<char> text, string words)
    {
        var rest = words.AsSpan(1);
        var from = 1;
        while (from < text.Length)
        {
            var at = text[from..].IndexOf(rest, StringComparison.Ordinal);
            if (at < 0) return false;
            at += from;
            if (char.ToLowerInvariant(text[at - 1]) == words[0]) return true;
            from = at + 1;
        }
        return false;
    }
}

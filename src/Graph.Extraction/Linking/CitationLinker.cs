using Graph.Extraction.Recognisers;
using Graph.Model;
using Graph.Model.Symbols;

namespace Graph.Extraction.Linking;

/// <summary>
/// Paragraph -[:CITES]-> Document for each occurrence, and one aggregated Document -[:CITES {count,
/// paragraphs}]-> Document per cited document, so citation chains are Document-to-Document paths.
/// </summary>
internal static class CitationLinker
{
    // inferredMarks: the footnotes whose mark was read from what OCR made of it; their citations say how, as their links do.
    // fromHeading: documents the heading cites (the draft a Committee draft was made from); no paragraph holds them, so each
    // is only the document's citation, via: heading.
    public static void Link(GraphBuilder builder, IReadOnlyList<Citation> citations, string documentId, IReadOnlyDictionary<int, string>? inferredMarks = null,
        IReadOnlyList<(DocumentSymbol Symbol, SourceSpan Span)>? fromHeading = null)
    {
        // One pass over the citations, in their order, gathering per cited document its count and distinct citing paragraphs.
        // Citations come paragraph after paragraph, so a paragraph already counted for a document is the last one counted
        // for it; a set of each document's paragraphs (tens of thousands in a long text, for each of the documents it cites
        // most) is kept only when the citations are not in that order.
        var grouped = InParagraphOrder(citations);
        var byCited = new Dictionary<string, CitedTotal>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var citation in citations)
        {
            var cited = citation.Cited.Canonical;
            if (!byCited.TryGetValue(cited, out var total))
            {
                byCited[cited] = total = new CitedTotal(citation.Span, grouped);
                order.Add(cited);
            }
            total.Count(citation.Paragraph.Id);
        }
        // In paragraph order the first pass only counted each document's paragraphs, so that its list is made as long as
        // it will be: a long text's most cited documents have tens of thousands.
        if (grouped)
            foreach (var citation in citations) byCited[citation.Cited.Canonical].AddInOrder(citation.Paragraph.Id);
        // Room for all this adds at once (a citation each, a total per cited document, the heading's): growing a long
        // text's collections by doubling copies them and leaves the old arrays to the collector.
        builder.EnsureRelationshipCapacity(citations.Count + order.Count + (fromHeading?.Count ?? 0));
        // And a stub for each document cited, at most: the node table grown once to fit, not doubled past a long text's paragraphs.
        builder.EnsureNodeCapacity(order.Count + (fromHeading?.Count ?? 0));
        Span<char> stack = stackalloc char[CitationContext.StackLength];
        // The text of the key before where the citation starts ("op3@"), made once for a paragraph's citations.
        ParagraphInfo? keyed = null;
        var keyText = "";
        foreach (var citation in citations)
        {
            if (!ReferenceEquals(keyed, citation.Paragraph))
            {
                keyed = citation.Paragraph;
                keyText = KeyText(keyed.Id);
            }
            // The context is read once here, to tell the kind, into a buffer rather than a string (a long text makes
            // tens of thousands of them), and otherwise kept as a stretch of the text (see CitationContext).
            var kind = KindOf(citation.Context, stack) ?? citation.Cited.Kind;
            var title = citation.Name;
            DocumentNodes.AddStub(builder, citation.Cited, kind, citation.Date, title, citation.Span);
            builder.Relationship(RelationshipTypes.Cites, citation.Paragraph.Id, citation.Cited.Canonical,
            [
                ("verb", citation.Paragraph.Verb),
                ("via", citation.Via),
                ("footnote", citation.Footnote is { } n ? GraphBuilder.Number(n) : null),
                ("date", citation.Date),
                ("context", citation.Context.IsWhole ? citation.Context.ToString() : citation.Context),
                ("name", citation.Name),
                ("by", citation.By),
                ("placed", citation.Placed ? FootnoteLinker.ByFootnoteOrder : citation.Footnote is { } f ? inferredMarks?.GetValueOrDefault(f) : null),
            ], citation.Span, keyText, citation.Span.Start);
        }
        foreach (var cited in order)
        {
            var total = byCited[cited];
            builder.Relationship(RelationshipTypes.Cites, documentId, cited, [("count", GraphBuilder.Number(total.Citations)), ("paragraphs", total.Paragraphs)], total.FirstSpan);
        }
        foreach (var (symbol, span) in fromHeading ?? [])
        {
            if (byCited.ContainsKey(symbol.Canonical)) continue;
            byCited[symbol.Canonical] = new CitedTotal(span, inParagraphOrder: true);
            DocumentNodes.AddStub(builder, symbol, symbol.Kind, null, null, span);
            builder.Relationship(RelationshipTypes.Cites, documentId, symbol.Canonical, [("count", 1L), ("paragraphs", new List<object?>()), ("via", "heading")], span);
        }
    }

    /// <summary>The relationship's key before where the citation starts: the paragraph's part of its id and "@" ("op3@" of "op3@1234").</summary>
    private static string KeyText(string paragraphId) =>
        string.Concat(paragraphId.AsSpan(paragraphId.IndexOf('#', StringComparison.Ordinal) + 1), "@");

    private static string? KindOf(CitationContext context, Span<char> stack)
    {
        if (context.IsWhole) return KindFromContext(context.ToString());
        if (context.Length <= stack.Length) return KindFromContext(context.Cleaned(stack));
        var rented = System.Buffers.ArrayPool<char>.Shared.Rent(context.Length);
        var kind = KindFromContext(context.Cleaned(rented));
        System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return kind;
    }

    /// <summary>
    /// Whether each paragraph's citations are together and the paragraphs come in the order of the text: then a paragraph
    /// never comes back once the citations have moved past it.
    /// </summary>
    private static bool InParagraphOrder(IReadOnlyList<Citation> citations)
    {
        ParagraphInfo? previous = null;
        foreach (var citation in citations)
        {
            var paragraph = citation.Paragraph;
            if (previous is not null && !string.Equals(previous.Id, paragraph.Id, StringComparison.Ordinal) && paragraph.Span.Start <= previous.Span.Start) return false;
            previous = paragraph;
        }
        return true;
    }

    /// <summary>How often one document is cited, where first, and by which paragraphs in the order they first cite it.</summary>
    private sealed class CitedTotal(SourceSpan firstSpan, bool inParagraphOrder)
    {
        // Null while the citations are in paragraph order (see InParagraphOrder): a paragraph is then new unless it is the last one seen.
        private readonly HashSet<string>? _seen = inParagraphOrder ? null : new(StringComparer.Ordinal);
        private string? _last;
        private int _distinct;
        private List<object?>? _paragraphs;

        public SourceSpan FirstSpan { get; } = firstSpan;

        public long Citations { get; private set; }

        public List<object?> Paragraphs => _paragraphs ??= [];

        /// <summary>Counts a citation by <paramref name="paragraphId"/>; out of paragraph order, also lists the paragraph if new.</summary>
        public void Count(string paragraphId)
        {
            Citations++;
            if (_seen is not null)
            {
                if (_seen.Add(paragraphId)) Paragraphs.Add(paragraphId);
            }
            else if (!string.Equals(_last, paragraphId, StringComparison.Ordinal))
            {
                _distinct++;
                _last = paragraphId;
            }
        }

        /// <summary>Lists the paragraph if new, the citations being in paragraph order and all counted.</summary>
        public void AddInOrder(string paragraphId)
        {
            _paragraphs ??= new List<object?>(_distinct);
            if (_paragraphs.Count == 0 || !string.Equals((string?)_paragraphs[^1], paragraphId, StringComparison.Ordinal)) _paragraphs.Add(paragraphId);
        }
    }

    /// <summary>"the report of the Secretary-General¹" says what kind of document footnote 1 names.</summary>
    private static string? KindFromContext(ReadOnlySpan<char> context)
    {
        var tail = context.Length > 80 ? context[^80..] : context;
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

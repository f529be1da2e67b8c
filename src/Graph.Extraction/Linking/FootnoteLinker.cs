using Graph.Extraction.Recognisers;
using Graph.Extraction.Structure;
using Graph.Model;

namespace Graph.Extraction.Linking;

/// <summary>Footnote nodes, linked from the paragraphs whose marks call them (or from the document when none does).</summary>
internal static class FootnoteLinker
{
    public static void Link(GraphBuilder builder, LaidOutText laid, IReadOnlyList<ParagraphInfo> paragraphs, string documentId)
    {
        // Which paragraphs call each footnote, gathered in one pass: asking every paragraph for every footnote made
        // a long text with many footnotes quadratic.
        var callersOf = new Dictionary<int, List<ParagraphInfo>>();
        foreach (var paragraph in paragraphs)
        {
            foreach (var number in paragraph.Footnotes)
            {
                if (!callersOf.TryGetValue(number, out var list)) callersOf[number] = list = [];
                if (list.Count == 0 || !ReferenceEquals(list[^1], paragraph)) list.Add(paragraph);
            }
        }
        foreach (var block in laid.Footnotes)
        {
            var id = $"{documentId}#fn{block.FootnoteNumber}";
            var span = new SourceSpan(block.Start, block.End);
            builder.Node(id, [Labels.Footnote], [("number", (long)block.FootnoteNumber), ("text", laid.Text[block.ContentStart..block.End])], span);
            var callers = callersOf.GetValueOrDefault(block.FootnoteNumber);
            foreach (var paragraph in callers ?? [])
                builder.Relationship(RelationshipTypes.HasFootnote, paragraph.Id, id, span);
            if (callers is null)
                builder.Relationship(RelationshipTypes.HasFootnote, documentId, id, span);
        }
    }
}

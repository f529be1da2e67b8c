using Graph.Extraction.Recognisers;
using Graph.Extraction.Structure;
using Graph.Model;

namespace Graph.Extraction.Linking;

/// <summary>Footnote nodes, linked from the paragraphs whose marks call them (or from the document when none does).</summary>
internal static class FootnoteLinker
{
    public static void Link(GraphBuilder builder, LaidOutText laid, IReadOnlyList<ParagraphInfo> paragraphs, string documentId)
    {
        foreach (var block in laid.Footnotes)
        {
            var id = $"{documentId}#fn{block.FootnoteNumber}";
            var span = new SourceSpan(block.Start, block.End);
            builder.Node(id, [Labels.Footnote], [("number", (long)block.FootnoteNumber), ("text", laid.Text[block.ContentStart..block.End])], span);
            var callers = paragraphs.Where(p => p.Footnotes.Contains(block.FootnoteNumber)).ToList();
            foreach (var paragraph in callers)
                builder.Relationship(RelationshipTypes.HasFootnote, paragraph.Id, id, span);
            if (callers.Count == 0)
                builder.Relationship(RelationshipTypes.HasFootnote, documentId, id, span);
        }
    }
}

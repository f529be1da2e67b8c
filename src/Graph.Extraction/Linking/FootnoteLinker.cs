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
        var outsideParagraphs = MarksOutsideParagraphs(laid);
        foreach (var block in laid.Footnotes)
        {
            var id = $"{documentId}#fn{block.FootnoteNumber}";
            var span = new SourceSpan(block.Start, block.End);
            builder.Node(id, [Labels.Footnote], [("number", (long)block.FootnoteNumber), ("text", laid.Text[block.ContentStart..block.End])], span);
            var callers = callersOf.GetValueOrDefault(block.FootnoteNumber);
            foreach (var paragraph in callers ?? [])
                builder.Relationship(RelationshipTypes.HasFootnote, paragraph.Id, id, span);
            if (callers is null && !outsideParagraphs.ContainsKey(block.FootnoteNumber) && BetweenMarksOf(callersOf, block.FootnoteNumber) is { } between)
                builder.Relationship(RelationshipTypes.HasFootnote, between.Id, id, [("placed", "by footnote order")], span);
            else if (callers is null)
                builder.Relationship(RelationshipTypes.HasFootnote, documentId, id, [("calledFrom", outsideParagraphs.GetValueOrDefault(block.FootnoteNumber))], span);
        }
    }

    /// <summary>
    /// A footnote whose mark the text lost (a scan that dropped "12" after "Annex II,"): marks are numbered in reading order, so
    /// where the marks of the footnotes before and after it both stand in one paragraph, its mark stood there too. Where
    /// they stand in different paragraphs, the place is not known and the footnote stays with the document.
    /// </summary>
    private static ParagraphInfo? BetweenMarksOf(Dictionary<int, List<ParagraphInfo>> callersOf, int number)
    {
        if (!callersOf.TryGetValue(number - 1, out var before) || !callersOf.TryGetValue(number + 1, out var after)) return null;
        return ReferenceEquals(before[^1], after[0]) ? after[0] : null;
    }

    /// <summary>
    /// Footnotes called from a heading or a closing line ("Adopted at the 2nd meeting.²²", old Security Council texts'
    /// vote notes): they belong to the document, and the link from it says where the mark stands.
    /// </summary>
    private static Dictionary<int, object?> MarksOutsideParagraphs(LaidOutText laid)
    {
        var found = new Dictionary<int, object?>();
        var text = laid.Text;
        foreach (var block in laid.Blocks)
        {
            if (block.Kind is not (BlockKind.Heading or BlockKind.Closing)) continue;
            var where = block.Kind == BlockKind.Heading ? "heading" : "closing";
            var i = block.Start;
            while (i < block.End)
            {
                var skip = Readers.Superscript.IndexIn(text.AsSpan(i, block.End - i));
                if (skip < 0) break;
                var p = i + skip;
                var number = Readers.Superscript.Read(text, ref p);
                if (number > 0) found.TryAdd(number, where);
                i = Math.Max(p, i + skip + 1);
            }
        }
        return found;
    }
}

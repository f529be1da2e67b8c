using Graph.Extraction.Recognisers;
using Graph.Extraction.Structure;
using Graph.Model;

namespace Graph.Extraction.Linking;

/// <summary>
/// Footnote nodes, linked from the paragraphs whose marks call them (or from the document when none does). A link made by
/// inference, not by a mark read as it was printed, carries <c>placed</c>, saying how.
/// </summary>
internal static partial class FootnoteLinker
{
    public const string ByFootnoteOrder = "by footnote order";

    public const string AsAgendaItemNote = "by its form: a volume's note on the agenda item, whose mark stands outside the resolution";

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
            // The note an asterisk on the heading calls (a draft's sponsors "on behalf of the Group of 77 and China"): the document's.
            if (block.FootnoteNumber == FootnoteZones.AsteriskNote)
            {
                builder.Node(id, [Labels.Footnote], [("number", (long)block.FootnoteNumber), ("mark", "*"), ("text", laid.Text[block.ContentStart..block.End])], span);
                builder.Relationship(RelationshipTypes.HasFootnote, documentId, id, [("calledFrom", "heading")], span);
                continue;
            }
            builder.Node(id, [Labels.Footnote], [("number", (long)block.FootnoteNumber), ("text", laid.Text[block.ContentStart..block.End])], span);
            var callers = callersOf.GetValueOrDefault(block.FootnoteNumber);
            var readFrom = laid.InferredMarks.GetValueOrDefault(block.FootnoteNumber);
            foreach (var paragraph in callers ?? [])
            {
                if (readFrom is null) builder.Relationship(RelationshipTypes.HasFootnote, paragraph.Id, id, span);
                else builder.Relationship(RelationshipTypes.HasFootnote, paragraph.Id, id, [("placed", readFrom)], span);
            }
            if (callers is not null) continue;
            var outside = outsideParagraphs.GetValueOrDefault(block.FootnoteNumber);
            if (outside is null && BetweenMarksOf(callersOf, block.FootnoteNumber) is { } between)
                builder.Relationship(RelationshipTypes.HasFootnote, between.Id, id, [("placed", ByFootnoteOrder)], span);
            else if (outside is null && AgendaItemNote().IsMatch(laid.Text.AsSpan(block.ContentStart, block.End - block.ContentStart)))
                builder.Relationship(RelationshipTypes.HasFootnote, documentId, id, [("calledFrom", "agenda item"), ("placed", AsAgendaItemNote)], span);
            else if (outside is not null && readFrom is not null)
                builder.Relationship(RelationshipTypes.HasFootnote, documentId, id, [("calledFrom", outside), ("placed", readFrom)], span);
            else
                builder.Relationship(RelationshipTypes.HasFootnote, documentId, id, [("calledFrom", outside)], span);
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
    /// "See Official Records of the Security Council, Fortieth Year, Supplement for April, May and June 1985.": in the volumes
    /// of Security Council resolutions, the note on the agenda item named in the decision text printed with the resolution
    /// ("… in the discussion of the item entitled “The situation in Angola: … (S/26060 and Add.1 and 2)”¹⁴"), giving the
    /// quarter's supplement where the documents cited after it ("Ibid., document S/26060") are printed. It cites no document of
    /// its own, and its mark stands in that decision text, not in the resolution's paragraphs.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:See |Ibid\., )?(?:Official Records of the Security Council, )?[A-Z][a-z]+(?:-[a-z]+)? [Yy]ear[,.] Supplement for (?:January, February and March|April, May and June|July, August and September|October, November and December) (?:19|20)[0-9]{2}\.?$")]
    private static partial System.Text.RegularExpressions.Regex AgendaItemNote();

    /// <summary>
    /// Footnotes called from a heading or a closing line ("Adopted at the 2nd meeting.²²", old Security Council texts'
    /// vote notes): they belong to the document, and the link from it says where the mark stands.
    /// </summary>
    private static Dictionary<int, string> MarksOutsideParagraphs(LaidOutText laid)
    {
        var found = new Dictionary<int, string>();
        var text = laid.Text;
        foreach (var block in laid.Blocks)
        {
            if (block.Kind is not (BlockKind.Heading or BlockKind.Closing)) continue;
            var where = block.Kind == BlockKind.Heading ? "heading" : "closing";
            foreach (var (number, _) in Readers.Superscript.Marks(text, block.Start, block.End))
                if (number > 0) found.TryAdd(number, where);
        }
        return found;
    }
}

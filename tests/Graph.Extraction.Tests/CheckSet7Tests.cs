using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// The seventh check set (graph/eval/check7-gold.json, paragraph counts and verbs of General Assembly resolutions and
/// drafts): its first measure on the unseen texts found no mistake, so the tests hold that figure and the forms of the
/// set that have no counts (an amendment, a note by the Secretariat), which must not be read as resolutions.
/// </summary>
public sealed class CheckSet7Tests
{
    private static List<GraphNode> OfKind(GraphDocument document, string kind) =>
        [.. Paragraphs(document).Where(p => p.GetString("kind") == kind)];

    [Fact]
    public void TheSeventhCheckSetIsScoredApartWithEveryDocumentFound()
    {
        // 21 of the 25 have counts (two draft decisions, a note by the Secretariat and an amendment have none); the first
        // measure, before any change: 21 of 21 each.
        HandCount.AssertAllRight("check7-gold.json", resolutions: 21);
    }

    [Fact]
    public void AnAmendmentHasNoParagraphsOfAResolution()
    {
        // A/C.3/80/L.65, an amendment to the draft on the report of the Human Rights Council, is one instruction: "Delete the
        // third preambular paragraph and operative paragraph 2." It names paragraphs of another text and has none of its own.
        var amendment = Extract("ga-drafts", "A_C.3_80_L.65.txt");
        Assert.Equal("amendment", amendment.FindNode(amendment.DocumentId)!.GetString("kind"));
        Assert.Empty(OfKind(amendment, "preambular"));
        Assert.Empty(OfKind(amendment, "operative"));
        Assert.Contains(Paragraphs(amendment), p => p.GetString("text") == "Delete the third preambular paragraph and operative paragraph 2.");
    }

    [Fact]
    public void ANoteByTheSecretariatsNumberedParagraphsAreNotOperative()
    {
        // A/C.2/80/L.1, the Second Committee's organization of work: "1. The agenda items allocated by the General Assembly to
        // the Second Committee …", "13. Bearing in mind the number of meetings …": numbered, but a note's, not a resolution's.
        var note = Extract("ga-drafts", "A_C.2_80_L.1.txt");
        Assert.Equal("note", note.FindNode(note.DocumentId)!.GetString("kind"));
        Assert.Empty(OfKind(note, "preambular"));
        Assert.Empty(OfKind(note, "operative"));
        Assert.Contains(Paragraphs(note), p => p.GetString("text")!.StartsWith("The agenda items allocated by the General Assembly", StringComparison.Ordinal));
    }
}

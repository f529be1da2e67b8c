using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// Where the parts of a resolution land in the graph, on real texts of the reference collection: sub-paragraphs under
/// their operative paragraph, annexes as annex paragraphs, footnotes called from closing lines, old "1/" footnotes.
/// </summary>
public sealed class DocumentStructureTests
{
    private static List<GraphNode> Paragraphs(GraphDocument document) =>
        [.. document.Nodes.Where(n => n.HasLabel(Labels.Paragraph))];

    [Fact]
    public void SubParagraphsBelongToTheirOperativeParagraphAndAreNotCountedAsOperative()
    {
        var document = Extract("sc-resolutions", "S_RES_0824_1993_EN_GOLD.txt");
        var paragraphs = Paragraphs(document);
        var subparagraphs = paragraphs.Where(p => p.GetString("kind") == "subparagraph").ToList();
        Assert.Equal(["S/RES/824 (1993)#op4.a", "S/RES/824 (1993)#op4.b"], subparagraphs.Select(p => p.Id));
        var ids = paragraphs.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var sub in subparagraphs)
        {
            var parent = sub.GetString("parent");
            Assert.NotNull(parent);
            Assert.Contains(parent, ids);
            Assert.StartsWith(parent + ".", sub.Id, StringComparison.Ordinal);
            Assert.Contains('(', sub.GetString("number") ?? "");
        }
        Assert.DoesNotContain(paragraphs, p => p.GetString("kind") == "operative" && (p.GetString("number") ?? "").Contains('(', StringComparison.Ordinal));
        Assert.Equal(9, paragraphs.Count(p => p.GetString("kind") == "operative"));
        Assert.Equal("Further declares", subparagraphs[0].GetString("verb"));
    }

    [Fact]
    public void OldStyleFootnotesListedAtTheEndAreReadAndAttachedByTheirSlashMarks()
    {
        var document = Extract("sc-resolutions", "S_RES_0787_1992_EN_GOLD.txt");
        var footnotes = document.Nodes.Where(n => n.HasLabel(Labels.Footnote)).ToList();
        Assert.Equal(5, footnotes.Count);
        var fromParagraphs = document.Relationships.Where(r => r.Type == RelationshipTypes.HasFootnote && r.Start != document.DocumentId).Select(r => r.End).ToHashSet();
        Assert.All(footnotes, f => Assert.Contains(f.Id, fromParagraphs));
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.End == "S/24476" && r.Properties["via"] as string == "footnote");
        Assert.DoesNotContain("1/ and", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AFootnoteCalledFromTheClosingLineIsTheDocumentsAndSaysWhere()
    {
        var document = Extract("sc-resolutions", "S_RES_0001_1946_EN_GOLD.txt");
        var link = Assert.Single(document.Relationships, r => r.Type == RelationshipTypes.HasFootnote);
        Assert.Equal(document.DocumentId, link.Start);
        Assert.Equal("closing", link.Properties["calledFrom"] as string);
    }

    [Fact]
    public void AnAnnexAfterTheClosingLinesIsAnnexParagraphsWithTheirFootnotes()
    {
        var document = Extract("ga-resolutions", "A_RES_79_233.txt");
        var paragraphs = Paragraphs(document);
        var operative = paragraphs.Where(p => p.GetString("kind") == "operative").ToList();
        var annex = paragraphs.Where(p => p.GetString("kind") == "annex").ToList();
        // "Adopts the Programme of Action …" is the resolution's one paragraph; the programme's numbered paragraphs are the annex's.
        Assert.True(operative.Count <= 1, $"{operative.Count} operative paragraphs");
        Assert.True(annex.Count > 100, $"{annex.Count} annex paragraphs");
        Assert.All(annex, p => Assert.Contains("#annex.p", p.Id, StringComparison.Ordinal));
        Assert.Contains(annex, p => p.GetString("number") == "1" && (p.GetString("text") ?? "").StartsWith("We are at a defining moment", StringComparison.Ordinal));
        var footnotes = document.Nodes.Count(n => n.HasLabel(Labels.Footnote));
        var attached = document.Relationships.Count(r => r.Type == RelationshipTypes.HasFootnote && r.Start != document.DocumentId);
        Assert.Equal(footnotes, attached);
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.End == "A/RES/70/1" && r.Start.Contains("#annex.p", StringComparison.Ordinal));
    }
}

using System.Text;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>Citations by name reach only instruments a footnote names, and say so; an elliptic "Council" keeps its body.</summary>
public sealed class NameCitationTests
{
    private const string Resolution = """
        Resolution adopted by the General Assembly on 19 December 2023

        78/999. Test of citations by name

        The General Assembly,

        Recalling the 2030 Agenda for Sustainable Development,¹ and taking note of the report of the Independent International Commission of Inquiry on the Syrian Arab Republic,²

        Recalling also Economic and Social Council resolutions 2023/31 of 25 July 2023 and Council resolutions 2019/15 of 8 July 2019,

        1. Calls for the full implementation of the 2030 Agenda for Sustainable Development;

        2. Urges all parties in the Syrian Arab Republic to respect international humanitarian law;

        ¹ Resolution 70/1.

        ² A/HRC/54/58.
        """;

    private static GraphDocument Extract() => new DocumentExtractor().Extract("A_RES_78_999.txt", Encoding.UTF8.GetBytes(Resolution));

    private static List<GraphRelationship> ParagraphCitations(GraphDocument document) =>
        [.. document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start.Contains('#', StringComparison.Ordinal))];

    [Fact]
    public void AnInstrumentNamedAgainIsCitedViaName()
    {
        var citations = ParagraphCitations(Extract());
        var byName = citations.Where(r => r.End == "A/RES/70/1" && r.Start.EndsWith("#op1", StringComparison.Ordinal)).ToList();
        Assert.True(byName.Count == 1, string.Join("\n", citations.Select(c => $"{c.Start} -> {c.End} via {c.Properties["via"]}")));
        Assert.Equal("name", byName[0].Properties["via"]);
    }

    [Fact]
    public void ACountryNamedInAReportTitleCitesNothing()
    {
        var citations = ParagraphCitations(Extract());
        Assert.DoesNotContain(citations, r => r.End == "A/HRC/54/58" && r.Start.EndsWith("#op2", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryCitationThatCarriesANameButNoSymbolIsViaName()
    {
        foreach (var citation in ParagraphCitations(Extract()).Where(r => r.Properties.GetValueOrDefault("footnote") is null && r.Properties.GetValueOrDefault("name") is not null))
            Assert.Equal("name", citation.Properties["via"]);
    }

    [Fact]
    public void AnEllipticCouncilIsTheCouncilNamedBeforeItInTheParagraph()
    {
        var cited = Extract().Relationships.Where(r => r.Type == RelationshipTypes.Cites).Select(r => r.End).ToHashSet();
        Assert.Contains("E/RES/2023/31", cited);
        Assert.Contains("E/RES/2019/15", cited);
        Assert.DoesNotContain("A/RES/2019/15", cited);
    }
}

using System.Text;
using Graph.Extraction.Evaluation;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// Citation forms the recall probe (<see cref="ReferenceProbe"/>) found uncited over the reference collections, on
/// small hand-written texts and on the real documents that showed them.
/// </summary>
public sealed class CitationRecallTests
{
    private static HashSet<string> Cited(GraphDocument document) =>
        [.. document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start == document.DocumentId).Select(r => r.End)];

    private static GraphDocument Extract(string file, string text) => new DocumentExtractor().Extract(file, Encoding.UTF8.GetBytes(text));

    private const string CouncilResolution = """
        Resolution 9999 (2025)

        Adopted by the Security Council at its 9999th meeting, on 1 June 2025

        The Security Council,

        Recalling the resolution adopted by the General Assembly in its resolution 77/162, and General Assembly resolution 1514 (XV),

        Noting that the Economic and Social Council, in its resolution 2017/21, and the Human Rights Council, in its resolution 57/22, addressed the matter,

        Recalling its resolutions 70/192 of 22 December 2015, 72/208 of 24 December 2107, 73/223 of 20 December 2018 and 74/207 of 19 December 2019 of the Assembly,

        1. Decides to remain seized of the matter.
        """;

    [Theory]
    // "Commission on Human Rights resolutions 2004/16 of 16 April 2004 4 and 2005/5 of 14 April 2005 5": each by its symbol.
    [InlineData("A_RES_78_190.txt", "pp2", new[] { "E/CN.4/RES/2004/16", "E/CN.4/RES/2005/5" })]
    // "the resolutions of the Commission on Human Rights on the right to development, in particular Commission resolution 1998/72".
    [InlineData("A_RES_79_170.txt", "pp21", new[] { "E/CN.4/RES/1998/72" })]
    // "the Commission on Human Rights in its resolution 1998/72 and the Human Rights Council in its resolution 4/4".
    [InlineData("A_RES_79_170.txt", "op4", new[] { "E/CN.4/RES/1998/72", "A/HRC/RES/4/4" })]
    public void ACommissionOnHumanRightsResolutionIsCitedByItsSymbol(string file, string paragraph, string[] symbols)
    {
        var document = UnDocument.Extract("ga-resolutions", file);
        var cited = document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start == $"{document.DocumentId}#{paragraph}").Select(r => r.End).ToHashSet();
        foreach (var symbol in symbols) Assert.Contains(symbol, cited);
    }

    [Fact]
    public void TheOrganNamedBeforeInItsResolutionOwnsTheResolution()
    {
        var cited = Cited(Extract("S_RES_9999_2025.txt", CouncilResolution));
        Assert.Contains("A/RES/77/162", cited);
        Assert.Contains("E/RES/2017/21", cited);
        Assert.Contains("A/HRC/RES/57/22", cited);
    }

    [Fact]
    public void ASessionNumberedResolutionInACouncilTextIsTheAssemblys() =>
        Assert.Contains("A/RES/1514 (XV)", Cited(Extract("S_RES_9999_2025.txt", CouncilResolution)));

    [Fact]
    public void AMistypedDateDoesNotEndAList()
    {
        var text = CouncilResolution.Replace("Recalling its resolutions 70/192", "Recalling General Assembly resolutions 70/192", StringComparison.Ordinal);
        var cited = Cited(Extract("S_RES_9999_2025.txt", text));
        Assert.Contains("A/RES/73/223", cited);
        Assert.Contains("A/RES/74/207", cited);
    }

    [Fact]
    public void TheProbeFindsListsRangesAndSymbolsOfAnySeries()
    {
        const string text = "Recalling resolutions 1267 (1999) to 2253 (2015), decision 75/555, ST/SGB/2003/13, A/CONF.157/24 (Part I) and AFC/M23.";
        var found = ReferenceProbe.References(text).Select(r => text[r.Start..r.End]).ToList();
        Assert.Equal(["ST/SGB/2003/13", "A/CONF.157/24", "1267 (1999)", "2253 (2015)", "75/555"], found);
        // A document not yet issued, its number left blank (A/C.5/80/L.1), is no reference.
        const string blank = "Issued A/80/7/Add.__ Report, A/C.5/80/___ and A/80/__ (A/80/6).";
        Assert.Equal(["A/80/6"], ReferenceProbe.References(blank).Select(r => blank[r.Start..r.End]).ToList());
        const string agenda = "Report of the Secretary-General (A/80/__); A/C.5/80/___ Report on the contingency fund; A/80/354 Report.";
        Assert.Equal(["A/80/354"], ReferenceProbe.References(agenda).Select(r => agenda[r.Start..r.End]).ToList());
    }

    [Fact]
    public void AnOldCouncilResolutionWhoseAdoptionLineStandsUnderItsTitleKeepsItsBodyAndCitations()
    {
        var path = Path.Combine(TestData.UnDocuments, "sc-resolutions", "S_RES_0768_1992_EN_GOLD.txt");
        if (!File.Exists(path)) Assert.Skip("sc-resolutions/S_RES_0768_1992_EN_GOLD.txt is not in the reference collection.");
        var document = new DocumentExtractor().ExtractFile(path);
        var paragraphs = document.Nodes.Where(n => n.HasLabel(Labels.Paragraph)).ToList();
        Assert.Equal("Recalling", paragraphs.Single(p => p.Id.EndsWith("#pp1", StringComparison.Ordinal)).GetString("verb"));
        Assert.Equal(5, paragraphs.Count(p => p.GetString("kind") == "operative"));
        var cited = Cited(document);
        Assert.Contains("S/RES/425 (1978)", cited);
        Assert.Contains("S/24341", cited);
    }

    [Fact]
    public void FootnotesListedAfterAVoteCountInTheClosingAreRead()
    {
        var path = Path.Combine(TestData.UnDocuments, "sc-resolutions", "S_RES_0191_1964_EN_GOLD.txt");
        if (!File.Exists(path)) Assert.Skip("sc-resolutions/S_RES_0191_1964_EN_GOLD.txt is not in the reference collection.");
        var cited = Cited(new DocumentExtractor().ExtractFile(path));
        Assert.Contains("S/5674", cited);
        Assert.Contains("S/5658", cited);
    }
}

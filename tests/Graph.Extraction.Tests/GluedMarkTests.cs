using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// Footnote marks of Assembly texts whose superscript the text layer lost, found in order: where the number after a decimal
/// point is no mark, where a mark glued to a title's last capital is one while a name's number is not, and where a mark
/// glued to the linking word after it ("Agreement 5and") is one.
/// </summary>
public sealed class GluedMarkTests
{
    private static GraphNode Paragraph(GraphDocument document, string suffix) =>
        document.FindNode($"{document.DocumentId}#{suffix}") ?? throw new InvalidOperationException($"{document.DocumentId}#{suffix} was not extracted.");

    private static List<long> Footnotes(GraphNode paragraph) =>
        paragraph.Properties.TryGetValue("footnotes", out var list) && list is List<object?> numbers ? [.. numbers.OfType<long>()] : [];

    [Fact]
    public void TheDecimalsOfANumberAreNoMark()
    {
        // "by a significant margin of 0.12 degrees Celsius" stood before "Convention on Climate Change11 and the Paris
        // Agreement,12": taking 12 there made mark 11 look skipped, so both footnotes left the paragraph that calls them.
        var document = UnDocument.Extract("ga-resolutions", "A_RES_79_205.txt");
        var warming = Paragraph(document, "pp14");
        Assert.Empty(Footnotes(warming));
        Assert.Contains("a significant margin of 0.12 degrees Celsius", warming.GetString("text"), StringComparison.Ordinal);
        var climate = Paragraph(document, "pp21");
        Assert.Equal([11L, 12L], Footnotes(climate));
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == climate.Id && r.End == "FCCC/CP/2015/10/Add.1");
    }

    [Theory]
    // "World Health Assembly resolution 68.7 of 26 May 2015 …, 7 which": the mark is the one after the comma.
    [InlineData("A_RES_78_269.txt", "pp11", "resolution 68.7 of 26 May", new long[] { 6, 7 })]
    // "Sustainable Development Goal targets 15.3, 6.1 and 2.4": the mark is the one after "Convention," further on.
    [InlineData("A_RES_79_207.txt", "pp5", "targets 15.3, 6.1 and", new long[0])]
    [InlineData("A_RES_79_207.txt", "pp10", "Framework of the Convention, including", new long[] { 3 })]
    public void ANumberWithDecimalsKeepsThemAndTheMarkStandsWhereItIsPrinted(string file, string paragraph, string text, long[] footnotes)
    {
        var node = Paragraph(UnDocument.Extract("ga-resolutions", file), paragraph);
        Assert.Contains(text, node.GetString("text"), StringComparison.Ordinal);
        Assert.Equal(footnotes, Footnotes(node));
    }

    [Fact]
    public void ANumberEndingASentenceKeepsTheMarkAfterItsFullStop()
    {
        // "the rehabilitation programmes referred to under model strategy 10.24 Furthermore,": a sentence opens after the
        // number, so its full stop is no decimal point and 24 is the mark.
        var document = UnDocument.Extract("ga-resolutions", "A_RES_80_226.txt");
        var link = Assert.Single(document.Relationships, r => r.Type == RelationshipTypes.HasFootnote && r.End == $"{document.DocumentId}#fn24");
        Assert.Contains("under model strategy 10. Furthermore", document.FindNode(link.Start)?.GetString("text"), StringComparison.Ordinal);
    }

    [Theory]
    // "between the United Nations and INTERPOL1 and all other relevant cooperation agreements"
    [InlineData("A_RES_79_136.txt", "pp2", "United Nations and INTERPOL and all", 1)]
    // "the Declaration of Commitment on HIV/AIDS7 and the Political Declaration"
    [InlineData("A_RES_78_182.txt", "pp7", "Commitment on HIV/AIDS and the", 7)]
    // "pursuant to article 90 of Protocol I4 to the Geneva Conventions"
    [InlineData("A_RES_79_123.txt", "pp9", "article 90 of Protocol I to the Geneva", 4)]
    public void AMarkGluedToATitlesLastCapitalIsAMark(string file, string paragraph, string text, long footnote)
    {
        var node = Paragraph(UnDocument.Extract("ga-resolutions", file), paragraph);
        Assert.Contains(text, node.GetString("text"), StringComparison.Ordinal);
        Assert.Contains(footnote, Footnotes(node));
    }

    [Theory]
    // "Affirming also the Paris Agreement 5and its early entry into force … Convention on Climate Change 6that have"
    [InlineData("A_RES_80_129.txt", "pp6", "the Paris Agreement and its", new long[] { 5, 6 })]
    // "Recalling the Universal Declaration of Human Rights,1as well as": footnote 1 had been placed by order on "Goal 1".
    [InlineData("A_RES_80_207.txt", "pp2", "Declaration of Human Rights, as well as", new long[] { 1, 2, 3 })]
    // "the World Summit on the Information Society and its outcomes, 16including"
    [InlineData("A_RES_80_179.txt", "pp12", "and its outcomes, including", new long[] { 16 })]
    public void AMarkGluedToTheLinkingWordAfterItIsAMarkAndTheWordStandsApart(string file, string paragraph, string text, long[] footnotes)
    {
        var node = Paragraph(UnDocument.Extract("ga-resolutions", file), paragraph);
        Assert.Contains(text, node.GetString("text"), StringComparison.Ordinal);
        Assert.Equal(footnotes, Footnotes(node));
    }

    [Fact]
    public void ANamesNumberAndAPanelsNumberAreNoMarks()
    {
        // "Panel 1: The world together" stands before the mark of footnote 1 ("on a non-objection basis1 and"), and the
        // programme's "UNDC2 building" is a building's name.
        var assembly = UnDocument.Extract("ga-resolutions", "A_RES_79_333.txt");
        Assert.Contains("Panel 1: The world together", Paragraph(assembly, "op4.b").GetString("text"), StringComparison.Ordinal);
        Assert.Equal([1L], Footnotes(Paragraph(assembly, "op10")));
        var draft = UnDocument.Extract("ga-drafts", "A_80_L.22.txt");
        Assert.Contains(draft.Nodes, n => n.GetString("text")?.Contains("the UNDC2 building", StringComparison.Ordinal) == true);
    }
}

using System.Text;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// Texts of about a megabyte in shapes no document has but an input can: one line, one paragraph of a hundred thousand
/// symbols, a run of capitalised words, thousands of footnotes, tens of thousands of sub-paragraphs. Each step read some of
/// them once per symbol or per word back to the start of the paragraph, so their time grew with the square of the input
/// (a 5 MB text took minutes). The work is fixed and the tests check what is found; how the time grows is measured by
/// <c>graph bench extraction-scaling --shape</c>, not here.
/// </summary>
public sealed class HostileTextScalingTests
{
    private const string Masthead = "United Nations\nA/RES/99/1\nGeneral Assembly\n\nThe General Assembly,\n\n";

    private static GraphDocument Extract(string body) => new DocumentExtractor().ExtractText("A_RES_99_1.txt", Masthead + body);

    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();

    private static List<GraphNode> Paragraphs(GraphDocument document) => [.. document.Nodes.Where(n => n.HasLabel(Labels.Paragraph))];

    private static List<GraphRelationship> Citations(GraphDocument document, string from) =>
        [.. document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start == from)];

    private static object? Property(PropertyHolder holder, string name) => holder.TryGetProperty(name, out var value) ? value : null;

    [Fact]
    public void OneLineOfThirtyThousandCitationsIsOneParagraphCitingEachTime()
    {
        const int times = 33_000;
        var document = Extract(Repeat("Recalling resolution 70/1 and ", times));

        var paragraph = Assert.Single(Paragraphs(document));
        Assert.Equal("Recalling", Property(paragraph, "verb"));
        var cites = Citations(document, paragraph.Id);
        Assert.Equal(times, cites.Count);
        Assert.All(cites, c => Assert.Equal("A/RES/70/1", c.End));
        Assert.Equal(times, cites.Select(c => Property(c, PropertyNames.SpanStart)).Distinct().Count());
    }

    [Fact]
    public void ParagraphOfEightyThousandSymbolsCitesEveryOne()
    {
        const int times = 85_000;
        var document = Extract("1. Requests " + Repeat("A/RES/70/1, ", times));

        var paragraph = Assert.Single(Paragraphs(document));
        Assert.Equal("operative", Property(paragraph, "kind"));
        Assert.Equal("Requests", Property(paragraph, "verb"));
        var cites = Citations(document, paragraph.Id);
        Assert.Equal(times, cites.Count);
        Assert.All(cites, c => Assert.Equal("inline", Property(c, "via")));
    }

    [Fact]
    public void CouncilResolutionsAfterTheCouncilsNameAreItsEveryTime()
    {
        const int times = 20_000;
        var document = Extract(Repeat("Economic and Social Council resolutions 2019/15, ", times));

        var paragraph = Assert.Single(Paragraphs(document));
        var cites = Citations(document, paragraph.Id);
        Assert.Equal(times, cites.Count);
        Assert.All(cites, c => Assert.Equal("E/RES/2019/15", c.End));
    }

    [Fact]
    public void HundredThousandCapitalisedWordsNameNoOrganization()
    {
        // "Operation" opens an operation's name but no organisation's: no head noun in the run, so the name-by-form
        // reader finds nothing, however far it reads.
        var document = Extract(Repeat("Operation ", 100_000));

        Assert.Single(Paragraphs(document));
        Assert.DoesNotContain(document.Nodes, n => n.HasLabel(Labels.Organization));
    }

    [Fact]
    public void RunOfCapitalisedWordsStillEndsInTheOrganizationItNames()
    {
        // The reach that keeps a run of capitalised words linear must not cut a name short: after a long run of words that
        // name nothing, a name of 108 characters, near the longest one read by its form, is still read whole.
        const string name = "Regional Commission for the Coordination of Testing Procedures in the Western Parts of the African Continent";
        var document = Extract("1. Requests " + Repeat("Operation ", 20_000) + "requests the " + name + " to report.\n");

        var organization = Assert.Single(document.Nodes, n => n.HasLabel(Labels.Organization));
        Assert.Equal(name, Property(organization, "name"));
    }

    [Fact]
    public void FootnoteListingEightyThousandDocumentsCitesThemAllFromItsParagraph()
    {
        const int documents = 80_000;
        var list = string.Join(", ", Enumerable.Range(1, documents).Select(n => $"A/78/{n}"));
        var document = Extract("1. Requests the reports,1\n__________________\n1 See " + list + ".\n");

        var paragraph = Assert.Single(Paragraphs(document));
        var cites = Citations(document, paragraph.Id);
        Assert.Equal(documents, cites.Count);
        Assert.All(cites, c => Assert.Equal(1L, Property(c, "footnote")));
        Assert.Equal(documents, cites.Select(c => c.End).Distinct().Count());
    }

    [Fact]
    public void SeventyThousandFootnoteLinesGiveTheFootnotesNumberedUpTo999()
    {
        // Footnote numbers run to three digits: the lines numbered 1000 and on are read as the text of footnote 999.
        const int lines = 70_000;
        var notes = new StringBuilder();
        for (var n = 1; n <= lines; n++) notes.Append(n).Append(" See A/78/").Append(n).Append(".\n");
        var document = Extract("1. Requests the report,1\n__________________\n" + notes);

        var footnotes = document.Nodes.Where(n => n.HasLabel(Labels.Footnote)).ToDictionary(n => Convert.ToInt64(Property(n, "number"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(999, footnotes.Count);
        Assert.Equal(Enumerable.Range(1, 999).Select(n => (long)n), footnotes.Keys.Order());
        Assert.Equal("See A/78/998.", Property(footnotes[998], "text"));
        var paragraph = Assert.Single(Paragraphs(document));
        Assert.Contains(Citations(document, paragraph.Id), c => c.End == "A/78/1" && Equals(Property(c, "footnote"), 1L));
    }

    [Fact]
    public void HundredThousandIbidLinesCiteEachDocumentAndItsAddendum()
    {
        const int lines = 100_000;
        var text = new StringBuilder();
        for (var n = 1; n <= lines; n++) text.Append(n).Append("/ Ibid., documents S/").Append(n).Append(" and Add.1.\n");
        var document = Extract(text.ToString());

        var cited = document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start != document.DocumentId).Select(r => r.End).ToHashSet();
        Assert.Equal(2 * lines, cited.Count);
        Assert.Contains("S/1", cited);
        Assert.Contains($"S/{lines}/Add.1", cited);
    }

    [Fact]
    public void HundredTwentyThousandSubParagraphsAreEachTheirParagraphsChild()
    {
        const int times = 125_000;
        var document = Extract("1. Decides:\n" + Repeat("(a) To;\n", times));

        var paragraphs = Paragraphs(document);
        var operative = Assert.Single(paragraphs, p => Equals(Property(p, "kind"), "operative"));
        var subparagraphs = paragraphs.Where(p => Equals(Property(p, "kind"), "subparagraph")).ToList();
        Assert.Equal(times, subparagraphs.Count);
        Assert.All(subparagraphs, p => Assert.Equal(operative.Id, Property(p, "parent")));
        Assert.Equal(times, subparagraphs.Select(p => Property(p, PropertyNames.SpanStart)).Distinct().Count());
    }
}

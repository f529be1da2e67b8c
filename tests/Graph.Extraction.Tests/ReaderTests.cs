using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>Each format yields the same facts as the plain text of the same document.</summary>
public sealed class ReaderTests
{
    private const string Html = """
        <!DOCTYPE html><html><head><title>A/RES/77/13</title><style>p{}</style></head><body>
        <p>General Assembly</p><p>Distr.: General<br>25 November 2022</p>
        <p>Seventy-seventh session</p>
        <p>Resolution adopted by the General Assembly on 21 November 2022</p>
        <p>[without reference to a Main Committee (A/77/L.13)]</p>
        <h2>77/13. Cooperation between the United Nations and the Collective Security Treaty Organization</h2>
        <p><i>The General Assembly,</i></p>
        <p><i>Having considered</i> the report of the Secretary-General on cooperation between the United Nations and regional and other organizations,<sup>1</sup></p>
        <p><i>Referring</i> to its resolution <a href="#">59/50</a> of 2 December 2004,</p>
        <p>1. <i>Requests</i> the Secretary-General to submit to the General Assembly at its seventy-ninth session a report;</p>
        <p>39th plenary meeting<br>21 November 2022</p>
        <hr><p><sup>1</sup> A/77/277&#8211;S/2022/606.</p>
        </body></html>
        """;

    [Fact]
    public void HtmlGivesParagraphsFootnotesAndCitations()
    {
        var document = new DocumentExtractor().Extract("resolution.html", System.Text.Encoding.UTF8.GetBytes(Html));
        Assert.Equal("A/RES/77/13", document.DocumentId);
        var node = document.FindNode("A/RES/77/13")!;
        Assert.Equal("2022-11-21", node.GetString("adoptionDate"));
        Assert.Equal("preambular", document.FindNode("A/RES/77/13#pp1")?.GetString("kind"));
        Assert.Equal("Requests", document.FindNode("A/RES/77/13#op1")?.GetString("verb"));
        var cited = document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start == "A/RES/77/13").Select(r => r.End).Order(StringComparer.Ordinal);
        Assert.Equal(["A/77/277", "A/RES/59/50"], cited);
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.AdoptedAt && r.End == "A/77/PV.39");
        Assert.DoesNotContain("<", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void IGovDecisionRecordGivesTheDecisionItsMeetingAndCitations()
    {
        var document = new DocumentExtractor().ExtractFile(Path.Combine(TestData.Corpus, "igov-decisions", "71_524.json"));
        Assert.Equal("A/DEC/71/524", document.DocumentId);
        var node = document.FindNode("A/DEC/71/524")!;
        Assert.Equal(("decision", "2016-12-13"), (node.GetString("kind"), node.GetString("adoptionDate")));
        Assert.Equal("Observer status for the Cooperation Council of Turkic-speaking States in the General Assembly", node.GetString("title"));
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.AdoptedAt && r.End == "A/71/PV.62");
        // The Cooperation Council of Turkic-speaking States is the Organization of Turkic States since 2021.
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Mentions && r.End == "org:organization-of-turkic-states");
    }

    [Theory]
    [InlineData("ai-un-report/S_RES_2780_2025")]
    [InlineData("ai-un-report/S_RES_2775_2025")]
    public void PdfReadWithPdfPigCitesWhatItsTextRenderingCites(string stem)
    {
        var pdf = Path.Combine(TestData.Corpus, stem + ".pdf");
        var extractor = new DocumentExtractor();
        var fromPdf = extractor.ExtractFile(pdf);
        var fromText = extractor.ExtractFile(Path.Combine(TestData.Corpus, stem + ".pdftotext.txt"));
        Assert.Equal(fromText.DocumentId, fromPdf.DocumentId);
        static string[] Cited(GraphDocument d) =>
            [.. d.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start == d.DocumentId).Select(r => r.End).Order(StringComparer.Ordinal)];
        Assert.Equal(Cited(fromText), Cited(fromPdf));
        Assert.Equal(fromText.FindNode(fromText.DocumentId)!.GetString("adoptionDate"), fromPdf.FindNode(fromPdf.DocumentId)!.GetString("adoptionDate"));
    }
}

using System.Globalization;
using Graph.Extraction.Evaluation;
using Graph.Extraction.Recognisers;
using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// Citations made from the instrument list (graph/lexicon/instruments.tsv): a paragraph that names an instrument whose
/// name is unambiguous cites its document even with no footnote, on the real documents of the reference collection
/// that show each case; a name inside a longer title, a body's name or a text older than the instrument cites nothing.
/// </summary>
public sealed class InstrumentListTests
{
    private static List<GraphRelationship> FromList(GraphDocument document) =>
        [.. document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Properties.GetValueOrDefault("by") as string == CitationRecogniser.ByInstrumentList)];

    private static (int Start, int End) Span(GraphRelationship r) =>
        (Convert.ToInt32(r.Properties["spanStart"], CultureInfo.InvariantCulture), Convert.ToInt32(r.Properties["spanEnd"], CultureInfo.InvariantCulture));

    private static string Describe(GraphDocument document, IEnumerable<GraphRelationship> links) =>
        string.Join("\n", links.Select(r => $"{r.Start} -> {r.End} '{document.Text[Span(r).Start..Span(r).End]}'"));

    [Fact]
    public void TheAgendaNamedWithoutAFootnoteCitesResolution70Slash1WithItsSpan()
    {
        // "… rural-focused poverty eradication strategies in alignment with the 2030 Agenda, …": no mark, no symbol.
        var document = Extract("ga-resolutions", "A_RES_80_154.txt");
        var links = FromList(document).Where(r => r.Start == "A/RES/80/154#op5").ToList();
        Assert.True(links.Count > 0, Describe(document, FromList(document)));
        foreach (var link in links)
        {
            Assert.Equal("A/RES/70/1", link.End);
            Assert.Equal("name", link.Properties["via"]);
            Assert.Equal("2030 Agenda", link.Properties["name"]);
            Assert.Null(link.Properties.GetValueOrDefault("footnote"));
            var (start, end) = Span(link);
            Assert.Equal("2030 Agenda", string.Join(' ', document.Text[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        }
        // The document-level CITES holds it too, so the resolution is a cited document of A/RES/80/154.
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == document.DocumentId && r.End == "A/RES/70/1");
    }

    [Fact]
    public void AParagraphThatCitesTheResolutionBySymbolGetsNoListLink()
    {
        // "Reaffirming its resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 Agenda …”".
        var document = Extract("ga-resolutions", "A_RES_80_147.txt");
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == "A/RES/80/147#pp1" && r.End == "A/RES/70/1" && r.Properties["via"] as string == "inline");
        Assert.DoesNotContain(FromList(document), r => r.Start == "A/RES/80/147#pp1");
    }

    [Fact]
    public void ANameInsideAnotherInstrumentsTitleOrABodysNameCitesNothing()
    {
        // "the Riyadh Update on the Group of 20 Action Plan on the 2030 Agenda for Sustainable Development".
        var g20 = Extract("ga-resolutions", "A_RES_79_196.txt");
        var inPlan = FromList(g20).Where(r => g20.Text[Math.Max(0, Span(r).Start - 30)..Span(r).Start].Contains("Action Plan on the", StringComparison.Ordinal)).ToList();
        Assert.True(inPlan.Count == 0, Describe(g20, inPlan));
        // The same paragraph's "the global implementation of the 2030 Agenda" is the Agenda itself.
        Assert.Contains(FromList(g20), r => r.Start == "A/RES/79/196#pp10" && r.End == "A/RES/70/1");
        // "the Kyoto Declaration …: Towards the Achievement of the 2030 Agenda for Sustainable Development".
        var kyoto = Extract("ga-resolutions", "A_RES_78_229.txt");
        var insideKyoto = FromList(kyoto).Where(r => kyoto.Text[Math.Max(0, Span(r).Start - 30)..Span(r).Start].Contains("Achievement of the", StringComparison.Ordinal)).ToList();
        Assert.True(insideKyoto.Count == 0, Describe(kyoto, insideKyoto));
        // 1975: "the Special Committee on the Situation with regard to the implementation of the Declaration on the Granting …".
        var committee = Extract("sc-resolutions", "S_RES_0384_1975_EN_GOLD.txt");
        Assert.True(!FromList(committee).Any(r => r.End == "A/RES/1514 (XV)"), Describe(committee, FromList(committee)));
        // "the online Sendai Framework monitor" is the reporting tool.
        var monitor = Extract("ga-resolutions", "A_RES_80_137.txt");
        var tools = FromList(monitor).Where(r => monitor.Text[Span(r).End..].TrimStart().StartsWith("monitor", StringComparison.Ordinal)).ToList();
        Assert.True(tools.Count == 0, Describe(monitor, tools));
        Assert.Contains(FromList(monitor), r => r.End == "A/RES/69/283");
    }

    [Fact]
    public void ATextOlderThanTheInstrumentDoesNotCiteIt()
    {
        // December 2023: "Looks forward to the elaboration of a Global Digital Compact" (resolution 79/1 is of 2024).
        var document = Extract("ga-resolutions", "A_RES_78_162.txt");
        Assert.Contains("Global Digital Compact", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.End == "A/RES/79/1");
    }

    [Fact]
    public void AGoldSetCountsADocumentCitedOnlyByTheListApart()
    {
        // "Also welcomes the Kunming-Montreal Global Biodiversity Framework …" with no footnote: the set counts names only
        // through footnotes, so CBD/COP/15/17 is neither right nor wrong by it and is reported apart.
        var path = Path.Combine(TestData.UnDocuments, "ga-resolutions", "A_RES_79_264.txt");
        if (!File.Exists(path)) Assert.Skip("ga-resolutions/A_RES_79_264.txt is not in the reference collection.");
        var document = new DocumentExtractor().Extract(path, File.ReadAllBytes(path));
        var cited = document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start == document.DocumentId).Select(r => r.End).ToList();
        Assert.Contains("CBD/COP/15/17", cited);
        var counted = cited.Where(c => c != "CBD/COP/15/17").ToList();
        var mistakes = new List<string>();
        var score = CitationScoring.Score("A_RES_79_264.txt", document, counted, "the test", mistakes);
        Assert.Equal(new CitationScore(counted.Count, counted.Count, counted.Count, 1), score);
        Assert.Contains(mistakes, m => m.Contains("CBD/COP/15/17 only by an instrument's name", StringComparison.Ordinal));
        // A set that does list it counts it found and right, as any other citation.
        Assert.Equal(new CitationScore(cited.Count, cited.Count, cited.Count, 0), CitationScoring.Score("A_RES_79_264.txt", document, cited, "the test", []));
    }

    [Fact]
    public void TheListReadsEveryNameWithItsSymbolAsTheStoreSpellsIt()
    {
        var names = InstrumentList.Default.Names;
        Assert.Contains(names, n => n.Name == "2030 Agenda for Sustainable Development" && n.Symbol.Canonical == "A/RES/70/1");
        Assert.Contains(names, n => n.Name == "Universal Declaration of Human Rights" && n.Symbol.Canonical == "A/RES/217 A (III)");
        Assert.Contains(names, n => n.Name == "Declaration on the Granting of Independence to Colonial Countries and Peoples" && n.Symbol.Canonical == "A/RES/1514 (XV)");
        Assert.Equal(names.Count, names.Select(n => n.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("symbol\tnames\tsource\nA/RES/70/1\t2030 Agenda\n", "expected three tab-separated columns")]
    [InlineData("symbol\tnames\tsource\nresolution seventy\t2030 Agenda\tsomewhere\n", "is not a document symbol")]
    [InlineData("symbol\tnames\tsource\nA/RES/70/1\tAgenda\tsomewhere\n", "is one word")]
    [InlineData("symbol\tnames\tsource\nA/RES/70/1\t2030 Agenda\ta\nA/RES/55/2\t2030 Agenda\tb\n", "is listed for A/RES/70/1 already")]
    [InlineData("A/RES/70/1\t2030 Agenda\tsomewhere\n", "expected the header")]
    public void ABadListLineIsAClearError(string tsv, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => InstrumentList.Load(new StringReader(tsv), "instruments.tsv"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("instruments.tsv:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the Sendai Framework for Disaster Risk\nReduction 2015– 2030, and", "Sendai Framework for Disaster Risk Reduction 2015–2030")]
    [InlineData("the 2030 Agendas of others", null)]
    [InlineData("the 2030 Agenda.", "2030 Agenda")]
    public void ANameMatchesAcrossLineBreaksAndOnlyAsWholeWords(string text, string? expected)
    {
        var found = InstrumentList.Default.Find(text, 0, text.Length);
        Assert.Equal(expected, found.Count == 0 ? null : found[0].Name.Name);
    }
}

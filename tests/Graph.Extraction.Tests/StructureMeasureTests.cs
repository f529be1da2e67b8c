using Graph.Extraction.Evaluation;

namespace Graph.Extraction.Tests;

/// <summary>The gold-free measures and the structure fixes they found, on real and small hand-written inputs.</summary>
public sealed class StructureMeasureTests
{
    private static OperativeLexicon Lexicon => OperativeLexicon.Load(Path.Combine(TestData.Root, "graph", "lexicon", "operative-verbs.txt"));

    [Theory]
    [InlineData("Requests", true)]
    [InlineData("Also reaffirms", true)]
    [InlineData("Further emphasizes", true)]
    [InlineData("Once again calls upon", true)]
    [InlineData("Encourages further", true)]
    [InlineData("Decides to remain seized", true)]
    [InlineData("Also", false)]
    [InlineData("Further", false)]
    [InlineData("Assembly", false)]
    [InlineData("Conscious", false)]
    public void TheLexiconTakesCompoundOperativePhrasesWholeAndNotTheirFragments(string verb, bool known) =>
        Assert.Equal(known, Lexicon.Contains(verb));

    [Theory]
    [InlineData("A/78/481/Add", "'Add' without its number")]
    [InlineData("S/2338/2024", "year 2338")]
    [InlineData("A/RES/95/1", "session 95")]
    [InlineData("S/RES/2719 (1950)", "resolution 2719 cannot date from 1950")]
    [InlineData("A/78/481/Add.2", null)]
    [InlineData("S/5764/Add.1", null)]
    [InlineData("S/RES/2719 (2023)", null)]
    [InlineData("A/RES/1514 (XV)", null)]
    [InlineData("A/RES/186 (S-2)", null)]
    public void SymbolsTheSeriesDoNotAllowAreCaught(string symbol, string? problem) =>
        Assert.Equal(problem, SymbolPlausibility.Problem(symbol));

    [Theory]
    [InlineData("A/RES/78/I", "A/RES/78/1", true)]
    [InlineData("S/RES/434 (1973)", "S/RES/434 (1978)", true)]
    [InlineData("A/RES/78/2", "A/RES/78/1", false)]
    [InlineData("S/RES/434 (1978)", "S/RES/434 (1978)", false)]
    public void AnOcrDamagedSymbolDoesNotBeatTheFileName(string inText, string named, bool damaged) =>
        Assert.Equal(damaged, Recognisers.OwnSymbolRecogniser.IsDamagedForm(inText, named));

    [Fact]
    public void TheSeedsAreCoveredAndTheirFootnotesAttachedAndVerbsKnown()
    {
        var extractor = new DocumentExtractor();
        foreach (var file in Directory.GetFiles(Path.Combine(TestData.BundledCorpus, "seeds"), "*.txt"))
        {
            var measures = StructureMeasures.Measure(extractor, Path.GetFileName(file), File.ReadAllBytes(file), Lexicon);
            Assert.True(measures.Coverage >= 0.995, $"{file}: coverage {measures.Coverage:P2}; uncovered: {string.Join(" | ", measures.Uncovered)}");
            Assert.True(measures.FootnotesAttached == measures.Footnotes, $"{file}: footnotes not attached: {string.Join(", ", measures.FootnotesUnattached)}");
            Assert.True(measures.OperativeParagraphs > 0 && measures.OperativeVerbsKnown == measures.OperativeParagraphs, $"{file}: {string.Join(" || ", measures.UnknownVerbs)}");
            Assert.Empty(measures.SuspectFurniture);
        }
    }

    /// <summary>A printed page: a footnote mark glued to a year, a symbol suffix and a number with a thousands comma before the rule.</summary>
    private const string PagedResolution = """
        United Nations
        A/RES/78/999
        General Assembly
        Distr.: General
        12 December 2023

        23-99999 (E)    141223
        *2399999*

        Seventy-eighth session
        Agenda item 12

        Resolution adopted by the General Assembly
        on 10 December 2023

        78/999. Synthetic resolution

        The General Assembly,

        Recalling its resolution 77/13 of 12 July 20231 and the report contained in document
        A/78/481/Add.2,

        Noting that 2,299 incidents were recorded,2

        Bearing in mind the Charter of the United Nations and the purposes and principles
        it sets out,

        Recognizing the work of the regional commissions and of the funds and programmes
        of the United Nations system,

        Welcoming the cooperation of Member States with the Secretary-General and with
        the Advisory Committee,

        Stressing the importance of the present resolution and of the reports requested
        in it,

        1.
        Endorses the conclusions and recommendations contained in the report of
        the Advisory Committee;
        __________________

        1 See A/78/100.

        2 See A/78/200.

        A/RES/78/999
        Synthetic resolution

        23-99999
        2/3

        2.
        Endorses the conclusions and recommendations contained in the report of
        the Secretary-General;

        3.
        Also reaffirms its resolution 77/13;

        A/RES/78/999
        Synthetic resolution

        23-99999
        3/3

        45th plenary meeting
        10 December 2023
        """;

    [Fact]
    public void MarksGluedToYearsAreFoundWithoutEatingSuffixesOrNumbersAndRepeatedOpeningsAreKept()
    {
        var measures = StructureMeasures.Measure(new DocumentExtractor(), "A_RES_78_999.txt", System.Text.Encoding.UTF8.GetBytes(PagedResolution), Lexicon);
        var document = new DocumentExtractor().ExtractText("A_RES_78_999.txt", PagedResolution);
        var paragraphs = document.Nodes.Where(n => n.HasLabel(Graph.Model.Labels.Paragraph)).ToDictionary(n => n.Id, n => n);
        Assert.Equal(2, measures.FootnotesAttached);
        Assert.Contains("A/78/481/Add.2", paragraphs["A/RES/78/999#pp1"].GetString("text"), StringComparison.Ordinal);
        Assert.Contains("12 July 2023 and", paragraphs["A/RES/78/999#pp1"].GetString("text"), StringComparison.Ordinal);
        Assert.Contains("2,299 incidents", paragraphs["A/RES/78/999#pp2"].GetString("text"), StringComparison.Ordinal);
        Assert.Contains(document.Relationships, r => r.Type == Graph.Model.RelationshipTypes.Cites && r.End == "A/78/481/Add.2");
        // The two operative paragraphs open with the same line: both are kept, whole, with their verb.
        Assert.Equal("Endorses", paragraphs["A/RES/78/999#op1"].GetString("verb"));
        Assert.Equal("Endorses", paragraphs["A/RES/78/999#op2"].GetString("verb"));
        Assert.Equal("Also reaffirms", paragraphs["A/RES/78/999#op3"].GetString("verb"));
        Assert.Empty(measures.SuspectFurniture);
        Assert.True(measures.Coverage >= 0.999, $"coverage {measures.Coverage:P2}: {string.Join(" | ", measures.Uncovered)}");
    }
}

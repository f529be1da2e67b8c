using Graph.Extraction.Evaluation;
using Graph.Extraction.Structure;
using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// Forms a scan or a text rendering left in the reference collection, each searched for over the whole of it and read as
/// a class: a resolution number alone on a line taken for a page number, old Council footnotes numbered with a full stop,
/// an addendum's revision in a list of addenda, misprinted Council symbols, and operative verbs spoiled by the scan.
/// </summary>
public sealed class ScanFormTests
{
    private static OperativeLexicon Lexicon => OperativeLexicon.Load(Path.Combine(TestData.Root, "graph", "lexicon", "operative-verbs.txt"));

    private static List<GraphRelationship> Cites(GraphDocument document, string cited) =>
        [.. document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.End == cited && r.Start != document.DocumentId)];

    [Theory]
    // "Recalling" / "also" / "its" / "resolution" / "73/89" / "of" / "6 December": the line rendering set one word to a line.
    [InlineData("A_RES_79_81.txt", "A/RES/73/89", "its resolution 73/89 of 6 December 2018")]
    // "… 76/268 of 10 June 2022" / "and" / "78/330" / "of" / "6 September".
    [InlineData("A_RES_79_331.txt", "A/RES/78/330", "and 78/330 of 6 September")]
    public void AResolutionNumberAloneOnALineInsideASentenceIsNoPageNumber(string file, string cited, string words)
    {
        var document = Extract("ga-resolutions", file);
        Assert.Contains(Cites(document, cited), r => document.FindNode(r.Start)!.GetString("text")!.Contains(words, StringComparison.Ordinal));
    }

    [Fact]
    public void ThePageNumbersAroundItAreStillFurnitureAndTheMeasureSeesANumberOutOfTheirRun()
    {
        var path = Path.Combine(TestData.UnDocuments, "ga-resolutions", "A_RES_79_81.txt");
        if (!File.Exists(path)) Assert.Skip("ga-resolutions/A_RES_79_81.txt is not in the reference collection.");
        var removed = new List<string>();
        LayoutNormaliser.Normalise(File.ReadAllText(path), removed);
        Assert.Equal(["2/8", "3/8", "4/8", "5/8", "6/8", "7/8", "8/8"], removed.Where(l => l.EndsWith("/8", StringComparison.Ordinal)));
        Assert.DoesNotContain("73/89", removed);
        Assert.Empty(StructureMeasures.PageNumbersOutOfSeries(removed));
        // Had the line been removed, the gold-free measure would list it, and nothing else: its total is not the document's.
        Assert.Equal(["73/89"], StructureMeasures.PageNumbersOutOfSeries([.. removed, "73/89"]));
        var measures = StructureMeasures.Measure(new DocumentExtractor(), "A_RES_79_81.txt", File.ReadAllBytes(path), Lexicon);
        Assert.Empty(measures.SuspectFurniture);
    }

    [Fact]
    public void AFootnoteNumberedWithAFullStopAfterTheClosingIsReadAndCalledFromItsMark()
    {
        // "… contained in document S/5448 and addenda, 5" and, after "Adopted at the 1083rd meeting …",
        // "5. Ibid., Supplement for October, November and December 1963, documents S/5448 and Add.1-3."
        var document = Extract("sc-resolutions", "S_RES_0183_1963_EN_GOLD.txt");
        var footnote = document.FindNode($"{document.DocumentId}#fn5")!;
        Assert.StartsWith("Ibid., Supplement for October", footnote.GetString("text"), StringComparison.Ordinal);
        var caller = document.Relationships.Single(r => r.Type == RelationshipTypes.HasFootnote && r.End == footnote.Id).Start;
        Assert.Equal("Having considered", document.FindNode(caller)!.GetString("verb"));
        foreach (var cited in new[] { "S/5448", "S/5448/Add.1", "S/5448/Add.2", "S/5448/Add.3" })
            Assert.Contains(Cites(document, cited), r => r.Start == caller && r.Properties["via"] as string == "footnote");
        // The numbered operative paragraphs before the closing stay operative paragraphs, all seven.
        Assert.Equal(["Regrets", "Calls upon", "Deprecates", "Reaffirms", "Notes", "Believes", "Requests"], OperativeVerbs(document));
    }

    [Fact]
    public void FootnotesNumberedWithAFullStopAreFootnotesOfTheirOwnAndAContinuationLineIsNot()
    {
        // "46 Ibid., document S/20733." then "47. S/20758.": two footnotes, not one that cites both documents.
        var s639 = Extract("sc-resolutions", "S_RES_0639_1989_EN_GOLD.txt");
        Assert.Equal("Ibid., document S/20733.", s639.FindNode($"{s639.DocumentId}#fn46")!.GetString("text"));
        Assert.Equal("S/20758.", s639.FindNode($"{s639.DocumentId}#fn47")!.GetString("text"));
        Assert.DoesNotContain(Cites(s639, "S/20758"), r => r.Properties.TryGetValue("footnote", out var n) && n is long l && l == 46);
        // "33.One member (China) did not participate in the voting.", the space after the full stop lost: the closing's vote note.
        var s434 = Extract("sc-resolutions", "S_RES_0434_1978_EN_GOLD.txt");
        Assert.Equal("One member (China) did not participate in the voting.", s434.FindNode($"{s434.DocumentId}#fn33")!.GetString("text"));
        // "99 Official Records … (United Nations publication, Sales No." / "64.X.1), p. 173.": the sales number goes on footnote 99.
        var s457 = Extract("sc-resolutions", "S_RES_0457_1979_EN_GOLD.txt");
        Assert.Null(s457.FindNode($"{s457.DocumentId}#fn64"));
        Assert.EndsWith("64.X.1), p. 173.", s457.FindNode($"{s457.DocumentId}#fn99")!.GetString("text"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAddendumsRevisionInAListOfAddendaIsCitedWholeAndTheListGoesOn()
    {
        // "documents S/4417 and Add.1/Rev.1 and Add.2": three documents, and no "S/4417/Add.1" that the text does not cite.
        var document = Extract("sc-resolutions", "S_RES_0146_1960_EN_GOLD.txt");
        var cited = Cited(document);
        Assert.Contains("S/4417", cited);
        Assert.Contains("S/4417/Add.1/Rev.1", cited);
        Assert.Contains("S/4417/Add.2", cited);
        Assert.DoesNotContain("S/4417/Add.1", cited);
    }

    [Theory]
    // "… December 1933, document s/3140." and "52 Ibid., document s/21183.": a lower-case s in a Council text.
    [InlineData("S_RES_0101_1953_EN_GOLD.txt", "S/3140", "s/3140", 11)]
    [InlineData("S_RES_0649_1990_EN_GOLD.txt", "S/21183", "s/21183", 52)]
    // "… Supplement for July, August and September 1977, document S112357.": the slash read as a 1, the number of 1977's.
    [InlineData("S_RES_0412_1977_EN_GOLD.txt", "S/12357", "S112357", 75)]
    public void AMisprintedCouncilSymbolIsCitedThroughItsFootnote(string file, string symbol, string printed, int footnote)
    {
        var document = Extract("sc-resolutions", file);
        var citation = Assert.Single(Cites(document, symbol));
        Assert.Equal(footnote, (long)citation.Properties["footnote"]!);
        // The span is the symbol as the text prints it.
        var start = (int)(long)citation.Properties[PropertyNames.SpanStart]!;
        var end = (int)(long)citation.Properties[PropertyNames.SpanEnd]!;
        Assert.Equal(printed, document.Text[start..end]);
    }

    [Fact]
    public void ASlashReadAsAOneIsTakenOnlyWhereTheYearBeforeItFitsTheNumber()
    {
        // The year of 412 (1977)'s footnote fits S/12357; the same words with a year the number cannot be of are left alone.
        var fits = Model.Symbols.SymbolScanner.Scan("Supplement for July, August and September 1977, document S112357.", Model.Symbols.SymbolContext.SecurityCouncil);
        Assert.Equal("S/12357", Assert.Single(fits).Symbol.Canonical);
        Assert.Empty(Model.Symbols.SymbolScanner.Scan("Supplement for July, August and September 1950, document S112357.", Model.Symbols.SymbolContext.SecurityCouncil));
        Assert.Empty(Model.Symbols.SymbolScanner.Scan("in document S112357 of the Council", Model.Symbols.SymbolContext.SecurityCouncil));
        Assert.Empty(Model.Symbols.SymbolScanner.Scan("September 1977, document S112357.", Model.Symbols.SymbolContext.GeneralAssembly));
    }

    [Theory]
    [InlineData("Reguests", "Requests")]
    [InlineData("Reguests also", "Requests also")]
    [InlineData("Reaffirrns", "Reaffirms")]
    [InlineData("Decídes", "Decides")]
    [InlineData("Calis", "Calls")]
    [InlineData("Lakes note", "Takes note")]
    [InlineData("Retterates", "Reiterates")]
    [InlineData("Requests", null)]
    [InlineData("Assembly", null)]
    [InlineData("Estimates", null)]
    public void AVerbOneScanConfusionFromALexiconPhraseIsScanSpoiled(string verb, string? meant) =>
        Assert.Equal(meant, Lexicon.ScanSpoiled(verb));

    [Fact]
    public void ASpoiledVerbIsKeptAsPrintedAndMeasuredAsSpoiledNotUnknown()
    {
        // "6. Reguests UNTAC to continue …", "7. Reguests also the Secretary-General …".
        var path = Path.Combine(TestData.UnDocuments, "sc-resolutions", "S_RES_0840_1993_EN_GOLD.txt");
        if (!File.Exists(path)) Assert.Skip("sc-resolutions/S_RES_0840_1993_EN_GOLD.txt is not in the reference collection.");
        Assert.Contains("Reguests", OperativeVerbs(Extract("sc-resolutions", "S_RES_0840_1993_EN_GOLD.txt")));
        var measures = StructureMeasures.Measure(new DocumentExtractor(), "S_RES_0840_1993_EN_GOLD.txt", File.ReadAllBytes(path), Lexicon);
        Assert.Equal(["6: Reguests (Requests)", "7: Reguests also (Requests also)"], measures.SpoiledVerbs);
        Assert.Empty(measures.UnknownVerbs);
    }
}

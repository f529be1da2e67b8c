using Graph.Extraction.Evaluation;
using Graph.Extraction.Recognisers;
using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// One test for each class of structure failure the gold-free measures listed over the reference collections, each on a
/// real text that shows it: lead-ins that numbered paragraphs complete, "Whereas" clauses, the organ as subject, the bare
/// organ line, committee notes in the draft series, verb phrases cut short, and footnote marks after a year, an ordinal
/// meeting or session, a plural, or at the end of a dated title.
/// </summary>
public sealed class StructureClassTests
{
    private static List<GraphNode> Operative(GraphDocument document) =>
        [.. document.Nodes.Where(n => n.HasLabel(Labels.Paragraph) && n.GetString("kind") == "operative")];

    private static List<GraphNode> Preambular(GraphDocument document) =>
        [.. document.Nodes.Where(n => n.HasLabel(Labels.Paragraph) && n.GetString("kind") == "preambular")];

    private static string? CallerOf(GraphDocument document, int footnote) =>
        document.Relationships.SingleOrDefault(r => r.Type == RelationshipTypes.HasFootnote && r.End == $"{document.DocumentId}#fn{footnote}")?.Start;

    [Fact]
    public void NumberedParagraphsAfterALeadInCarryItsVerbAndTheLeadInIsNoParagraph()
    {
        // "Resolves:" then "1. To work out …", "2. To consider …": four operative paragraphs, each completing "Resolves".
        var document = Extract("sc-resolutions", "S_RES_0018_1947_EN_GOLD.txt");
        var operative = Operative(document);
        Assert.Equal(["1", "2", "3", "4"], operative.Select(p => p.GetString("number")));
        Assert.All(operative, p => Assert.Equal("Resolves", p.GetString("verb")));
        Assert.DoesNotContain(Preambular(document), p => (p.GetString("text") ?? "").StartsWith("Resolves", StringComparison.Ordinal));
        // The lead-in's words stay covered: the first paragraph's span starts at them.
        var first = operative[0];
        Assert.StartsWith("Resolves", document.Text[(int)(long)first.Properties[PropertyNames.SpanStart]!..], StringComparison.Ordinal);
    }

    [Fact]
    public void ALeadInBeforeLetteredItemsIsOneOperativeParagraphWithSubParagraphs()
    {
        // "Decides:" then "(a) To call upon …", "(b) To renew …", "(c) That the Secretary-General …".
        var document = Extract("sc-resolutions", "S_RES_0363_1974_EN_GOLD.txt");
        var operative = Assert.Single(Operative(document));
        Assert.Equal("Decides", operative.GetString("verb"));
        var subparagraphs = document.Nodes.Where(n => n.HasLabel(Labels.Paragraph) && n.GetString("kind") == "subparagraph").ToList();
        Assert.Equal(3, subparagraphs.Count);
        Assert.All(subparagraphs, s => Assert.Equal(operative.Id, s.GetString("parent")));
        Assert.Equal(4, Preambular(document).Count);
    }

    [Fact]
    public void WhereasClausesArePreambularAndTheNumberedParagraphsKeepTheirNumbers()
    {
        var document = Extract("sc-resolutions", "S_RES_0030_1947_EN_GOLD.txt");
        var operative = Operative(document);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], operative.Select(p => p.GetString("number")));
        Assert.DoesNotContain(operative, p => p.GetString("verb") == "Whereas");
        Assert.Contains(Preambular(document), p => p.GetString("verb") == "Whereas");
    }

    [Fact]
    public void TheOrganAsSubjectGivesTheVerbAfterIt()
    {
        // "1. The Security Council requests …", "2. The Security Council directs that …".
        var document = Extract("sc-resolutions", "S_RES_0001_1946_EN_GOLD.txt");
        var verbs = Operative(document).Select(p => p.GetString("verb")).ToList();
        Assert.Equal(["Requests", "Directs"], verbs.Take(2));
        Assert.DoesNotContain("The", verbs);
    }

    [Fact]
    public void TheGeneralAssemblyAloneOnItsLineOpensTheBody()
    {
        // "The General Assembly" without its comma, then "Resolves that:" and six numbered paragraphs; the lines above it are heading.
        var document = Extract("ga-resolutions", "A_RES_78_256.txt");
        Assert.Empty(Preambular(document));
        var operative = Operative(document);
        Assert.Equal(6, operative.Count);
        Assert.All(operative, p => Assert.Equal("Resolves", p.GetString("verb")));
    }

    [Fact]
    public void ACommitteeNoteInTheDraftSeriesIsANoteWithoutOperativeParagraphs()
    {
        var document = Extract("ga-drafts", "A_C.6_80_L.1.txt");
        Assert.Equal("note", document.FindNode(document.DocumentId)!.GetString("kind"));
        Assert.Empty(Operative(document));
        Assert.Contains(document.Nodes, n => n.HasLabel(Labels.Paragraph) && n.GetString("kind") == "text");
    }

    [Fact]
    public void AnAdverbOfMannerBeforeTheVerbBelongsToThePhrase()
    {
        var document = Extract("sc-resolutions", "S_RES_0450_1979_EN_GOLD.txt");
        Assert.Contains(Operative(document), p => p.GetString("verb") == "Highly commends");
    }

    [Fact]
    public void ADeclarationsStateKeepsItsAdjective()
    {
        // The draft adopts the outcome document it prints after its only paragraph: the document's paragraphs are that text's
        // (kind "annex"), and their phrases are read as a declaration's ("We are concerned", not "We are").
        var document = Extract("ga-drafts", "A_80_L.41.txt");
        Assert.Equal(["Adopts"], OperativeVerbs(document));
        var declaration = Paragraphs(document).Where(p => p.GetString("kind") == "annex").Select(p => p.GetString("text")!).ToList();
        var verbs = declaration.Where(t => t.StartsWith("We are ", StringComparison.Ordinal)).Select(t => ParagraphRecogniser.LeadingVerb(t)).ToList();
        Assert.Contains("We are concerned", verbs);
        Assert.Contains("We are further concerned", verbs);
        Assert.DoesNotContain("We are", verbs);
    }

    [Fact]
    public void TheLexiconReadsDeclarationsPlainPhrasesAndStates()
    {
        var path = Path.Combine(TestData.Root, "graph", "lexicon", "operative-verbs.txt");
        if (!File.Exists(path)) Assert.Skip("The lexicon of operative phrases is not here.");
        var lexicon = OperativeLexicon.Load(path);
        Assert.True(lexicon.Contains("We take note"));
        Assert.True(lexicon.Contains("We further call upon"));
        Assert.True(lexicon.Contains("We express deep concern"));
        Assert.True(lexicon.Contains("We are deeply concerned"));
        Assert.True(lexicon.Contains("We are further convinced"));
        Assert.True(lexicon.Contains("Highly commends"));
        Assert.False(lexicon.Contains("We are at"));
        Assert.False(lexicon.Contains("We are"));
        Assert.False(lexicon.Contains("Explosives"));
    }

    [Fact]
    public void AMarkEndingTheDatedTitleIsCalledFromTheHeading()
    {
        // "6 (1946). Resolution of 17 May 1946 21".
        var document = Extract("sc-resolutions", "S_RES_0006_1946_EN_GOLD.txt");
        var link = Assert.Single(document.Relationships, r => r.Type == RelationshipTypes.HasFootnote);
        Assert.Equal("heading", link.Properties["calledFrom"] as string);
    }

    [Fact]
    public void AMarkAfterAnOrdinalMeetingIsCalledFromTheClosingLine()
    {
        // "Adopted at the 80th meeting 25".
        var document = Extract("sc-resolutions", "S_RES_0011_1946_EN_GOLD.txt");
        var link = Assert.Single(document.Relationships, r => r.Type == RelationshipTypes.HasFootnote);
        Assert.Equal("closing", link.Properties["calledFrom"] as string);
    }

    [Fact]
    public void AMarkAfterAnOrdinalSessionIsAttachedToItsParagraph()
    {
        // "submitted to the Commission on Human Rights at its sixtieth session 6  and the".
        var document = Extract("ga-resolutions", "A_RES_79_162.txt");
        var caller = CallerOf(document, 6);
        Assert.NotNull(caller);
        Assert.Contains("sixtieth session", document.FindNode(caller)!.GetString("text"), StringComparison.Ordinal);
    }

    [Fact]
    public void AMarkAfterAPluralOrARangeOfYearsIsAttachedToItsParagraph()
    {
        // "the Sustainable Development Goals 6 and to make reference": a plural with one number alone.
        var goals = Extract("ga-resolutions", "A_RES_78_23.txt");
        Assert.Contains("Development Goals and to make", goals.FindNode(CallerOf(goals, 6)!)!.GetString("text"), StringComparison.Ordinal);
        // "Sendai Framework for Disaster Risk Reduction 2015–2030 19  by": a mark after a range of years.
        var range = Extract("ga-resolutions", "A_RES_78_177.txt");
        Assert.Contains("2015–2030 by", range.FindNode(CallerOf(range, 19)!)!.GetString("text"), StringComparison.Ordinal);
        // "Goals 1 to 17", "paragraphs 5 and 6": a list of numbers is no mark (the extractor leaves the words whole).
        Assert.DoesNotContain(goals.Nodes, n => n.HasLabel(Labels.Paragraph) && (n.GetString("text") ?? "").Contains("Goals to", StringComparison.Ordinal));
    }

    [Fact]
    public void AVerbThatAnnouncesALetteredListIsAParagraphNotAHeading()
    {
        // "Calls upon the parties :" then "(a) To cease hostilities forthwith".
        var document = Extract("sc-resolutions", "S_RES_0027_1947_EN_GOLD.txt");
        var operative = Assert.Single(Operative(document));
        Assert.Equal("Calls upon", operative.GetString("verb"));
        Assert.Contains(document.Nodes, n => n.GetString("parent") == operative.Id);
    }

    [Fact]
    public void TheLinesOfAListAParagraphAnnouncesAreItsOwn()
    {
        // "Establishes the following list of candidates …:" then a line per candidate, "Mr. … (Sri Lanka)".
        var document = Extract("sc-resolutions", "S_RES_0857_1993_EN_GOLD.txt");
        var operative = Assert.Single(Operative(document));
        Assert.Contains("(Sri Lanka)", operative.GetString("text"), StringComparison.Ordinal);
        Assert.Contains("(Pakistan)", operative.GetString("text"), StringComparison.Ordinal);
    }

    [Fact]
    public void AdoptedWithoutAVoteIsAClosingLine()
    {
        var document = Extract("sc-resolutions", "S_RES_0709_1991_EN_GOLD.txt");
        var operative = Assert.Single(Operative(document));
        Assert.Equal("Recommends", operative.GetString("verb"));
        Assert.DoesNotContain("Adopted", operative.GetString("text"), StringComparison.Ordinal);
    }

    [Fact]
    public void SubHeadingsOfTheOperativePartAreNotCountedAsUncoveredBody()
    {
        // A peacekeeping budget: "Budget estimates for the period from 1 July 2024 to 30 June 2025" and "Financing of the
        // budget estimates …" head groups of operative paragraphs; coverage counts only the paragraphs' words.
        var path = Path.Combine(TestData.UnDocuments, "ga-resolutions", "A_RES_78_294.txt");
        if (!File.Exists(path)) Assert.Skip("ga-resolutions/A_RES_78_294.txt is not in the reference collection.");
        var lexiconPath = Path.Combine(TestData.Root, "graph", "lexicon", "operative-verbs.txt");
        var measures = StructureMeasures.Measure(new DocumentExtractor(), "A_RES_78_294.txt", File.ReadAllBytes(path), OperativeLexicon.Load(lexiconPath));
        Assert.True(measures.Coverage >= 0.995, $"coverage {measures.Coverage:P2}; uncovered: {string.Join(" | ", measures.Uncovered)}");
        Assert.True(measures.BodyCharacters > 1000, $"body {measures.BodyCharacters} characters");
    }

    [Fact]
    public void AFootnoteWhoseMarkTheTextLostStandsWhereItsNeighboursMarksStand()
    {
        // Marks ¹ and ³ stand in one paragraph of the annexed declaration; the mark of footnote 2 is not in the text.
        var path = TestData.CorpusFile("mandate-pipeline/A_80_L.34.txt");
        if (!File.Exists(path)) Assert.Skip("mandate-pipeline/A_80_L.34.txt is not in the corpus.");
        var document = new DocumentExtractor().ExtractFile(path);
        var placed = Assert.Single(document.Relationships, r => r.Type == RelationshipTypes.HasFootnote && r.End == $"{document.DocumentId}#fn2");
        Assert.Equal("by footnote order", placed.Properties["placed"] as string);
        Assert.Equal(CallerOf(document, 1), placed.Start);
        Assert.Equal(CallerOf(document, 3), placed.Start);
    }

    [Fact]
    public void MarkdownThatKeepsSomeMarksAsPlainDigitsHasThemFound()
    {
        // "[^5]" is written as a reference, "… the Group of Governmental Experts, 8 as well as" and "of 2013;14" are not.
        var path = TestData.CorpusFile("railcar/A_RES_80_44.md");
        if (!File.Exists(path)) Assert.Skip("railcar/A_RES_80_44.md is not in the corpus.");
        var document = new DocumentExtractor().ExtractFile(path);
        Assert.All(document.Nodes.Where(n => n.HasLabel(Labels.Footnote)), f => Assert.NotEqual(document.DocumentId, CallerOf(document, (int)(long)f.Properties["number"]!)));
        Assert.Contains("Group of Governmental Experts", document.FindNode(CallerOf(document, 8)!)!.GetString("text"), StringComparison.Ordinal);
    }

    [Fact]
    public void AFiveTheScanReadAsSStillNumbersItsParagraph()
    {
        // "4. Strongly urges …;" then "S. Appeals urgently to and encourages all parties …".
        var document = Extract("sc-resolutions", "S_RES_0713_1991_EN_GOLD.txt");
        var operative = Operative(document);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], operative.Select(p => p.GetString("number")));
        Assert.Equal("Appeals urgently", operative[4].GetString("verb"));
    }

    [Fact]
    public void AMarkAfterAnArticlesNumberIsFound()
    {
        // "pursuant to Article 25 2 of the Charter of the United Nations".
        var path = TestData.CorpusFile("ai-un-report/A_79_989.pdftotext.txt");
        if (!File.Exists(path)) Assert.Skip("ai-un-report/A_79_989.pdftotext.txt is not in the corpus.");
        var document = new DocumentExtractor().ExtractFile(path);
        var caller = CallerOf(document, 2);
        Assert.NotEqual(document.DocumentId, caller);
        Assert.Contains("Article 25 of the Charter", document.FindNode(caller!)!.GetString("text"), StringComparison.Ordinal);
    }
}

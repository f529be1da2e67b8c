using Graph.Extraction.Evaluation;
using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// Structure classes found on texts nobody had tuned on, each on a real text: a draft decision's masthead counted as
/// preambular paragraphs and its one sentence as another; a sub-heading, a volume's heading or a part's letter run into the
/// paragraph after it; a quoted passage cut from its paragraph; the "Now, therefore" clause before a trusteeship agreement's
/// articles; an odd page's running title known only by repeating above the footer; and the preamble measure's reading of
/// old-style marks and of the prepositional openings of early preambles.
/// </summary>
public sealed class DecisionAndRunInTests
{
    private static bool Opens(GraphNode paragraph, string words) => paragraph.GetString("text")!.StartsWith(words, StringComparison.Ordinal);

    private static List<GraphNode> OfKind(GraphDocument document, string kind) => [.. Paragraphs(document).Where(p => p.GetString("kind") == kind)];

    [Fact]
    public void ADraftDecisionsMastheadIsNoParagraphAndItsSentenceIsTheOperativeOne()
    {
        // "Eightieth session / First Committee / Agenda item 99 (a) …", "Canada, Germany and Netherlands (Kingdom of the): draft
        // decision", the title: three preambular paragraphs before; the decision "The General Assembly, recalling its resolution
        // 78/28 … and its decision 79/513 …, decides to include …" is the one paragraph.
        var document = Extract("ga-drafts", "A_C.1_80_L.39.txt");
        var paragraphs = Paragraphs(document);
        Assert.Single(paragraphs);
        Assert.Equal("operative", paragraphs[0].GetString("kind"));
        Assert.Equal("Decides", paragraphs[0].GetString("verb"));
        Assert.True(Opens(paragraphs[0], "The General Assembly, recalling its resolution 78/28 of 4 December 2023"));
        // The citations the sentence makes stay with it.
        Assert.Contains("A/RES/78/28", Cited(document));
    }

    [Fact]
    public void ADecisionRunIntoTheMastheadsLastLinesOpensAtTheOrgan()
    {
        // The layout ran "Draft decision submitted by the President of the General Assembly* / United Nations Pledging Conference
        // for Development Activities" into "The General Assembly, recalling its decision 75/511 B …, decides to convene …".
        var paragraphs = Paragraphs(Extract("ga-drafts", "A_80_L.37.txt"));
        var decision = Assert.Single(paragraphs, p => p.GetString("kind") == "operative");
        Assert.True(Opens(decision, "The General Assembly, recalling its decision 75/511 B of 9 September 2021"));
        Assert.Equal("Decides", decision.GetString("verb"));
        Assert.DoesNotContain(paragraphs, p => p.GetString("kind") == "preambular");
        // The asterisk's note ("* In order for the General Assembly to take action …") is still the note after the body.
        Assert.Contains(paragraphs, p => p.GetString("kind") == "note" && Opens(p, "In order for the General Assembly to take action"));
    }

    [Fact]
    public void AMastheadsNoteInSentencesIsKeptWithWhatItCites()
    {
        // Before "Draft decision", the Sixth Committee's draft explains: "Under agenda item 121, … pursuant to paragraph 3 (b) of
        // the annex to General Assembly resolution 58/316, each Main Committee shall adopt a provisional programme of work …".
        var document = Extract("ga-drafts", "A_C.6_80_L.20.txt");
        var note = Assert.Single(Paragraphs(document), p => p.GetString("kind") == "note");
        Assert.Contains("resolution 58/316", note.GetString("text"), StringComparison.Ordinal);
        Assert.Contains("A/RES/58/316", Cited(document));
        Assert.Equal("Notes", Assert.Single(OfKind(document, "operative")).GetString("verb"));
    }

    [Fact]
    public void ADecisionAnnouncingLetteredClausesTakesTheFirstClausesVerb()
    {
        // "Question of Gibraltar": "The General Assembly, recalling its decision 79/521 of 4 December 2024:" / "(a) Urges the
        // Governments of Spain and the United Kingdom …" / "(b) Takes note …" / "(c) Takes note …" / "(d) Welcomes …".
        var document = Extract("ga-drafts", "A_C.4_80_L.3.txt");
        var decision = Assert.Single(OfKind(document, "operative"));
        Assert.Equal("Urges", decision.GetString("verb"));
        Assert.Equal(4, OfKind(document, "subparagraph").Count);
        Assert.Empty(OfKind(document, "preambular"));
    }

    [Fact]
    public void AProgrammeADecisionApprovesAsSetOutBelowIsItsAnnex()
    {
        // "The General Assembly approves … the draft programme of work of the Third Committee … as set out below.": the items of
        // the programme ("Item 1. Social development: (a) …") were 24 preambular paragraphs.
        var document = Extract("ga-drafts", "A_C.3_80_L.60.txt");
        var decision = Assert.Single(OfKind(document, "operative"));
        Assert.Equal("Approves", decision.GetString("verb"));
        Assert.Empty(OfKind(document, "preambular"));
        Assert.Contains(OfKind(document, "annex"), p => Opens(p, "Social development"));
    }

    [Fact]
    public void AProgrammeALetteredClauseApprovesAsSetOutBelowIsTheDecisionsAnnex()
    {
        // "The General Assembly:" / "(a) Approves the draft programme of work of the Second Committee … as set out below;" / "(b)
        // Invites the Bureau …", then the programme's items ("1. Information and communications technologies for sustainable
        // development.", "4. Sustainable development: (a) …"), which were thirteen operative paragraphs with no verb.
        var document = Extract("ga-drafts", "A_C.2_80_L.60.txt");
        Assert.Equal(["Approves"], OperativeVerbs(document));
        Assert.Equal(2, OfKind(document, "subparagraph").Count);
        Assert.Contains(OfKind(document, "annex"), p => Opens(p, "Information and communications technologies for sustainable development"));
        Assert.Empty(OfKind(document, "preambular"));
    }

    [Fact]
    public void ASubHeadingRunIntoAPreambularParagraphIsNoPartOfIt()
    {
        // The text rendering sets "Degrading the threat posed by Al-Shabaab, and the Arms Embargo targeting / Al-Shabaab" right
        // above "Expressing grave concern that Al-Shabaab continues …", no blank line between.
        var path = ReferenceCollections.Corpus is { } corpus ? Path.Combine(corpus, "ai-un-report", "S_RES_2776_2025.pdftotext.txt") : null;
        if (path is null || !File.Exists(path)) Assert.Skip("corpus/ai-un-report/S_RES_2776_2025.pdftotext.txt is not in the reference collection.");
        var preambular = OfKind(new DocumentExtractor().ExtractFile(path), "preambular");
        Assert.Equal(25, preambular.Count);
        Assert.DoesNotContain(preambular, p => Opens(p, "Degrading"));
        var expressing = Assert.Single(preambular, p => Opens(p, "Expressing grave concern that Al-Shabaab continues to pose"));
        Assert.Equal("Expressing grave concern", expressing.GetString("verb"));
    }

    [Fact]
    public void ASectionsTitleRunIntoItsFirstPreambularParagraphIsNoPartOfIt()
    {
        // The Fifth Committee's decisions one after another, each section's title run into its preamble after the operative
        // paragraphs of the one before: "II" / "Strategic heritage plan of the United Nations Office at Geneva" / "Recalling part
        // XI of its resolution 64/243 of 24 December 2009, …", "V" / "Request for a subvention to the Residual Special Court for
        // Sierra Leone" / "Recalling its resolution 58/284 …".
        var preambular = OfKind(Extract("ga-resolutions", "A_RES_80_243.txt"), "preambular");
        Assert.Contains(preambular, p => Opens(p, "Recalling part XI of its resolution 64/243 of 24 December 2009") && p.GetString("verb") == "Recalling");
        Assert.Contains(preambular, p => Opens(p, "Recalling its resolution 58/284 of 8 April 2004"));
        Assert.DoesNotContain(preambular, p => Opens(p, "II Strategic heritage plan") || Opens(p, "V Request for a subvention"));
        // The first section's title run into the resolution's first paragraph: "I" / "Activities of the Office of Internal
        // Oversight Services" / "Recalling its resolutions 48/218 B of 29 July 1994, …".
        var first = OfKind(Extract("ga-resolutions", "A_RES_78_247.txt"), "preambular")[0];
        Assert.True(Opens(first, "Recalling its resolutions 48/218 B of 29 July 1994"), first.GetString("text"));
    }

    [Fact]
    public void AVolumesHeadingRunIntoTheFirstParagraphIsNoPartOfIt()
    {
        // "17 (1947). Resolution of 10 February 1947" / "Whereas the Commission of Investigation …", and "30 (1947). Resolution of
        // 25 August 1947 / (S/525, I]" / "Whereas the Security Council on 1 August 1947 …".
        var first = OfKind(Extract("sc-resolutions", "S_RES_0017_1947_EN_GOLD.txt"), "preambular")[0];
        Assert.True(Opens(first, "Whereas the Commission of Investigation established by the Security Council"));
        Assert.Equal("Whereas", first.GetString("verb"));
        Assert.True(Opens(OfKind(Extract("sc-resolutions", "S_RES_0030_1947_EN_GOLD.txt"), "preambular")[0], "Whereas the Security Council on 1 August 1947"));
    }

    [Fact]
    public void APartsLetterRunIntoItsFirstParagraphIsNoPartOfIt()
    {
        // Part B of resolution 814 (1993) opens "B" / "Acting under Chapter VII of the Charter of the United Nations,".
        var acting = OfKind(Extract("sc-resolutions", "S_RES_0814_1993_EN_GOLD.txt"), "preambular")[^1];
        Assert.Equal("Acting under Chapter VII of the Charter of the United Nations,", acting.GetString("text"));
        Assert.Equal("Acting", acting.GetString("verb"));
    }

    [Fact]
    public void AQuotedPassageEndingWithTheParagraphsCommaIsThatParagraphs()
    {
        // "Reaffirming the urgent appeal made by the President and the members of the Security Council on 17 July 1981, which
        // reads[:]" / "“They launch an urgent appeal for an immediate end to all armed attacks … as a whole.”,".
        var preambular = OfKind(Extract("sc-resolutions", "S_RES_0490_1981_EN_GOLD.txt"), "preambular");
        Assert.Equal(2, preambular.Count);
        Assert.Contains("They launch an urgent appeal", preambular[0].GetString("text"), StringComparison.Ordinal);
        Assert.True(Opens(preambular[1], "Taking note of the report of the Secretary-General"));
    }

    [Fact]
    public void NowThereforeOpensTheOperativeClauseBeforeTheAgreementsArticles()
    {
        // Resolution 21 (1947): "Whereas …" clauses, then "Now, therefore, the Security Council …, hereby resolves to approve the
        // following terms of trusteeship for the Pacific Islands …:" and the agreement's sixteen articles, which were
        // preambular paragraphs ("Article I", "The Territory of the Pacific Islands …") and operative ones ("1. To establish
        // naval, military and air bases …").
        var document = Extract("sc-resolutions", "S_RES_0021_1947_EN_GOLD.txt");
        var resolves = Assert.Single(OfKind(document, "operative"));
        Assert.True(Opens(resolves, "Now, therefore, the Security Council of the United Nations"));
        Assert.Equal("Resolves", resolves.GetString("verb"));
        Assert.All(OfKind(document, "preambular"), p => Assert.True(Opens(p, "Whereas"), p.GetString("text")));
        Assert.Contains(OfKind(document, "annex"), p => Opens(p, "To establish naval, military and air bases"));
    }

    [Fact]
    public void NumberedThatClausesAfterAResolvesHeadingTakeItsVerb()
    {
        // Resolution 70 (1949): "The Security Council / Resolves:" set as a heading, then "1, That the Trusteeship Council be
        // requested …", "2. That …", "3. That …", "4. That …": four operative paragraphs completing its sentence.
        Assert.Equal(["Resolves", "Resolves", "Resolves", "Resolves"], OperativeVerbs(Extract("sc-resolutions", "S_RES_0070_1949_EN_GOLD.txt")));
    }

    [Fact]
    public void AScansUnderlineInsideTheVerbIsASpace()
    {
        // "4. Calls_on all States to refrain from any action …" (resolution 785 (1992)), "5. Calls_on both parties …" (839 (1993)).
        Assert.Contains("Calls on", OperativeVerbs(Extract("sc-resolutions", "S_RES_0785_1992_EN_GOLD.txt")));
        Assert.Contains("Calls on", OperativeVerbs(Extract("sc-resolutions", "S_RES_0839_1993_EN_GOLD.txt")));
    }

    /// <summary>A/RES/78/159 with its heading changed: pages 3 and 5 print "Strengthening cooperation for integrated coastal zone /
    /// management for achieving sustainable development" above their footers, no symbol line beside it.</summary>
    private static List<GraphNode> CoastalZonesWithHeading(string from, string to)
    {
        var path = Path.Combine(TestData.UnDocuments, "ga-resolutions", "A_RES_78_159.txt");
        if (!File.Exists(path)) Assert.Skip("ga-resolutions/A_RES_78_159.txt is not in the reference collection.");
        var original = File.ReadAllText(path);
        var text = original.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(original, text);
        return Paragraphs(new DocumentExtractor().ExtractText("A_RES_78_159.txt", text));
    }

    private static void AssertTitleLeftTheParagraphs(List<GraphNode> paragraphs)
    {
        Assert.DoesNotContain(paragraphs, p => p.GetString("text")!.Contains("their Strengthening cooperation", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => Opens(p, "Reaffirming the Paris Agreement") && p.GetString("text")!.Contains("deposit their instruments of ratification", StringComparison.Ordinal));
        // Paragraph 17 names the agenda item by the same words, inside its sentence: text, not furniture.
        Assert.Contains(paragraphs, p => p.GetString("text")!.Contains("entitled “Strengthening cooperation for integrated coastal zone management", StringComparison.Ordinal));
    }

    [Fact]
    public void ARunningTitleKnownFromTheHeadingBlockLeavesTheParagraph()
    {
        // No "78/159." heading gives the title; the heading block above "The General Assembly," still does.
        AssertTitleLeftTheParagraphs(CoastalZonesWithHeading(" 78/159. Strengthening", " Strengthening"));
    }

    [Fact]
    public void ARunningTitleKnownOnlyByRepeatingAboveTheFooterLeavesTheParagraph()
    {
        // No title in the heading at all: the same two lines above the footer of two pages make the running title.
        AssertTitleLeftTheParagraphs(CoastalZonesWithHeading(" 78/159. Strengthening cooperation for integrated coastal zone \nmanagement for achieving sustainable development \n", ""));
    }

    [Theory]
    // S/RES/797 (1992): an old-style mark after the comma.
    [InlineData("Recalling also the statement of the President of the Security Council of 27 October 1992, 1/")]
    // S/RES/1 (1946), S/RES/9 (1946), S/RES/97 (1952), S/RES/95 (1951): the openings of early preambles.
    [InlineData("By Article 47 of the Charter, the United Nations have agreed that there should be established a Military Staff Committee,")]
    [InlineData("In virtue of the powers conferred upon it by Article 35, paragraph 2, of the Statute of the International Court of Justice,")]
    [InlineData("In view of the recommendation contained in paragraph 2 of resolution 502 (VI) of the General Assembly,")]
    [InlineData("And further noting that the restriction on the passage of goods through the Suez Canal to Israel ports is denying,")]
    public void EarlyPreamblesAreOfThePreamblesShape(string paragraph) => Assert.Null(PreambleShape.Problem(paragraph));

    [Theory]
    // S/RES/606 (1987), S/RES/259 (1968): a full stop the scan read for the comma, a paragraph cut before its year.
    [InlineData("Taking note of the report of the Secretary-General.")]
    [InlineData("Concerned with the safety, welfare and security of the inhabitants of the Arab territories under military occupation by Israel following the hostilities of 5 June")]
    public void ScannedPunctuationIsStillASuspect(string paragraph) => Assert.Equal("does not end as a preambular paragraph", PreambleShape.Problem(paragraph));
}

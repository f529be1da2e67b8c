using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// The classes that made preambular counts wrong across the reference collections, each on a real text: sub-headings
/// inside a preamble, a preambular paragraph cut in two where a page break or a footnote block fell inside a title, a
/// name or a list, the passage a paragraph quotes, the note an asterisk in a draft's heading calls, an old-style footnote's
/// number alone on its line, and the text a resolution adopts after its only paragraph;
/// and the texts that must stay as they were (a paragraph opening with an unusual participle, an operative paragraph after
/// a preamble whose comma the scan lost, a running title's rest before a paragraph).
/// </summary>
public sealed class PreambleClassTests(ITestOutputHelper output)
{
    [Fact]
    public void CountsAndVerbsOfTheThirdHandCountAreTheExtractedOnes()
    {
        // graph/eval/paragraph-counts-3.json: six Assembly resolutions drawn among those with a line standing alone before
        // paragraph 1, counted by hand; A/RES/79/1 (the Pact adopted after its only paragraph) was the first measure's miss.
        var report = HandCount.Score("paragraph-counts-3.json");
        output.WriteLine($"paragraph-counts-3: counts exact {report.CountsExact}/{report.Resolutions}, verbs {report.VerbsExact}/{report.Resolutions}");
        Assert.Equal(6, report.Resolutions);
        Assert.True(report.CountsExact == report.Resolutions && report.VerbsExact == report.Resolutions, string.Join("; ", report.Mistakes));
    }

    private static List<GraphNode> Preambular(GraphDocument document) => [.. Paragraphs(document).Where(p => p.GetString("kind") == "preambular")];

    private static bool Opens(GraphNode paragraph, string words) => paragraph.GetString("text")!.StartsWith(words, StringComparison.Ordinal);

    [Fact]
    public void SubHeadingsOfAPreambleAreNoPreambularParagraphs()
    {
        // "Transport and transit corridors", "Multimodal transportation", "Social aspects" head groups of preambular paragraphs;
        // the thirty paragraphs before paragraph 1 each open with a preambular phrase at the start of a line of the text.
        var preambular = Preambular(Extract("ga-resolutions", "A_RES_78_148.txt"));
        Assert.Equal(30, preambular.Count);
        Assert.DoesNotContain(preambular, p => p.GetString("text") is "Transport and transit corridors" or "Multimodal transportation" or "Social aspects");
        Assert.Contains(preambular, p => Opens(p, "Noting the need for continued international cooperation"));
    }

    [Fact]
    public void AnUnnumberedSectionHeadingBeforeParagraphOneIsNoPreambularParagraph()
    {
        // "Peacebuilding Commission" stands between "Affirming that the 2025 review … at the field level," and "1. Reaffirms".
        var document = Extract("ga-resolutions", "A_RES_80_11.txt");
        var preambular = Preambular(document);
        Assert.DoesNotContain(preambular, p => p.GetString("text") == "Peacebuilding Commission");
        Assert.StartsWith("Affirming that the 2025 review", preambular[^1].GetString("text"));
        Assert.StartsWith("Reaffirms", OperativeVerbs(document)[0]);
        // "Role and authority of the General Assembly" before "1. Recognizes the functions, powers and role".
        Assert.DoesNotContain(Preambular(Extract("ga-resolutions", "A_RES_79_327.txt")), p => Opens(p, "Role and authority"));
    }

    [Fact]
    public void APreambularParagraphCutWhereNoneEndsIsOne()
    {
        // "Mindful of its duties and its responsibilities under the" / "Charter of the United Nations for the maintenance …,".
        var mindful = Preambular(Extract("sc-resolutions", "S_RES_0688_1991_EN_GOLD.txt"));
        Assert.StartsWith("Mindful of its duties and its responsibilities under the Charter of the United Nations for the maintenance", mindful[0].GetString("text"));
        Assert.StartsWith("Recalling the provisions of Article 2, paragraph 7", mindful[1].GetString("text"));
        // A title's colon at a line end: "… the Cairo International Conference on Palestine:" / "Reconstructing Gaza, held on …".
        Assert.Contains(Preambular(Extract("ga-resolutions", "A_RES_79_141.txt")),
            p => Opens(p, "Underlining the importance of the Cairo International Conference on Palestine: Reconstructing Gaza, held on 12 October 2014"));
        // Inside a quotation: "… under the theme “Her Land. Her Rights:" / "Advancing gender equality and land restoration goals”, …".
        var theme = Preambular(Extract("ga-resolutions", "A_RES_78_154.txt"));
        Assert.DoesNotContain(theme, p => Opens(p, "Advancing gender equality"));
        Assert.Contains(theme, p => p.GetString("text")!.Contains("Her Rights: Advancing gender equality", StringComparison.Ordinal));
    }

    [Fact]
    public void ANameOrAListCutAfterACommaRunsOn()
    {
        // "… the Convention on the Prohibition of the Development, Production," / "Stockpiling and Use of Chemical Weapons and on
        // Their Destruction and the provisions of relevant United Nations resolutions,".
        var chemical = Preambular(Extract("ga-resolutions", "A_RES_79_80.txt"));
        Assert.DoesNotContain(chemical, p => Opens(p, "Stockpiling"));
        Assert.Contains(chemical, p => p.GetString("text")!.Contains("Development, Production, Stockpiling and Use of Chemical Weapons", StringComparison.Ordinal));
        // A list of Human Rights Council resolutions cut after "46/21 of 24 March 2021," before "S-29/1 of 12 February 2021, …".
        Assert.DoesNotContain(Preambular(Extract("ga-resolutions", "A_RES_79_182.txt")), p => Opens(p, "S-29/1"));
        // "… such as the Addis Ababa Action Agenda of the Third International Conference on Financing for Development," / "Agenda 2063 …".
        Assert.DoesNotContain(Preambular(Extract("ga-resolutions", "A_RES_79_146.txt")), p => Opens(p, "Agenda 2063"));
    }

    [Fact]
    public void ThePassageAParagraphQuotesIsThatParagraphs()
    {
        // "… in particular, its Article 2, paragraph 4, which reads:" / "“ All Members shall refrain … ”," / "1. Calls upon".
        var charter = Preambular(Extract("sc-resolutions", "S_RES_0186_1964_EN_GOLD.txt"));
        Assert.DoesNotContain(charter, p => p.GetString("text")!.StartsWith('“'));
        Assert.Contains(charter, p => p.GetString("text")!.Contains("which reads: “ All Members shall refrain", StringComparison.Ordinal));
        // "… an advisory opinion on the question:" / "“What are the legal consequences for States …?”,".
        Assert.DoesNotContain(Preambular(Extract("sc-resolutions", "S_RES_0301_1971_EN_GOLD.txt")), p => p.GetString("text")!.StartsWith("“What", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatOpensAParagraphStillOpensOne()
    {
        // A participle outside the usual phrases before a number opens a paragraph of its own.
        Assert.Contains(Preambular(Extract("ga-resolutions", "A_RES_78_28.txt")), p => Opens(p, "Marking 30 years since the adoption of resolution 48/75 L"));
        // A running title's rest glued to a paragraph ("… on International Trade Law Also convinced that …") joins no paragraph before it.
        Assert.Contains(Preambular(Extract("ga-resolutions", "A_RES_78_105.txt")), p => p.GetString("text")!.Contains("Also convinced that", StringComparison.Ordinal)
            && !p.GetString("text")!.StartsWith("Convinced", StringComparison.Ordinal));
        // An older Council resolution's only operative paragraph after a preamble whose comma the scan lost.
        var document = Extract("sc-resolutions", "S_RES_0464_1980_EN_GOLD.txt");
        Assert.Single(Preambular(document));
        Assert.Equal(["Recommends"], OperativeVerbs(document));
    }

    [Fact]
    public void TheTextAResolutionAdoptsAfterItsOnlyParagraphIsNotItsOwn()
    {
        // "Adopts the following Pact for the Future and its annexes:", then "The Pact for the Future" and its numbered paragraphs
        // ("1. We, the Heads of State and Government …"): the resolution has one operative paragraph (paragraph-counts-3.json).
        var document = Extract("ga-resolutions", "A_RES_79_1.txt");
        Assert.Equal(["Adopts"], OperativeVerbs(document));
        Assert.Empty(Preambular(document));
        Assert.Contains(Paragraphs(document), p => p.GetString("kind") == "annex" && Opens(p, "We, the Heads of State and Government"));
        Assert.Contains("A/RES/70/1", Cited(document));
    }

    [Fact]
    public void TheNoteAnAsteriskCallsIsANoteThatKeepsItsCitation()
    {
        // "* On behalf of the States that are members of the Group of 77 and China, taking into account also the provisions of
        // General Assembly resolution ES-10/23 of 10 May 2024." at the foot of the draft's first page, between two preambular paragraphs.
        var document = Extract("ga-drafts", "A_C.2_80_L.14.txt");
        var paragraphs = Paragraphs(document);
        Assert.DoesNotContain(Preambular(document), p => Opens(p, "On behalf of"));
        var note = Assert.Single(paragraphs, p => p.GetString("kind") == "note");
        Assert.StartsWith("On behalf of the States that are members of the Group of 77 and China", note.GetString("text"));
        Assert.Same(note, paragraphs[^1]);
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == note.Id && r.End == "A/RES/ES-10/23");
        Assert.Contains("A/RES/ES-10/23", Cited(document));
    }

    [Fact]
    public void AnOldStyleFootnoteNumberAloneOnItsLineIsNoParagraph()
    {
        // "… relating to the item, 6/" then, below the body, "6/" on a line of its own above "A/49/23 (Part III), chap. IV.".
        var path = TestData.CorpusFile("ai-un-report/A_49_624.pdftotext.txt");
        if (!File.Exists(path)) Assert.Skip("ai-un-report/A_49_624.pdftotext.txt is not in the reference corpus.");
        var paragraphs = Paragraphs(new DocumentExtractor().ExtractFile(path));
        Assert.DoesNotContain(paragraphs, p => p.GetString("text") is "6/" or "7/" or "8/");
        Assert.Contains(paragraphs, p => p.GetString("text")!.StartsWith("A/49/23 (Part III), chap. IV.", StringComparison.Ordinal));
    }
}

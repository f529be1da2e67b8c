using Graph.Extraction.Evaluation;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// Citation classes the check set (graph/eval/check-gold.json) found, each on the real document of the reference
/// collection that showed it: lists read to their end, and the organ a resolution number belongs to.
/// </summary>
public sealed class CitationListTests
{
    private static HashSet<string> CitedBy(string folder, string file)
    {
        var path = Path.Combine(TestData.UnDocuments, folder, file);
        if (!File.Exists(path)) Assert.Skip($"{folder}/{file} is not in the reference collection.");
        var document = new DocumentExtractor().Extract(path, File.ReadAllBytes(path));
        return [.. document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start == document.DocumentId).Select(r => r.End)];
    }

    [Fact]
    public void AListThatGivesTheYearOnceIsReadToItsEnd()
    {
        // "186 (1964) of 4 March, 187 (1964) of 13 March, … 305 (1971) of 13 December 1971"
        var cited = CitedBy("sc-resolutions", "S_RES_0315_1972_EN_GOLD.txt");
        Assert.Contains("S/RES/231 (1966)", cited);
        Assert.Contains("S/RES/305 (1971)", cited);
    }

    [Fact]
    public void AMonthHyphenatedAtALineEndDoesNotEndAList()
    {
        // "207 (1965) of 10 Au-\ngust and 219 (1965) …"
        var cited = CitedBy("sc-resolutions", "S_RES_0349_1974_EN_GOLD.txt");
        Assert.Contains("S/RES/219 (1965)", cited);
        Assert.Contains("S/RES/343 (1973)", cited);
    }

    [Fact]
    public void FootnoteMarksAfterAnItemOrAgainstItsYearDoNotEndAList()
    {
        // "18/6 of 29 September 2011,1 33/3 of …, 48/8 of 8 October 20217, 51/11 of 6 October 20228 and 54/4 …"
        var cited = CitedBy("ga-resolutions", "A_RES_78_196.txt");
        Assert.Contains("A/HRC/RES/33/3", cited);
        Assert.Contains("A/HRC/RES/51/11", cited);
        Assert.Contains("A/HRC/RES/54/4", cited);
    }

    [Fact]
    public void ItemsThatCarryTheirSubjectsAreAllRead()
    {
        // "78/311 of 1 July 2024 on enhancing …, 78/265 of 21 March 2024 on seizing …, … 70/125 of 16 December 2015 on …"
        var cited = CitedBy("ga-resolutions", "A_RES_79_334.txt");
        Assert.Contains("A/RES/78/265", cited);
        Assert.Contains("A/RES/70/125", cited);
        // "63/71 of 2 December 2008 on the Convention on Cluster Munitions and 70/54 of 7 December 2015, …"
        Assert.Contains("A/RES/79/58", CitedBy("ga-drafts", "A_C.1_80_L.52.txt"));
        // "Human Rights Council resolutions 5/1 on institution-building of the Council and 5/2 on the Code of Conduct …"
        Assert.Contains("A/HRC/RES/5/2", CitedBy("ga-resolutions", "A_RES_78_196.txt"));
    }

    [Fact]
    public void AnOrganNamedAfterTheListOwnsIt()
    {
        // "resolutions S-35/1, 51/29, … 60/3 and 60/21 adopted by the Human Rights Council"
        var cited = CitedBy("ga-drafts", "A_C.5_80_L.12.txt");
        Assert.Contains("A/HRC/RES/60/21", cited);
        Assert.DoesNotContain("A/RES/60/21", cited);
        // "notes decisions 22/1 and 22/2 adopted by the High-level Committee on South-South Cooperation"
        Assert.DoesNotContain("A/DEC/22/1", CitedBy("ga-drafts", "A_C.2_80_L.14.txt"));
    }

    [Fact]
    public void AListContinuesTheOrganAnEarlierKeywordOfTheSentenceNamed()
    {
        // "Human Rights Council decision 18/120 of 30 September 2011 and resolutions 24/14 …, 36/10 …"
        var cited = CitedBy("ga-resolutions", "A_RES_79_167.txt");
        Assert.Contains("A/HRC/RES/36/10", cited);
        Assert.DoesNotContain("A/RES/36/10", cited);
    }

    [Fact]
    public void OtherAssembliesAndConferencesResolutionsAreNotTheGeneralAssemblys()
    {
        // "in line with United Nations Environment Assembly resolution 5/5 of 2 March 2022,31" (footnote 31: UNEP/EA.5/Res.5)
        var climate = CitedBy("ga-resolutions", "A_RES_80_138.txt");
        Assert.DoesNotContain("A/RES/5/5", climate);
        Assert.Contains("UNEP/EA.5/Res.5", climate);
        // "resolutions 9/1 of 19 October 2018 and 10/1 of 16 October 2020 of the Conference of the Parties": the Assembly
        // numbered "session/number" only from its thirty-first session.
        Assert.DoesNotContain("A/RES/10/1", CitedBy("ga-resolutions", "A_RES_80_229.txt"));
        // "(E/2015/27), chap. I, sect. C, resolution 59/1, annex": the Commission's resolution inside the Council's report
        var care = CitedBy("ga-drafts", "A_C.2_80_L.30.txt");
        Assert.DoesNotContain("A/RES/59/1", care);
        Assert.Contains("E/DEC/2005/232", care);
    }

    [Fact]
    public void AnAssemblyResolutionInACouncilTextIsTheGeneralAssemblys() =>
        // "as provided for in Assembly resolution 377 A (V)"
        Assert.Contains("A/RES/377 A (V)", CitedBy("sc-resolutions", "S_RES_0303_1971_EN_GOLD.txt"));

    [Fact]
    public void TheOrgansLineWithoutItsCommaEndsTheHeading()
    {
        // "[S/1062]" / "The Security Council" / "Resolves that …": the bracketed draft symbol is the heading's, not a citation.
        var council = CitedBy("sc-resolutions", "S_RES_0060_1948_EN_GOLD.txt");
        Assert.DoesNotContain("S/1062", council);
        Assert.Contains("S/1059/Rev.2", council);
        // "[on the report of the Fifth Committee (A/80/568, para. 19)]" / "The General Assembly" / "1. Authorizes …"
        Assert.DoesNotContain("A/80/568", CitedBy("ga-resolutions", "A_RES_80_245.txt"));
    }

    [Fact]
    public void AMarkLeftAsAPlainNumberStillCallsItsFootnote() =>
        // "Taking note of the report and recommendations 9\nsubmitted by …", footnote "9 Ibid., document S/9863."
        Assert.Contains("S/9863", CitedBy("sc-resolutions", "S_RES_0284_1970_EN_GOLD.txt"));

    [Fact]
    public void AFootnoteJustBeforeTheFirstCalledOneIsThisTextsOwn() =>
        // "… of 9 October 1984,?7" (mark 27 spoiled by the scan), then mark 28: footnote 27 "Ibid., document S/16776."
        Assert.Contains("S/16776", CitedBy("sc-resolutions", "S_RES_0555_1984_EN_GOLD.txt"));

    [Fact]
    public void AddendaThatRunOnAreEachCited()
    {
        // "S/4389 and Add.1-3"
        var congo = CitedBy("sc-resolutions", "S_RES_0145_1960_EN_GOLD.txt");
        Assert.Contains("S/4389/Add.2", congo);
        Assert.Contains("S/4389/Add.3", congo);
        // "documents S/11353/Add.24 and 25, that casualties …"
        Assert.Contains("S/11353/Add.25", CitedBy("sc-resolutions", "S_RES_0359_1974_EN_GOLD.txt"));
        // "(S/11670 and\nCorr.1 and 2)"
        Assert.Contains("S/11670/Corr.2", CitedBy("sc-resolutions", "S_RES_0368_1975_EN_GOLD.txt"));
    }

    [Fact]
    public void APartOfACouncilResolutionCitesTheResolution()
    {
        // "… as laid down in paragraph 2 of Security Council resolution 161 A (1961) of 21 February 1961;"
        var path = Path.Combine(TestData.UnDocuments, "sc-resolutions", "S_RES_0169_1961_EN_GOLD.txt");
        if (!File.Exists(path)) Assert.Skip("sc-resolutions/S_RES_0169_1961_EN_GOLD.txt is not in the reference collection.");
        var text = File.ReadAllText(path);
        var at = text.IndexOf("Security Council resolution 161 A", StringComparison.Ordinal);
        Assert.True(at >= 0);
        var sentence = text[at..text.IndexOf(';', at)];
        Assert.Contains(Graph.Model.Symbols.SymbolScanner.Scan(sentence, Graph.Model.Symbols.SymbolContext.SecurityCouncil), m => m.Symbol.Canonical == "S/RES/161 (1961)");
    }

    [Fact]
    public void TheCheckSetIsScoredApartWithEveryDocumentFound()
    {
        var report = CheckSetScore.Of("check-gold.json");
        // Tuned on, so an upper bound: it must not fall below what the fixes it was used for reached.
        Assert.True(report.Recall >= 0.99 && report.Precision >= 0.99, $"check set: precision {report.Precision:P1}, recall {report.Recall:P1}: {string.Join("; ", report.Mistakes)}");
    }

    [Fact]
    public void MostArcsOfTheMachineParsedCouncilReferenceAreFound()
    {
        var arcs = ReferenceArcs.Run(TestData.UnDocuments);
        if (arcs is null) Assert.Skip("un-documents has no sc-citations.json.");
        Assert.True(arcs.Arcs > 0);
        // The two arcs left: a line lost in the text ("resolution 418" without its year) and a resolution the text never names.
        Assert.True(arcs.Found >= arcs.Arcs - 2, string.Join("; ", arcs.Missed));
    }
}

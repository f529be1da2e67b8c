using System.Globalization;
using Graph.Extraction.Evaluation;
using Graph.Extraction.Recognisers;
using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// Citation forms that no gold set showed, found by probes that need none (a loose search of the whole collection for
/// numbers that read as resolutions no citation covers, a catalogue of the forms UN texts cite by, and a draft compared
/// with the resolution adopted from it), each on the real document of the reference collection that showed it.
/// </summary>
public sealed class UnseenFormTests
{
    [Fact]
    public void PlacesInsideAnItemAndSemicolonsDoNotEndAList()
    {
        // Footnote: "Resolutions 52/214, sect. C, para. 3; 55/222, sect. III, para. 12; 56/64 B, sect. X; 57/130 B, sect. X; …
        // 60/109 B, sect. IV, paras. 66–80; and 61/121 B, sect. IV, …".
        var cited = Cited(Extract("ga-resolutions", "A_RES_79_117.txt"));
        foreach (var symbol in (string[])["A/RES/52/214", "A/RES/55/222", "A/RES/56/64 B", "A/RES/57/130 B", "A/RES/60/109 B", "A/RES/61/121 B"])
            Assert.Contains(symbol, cited);
        // "45/248 B, section VI, of 21 December 1990, 55/231 of 23 December 2000, … 59/276, section XI, of 23 December 2004, …".
        var budget = Cited(Extract("ga-resolutions", "A_RES_78_252.txt"));
        foreach (var symbol in (string[])["A/RES/45/248 B", "A/RES/55/231", "A/RES/59/276", "A/RES/60/283", "A/RES/77/267"])
            Assert.Contains(symbol, budget);
    }

    [Fact]
    public void PartRangesAndDoubledPartsAreEachCited()
    {
        // "51/211 A to E of 18 December 1996, 52/214 of 22 December 1997, 53/208 A to E of 18 December 1998 and 59/265".
        var cited = Cited(Extract("ga-resolutions", "A_RES_80_234.txt"));
        foreach (var part in "ABCDE") Assert.Contains($"A/RES/51/211 {part}", cited);
        Assert.Contains("A/RES/53/208 E", cited);
        Assert.Contains("A/RES/59/265", cited);
        // "52/38 F of 9 December 1997, 53/77 AA of 4 December 1998, 54/54 U of 1 December 1999, …": part AA, and the list goes on.
        var disarmament = Cited(Extract("ga-resolutions", "A_RES_79_44.txt"));
        Assert.Contains("A/RES/53/77 AA", disarmament);
        Assert.DoesNotContain("A/RES/53/77", disarmament);
        Assert.Contains("A/RES/54/54 U", disarmament);
        Assert.Contains("A/RES/77/46", disarmament);
    }

    [Fact]
    public void ADateGluedToItsNumberOrSharedByTwoItemsDoesNotEndAList()
    {
        // "58/15 of 3 December 2003, 59/111of 6 December 2004, 59/147 of 20 December 2004, … and 79/150 of 17 December 2024".
        var cited = Cited(Extract("ga-drafts", "A_C.3_80_L.13.txt"));
        Assert.Contains("A/RES/59/111", cited);
        Assert.Contains("A/RES/79/150", cited);
        // "General Assembly resolutions 2253 (ES-V) and 2254 (ES-V) of 4 and 14 July 1967, 32/5 of 28 October 1977 and 33/113".
        var council = Cited(Extract("sc-resolutions", "S_RES_0446_1979_EN_GOLD.txt"));
        Assert.Contains("A/RES/32/5", council);
        Assert.Contains("A/RES/33/113", council);
    }

    [Fact]
    public void SubjectsThatQuoteATitleOrSayWhatTheItemDidDoNotEndAList()
    {
        // "…, in which it proclaimed 21 March as the International Day for the Elimination of Racial Discrimination, 62/122 of …".
        var cited = Cited(Extract("ga-resolutions", "A_RES_80_193.txt"));
        Assert.Contains("A/RES/62/122", cited);
        Assert.Contains("A/RES/75/170", cited);
        // "60/251 of 15 March 2006, by which it established the Human Rights Council, and 65/281 of 17 June 2011".
        Assert.Contains("A/RES/65/281", Cited(Extract("ga-drafts", "A_C.3_80_L.24.txt")));
    }

    [Fact]
    public void AListAfterTheSubjectOfResolutionsIsRead()
    {
        // "Recalling its relevant resolutions related to culture and sustainable development, in particular 41/187 of 8 December
        // 1986, 46/158 of 19 December 1991, … and 78/161 of 19 December 2023", as last year's text, "its resolutions 41/187 …".
        foreach (var (folder, file) in (ReadOnlySpan<(string, string)>)[("ga-resolutions", "A_RES_80_148.txt"), ("ga-drafts", "A_C.2_80_L.19.txt")])
        {
            var cited = Cited(Extract(folder, file));
            Assert.Contains("A/RES/41/187", cited);
            Assert.Contains("A/RES/46/158", cited);
            Assert.Contains("A/RES/76/214", cited);
        }
    }

    [Fact]
    public void ACouncilResolutionNumberWhoseFirstDigitTheScanMisreadIsRead()
    {
        // "545 (1983) and $46 (1984)", "resolution [86 (1964)", "resolution !86 (1964)".
        Assert.Contains("S/RES/546 (1984)", Cited(Extract("sc-resolutions", "S_RES_0567_1985_EN_GOLD.txt")));
        Assert.Contains("S/RES/186 (1964)", Cited(Extract("sc-resolutions", "S_RES_0593_1986_EN_GOLD.txt")));
        Assert.Contains("S/RES/186 (1964)", Cited(Extract("sc-resolutions", "S_RES_0604_1987_EN_GOLD.txt")));
    }

    [Fact]
    public void SymbolsWithABracketedPartOrASpaceAfterTheSlashAreRead()
    {
        // "ICCD/COP(13)/21/Add.1", "ICCD/COP(15)/23/Add.1"; the IAEA's and the WTO's series stay uncited ("WT/MIN(15)/48-WT/L/982").
        var desertification = Cited(Extract("ga-resolutions", "A_RES_80_139.txt"));
        Assert.Contains("ICCD/COP(13)/21/Add.1", desertification);
        Assert.Contains("ICCD/COP(16)/24/Add.1", desertification);
        Assert.Contains("UNEP(DTIE)/Hg/CONF/4", Cited(Extract("ga-resolutions", "A_RES_78_69.txt")));
        Assert.DoesNotContain(Cited(Extract("ga-drafts", "A_C.2_80_L.13.txt")), s => s.StartsWith("WT/", StringComparison.Ordinal));
        // "Ibid., document S/ 13672." (an old scan's space after the slash); "(S/\n0949)", a number that lost its first digit, is not read.
        Assert.Contains("S/13672", Cited(Extract("sc-resolutions", "S_RES_0458_1979_EN_GOLD.txt")));
        Assert.DoesNotContain("S/0949", Cited(Extract("sc-resolutions", "S_RES_0335_1973_EN_GOLD.txt")));
    }

    [Fact]
    public void AResolutionNumberWithANonBreakingHyphenIsRead()
    {
        // "recalling in this regard its resolution\nES‑10/15 of 20 July 2004" (U+2011), as its draft A/C.4/80/L.19 cites it.
        Assert.Contains("A/RES/ES-10/15", Cited(Extract("ga-resolutions", "A_RES_80_80.txt")));
    }

    [Fact]
    public void AFootnoteLineThatGoesOnWithARangeOfDaysIsNoFootnote()
    {
        // "2 Report of the … Conference on Environment and Development, Rio de Janeiro," / "3 – 14 June 1992, vol. I, …" /
        // "3 Resolution 66/288, annex.": the second line belongs to footnote 2, and footnote 3 is the resolution.
        var document = Extract("ga-drafts", "A_C.2_80_L.36.txt");
        Assert.Contains("A/RES/66/288", Cited(document));
        var footnote3 = document.FindNode("A/C.2/80/L.36#fn3");
        Assert.NotNull(footnote3);
        Assert.Equal("Resolution 66/288, annex.", footnote3.GetString("text"));
        Assert.Contains("A/RES/S-19/2", Cited(Extract("ga-resolutions", "A_RES_78_159.txt")));
    }

    [Fact]
    public void TheNoteTheHeadingsAsteriskCallsCitesFromTheDocument()
    {
        // "…: draft resolution" with "* On behalf of the States that are members of the Group of 77 and China, taking into account
        // also the provisions of General Assembly resolution ES-10/23 of 10 May 2024." under the rule: no paragraph calls it.
        var document = Extract("ga-drafts", "A_C.2_80_L.36.txt");
        var citation = Assert.Single(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == document.DocumentId && r.End == "A/RES/ES-10/23");
        Assert.Equal("heading", citation.Properties["via"]);
        Assert.DoesNotContain(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start != document.DocumentId && r.End == "A/RES/ES-10/23");
        var note = document.FindNode("A/C.2/80/L.36#fn0");
        Assert.NotNull(note);
        Assert.Equal("*", note.GetString("mark"));
        Assert.StartsWith("On behalf of the States that are members of the Group of 77 and China", note.GetString("text"));
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.HasFootnote && r.Start == document.DocumentId && r.End == note.Id
            && r.Properties.GetValueOrDefault("calledFrom") is "heading");
        // Footnote 1 is still the first numbered one, called from its paragraph.
        Assert.Equal("United Nations, Treaty Series, vol. 1760, No. 30619.", document.FindNode("A/C.2/80/L.36#fn1")?.GetString("text"));
    }

    [Fact]
    public void ADateItsSessionCannotHaveMakesAnItemAnotherOrgans()
    {
        // "Takes note … that through its resolution 54/18 of 12 October 2023, the Human Rights Council submitted …": the Assembly's
        // fifty-fourth session sat in 1999-2000, so this is the Council's; "resolution 73/8 of 19 May 2017" is the Economic and
        // Social Commission for Asia and the Pacific's.
        var cited = Cited(Extract("ga-resolutions", "A_RES_79_170.txt"));
        Assert.DoesNotContain("A/RES/54/18", cited);
        Assert.Contains("A/HRC/RES/54/18", cited);
        Assert.DoesNotContain("A/RES/73/8", Cited(Extract("ga-resolutions", "A_RES_78_149.txt")));
        // A year a decade too late is a misprint of the Assembly's own: "in line with resolution 70/202 of 22 December 2025".
        Assert.Contains("A/RES/70/202", Cited(Extract("ga-drafts", "A_C.2_80_L.25.txt")));
    }

    [Fact]
    public void AReportSubmittedToACouncilPursuantToResolutionsNamesThatCouncilsResolutions()
    {
        // "… in the report to the Human Rights Council submitted pursuant to resolutions 34/24, 40/20 and 46/17": the Council's.
        var cited = Cited(Extract("ga-resolutions", "A_RES_78_218.txt"));
        foreach (var number in (string[])["34/24", "40/20", "46/17"])
        {
            Assert.DoesNotContain($"A/RES/{number}", cited);
            Assert.Contains($"A/HRC/RES/{number}", cited);
        }
    }

    [Fact]
    public void ARunningHeaderSetTwiceIsNoCitation()
    {
        var cited = Cited(Extract("ga-resolutions", "A_RES_78_18.txt"));
        Assert.DoesNotContain(cited, s => s.Contains("18A/", StringComparison.Ordinal));
    }

    [Fact]
    public void AnInstrumentsNameThatEndsAMeetingsNameLinksNothing()
    {
        // "the third International Expert Meeting on Asset Return and the 2030 Agenda for Sustainable Development, held in Nairobi".
        var document = Extract("ga-resolutions", "A_RES_79_190.txt");
        var fromNames = document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start == "A/RES/79/190#pp66"
            && r.Properties.GetValueOrDefault("via") is "name" && r.End == "A/RES/70/1").ToList();
        Assert.Empty(fromNames);
        Assert.True(CitationRecogniser.EndsAnEventName("the third International Expert Meeting on Asset Return and the ", ", held in Nairobi"));
        // A conference named before the instrument in a list, with nothing placing an event after it, is no event's name.
        Assert.False(CitationRecogniser.EndsAnEventName("anniversaries of the Fourth World Conference on Women and the ", ";"));
    }

    [Fact]
    public void ADraftAndTheResolutionAdoptedFromItArePairedAndCompared()
    {
        var lexicon = OperativeLexicon.Load(Path.Combine(TestData.Root, "graph", "lexicon", "operative-verbs.txt"));
        var extractor = new DocumentExtractor();
        DocumentMeasures Measure(string folder, string file)
        {
            var path = Path.Combine(TestData.UnDocuments, folder, file);
            if (!File.Exists(path)) Assert.Skip($"{folder}/{file} is not in the reference collection.");
            return StructureMeasures.Measure(extractor, file, File.ReadAllBytes(path), lexicon);
        }
        // Texts of one series in different sessions: what one cites and the other prints without citing is reported.
        var earlier = Measure("ga-resolutions", "A_RES_78_161.txt");
        var later = Measure("ga-resolutions", "A_RES_80_148.txt");
        Assert.DoesNotContain(PairedTexts.HeldButNotCited([earlier, later]), m => m.Symbol == "A/RES/41/187");
        later.Cited.Remove("A/RES/41/187");
        Assert.Contains(("A/RES/80/148", "A/RES/41/187", "A/RES/78/161"), PairedTexts.HeldButNotCited([earlier, later]));

        var draft = Measure("ga-drafts", "A_C.2_80_L.36.txt");
        var adopted = Measure("ga-resolutions", "A_RES_80_140.txt");
        var lastYear = Measure("ga-resolutions", "A_RES_79_206.txt");
        var pairs = PairedTexts.Pair([draft], [adopted, lastYear]);
        // Last year's resolution on the same subject shares most of the text but is not adopted from this draft.
        var pair = Assert.Single(pairs);
        Assert.Equal(("A/C.2/80/L.36", "A/RES/80/140"), (pair.Draft, pair.Adopted));
        Assert.True(pair.Overlap > 0.9);
        // Footnote 3 ("Resolution 66/288, annex.") is cited by both now; what differs is the Assembly's change to the text.
        Assert.DoesNotContain("A/RES/66/288", pair.OnlyInAdopted);
        Assert.Contains("A/RES/79/314", pair.OnlyInAdopted);
    }
    [Fact]
    public void ACouncilNumberWhoseYearWasLostIsCitedInTheCouncilsText()
    {
        // "4. Calls upon all States to implement fully the arms embargo imposed against South Africa in resolution 418", the
        // paragraph's end, its year lost at the line end: the Council's own number, whose year the collection fixes.
        Assert.Contains("S/RES/418 (1977)", Cited(Extract("sc-resolutions", "S_RES_0571_1985_EN_GOLD.txt")));
        // The year whose brackets the scan lost: "resolutions 387 1976), 418 (1977), …", "resolution 637 1989 of 27 July 1989".
        Assert.Contains("S/RES/387 (1976)", Cited(Extract("sc-resolutions", "S_RES_0546_1984_EN_GOLD.txt")));
        Assert.Contains("S/RES/637 (1989)", Cited(Extract("sc-resolutions", "S_RES_0888_1993_EN_GOLD.txt")));
        // A number alone later in a list is a footnote mark ("pursuant to paragraph 19 of resolution 687 (1991), 82"), and
        // the heading "Resolution 290 / of 8 December 1970" is the text itself: neither is cited.
        var marked = Cited(Extract("sc-resolutions", "S_RES_0692_1991_EN_GOLD.txt"));
        Assert.Contains("S/RES/687 (1991)", marked);
        Assert.DoesNotContain(marked, s => s.StartsWith("S/RES/82 ", StringComparison.Ordinal));
        Assert.DoesNotContain("S/RES/290 (1970)", Cited(Extract("sc-resolutions", "S_RES_0290_1970_EN_GOLD.txt")));
        // "General Assembly resolution 268 B (III)" in a Council text stays the Assembly's.
        Assert.DoesNotContain(Cited(Extract("sc-resolutions", "S_RES_0081_1950_EN_GOLD.txt")), s => s.StartsWith("S/RES/268", StringComparison.Ordinal));
    }

    [Fact]
    public void EachCouncilResolutionOfTheCollectionFallsInTheYearItsNumberGives()
    {
        // The table of each year's numbers is read from these file names (S_RES_NNNN_YYYY): it must give each its own year.
        var folder = Path.Combine(TestData.UnDocuments, "sc-resolutions");
        if (!Directory.Exists(folder)) Assert.Skip("sc-resolutions is not in the reference collection.");
        var checkedCount = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "S_RES_*.txt"))
        {
            var parts = Path.GetFileNameWithoutExtension(file).Split('_');
            Assert.Equal(int.Parse(parts[3], CultureInfo.InvariantCulture), Graph.Model.Symbols.SecurityCouncilNumbering.YearOf(int.Parse(parts[2], CultureInfo.InvariantCulture)));
            checkedCount++;
        }
        Assert.True(checkedCount > 800, $"{checkedCount} Council resolutions read");
        // A number between two years the collection does not fix has no year (90: 89 is of 1950, 91 of 1951).
        Assert.Null(Graph.Model.Symbols.SecurityCouncilNumbering.YearOf(90));
    }

    [Fact]
    public void AHyphenatedPartInsideASymbolIsKept()
    {
        // Footnote: "See United Nations Environment Programme, document UNEP/CBD/BS/COP-MOP/5/17, annex, decision BS-V/11."
        Assert.Contains("UNEP/CBD/BS/COP-MOP/5/17", Cited(Extract("ga-resolutions", "A_RES_78_155.txt")));
        // The draft the resolution was adopted from, the same footnote.
        Assert.Contains("UNEP/CBD/BS/COP-MOP/5/17", Cited(Extract("ga-drafts", "A_C.2_80_L.36.txt")));
    }
    [Fact]
    public void ARunningHeaderSetTwiceEndsThePageSoItsTitleLeavesTheParagraph()
    {
        // "… resolutions 45/54 of 4 December 1990, 46/32 of 6 December 1991, 47/50 of" / footnotes / the running title in
        // three lines / "A/RES/78/18A/RES/78/18" / "3/3" / "9 December 1992, 48/73 of 16 December 1993, … and 77/39 of …".
        var document = Extract("ga-resolutions", "A_RES_78_18.txt");
        var recalling = Assert.Single(Paragraphs(document), p => p.GetString("text")?.StartsWith("Recalling its relevant resolutions", StringComparison.Ordinal) == true);
        var text = recalling.GetString("text")!;
        Assert.Contains("47/50 of 9 December 1992, 48/73", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Conclusion of effective", text, StringComparison.Ordinal);
        var cited = Cited(document);
        foreach (var symbol in (string[])["A/RES/45/54", "A/RES/47/50", "A/RES/48/73", "A/RES/62/19", "A/RES/77/39"])
            Assert.Contains(symbol, cited);
    }

    [Fact]
    public void AnItemTheAssemblysSessionCannotHaveIsTheHumanRightsCouncilsWhereTheSentenceNamesIt()
    {
        // "… mandated by the Human Rights Council in its resolutions 55/28 and 55/29 of 5 April 2024, … and its decision 56/115
        // of 10 July 2024": "its" is the Council's, and the Assembly's fifty-sixth session sat in 2001-2002.
        var budget = Cited(Extract("ga-resolutions", "A_RES_79_258.txt"));
        Assert.Contains("A/HRC/DEC/56/115", budget);
        Assert.DoesNotContain("A/DEC/56/115", budget);
        // "Human Rights Council resolutions 52/5 of 3 April 2023,4 which extended the mandate …, as well as 49/14 of 31 March 2022".
        Assert.Contains("A/HRC/RES/49/14", Cited(Extract("ga-resolutions", "A_RES_78_211.txt")));
    }

    [Fact]
    public void ASubtitleADateWrittenWithOfOrACyrillicPartLetterDoesNotEndAList()
    {
        // "78/147 of 19 December 2023 on Central Asia facing environmental challenges: fostering regional solidarity for
        // sustainable development and prosperity, 78/284 of 4 June 2024 … and 79/5 of 24 October 2024".
        var central = Cited(Extract("ga-resolutions", "A_RES_79_268.txt"));
        Assert.Contains("A/RES/78/284", central);
        Assert.Contains("A/RES/79/5", central);
        // "77/203 of 15 of December of 2022 and 78/189 of 19 December 2023".
        Assert.Contains("A/RES/78/189", Cited(Extract("ga-resolutions", "A_RES_79_159.txt")));
        // "75/257 В of 7 July 2021 and 77/299", "57/228 В of 13 May 2003", the В a Cyrillic letter.
        var cambodia = Cited(Extract("ga-resolutions", "A_RES_79_324.txt"));
        Assert.Contains("A/RES/77/299", cambodia);
        Assert.Contains("A/RES/57/228 B", cambodia);
        Assert.DoesNotContain("A/RES/57/228", cambodia);
    }

    [Fact]
    public void TheResolutionThatRecommendedAChairsDraftIsCited()
    {
        // Heading: "Draft resolution submitted by the Chair on the recommendation of the Economic and Social Council (resolution 2025/15)".
        var document = Extract("ga-drafts", "A_C.3_80_L.7.txt");
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == "A/C.3/80/L.7" && r.End == "E/RES/2025/15"
            && r.Properties.GetValueOrDefault("via") is "heading");
    }

    [Fact]
    public void ACouncilDocumentWhoseSTheScanMisreadIsCited()
    {
        // Footnote 60: "Ibid., documents 8/17227 and Add.2." and footnote 61 on the next line, "Ibid., Add.1.".
        var sanctions = Cited(Extract("sc-resolutions", "S_RES_0565_1985_EN_GOLD.txt"));
        Assert.Contains("S/17227", sanctions);
        Assert.Contains("S/17227/Add.2", sanctions);
        Assert.DoesNotContain(sanctions, s => s.StartsWith("S/17227/Add.2.", StringComparison.Ordinal));
        // "… Yugoslavia" ($/25240, annex I)", "Cooperation in Europe (CSCE) (8/25307)".
        var tribunal = Cited(Extract("sc-resolutions", "S_RES_0808_1993_EN_GOLD.txt"));
        Assert.Contains("S/25240", tribunal);
        Assert.Contains("S/25307", tribunal);
        // "(S/24783, $/24810, S/24840, S$/24870, S/24900 and Add.1 to 31)": the misread S, and a range of addenda in words.
        var flights = Cited(Extract("sc-resolutions", "S_RES_0816_1993_EN_GOLD.txt"));
        foreach (var symbol in (string[])["S/24810", "S/24870", "S/24900/Add.2", "S/24900/Add.31"]) Assert.Contains(symbol, flights);
        // "documents S/26233, S/26260 and S$/26337", "in document §/26337".
        Assert.Contains("S/26337", Cited(Extract("sc-resolutions", "S_RES_0859_1993_EN_GOLD.txt")));
    }

    [Fact]
    public void ACouncilResolutionNumberOfAnotherYearIsAMisprintAndNotCited()
    {
        // "489 (1979)" (489 is of 1981; the check set 2 lists it as a misprint of 459) and "resolution 84 (1993)" for 834.
        Assert.DoesNotContain("S/RES/489 (1979)", Cited(Extract("sc-resolutions", "S_RES_0587_1986_EN_GOLD.txt")));
        Assert.DoesNotContain("S/RES/84 (1993)", Cited(Extract("sc-resolutions", "S_RES_0834_1993_EN_GOLD.txt")));
    }

    [Fact]
    public void SectionsOfTheProposedProgrammeBudgetAreEachCited()
    {
        // Footnote 3: "A/78/6 (Sect. 2), A/78/6 (Sect. 3), …, A/78/6 (Sect. 31) and A/78/6 / (Sect. 34).", a section's bracket
        // often on the next line.
        var budget = Cited(Extract("ga-resolutions", "A_RES_78_244.txt"));
        foreach (var section in (string[])["2", "8", "29A", "29F", "34"]) Assert.Contains($"A/78/6 (Sect. {section})", budget);
        Assert.DoesNotContain("A/78/6", budget);
        // Footnote 40: "A/80/6 (Sect. 3)/Add.1, …, A/80/6 (Sect. 3)/Add.5 and A/80/6 (Sect. 3)/Add.6."
        var missions = Cited(Extract("ga-resolutions", "A_RES_80_243.txt"));
        for (var add = 1; add <= 6; add++) Assert.Contains($"A/80/6 (Sect. 3)/Add.{add}", missions);
    }

    [Fact]
    public void ABlankNumberOrAnotherOrganisationsSeriesIsNoCitation()
    {
        // The Fifth Committee's programme of work: "A/80/___", "A/80/7/Add.__", "A/C.5/80/___", documents not yet issued.
        var work = Cited(Extract("ga-drafts", "A_C.5_80_L.1.txt"));
        Assert.DoesNotContain("A/80", work);
        Assert.DoesNotContain("A/80/7/Add", work);
        Assert.DoesNotContain("A/C.5/80", work);
        Assert.Contains("A/80/7/Add.1", work);
        Assert.Contains("A/80/354", work);
        // "3 S/2338/2024.", "6 S/1906/2020.": notes of the Technical Secretariat of the Organisation for the Prohibition of
        // Chemical Weapons; "See Organisation for the Prohibition of Chemical Weapons, document S/2338/2024."
        var chemical = Cited(Extract("ga-resolutions", "A_RES_80_34.txt"));
        Assert.DoesNotContain("S/2338/2024", chemical);
        Assert.DoesNotContain("S/1906/2020", chemical);
        Assert.DoesNotContain("S/2338/2024", Cited(Extract("ga-resolutions", "A_RES_79_134.txt")));
    }

    [Fact]
    public void ASuffixOnTheLineAfterItsSymbolIsKept()
    {
        // Footnote: "… addendum to agenda item 23 (document A/6000/" / "Rev.1), chap. III, para. 292."
        var cited = Cited(Extract("sc-resolutions", "S_RES_0202_1965_EN_GOLD.txt"));
        Assert.Contains("A/6000/Rev.1", cited);
        Assert.DoesNotContain("A/6000", cited);
    }

    [Fact]
    public void FurtherRecordsOfOneSeriesAreEachCited()
    {
        // Reports of the Fourth Committee in the corpus: "(see A/C.4/51/SR.2-5 and 8)", "(see A/C.4/49/SR.2, 5, 6 and 13)".
        GraphDocument Report(string file)
        {
            var path = TestData.CorpusFile(Path.Combine("ai-un-report", file));
            if (!File.Exists(path)) Assert.Skip($"ai-un-report/{file} is not in the corpus.");
            return new DocumentExtractor().ExtractFile(path);
        }
        var ranged = Cited(Report("A_51_595.pdftotext.txt"));
        foreach (var record in (int[])[2, 3, 4, 5, 8]) Assert.Contains($"A/C.4/51/SR.{record}", ranged);
        var listed = Cited(Report("A_49_624.pdftotext.txt"));
        foreach (var record in (int[])[2, 5, 6, 13]) Assert.Contains($"A/C.4/49/SR.{record}", listed);
    }
}

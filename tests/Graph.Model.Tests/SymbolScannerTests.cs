using Graph.Model.Symbols;

namespace Graph.Model.Tests;

public sealed class SymbolScannerTests
{
    private static string[] Symbols(string text, SymbolContext context = SymbolContext.GeneralAssembly) =>
        [.. SymbolScanner.Scan(text, context).Select(m => m.Symbol.Canonical)];

    [Theory]
    [InlineData("A/RES/77/13", "A/RES/77/13")]
    [InlineData("S/RES/1631 (2005)", "S/RES/1631 (2005)")]
    [InlineData("S/RES/1631(2005)", "S/RES/1631 (2005)")]
    [InlineData("A/RES/ES-10/23", "A/RES/ES-10/23")]
    [InlineData("A/RES/S-30/1", "A/RES/S-30/1")]
    [InlineData("S/PRST/2010/1", "S/PRST/2010/1")]
    [InlineData("A/78/481/add.2", "A/78/481/Add.2")]
    [InlineData("A/77/L.13", "A/77/L.13")]
    [InlineData("A/C.3/80/L.11", "A/C.3/80/L.11")]
    [InlineData("E/2009/28", "E/2009/28")]
    [InlineData("E/CN.6/2025/19", "E/CN.6/2025/19")]
    [InlineData("A/62/PV.117", "A/62/PV.117")]
    [InlineData("S/PV.9609", "S/PV.9609")]
    [InlineData("A/79/845*", "A/79/845")]
    public void CanonicalisesFullSymbols(string written, string canonical)
    {
        Assert.True(DocumentSymbol.TryParse(written, out var symbol), $"input: {written}");
        Assert.Equal(canonical, symbol.Canonical);
    }

    [Theory]
    [InlineData("A/77/277-S/2022/606")]
    [InlineData("A/77/277–S/2022/606")]
    [InlineData("A/77/277*-S/2022/606*")]
    public void ParsesJointSymbolIntoOneDocumentWithAlias(string written)
    {
        Assert.True(DocumentSymbol.TryParse(written, out var symbol), $"input: {written}");
        Assert.Equal("A/77/277", symbol.Canonical);
        Assert.Equal(["S/2022/606"], symbol.Aliases);
    }

    [Fact]
    public void KeepsAHyphenatedPartButStillSplitsAJointSymbol()
    {
        Assert.Equal(["UNEP/CBD/BS/COP-MOP/5/17"], Symbols("See document UNEP/CBD/BS/COP-MOP/5/17, annex, decision BS-V/11."));
        var joint = Assert.Single(SymbolScanner.Scan("letter A/C.3/L.5-S/2022/606 of", SymbolContext.GeneralAssembly));
        Assert.Equal("A/C.3/L.5", joint.Symbol.Canonical);
        Assert.Equal(["S/2022/606"], joint.Symbol.Aliases);
    }

    [Fact]
    public void ReadsThePartLetterAfterAFullSymbolOnItsLineOnly()
    {
        Assert.Equal(["A/RES/51/211 E", "A/RES/45/58 P"], Symbols("resolutions A/RES/51/211 E of 18 December 1996 and A/RES/45/58 P, and"));
        // A running header and the title under it: no part.
        Assert.Equal(["A/RES/78/234"], Symbols("chap. I. \n\nA/RES/78/234 \nA global call for concrete action"));
        Assert.Equal(["A/RES/78/234"], Symbols("A/RES/78/234 A global call"));
    }

    [Fact]
    public void ReadsACouncilNumberWithoutItsYearOnlyInTheCouncilsTextAndAtAClausesEnd()
    {
        Assert.Equal(["S/RES/418 (1977)"], SymbolScanner.Scan("imposed against South Africa in resolution 418\n\n5. Requests", SymbolContext.SecurityCouncil).Select(m => m.Symbol.Canonical));
        Assert.Empty(SymbolScanner.Scan("imposed against South Africa in resolution 418\n\n5. Requests", SymbolContext.GeneralAssembly));
        Assert.Empty(SymbolScanner.Scan("within three months of this resolution 4 programme of demilitarization", SymbolContext.SecurityCouncil));
        Assert.Empty(SymbolScanner.Scan("Resolution 290\nof 8 December 1970", SymbolContext.SecurityCouncil));
        Assert.Equal(["S/RES/841 (1993)", "S/RES/861 (1993)"],
            SymbolScanner.Scan("Recalling its resolutions 841 1993 of 16 June 1993, 861 (1993) of 27 August 1993", SymbolContext.SecurityCouncil).Select(m => m.Symbol.Canonical));
    }

    [Fact]
    public void FindsTheAddendumWrittenAsAndAdd1()
    {
        var matches = SymbolScanner.Scan("¹ A/71/160-S/2016/621 and Add.1.", SymbolContext.GeneralAssembly);
        Assert.Equal(["A/71/160", "A/71/160/Add.1"], matches.Select(m => m.Symbol.Canonical));
        Assert.Equal(["S/2016/621/Add.1"], matches[1].Symbol.Aliases);
    }

    [Fact]
    public void ReadsASuffixSetApartFromItsNumberWholeButNotAFollowingNumber() =>
        Assert.Equal(["S/1117/Add.1", "S/Agenda/2329/Rev.1", "A/78/481/Add.2"],
            Symbols("documents S/1117/Add. 1, appendix IV, S/Agenda/2329/Rev. 1 and A/78/481/Add.2 10 and"));

    [Fact]
    public void ReadsItsResolutionAsGeneralAssemblyResolution() =>
        Assert.Equal(["A/RES/64/256"], Symbols("Referring further to its resolution 64/256 of 2 March 2010,"));

    [Fact]
    public void ReadsAListOfResolutionsWithDates() =>
        Assert.Equal(
            ["A/RES/64/256", "A/RES/65/122", "A/RES/67/6", "A/RES/75/276"],
            Symbols("its resolutions 64/256 of 2 March 2010, 65/122 of 13 December 2010, 67/6 of 19 November 2012 and 75/276 of 28 April 2021 on cooperation"));

    [Fact]
    public void ReadsSecurityCouncilResolutionWithYearInAnyContext()
    {
        Assert.Equal(["S/RES/1631 (2005)"], Symbols("including resolution 1631 (2005) of 17 October 2005"));
        Assert.Equal(["S/RES/2231 (2015)"], Symbols("Security Council resolution 2231 (2015)", SymbolContext.None));
    }

    [Fact]
    public void ReadsBareSecurityCouncilNumbersInAResolutionList() =>
        Assert.Equal(
            ["S/RES/661 (1990)", "S/RES/986 (1995)", "S/RES/1447 (2002)"],
            Symbols("including resolution 661 (1990) of\n6 August 1990, 986 (1995) of 14 April 1995, and in particular, 1447 (2002) of 4\nDecember 2002,", SymbolContext.SecurityCouncil));

    [Fact]
    public void ReadsOldStyleGeneralAssemblyResolutions()
    {
        Assert.Equal(["A/RES/1514 (XV)"], Symbols("Recalling its resolution 1514 (XV) of 14 December 1960"));
        Assert.Equal(["A/RES/2200 A (XXI)"], Symbols("See resolution 2200 A (XXI), annex."));
        Assert.Equal(["A/RES/217 A (III)"], Symbols("¹ Resolution 217 A (III).", SymbolContext.None));
    }

    [Fact]
    public void ReadsSpecialSessionResolutions()
    {
        Assert.Equal(["A/RES/S-30/1"], Symbols("⁷ Resolution S-30/1, annex."));
        Assert.Equal(["A/RES/ES-10/23"], Symbols("resolution ES-10/23"));
    }

    [Fact]
    public void ReadsDecisionsOfTheAssemblyAndTheCouncil()
    {
        Assert.Equal(["A/DEC/79/512"], Symbols("its decision 79/512 of 20 December 2024"));
        Assert.Equal(["E/RES/2020/8"], Symbols("Economic and Social Council resolution 2020/8 of 18 June 2020"));
        Assert.Equal(["E/DEC/2024/210"], Symbols("decision 2024/210", SymbolContext.EconomicAndSocialCouncil));
    }

    [Fact]
    public void LeavesResolutionsOfOtherOrgansAlone()
    {
        Assert.Empty(Symbols("Recalling Commission on the Status of Women resolution 60/2 of 24 March 2016"));
        // An elliptic "Commission" after another commission than the Commission on Human Rights is that one's.
        Assert.Empty(Symbols("Recalling the resolutions of the Commission on the Status of Women, in particular Commission resolution 60/2"));
        Assert.Equal(["A/HRC/RES/53/29"], Symbols("Human Rights Council resolution 53/29 of 14 July 2023"));
    }

    [Fact]
    public void ReadsResolutionsOfTheCommissionOnHumanRightsInTheSeriesOfItsReports()
    {
        Assert.Equal(["E/CN.4/RES/2005/69"], Symbols("Commission on Human Rights resolution 2005/69"));
        Assert.Equal(["E/CN.4/RES/2004/16", "E/CN.4/RES/2005/5"],
            Symbols("Recalling Commission on Human Rights resolutions 2004/16 of 16 April 2004 and 2005/5 of 14 April 2005"));
        Assert.Equal(["E/CN.4/RES/2005/5"], Symbols("the request of the Commission on Human Rights, in its resolution 2005/5, that the Special Rapporteur"));
        Assert.Equal(["E/CN.4/RES/1998/72", "A/HRC/RES/4/4"],
            Symbols("the Commission on Human Rights in its resolution 1998/72 and the Human Rights Council in its resolution 4/4 of 30 March 2007"));
        Assert.Equal(["E/CN.4/RES/1998/72"],
            Symbols("the resolutions of the Commission on Human Rights on the right to development, in particular Commission resolution 1998/72 of 22 April 1998"));
        Assert.Equal(["E/CN.4/DEC/2005/113"], Symbols("Commission on Human Rights decision 2005/113"));
    }

    [Fact]
    public void SpanCoversTheWrittenSymbol()
    {
        const string text = "Resolution 60/288.";
        var match = Assert.Single(SymbolScanner.Scan(text, SymbolContext.GeneralAssembly));
        Assert.Equal("60/288", text[match.Start..match.End]);
        var full = Assert.Single(SymbolScanner.Scan("see (A/78/481/Add.2, para. 139)", SymbolContext.None));
        Assert.Equal("A/78/481/Add.2", "see (A/78/481/Add.2, para. 139)"[full.Start..full.End]);
    }

    [Theory]
    [InlineData("and/or the 2030 Agenda")]
    [InlineData("paragraph 3 (2005) of the report")]
    [InlineData("in 9 (2025)")]
    [InlineData("COVID-19 and N/A")]
    [InlineData("the AFC/M23 offensive")]
    public void IgnoresThingsThatOnlyLookLikeSymbols(string text) => Assert.Empty(Symbols(text));

    [Theory]
    [InlineData("A/RES/77/13", "General Assembly", "resolution", 77L)]
    [InlineData("S/PRST/2010/1", "Security Council", "presidential statement", null)]
    [InlineData("A/77/L.13", "General Assembly", "draft", 77L)]
    [InlineData("A/RES/1514 (XV)", "General Assembly", "resolution", 15L)]
    [InlineData("E/2009/28", "Economic and Social Council", null, null)]
    [InlineData("A/62/PV.117", "General Assembly", "meeting record", 62L)]
    public void ClassifiesBodyKindAndSession(string canonical, string body, string? kind, long? session)
    {
        var symbol = DocumentSymbol.FromCanonical(canonical);
        Assert.Equal((body, kind, session), (symbol.Body, symbol.Kind, symbol.Session));
    }

    [Fact]
    public void ScansLongHostileInputInLinearTime()
    {
        var text = string.Concat(Enumerable.Repeat("A/1/1-A/1/1-resolution 1/1, 2/2 and ", 20_000));
        var matches = SymbolScanner.Scan(text, SymbolContext.GeneralAssembly);
        Assert.NotEmpty(matches);
    }
    // Forms the second check set (graph/eval/check2-gold.json) found, as its documents print them.

    [Fact]
    public void ReadsEachPartOfALetteredResolutionAndTheListAfterIt()
    {
        // A/RES/78/330: "72/90 A and B of 7 December 2017, 72/161 of 19 December 2017"
        Assert.Equal(["A/RES/72/90 A", "A/RES/72/90 B", "A/RES/72/161"], Symbols("resolutions 72/90 A and B of 7 December 2017, 72/161 of 19 December 2017,"));
        // A count after a lettered resolution is no part: "45/58 P and 2 others".
        Assert.Equal(["A/RES/45/58 P"], Symbols("resolution 45/58 P and 2 others"));
    }

    [Fact]
    public void ReadsVolumesAndPartsOfAConferenceDocument()
    {
        // A/RES/80/31, footnotes 4 and 12.
        Assert.Equal(["NPT/CONF.2010/50 (Vol. I)", "NPT/CONF.2010/50 (Vol. II)", "NPT/CONF.2010/50 (Vol. III)"],
            Symbols("vols. I–III (NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50 (Vol. II) and NPT/CONF.2010/50 (Vol. III))."));
        Assert.Equal(["NPT/CONF.1995/32 (Part I)", "NPT/CONF.1995/32 (Part I)/Corr.2"],
            Symbols("Final Document, Part I (NPT/CONF.1995/32 (Part I) and NPT/CONF.1995/32 (Part I)/Corr.2), annex."));
        // The gold sets count a part of an Assembly conference's report as the report.
        Assert.Equal(["A/CONF.157/24"], Symbols("(A/CONF.157/24 (Part I)), chap. III"));
    }

    [Fact]
    public void ReadsSummaryRecordsMistypedOrRunTogether()
    {
        // A/C.6/80/L.12, footnote 1.
        Assert.Equal(["A/C.6/64/SR.25", "A/C.6/64/SR.1-28/Corrigendum", "A/C.6/65/SR.10"], Symbols("A/C.6/64/SR.25, A/C.6/64/SR.1–28/Corrigendum, A/C.6/65/SR.10,"));
        Assert.Equal(["A/C.6/79/SR.37", "A/C.6/79/SR.38"], Symbols("A/C.6/79.SR.37, A/C.6/79.SR.38,"));
    }

    [Fact]
    public void ReadsAScannedYInARevisionAsAV()
    {
        // S/RES/411 (1977), footnote 40.
        Assert.Equal(["S/12344/Rev.1"], Symbols("document S/12344/Rey.1, annex V.", SymbolContext.SecurityCouncil));
    }

    // Forms the third check set (graph/eval/check3-gold.json) found, as its documents print them.

    [Fact]
    public void ReadsACorrigendumSetApartFromItsNumber()
    {
        // S/RES/98 (1952), footnote 5; S/RES/612 (1988), footnote 38.
        Assert.Equal(["S/2783", "S/2783/Corr.1"], Symbols("Ibid., document S/2783 and Corr. 1."));
        Assert.Equal(["S/20883", "S/20883/Add.1"], Symbols("document S/20883 and Add. 1."));
    }

    [Fact]
    public void ReadsNoSymbolThatOpensWithARomanNumeral()
    {
        // A/RES/78/69: a Conference of the Parties' decisions, and a part number inside an ILO symbol.
        Assert.Empty(Symbols("Recalls decision IX/16 C, adopted at the ninth meeting"));
        Assert.Empty(Symbols("takes note of decision X/29, adopted at the tenth meeting"));
        Assert.Empty(Symbols("document STCMLC/Part I/2021/2."));
        Assert.Equal(["A/51/312"], Symbols("See A/51/312, annex II, decision II/10."));
    }

    // Forms the gold-free probes over the whole collection found (graph/eval/loose-probe.py and a search of each form).

    [Fact]
    public void ReadsAHumanRightsCouncilItemTheAssemblysSessionCannotHave()
    {
        // A/RES/79/170, op. 7: the Council named after the date, a footnote mark between.
        Assert.Equal(["A/HRC/RES/54/18"], Symbols("Takes note, in this regard, that through its resolution 54/18 of 12 October 2023,\u00B2\u2070 the Human Rights Council submitted"));
        Assert.Equal(["A/HRC/RES/54/18"], Symbols("that through its resolution 54/18 of 12 October 2023, 20 the Human Rights Council submitted"));
        // A/RES/79/258, op. 4: "its" after the Council's resolutions of the same sentence.
        Assert.Equal(["A/HRC/RES/57/28", "A/HRC/DEC/56/115"], Symbols("mandated by the Human Rights Council in its resolutions 57/28 of 11 October 2024 and its decision 56/115 of 10 July 2024;"));
        // No Council named, or a session the Council did not hold that year: no symbol rather than a wrong one.
        Assert.Empty(Symbols("Recalls its resolution 54/18 of 12 October 2023,"));
        Assert.Empty(Symbols("through its resolution 54/18 of 12 October 2019, the Human Rights Council decided"));
    }

    [Fact]
    public void ReadsAListOnPastAMarkBeforeASubjectAColonOrADateWithOf()
    {
        // A/RES/78/211: "…,4 which extended …, as well as 49/14".
        Assert.Equal(["A/HRC/RES/52/5", "A/HRC/RES/49/14"], Symbols("Human Rights Council resolutions 52/5 of 3 April 2023,\u2074 which extended the mandate of the Special Rapporteur on minority issues, as well as 49/14 of 31 March 2022,\u2075 in which"));
        Assert.Equal(["A/HRC/RES/52/5", "A/HRC/RES/49/14"], Symbols("Human Rights Council resolutions 52/5 of 3 April 2023,4 which extended the mandate, as well as 49/14 of 31 March 2022"));
        Assert.Equal(["A/RES/78/1", "A/RES/78/2"], Symbols("its resolutions 78/1 of 2 October 2023,36 and 78/2 of 3 October 2023"));
        // A/RES/79/268: a subtitle after a colon in the subject.
        Assert.Equal(["A/RES/78/147", "A/RES/78/284"], Symbols("its resolutions 78/147 of 19 December 2023 on Central Asia facing environmental challenges: fostering regional solidarity, 78/284 of 4 June 2024 on Central Asia"));
        // A colon that opens a list of words still ends the subject.
        Assert.Equal(["A/RES/78/147"], Symbols("its resolution 78/147 of 19 December 2023 on the following: Central Asia, 78/284 of 4 June 2024"));
        // A/RES/79/159: "15 of December of 2022".
        Assert.Equal(["A/RES/77/203", "A/RES/78/189"], Symbols("its resolutions 77/203 of 15 of December of 2022 and 78/189 of 19 December 2023"));
        Assert.True(DateText.TryRead("15 of December of 2022", 0, out var iso, out _));
        Assert.Equal("2022-12-15", iso);
    }

    [Fact]
    public void ReadsACyrillicPartLetterAsItsLatinTwin()
    {
        // A/RES/79/324: "75/257 В" with U+0412.
        Assert.Equal(["A/RES/75/257 B", "A/RES/77/299"], Symbols("Recalling its resolutions 75/257 \u0412 of 7 July 2021 and 77/299 of 26 June 2023,"));
    }

    [Fact]
    public void ReadsTheResolutionInBracketsAfterACouncilsName()
    {
        // A/C.3/80/L.7, heading.
        Assert.Equal(["E/RES/2025/15"], Symbols("on the recommendation of the Economic and Social Council (resolution 2025/15)"));
        // A title before the bracket leaves the resolution to the document's organ (A/RES/78/148, footnote 14).
        Assert.Equal(["A/RES/76/258"], Symbols("Doha Programme of Action for the Least Developed Countries (resolution 76/258, annex)"));
    }

    [Fact]
    public void ReadsACouncilDocumentWhoseSTheScanMisread()
    {
        Assert.Equal(["S/13369"], Symbols("1979, document $/13369, para. 51.", SymbolContext.SecurityCouncil));
        Assert.Equal(["S/12611"], Symbols("contained in document S$/12611", SymbolContext.SecurityCouncil));
        Assert.Equal(["S/26337"], Symbols("in document \u00A7/26337", SymbolContext.SecurityCouncil));
        Assert.Equal(["S/17227", "S/17227/Add.2"], Symbols("Ibid., documents 8/17227 and Add.2. 61 Ibid., Add.1.", SymbolContext.SecurityCouncil));
        Assert.Equal(["S/25307"], Symbols("Cooperation in Europe (CSCE) (8/25307),", SymbolContext.SecurityCouncil));
        // An 8 outside the Council's texts, a year, or a dollar after a currency's letters is no symbol.
        Assert.Empty(Symbols("Cooperation in Europe (CSCE) (8/25307),"));
        Assert.Empty(Symbols("between 8/1993 and", SymbolContext.SecurityCouncil));
        Assert.Empty(Symbols("at US$/12345 a tonne", SymbolContext.SecurityCouncil));
    }

    [Fact]
    public void ReadsNoCouncilResolutionWhoseNumberIsOfAnotherYear()
    {
        // S/RES/587 (1986): "489 (1979)" is a misprint (489 is of 1981); the list goes on past it.
        Assert.Equal(["S/RES/425 (1978)", "S/RES/426 (1978)"], Symbols("resolutions 425 (1978), 489 (1979) and 426 (1978)", SymbolContext.SecurityCouncil));
        Assert.True(SecurityCouncilNumbering.IsMisdated(489, 1979));
        Assert.False(SecurityCouncilNumbering.IsMisdated(489, 1981));
        // A number the collection does not place keeps the year it is printed with.
        Assert.False(SecurityCouncilNumbering.IsMisdated(2231, 2015));
    }

    [Fact]
    public void ReadsNoSymbolWhoseNumberIsLeftBlank()
    {
        // A/C.5/80/L.1 (programme of work), A/C.6/80/L.1: documents not yet issued.
        Assert.Empty(Symbols("Report of the Secretary-General (A/80/__)"));
        Assert.Equal(["A/80/6 (Sect. 3)/Add.5"], Symbols("Issued A/80/7/Add.__ Report of the Advisory Committee A/80/6 (Sect.3)/Add.5 Report"));
        Assert.Empty(Symbols("Note by the Secretariat A/C.5/80/___ and"));
    }

    [Fact]
    public void ReadsASectionOfTheProposedProgrammeBudget()
    {
        // A/RES/80/243, footnote 40; A/C.5/80/L.1 writes "(Sect.3)".
        Assert.Equal(["A/80/6 (Sect. 3)/Add.1", "A/80/6 (Sect. 3)/Add.2"], Symbols("40 A/80/6 (Sect. 3)/Add.1, A/80/6 (Sect. 3)/Add.2,"));
        Assert.Equal(["A/80/6 (Sect. 3)/Add.5"], Symbols("A/80/6 (Sect.3)/Add.5 Report"));
        Assert.Equal(["A/79/6 (Sect. 29A)", "A/79/6 (Sect. 2)"], Symbols("(A/79/6 (Sect. 29A)) and A/79/6 (Sect. 2)."));
        Assert.Equal(["A/80/6 (Sect. 3)"], [.. SymbolScanner.Scan("A/80/6 (Sect. 3)", SymbolContext.GeneralAssembly).Select(m => m.Symbol.Canonical)]);
        Assert.True(DocumentSymbol.TryParse("A/80/6 (Sect. 3)/Add.1", out var fascicle));
        Assert.Equal("General Assembly", fascicle.Body);
    }

    [Fact]
    public void ReadsASuffixAfterALineBreakAfterTheSlash()
    {
        // S/RES/202 (1965), footnote: the line breaks after "A/6000/".
        Assert.Equal(["A/6000/Rev.1"], Symbols("(document A/6000/\nRev.1), chap. III", SymbolContext.SecurityCouncil));
        Assert.Equal(["A/6000"], Symbols("(document A/6000/ and", SymbolContext.SecurityCouncil));
    }

    [Fact]
    public void ReadsFurtherRecordsAndAddendaOfARunningList()
    {
        Assert.Equal(["A/C.4/51/SR.2", "A/C.4/51/SR.3", "A/C.4/51/SR.4", "A/C.4/51/SR.5", "A/C.4/51/SR.8"], Symbols("(see A/C.4/51/SR.2-5 and 8)."));
        Assert.Equal(["A/C.4/49/SR.2", "A/C.4/49/SR.5", "A/C.4/49/SR.6", "A/C.4/49/SR.13"], Symbols("(see A/C.4/49/SR.2, 5, 6 and 13)."));
        Assert.Equal(["A/78/1/Add.1", "A/78/1/Add.2", "A/78/1/Add.3"], Symbols("A/78/1/Add.1, 2 and 3."));
        // S/RES/816 (1993): "S/24900 and Add.1 to 31)", a range in words.
        Assert.Equal(31, Symbols("(S/24783, S/24900 and Add.1 to 31)", SymbolContext.SecurityCouncil).Count(s => s.StartsWith("S/24900/Add.", StringComparison.Ordinal)));
        Assert.Equal(["S/24900", "S/24900/Add.1"], Symbols("S/24900 and Add.1 to 31 others", SymbolContext.SecurityCouncil));
        // A count after the list is no record: "S/PV.9609 and 12 others".
        Assert.Equal(["S/PV.9609"], Symbols("S/PV.9609 and 12 others"));
    }

    [Fact]
    public void ABoundedScanGivesTheTextsFirstSymbolsMisprintsIncluded()
    {
        // A Council text: misprinted symbols ("document s/3140") are found apart from the grammar's, and held to the bound as well.
        var text = "See document S/2000, " + string.Join(", ", Enumerable.Range(3000, 5_000).Select(n => $"document s/{n}")) + " and document S/2001.";
        var whole = SymbolScanner.Scan(text, SymbolContext.SecurityCouncil).Select(m => m.Symbol.Canonical).ToList();
        Assert.Equal(5_002, whole.Count);

        foreach (var bound in new[] { 1, 2, 10, 4_999 })
            Assert.Equal(whole.Take(bound), SymbolScanner.Scan(text, SymbolContext.SecurityCouncil, bound).Select(m => m.Symbol.Canonical));
        // A list read at once is held to the bound too.
        Assert.Equal(["A/RES/70/1", "A/RES/70/2"], SymbolScanner.Scan("resolutions 70/1, 70/2, 70/3 and 70/4", SymbolContext.GeneralAssembly, 2).Select(m => m.Symbol.Canonical));
    }
}

using Graph.Extraction.Evaluation;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// The verb probe (<see cref="VerbProbe"/>), a simple reader of the raw texts' numbered paragraphs lined up with the extracted
/// verbs, and the verb forms it found read wrongly, each on a real document that shows it.
/// </summary>
public sealed class VerbProbeTests
{
    private static readonly OperativeLexicon Lexicon = OperativeLexicon.Load(Path.Combine(TestData.Root, "graph", "lexicon", "operative-verbs.txt"));

    private static (string Text, DocumentMeasures Measures) Measure(string folder, string file)
    {
        var path = Path.Combine(TestData.UnDocuments, folder, file);
        if (!File.Exists(path)) Assert.Skip($"{folder}/{file} is not in the reference collection.");
        return (File.ReadAllText(path), StructureMeasures.Measure(new DocumentExtractor(), file, File.ReadAllBytes(path), Lexicon));
    }

    [Fact]
    public void TheSimpleReaderFindsNumberedParagraphsAndReadsTheirOpeningPhrase()
    {
        var (text, _) = Measure("ga-resolutions", "A_RES_79_162.txt");
        var readings = VerbProbe.Read(text);
        // "4." on its own line above "Urges, once again, all States …": the number, then the phrase without its commas.
        Assert.Contains(readings, r => r.Number == "4" && r.Phrase == "Urges once again");
        // The numbers run from 1 without a gap among the paragraphs that open with a verb.
        var numbers = readings.Where(r => r.Phrase is not null).Select(r => int.Parse(r.Number, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);

        // "13. Calls _ upon all parties" (S/RES/775 (1992)): the scan's mark is no word; "Calls" takes its preposition.
        var (council, _) = Measure("sc-resolutions", "S_RES_0775_1992_EN_GOLD.txt");
        Assert.Contains(VerbProbe.Read(council), r => r.Number == "13" && r.Phrase == "Calls upon");
    }

    [Theory]
    [InlineData("Also decides to", "Also decides")]
    [InlineData("Strongly urges all States", "Strongly urges")]
    [InlineData("Calls once more upon all States", "Calls once more upon")]
    [InlineData("Takes into account the", "Takes into account")]
    [InlineData("Notes with satisfaction the", "Notes")]
    // "further" before the object's noun is the object's; before a determiner or a clause the verb's (check sets 4 to 6).
    [InlineData("Encourages further efforts by the", "Encourages")]
    [InlineData("Further encourages further accessions to", "Further encourages")]
    [InlineData("Decides further that this", "Decides further")]
    [InlineData("Requests further the Secretary-General", "Requests further")]
    [InlineData("Businesses should provide consumers", null)]
    [InlineData("The Government of India should", null)]
    public void TheOpeningPhraseKeepsTheGoldSetsWords(string words, string? phrase) =>
        Assert.Equal(phrase, VerbProbe.OpeningPhrase(words.Split(' ')));

    [Fact]
    public void ATextReadAlikeHasNoDisagreementAndAVerbCutShortIsOne()
    {
        var (text, measures) = Measure("sc-resolutions", "S_RES_0775_1992_EN_GOLD.txt");
        var readings = VerbProbe.Read(text);
        var agreed = VerbProbe.Compare(readings, measures.Operatives);
        Assert.Empty(agreed.Disagreements);
        Assert.Equal(measures.Operatives.Count, agreed.Compared);

        // The verb as it was read before the scan's mark was taken out: "Calls" for "Calls upon".
        var index = measures.Operatives.FindIndex(o => o.Number == "13");
        measures.Operatives[index] = measures.Operatives[index] with { Verb = "Calls" };
        var cut = Assert.Single(VerbProbe.Compare(readings, measures.Operatives).Disagreements);
        Assert.Equal((VerbProbe.Cut, "13", "Calls"), (cut.Class, cut.Number, cut.Extracted));

        // A paragraph the extractor lost, and one it holds twice.
        var lost = measures.Operatives.Where(o => o.Number != "2").ToList();
        Assert.Contains(VerbProbe.Compare(readings, lost).Disagreements, d => d.Class == VerbProbe.NumberMissing && d.Number == "2");
        var twice = measures.Operatives.Append(measures.Operatives[0]).ToList();
        Assert.Contains(VerbProbe.Compare(readings, twice).Disagreements, d => d.Class == VerbProbe.NumberMoreOften && d.Number == "1");
    }

    [Fact]
    public void AVerbAfterAnOpeningPhraseOrCompletingALeadInAgrees()
    {
        // "2. Alarmed by the sharp reductions in funding …, calls upon" (A/RES/80/187): the verb after the opening phrase.
        var (text, measures) = Measure("ga-resolutions", "A_RES_80_187.txt");
        Assert.Empty(VerbProbe.Compare(VerbProbe.Read(text), measures.Operatives).Disagreements);
        // "5. Considers that new efforts should be undertaken …:" / "6. Request the Secretary-General" (S/RES/367 (1975)).
        var (council, cyprus) = Measure("sc-resolutions", "S_RES_0367_1975_EN_GOLD.txt");
        Assert.Empty(VerbProbe.Compare(VerbProbe.Read(council), cyprus.Operatives).Disagreements);
        // "Resolves:" / "1. That the Trusteeship Council be requested …" (S/RES/70 (1949)): each clause completes the lead-in.
        var (trusteeship, strategicAreas) = Measure("sc-resolutions", "S_RES_0070_1949_EN_GOLD.txt");
        var clauses = VerbProbe.Read(trusteeship);
        Assert.Contains(clauses, r => r.Number == "2" && r.Phrase is null && r.LeadIn == "Resolves");
        var probed = VerbProbe.Compare(clauses, strategicAreas.Operatives);
        Assert.Empty(probed.Disagreements);
        Assert.True(probed.Compared >= 4, $"{probed.Compared} compared");
    }

    [Fact]
    public void AMarkTheScanLeftBetweenTheVerbAndItsPrepositionIsNoWord()
    {
        Assert.Equal("Calls upon", OperativeVerbs(Extract("sc-resolutions", "S_RES_0775_1992_EN_GOLD.txt"))[12]);
        Assert.Equal("Calls upon", OperativeVerbs(Extract("sc-resolutions", "S_RES_0788_1992_EN_GOLD.txt"))[4]);
        Assert.Equal("Calls on", OperativeVerbs(Extract("sc-resolutions", "S_RES_0858_1993_EN_GOLD.txt"))[7]);
        // "7. Calls _on all Member States": the mark glued to the preposition.
        Assert.Equal("Calls on", OperativeVerbs(Extract("sc-resolutions", "S_RES_0865_1993_EN_GOLD.txt"))[6]);
        Assert.Equal("Calls also upon", OperativeVerbs(Extract("sc-resolutions", "S_RES_0894_1994_EN_GOLD.txt"))[3]);
        // "7. Calis on the Government of South Africa": a scan's "Calls", given as printed, keeps its preposition.
        Assert.Equal("Calis on", OperativeVerbs(Extract("sc-resolutions", "S_RES_0772_1992_EN_GOLD.txt"))[6]);
    }

    [Fact]
    public void AVerbSetLetterByLetterOrWithOnceAgainBetweenCommasIsReadWhole()
    {
        // "45. / I n v i t e s relevant special procedure mandate holders …": no verb was read.
        Assert.Equal("Invites", OperativeVerbs(Extract("ga-resolutions", "A_RES_79_172.txt"))[44]);
        // "4. / Urges, once again, all States to take the steps necessary …", in the draft and in two years' resolutions.
        Assert.Equal("Urges once again", OperativeVerbs(Extract("ga-resolutions", "A_RES_79_162.txt"))[3]);
        Assert.Equal("Urges once again", OperativeVerbs(Extract("ga-resolutions", "A_RES_80_194.txt"))[3]);
        Assert.Equal("Urges once again", OperativeVerbs(Extract("ga-drafts", "A_C.3_80_L.42.txt"))[3]);
        // "15. Calls for: / (a) The withdrawal of Israel …": the colon is no part of the preposition, and the sub-paragraphs take the verb.
        var palestine = Paragraphs(Extract("ga-resolutions", "A_RES_79_81.txt"));
        Assert.Equal("Calls for", palestine.Single(p => p.GetString("number") == "15").GetString("verb"));
        Assert.Equal("Calls for", palestine.Single(p => p.GetString("number") == "15(a)").GetString("verb"));
    }

    [Fact]
    public void AVerbTheScanSpoiledEndsTheListOfTheParagraphBefore()
    {
        // "5. Considers that new efforts should be undertaken …:" / "6. Request the Secretary-General accordingly to undertake a
        // new mission of good offices": paragraph 6 has a verb of its own, given as printed, not paragraph 5's.
        var verbs = OperativeVerbs(Extract("sc-resolutions", "S_RES_0367_1975_EN_GOLD.txt"));
        Assert.Equal(["Considers", "Request", "Calls upon"], verbs[4..7]);
    }

    [Fact]
    public void ASectionTitleOpeningWithAPluralNounIsNoOperativeParagraph()
    {
        // "I / Activities of the Office of Internal Oversight Services / Recalling its resolutions 48/218 B …" and part II's
        // "Activities of the Independent Audit Advisory Committee": two preambular paragraphs in each part, 22 and 4 operative.
        var document = Extract("ga-drafts", "A_C.5_80_L.18.txt");
        var paragraphs = Paragraphs(document);
        Assert.Equal(4, paragraphs.Count(p => p.GetString("kind") == "preambular"));
        var verbs = OperativeVerbs(document);
        Assert.Equal(26, verbs.Count);
        Assert.DoesNotContain("Activities", verbs);
        Assert.Equal("Reaffirms", verbs[0]);
        Assert.Equal("Notes with appreciation", verbs[22]);
        Assert.StartsWith("Recalling its resolutions 48/218 B of 29 July 1994", paragraphs[0].GetString("text"), StringComparison.Ordinal);
    }

    [Fact]
    public void ATitleRunIntoAPreambleWhoseCommaCarriesASuperscriptMarkIsNoParagraph()
    {
        // "XXIV / Effects of changes in rates of exchange and inflation / Having considered … the related report of the Advisory
        // Committee,⁵⁸" after the operative paragraphs of section XXIII: a title and a preambular paragraph, not an operative
        // paragraph with the verb "Effects".
        var budget = Paragraphs(Extract("ga-resolutions", "A_RES_79_258.txt"));
        Assert.DoesNotContain(budget, p => p.GetString("verb") == "Effects");
        Assert.Contains(budget, p => p.GetString("kind") == "preambular"
            && (p.GetString("text") ?? "").StartsWith("Having considered the report of the Secretary-General on the revised estimates resulting from changes in rates of exchange", StringComparison.Ordinal));
        Assert.DoesNotContain(OperativeVerbs(Extract("ga-drafts", "A_C.5_80_L.5.txt")), v => v == "Effects");
        // The same mark had left a section's numeral as a preambular paragraph's verb ("XXIII") in A/RES/80/243.
        Assert.DoesNotContain(Paragraphs(Extract("ga-resolutions", "A_RES_80_243.txt")), p => p.GetString("verb") == "XXIII");
    }

    [Fact]
    public void ANumberTheOperativePartHasPassedAfterAColonQuotesTheTextAnnounced()
    {
        // "14. Decides to approve the following amendment to the statute of the United Nations Dispute Tribunal: / Article 9, new
        // paragraph 4: / 4. In hearing an application …": the quoted paragraph is paragraph 14's, not a second operative paragraph 4.
        var (_, measures) = Measure("ga-resolutions", "A_RES_78_248.txt");
        Assert.Equal(Enumerable.Range(1, measures.Operatives.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), measures.Operatives.Select(o => o.Number));
        Assert.Contains("In hearing an application to appeal an administrative decision", measures.Operatives[13].Text, StringComparison.Ordinal);
        Assert.Empty(VerbProbe.BrokenNumbering(measures.Operatives));
        // A number the scan misprinted ("8." for 5 between 4. and 6., S/RES/591 (1986)) breaks the run; one the scan lost
        // ("Calls upon Israel, the occupying Power" between 1. and 3., S/RES/484 (1980)) is read as the number between them.
        var (_, misprinted) = Measure("sc-resolutions", "S_RES_0591_1986_EN_GOLD.txt");
        Assert.Equal([1, 2, 3, 4, 8, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], Assert.Single(VerbProbe.BrokenNumbering(misprinted.Operatives)));
        var (_, hebron) = Measure("sc-resolutions", "S_RES_0484_1980_EN_GOLD.txt");
        Assert.Empty(VerbProbe.BrokenNumbering(hebron.Operatives));
    }
}

using Graph.Extraction.Evaluation;
using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// The operative verbs of a draft against those of the resolution adopted from it (<see cref="PairedTexts.CompareVerbs"/>),
/// and the verb forms a search of the whole collection found cut short, each on a real document that shows it.
/// </summary>
public sealed class PairedVerbTests
{
    private static readonly OperativeLexicon Lexicon = OperativeLexicon.Load(Path.Combine(TestData.Root, "graph", "lexicon", "operative-verbs.txt"));

    private static DocumentMeasures Measure(string folder, string file)
    {
        var path = Path.Combine(TestData.UnDocuments, folder, file);
        if (!File.Exists(path)) Assert.Skip($"{folder}/{file} is not in the reference collection.");
        return StructureMeasures.Measure(new DocumentExtractor(), file, File.ReadAllBytes(path), Lexicon);
    }

    [Fact]
    public void ADraftsVerbsReadOtherwiseInItsResolutionAreCountedUnlessItsWordsChanged()
    {
        var draft = Measure("ga-drafts", "A_C.2_80_L.36.txt");
        var adopted = Measure("ga-resolutions", "A_RES_80_140.txt");
        var pair = Assert.Single(PairedTexts.Pair([draft], [adopted]));
        var compared = PairedTexts.CompareVerbs(pair, draft, adopted);
        // One text set twice is read alike: every operative paragraph aligned, no verb read otherwise.
        // (The Assembly added paragraphs to this draft, so the shorter text's count is what can be aligned.)
        var alignable = Math.Min(draft.Operatives.Count(o => !o.Number.Contains('(')), adopted.Operatives.Count(o => !o.Number.Contains('(')));
        Assert.True(compared.Aligned >= 0.9 * alignable, $"{compared.Aligned} of {alignable} aligned");
        Assert.Empty(compared.Differences);

        // A verb cut short on one side ("Also" for "Also decides") under the same words is a difference …
        var index = adopted.Operatives.FindIndex(o => o.Verb.Contains(' ', StringComparison.Ordinal));
        Assert.True(index >= 0);
        var original = adopted.Operatives[index];
        adopted.Operatives[index] = original with { Verb = original.Verb.Split(' ')[0] };
        var difference = Assert.Single(PairedTexts.CompareVerbs(pair, draft, adopted).Differences);
        Assert.Equal((original.Number, original.Verb), (difference.Number, difference.DraftVerb));
        // … while a paragraph whose opening words the Assembly changed is an edit, not a misreading.
        adopted.Operatives[index] = original with { Verb = "Welcomes", Text = "Welcomes the words that replaced the draft's " + original.Text };
        Assert.Empty(PairedTexts.CompareVerbs(pair, draft, adopted).Differences);
    }

    [Fact]
    public void AParagraphRenumberedByAnInsertedOneIsAlignedByItsOpeningWords()
    {
        var draft = Measure("ga-drafts", "A_C.2_80_L.36.txt");
        var adopted = Measure("ga-resolutions", "A_RES_80_140.txt");
        var pair = Assert.Single(PairedTexts.Pair([draft], [adopted]));
        var aligned = PairedTexts.CompareVerbs(pair, draft, adopted).Aligned;
        // Numbers shifted by one, as a paragraph inserted at the top shifts them: the paragraphs still meet by their words.
        var shifted = adopted.Operatives.Select(o => int.TryParse(o.Number, out var n) ? o with { Number = (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) } : o).ToList();
        adopted.Operatives.Clear();
        adopted.Operatives.AddRange(shifted);
        var compared = PairedTexts.CompareVerbs(pair, draft, adopted);
        Assert.True(compared.Aligned >= aligned - 2, $"{compared.Aligned} of {aligned}");
        Assert.Empty(compared.Differences);
    }

    [Fact]
    public void AnAdverbAfterTheVerbIsTheVerbs()
    {
        // "1. Condemns unequivocally all attacks, reprisals and violence against journalists", as "Welcomes also" keeps its "also".
        var draft = OperativeVerbs(Extract("ga-drafts", "A_C.3_80_L.48.txt"));
        Assert.Equal("Condemns unequivocally", draft[0]);
        Assert.Equal("Also condemns unequivocally", draft[1]);
        // "2. Decides hereby to establish an international tribunal …".
        Assert.Equal("Decides hereby", OperativeVerbs(Extract("sc-resolutions", "S_RES_0827_1993_EN_GOLD.txt"))[1]);
        Assert.True(Lexicon.Contains("Condemns unequivocally") && Lexicon.Contains("Decides hereby"));
    }

    [Fact]
    public void AMannerWithAnIntensifierIsThePhrases()
    {
        Assert.Equal("Notes with great concern", VerbOf(Extract("ga-resolutions", "A_RES_79_225.txt"), "11"));
        Assert.Equal("Notes with increasing concern", VerbOf(Extract("ga-resolutions", "A_RES_80_187.txt"), "45"));
        var alarm = Extract("ga-resolutions", "A_RES_80_192.txt");
        Assert.Equal("Notes with alarm", VerbOf(alarm, "4"));
        // "Expresses alarm over the use by extremist groups": a noun straight after "Expresses" other than its fixed ones is
        // no part of the phrase.
        Assert.Equal("Expresses", VerbOf(alarm, "19"));
        Assert.Equal("Recognizes with gratitude", VerbOf(Extract("ga-resolutions", "A_RES_79_268.txt"), "9"));
        // "6. Agrees with the Court's opinion": a preposition with nothing of a manner after it is no part of the verb.
        Assert.Equal("Agrees", OperativeVerbs(Extract("sc-resolutions", "S_RES_0301_1971_EN_GOLD.txt"))[5]);
        foreach (var verb in (string[])["Notes with great concern", "Notes with increasing concern", "Notes with alarm", "Recognizes with gratitude", "Acknowledges with great appreciation"])
            Assert.True(Lexicon.Contains(verb), verb);
    }

    [Fact]
    public void TheNounOfAFixedPhraseAndTheStateOfRemainsAreThePhrases()
    {
        var law = Extract("ga-resolutions", "A_RES_80_110.txt");
        Assert.Equal("Pays tribute", VerbOf(law, "46"));
        Assert.Equal("Calls attention", VerbOf(law, "79"));
        Assert.Equal("Remains concerned", VerbOf(law, "129"));
        Assert.Equal("Draws the attention", VerbOf(Extract("ga-resolutions", "A_RES_80_164.txt"), "8"));
        foreach (var verb in (string[])["Pays tribute", "Calls attention", "Remains concerned", "Remains deeply concerned", "Draws the attention", "Takes cognizance"])
            Assert.True(Lexicon.Contains(verb), verb);
    }

    [Fact]
    public void TwoVerbsJoinedByAndAreThePhrase()
    {
        // "3. Welcomes and encourages the efforts to establish …", "8. Invites and encourages all interested States".
        Assert.Equal("Welcomes and encourages", VerbOf(Extract("ga-drafts", "A_C.1_80_L.44.txt"), "3"));
        Assert.Equal("Invites and encourages", VerbOf(Extract("ga-drafts", "A_C.1_80_L.30.txt"), "8"));
        // "Welcomes and calls upon States": the second verb keeps its preposition.
        Assert.Equal("Welcomes and calls upon", VerbOf(Extract("ga-resolutions", "A_RES_78_184.txt"), "54"));
        Assert.True(Lexicon.Contains("Welcomes and encourages") && Lexicon.Contains("Deplores and strongly condemns") && Lexicon.Contains("Welcomes and calls upon"));
        // A plural noun after "and" is no verb: the lexicon takes no phrase that joins a verb to one.
        Assert.False(Lexicon.Contains("Welcomes and States"));
    }

    private static string? VerbOf(GraphDocument document, string number) =>
        Paragraphs(document).Single(p => p.GetString("kind") == "operative" && p.GetString("number") == number).GetString("verb");
}

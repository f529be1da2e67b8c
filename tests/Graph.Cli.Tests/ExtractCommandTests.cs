using System.CommandLine;
using Graph.Cli.Commands;
using Graph.Model;

namespace Graph.Cli.Tests;

/// <summary>`graph extract` and `graph eval` as a user runs them, on the seeds and the hand-checked corpus.</summary>
public sealed class ExtractCommandTests
{
    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var root = new RootCommand { ExtractCommand.Create(), EvalCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void ExtractingBothSeedsMergesTheCitedStubWithTheFullResolution()
    {
        var seeds = TestData.Seeds;
        var outFile = Path.Combine(Path.GetTempPath(), $"graph-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, _, error) = Run("extract", Path.Combine(seeds, "000_b23059e2a2272110.txt"), Path.Combine(seeds, "001_1ada28f2dc125396.txt"), "--out", outFile);
            Assert.True(exit == 0, error);
            Assert.Contains("extracted 2 of 2 files", error, StringComparison.Ordinal);
            var graph = GraphJson.Deserialize(File.ReadAllText(outFile));
            var resolution71 = Assert.Single(graph.Nodes, n => n.Id == "A/RES/71/12");
            Assert.False(resolution71.IsStub);
            Assert.Equal("2016-11-21", resolution71.GetString("adoptionDate"));
            Assert.Contains(graph.Relationships, r => r.Type == "CITES" && r.Start == "A/RES/77/13" && r.End == "A/RES/71/12");
            Assert.Contains(graph.Relationships, r => r.Type == "SUCCEEDS" && r.Start == "A/RES/73/331" && r.End == "A/RES/71/12");
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    [Fact]
    public void ExtractWritesJsonToStandardOutputWithoutOut()
    {
        var (exit, output, _) = Run("extract", Path.Combine(TestData.Corpus, "igov-decisions", "75_535.json"));
        Assert.Equal(0, exit);
        var graph = GraphJson.Deserialize(output);
        Assert.Contains(graph.Nodes, n => n.Id == "A/DEC/75/535");
    }

    [Fact]
    public void AMissingPathIsAClearErrorWithNonZeroExit()
    {
        var (exit, _, error) = Run("extract", Path.Combine(TestData.Root, "no-such-folder"));
        Assert.NotEqual(0, exit);
        Assert.Contains("no such file or folder", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalPrintsPrecisionRecallAccuraciesAndSpeed()
    {
        _ = TestData.Corpus;
        // With no --corpus, eval reads the seeds and the hand-checked corpus beside the repository.
        var (exit, output, error) = Run("eval", "--no-measures");
        Assert.True(exit == 0, error);
        Assert.Contains("(37 gold documents)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("gold document not in corpus", output, StringComparison.Ordinal);
        Assert.Contains("precision", output, StringComparison.Ordinal);
        Assert.Contains("recall", output, StringComparison.Ordinal);
        Assert.Contains("adoptionDate", output, StringComparison.Ordinal);
        Assert.Contains("MB/s", output, StringComparison.Ordinal);
        Assert.Contains("documents/s", output, StringComparison.Ordinal);
        // The hand-checked samples of name-linked citations are measured over the un-documents collection.
        if (ReferenceCollections.UnDocuments is not null)
        {
            Assert.Matches(@"name-linked citations, fresh sample[^\n]*: \d+/\d+ right \(\d+\.\d %\)", output);
            Assert.Matches(@"name-linked citations, sample drawn after the instrument list's fixes[^\n]*\(name-citations-instruments-fresh\.json\): \d+/\d+ right", output);
            // The check sets count a named instrument only through its footnote: a document the instrument list alone
            // makes cited is reported apart, with the precision that counts it wrong.
            Assert.Matches(@"not counted: \d+ documents? cited only by an instrument's name[^\n]*counting them as wrong: precision \d+\.\d %", output);
            // Each check set is scored in a section of its own, apart from the blind set.
            Assert.Matches(@"check set 3 \(used for tuning, not blind, 30 documents\):\n  citations: precision", output);
            Assert.Matches(@"check set 4 \(used for tuning after its first measure, not blind, 30 documents\):\n  citations: precision", output);
            Assert.Matches(@"blind set 2 \(never tuned on, 30 documents\):\n  citations: precision", output);
            // A set of paragraph counts and verbs alone prints those, and no citation figure it has no gold for.
            Assert.Matches(@"check set 5 \(paragraph counts and verbs only[^\n]*, 40 documents\):\n  paragraph counts exact: \d+\.\d % \(\d+/38 resolutions\); every operative verb right", output);
            Assert.Matches(@"check set 6 \(paragraph counts and verbs of Council resolutions only[^\n]*, 30 documents\):\n  paragraph counts exact: \d+\.\d % \(\d+/30 resolutions\); every operative verb right", output);
            Assert.Matches(@"check set 7 \(paragraph counts and verbs of Assembly documents only[^\n]*, 25 documents\):\n  paragraph counts exact: \d+\.\d % \(\d+/21 resolutions\); every operative verb right", output);
            // A count that lists the citations of some of its documents prints their figure before its structure lines.
            Assert.Matches(@"check set 8 \(paragraph counts and verbs of long texts[^\n]*, 30 documents\):\n  citations of 10 documents: precision \d+\.\d % \(\d+/\d+\), recall \d+\.\d % \(\d+/64\)\n(  not counted[^\n]*\n)?  paragraph counts exact: \d+\.\d % \(\d+/30 resolutions\); every operative verb right", output);
            Assert.Matches(@"check set 9 \(paragraph counts and verbs, Assembly resolutions of 15 or more operative paragraphs[^\n]*, 30 documents\):\n  paragraph counts exact: \d+\.\d % \(\d+/28 resolutions\); every operative verb right", output);
            Assert.Matches(@"check set 10 \(citations, paragraph counts and verbs of Assembly resolutions and drafts[^\n]*, 12 documents\):\n  citations of 12 documents: precision \d+\.\d % \(\d+/\d+\), recall \d+\.\d % \(\d+/194\)\n(  not counted[^\n]*\n)?  paragraph counts exact: \d+\.\d % \(\d+/12 resolutions\); every operative verb right", output);
            Assert.Matches(@"check set 11 \(citations, paragraph counts and verbs of Council resolutions of 1946-1975 and 1990-1994 and of drafts[^\n]*, 30 documents\):\n  citations of 30 documents: precision \d+\.\d % \(\d+/\d+\), recall \d+\.\d % \(\d+/290\)\n(  not counted[^\n]*\n)?  paragraph counts exact: \d+\.\d % \(\d+/30 resolutions\); every operative verb right", output);
            Assert.Matches(@"check set 12 \(citations, paragraph counts and verbs of Assembly resolutions of moderate length and Council resolutions of 1976-1989[^\n]*, 30 documents\):\n  citations of 30 documents: precision \d+\.\d % \(\d+/\d+\), recall \d+\.\d % \(\d+/302\)\n(  not counted[^\n]*\n)?  paragraph counts exact: \d+\.\d % \(\d+/30 resolutions\); every operative verb right", output);
        }
    }

    [Fact]
    public void EvalPrintsTheGoldFreeMeasuresPerCollectionAndTheWorstDocuments()
    {
        _ = TestData.Corpus;
        var (exit, output, error) = Run("eval", "--measures-only", "--collection", "corpus", "-v");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("precision", output, StringComparison.Ordinal);
        var row = output.Split('\n').Single(l => l.StartsWith("corpus ", StringComparison.Ordinal));
        // docs, coverage, lowest, under 97 %, footnotes attached, verbs, scan-spoiled verbs, suspect furniture, implausible symbols
        Assert.Matches(@"^corpus\s+\d+\s+\d+\.\d\d %\s+\d+\.\d %\s+\d+\s+\d+\.\d\d % of \d+\s+\d+\.\d\d % of \d+\s+\d+\s+\d+\s+\d+", row);
        Assert.Contains("corpus: worst documents", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalComparesDraftsWithTheResolutionsAdoptedFromThemAndTheTextsOfASeries()
    {
        if (ReferenceCollections.UnDocuments is null) Assert.Skip(ReferenceCollections.Absent("un-documents"));
        var (exit, output, error) = Run("eval", "--measures-only", "--collection", "ga-resolutions", "ga-drafts", "-v", "--worst", "2");
        Assert.True(exit == 0, error);
        var pairs = Assert.Single(output.Split('\n'), l => l.StartsWith("paired texts", StringComparison.Ordinal));
        // Session 80's drafts and the resolutions adopted from them: far more than a hundred pairs, few citations apart.
        var match = System.Text.RegularExpressions.Regex.Match(pairs, @"(\d+) pairs\): citations only one text of a pair makes (\d+) of (\d+)");
        Assert.True(match.Success, pairs);
        Assert.True(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 150, pairs);
        Assert.True(int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) * 20 < int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), pairs);
        Assert.Matches(@"texts of one series [^\n]*: numbers a text prints but does not cite while another text of its series cites them \d+ in \d+ texts", output);
        Assert.Matches(@"\n  A/[^\n]* \(\d+ % of the text shared\): only the draft ", output);
    }

    [Fact]
    public void EvalComparesTheVerbsOfADraftAndItsResolutionAndListsNoBlindDocument()
    {
        if (ReferenceCollections.UnDocuments is null) Assert.Skip(ReferenceCollections.Absent("un-documents"));
        var (exit, output, error) = Run("eval", "--measures-only", "--collection", "ga-resolutions", "ga-drafts", "-v", "--worst", "50");
        Assert.True(exit == 0, error);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("paired verbs: ", StringComparison.Ordinal));
        var match = System.Text.RegularExpressions.Regex.Match(line, @"^paired verbs: (\d+) of (\d+) aligned operative paragraphs differ .* in (\d+) of (\d+) pairs\)");
        Assert.True(match.Success, line);
        int Group(int g) => int.Parse(match.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
        // Thousands of paragraphs aligned over the pairs, and two typesettings of one text read alike nearly everywhere.
        Assert.True(Group(2) > 4000 && Group(4) > 150, line);
        Assert.True(Group(1) * 100 <= Group(2), line);
        // The blind sets' documents are known by file name, and none of them is printed by -v.
        var blind = BlindEvalSection.BlindFiles().Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.True(blind.Count >= 30, $"{blind.Count} blind documents");
        var listed = output.Split('\n').SkipWhile(l => !l.StartsWith("paired verbs: ", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal) && l.Contains(": \"", StringComparison.Ordinal))
            .SelectMany(l => l[..l.IndexOf(": ", StringComparison.Ordinal)].Split(" / ").Select(id => id.Trim().Replace('/', '_')));
        Assert.DoesNotContain(listed, blind.Contains);
    }

    [Fact]
    public void EvalPrintsTheVerbProbeAndItsListingNamesNoBlindDocument()
    {
        if (ReferenceCollections.UnDocuments is null) Assert.Skip(ReferenceCollections.Absent("un-documents"));
        var (exit, output, error) = Run("eval", "--measures-only", "--collection", "sc-resolutions", "ga-resolutions", "ga-drafts", "-v", "--worst", "200");
        Assert.True(exit == 0, error);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("verb probe: ", StringComparison.Ordinal));
        var match = System.Text.RegularExpressions.Regex.Match(line, @"^verb probe: (\d+) of (\d+) numbered paragraphs disagree \(.*, (\d+) documents of un-documents, the blind sets left out\)");
        Assert.True(match.Success, line);
        int Group(int g) => int.Parse(match.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
        // Tens of thousands of numbered paragraphs over nearly two thousand texts, the simple reading and the extractor's agreeing on
        // all but a few hundredths, and no verb cut short.
        Assert.True(Group(2) > 25000 && Group(3) > 1800, line);
        Assert.True(Group(1) * 100 <= Group(2), line);
        Assert.DoesNotContain("cut short", line, StringComparison.Ordinal);
        // The count probe beside it: runs of extracted paragraph numbers with a gap or a repeat, in a few texts at most.
        var numbers = System.Text.RegularExpressions.Regex.Match(output, @"\nparagraph numbers: (\d+) runs of extracted operative numbers .* in (\d+) of (\d+) documents");
        Assert.True(numbers.Success, output);
        Assert.True(int.Parse(numbers.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) * 100 < int.Parse(numbers.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), numbers.Value);
        // The listing names each disagreement's file; none is a blind set's.
        var blind = BlindEvalSection.BlindFiles();
        var listed = output.Split('\n').SkipWhile(l => !l.StartsWith("verb probe: ", StringComparison.Ordinal)).Skip(1)
            .SkipWhile(l => l.StartsWith("paragraph numbers: ", StringComparison.Ordinal) || l.StartsWith("  numbers: ", StringComparison.Ordinal))
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal) && l.Contains(" extracted \"", StringComparison.Ordinal))
            .Select(l => l.Split(": ", 2)[1].Split(' ')[0]).ToList();
        Assert.NotEmpty(listed);
        Assert.DoesNotContain(listed, blind.Contains);
        // Nor does any listing of the worst documents by the other measures, whose figures still count them.
        var worst = output.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal) && l.Contains(" (", StringComparison.Ordinal))
            .Select(l => Path.GetFileName(l.Trim().Split(" (", 2)[0])).ToList();
        Assert.NotEmpty(worst);
        Assert.DoesNotContain(worst, blind.Contains);
        Assert.Contains("sc-resolutions: worst documents (the blind sets' ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalNamesAnUnknownCollection()
    {
        var (exit, _, error) = Run("eval", "--measures-only", "--collection", "gazette");
        Assert.Equal(2, exit);
        Assert.Contains("no collection named gazette", error, StringComparison.Ordinal);
    }
}

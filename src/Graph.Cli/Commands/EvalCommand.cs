using System.CommandLine;
using System.Globalization;
using Graph.Extraction.Evaluation;
using Graph.Model;

namespace Graph.Cli.Commands;

/// <summary>
/// <c>graph eval</c>: citation precision and recall against the hand-checked gold set, own-identity
/// accuracy over the corpus, and extraction speed.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var corpus = new Option<DirectoryInfo[]>("--corpus")
        {
            Description = "A corpus folder (repeatable); by default graph/corpus and the hand-checked corpus of the reference collections",
            AllowMultipleArgumentsPerToken = true,
        };
        var gold = new Option<FileInfo>("--gold") { Description = "The gold set", DefaultValueFactory = _ => new FileInfo(Path.Combine(ReferenceCollections.RepositoryRoot() ?? ".", "graph", "eval", "gold.json")) };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every mistake, and the worst documents for each gold-free measure" };
        var collection = new Option<string[]>("--collection")
        {
            Description = "Measure only these reference collections without gold (corpus, sc-resolutions, ga-resolutions, ga-drafts; repeatable)",
            AllowMultipleArgumentsPerToken = true,
        };
        var worst = new Option<int>("--worst") { Description = "How many of the worst documents -v lists for each gold-free measure", DefaultValueFactory = _ => 5 };
        var measuresOnly = new Option<bool>("--measures-only") { Description = "Only the gold-free measures, not the gold set and speed" };
        var noMeasures = new Option<bool>("--no-measures") { Description = "Only the gold set, identity and speed, not the gold-free measures" };
        var lexicon = new Option<FileInfo>("--lexicon") { Description = "The lexicon of operative phrases", DefaultValueFactory = _ => new FileInfo(Path.Combine(ReferenceCollections.RepositoryRoot() ?? ".", "graph", "lexicon", "operative-verbs.txt")) };
        var command = new Command("eval", "Measure the extractor against the gold set and the corpus, and by measures that need no gold over the reference collections")
        {
            corpus, gold, verbose, collection, measuresOnly, noMeasures, lexicon, worst,
        };
        command.SetAction(parse =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var verboseValue = parse.GetValue(verbose);
            if (!parse.GetValue(measuresOnly))
            {
                var code = Run(parse.GetValue(corpus)!, parse.GetValue(gold)!, verboseValue, stdout, stderr);
                if (code != 0) return code;
            }
            return parse.GetValue(noMeasures) ? 0 : MeasuresReport.Run(parse.GetValue(collection) ?? [], parse.GetValue(lexicon)!, verboseValue ? Math.Max(1, parse.GetValue(worst)) : 0, stdout, stderr);
        });
        return command;
    }

    private static int Run(DirectoryInfo[]? corpus, FileInfo gold, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        var folders = corpus is { Length: > 0 } ? corpus : DefaultCorpus(stderr);
        foreach (var folder in folders)
            if (!folder.Exists) { stderr.WriteLine($"error: no corpus folder at {folder.FullName}"); return 2; }
        if (!gold.Exists) { stderr.WriteLine($"error: no gold set at {gold.FullName}"); return 2; }
        var report = Evaluator.Run([.. folders.Select(f => f.FullName)], gold.FullName);
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(c, $"citations ({report.GoldDocuments} gold documents): precision {report.Precision:P1} ({report.CitationsCorrect}/{report.CitationsFound}), recall {report.Recall:P1} ({report.CitationsCorrect}/{report.CitationsExpected})"));
        if (report.CitationsNamedOnly > 0)
            stdout.WriteLine(string.Create(c, $"  {NamedOnlyNote(report.CitationsNamedOnly)}; counting them as wrong: precision {report.PrecisionCountingNamedOnly:P1} ({report.CitationsCorrect}/{report.CitationsFound + report.CitationsNamedOnly})"));
        foreach (var field in report.Identity.Keys)
        {
            var (correct, stated) = report.Identity[field];
            stdout.WriteLine(string.Create(c, $"{field,-13} accuracy {report.Accuracy(field):P1} ({correct}/{stated} documents that state it)"));
        }
        stdout.WriteLine(string.Create(c, $"speed: {report.MegabytesPerSecond:F2} MB/s, {report.DocumentsPerSecond:F1} documents/s ({report.Documents} documents, {report.Bytes / 1e6:F2} MB in {report.ExtractionTime.TotalMilliseconds:F0} ms)"));
        if (verbose || report.Mistakes.Count <= 20)
            foreach (var mistake in report.Mistakes) stdout.WriteLine("  " + mistake);
        else stdout.WriteLine($"  {report.Mistakes.Count} mistakes (--verbose lists them)");
        BlindEvalSection.Print(verbose, stdout);
        return 0;
    }

    /// <summary>The line that says how many documents a set does not count because the text only names them (see CitationScore).</summary>
    internal static string NamedOnlyNote(int count) =>
        $"not counted: {count} document{(count == 1 ? "" : "s")} cited only by an instrument's name (graph/lexicon/instruments.tsv), which the set counts only through a footnote";

    /// <summary>The seeds (graph/corpus) and, where it is here, the hand-checked corpus beside the repository.</summary>
    private static DirectoryInfo[] DefaultCorpus(TextWriter stderr)
    {
        var bundled = new DirectoryInfo(ReferenceCollections.RepositoryRoot() is { } root ? Path.Combine(root, "graph", "corpus") : "graph/corpus");
        if (ReferenceCollections.Corpus is { } shared) return [bundled, new DirectoryInfo(shared)];
        stderr.WriteLine($"note: {ReferenceCollections.Absent("corpus")}; evaluating the seeds only");
        return [bundled];
    }
}

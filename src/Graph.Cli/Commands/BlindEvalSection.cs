using System.Globalization;
using Graph.Extraction.Evaluation;
using Graph.Model;

namespace Graph.Cli.Commands;

/// <summary>
/// The second section of <c>graph eval</c>: the blind gold set (graph/eval/blind-gold.json), documents of the
/// un-documents collection that the extractor was never tuned on, reported apart from the first gold set.
/// </summary>
internal static class BlindEvalSection
{
    public static void Print(bool verbose, TextWriter stdout)
    {
        var root = ReferenceCollections.RepositoryRoot();
        var gold = root is null ? null : Path.Combine(root, "graph", "eval", "blind-gold.json");
        if (gold is null || !File.Exists(gold)) return;
        if (ReferenceCollections.UnDocuments is not { } folder)
        {
            stdout.WriteLine($"blind set: skipped, {ReferenceCollections.Absent("un-documents")}");
            return;
        }
        var report = BlindEvaluator.Run(folder, gold);
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine($"blind set (never tuned on, {report.Documents} documents):");
        stdout.WriteLine(string.Create(c, $"  citations: precision {report.Precision:P1} ({report.CitationsCorrect}/{report.CitationsFound}), recall {report.Recall:P1} ({report.CitationsCorrect}/{report.CitationsExpected})"));
        stdout.WriteLine(string.Create(c, $"  identity (symbol, body, kind, date all right): {report.IdentityCorrect}/{report.Documents}"));
        stdout.WriteLine(string.Create(c, $"  paragraph counts exact: {report.CountsShare:P1} ({report.CountsExact}/{report.Resolutions} resolutions); every operative verb right: {report.VerbsShare:P1} ({report.VerbsExact}/{report.Resolutions})"));
        if (verbose || report.Mistakes.Count <= 20)
            foreach (var mistake in report.Mistakes) stdout.WriteLine("    " + mistake);
        else stdout.WriteLine($"    {report.Mistakes.Count} mistakes (--verbose lists them)");
    }
}

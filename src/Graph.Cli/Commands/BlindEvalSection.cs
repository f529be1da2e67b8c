using System.Globalization;
using Graph.Extraction.Evaluation;
using Graph.Model;

namespace Graph.Cli.Commands;

/// <summary>
/// The later sections of <c>graph eval</c>, each reported apart from the first gold set: the blind gold set
/// (graph/eval/blind-gold.json), documents of the un-documents collection that the extractor was never tuned on, and
/// the check set (graph/eval/check-gold.json), drawn and written the same way but then used to find and fix failure
/// classes, so an upper bound rather than a blind figure, and the second check set (graph/eval/check2-gold.json),
/// drawn with another seed and written the same way with paragraph counts and verbs, then tuned on in turn, and the
/// third (graph/eval/check3-gold.json), drawn and used the same way with a third seed, and the fourth
/// (graph/eval/check4-gold.json), drawn with a fourth seed among the documents no gold file had read, and the fifth
/// (graph/eval/check5-gold.json), paragraph counts and verbs alone, drawn with a fifth seed the same way, and the sixth
/// (graph/eval/check6-gold.json), paragraph counts and verbs of Security Council resolutions alone, and the seventh
/// (graph/eval/check7-gold.json), paragraph counts and verbs of Assembly resolutions and drafts alone, and the eighth
/// (graph/eval/check8-gold.json), paragraph counts and verbs of long texts and the citations of its Council resolutions, and the ninth
/// (graph/eval/check9-gold.json), paragraph counts and verbs of long Assembly resolutions, drafts and Council resolutions, and the tenth
/// (graph/eval/check10-gold.json), every citation of Assembly resolutions and drafts of moderate length, with their counts and verbs, and the
/// eleventh (graph/eval/check11-gold.json), every citation, count and verb of Council resolutions of 1946-1975 and 1990-1994 and of drafts, and the
/// twelfth (graph/eval/check12-gold.json), every citation, count and verb of Assembly resolutions of moderate length and Council resolutions of
/// 1976-1989; the second blind
/// set (graph/eval/blind2-gold.json), drawn and written the same way with a new seed and never tuned on; then the
/// hand-checked samples of name-linked citations (graph/eval/name-citations-*.json). A blind set prints its aggregate
/// lines only: its per-document mistakes are listed with --verbose alone, so a routine run never shows what it missed.
/// </summary>
internal static class BlindEvalSection
{
    public static void Print(bool verbose, TextWriter stdout)
    {
        PrintSet("blind-gold.json", "blind set", "never tuned on", verbose, stdout, blind: true);
        PrintSet("check-gold.json", "check set", "used for tuning, not blind", verbose, stdout);
        PrintSet("check2-gold.json", "check set 2", "used for tuning, not blind", verbose, stdout);
        PrintSet("check3-gold.json", "check set 3", "used for tuning, not blind", verbose, stdout);
        PrintSet("check4-gold.json", "check set 4", "used for tuning after its first measure, not blind", verbose, stdout);
        PrintStructureSet("check5-gold.json", "check set 5", "paragraph counts and verbs only, used for tuning after its first measure, not blind", verbose, stdout);
        PrintStructureSet("check6-gold.json", "check set 6", "paragraph counts and verbs of Council resolutions only, used for tuning after its first measure, not blind", verbose, stdout);
        PrintStructureSet("check7-gold.json", "check set 7", "paragraph counts and verbs of Assembly documents only, used for tuning after its first measure, not blind", verbose, stdout);
        PrintStructureSet("check8-gold.json", "check set 8", "paragraph counts and verbs of long texts, citations of its Council resolutions, used for tuning after its first measure, not blind", verbose, stdout);
        PrintStructureSet("check9-gold.json", "check set 9", "paragraph counts and verbs, Assembly resolutions of 15 or more operative paragraphs, drafts and Council resolutions, not blind", verbose, stdout);
        PrintStructureSet("check10-gold.json", "check set 10", "citations, paragraph counts and verbs of Assembly resolutions and drafts of moderate length, not blind", verbose, stdout);
        PrintStructureSet("check11-gold.json", "check set 11", "citations, paragraph counts and verbs of Council resolutions of 1946-1975 and 1990-1994 and of drafts, not blind", verbose, stdout);
        PrintStructureSet("check12-gold.json", "check set 12", "citations, paragraph counts and verbs of Assembly resolutions of moderate length and Council resolutions of 1976-1989, not blind", verbose, stdout);
        PrintSet("blind2-gold.json", "blind set 2", "never tuned on", verbose, stdout, blind: true);
        PrintNameSample("name-citations-instruments-fresh.json", "sample drawn after the instrument list's fixes, not tuned on", stdout);
        PrintNameSample("name-citations-instruments.json", "sample drawn when the instrument list was added, then tuned on: an upper bound", stdout);
        PrintNameSample("name-citations-fresh.json", "fresh sample, drawn after the fixes, not tuned on", stdout);
        PrintNameSample("name-citations-sample.json", "first sample, tuned on: an upper bound", stdout);
    }

    /// <summary>
    /// The set's file in graph/eval and the un-documents folder its file names are relative to; null, and nothing printed, where
    /// the set is not in this checkout, and a line saying it was skipped where the collection is absent.
    /// </summary>
    private static (string File, string Folder)? Inputs(string fileName, string label, TextWriter stdout)
    {
        var root = ReferenceCollections.RepositoryRoot();
        var file = root is null ? null : Path.Combine(root, "graph", "eval", fileName);
        if (file is null || !File.Exists(file)) return null;
        if (ReferenceCollections.UnDocuments is { } folder) return (file, folder);
        stdout.WriteLine($"{label}: skipped, {ReferenceCollections.Absent("un-documents")}");
        return null;
    }

    /// <summary>A hand-checked sample of name-linked citations: the share right among the links the extractor still makes.</summary>
    private static void PrintNameSample(string fileName, string note, TextWriter stdout)
    {
        if (Inputs(fileName, $"name-linked citations ({note})", stdout) is not ({ } sample, { } folder)) return;
        var r = NameCitationSample.Run(folder, sample);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"name-linked citations, {note} ({fileName}): {r.RightAndLinked}/{r.StillLinked} right ({r.Precision:P1}) of the {r.StillLinked} of {r.Drawn} still linked; judged right when drawn {r.JudgedRight}/{r.Drawn}; wrong ones no longer linked {r.WrongDropped} of {r.Drawn - r.JudgedRight}"));
    }

    /// <summary>
    /// The file names (without their folder) of the blind sets' documents, which a listing of per-document output leaves out
    /// so that nobody reads it: a probe over the whole collection holds them too.
    /// </summary>
    public static HashSet<string> BlindFiles()
    {
        var files = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (ReferenceCollections.RepositoryRoot() is not { } root) return files;
        foreach (var name in (ReadOnlySpan<string>)["blind-gold.json", "blind2-gold.json"])
        {
            var path = Path.Combine(root, "graph", "eval", name);
            if (!File.Exists(path)) continue;
            foreach (var document in GoldSet.Load(path)) files.Add(Path.GetFileName(document.File));
        }
        return files;
    }

    /// <summary>
    /// A set of paragraph counts and verbs: its structure lines, and a citation line for the documents it lists citations
    /// for; no identity figure.
    /// </summary>
    private static void PrintStructureSet(string fileName, string name, string note, bool verbose, TextWriter stdout)
    {
        if (Inputs(fileName, name, stdout) is not ({ } counts, { } folder)) return;
        var report = BlindEvaluator.RunStructure(folder, counts, "the " + name);
        stdout.WriteLine($"{name} ({note}, {report.Documents} documents):");
        if (report.CitedDocuments > 0)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  citations of {report.CitedDocuments} documents: precision {report.Precision:P1} ({report.CitationsCorrect}/{report.CitationsFound}), recall {report.Recall:P1} ({report.CitationsCorrect}/{report.CitationsExpected})"));
        if (report.CitationsNamedOnly > 0)
            stdout.WriteLine($"  {EvalCommand.NamedOnlyNote(report.CitationsNamedOnly)}");
        PrintStructure(report, verbose, blind: false, stdout);
    }

    private static void PrintStructure(BlindReport report, bool verbose, bool blind, TextWriter stdout)
    {
        if (report.Resolutions > 0)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  paragraph counts exact: {report.CountsShare:P1} ({report.CountsExact}/{report.Resolutions} resolutions); every operative verb right: {report.VerbsShare:P1} ({report.VerbsExact}/{report.Resolutions})"));
        if (verbose || (!blind && report.Mistakes.Count <= 20))
            foreach (var mistake in report.Mistakes) stdout.WriteLine("    " + mistake);
        else if (report.Mistakes.Count > 0) stdout.WriteLine($"    {report.Mistakes.Count} mistakes (--verbose lists them)");
    }

    private static void PrintSet(string fileName, string name, string note, bool verbose, TextWriter stdout, bool blind = false)
    {
        if (Inputs(fileName, name, stdout) is not ({ } gold, { } folder)) return;
        var report = BlindEvaluator.Run(folder, gold, "the " + name);
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine($"{name} ({note}, {report.Documents} documents):");
        stdout.WriteLine(string.Create(c, $"  citations: precision {report.Precision:P1} ({report.CitationsCorrect}/{report.CitationsFound}), recall {report.Recall:P1} ({report.CitationsCorrect}/{report.CitationsExpected})"));
        if (report.CitationsNamedOnly > 0)
            stdout.WriteLine(string.Create(c, $"  {EvalCommand.NamedOnlyNote(report.CitationsNamedOnly)}; counting them as wrong: precision {report.PrecisionCountingNamedOnly:P1} ({report.CitationsCorrect}/{report.CitationsFound + report.CitationsNamedOnly})"));
        stdout.WriteLine(string.Create(c, $"  identity (symbol, body, kind, date all right): {report.IdentityCorrect}/{report.Documents}"));
        PrintStructure(report, verbose, blind, stdout);
    }
}

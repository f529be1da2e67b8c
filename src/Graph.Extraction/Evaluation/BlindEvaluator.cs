using Graph.Model;

namespace Graph.Extraction.Evaluation;

/// <summary>Figures on the blind gold set: citations, identity and paragraph structure.</summary>
public sealed class BlindReport
{
    public int Documents { get; set; }

    public int CitationsExpected { get; set; }

    public int CitationsFound { get; set; }

    public int CitationsCorrect { get; set; }

    public double Precision => CitationsFound == 0 ? 1 : (double)CitationsCorrect / CitationsFound;

    public double Recall => CitationsExpected == 0 ? 1 : (double)CitationsCorrect / CitationsExpected;

    /// <summary>Documents cited only by an instrument's name from the instrument list, which the gold's conventions do not count (see <see cref="CitationScore"/>).</summary>
    public int CitationsNamedOnly { get; set; }

    /// <summary>Documents whose citations were scored: all of a gold set's, those of a hand count that lists them.</summary>
    public int CitedDocuments { get; set; }

    /// <summary>Precision counting every document cited only by an instrument's name as wrong: the figure's lower bound.</summary>
    public double PrecisionCountingNamedOnly => CitationsFound + CitationsNamedOnly == 0 ? 1 : (double)CitationsCorrect / (CitationsFound + CitationsNamedOnly);

    /// <summary>Documents whose own symbol, body, kind and adoption date all match.</summary>
    public int IdentityCorrect { get; set; }

    /// <summary>Resolutions and drafts with preambular and operative paragraphs.</summary>
    public int Resolutions { get; set; }

    /// <summary>Resolutions whose preambular and operative counts are both exact.</summary>
    public int CountsExact { get; set; }

    /// <summary>Resolutions whose every operative paragraph opens with the gold phrase, in order.</summary>
    public int VerbsExact { get; set; }

    public double CountsShare => Resolutions == 0 ? 1 : (double)CountsExact / Resolutions;

    public double VerbsShare => Resolutions == 0 ? 1 : (double)VerbsExact / Resolutions;

    public List<string> Mistakes { get; } = [];
}

/// <summary>
/// Measures the extractor on the blind gold set: documents of the reference collection that no one tuned the
/// extractor on. Citations count as in <see cref="Evaluator"/>; structure is scored per resolution.
/// </summary>
public static class BlindEvaluator
{
    /// <param name="folder">The folder the blind set's file names are relative to (the un-documents collection).</param>
    /// <param name="goldPath">The blind gold set.</param>
    /// <param name="setName">How mistakes name the set ("the blind set", "the check set").</param>
    public static BlindReport Run(string folder, string goldPath, string setName = "the blind set")
    {
        var report = new BlindReport();
        var extractor = new DocumentExtractor();
        foreach (var expected in BlindGoldSet.Load(goldPath))
        {
            var file = expected.Gold.File;
            var path = Path.Combine(folder, file);
            if (!File.Exists(path)) { report.Mistakes.Add($"blind document not found: {file}"); continue; }
            var document = extractor.Extract(path, DocumentFile.Read(path).Content ?? []);
            report.Documents++;
            ScoreIdentity(report, file, document, expected.Gold);
            ScoreCitations(report, file, document, expected.Gold.Cited ?? [], setName);
            if (expected.Operative is not null) StructureScore.Score(report, file, document, expected);
        }
        return report;
    }

    /// <summary>
    /// Measures paragraph structure on a hand count (<see cref="StructureGoldSet"/>), and the citations of the documents it
    /// lists them for: the identity figure stays empty, and <see cref="BlindReport.Documents"/> counts the documents read.
    /// </summary>
    public static BlindReport RunStructure(string folder, string countPath, string setName = "the hand count")
    {
        var report = new BlindReport();
        var extractor = new DocumentExtractor();
        foreach (var (file, expected) in StructureGoldSet.Load(countPath))
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path)) { report.Mistakes.Add($"document not found: {file}"); continue; }
            report.Documents++;
            if (expected is null) continue;
            var document = extractor.Extract(path, DocumentFile.Read(path).Content ?? []);
            StructureScore.Score(report, file, document, expected);
            if (expected.Gold.Cited is { } cited) ScoreCitations(report, file, document, cited, setName);
        }
        return report;
    }

    private static void ScoreIdentity(BlindReport report, string file, GraphDocument document, GoldDocument gold)
    {
        var node = document.FindNode(document.DocumentId);
        var actual = (document.DocumentId, node?.GetString("body"), node?.GetString("kind"), node?.GetString("adoptionDate"));
        var expected = (gold.Symbol, gold.Body, gold.Kind, gold.AdoptionDate);
        if (actual == expected) report.IdentityCorrect++;
        else report.Mistakes.Add($"{file}: identity expected {expected}, got {actual}");
    }

    private static void ScoreCitations(BlindReport report, string file, GraphDocument document, IReadOnlyList<string> cited, string setName)
    {
        var score = CitationScoring.Score(file, document, cited, setName, report.Mistakes);
        report.CitedDocuments++;
        report.CitationsExpected += score.Expected;
        report.CitationsFound += score.Found;
        report.CitationsCorrect += score.Correct;
        report.CitationsNamedOnly += score.NamedOnly;
    }
}

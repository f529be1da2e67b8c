using System.Diagnostics;
using Graph.Model;

namespace Graph.Extraction.Evaluation;

/// <summary>Figures of one evaluation run.</summary>
public sealed class EvaluationReport
{
    public int GoldDocuments { get; set; }

    public int CitationsExpected { get; set; }

    public int CitationsFound { get; set; }

    public int CitationsCorrect { get; set; }

    public double Precision => CitationsFound == 0 ? 1 : (double)CitationsCorrect / CitationsFound;

    public double Recall => CitationsExpected == 0 ? 1 : (double)CitationsCorrect / CitationsExpected;

    /// <summary>Documents cited only by an instrument's name from the instrument list, which the gold's conventions do not count (see <see cref="CitationScore"/>).</summary>
    public int CitationsNamedOnly { get; set; }

    /// <summary>Precision counting every document cited only by an instrument's name as wrong: the figure's lower bound.</summary>
    public double PrecisionCountingNamedOnly => CitationsFound + CitationsNamedOnly == 0 ? 1 : (double)CitationsCorrect / (CitationsFound + CitationsNamedOnly);

    public Dictionary<string, (int Correct, int Stated)> Identity { get; } = new(StringComparer.Ordinal)
    {
        ["symbol"] = (0, 0),
        ["body"] = (0, 0),
        ["kind"] = (0, 0),
        ["adoptionDate"] = (0, 0),
    };

    public int Documents { get; set; }

    public long Bytes { get; set; }

    public TimeSpan ExtractionTime { get; set; }

    public double MegabytesPerSecond => Bytes / 1_000_000.0 / Math.Max(ExtractionTime.TotalSeconds, 1e-9);

    public double DocumentsPerSecond => Documents / Math.Max(ExtractionTime.TotalSeconds, 1e-9);

    public List<string> Mistakes { get; } = [];

    public double Accuracy(string field) => Identity[field].Stated == 0 ? 1 : (double)Identity[field].Correct / Identity[field].Stated;
}

/// <summary>
/// Measures the extractor on the corpus (the seeds and the hand-checked corpus): citation precision and recall against the gold set,
/// own-identity accuracy (symbol, body, kind, adoption date) wherever the sources or the gold set state the
/// field, and extraction speed (every document file of the corpus, read from memory, timed together).
/// </summary>
public static class Evaluator
{
    /// <param name="corpusFolders">The folders of the corpus (the seeds and the hand-checked corpus); the gold set
    /// and the ground truth name each document by its path relative to the folder that holds it.</param>
    /// <param name="goldPath">The gold set.</param>
    /// <param name="speedRounds">How many timed rounds of extraction to take the best of.</param>
    public static EvaluationReport Run(IReadOnlyList<string> corpusFolders, string goldPath, int speedRounds = 3)
    {
        var report = new EvaluationReport();
        var extractor = new DocumentExtractor();
        var contents = corpusFolders
            .SelectMany(folder => CorpusFiles.Enumerate([folder], out _)
                .Select(f => (File: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/'), Bytes: DocumentFile.Read(f).Content ?? [])))
            .ToList();
        var gold = GoldSet.Load(goldPath).ToDictionary(g => g.File, StringComparer.Ordinal);
        var truth = new Dictionary<string, TruthEntry>(StringComparer.Ordinal);
        foreach (var folder in corpusFolders)
            foreach (var (file, entry) in CorpusTruth.Load(folder)) truth[file] = entry;
        report.GoldDocuments = gold.Values.Count(g => g.Cited is not null);

        foreach (var (file, relative, bytes) in contents)
        {
            var document = extractor.Extract(file, bytes);
            gold.TryGetValue(relative, out var expected);
            truth.TryGetValue(relative, out var sourceTruth);
            ScoreIdentity(report, relative, document, expected, sourceTruth);
            if (expected?.Cited is not null) ScoreCitations(report, relative, document, expected.Cited);
        }
        var read = contents.Select(c => c.Relative).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in gold.Keys.Where(k => !read.Contains(k)))
            report.Mistakes.Add($"gold document not in corpus: {missing}");

        // Speed: the whole corpus, warmed up, best of a few rounds.
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < speedRounds; round++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var (file, _, bytes) in contents) extractor.Extract(file, bytes);
            watch.Stop();
            if (watch.Elapsed < best) best = watch.Elapsed;
        }
        report.Documents = contents.Count;
        report.Bytes = contents.Sum(c => (long)c.Bytes.Length);
        report.ExtractionTime = best;
        return report;
    }

    private static void ScoreIdentity(EvaluationReport report, string file, GraphDocument document, GoldDocument? gold, TruthEntry? truth)
    {
        var node = document.FindNode(document.DocumentId);
        string? Property(string key) => node?.GetString(key);
        Check(report, file, "symbol", gold?.Symbol ?? truth?.Symbol, document.DocumentId);
        Check(report, file, "body", gold?.Body ?? truth?.Body, Property("body"));
        if (gold?.Kind is { } kind) Check(report, file, "kind", kind, Property("kind"));
        else if (truth is { AcceptedKinds.Count: > 0 })
        {
            var actual = Property("kind");
            var ok = actual is not null && truth.AcceptedKinds.Contains(actual);
            Count(report, file, "kind", ok, string.Join("|", truth.AcceptedKinds), actual);
        }
        Check(report, file, "adoptionDate", gold?.AdoptionDate ?? truth?.AdoptionDate, Property("adoptionDate"));
    }

    private static void Check(EvaluationReport report, string file, string field, string? expected, string? actual)
    {
        if (expected is null) return;
        Count(report, file, field, expected == actual, expected, actual);
    }

    private static void Count(EvaluationReport report, string file, string field, bool ok, string expected, string? actual)
    {
        var (correct, stated) = report.Identity[field];
        report.Identity[field] = (correct + (ok ? 1 : 0), stated + 1);
        if (!ok) report.Mistakes.Add($"{file}: {field} expected '{expected}', got '{actual ?? "(none)"}'");
    }

    private static void ScoreCitations(EvaluationReport report, string file, GraphDocument document, IReadOnlyList<string> cited)
    {
        var score = CitationScoring.Score(file, document, cited, "the gold set", report.Mistakes);
        report.CitationsExpected += score.Expected;
        report.CitationsFound += score.Found;
        report.CitationsCorrect += score.Correct;
        report.CitationsNamedOnly += score.NamedOnly;
    }
}

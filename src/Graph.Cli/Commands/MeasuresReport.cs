using System.Globalization;
using Graph.Extraction.Evaluation;
using Graph.Model;

namespace Graph.Cli.Commands;

/// <summary>
/// The gold-free half of <c>graph eval</c>: body coverage, attached footnotes, known operative verbs, suspect furniture
/// and implausible symbols over every document of the reference collections, one line per collection.
/// </summary>
internal static class MeasuresReport
{
    /// <summary>The collections measured: the hand-checked corpus and the three folders of the UN documents.</summary>
    private static readonly string[] UnDocumentFolders = ["sc-resolutions", "ga-resolutions", "ga-drafts"];

    /// <param name="only">The collections to measure (all when empty).</param>
    /// <param name="lexiconFile">The lexicon of operative phrases.</param>
    /// <param name="worst">How many of the worst documents to list for each measure (0: none).</param>
    /// <param name="stdout">Where the figures go.</param>
    /// <param name="stderr">Where notes and errors go.</param>
    public static int Run(string[] only, FileInfo lexiconFile, int worst, TextWriter stdout, TextWriter stderr)
    {
        if (!lexiconFile.Exists) { stderr.WriteLine($"error: no lexicon of operative phrases at {lexiconFile.FullName}"); return 2; }
        var known = new[] { "corpus" }.Concat(UnDocumentFolders).ToArray();
        var unknown = only.Where(o => !known.Contains(o, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0) { stderr.WriteLine($"error: no collection named {string.Join(", ", unknown)} (there are {string.Join(", ", known)})"); return 2; }
        var collections = new List<(string Name, string Folder)>();
        if (ReferenceCollections.Corpus is { } corpus) collections.Add(("corpus", corpus));
        else stderr.WriteLine($"note: {ReferenceCollections.Absent("corpus")}; not measured");
        if (ReferenceCollections.UnDocuments is { } un)
            collections.AddRange(UnDocumentFolders.Select(f => (f, Path.Combine(un, f))).Where(c => Directory.Exists(c.Item2)));
        else stderr.WriteLine($"note: {ReferenceCollections.Absent("un-documents")}; not measured");
        if (only.Length > 0) collections = [.. collections.Where(c => only.Contains(c.Name, StringComparer.Ordinal))];
        if (collections.Count == 0) return 0;

        var lexicon = OperativeLexicon.Load(lexiconFile.FullName);
        var measured = StructureMeasures.Run(collections, lexicon);
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine("gold-free measures (targets: coverage >= 99.5 %, no resolution under 97 %; footnotes attached >= 99 %; verbs >= 99 %, scan-spoiled: verbs outside the lexicon one scan confusion away from a phrase of it; no suspect furniture, no implausible symbol; uncited: reference-like strings no citation covers; preamble: preambular paragraphs of another shape than a preambular phrase ended by a comma)");
        stdout.WriteLine($"{"collection",-15} {"docs",5} {"coverage",9} {"lowest",7} {"<97%",5} {"footnotes",17} {"verbs",17} {"spoiled",7} {"furniture",9} {"symbols",7} {"uncited",15} {"preamble",15}");
        foreach (var m in measured)
        {
            stdout.WriteLine(string.Create(c,
                $"{m.Name,-15} {m.Documents.Count,5} {m.Coverage,9:P2} {m.LowestResolutionCoverage,7:P1} {m.ResolutionsUnder(0.97),5} {$"{m.FootnotesAttached:P2} of {m.Footnotes}",17} {$"{m.VerbsKnown:P2} of {m.OperativeParagraphs}",17} {m.SpoiledVerbs,7} {m.SuspectFurniture,9} {m.ImplausibleSymbols,7} {$"{m.UncitedReferences} of {m.References}",15} {$"{m.PreambleSuspects} of {m.PreambularParagraphs}",15}"));
        }
        PrintReferenceArcs(collections, worst, stdout);
        PrintPairedTexts(measured, worst, stdout);
        PrintVerbProbe(measured, worst, stdout);
        if (worst == 0) return 0;
        // The listings name documents and print their output, so the blind sets' documents are left out of them (the figures
        // above count every document).
        var blind = BlindEvalSection.BlindFiles();
        foreach (var collection in measured)
        {
            var m = collection.WithoutDocuments(d => blind.Contains(Path.GetFileName(d.File)));
            stdout.WriteLine();
            stdout.WriteLine($"{m.Name}: worst documents{(m.Documents.Count < collection.Documents.Count ? $" (the blind sets' {collection.Documents.Count - m.Documents.Count} left out)" : "")}");
            Print(stdout, worst, "coverage", m.Documents.Where(d => d.Coverage < 1).OrderBy(d => d.Coverage),
                d => string.Create(c, $"{d.Coverage:P1} ({d.CoveredCharacters}/{d.BodyCharacters}); uncovered: {string.Join(" | ", d.Uncovered.Select(Short))}"));
            Print(stdout, worst, "footnotes unattached", m.Documents.Where(d => d.FootnotesUnattached.Count > 0).OrderByDescending(d => d.FootnotesUnattached.Count),
                d => $"{d.FootnotesUnattached.Count} of {d.Footnotes}: {string.Join(", ", d.FootnotesUnattached)}");
            Print(stdout, worst, "verbs not in the lexicon", m.Documents.Where(d => d.UnknownVerbs.Count > 0).OrderByDescending(d => d.UnknownVerbs.Count),
                d => string.Join(" || ", d.UnknownVerbs.Take(worst > 5 ? 1000 : 4)));
            Print(stdout, worst, "verbs spoiled by the scan", m.Documents.Where(d => d.SpoiledVerbs.Count > 0).OrderByDescending(d => d.SpoiledVerbs.Count),
                d => string.Join(" || ", d.SpoiledVerbs.Take(worst > 5 ? 1000 : 4)));
            Print(stdout, worst, "preambular paragraphs of another shape", m.Documents.Where(d => d.PreambleSuspects.Count > 0).OrderByDescending(d => d.PreambleSuspects.Count),
                d => string.Join(" || ", d.PreambleSuspects.Take(worst > 5 ? 1000 : 4)));
            Print(stdout, worst, "suspect furniture", m.Documents.Where(d => d.SuspectFurniture.Count > 0).OrderByDescending(d => d.SuspectFurniture.Count),
                d => string.Join(" || ", d.SuspectFurniture.Take(4)));
            Print(stdout, worst, "implausible symbols", m.Documents.Where(d => d.ImplausibleSymbols.Count > 0).OrderByDescending(d => d.ImplausibleSymbols.Count),
                d => string.Join(", ", d.ImplausibleSymbols.Take(6)));
            Print(stdout, worst, "reference-like strings without a citation", m.Documents.Where(d => d.UncitedReferences.Count > 0).OrderByDescending(d => d.UncitedReferences.Count),
                d => string.Join(" || ", d.UncitedReferences.Take(worst > 5 ? 1000 : 4).Select(Short)));
        }
        return 0;
    }

    /// <summary>
    /// Drafts and the resolutions adopted from them (<see cref="PairedTexts"/>): how many citations only one text of a pair
    /// makes; with -v, the pairs that differ most and what each side alone cites.
    /// </summary>
    private static List<TextPair> PrintPairedTexts(List<CollectionMeasures> measured, int worst, TextWriter stdout)
    {
        var drafts = measured.FirstOrDefault(m => m.Name == "ga-drafts");
        var adopted = measured.FirstOrDefault(m => m.Name == "ga-resolutions");
        if (drafts is null || adopted is null) return [];
        var pairs = PairedTexts.Pair(drafts.Documents, adopted.Documents);
        var cited = pairs.Sum(p => p.OnlyInDraft.Count + p.OnlyInAdopted.Count);
        var byDraft = drafts.Documents.ToDictionary(d => d.DocumentId, StringComparer.Ordinal);
        var byAdopted = adopted.Documents.ToDictionary(d => d.DocumentId, StringComparer.Ordinal);
        var total = pairs.Sum(p => byDraft[p.Draft].Cited.Count + byAdopted[p.Adopted].Cited.Count);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"paired texts (a draft of ga-drafts and the resolution of ga-resolutions adopted from it, {pairs.Count} pairs): citations only one text of a pair makes {cited} of {total} (only the draft's {pairs.Sum(p => p.OnlyInDraft.Count)}, only the resolution's {pairs.Sum(p => p.OnlyInAdopted.Count)}; a change the Assembly made or a citation a typesetting lost)"));
        var series = PairedTexts.HeldButNotCited([.. drafts.Documents, .. adopted.Documents]);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"texts of one series (ga-resolutions and ga-drafts sharing {PairedTexts.SameSeries:P0} of their text, any session): numbers a text prints but does not cite while another text of its series cites them {series.Count} in {series.Select(s => s.Document).Distinct().Count()} texts"));
        if (worst > 0)
            foreach (var group in series.GroupBy(s => s.Document).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(worst))
                stdout.WriteLine($"  {group.Key}: {string.Join(", ", group.Take(8).Select(s => $"{s.Symbol} (cited by {s.CitedBy})"))}{(group.Count() > 8 ? $" … ({group.Count()})" : "")}");
        PrintPairedVerbs(pairs, byDraft, byAdopted, worst, stdout);
        if (worst > 0)
            foreach (var pair in pairs.Where(p => p.Differences > 0).OrderByDescending(p => p.Differences).ThenBy(p => p.Draft, StringComparer.Ordinal).Take(worst))
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {pair.Draft} / {pair.Adopted} ({pair.Overlap:P0} of the text shared): only the draft {Listed(pair.OnlyInDraft)}; only the resolution {Listed(pair.OnlyInAdopted)}"));
        return pairs;

        static string Listed(IReadOnlyList<string> symbols) => symbols.Count == 0 ? "none" : string.Join(", ", symbols.Take(8)) + (symbols.Count > 8 ? $" … ({symbols.Count})" : "");
    }

    /// <summary>
    /// The operative verbs of each pair (<see cref="PairedTexts.CompareVerbs"/>): paragraphs numbered alike that open with
    /// the same words and whose verbs were read differently; with -v, the pairs with most of them. The blind sets' documents
    /// are never listed, since nobody reads their per-document output.
    /// </summary>
    private static void PrintPairedVerbs(List<TextPair> pairs, Dictionary<string, DocumentMeasures> byDraft, Dictionary<string, DocumentMeasures> byAdopted, int worst, TextWriter stdout)
    {
        var compared = pairs.Select(p => PairedTexts.CompareVerbs(p, byDraft[p.Draft], byAdopted[p.Adopted])).ToList();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"paired verbs: {compared.Sum(c => c.Differences.Count)} of {compared.Sum(c => c.Aligned)} aligned operative paragraphs differ (a draft and its resolution, paragraphs numbered alike opening with the same {PairedTexts.OpeningWords} words, in {compared.Count(c => c.Differences.Count > 0)} of {compared.Count} pairs)"));
        if (worst == 0) return;
        var blind = BlindEvalSection.BlindFiles();
        foreach (var c in compared.Where(c => c.Differences.Count > 0 && !blind.Contains(Path.GetFileName(byDraft[c.Pair.Draft].File)) && !blind.Contains(Path.GetFileName(byAdopted[c.Pair.Adopted].File)))
                     .OrderByDescending(c => c.Differences.Count).ThenBy(c => c.Pair.Draft, StringComparer.Ordinal).Take(worst))
            stdout.WriteLine($"  {c.Pair.Draft} / {c.Pair.Adopted}: {string.Join(" || ", c.Differences.Select(d => $"{d.Number}: \"{d.DraftVerb}\" / \"{d.AdoptedVerb}\" | {d.Opening}"))}");
    }

    /// <summary>
    /// The verb probe (<see cref="VerbProbe"/>): the numbered paragraphs a simple reader of the raw texts finds, lined up by
    /// number with the extractor's operative paragraphs, and where the two disagree, by class; with -v, examples of each
    /// class. The blind sets' documents are left out of the figures and the listing, since nobody reads their output.
    /// </summary>
    private static void PrintVerbProbe(List<CollectionMeasures> measured, int worst, TextWriter stdout)
    {
        var blind = BlindEvalSection.BlindFiles();
        var documents = measured.Where(m => UnDocumentFolders.Contains(m.Name, StringComparer.Ordinal)).SelectMany(m => m.Documents)
            .Where(d => !blind.Contains(Path.GetFileName(d.File))).ToList();
        if (documents.Count == 0) return;
        var disagreements = documents.SelectMany(d => d.VerbsProbed.Disagreements.Select(x => (Document: d, Disagreement: x))).ToList();
        var compared = documents.Sum(d => d.VerbsProbed.Compared);
        var classes = disagreements.GroupBy(x => x.Disagreement.Class, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verb probe: {disagreements.Count} of {compared + disagreements.Count(x => x.Disagreement.Class is not (VerbProbe.Cut or VerbProbe.FirstWord or VerbProbe.LaterWord))} numbered paragraphs disagree (a simple reading of the raw texts' numbered paragraphs against the extracted verbs, by number, {documents.Count} documents of un-documents, the blind sets left out){(classes.Count == 0 ? "" : ": " + string.Join(", ", classes.Select(g => $"{g.Key} {g.Count()}")))}"));
        var broken = documents.Select(d => (Document: d, Runs: VerbProbe.BrokenNumbering(d.Operatives))).Where(b => b.Runs.Count > 0).ToList();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"paragraph numbers: {broken.Sum(b => b.Runs.Count)} runs of extracted operative numbers (from a 1 to the next 1) with a gap or a repeat, in {broken.Count} of {documents.Count} documents (the blind sets left out)"));
        if (worst == 0) return;
        foreach (var (document, runs) in broken.Take(worst))
            stdout.WriteLine($"  numbers: {document.File} ({document.DocumentId}) {string.Join(" | ", runs.Select(r => string.Join(", ", r)))}");
        foreach (var group in classes)
            foreach (var (document, x) in group.Take(worst))
                stdout.WriteLine($"  {group.Key}: {document.File} ({document.DocumentId}) {x.Number}. extracted \"{x.Extracted}\" | read \"{x.Read}\"");
    }

    /// <summary>The share of sc-citations.json's SC-to-SC arcs (machine-parsed, not gold) that the extractor finds.</summary>
    private static void PrintReferenceArcs(List<(string Name, string Folder)> collections, int worst, TextWriter stdout)
    {
        if (!collections.Any(c => c.Name == "sc-resolutions") || ReferenceCollections.UnDocuments is not { } un) return;
        if (ReferenceArcs.Run(un) is not { } arcs) return;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sc-citations.json (SC-to-SC arcs parsed by machine, a reference, not gold): {arcs.Share:P1} extracted ({arcs.Found} of {arcs.Arcs} arcs, {arcs.Documents} resolutions)"));
        if (worst > 0)
            foreach (var miss in arcs.Missed) stdout.WriteLine("  missed: " + miss);
    }

    private static void Print(TextWriter stdout, int count, string measure, IEnumerable<DocumentMeasures> worst, Func<DocumentMeasures, string> describe)
    {
        var list = worst.Take(count).ToList();
        if (list.Count == 0) return;
        stdout.WriteLine($"  {measure}:");
        foreach (var d in list) stdout.WriteLine($"    {d.File} ({d.DocumentId}): {describe(d)}");
    }

    private static string Short(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 80 ? flat : flat[..80] + "…";
    }
}

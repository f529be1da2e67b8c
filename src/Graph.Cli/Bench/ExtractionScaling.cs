using System.Diagnostics;
using System.Globalization;
using System.Text;
using Graph.Extraction;

namespace Graph.Cli.Bench;

/// <summary>How often the synthetic text cites a document.</summary>
internal enum CitationDensity
{
    /// <summary>Four citations in every 330-byte paragraph: one every 82 characters, about nine times a real resolution.</summary>
    Dense,

    /// <summary>
    /// One citation about every 800 characters, as UN resolutions have it: over every fifth GA and SC resolution of the
    /// reference collection, one every 725 characters of paragraph text, one every 796 in the median document.
    /// </summary>
    Realistic,
}

/// <summary>One size of <see cref="ExtractionScaling"/>: the input, the time and the memory it took.</summary>
internal sealed record ScalingPoint(string Text, long Bytes, TimeSpan Elapsed, TimeSpan UserTime, TimeSpan SystemTime, long PeakHeapGrowth, long KeptHeap, int Paragraphs, int Citations)
{
    /// <summary>Time the collector held the threads during the extraction: the part of the CPU time that grows with the live graph.</summary>
    public TimeSpan GcPause { get; init; }

    /// <summary>Collections of generation 0, 1 and 2 during the extraction.</summary>
    public (int Gen0, int Gen1, int Gen2) Collections { get; init; }

    /// <summary>Full collections during the extraction that a large-object allocation started (see <see cref="FullCollectionCounter"/>), of <see cref="Collections"/>' gen 2; -1 when not counted.</summary>
    public int FullByLargeObjects { get; init; }

    /// <summary>Bytes the extraction allocated, garbage included: unlike times, the same on a busy machine as on an idle one.</summary>
    public long Allocated { get; init; }

    public double AllocatedRatio => (double)Allocated / Bytes;

    /// <summary>
    /// The live heap just before the extraction, after a full collection: the runtime, the gazetteer, the lexicons, the
    /// compiled patterns and symbol tables, and the input's bytes. <see cref="PeakHeapGrowth"/> is measured above it.
    /// </summary>
    public long BaselineHeap { get; init; }

    /// <summary>The highest heap seen during the extraction, the baseline included: what the process held at most.</summary>
    public long RawPeakHeap => BaselineHeap + PeakHeapGrowth;

    public double RawMemoryRatio => (double)RawPeakHeap / Bytes;

    /// <summary>The process's highest working set (resident memory) sampled during the extraction: heap, runtime and code together.</summary>
    public long PeakWorkingSet { get; init; }

    public double Megabytes => Bytes / 1_000_000.0;

    public double SecondsPerMegabyte => Elapsed.TotalSeconds / Megabytes;

    /// <summary>CPU time (user and system) the process spent: unlike wall time it does not grow while other work holds the cores.</summary>
    public TimeSpan CpuTime => UserTime + SystemTime;

    public double CpuSecondsPerMegabyte => CpuTime.TotalSeconds / Megabytes;

    /// <summary>Throughput per core: megabytes over the CPU time the process spent (extraction is single-threaded).</summary>
    public double MegabytesPerCpuSecond => Megabytes / Math.Max(CpuTime.TotalSeconds, 1e-9);

    public double MemoryRatio => (double)PeakHeapGrowth / Bytes;

    /// <summary>The graph extracted, live after a full collection, over the input: the part of the peak that is the result.</summary>
    public double KeptRatio => (double)KeptHeap / Bytes;

    /// <summary>Characters of input per citation extracted.</summary>
    public double BytesPerCitation => Citations == 0 ? double.NaN : (double)Bytes / Citations;
}

/// <summary>
/// Whether extraction time and memory grow linearly with the input: one synthetic resolution of each size (numbered
/// operative paragraphs with citations, footnote marks and their footnote blocks, page furniture between pages),
/// extracted once; time per MB should stay flat across sizes.
/// </summary>
internal static class ExtractionScaling
{
    public static ScalingPoint Measure(int megabytes, ScalingText text, bool countFullCollections = false)
    {
        var content = SyntheticBytes(megabytes * 1_000_000L, text);
        var extractor = new DocumentExtractor { MaxFileBytes = Math.Max(DocumentFile.DefaultMaxBytes, content.LongLength + 1) };
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var baseline = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        var userBefore = process.UserProcessorTime;
        var systemBefore = process.PrivilegedProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        // Listening to the runtime's events costs CPU on a thread of its own (0.1 s at 1 MB): only when asked.
        using var fullCollections = countFullCollections ? new FullCollectionCounter() : null;
        var watch = Stopwatch.StartNew();
        Graph.Model.GraphDocument document;
        long peak;
        long peakWorkingSet;
        using (var sampler = new MemorySampler())
        {
            document = extractor.Extract("A_RES_99_1.txt", content);
            watch.Stop();
            peak = sampler.PeakHeap;
            peakWorkingSet = sampler.PeakWorkingSet;
        }
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        var fullByLargeObjects = -1;
        if (fullCollections is not null)
        {
            // The listener's events arrive on their own thread, shortly after the collections.
            Thread.Sleep(200);
            fullByLargeObjects = fullCollections.ByLargeObjects;
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var collections = (GC.CollectionCount(0) - collectionsBefore.Item1, GC.CollectionCount(1) - collectionsBefore.Item2, GC.CollectionCount(2) - collectionsBefore.Item3);
        process.Refresh();
        var user = process.UserProcessorTime - userBefore;
        var system = process.PrivilegedProcessorTime - systemBefore;
        var paragraphs = document.Nodes.Count(n => n.HasLabel(Graph.Model.Labels.Paragraph));
        var citations = document.Relationships.Count(r => r.Type == Graph.Model.RelationshipTypes.Cites && r.Start != document.DocumentId);
        var kept = MemorySampler.LiveHeap() - baseline;
        GC.KeepAlive(document);
        return new ScalingPoint(text.Name, content.LongLength, watch.Elapsed, user, system, Math.Max(0, peak - baseline), Math.Max(0, kept), paragraphs, citations)
        {
            GcPause = pause,
            Collections = collections,
            FullByLargeObjects = fullByLargeObjects,
            Allocated = allocated,
            BaselineHeap = baseline,
            PeakWorkingSet = peakWorkingSet,
        };
    }

    /// <summary>
    /// The synthetic text's bytes, made in a frame of their own: unoptimised code (this method runs once) keeps a temporary
    /// alive to the end of its method, and the text as a string (twice the input) would otherwise stay in the heap measured.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static byte[] SyntheticBytes(long bytes, ScalingText text) => Encoding.UTF8.GetBytes(text.Make(bytes));

    /// <summary>
    /// Warms up the JIT, the gazetteer and the symbol tables so the sizes measured run the code a long extraction runs.
    /// Tiered compilation first runs a method as quickly compiled code and replaces it with optimised code only after 30
    /// calls (counted once no new method has been compiled for a tenth of a second), then once more after 30 further calls
    /// with what the instrumented code learnt. The methods called once per document (the layout, the recognisers, the
    /// linkers) need that many documents: three passes of 1 MB left them unoptimised, and the first 8 MB text then cost
    /// 0.16-0.21 CPU s/MB against 0.09 for the same text again (dense, load 7-13). So many passes of a small text, in
    /// rounds with pauses for the call counting to start and the background compiler to finish, then a pass of 1 MB.
    /// </summary>
    public static void WarmUp(IEnumerable<ScalingText> texts)
    {
        var extractor = new DocumentExtractor();
        var kinds = texts.ToList();
        var small = kinds.Select(t => Encoding.UTF8.GetBytes(t.Make(WarmUpBytes))).ToList();
        for (var round = 0; round < WarmUpRounds; round++)
        {
            for (var pass = 0; pass < WarmUpPassesPerRound; pass++)
                foreach (var content in small) extractor.Extract("A_RES_99_1.txt", content);
            Thread.Sleep(500);
        }
        foreach (var content in kinds.Select(t => Encoding.UTF8.GetBytes(t.Make(1_000_000)))) extractor.Extract("A_RES_99_1.txt", content);
        // The background compiler's last methods finish before the first size: its CPU time would count in that size's.
        Thread.Sleep(2000);
    }

    // 4 x 25 = 100 calls of each per-document method: past both thresholds of 30 with room for calls made before counting starts.
    private const int WarmUpRounds = 4;
    private const int WarmUpPassesPerRound = 25;
    private const int WarmUpBytes = 100_000;

    /// <summary>The load average over 1, 5 and 15 minutes, as the kernel reports it.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>A resolution of about <paramref name="bytes"/> bytes laid out like the text of a printed UN PDF.</summary>
    internal static string SyntheticResolution(long bytes, CitationDensity density = CitationDensity.Dense)
    {
        var sb = new StringBuilder((int)Math.Min(int.MaxValue / 2, bytes + 4096));
        sb.Append("United Nations\nA/RES/99/1\nGeneral Assembly\nDistr.: General\n12 December 2044\n\n44-12345 (E)    141244\n*4412345*\n\n")
          .Append("Ninety-ninth session\nAgenda item 12\n\n\nResolution adopted by the General Assembly\non 10 December 2044\n\n\n99/1. Synthetic resolution\n\n\n")
          .Append("The General Assembly,\n\n");
        for (var p = 1; p <= 3; p++)
            sb.Append("Recalling its resolution 77/13 of 21 November 2022 and the report of the Secretary-General,\n\n");
        var paragraph = 1;
        var footnote = 1;
        var page = 1;
        var lines = 0;
        var pageFootnotes = new List<int>();
        while (sb.Length < bytes)
        {
            // Long texts restart their numbering in sections (annexes, parts), as UN documents do: numbers stay under 1000.
            var number = ((paragraph - 1) % 500 + 1).ToString(CultureInfo.InvariantCulture);
            sb.Append(number).Append(".\n");
            if (density == CitationDensity.Dense)
            {
                sb.Append("Requests the Secretary-General to report on the implementation of resolution ").Append(70 + paragraph % 9)
                  .Append('/').Append(1 + paragraph % 300).Append(" of 12 July 2023,").Append(footnote).Append("\nincluding on the measures taken by Member States under the relevant resolutions\n")
                  .Append("of the Security Council, in particular resolution 2719 (2023), and the report contained in\ndocument A/78/481/Add.2;\n\n");
                pageFootnotes.Add(footnote++);
                lines += 5;
            }
            else
            {
                lines += RealisticParagraph(sb, paragraph, ref footnote, pageFootnotes);
            }
            paragraph++;
            if (lines >= 40)
            {
                sb.Append("__________________\n\n");
                foreach (var f in pageFootnotes) sb.Append(f).Append("  See A/78/").Append(100 + f % 800).Append(".\n\n");
                pageFootnotes.Clear();
                page++;
                sb.Append("A/RES/99/1\nSynthetic resolution\n\n44-12345\n").Append(page).Append("/9999\n\n\n");
                lines = 0;
            }
        }
        sb.Append("\n\n45th plenary meeting\n10 December 2044\n");
        return sb.ToString();
    }

    /// <summary>
    /// An operative paragraph of about 400 characters in the words of real ones (organs, Member States, a request);
    /// one paragraph in four cites a resolution inline and another one in four calls a footnote that cites a report,
    /// so the text cites a document every 800 characters. Returns the lines written.
    /// </summary>
    private static int RealisticParagraph(StringBuilder sb, int paragraph, ref int footnote, List<int> pageFootnotes)
    {
        sb.Append("Encourages Member States, the relevant organs and agencies of the United Nations system and regional\n")
          .Append("organizations to continue to strengthen their cooperation in the areas covered by the present resolution,\n")
          .Append("with a view to consolidating the progress made, and to share information and good practices");
        switch (paragraph % 4)
        {
            case 1:
                sb.Append(" in\naccordance with resolution ").Append(70 + paragraph % 9).Append('/').Append(1 + paragraph % 300).Append(" of 12 July 2023");
                break;
            case 3:
                sb.Append(" on the\nmeasures described in the report of the Secretary-General,").Append(footnote);
                pageFootnotes.Add(footnote++);
                break;
            default:
                sb.Append(" with\nthe Secretariat and with all relevant stakeholders at the national and local levels");
                break;
        }
        sb.Append(";\n\n");
        return 5;
    }

    /// <summary>Single-threaded throughput over a real collection: every text file under <paramref name="folder"/>, read into memory first.</summary>
    public static ExtractionFigures MeasureCollection(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        // Named by the folder's own name: the figures go into committed results, which name no path of the machine.
        // Three passes first, as the synthetic texts get (WarmUp): one left the figure measuring code not yet optimised.
        return ExtractionBench.Run(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), ExtractionBench.Load(files), threads: 1, warmUpPasses: 3);
    }

    public static string Header() =>
        $"{"text",-9} {"size",7} {"paragraphs",10} {"chars/cite",10} {"wall",8} {"wall s/MB",9} {"cpu s",7} {"cpu s/MB",8} {"MB/s/core",9} {"heap before",11} {"peak raw",9} {"x input",7} {"peak heap",10} {"x input",7} {"graph kept",10} {"x input",7} {"peak RSS",9} {"allocated",10} {"x input",7} {"gc pause",8} {"gc 0/1/2",12} {"gen2 by LOH",11} {"sys s",6}";

    public static string Row(ScalingPoint p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Text,-9} {p.Megabytes,5:F1}MB {p.Paragraphs,10} {p.BytesPerCitation,10:F0} {p.Elapsed.TotalSeconds,7:F2}s {p.SecondsPerMegabyte,9:F3} {p.CpuTime.TotalSeconds,7:F2} {p.CpuSecondsPerMegabyte,8:F3} {p.MegabytesPerCpuSecond,9:F1} {p.BaselineHeap / 1e6,9:F0}MB {p.RawPeakHeap / 1e6,7:F0}MB {p.RawMemoryRatio,7:F1} {p.PeakHeapGrowth / 1e6,8:F0}MB {p.MemoryRatio,7:F1} {p.KeptHeap / 1e6,8:F0}MB {p.KeptRatio,7:F1} {p.PeakWorkingSet / 1e6,7:F0}MB {p.Allocated / 1e6,8:F0}MB {p.AllocatedRatio,7:F1} {p.GcPause.TotalSeconds,7:F2}s {$"{p.Collections.Gen0}/{p.Collections.Gen1}/{p.Collections.Gen2}",12} {(p.FullByLargeObjects < 0 ? "-" : p.FullByLargeObjects.ToString(CultureInfo.InvariantCulture)),11} {p.SystemTime.TotalSeconds,6:F2}");

    public static string CollectionRow(ExtractionFigures f) => string.Create(CultureInfo.InvariantCulture,
        $"{f.Documents} texts of {f.Input}: {f.Megabytes:F1} MB, {f.Citations} CITES, wall {f.Seconds:F2} s, cpu {f.CpuSeconds:F2} s ({f.CpuSeconds / f.Megabytes:F3} s/MB), {f.MegabytesPerCpuSecond:F1} MB/s per core (one thread)");

    /// <summary>The figures as Markdown, with the command and the load they were taken at.</summary>
    public static string ToMarkdown(IReadOnlyList<ScalingPoint> points, ExtractionFigures? collection, string commandLine, string loadAtStart, string loadAtEnd)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"# Extraction scaling ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)").AppendLine();
        md.AppendLine(c, $"`{commandLine}`").AppendLine();
        md.AppendLine(c, $"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; load average {loadAtStart} at the start, {loadAtEnd} at the end. ")
          .AppendLine("Wall time waits for a core on a loaded machine: CPU time (user + system of the whole process, GC included) is the figure to compare.").AppendLine();
        md.AppendLine("| text | size | paragraphs | chars per citation | wall s | wall s/MB | CPU s | CPU s/MB | MB/s per core | heap before | peak heap, raw | × input | peak heap above the heap before | × input | graph kept | × input | peak working set | allocated | × input | GC pause s | collections gen 0/1/2 | gen 2 started by large objects | system CPU s |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var p in points)
            md.AppendLine(c, $"| {p.Text} | {p.Megabytes:F1} MB | {p.Paragraphs:N0} | {p.BytesPerCitation:F0} | {p.Elapsed.TotalSeconds:F2} | {p.SecondsPerMegabyte:F3} | {p.CpuTime.TotalSeconds:F2} | {p.CpuSecondsPerMegabyte:F3} | {p.MegabytesPerCpuSecond:F1} | {p.BaselineHeap / 1e6:F0} MB | {p.RawPeakHeap / 1e6:F0} MB | {p.RawMemoryRatio:F1} | {p.PeakHeapGrowth / 1e6:F0} MB | {p.MemoryRatio:F1} | {p.KeptHeap / 1e6:F0} MB | {p.KeptRatio:F1} | {p.PeakWorkingSet / 1e6:F0} MB | {p.Allocated / 1e6:F0} MB | {p.AllocatedRatio:F1} | {p.GcPause.TotalSeconds:F2} | {p.Collections.Gen0}/{p.Collections.Gen1}/{p.Collections.Gen2} | {(p.FullByLargeObjects < 0 ? "—" : p.FullByLargeObjects.ToString(CultureInfo.InvariantCulture))} | {p.SystemTime.TotalSeconds:F2} |");
        md.AppendLine().AppendLine("Dense: four citations in every paragraph (one every 82 characters), about nine times a real resolution. Realistic: one every 800. "
            + "Other texts are the hostile shapes of --shape (one line of citations, a run of capitalised words, a paragraph of symbols, footnote lines, sub-paragraphs, HTML pages of tiny elements or of a resolution as a word processor saves it).");
        md.AppendLine().AppendLine("Heap before: the live heap after a full collection just before the extraction (the runtime, the gazetteer, lexicons, compiled patterns "
            + "and symbol tables, and the input's bytes). Peak heap, raw: the highest heap sampled (every 20 ms) during the extraction, that baseline "
            + "included; the next column is the same peak above the baseline. Both count garbage not yet collected. Graph kept: the live heap above "
            + "the baseline after a full collection, with the extracted graph (and the text it points into) still held. Peak working set: the "
            + "process's resident memory at its highest during the extraction (heap, runtime, code and the collector's free space together); "
            + "the sizes run in one process, and the runtime keeps memory it took for an earlier, larger one, so only the first size's figure is its own. "
            + "Gen 2 started by large objects: the full collections the runtime's GC events give the reason AllocLarge for (large objects allocated "
            + "past their budget), each a walk of all the graph built so far; counted with --gc-reasons only, whose listener adds CPU time of its own. System CPU s: the part of the CPU time spent in the kernel, mostly "
            + "first touches of memory the heap takes as it grows.");
        if (collection is not null)
        {
            md.AppendLine().AppendLine("Real documents, one thread, after three uncounted passes to warm up:").AppendLine();
            md.AppendLine(c, $"- {CollectionRow(collection)}");
        }
        return md.ToString();
    }
}

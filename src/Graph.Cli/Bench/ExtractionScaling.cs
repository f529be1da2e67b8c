using System.Diagnostics;
using System.Globalization;
using System.Text;
using Graph.Extraction;

namespace Graph.Cli.Bench;

/// <summary>One size of <see cref="ExtractionScaling"/>: the input, the time and the memory it took.</summary>
internal sealed record ScalingPoint(long Bytes, TimeSpan Elapsed, TimeSpan CpuTime, long PeakHeapGrowth, long KeptHeap, int Paragraphs)
{
    public double Megabytes => Bytes / 1_000_000.0;

    public double SecondsPerMegabyte => Elapsed.TotalSeconds / Megabytes;

    /// <summary>Throughput per core: megabytes over the CPU time the process spent (extraction is single-threaded).</summary>
    public double MegabytesPerCpuSecond => Megabytes / Math.Max(CpuTime.TotalSeconds, 1e-9);

    public double MemoryRatio => (double)PeakHeapGrowth / Bytes;

    /// <summary>The graph extracted, live after a full collection, over the input: the part of the peak that is the result.</summary>
    public double KeptRatio => (double)KeptHeap / Bytes;
}

/// <summary>
/// Whether extraction time and memory grow linearly with the input: one synthetic resolution of each size (numbered
/// operative paragraphs with citations, footnote marks and their footnote blocks, page furniture between pages),
/// extracted once; time per MB should stay flat across sizes.
/// </summary>
internal static class ExtractionScaling
{
    public static ScalingPoint Measure(int megabytes)
    {
        var content = Encoding.UTF8.GetBytes(SyntheticResolution(megabytes * 1_000_000L));
        var extractor = new DocumentExtractor { MaxFileBytes = Math.Max(DocumentFile.DefaultMaxBytes, content.LongLength + 1) };
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var baseline = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        Graph.Model.GraphDocument document;
        long peak;
        using (var sampler = new MemorySampler())
        {
            document = extractor.Extract("A_RES_99_1.txt", content);
            watch.Stop();
            peak = sampler.PeakHeap;
        }
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var paragraphs = document.Nodes.Count(n => n.HasLabel(Graph.Model.Labels.Paragraph));
        var kept = MemorySampler.LiveHeap() - baseline;
        GC.KeepAlive(document);
        return new ScalingPoint(content.LongLength, watch.Elapsed, cpu, Math.Max(0, peak - baseline), Math.Max(0, kept), paragraphs);
    }

    /// <summary>A resolution of about <paramref name="bytes"/> bytes laid out like the text of a printed UN PDF.</summary>
    internal static string SyntheticResolution(long bytes)
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
            sb.Append(number).Append(".\nRequests the Secretary-General to report on the implementation of resolution ").Append(70 + paragraph % 9)
              .Append('/').Append(1 + paragraph % 300).Append(" of 12 July 2023,").Append(footnote).Append("\nincluding on the measures taken by Member States under the relevant resolutions\n")
              .Append("of the Security Council, in particular resolution 2719 (2023), and the report contained in\ndocument A/78/481/Add.2;\n\n");
            pageFootnotes.Add(footnote++);
            paragraph++;
            lines += 5;
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
}

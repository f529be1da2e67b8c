using System.Diagnostics;
using Graph.Extraction;

namespace Graph.Cli.Bench;

/// <summary>Extraction throughput over documents already in memory (so the disk does not count).</summary>
internal sealed record ExtractionFigures(string Input, int Threads, int Documents, double Megabytes, double Seconds, double CpuSeconds, long Citations)
{
    /// <summary>Megabytes per second of CPU time the process used: what one core does, whatever else the machine runs.</summary>
    public double MegabytesPerCpuSecond => Megabytes / CpuSeconds;

    /// <summary>Documents per second of CPU time: the per-core figure that compares text with PDF.</summary>
    public double DocumentsPerCpuSecond => Documents / CpuSeconds;

    public double MegabytesPerSecond => Megabytes / Seconds;
    public double DocumentsPerSecond => Documents / Seconds;
    public double MegabytesPerSecondPerThread => MegabytesPerSecond / Threads;
}

internal static class ExtractionBench
{
    public static IReadOnlyList<(string Name, byte[] Content)> Load(IReadOnlyList<string> files) =>
        files.Select(f => (f, File.ReadAllBytes(f))).ToList();

    /// <summary>
    /// Extracts every input once on <paramref name="threads"/> threads (each with its own extractor), after
    /// <paramref name="warmUpPasses"/> uncounted passes over the inputs, each followed by a pause for the compiler.
    /// </summary>
    public static ExtractionFigures Run(string input, IReadOnlyList<(string Name, byte[] Content)> documents, int threads, int warmUpPasses = 1)
    {
        // Warm-up: JIT and regex construction are not throughput. Tiered compilation promotes hot methods to
        // optimised code only after many calls and a background compile, which lags far behind on a loaded
        // machine: twenty documents left the one-thread figure measuring mostly unoptimised code. So the
        // warm-up is a whole pass over the sample (a second, uncounted run), then a pause for the compiler.
        // Call counting starts only once the first pass stops compiling new methods, so a method's optimised code
        // arrives during the second pass at the earliest: over the 1,945 texts of shared/un-documents, with a pause after
        // each pass, the second and third passes ran at about half the speed of the fourth and later ones (12–14 and
        // 22 MB/s per core).
        var warm = new DocumentExtractor();
        for (var pass = 0; pass < warmUpPasses; pass++)
        {
            foreach (var (name, content) in documents) warm.Extract(name, content);
            Thread.Sleep(pass == 0 ? 500 : 1000);
        }

        long citations = 0;
        var cpu = CpuTime.Process();
        var start = Stopwatch.GetTimestamp();
        if (threads == 1)
        {
            var extractor = new DocumentExtractor();
            foreach (var (name, content) in documents) citations += CountCitations(extractor.Extract(name, content));
        }
        else
        {
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(0, documents.Count, Math.Max(1, documents.Count / (threads * 8))),
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => (Extractor: new DocumentExtractor(), Citations: 0L),
                (range, _, local) =>
                {
                    for (var i = range.Item1; i < range.Item2; i++) local.Citations += CountCitations(local.Extractor.Extract(documents[i].Name, documents[i].Content));
                    return local;
                },
                local => Interlocked.Add(ref citations, local.Citations));
        }
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpuSeconds = CpuTime.Process() - cpu;
        var megabytes = documents.Sum(d => (long)d.Content.Length) / 1e6;
        return new ExtractionFigures(input, threads, documents.Count, megabytes, seconds, cpuSeconds, citations);
    }

    private static long CountCitations(Graph.Model.GraphDocument document) =>
        document.Relationships.Count(r => r.Type == Graph.Model.RelationshipTypes.Cites);
}

/// <summary>CPU time used by this process, in seconds: unlike wall time, it does not grow when other work shares the cores.</summary>
internal static class CpuTime
{
    public static double Process()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }
}

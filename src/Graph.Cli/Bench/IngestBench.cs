using System.Diagnostics;
using System.Threading.Channels;
using Graph.Extraction;
using Graph.Model;
using Graph.Store.Embedded;

namespace Graph.Cli.Bench;

internal sealed record IngestFigures(
    int Documents, long Nodes, long Relationships, double Seconds, double ExtractSeconds, double WriteSeconds,
    long PeakWorkingSetBytes, long PeakHeapBytes, long LiveHeapBytes, long BaselineHeapBytes, long WorkingSetBytes, long StoreBytes)
{
    public double DocumentsPerSecond => Documents / Seconds;
    public double RelationshipsPerSecond => Relationships / Seconds;

    /// <summary>Heap the graph keeps (live heap after ingest minus before) per node: the whole graph's cost spread over its nodes.</summary>
    public double HeapBytesPerNode => (LiveHeapBytes - BaselineHeapBytes) / (double)Math.Max(1, Nodes);

    /// <summary>The same heap spread over relationships instead.</summary>
    public double HeapBytesPerRelationship => (LiveHeapBytes - BaselineHeapBytes) / (double)Math.Max(1, Relationships);
}

/// <summary>
/// Extraction and ingest as a pipeline: every core extracts documents from disk in parallel into a
/// bounded channel, one writer ingests them into the embedded store (the store has one writer anyway).
/// </summary>
internal static class IngestBench
{
    public static async Task<(EmbeddedGraphStore Store, IngestFigures Figures)> RunAsync(IReadOnlyList<string> files, string storeDirectory, Action<string> progress)
    {
        if (Directory.Exists(storeDirectory)) Directory.Delete(storeDirectory, recursive: true);
        var baseline = MemorySampler.LiveHeap();
        using var sampler = new MemorySampler();
        var store = EmbeddedGraphStore.Open(storeDirectory);
        var channel = Channel.CreateBounded<GraphDocument>(new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        long extractTicks = 0;
        var start = Stopwatch.GetTimestamp();
        var producer = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (file, ct) =>
                {
                    var begin = Stopwatch.GetTimestamp();
                    var document = Extractor.Value!.ExtractFile(file);
                    Interlocked.Add(ref extractTicks, Stopwatch.GetTimestamp() - begin);
                    await channel.Writer.WriteAsync(document, ct);
                });
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        });
        var documents = 0;
        var writeStart = 0L;
        long writeTicks = 0;
        await foreach (var document in channel.Reader.ReadAllAsync())
        {
            if (document.Nodes.Count == 0) continue;
            writeStart = Stopwatch.GetTimestamp();
            await store.IngestAsync(document);
            writeTicks += Stopwatch.GetTimestamp() - writeStart;
            if (++documents % 10_000 == 0) progress($"  ingested {documents} documents ({Stopwatch.GetElapsedTime(start).TotalSeconds:F0} s)");
        }
        await producer;
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var counts = await store.CountAsync();
        var live = MemorySampler.LiveHeap();
        var figures = new IngestFigures(
            documents, counts.Nodes, counts.Relationships, seconds,
            extractTicks / (double)Stopwatch.Frequency, writeTicks / (double)Stopwatch.Frequency,
            sampler.PeakWorkingSet, sampler.PeakHeap, live, baseline, MemorySampler.WorkingSet(), store.SizeOnDisk);
        return (store, figures);
    }

    private static readonly ThreadLocal<DocumentExtractor> Extractor = new(() => new DocumentExtractor());
}

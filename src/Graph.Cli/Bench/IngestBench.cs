using System.Diagnostics;
using System.Threading.Channels;
using Graph.Extraction;
using Graph.Model;
using Graph.Store.Embedded;

namespace Graph.Cli.Bench;

internal sealed record IngestFigures(
    int Documents, long Nodes, long Relationships, double Seconds, double CpuSeconds, double ExtractSeconds, double WriteSeconds,
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
/// bounded channel, one writer ingests them into the embedded store in batches (one transaction per batch).
/// </summary>
internal static class IngestBench
{
    /// <summary>Documents per SQLite transaction: large enough that commits stop mattering, small enough to keep memory flat.</summary>
    private const int BatchSize = 250;

    public static async Task<(EmbeddedGraphStore Store, IngestFigures Figures)> RunAsync(IReadOnlyList<string> files, string storeDirectory, Action<string> progress)
    {
        if (Directory.Exists(storeDirectory)) Directory.Delete(storeDirectory, recursive: true);
        var baseline = MemorySampler.LiveHeap();
        using var sampler = new MemorySampler();
        var store = EmbeddedGraphStore.Open(storeDirectory);
        var channel = Channel.CreateBounded<GraphDocument>(new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        long extractTicks = 0;
        var cpu = CpuTime.Process();
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
        long writeTicks = 0;
        var batch = new List<GraphDocument>(BatchSize);
        async Task WriteBatch()
        {
            var writeStart = Stopwatch.GetTimestamp();
            await store.IngestBatchAsync(batch);
            writeTicks += Stopwatch.GetTimestamp() - writeStart;
            var before = documents;
            documents += batch.Count;
            if (documents / 10_000 != before / 10_000) progress($"  ingested {documents} documents ({Stopwatch.GetElapsedTime(start).TotalSeconds:F0} s)");
            batch.Clear();
        }
        await foreach (var document in channel.Reader.ReadAllAsync())
        {
            if (document.Nodes.Count == 0) continue;
            batch.Add(document);
            if (batch.Count == BatchSize) await WriteBatch();
        }
        if (batch.Count > 0) await WriteBatch();
        await producer;
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpuSeconds = CpuTime.Process() - cpu;
        var counts = await store.CountAsync();
        var live = MemorySampler.LiveHeap();
        var figures = new IngestFigures(
            documents, counts.Nodes, counts.Relationships, seconds, cpuSeconds,
            extractTicks / (double)Stopwatch.Frequency, writeTicks / (double)Stopwatch.Frequency,
            sampler.PeakWorkingSet, sampler.PeakHeap, live, baseline, MemorySampler.WorkingSet(), store.SizeOnDisk);
        return (store, figures);
    }

    private static readonly ThreadLocal<DocumentExtractor> Extractor = new(() => new DocumentExtractor());
}

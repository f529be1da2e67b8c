using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Graph.Store.Embedded;

namespace Graph.Cli.Bench;

internal sealed record BenchOptions(
    IReadOnlyList<int> Sizes, string OutputDirectory, string WorkDirectory, int Seed, int ExtractionSample,
    bool Http, bool Ui, double Rate, TimeSpan HttpDuration, string? ServerDll, string Command)
{
    /// <summary>How many of the extraction documents are also set as PDFs (0: no PDF figures).</summary>
    public int PdfSample { get; init; } = 500;

    /// <summary>Measure extraction only: no ingest, services, Cypher, HTTP or UI.</summary>
    public bool ExtractionOnly { get; init; }

    /// <summary>A peer engine to compare with (<c>kuzu</c>): ingest, then only the side-by-side query table.</summary>
    public string? Peer { get; init; }

    /// <summary>Inputs per query in each of the peer comparison's interleaved runs.</summary>
    public int PeerRounds { get; init; } = 50;

    /// <summary>Reopen the store an earlier run left complete in the work folder instead of ingesting again (no ingest figures then).</summary>
    public bool ReuseStore { get; init; }
}

/// <summary>
/// Runs every measurement at each corpus size in turn: generate (or reuse) the corpus, ingest it
/// (memory and disk figures), time the services and Cypher in process, extraction throughput on one
/// and on all cores, then the server over the same store under HTTP load and the UI in Chromium.
/// </summary>
internal sealed class BenchRunner(BenchOptions options, TextWriter log)
{
    public async Task<BenchResults> RunAsync()
    {
        var results = new BenchResults { Command = options.Command, Started = DateTimeOffset.UtcNow, Machine = Machine(LoadAverage()) };
        var loadAtStart = LoadAverage();
        foreach (var size in options.Sizes)
        {
            var scale = new ScaleResult { Documents = size };
            results.Scales.Add(scale);
            // Results are written after every phase, so a long run stopped early still leaves its figures.
            await RunScaleAsync(scale, () =>
            {
                results.Machine = Machine(loadAtStart);
                results.Write(options.OutputDirectory);
            });
        }
        return results;
    }

    private async Task RunScaleAsync(ScaleResult scale, Action save)
    {
        var size = scale.Documents;
        var corpusDirectory = Path.Combine(options.WorkDirectory, $"corpus-{size}-seed{options.Seed}");
        var watch = Stopwatch.StartNew();
        if (!CorpusGenerator.TryOpen(corpusDirectory, size, options.Seed, out var corpus))
        {
            log.WriteLine($"[{size}] generating the corpus in {corpusDirectory}");
            corpus = CorpusGenerator.Generate(size, corpusDirectory, options.Seed);
            scale.GenerateSeconds = watch.Elapsed.TotalSeconds;
        }
        scale.CorpusMegabytes = corpus.Bytes / 1e6;
        scale.CorpusCitations = corpus.Citations;
        var files = CorpusGenerator.Files(corpusDirectory);

        if (options.ExtractionOnly)
        {
            MeasureExtraction(scale, files);
            save();
            return;
        }
        var storeDirectory = Path.Combine(options.WorkDirectory, $"store-{size}");
        // A marker written after a complete ingest and its snapshot: a store a stopped run left half written is never reused.
        var ingestedMarker = Path.Combine(storeDirectory, ".ingested");
        EmbeddedGraphStore store;
        if (options.ReuseStore && File.Exists(ingestedMarker))
        {
            watch.Restart();
            store = EmbeddedGraphStore.Open(storeDirectory);
            scale.Notes.Add($"Store reused from an earlier run's ingest, reopened from its {store.OpenedFrom} in {watch.Elapsed.TotalSeconds:F1} s (no ingest figures in this run).");
            log.WriteLine($"[{size}] {scale.Notes[^1]}");
        }
        else
        {
            log.WriteLine($"[{size}] ingest: {files.Count} files, {scale.CorpusMegabytes:F1} MB");
            (store, var ingest) = await IngestBench.RunAsync(files, storeDirectory, log.WriteLine);
            scale.Ingest = ingest;
            log.WriteLine($"[{size}] ingest: {ingest.Seconds:F1} s ({ingest.CpuSeconds:F1} CPU s), {ingest.DocumentsPerSecond:N0} documents/s, {ingest.RelationshipsPerSecond:N0} relationships/s; " +
                $"{ingest.Nodes:N0} nodes, {ingest.Relationships:N0} relationships; live heap {ingest.LiveHeapBytes / 1048576.0:F0} MiB, peak working set {ingest.PeakWorkingSetBytes / 1048576.0:F0} MiB, store {ingest.StoreBytes / 1048576.0:F0} MiB");
            await store.WriteSnapshotAsync();
            await File.WriteAllTextAsync(ingestedMarker, ingest.Documents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        save();
        QueryInputs inputs;
        var uiGraphs = new List<(int, JsonObject)>();
        await using (store)
        {
            inputs = QueryInputs.Draw(store.Graph, options.Seed);
            if (options.Peer is not null)
            {
                log.WriteLine($"[{size}] side by side with {options.Peer}: {options.PeerRounds} inputs per query, {PeerBench.Runs} interleaved runs");
                scale.Peer = await PeerBench.RunAsync(store.Graph, inputs, options.PeerRounds, options.Seed, options.WorkDirectory, log.WriteLine);
                save();
                return;
            }
            var (paragraphs, indexBytes) = store.SearchIndexSize();
            scale.Notes.Add($"Search index: {indexBytes / 1048576.0:F1} MiB over {paragraphs:N0} paragraphs and the named nodes, {indexBytes / (double)Math.Max(1, paragraphs):F0} B per indexed paragraph.");
            log.WriteLine($"[{size}] {scale.Notes[^1]}");
            log.WriteLine($"[{size}] services");
            scale.Services.AddRange(await QueryBench.RunServicesAsync(store, inputs));
            log.WriteLine($"[{size}] Cypher");
            scale.Cypher.AddRange(await QueryBench.RunCypherAsync(store, inputs));
            foreach (var f in scale.Services.Concat(scale.Cypher)) log.WriteLine($"  {f.Name}: p50 {f.P50:F2} ms, p99 {f.P99:F2} ms ({f.Samples} samples)");
            if (options.Ui)
            {
                foreach (var elements in new[] { 2000, 10000 }) uiGraphs.Add((elements, UiBench.Elements(store.Graph, inputs.Hubs, elements)));
            }
        }
        save();
        MemorySampler.LiveHeap();

        MeasureExtraction(scale, files);
        save();

        if (options.Http || options.Ui) await RunServerAsync(scale, storeDirectory, inputs, uiGraphs);
        save();
    }

    /// <summary>Extraction on one and on all cores: the text sample, then a subset of it set as PDFs.</summary>
    private void MeasureExtraction(ScaleResult scale, IReadOnlyList<string> files)
    {
        var size = scale.Documents;
        var loaded = ExtractionBench.Load(files.Take(options.ExtractionSample).ToList());
        log.WriteLine($"[{size}] extraction of {loaded.Count} text documents on 1 and {Environment.ProcessorCount} threads");
        scale.Extraction.Add(ExtractionBench.Run("text", loaded, 1));
        scale.Extraction.Add(ExtractionBench.Run("text", loaded, Environment.ProcessorCount));
        if (options.PdfSample > 0)
        {
            var pdfs = PdfCorpus.FromTexts(loaded, options.PdfSample);
            log.WriteLine($"[{size}] extraction of {pdfs.Count} of those documents as PDFs ({pdfs.Sum(p => (long)p.Content.Length) / 1e6:F1} MB) on 1 and {Environment.ProcessorCount} threads");
            scale.Extraction.Add(ExtractionBench.Run("pdf", pdfs, 1));
            scale.Extraction.Add(ExtractionBench.Run("pdf", pdfs, Environment.ProcessorCount));
        }
        foreach (var e in scale.Extraction) log.WriteLine($"  {e.Input} x{e.Threads}: {e.MegabytesPerSecond:F1} MB/s, {e.DocumentsPerSecond:N0} documents/s (wall); {e.MegabytesPerCpuSecond:F1} MB and {e.DocumentsPerCpuSecond:N0} documents per CPU-second");
    }

    private async Task RunServerAsync(ScaleResult scale, string storeDirectory, QueryInputs inputs, List<(int, JsonObject)> uiGraphs)
    {
        var dll = WebServer.TryFindServer(options.ServerDll);
        if (dll is null)
        {
            scale.Notes.Add("HTTP and UI not measured: Graph.Web.dll not found (build src/Graph.Web, or pass --server).");
            log.WriteLine(scale.Notes[^1]);
            return;
        }
        var emptyCorpus = Path.Combine(options.WorkDirectory, "empty-corpus");
        Directory.CreateDirectory(emptyCorpus);
        log.WriteLine($"[{scale.Documents}] starting the server ({dll})");
        await using var server = await WebServer.StartAsync(dll, storeDirectory, emptyCorpus, TimeSpan.FromMinutes(5));
        scale.ServerStartSeconds = server.StartSeconds;
        if (options.Http)
        {
            var paths = HttpBench.Paths(inputs);
            log.WriteLine($"[{scale.Documents}] HTTP at {options.Rate} requests/s for {options.HttpDuration.TotalSeconds:F0} s");
            scale.Http.Add(await HttpBench.OpenLoopAsync(server.BaseUrl, paths, options.Rate, options.HttpDuration));
            if (await HttpBench.WrkAsync(server.BaseUrl, paths, options.Rate, options.HttpDuration, options.WorkDirectory) is { } wrk) scale.Http.Add(wrk);
            else scale.Notes.Add("wrk is not installed (apt-get install wrk): only the open-loop generator ran.");
            foreach (var h in scale.Http) log.WriteLine($"  {h.Generator}: {h.AchievedRate:F0} req/s, p50 {h.P50:F1} ms, p99 {h.P99:F1} ms, {h.Errors} errors");
        }
        if (options.Ui && uiGraphs.Count > 0)
        {
            if (!File.Exists(UiBench.ChromiumPath))
            {
                scale.Notes.Add($"UI not measured: no Chromium at {UiBench.ChromiumPath}.");
                return;
            }
            log.WriteLine($"[{scale.Documents}] UI first render in headless Chromium");
            try
            {
                scale.Ui.AddRange(await UiBench.RunAsync(server.BaseUrl, uiGraphs, Path.Combine(options.WorkDirectory, $"ui-{scale.Documents}")));
                foreach (var u in scale.Ui) log.WriteLine($"  {u.RequestedElements} elements ({u.DrawnElements} drawn, {u.Renderer}): {u.Milliseconds:F0} ms ({u.MainThreadCpuMilliseconds:F0} ms main-thread CPU)");
            }
            catch (Microsoft.Playwright.PlaywrightException e)
            {
                scale.Notes.Add($"UI not measured: {e.Message.Split('\n')[0]}");
                log.WriteLine(scale.Notes[^1]);
            }
        }
    }

    private static MachineInfo Machine(string loadAtStart)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return new MachineInfo(cpu, Environment.ProcessorCount, memory, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, loadAtStart, LoadAverage());
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Graph.Cli.Bench;

/// <summary>The machine the figures were taken on, and how busy it was.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, double MemoryGiB, string Os, string Runtime, string LoadAverageAtStart, string LoadAverageAtEnd);

/// <summary>Everything measured at one corpus size.</summary>
internal sealed class ScaleResult
{
    public required int Documents { get; init; }
    public double CorpusMegabytes { get; set; }
    public long CorpusCitations { get; set; }
    public double GenerateSeconds { get; set; }
    public IngestFigures? Ingest { get; set; }
    public List<ExtractionFigures> Extraction { get; } = [];
    public List<LatencyFigures> Services { get; } = [];
    public List<LatencyFigures> Cypher { get; } = [];
    public double? ServerStartSeconds { get; set; }
    public List<HttpFigures> Http { get; } = [];
    public List<UiFigures> Ui { get; } = [];
    public PeerComparison? Peer { get; set; }
    public List<string> Notes { get; } = [];
}

internal sealed class BenchResults
{
    public required string Command { get; init; }
    public required DateTimeOffset Started { get; init; }
    public required MachineInfo Machine { get; set; }
    public List<ScaleResult> Scales { get; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        IgnoreReadOnlyProperties = false,
    };

    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "results.json"), JsonSerializer.Serialize(this, Json));
        File.WriteAllText(Path.Combine(directory, "results.md"), ToMarkdown());
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark results ({Started:yyyy-MM-dd HH:mm} UTC)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine.Cpu}, {Machine.Cores} cores, {Machine.MemoryGiB:F0} GiB, {Machine.Os}, {Machine.Runtime}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Load average (1, 5, 15 min) at start {Machine.LoadAverageAtStart}, at end {Machine.LoadAverageAtEnd}: other work shared the cores, so the figures are pessimistic.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Command: `{Command}`");
        foreach (var scale in Scales)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {scale.Documents:N0} documents");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Corpus: {scale.CorpusMegabytes:F1} MB of text, {scale.CorpusCitations:N0} planned citations (generated in {scale.GenerateSeconds:F1} s).");
            if (scale.Ingest is { } ingest)
            {
                md.AppendLine();
                md.AppendLine("| ingest (extract on all cores + one writer) | value |");
                md.AppendLine("| --- | --- |");
                Row(md, "documents", $"{ingest.Documents:N0}");
                Row(md, "nodes / relationships", $"{ingest.Nodes:N0} / {ingest.Relationships:N0}");
                Row(md, "wall time", $"{ingest.Seconds:F1} s (extraction busy {ingest.ExtractSeconds:F1} s summed over threads, writer busy {ingest.WriteSeconds:F1} s)");
                Row(md, "CPU time of the process", $"{ingest.CpuSeconds:F1} s (on {Environment.ProcessorCount} cores the run needs at least {ingest.CpuSeconds / Environment.ProcessorCount:F1} s of wall time)");
                Row(md, "documents/s", $"{ingest.DocumentsPerSecond:N0}");
                Row(md, "relationships/s", $"{ingest.RelationshipsPerSecond:N0}");
                Row(md, "peak working set / peak GC heap", $"{Mb(ingest.PeakWorkingSetBytes)} / {Mb(ingest.PeakHeapBytes)}");
                Row(md, "live heap after ingest (full GC) / working set", $"{Mb(ingest.LiveHeapBytes)} / {Mb(ingest.WorkingSetBytes)}");
                Row(md, "graph heap per node / per relationship", $"{ingest.HeapBytesPerNode:F0} B / {ingest.HeapBytesPerRelationship:F0} B (the whole graph's heap divided by each count)");
                Row(md, "store on disk (SQLite + WAL)", Mb(ingest.StoreBytes));
            }
            if (scale.Extraction.Count > 0)
            {
                md.AppendLine();
                md.AppendLine("| extraction | threads | documents | MB | wall s | MB/s (wall) | MB/s per thread (wall) | documents/s (wall) | CPU s | MB per CPU-second | documents per CPU-second |");
                md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
                foreach (var e in scale.Extraction)
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {e.Input} | {e.Threads} | {e.Documents:N0} | {e.Megabytes:F1} | {e.Seconds:F1} | {e.MegabytesPerSecond:F1} | {e.MegabytesPerSecondPerThread:F1} | {e.DocumentsPerSecond:N0} | {e.CpuSeconds:F1} | {e.MegabytesPerCpuSecond:F1} | {e.DocumentsPerCpuSecond:N0} |");
                if (scale.Extraction.Any(e => e.Input == "pdf"))
                    md.AppendLine().AppendLine("PDF rows: MB are of the PDF files; the PDFs are the first documents of the text sample set in Helvetica on A4 pages (PdfPig), read through PdfPig's text layer.");
            }
            if (scale.Peer is { } peer) PeerTable(md, peer);
            Latencies(md, "service (in process)", scale.Services);
            Latencies(md, "Cypher query (in process)", scale.Cypher);
            if (scale.Http.Count > 0)
            {
                md.AppendLine();
                if (scale.ServerStartSeconds is { } s) md.AppendLine(CultureInfo.InvariantCulture, $"Server start (load the store, first healthy answer): {s:F1} s.");
                md.AppendLine();
                md.AppendLine("| HTTP load generator | target req/s | achieved req/s | requests | errors | p50 ms | p99 ms | max ms |");
                md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
                foreach (var h in scale.Http)
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {h.Generator} | {h.TargetRate:F0} | {h.AchievedRate:F0} | {h.Requests:N0} | {h.Errors} | {h.P50:F1} | {h.P99:F1} | {h.Max:F1} |");
            }
            if (scale.Ui.Count > 0)
            {
                md.AppendLine();
                md.AppendLine("| UI first render | elements drawn | renderer | ms | main-thread CPU ms |");
                md.AppendLine("| --- | --- | --- | --- | --- |");
                foreach (var u in scale.Ui) md.AppendLine(CultureInfo.InvariantCulture, $"| {u.RequestedElements:N0} elements | {u.DrawnElements:N0} | {u.Renderer} | {u.Milliseconds:F0} | {u.MainThreadCpuMilliseconds:F0} |");
            }
            foreach (var note in scale.Notes) md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Note: {note}");
        }
        return md.ToString();
    }

    private static void Latencies(StringBuilder md, string title, List<LatencyFigures> figures)
    {
        if (figures.Count == 0) return;
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| {title} | samples | p50 ms | p99 ms | mean ms | max ms |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var f in figures)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name} | {f.Samples} | {f.P50:F2} | {f.P99:F2} | {f.Mean:F2} | {f.Max:F2} |");
    }

    private static void PeerTable(StringBuilder md, PeerComparison peer)
    {
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Side by side with {peer.Peer} {peer.PeerVersion} (Node.js bindings) on the same {peer.Documents:N0} documents and {peer.Cites:N0} CITES relationships, " +
            $"exported as CSV in {peer.ExportSeconds:F1} s and loaded by COPY FROM in {peer.PeerLoadSeconds:F1} s; the same {peer.Rounds} inputs per query in each of {peer.Runs} interleaved runs, after a warm-up of 3.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| query | {peer.Peer} p50 / p99 ms | ours in process p50 / p99 ms | ratio p50 (ours/{peer.Peer}) | ratio p99 | answers agree |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var q in peer.Queries)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {q.Name} | {Ms(q.Peer.P50)} / {Ms(q.Peer.P99)} | {Ms(q.Ours.P50)} / {Ms(q.Ours.P99)} | {Ratio(q.RatioP50)} | {Ratio(q.RatioP99)} | {q.Agreed}/{q.Answers} |");
        md.AppendLine();
        md.AppendLine("| query | ours | Kuzu |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var q in peer.Queries) md.AppendLine(CultureInfo.InvariantCulture, $"| {q.Name} | `{q.OursQuery}` | `{q.PeerQuery}` |");
    }

    /// <summary>Three significant figures at most, without an exponent.</summary>
    private static string Ms(double ms) => ms.ToString(ms >= 100 ? "F0" : ms >= 10 ? "F1" : ms >= 1 ? "F2" : "F3", CultureInfo.InvariantCulture);

    private static string Ratio(double ratio) => ratio.ToString(ratio >= 10 ? "F0" : ratio >= 0.1 ? "F2" : "F3", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder md, string name, string value) => md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MiB");
}

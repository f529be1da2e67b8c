using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Cypher;
using Graph.Model;
using Graph.Store;
using Graph.Store.Memory;

namespace Graph.Cli.Bench;

/// <summary>One row of the side-by-side table: both engines' latencies for one query, and whether their answers agreed.</summary>
internal sealed record PeerFigures(string Name, LatencyFigures Peer, LatencyFigures Ours, int Answers, int Agreed, string OursQuery, string PeerQuery)
{
    /// <summary>Our p50 over the peer's: below 1 we are faster.</summary>
    public double RatioP50 => Ours.P50 / Peer.P50;

    public double RatioP99 => Ours.P99 / Peer.P99;
}

/// <summary>What the peer comparison measured at one size.</summary>
internal sealed class PeerComparison
{
    public required string Peer { get; init; }
    public required string PeerVersion { get; init; }
    public int Runs { get; init; }
    public int Rounds { get; init; }
    public long Documents { get; init; }
    public long Cites { get; init; }
    public double ExportSeconds { get; init; }
    public double PeerLoadSeconds { get; init; }
    public List<PeerFigures> Queries { get; } = [];
}

/// <summary>
/// <c>graph bench --peer kuzu</c>: the documents and CITES relationships of the ingested corpus exported as CSV,
/// loaded into Kuzu by bench/kuzu/peer.mjs, and the <see cref="PeerQueries"/> timed on both engines with the same
/// inputs in interleaved runs (peer, ours, peer, ours, …), so load on the machine falls on both alike.
/// </summary>
internal static class PeerBench
{
    public const int Runs = 3;
    private const int Warmup = 3;

    public static async Task<PeerComparison> RunAsync(MemoryGraph graph, QueryInputs inputs, int rounds, int seed, string workDirectory, Action<string> log)
    {
        var harness = KuzuPeer.TryFindHarness()
            ?? throw new InvalidOperationException("bench/kuzu/peer.mjs not found: run graph bench --peer kuzu from the repository.");
        await KuzuPeer.EnsureInstalledAsync(harness, log);
        var folder = Path.Combine(workDirectory, "peer-kuzu");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (documents, cites) = PeerExport.Write(graph, folder);
        var exportSeconds = watch.Elapsed.TotalSeconds;
        log($"  exported {documents:N0} documents and {cites:N0} CITES to {folder} in {exportSeconds:F1} s");

        var parameters = PeerQueries.All.Select(q => Parameters(q.Input, graph, inputs, rounds, seed)).ToList();
        WriteQueryFile(folder, parameters);

        await using var peer = await KuzuPeer.StartAsync(harness, folder, TimeSpan.FromMinutes(30));
        log($"  Kuzu loaded {peer.Documents:N0} documents and {peer.Cites:N0} CITES in {peer.LoadSeconds:F1} s");
        if (peer.Documents != documents || peer.Cites != cites)
            throw new InvalidOperationException($"Kuzu loaded {peer.Documents} documents and {peer.Cites} CITES, but {documents} and {cites} were exported.");

        // Kuzu answers every row; so must we, or a hub's cited-by set at a million documents stops at the server's row cap.
        var engine = new CypherEngine(graph, new CypherOptions { ReadOnly = true, MaxRows = int.MaxValue });
        var peerMs = PeerQueries.All.Select(_ => new List<double>()).ToList();
        var oursMs = PeerQueries.All.Select(_ => new List<double>()).ToList();
        var peerAnswers = new List<string[]>();
        var oursAnswers = new List<string[]>();
        for (var run = 0; run < Runs; run++)
        {
            log($"  run {run + 1} of {Runs}: Kuzu");
            var peerRun = await peer.RunAsync(TimeSpan.FromHours(2));
            log($"  run {run + 1} of {Runs}: ours");
            for (var i = 0; i < PeerQueries.All.Count; i++)
            {
                peerMs[i].AddRange(peerRun.Queries[i].Milliseconds);
                var (ms, answers) = TimeOurs(engine, PeerQueries.All[i].Ours, parameters[i]);
                oursMs[i].AddRange(ms);
                if (run == 0)
                {
                    peerAnswers.Add(peerRun.Queries[i].Answers);
                    oursAnswers.Add(answers);
                }
            }
        }

        var comparison = new PeerComparison
        {
            Peer = "kuzu", PeerVersion = PeerVersion(harness), Runs = Runs, Rounds = rounds, Documents = documents, Cites = cites,
            ExportSeconds = exportSeconds, PeerLoadSeconds = peer.LoadSeconds,
        };
        for (var i = 0; i < PeerQueries.All.Count; i++)
        {
            var q = PeerQueries.All[i];
            var agreed = peerAnswers[i].Zip(oursAnswers[i]).Count(p => p.First == p.Second);
            comparison.Queries.Add(new PeerFigures(q.Name, LatencyFigures.From(q.Name, peerMs[i]), LatencyFigures.From(q.Name, oursMs[i]),
                oursAnswers[i].Length, agreed, q.Ours, q.Kuzu));
            var f = comparison.Queries[^1];
            log($"  {q.Name}: Kuzu p50 {f.Peer.P50:F2} / p99 {f.Peer.P99:F2} ms, ours p50 {f.Ours.P50:F2} / p99 {f.Ours.P99:F2} ms, ratio p50 {f.RatioP50:F2}; answers agree {agreed}/{f.Answers}");
            if (agreed < f.Answers)
            {
                var first = peerAnswers[i].Zip(oursAnswers[i], parameters[i]).First(t => t.First != t.Second);
                log($"    first disagreement: {JsonSerializer.Serialize(first.Third)}: Kuzu {first.First}, ours {first.Second}");
            }
        }
        return comparison;
    }

    /// <summary>Our answer in the peer's terms: a lone value as text, otherwise the number of rows.</summary>
    public static string Answer(CypherResult result) =>
        result.Rows.Count == 1 && result.Columns.Count == 1
            ? Convert.ToString(result.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture) ?? "null"
            : $"rows:{result.Rows.Count}";

    private static (double[] Milliseconds, string[] Answers) TimeOurs(CypherEngine engine, string query, IReadOnlyList<Dictionary<string, object?>> parameters)
    {
        for (var w = 0; w < Math.Min(Warmup, parameters.Count); w++) engine.Execute(query, parameters[w]);
        // The garbage of what ran before the pass (the export, the answers kept, earlier passes) is collected outside the
        // timing, as a process with no collector starts each pass clean: a blocking collection of the whole graph's heap
        // (this tool runs without background collection) inside a pass would be timed as one query's latency. The pass's
        // own garbage is still collected, and timed, as it comes.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        // For the pass, the collector works as an interactive process's would: this batch tool turns background collection
        // off (for extraction's throughput), so a full collection would stop the query it fell in; in low-latency mode
        // the pass's garbage is still collected, by young-generation collections only.
        var latency = System.Runtime.GCSettings.LatencyMode;
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.LowLatency;
        var ms = new double[parameters.Count];
        var answers = new string[parameters.Count];
        try
        {
            for (var k = 0; k < parameters.Count; k++)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                var result = engine.Execute(query, parameters[k]);
                ms[k] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                answers[k] = Answer(result);
            }
        }
        finally
        {
            System.Runtime.GCSettings.LatencyMode = latency;
        }
        return (ms, answers);
    }

    /// <summary>The same <paramref name="rounds"/> parameter sets for both engines, drawn with a fixed seed.</summary>
    public static List<Dictionary<string, object?>> Parameters(PeerInput input, MemoryGraph graph, QueryInputs inputs, int rounds, int seed)
    {
        var random = new Random(seed * 31 + (int)input);
        var documents = inputs.Documents;
        string Any() => documents[random.Next(documents.Count)];
        var list = new List<Dictionary<string, object?>>(rounds);
        for (var k = 0; k < rounds; k++)
        {
            list.Add(input switch
            {
                PeerInput.Document => new() { ["id"] = k % 10 == 0 && inputs.Hubs.Count > 0 ? inputs.Hubs[k / 10 % inputs.Hubs.Count] : documents[k % documents.Count] },
                PeerInput.RandomPair => RandomPair(Any),
                PeerInput.CoCitedPair => CoCitedPair(graph, Any),
                _ => new(),
            });
        }
        return list;
    }

    private static Dictionary<string, object?> RandomPair(Func<string> any)
    {
        var a = any();
        var b = any();
        while (b == a) b = any();
        return new() { ["a"] = a, ["b"] = b };
    }

    /// <summary>Two documents some document cites, so the co-citation query has an answer to find.</summary>
    private static Dictionary<string, object?> CoCitedPair(MemoryGraph graph, Func<string> any)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (!graph.TryGetNodeId(any(), out var citing)) continue;
            var cited = graph.GetRelationships(citing, Direction.Outgoing, [RelationshipTypes.Cites])
                .Select(r => graph.TryGetNode(r.EndId, out var n) && n.HasLabel(Labels.Document) ? n.Key : null)
                .OfType<string>().Distinct().ToList();
            if (cited.Count >= 2) return new() { ["a"] = cited[0], ["b"] = cited[^1] };
        }
        return RandomPair(any);
    }

    private static void WriteQueryFile(string folder, List<List<Dictionary<string, object?>>> parameters)
    {
        var queries = new JsonArray();
        for (var i = 0; i < PeerQueries.All.Count; i++)
        {
            queries.Add(new JsonObject
            {
                ["name"] = PeerQueries.All[i].Name,
                ["cypher"] = PeerQueries.All[i].Kuzu,
                ["warmup"] = Warmup,
                ["inputs"] = JsonSerializer.SerializeToNode(parameters[i]),
            });
        }
        File.WriteAllText(Path.Combine(folder, "queries.json"), new JsonObject { ["queries"] = queries }.ToJsonString());
    }

    private static string PeerVersion(string harness)
    {
        var manifest = Path.Combine(harness, "node_modules", "kuzu", "package.json");
        return File.Exists(manifest) ? JsonNode.Parse(File.ReadAllText(manifest))?["version"]?.GetValue<string>() ?? "unknown" : "unknown";
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Graph.Cypher;
using Graph.Model;
using Graph.Store;
using Graph.Store.Embedded;
using Graph.Store.Memory;

namespace Graph.Cli.Bench;

/// <summary>
/// One Cypher row of <c>graph bench cypher</c>: the query's latency, its target, and, where there is one, the
/// same question answered by the explorer's service (or by hand over the adjacency) timed on the same inputs.
/// </summary>
internal sealed record CypherBenchRow(
    string Name, string Query, LatencyFigures Cypher, string Target, bool Met,
    string? BaselineName = null, LatencyFigures? Baseline = null, int Answers = 0, int Agreed = 0)
{
    /// <summary>Cypher's p50 over the baseline's: the issue asks for co-citation within 2.</summary>
    public double? RatioP50 => Baseline is null ? null : Cypher.P50 / Baseline.P50;

    public double? RatioP99 => Baseline is null ? null : Cypher.P99 / Baseline.P99;
}

/// <summary>What <c>graph bench cypher</c> measured at one corpus size.</summary>
internal sealed class CypherBenchScale
{
    public int Documents { get; init; }
    public long Nodes { get; init; }
    public long Relationships { get; init; }
    public long Paragraphs { get; init; }
    public string Store { get; init; } = "";
    public string LoadAtStart { get; init; } = "";
    public string LoadAtEnd { get; set; } = "";
    public List<CypherBenchRow> Rows { get; } = [];
}

/// <summary>
/// <c>graph bench cypher</c>: the three Cypher figures the engine is held to on a generated corpus: a
/// <c>shortestPath</c> between random documents (p99 under 20 ms), <c>ORDER BY … LIMIT 10</c> over every
/// paragraph (under 0.5 s), and co-citation counts grouped (within twice the time of the same question
/// answered without Cypher). The explorer has no co-citation service, so that baseline is the best
/// hand-written computation over the store's adjacency lists (<see cref="CoCitedByHand"/>). Cypher and its
/// baseline run input by input in turn, so load on a shared machine falls on both alike, and their answers
/// are compared input by input. Which of the two goes first alternates from input to input: the second to read
/// an input finds its nodes and adjacency lists in the processor's caches, which on a sub-millisecond query
/// was worth more than twice the first one's time. The corpus and the store are reused from the work folder when present.
/// </summary>
internal static class CypherBench
{
    private const int Warmup = 3;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public const string ShortestAny =
        "MATCH (a:Document {id: $a}), (b:Document {id: $b}) MATCH p = shortestPath((a)-[*]-(b)) RETURN length(p) AS hops";

    public const string ShortestCites =
        "MATCH (a:Document {id: $a}), (b:Document {id: $b}) MATCH p = shortestPath((a)-[:CITES*]-(b)) RETURN length(p) AS hops";

    public const string TopParagraphs =
        "MATCH (p:Paragraph) RETURN p.id AS id, p.ordinal AS ordinal ORDER BY ordinal DESC, id LIMIT 10";

    public const string CoCitation =
        "MATCH (a:Document {id: $id})<-[:CITES]-(x:Document)-[:CITES]->(b:Document) WHERE b <> a " +
        "RETURN b.id AS id, count(x) AS together ORDER BY together DESC, id LIMIT 10";

    public static async Task<CypherBenchScale> RunAsync(int size, int seed, int rounds, string workDirectory, Action<string> log)
    {
        var corpusDirectory = Path.Combine(workDirectory, $"corpus-{size}-seed{seed}");
        if (!CorpusGenerator.TryOpen(corpusDirectory, size, seed, out _))
        {
            log($"[{size}] generating the corpus in {corpusDirectory}");
            CorpusGenerator.Generate(size, corpusDirectory, seed);
        }
        var storeDirectory = Path.Combine(workDirectory, $"store-cypher-{size}-seed{seed}");
        EmbeddedGraphStore store;
        string how;
        if (File.Exists(Path.Combine(storeDirectory, ".ingested")))
        {
            var watch = Stopwatch.StartNew();
            store = EmbeddedGraphStore.Open(storeDirectory);
            how = $"reopened ({(store.OpenedFromSnapshot ? "from its snapshot" : "by replay")}, {watch.Elapsed.TotalSeconds:F1} s)";
        }
        else
        {
            var files = CorpusGenerator.Files(corpusDirectory);
            log($"[{size}] ingest: {files.Count} files into {storeDirectory}");
            (store, var figures) = await IngestBench.RunAsync(files, storeDirectory, log);
            await store.WriteSnapshotAsync();
            await File.WriteAllTextAsync(Path.Combine(storeDirectory, ".ingested"), figures.Documents.ToString(CultureInfo.InvariantCulture));
            how = $"ingested ({figures.Seconds:F1} s)";
        }
        await using (store)
        {
            var graph = store.Graph;
            var scale = new CypherBenchScale
            {
                Documents = size, Nodes = graph.NodeCount, Relationships = graph.RelationshipCount,
                Paragraphs = graph.CountNodesWithLabel(Labels.Paragraph), Store = how, LoadAtStart = LoadAverage(),
            };
            log($"[{size}] store {how}: {scale.Nodes:N0} nodes, {scale.Relationships:N0} relationships, {scale.Paragraphs:N0} paragraphs; load average {scale.LoadAtStart}");
            var inputs = QueryInputs.Draw(graph, seed);
            var engine = new CypherEngine(graph, new CypherOptions { ReadOnly = true });
            var services = store.CreateServices();
            var pairs = RandomPairs(inputs, rounds, seed);

            scale.Rows.Add(await ShortestPathAsync("shortestPath between random documents, any relationship, unbounded", ShortestAny, null, engine, services, pairs));
            log(Describe(scale.Rows[^1]));
            scale.Rows.Add(await ShortestPathAsync("shortestPath between random documents, CITES either way, unbounded", ShortestCites, [RelationshipTypes.Cites], engine, services, pairs));
            log(Describe(scale.Rows[^1]));

            var top = await Latency.MeasureAsync("ORDER BY … LIMIT 10 over all paragraphs", Enumerable.Range(0, 20).ToList(),
                _ => { engine.Execute(TopParagraphs); return ValueTask.CompletedTask; }, Budget, warmup: 2, note: TopParagraphs);
            scale.Rows.Add(new CypherBenchRow(top.Name, TopParagraphs, top, "p99 < 500 ms", top.P99 < 500));
            log(Describe(scale.Rows[^1]));

            scale.Rows.Add(CoCitationRow(graph, engine, inputs, rounds));
            log(Describe(scale.Rows[^1]));
            scale.LoadAtEnd = LoadAverage();
            return scale;
        }
    }

    private static List<(string A, string B)> RandomPairs(QueryInputs inputs, int rounds, int seed)
    {
        var random = new Random(seed * 17 + 3);
        var documents = inputs.Documents;
        var pairs = new List<(string, string)>(rounds);
        while (pairs.Count < rounds)
        {
            var a = documents[random.Next(documents.Count)];
            var b = documents[random.Next(documents.Count)];
            if (a != b) pairs.Add((a, b));
        }
        return pairs;
    }

    /// <summary>Cypher's <c>shortestPath</c> and the explorer's path service, input by input in turn; the hop counts compared.</summary>
    private static async Task<CypherBenchRow> ShortestPathAsync(
        string name, string query, string[]? types, CypherEngine engine, GraphServices services, List<(string A, string B)> pairs)
    {
        Dictionary<string, object?> Parameters((string A, string B) p) => new() { ["a"] = p.A, ["b"] = p.B };
        for (var w = 0; w < Math.Min(Warmup, pairs.Count); w++)
        {
            engine.Execute(query, Parameters(pairs[w]));
            await services.Paths.TryFindShortestPathAsync(pairs[w].A, pairs[w].B, types);
        }
        var cypherMs = new List<double>();
        var serviceMs = new List<double>();
        var agreed = 0;
        var begin = Stopwatch.GetTimestamp();
        foreach (var pair in pairs)
        {
            if (cypherMs.Count >= 10 && Stopwatch.GetElapsedTime(begin) > Budget) break;
            GraphData? path = null;
            var serviceFirst = cypherMs.Count % 2 == 1;
            if (serviceFirst) path = await TimedPathAsync(services, pair, types, serviceMs);
            var start = Stopwatch.GetTimestamp();
            var result = engine.Execute(query, Parameters(pair));
            cypherMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!serviceFirst) path = await TimedPathAsync(services, pair, types, serviceMs);
            var cypherHops = result.Rows.Count == 0 ? "none" : Convert.ToString(result.Rows[0][0], CultureInfo.InvariantCulture);
            var serviceHops = path is null || path.Nodes.Count == 0 ? "none" : path.Relationships.Count.ToString(CultureInfo.InvariantCulture);
            if (cypherHops == serviceHops) agreed++;
        }
        var cypher = LatencyFigures.From(name, cypherMs, query);
        return new CypherBenchRow(name, query, cypher, "p99 < 20 ms", cypher.P99 < 20,
            "the explorer's path service", LatencyFigures.From(name, serviceMs), cypherMs.Count, agreed);
    }

    private static async Task<GraphData?> TimedPathAsync(GraphServices services, (string A, string B) pair, string[]? types, List<double> serviceMs)
    {
        var start = Stopwatch.GetTimestamp();
        var path = await services.Paths.TryFindShortestPathAsync(pair.A, pair.B, types);
        serviceMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return path;
    }

    /// <summary>Co-citation counts for one document in Cypher and by hand, input by input in turn; the top tens compared.</summary>
    private static CypherBenchRow CoCitationRow(MemoryGraph graph, CypherEngine engine, QueryInputs inputs, int rounds)
    {
        const string name = "co-citation counts of a document, grouped (1 in 10 a most-cited one)";
        var ids = Enumerable.Range(0, rounds)
            .Select(k => k % 10 == 0 && inputs.Hubs.Count > 0 ? inputs.Hubs[k / 10 % inputs.Hubs.Count] : inputs.Documents[k % inputs.Documents.Count])
            .ToList();
        for (var w = 0; w < Math.Min(Warmup, ids.Count); w++)
        {
            engine.Execute(CoCitation, new Dictionary<string, object?> { ["id"] = ids[w] });
            CoCitedByHand(graph, ids[w], 10);
        }
        var cypherMs = new List<double>();
        var handMs = new List<double>();
        var agreed = 0;
        var begin = Stopwatch.GetTimestamp();
        foreach (var id in ids)
        {
            if (cypherMs.Count >= 10 && Stopwatch.GetElapsedTime(begin) > Budget) break;
            List<(string Id, long Together)> byHand = [];
            var handFirst = cypherMs.Count % 2 == 1;
            if (handFirst) byHand = TimedByHand(graph, id, handMs);
            var start = Stopwatch.GetTimestamp();
            var result = engine.Execute(CoCitation, new Dictionary<string, object?> { ["id"] = id });
            cypherMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!handFirst) byHand = TimedByHand(graph, id, handMs);
            var cypherAnswer = string.Join(";", result.Rows.Select(r => $"{r[0]}={Convert.ToString(r[1], CultureInfo.InvariantCulture)}"));
            var handAnswer = string.Join(";", byHand.Select(p => $"{p.Id}={p.Together}"));
            if (cypherAnswer == handAnswer) agreed++;
        }
        var cypher = LatencyFigures.From(name, cypherMs, CoCitation);
        var hand = LatencyFigures.From(name, handMs);
        return new CypherBenchRow(name, CoCitation, cypher, "within 2× of the same question without Cypher", cypher.P50 <= 2 * hand.P50 && cypher.P99 <= 2 * hand.P99,
            "by hand over the adjacency lists (no explorer service answers co-citation)", hand, cypherMs.Count, agreed);
    }

    private static List<(string Id, long Together)> TimedByHand(MemoryGraph graph, string id, List<double> handMs)
    {
        var start = Stopwatch.GetTimestamp();
        var byHand = CoCitedByHand(graph, id, 10);
        handMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return byHand;
    }

    /// <summary>
    /// The documents cited together with <paramref name="id"/> and how often, top <paramref name="limit"/> by count
    /// then id: the citing documents read from the incoming CITES, each one's outgoing CITES counted per cited
    /// document. This is what the Cypher query computes, written the fastest plain way over the store's API.
    /// </summary>
    public static List<(string Id, long Together)> CoCitedByHand(MemoryGraph graph, string id, int limit)
    {
        if (!graph.TryGetNodeId(id, out var target)) return [];
        var counts = new Dictionary<long, long>();
        foreach (var citing in graph.OtherEndIds(target, Direction.Incoming, RelationshipTypes.Cites))
        {
            if (!graph.NodeHasLabel(citing, Labels.Document)) continue;
            foreach (var cited in graph.OtherEndIds(citing, Direction.Outgoing, RelationshipTypes.Cites))
            {
                if (cited == target || !graph.NodeHasLabel(cited, Labels.Document)) continue;
                counts[cited] = counts.GetValueOrDefault(cited) + 1;
            }
        }
        return counts
            .Select(c => (Id: graph.TryGetNode(c.Key, out var node) ? node.Key ?? "" : "", Together: c.Value))
            .OrderByDescending(c => c.Together).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(limit).ToList();
    }

    private static string Describe(CypherBenchRow row)
    {
        var line = $"  {row.Name}: p50 {row.Cypher.P50:F2} ms, p99 {row.Cypher.P99:F2} ms ({row.Cypher.Samples} samples); target {row.Target}: {(row.Met ? "met" : "MISSED")}";
        if (row.Baseline is { } b)
            line += $"\n    {row.BaselineName}: p50 {b.P50:F2} ms, p99 {b.P99:F2} ms; Cypher/baseline p50 {row.RatioP50:F2}, p99 {row.RatioP99:F2}; answers agree {row.Agreed}/{row.Answers}";
        return line;
    }

    public static string ToMarkdown(IReadOnlyList<CypherBenchScale> scales, string command, string machine)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("# graph bench cypher").AppendLine();
        md.AppendLine(c, $"`{command}` on {machine}.").AppendLine();
        foreach (var s in scales)
        {
            md.AppendLine(c, $"## {s.Documents:N0} documents").AppendLine();
            md.AppendLine(c, $"{s.Nodes:N0} nodes, {s.Relationships:N0} relationships, {s.Paragraphs:N0} paragraphs; store {s.Store}; load average {s.LoadAtStart} at the start, {s.LoadAtEnd} at the end.").AppendLine();
            md.AppendLine("| query | Cypher p50 / p99 ms | target | met | baseline | baseline p50 / p99 ms | ratio p50 / p99 | answers agree |");
            md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var r in s.Rows)
            {
                var baseline = r.Baseline is { } b ? $"{b.P50:F2} / {b.P99:F2}" : "";
                var ratio = r.Baseline is null ? "" : $"{r.RatioP50:F2} / {r.RatioP99:F2}";
                var agree = r.Baseline is null ? "" : $"{r.Agreed}/{r.Answers}";
                md.AppendLine(c, $"| {r.Name} ({r.Cypher.Samples} samples) | {r.Cypher.P50:F2} / {r.Cypher.P99:F2} | {r.Target} | {(r.Met ? "yes" : "no")} | {r.BaselineName} | {baseline} | {ratio} | {agree} |");
            }
            md.AppendLine();
        }
        md.AppendLine("Queries:").AppendLine();
        foreach (var r in scales.FirstOrDefault()?.Rows ?? []) md.AppendLine(c, $"- {r.Name}: `{r.Query}`");
        return md.ToString();
    }

    public static void Write(string directory, IReadOnlyList<CypherBenchScale> scales, string command, string machine)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "results.md"), ToMarkdown(scales, command, machine));
        var json = JsonSerializer.Serialize(new { command, machine, scales }, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
        File.WriteAllText(Path.Combine(directory, "results.json"), json);
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

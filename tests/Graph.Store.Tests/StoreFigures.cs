using System.Diagnostics;
using Graph.Store.Embedded;
using Graph.Store.Memory;

namespace Graph.Store.Tests;

/// <summary>
/// Figures, not tests: printed, never asserted against a time. Run on purpose, after building, with
/// <c>dotnet tests/Graph.Store.Tests/bin/Debug/net10.0/Graph.Store.Tests.dll -class "*StoreFigures*" -explicit only -showLiveOutput</c>.
/// </summary>
public sealed class StoreFigures
{
    [Fact(Explicit = true)]
    public void MemoryGraphAtOneHundredThousandDocumentsAndOneMillionRelationships()
    {
        var before = Allocated();
        var clock = Stopwatch.StartNew();
        using var graph = new MemoryGraph();
        const int Documents = 100_000, ParagraphsPerDocument = 4;
        var documentIds = new long[Documents];
        var relationships = 0L;
        for (var d = 0; d < Documents; d++)
        {
            var symbol = $"A/RES/{d / 300}/{d % 300}";
            documentIds[d] = graph.CreateNode(["Document", "Resolution"], new Dictionary<string, object?>
            {
                ["id"] = symbol, ["symbol"] = symbol, ["body"] = "General Assembly", ["kind"] = "resolution",
                ["title"] = $"Cooperation between the United Nations and organization {d % 500}", ["session"] = (long)(d / 300),
                ["year"] = 1946L + d / 300, ["adoptionDate"] = "2022-11-21", ["source"] = symbol,
            });
            for (var p = 1; p <= ParagraphsPerDocument; p++)
            {
                var paragraph = graph.CreateNode(["Paragraph"], new Dictionary<string, object?>
                {
                    ["id"] = $"{symbol}#op{p}", ["kind"] = "operative", ["ordinal"] = (long)p, ["number"] = $"{p}",
                    ["text"] = $"Requests the Secretary-General to submit to the General Assembly at its session {d} a report on the implementation of the present resolution, paragraph {p};",
                    ["source"] = symbol, ["spanStart"] = (long)p * 200, ["spanEnd"] = (long)p * 200 + 180,
                });
                graph.CreateRelationship("HAS_PARAGRAPH", documentIds[d], paragraph, new Dictionary<string, object?> { ["ordinal"] = (long)p });
                relationships++;
                if (d > 0)
                {
                    graph.CreateRelationship("CITES", paragraph, documentIds[(d * 7 + p) % d], new Dictionary<string, object?>
                    {
                        ["via"] = "inline", ["source"] = symbol, ["spanStart"] = (long)p * 200, ["spanEnd"] = (long)p * 200 + 12,
                    });
                    relationships++;
                }
            }
            if (d > 0)
            {
                graph.CreateRelationship("CITES", documentIds[d], documentIds[(d * 7) % d], new Dictionary<string, object?> { ["count"] = 1L });
                graph.CreateRelationship("SUCCEEDS", documentIds[d], documentIds[d - 1]);
                relationships += 2;
            }
        }
        clock.Stop();
        var bytes = Allocated() - before;
        TestContext.Current.TestOutputHelper!.WriteLine(
            $"MemoryGraph: {graph.NodeCount:N0} nodes, {graph.RelationshipCount:N0} relationships ({relationships:N0} created), " +
            $"{bytes / 1024.0 / 1024.0:F0} MiB managed heap, built in {clock.Elapsed.TotalSeconds:F1} s");
        GC.KeepAlive(graph);
    }

    [Fact(Explicit = true)]
    public async Task EmbeddedStoreIngestAndOpen()
    {
        using var directory = new TemporaryDirectory();
        var corpus = SyntheticCorpus.Create(1000, paragraphs: 20);
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await using (var store = EmbeddedGraphStore.Open(directory.Path))
        {
            foreach (var document in corpus) await store.IngestAsync(document, TestContext.Current.CancellationToken);
            clock.Stop();
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var counts = await store.CountAsync(TestContext.Current.CancellationToken);
            TestContext.Current.TestOutputHelper!.WriteLine(
                $"Ingest: {corpus.Count} documents ({counts.Nodes:N0} nodes, {counts.Relationships:N0} relationships) in {clock.Elapsed.TotalSeconds:F1} s " +
                $"= {corpus.Count / clock.Elapsed.TotalSeconds:F0} documents/s ({corpus.Count / cpuSeconds:F0} per CPU second); {store.SizeOnDisk / 1024.0 / 1024.0:F1} MiB on disk");
        }
        clock.Restart();
        await using (var reopened = EmbeddedGraphStore.Open(directory.Path))
            TestContext.Current.TestOutputHelper!.WriteLine($"Open (rebuild memory from SQLite): {clock.Elapsed.TotalMilliseconds:F0} ms for {reopened.Graph.NodeCount:N0} nodes, {reopened.Graph.RelationshipCount:N0} relationships");
    }

    private static long Allocated()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

using Graph.Cli.Bench;
using Graph.Cypher;

namespace Graph.Cli.Tests;

/// <summary>
/// The .NET half of <c>graph bench --peer kuzu</c> over a small generated corpus, without Node: every query of the
/// peer set runs on our engine with the inputs the bench draws, and the exported CSVs have the columns
/// bench/kuzu/peer.mjs declares its tables with.
/// </summary>
public sealed class PeerBenchTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "graph-peer-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task EveryPeerQueryRunsOnOurEngineAndTheExportMatchesThePeerScript()
    {
        var corpus = CorpusGenerator.Generate(150, Path.Combine(_root, "corpus"), seed: 5);
        var (store, _) = await IngestBench.RunAsync(CorpusGenerator.Files(corpus.Directory), Path.Combine(_root, "store"), _ => { });
        await using var _store = store;
        var inputs = QueryInputs.Draw(store.Graph, seed: 5);
        var engine = new CypherEngine(store.Graph, new CypherOptions { ReadOnly = true });

        foreach (var query in PeerQueries.All)
        {
            var parameters = PeerBench.Parameters(query.Input, store.Graph, inputs, rounds: 10, seed: 5);
            Assert.Equal(10, parameters.Count);
            var answers = parameters.Select(p => PeerBench.Answer(engine.Execute(query.Ours, p))).ToList();
            // Each query finds something for some input, or it would time an empty answer.
            Assert.True(answers.Any(a => a is not ("rows:0" or "0")), $"{query.Name}: every answer empty: {string.Join(", ", answers)}\n{query.Ours}");
        }

        var export = Path.Combine(_root, "export");
        var (documents, cites) = PeerExport.Write(store.Graph, export);
        var documentLines = File.ReadAllLines(Path.Combine(export, PeerExport.DocumentsFile));
        var citesLines = File.ReadAllLines(Path.Combine(export, PeerExport.CitesFile));
        Assert.Equal(string.Join(',', PeerExport.DocumentColumns), documentLines[0]);
        Assert.Equal(string.Join(',', PeerExport.CitesColumns), citesLines[0]);
        Assert.Equal(documents + 1, documentLines.Length);
        Assert.Equal(cites + 1, citesLines.Length);
        Assert.Equal(Count(engine, "MATCH (d:Document) RETURN count(d)"), documents);
        Assert.Equal(Count(engine, "MATCH (:Document)-[c:CITES]->(:Document) RETURN count(c)"), cites);
        Assert.Contains(documentLines.Skip(1), l => l.Split(',')[1].Length == 4);

        // The script's table declarations name the same columns in the same order; COPY FROM maps by position.
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "bench", "kuzu", "peer.mjs"));
        Assert.Contains("CREATE NODE TABLE Document(" + string.Join(", ", PeerExport.DocumentColumns.Zip(["STRING", "INT64", "STRING"], (c, t) => $"{c} {t}")), script);
        Assert.Contains("CREATE REL TABLE CITES(FROM Document TO Document)", script);
        Assert.Contains(PeerExport.DocumentsFile, script);
        Assert.Contains(PeerExport.CitesFile, script);
    }

    /// <summary>
    /// The global aggregation of the peer set, answered from the store's columns of relationship ends and a heap, gives
    /// the ten largest counts of Document citers per Document as counted by hand from each document's incoming list, on
    /// an ingested store (paragraphs cite documents too, and only the Document citers count); co-citation, answered by
    /// intersecting the two ends' neighbours, gives the citers of both counted by hand.
    /// </summary>
    [Fact]
    public async Task TheGlobalCountAndTheCoCitationAgreeWithCountsByHand()
    {
        var corpus = CorpusGenerator.Generate(150, Path.Combine(_root, "corpus"), seed: 6);
        var (store, _) = await IngestBench.RunAsync(CorpusGenerator.Files(corpus.Directory), Path.Combine(_root, "store"), _ => { });
        await using var _store = store;
        var graph = store.Graph;
        var engine = new CypherEngine(graph, new CypherOptions { ReadOnly = true });
        var documents = graph.NodeIdsByLabel("Document");
        var citers = documents.ToDictionary(d => d, d => graph.OtherEndIds(d, Graph.Store.Direction.Incoming, "CITES").Where(c => graph.NodeHasLabel(c, "Document")).ToList());

        var top = engine.Execute(PeerQueries.All.Single(q => q.Name.StartsWith("top 10", StringComparison.Ordinal)).Ours, null, TestContext.Current.CancellationToken).Rows;
        Assert.Equal(10, top.Count);
        Assert.Equal(citers.Values.Select(c => (long)c.Count).OrderDescending().Take(10), top.Select(r => Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var row in top)
        {
            Assert.True(graph.TryGetNodeId((string)row[0]!, out var node));
            Assert.Equal(citers[node].Count, Convert.ToInt32(row[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        var coCitation = PeerQueries.All.Single(q => q.Name.StartsWith("co-citation", StringComparison.Ordinal)).Ours;
        var cited = citers.Where(p => p.Value.Count > 0).OrderByDescending(p => p.Value.Count).Take(12).Select(p => p.Key).ToList();
        var shared = 0;
        foreach (var x in cited)
        {
            foreach (var y in cited.Where(y => y != x))
            {
                var fromX = citers[x].GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
                var expected = citers[y].Where(fromX.ContainsKey).SelectMany(c => Enumerable.Repeat(Id(graph, c), fromX[c])).Order(StringComparer.Ordinal).ToList();
                var rows = engine.Execute(coCitation, new Dictionary<string, object?> { ["a"] = Id(graph, x), ["b"] = Id(graph, y) }, TestContext.Current.CancellationToken).Rows;
                Assert.Equal(expected, rows.Select(r => (string)r[0]!).Order(StringComparer.Ordinal));
                shared += expected.Count;
            }
        }

        Assert.True(shared > 0, "no two of the most cited documents share a citer: the co-citation check saw only empty answers");
    }

    private static string Id(Graph.Store.Memory.MemoryGraph graph, long node) =>
        graph.TryGetNode(node, out var n) ? (string)n.Properties["id"]! : throw new InvalidOperationException("no node " + node);

    [Fact]
    public void QuotesFieldsAsKuzuReadsThem() =>
        Assert.Equal("\"A/RES/1 \"\"x\"\", y\"", PeerExport.Quote("A/RES/1 \"x\", y"));

    private static long Count(CypherEngine engine, string query) => Convert.ToInt64(engine.Execute(query).Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Graph.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}

using Graph.Cli.Bench;

namespace Graph.Cli.Tests;

/// <summary>
/// <c>graph bench cypher</c> over a small generated corpus: every row runs, Cypher's answers agree input by input with the
/// explorer's path service and with the hand-written co-citation count, and a second run reuses the ingested store.
/// </summary>
public sealed class CypherBenchTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "graph-cypher-bench-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task CypherAgreesWithThePathServiceAndTheHandWrittenCoCitationCount()
    {
        var first = await CypherBench.RunAsync(150, seed: 5, rounds: 20, _root, _ => { });
        Assert.StartsWith("ingested", first.Store);
        Assert.Equal(4, first.Rows.Count);
        foreach (var row in first.Rows)
        {
            Assert.True(row.Cypher.Samples >= 10, $"{row.Name}: {row.Cypher.Samples} samples");
            if (row.Baseline is null) continue;
            Assert.Equal(row.Cypher.Samples, row.Answers);
            Assert.True(row.Agreed == row.Answers, $"{row.Name}: {row.Agreed} of {row.Answers} answers agree");
        }

        // The co-citation comparison is not between empty answers: the most-cited document is cited together with others.
        await using (var store = Graph.Store.Embedded.EmbeddedGraphStore.Open(Path.Combine(_root, "store-cypher-150-seed5")))
        {
            var hub = QueryInputs.Draw(store.Graph, seed: 5).Hubs[0];
            Assert.NotEmpty(CypherBench.CoCitedByHand(store.Graph, hub, 10));
        }

        var second = await CypherBench.RunAsync(150, seed: 5, rounds: 10, _root, _ => { });
        Assert.StartsWith("reopened", second.Store);
        Assert.Equal(first.Nodes, second.Nodes);
        Assert.Equal(first.Relationships, second.Relationships);
        Assert.Contains("| co-citation", CypherBench.ToMarkdown([second], "graph bench cypher -n 150", "test"));
    }
}

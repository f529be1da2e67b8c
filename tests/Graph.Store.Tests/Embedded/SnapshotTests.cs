using System.Globalization;
using System.Text;
using Graph.Store.Embedded;
using Graph.Store.Memory;

namespace Graph.Store.Tests.Embedded;

/// <summary>
/// The snapshot file beside the database: a store opens from it with the graph a replay of its documents gives,
/// and one that is damaged, cut short, stale or half written is ignored, the documents replayed and the file
/// written again.
/// </summary>
public sealed class SnapshotTests : IDisposable
{
    private const string Snapshot = "graph.snapshot";

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string SnapshotPath => Path.Combine(_directory.Path, Snapshot);

    [Fact]
    public async Task ReopeningReadsTheSnapshotAndHoldsWhatAReplayHolds()
    {
        await IngestAsync(SyntheticCorpus.Create(40));
        Assert.True(File.Exists(SnapshotPath), "closing the store writes its snapshot");

        string fromSnapshot;
        await using (var store = EmbeddedGraphStore.Open(_directory.Path))
        {
            Assert.True(store.OpenedFromSnapshot, store.OpenedFrom);
            Assert.Empty(await store.CheckAsync(Token));
            fromSnapshot = Describe(store.Graph);
            // Search is indexed over the graph the snapshot gave.
            var hits = await store.CreateServices().Search.SearchAsync("organization", cancellationToken: Token);
            Assert.NotEmpty(hits);
        }
        // Another process reads the snapshot (string hashes differ between processes): lookups by id, traversals, counts.
        const string ById = "MATCH (d:Document {id: 'A/RES/53/3'})-[:HAS_PARAGRAPH]->(p) RETURN d.title, count(p) AS paragraphs";
        const string TopCited = "MATCH (d:Document)<-[:CITES]-(c:Document) RETURN d.id, count(*) AS n ORDER BY n DESC, d.id LIMIT 5";
        var byIdFromSnapshot = await QueryAsync(ById);
        Assert.Contains("Cooperation on topic 2", byIdFromSnapshot, StringComparison.Ordinal);
        var cypherFromSnapshot = await QueryAsync(TopCited);

        File.Delete(SnapshotPath);
        await using (var store = EmbeddedGraphStore.Open(_directory.Path))
        {
            Assert.False(store.OpenedFromSnapshot);
            Assert.Contains("there is none", store.OpenedFrom, StringComparison.Ordinal);
            Assert.Equal(fromSnapshot, Describe(store.Graph));
        }
        Assert.True(File.Exists(SnapshotPath), "a replaying open writes the snapshot again");
        File.Delete(SnapshotPath);
        Assert.Equal(byIdFromSnapshot, await QueryAsync(ById));
        Assert.Equal(cypherFromSnapshot, await QueryAsync(TopCited));
    }

    [Fact]
    public async Task PropertyRecordsStayInTheMappedSnapshotAndWritesOnTopOfThemLast()
    {
        var documents = SyntheticCorpus.Create(24);
        await IngestAsync(documents.Take(20));
        await using (var store = EmbeddedGraphStore.Open(_directory.Path))
        {
            Assert.True(store.OpenedFromSnapshot, store.OpenedFrom);
            var (live, _) = store.Graph.RecordBytes;
            Assert.True(store.Graph.MappedRecordBytes >= live, $"{store.Graph.MappedRecordBytes} bytes of records mapped, {live} live");
            // So are the node ids and other pooled strings, and who states what waits for the first write.
            Assert.True(store.Graph.SnapshotStringCount > store.Graph.NodeCount, $"{store.Graph.SnapshotStringCount} strings in the snapshot's block");
            Assert.False(store.IsBookkeepingLoaded, "an open that has not written yet decodes who states what");
            // A paragraph's text is read from the mapped file.
            Assert.True(store.Graph.TryGetNodeId("A/RES/51/3#op2", out var paragraph));
            store.Graph.TryGetNode(paragraph, out var node);
            Assert.StartsWith("Paragraph ", (string)node.Properties["text"]!, StringComparison.Ordinal);
            // New documents and a changed one go to records on the heap, beside the mapped ones they replace.
            await store.IngestBatchAsync([.. documents.Skip(20)], Token);
            Assert.True(store.IsBookkeepingLoaded);
            // Ids added on top of the snapshot's strings are found beside them.
            Assert.True(store.Graph.TryGetNodeId("A/RES/51/3#op2", out _));
            Assert.True(store.Graph.TryGetNodeId(documents[^1].DocumentId, out _), documents[^1].DocumentId);
            var changed = SyntheticCorpus.Create(1, seed: 11)[0];
            await store.IngestBatchAsync([changed], Token);
            Assert.Empty(await store.CheckAsync(Token));
        }
        // Closing wrote a new snapshot over the one still mapped; it opens to what a replay gives.
        var expected = await DescribeReplayAsync();
        await using (var store = EmbeddedGraphStore.Open(_directory.Path))
        {
            Assert.True(store.OpenedFromSnapshot, store.OpenedFrom);
            Assert.Equal(expected, Describe(store.Graph));
            Assert.Empty(await store.CheckAsync(Token));
        }
    }

    public static TheoryData<string> Damages => ["truncated", "flipped byte", "not a snapshot", "empty"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task ADamagedSnapshotIsIgnoredTheDocumentsReplayedAndTheFileWrittenAgain(string damage)
    {
        await IngestAsync(SyntheticCorpus.Create(20));
        var expected = await DescribeReplayAsync();
        Damage(damage);

        await using (var store = EmbeddedGraphStore.Open(_directory.Path))
        {
            Assert.False(store.OpenedFromSnapshot, $"opened from a snapshot that is {damage}");
            Assert.Equal(expected, Describe(store.Graph));
            Assert.Empty(await store.CheckAsync(Token));
        }
        await using (var store = EmbeddedGraphStore.Open(_directory.Path))
        {
            Assert.True(store.OpenedFromSnapshot, store.OpenedFrom);
            Assert.Equal(expected, Describe(store.Graph));
        }
    }

    [Fact]
    public async Task CheckReportsADamagedSnapshot()
    {
        await IngestAsync(SyntheticCorpus.Create(10));
        await using var store = EmbeddedGraphStore.Open(_directory.Path);
        Damage("flipped byte");
        var problems = await store.CheckAsync(Token);
        Assert.Contains(problems, p => p.Contains("snapshot file", StringComparison.Ordinal) && p.Contains("checksum", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASnapshotOfOtherDocumentsIsStaleAndIgnored()
    {
        var documents = SyntheticCorpus.Create(12);
        await IngestAsync(documents.Take(10));
        var older = File.ReadAllBytes(SnapshotPath);
        await IngestAsync(documents.Skip(10));
        File.WriteAllBytes(SnapshotPath, older);

        await using var store = EmbeddedGraphStore.Open(_directory.Path);
        Assert.False(store.OpenedFromSnapshot);
        Assert.Contains("stale", store.OpenedFrom, StringComparison.Ordinal);
        Assert.True(store.Graph.TryGetNodeId(documents[11].DocumentId, out _), "the document ingested after the old snapshot is there");
        Assert.Empty(await store.CheckAsync(Token));
    }

    [Fact]
    public async Task AWriteCutOffBeforeItsRenameLeavesTheStoreUsable()
    {
        await IngestAsync(SyntheticCorpus.Create(15));
        var expected = await DescribeReplayAsync();
        // A process killed while writing leaves the temporary file, part written, beside the last whole snapshot.
        var whole = File.ReadAllBytes(SnapshotPath);
        File.WriteAllBytes(SnapshotPath + ".tmp", whole.AsSpan(0, whole.Length / 3).ToArray());

        await using var store = EmbeddedGraphStore.Open(_directory.Path);
        Assert.True(store.OpenedFromSnapshot, store.OpenedFrom);
        Assert.Equal(expected, Describe(store.Graph));
        Assert.False(File.Exists(SnapshotPath + ".tmp"), "the left-over temporary file is removed");
    }

    [Fact]
    public async Task SavedWritesMadeAfterTheSnapshotAreMadeAgainOnTopOfIt()
    {
        await IngestAsync(SyntheticCorpus.Create(10));
        var before = File.ReadAllBytes(SnapshotPath);
        var write = await GraphCli.RunAsync("query", "--data", _directory.Path, "--write", "CREATE (:Note {id: 'note-1', text: 'after the snapshot'})");
        Assert.True(write.ExitCode == 0, write.Error);
        // The snapshot from before the write: the write is saved after everything it holds.
        File.WriteAllBytes(SnapshotPath, before);

        var read = await GraphCli.RunAsync("query", "--data", _directory.Path, "--format", "json", "MATCH (n:Note) RETURN n.text AS text");
        Assert.True(read.ExitCode == 0, read.Error);
        Assert.Contains("after the snapshot", read.Output, StringComparison.Ordinal);
    }

    private async Task IngestAsync(IEnumerable<Graph.Model.GraphDocument> documents)
    {
        await using var store = EmbeddedGraphStore.Open(_directory.Path);
        await store.IngestBatchAsync([.. documents], Token);
    }

    /// <summary>The graph a replay of the documents gives, described; the snapshot is put back afterwards.</summary>
    private async Task<string> DescribeReplayAsync()
    {
        var saved = File.ReadAllBytes(SnapshotPath);
        File.Delete(SnapshotPath);
        await using (var store = EmbeddedGraphStore.Open(_directory.Path))
        {
            Assert.False(store.OpenedFromSnapshot);
            var description = Describe(store.Graph);
            File.WriteAllBytes(SnapshotPath, saved);
            return description;
        }
    }

    private void Damage(string how)
    {
        var bytes = File.ReadAllBytes(SnapshotPath);
        switch (how)
        {
            case "truncated": bytes = bytes[..(bytes.Length / 2)]; break;
            case "flipped byte": bytes[bytes.Length * 2 / 3] ^= 0x5A; break;
            case "not a snapshot": bytes = Encoding.UTF8.GetBytes("SQLite format 3\0 and then some more bytes than a header holds, to pass the length"); break;
            case "empty": bytes = []; break;
            default: throw new ArgumentOutOfRangeException(nameof(how), how, null);
        }
        File.WriteAllBytes(SnapshotPath, bytes);
    }

    private async Task<string> QueryAsync(string cypher)
    {
        var result = await GraphCli.RunAsync("query", "--data", _directory.Path, "--format", "json", cypher);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Output;
    }

    /// <summary>Every node (by key: labels, properties) and relationship (ends by key, type, properties), sorted: equal for equal graphs whatever their internal ids.</summary>
    private static string Describe(MemoryGraph graph)
    {
        var lines = new List<string>();
        foreach (var node in graph.AllNodes())
            lines.Add($"({node.Key}{node.Labels} {Properties(node.Properties)})");
        foreach (var relationship in graph.AllRelationships())
        {
            graph.TryGetNode(relationship.StartId, out var start);
            graph.TryGetNode(relationship.EndId, out var end);
            lines.Add($"({start.Key})-[{relationship.Type} {Properties(relationship.Properties)}]->({end.Key})");
        }
        lines.Sort(StringComparer.Ordinal);
        lines.Add($"{graph.NodeCount} nodes, {graph.RelationshipCount} relationships");
        return string.Join('\n', lines);
    }

    private static string Properties(PropertyMap properties) =>
        string.Join(", ", properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"));
}

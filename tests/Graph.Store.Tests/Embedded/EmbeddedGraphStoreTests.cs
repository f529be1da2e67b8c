using Graph.Model;
using Graph.Store.Embedded;
using Graph.Store.Tests.Contract;
using Microsoft.Data.Sqlite;

namespace Graph.Store.Tests.Embedded;

/// <summary>What only the embedded store promises, beyond the contract.</summary>
public sealed class EmbeddedGraphStoreTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordsARelationshipEndTheDocumentDoesNotStateAsAnUnlabelledNode()
    {
        var document = new GraphDocument("A/RES/1/1", "text");
        document.Nodes.Add(new GraphNode("A/RES/1/1", [Labels.Document]));
        document.Relationships.Add(new GraphRelationship(RelationshipTypes.Cites, "A/RES/1/1", "A/RES/0/9"));

        await using var store = EmbeddedGraphStore.Open(_directory.Path);
        await store.IngestAsync(document, Token);

        var implicitNode = await store.TryGetNodeAsync("A/RES/0/9", Token);
        Assert.NotNull(implicitNode);
        Assert.Empty(implicitNode.Labels);
        Assert.Empty(await store.CheckAsync(Token));
        Assert.True(await store.RemoveDocumentAsync("A/RES/1/1", Token));
        Assert.Null(await store.TryGetNodeAsync("A/RES/0/9", Token));
    }

    [Fact]
    public async Task CheckFindsADatabaseThatNoLongerMatchesItsFacts()
    {
        var data = Path.Combine(_directory.Path, "data");
        await using (var store = EmbeddedGraphStore.Open(data))
        {
            foreach (var document in ContractDocuments.All()) await store.IngestAsync(document, Token);
            Assert.Empty(await store.CheckAsync(Token));
            // Memory changed behind the store's back no longer equals what the documents add up to.
            Assert.True(store.Graph.TryGetNodeId("A/RES/77/13", out var node));
            store.Graph.SetNodeProperty(node, "session", 78L);
            Assert.Contains(await store.CheckAsync(Token), p => p.Contains("Node A/RES/77/13 in memory differs", StringComparison.Ordinal));
        }

        using (var connection = new SqliteConnection($"Data Source={Path.Combine(data, "graph.db")};Pooling=False"))
        {
            connection.Open();
            using var tamper = connection.CreateCommand();
            tamper.CommandText = """
                UPDATE documents SET facts = x'0500000001020304' WHERE id = 'A/RES/1/1';
                UPDATE documents SET text = text || ' (edited)' WHERE id = 'A/RES/77/13';
                UPDATE documents SET node_count = node_count + 1 WHERE id = 'A/RES/71/12';
                """;
            tamper.ExecuteNonQuery();
        }

        await using (var store = EmbeddedGraphStore.Open(data))
        {
            var problems = await store.CheckAsync(Token);
            Assert.Contains(problems, p => p.Contains("Document A/RES/1/1: its stored facts cannot be read", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("Document A/RES/77/13 does not match its fingerprint", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("Document A/RES/71/12 records", StringComparison.Ordinal));
            // The unreadable document is left out; the others still load whole.
            Assert.NotNull(await store.TryGetNodeAsync("A/RES/71/12#op2", Token));
        }

        var check = await GraphCli.RunAsync("check", "--data", data);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("problem", check.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAStoreOfTheEarlierRowPerFactSchemaClearly()
    {
        Directory.CreateDirectory(_directory.Path);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, "graph.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta VALUES ('schema', '2');
                CREATE TABLE node_facts (document TEXT NOT NULL, node TEXT NOT NULL, labels TEXT NOT NULL, properties TEXT NOT NULL);
                """;
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<InvalidDataException>(() => EmbeddedGraphStore.Open(_directory.Path));
        Assert.Contains("schema version 2", error.Message, StringComparison.Ordinal);

        Assert.Contains("Ingest the documents again into a new data folder", error.Message, StringComparison.Ordinal);
        var cli = await GraphCli.RunAsync("check", "--data", _directory.Path);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("schema version 2", cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAStoreWithAnotherSchemaVersionClearly()
    {
        await using (EmbeddedGraphStore.Open(_directory.Path)) { }
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, "graph.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE meta SET value = '99' WHERE key = 'schema'";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<InvalidDataException>(() => EmbeddedGraphStore.Open(_directory.Path));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);

        var cli = await GraphCli.RunAsync("check", "--data", _directory.Path);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("schema version 99", cli.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A paragraph that cites one document at 20,000 places, and a document node with 20,000 paragraphs: each relationship
    /// is found by its identity among its start node's many. Stored, replaced by a version that drops some, changes some and
    /// adds some, and removed, the graph holds exactly what each version states.
    /// </summary>
    [Fact]
    public async Task ANodeWithTensOfThousandsOfRelationshipsIsStoredReplacedAndRemovedExactly()
    {
        static GraphDocument Version(int firstCitation, int citations, string verb)
        {
            var document = new GraphDocument("A/RES/1/1", "text");
            document.Nodes.Add(new GraphNode("A/RES/1/1", [Labels.Document]));
            document.Nodes.Add(new GraphNode("A/RES/1/1#pp1", [Labels.Paragraph]));
            for (var p = 2; p <= 20_000; p++)
            {
                document.Nodes.Add(new GraphNode($"A/RES/1/1#op{p}", [Labels.Paragraph]));
                document.Relationships.Add(new GraphRelationship(RelationshipTypes.HasParagraph, "A/RES/1/1", $"A/RES/1/1#op{p}"));
            }
            for (var c = firstCitation; c < firstCitation + citations; c++)
                document.Relationships.Add(new GraphRelationship(RelationshipTypes.Cites, "A/RES/1/1#pp1", "A/RES/70/1", new Dictionary<string, object?> { ["verb"] = verb }, $"pp1@{c}"));
            return document;
        }

        await using var store = EmbeddedGraphStore.Open(_directory.Path);
        await store.IngestAsync(Version(0, 20_000, "Recalling"), Token);
        await store.IngestAsync(Version(5_000, 20_000, "Reaffirming"), Token);

        var cites = await store.GetRelationshipsAsync("A/RES/1/1#pp1", Direction.Outgoing, cancellationToken: Token);
        Assert.Equal(20_000, cites.Count);
        Assert.All(cites, r => Assert.Equal("Reaffirming", r.Properties["verb"]));
        Assert.Equal(19_999, (await store.GetRelationshipsAsync("A/RES/1/1", Direction.Outgoing, cancellationToken: Token)).Count);
        Assert.Empty(await store.CheckAsync(Token));

        // The check finds one relationship gone from memory among the paragraph's 20,000.
        Assert.True(store.Graph.TryGetNodeId("A/RES/1/1#pp1", out var paragraph));
        Assert.True(store.Graph.TryGetNodeId("A/RES/70/1", out var cited));
        Assert.True(store.Graph.TryFindRelationship(paragraph, RelationshipTypes.Cites, cited, "pp1@12345", out var gone));
        Assert.True(store.Graph.DeleteRelationship(gone));
        Assert.Contains(await store.CheckAsync(Token), p => p.Contains("Relationship A/RES/1/1#pp1-[CITES]->A/RES/70/1#pp1@12345 is stated by the stored documents but not in memory", StringComparison.Ordinal));

        Assert.True(await store.RemoveDocumentAsync("A/RES/1/1", Token));
        Assert.Equal(new GraphCounts(0, 0, 0), await store.CountAsync(Token));
    }

    /// <summary>
    /// A key holding half of a surrogate pair is stored as UTF-8 stores it (the half made U+FFFD), and is still the key the
    /// documents stated: found among a node's many relationships, a second document's statement of one is the same
    /// relationship, and a version replaced in the batch that brought it takes its own back.
    /// </summary>
    [Fact]
    public async Task AKeyWithALoneSurrogateNamesOneRelationshipAmongManyOfItsStartNode()
    {
        static GraphDocument Citing(string id, string verb, int citations)
        {
            var document = new GraphDocument(id, "text");
            document.Nodes.Add(new GraphNode(id, [Labels.Document]));
            document.Nodes.Add(new GraphNode("A/RES/70/1", [Labels.Document]));
            for (var c = 0; c < citations; c++)
                document.Relationships.Add(new GraphRelationship(RelationshipTypes.Cites, "A/RES/70/1", "A/RES/69/1", new Dictionary<string, object?> { ["verb"] = verb }, $"\uD800{c}"));
            return document;
        }

        await using var store = EmbeddedGraphStore.Open(_directory.Path);
        await store.IngestAsync(Citing("A/RES/1/1", "Recalling", 100), Token);
        await store.IngestAsync(Citing("A/RES/2/1", "Recalling", 100), Token);
        Assert.Equal(100, (await store.GetRelationshipsAsync("A/RES/70/1", Direction.Outgoing, cancellationToken: Token)).Count);

        await store.IngestBatchAsync([Citing("A/RES/3/1", "Noting", 90), Citing("A/RES/3/1", "Noting", 10)], Token);
        Assert.Equal(100, (await store.GetRelationshipsAsync("A/RES/70/1", Direction.Outgoing, cancellationToken: Token)).Count);
        Assert.Empty(await store.CheckAsync(Token));
        foreach (var id in (string[])["A/RES/1/1", "A/RES/2/1", "A/RES/3/1"]) Assert.True(await store.RemoveDocumentAsync(id, Token));
        Assert.Equal(new GraphCounts(0, 0, 0), await store.CountAsync(Token));
    }

    [Fact]
    public async Task ReadersSeeADocumentWholeInOneVersionOrTheOtherWhileItIsReplaced()
    {
        var small = ContractDocuments.Resolution7713(withOperative2: false);
        var large = ContractDocuments.Resolution7713(titleSuffix: " (revised)");
        await using var store = EmbeddedGraphStore.Open(_directory.Path);
        await store.IngestAsync(small, Token);
        int smallCount = small.Relationships.Count(r => r.Start == small.DocumentId), largeCount = large.Relationships.Count(r => r.Start == large.DocumentId);

        using var stop = new CancellationTokenSource();
        var seen = new HashSet<int>();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using (store.Graph.EnterRead())
                {
                    var count = (await store.GetRelationshipsAsync(small.DocumentId, Direction.Outgoing, cancellationToken: Token)).Count;
                    lock (seen) seen.Add(count);
                }
            }
        }, Token);
        for (var i = 0; i < 100; i++) await store.IngestAsync(i % 2 == 0 ? large : small, Token);
        await stop.CancelAsync();
        await reader;

        Assert.Subset(new HashSet<int> { smallCount, largeCount }, seen);
    }

    [Fact]
    public void RoundTripsGraphDocumentsAsJson()
    {
        var document = ContractDocuments.Statement();
        document.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "test", "a warning"));
        var read = Assert.Single(GraphDocumentJson.Read(GraphDocumentJson.Serialize(document)));
        Assert.Equal(document.DocumentId, read.DocumentId);
        Assert.Equal(document.Text, read.Text);
        Assert.Equal(document.Nodes.Select(n => n.ToString()), read.Nodes.Select(n => n.ToString()));
        Assert.Equal(document.Relationships.Select(r => r.Id), read.Relationships.Select(r => r.Id));
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(read.Diagnostics).Severity);

        Assert.Throws<FormatException>(() => GraphDocumentJson.Read("{\"nodes\":[]}"));
        Assert.Throws<FormatException>(() => GraphDocumentJson.Read("not json"));
        Assert.Throws<FormatException>(() => GraphDocumentJson.Read("{\"documentId\":\"x\",\"nodes\":[{\"labels\":[]}]}"));
    }

    [Fact]
    public async Task RefusesADocumentWithValuesTheGraphCannotHoldBeforeWritingAnything()
    {
        var document = new GraphDocument("A/RES/2/2", "text");
        document.Nodes.Add(new GraphNode("A/RES/2/2", [Labels.Document]));
        document.Nodes.Add(new GraphNode("A/RES/2/2#pp1", [Labels.Paragraph], new Dictionary<string, object?> { ["when"] = DateTime.UnixEpoch }));

        await using var store = EmbeddedGraphStore.Open(_directory.Path);
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await store.IngestAsync(document, Token));
        Assert.Contains("A/RES/2/2#pp1", error.Message, StringComparison.Ordinal);
        Assert.Equal(new GraphCounts(0, 0, 0), await store.CountAsync(Token));
        Assert.Empty(await store.CheckAsync(Token));
    }
}

using Graph.Extraction;
using Graph.Store.Embedded;
using Microsoft.Data.Sqlite;

namespace Graph.Cypher.Tests;

/// <summary>
/// Cypher writes on the embedded store last: each one that changes something is saved in the data directory
/// and made again, in order and with the same clock and random numbers, when the store opens. Writes that fail,
/// change nothing or choose by internal id are not saved; a write the disk will not take is undone.
/// </summary>
public sealed class SavedWriteTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "graph-saved-writes", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<EmbeddedGraphStore> StoreWithSeeds()
    {
        var store = EmbeddedCypher.OpenStore(_directory);
        var extractor = new DocumentExtractor();
        foreach (var file in Directory.EnumerateFiles(TestData.Seeds, "*.txt").Order(StringComparer.Ordinal))
            await store.IngestAsync(extractor.ExtractFile(file), Token);
        return store;
    }

    private static CypherEngine Writer(EmbeddedGraphStore store) => EmbeddedCypher.Engine(store, new CypherOptions());

    private static IReadOnlyList<object?> Single(CypherEngine engine, string query) => engine.Run(query).Rows.Single();

    [Fact]
    public async Task ABatchThatFailedUnderOnErrorContinueStaysTakenBackWhenTheStoreOpens()
    {
        await using (var store = EmbeddedCypher.OpenStore(_directory))
        {
            var rows = Writer(store).Run(
                "UNWIND [1, 0, 2, 4] AS i CALL (i) { CREATE (n:Share {num: 100 / i}) RETURN n } IN TRANSACTIONS OF 2 ROWS ON ERROR CONTINUE " +
                "RETURN n.num").Rows.Select(r => r[0]).ToList();
            Assert.Equal([null, null, 50L, 25L], rows);
            Assert.Equal(1, store.SavedWriteCount);
        }

        await using (var reopened = EmbeddedCypher.OpenStore(_directory))
        {
            var engine = new CypherEngine(reopened.Graph, new CypherOptions { ReadOnly = true });
            var nums = engine.Run("MATCH (n:Share) RETURN n.num ORDER BY n.num").Rows.Select(r => r[0]).ToList();
            Assert.Equal([25L, 50L], nums);
        }
    }

    [Fact]
    public async Task WritesAreMadeAgainWhenTheStoreOpensWithTheSameClockAndRandomNumbers()
    {
        IReadOnlyList<object?> written;
        await using (var store = await StoreWithSeeds())
        {
            var engine = Writer(store);
            written = engine.Run(
                "CREATE (n:Note {text: $text, weight: $weight, tags: $tags, at: toString(datetime()), stamp: timestamp(), luck: rand()}) " +
                "RETURN n.text, n.weight, n.tags, n.at, n.stamp, n.luck",
                new Dictionary<string, object?> { ["text"] = "reviewed", ["weight"] = 2.0, ["tags"] = new List<object?> { "csto", 7L } }).Rows.Single();
            engine.Run("MATCH (d {id: 'A/RES/77/13'}) SET d.reviewed = true");
            engine.Run("MATCH (a {id: 'A/RES/77/13'}), (b {id: 'A/RES/71/12'}) CREATE (a)-[:FOLLOWS_UP {note: 'checked'}]->(b)");
            engine.Run("MATCH (n:Note) CREATE (n)-[:ABOUT]->(:Topic {name: 'CSTO'})");
            Assert.Equal(4, store.SavedWriteCount);
        }

        await using (var reopened = EmbeddedCypher.OpenStore(_directory))
        {
            var engine = new CypherEngine(reopened.Graph, new CypherOptions { ReadOnly = true });
            var again = Single(engine, "MATCH (n:Note) RETURN n.text, n.weight, n.tags, n.at, n.stamp, n.luck");
            Assert.Equal(written, again);
            Assert.IsType<double>(again[1]);
            Assert.IsType<long>(((IEnumerable<object?>)again[2]!).Last());
            Assert.Equal(true, Single(engine, "MATCH (d {id: 'A/RES/77/13'}) RETURN d.reviewed")[0]);
            Assert.Equal("checked", Single(engine, "MATCH ({id: 'A/RES/77/13'})-[r:FOLLOWS_UP]->({id: 'A/RES/71/12'}) RETURN r.note")[0]);
            Assert.Equal("CSTO", Single(engine, "MATCH (:Note)-[:ABOUT]->(t:Topic) RETURN t.name")[0]);
            Assert.Empty(await reopened.CheckAsync(Token));
        }
    }

    [Fact]
    public async Task WritesThatFailOrChangeNothingAreNotSaved()
    {
        await using (var store = await StoreWithSeeds())
        {
            var engine = Writer(store);
            var failure = Assert.Throws<CypherException>(() => engine.Run("UNWIND [1, 0] AS x CREATE (:Broken {v: 10 / x})"));
            Assert.Equal("ArithmeticError", failure.ErrorType);
            engine.Run("MATCH (n:NoSuchLabel) SET n.x = 1");
            engine.Run("MERGE (d {id: 'A/RES/77/13'}) RETURN d.id");
            Assert.Equal(0, store.SavedWriteCount);
        }

        await using var reopened = EmbeddedCypher.OpenStore(_directory);
        Assert.Equal(0, reopened.SavedWriteCount);
        Assert.Equal(0L, Single(new CypherEngine(reopened.Graph), "MATCH (n:Broken) RETURN count(n)")[0]);
    }

    [Fact]
    public async Task AWriteThatChoosesByInternalIdIsRefusedBeforeItChangesAnything()
    {
        await using var store = await StoreWithSeeds();
        var engine = Writer(store);
        var refused = Assert.Throws<CypherException>(() => engine.Run("MATCH (d {id: 'A/RES/77/13'}) WHERE id(d) >= 0 SET d.flag = 1"));
        Assert.Equal("UnsavableWrite", refused.Detail);
        Assert.Equal(1, refused.Position!.Column - "MATCH (d {id: 'A/RES/77/13'}) WHERE ".Length);
        Assert.Null(Single(engine, "MATCH (d {id: 'A/RES/77/13'}) RETURN d.flag")[0]);

        // Returning an internal id, or reading a property called id, is fine.
        var created = Single(engine, "CREATE (n:Note {id: 'note:1'}) RETURN n.id, id(n)");
        Assert.Equal("note:1", created[0]);
        Assert.Equal(1, store.SavedWriteCount);
    }

    [Fact]
    public async Task AWriteTheDatabaseWillNotTakeIsUndoneAndReported()
    {
        await using var store = await StoreWithSeeds();
        var engine = Writer(store);
        // Another connection holds SQLite's write lock past the saver's busy timeout, as a stuck process would.
        await using (var blocker = new SqliteConnection($"Data Source={Path.Combine(_directory, "graph.db")};Pooling=False"))
        {
            await blocker.OpenAsync(Token);
            await using var transaction = (SqliteTransaction)await blocker.BeginTransactionAsync(Token);
            await using (var take = blocker.CreateCommand())
            {
                take.Transaction = transaction;
                take.CommandText = "INSERT INTO meta (key, value) VALUES ('blocker', 'x')";
                await take.ExecuteNonQueryAsync(Token);
            }
            var failure = Assert.Throws<CypherException>(() => engine.Run("MATCH (d {id: 'A/RES/77/13'}) SET d.lost = true"));
            Assert.Equal("Neo.DatabaseError.Transaction.TransactionCommitFailed", failure.StatusCode);
            Assert.Contains("could not be saved", failure.Message, StringComparison.Ordinal);
            await transaction.RollbackAsync(Token);
        }

        Assert.Null(Single(engine, "MATCH (d {id: 'A/RES/77/13'}) RETURN d.lost")[0]);
        Assert.Equal(0, store.SavedWriteCount);
        engine.Run("MATCH (d {id: 'A/RES/77/13'}) SET d.kept = true");
        Assert.Equal(1, store.SavedWriteCount);
    }

    [Fact]
    public async Task AWriteOnADocumentOutlivesItsReingestAndAStoreOpenedWithoutTheEngineSaysWhatItLeftOut()
    {
        await using (var store = await StoreWithSeeds())
        {
            Writer(store).Run("MATCH (d {id: 'A/RES/77/13'}) SET d.reviewed = 'yes'");
            // The document arrives again (changed): the saved write is made again after it on the next open.
            var extractor = new DocumentExtractor();
            var seed = Directory.EnumerateFiles(TestData.Seeds, "*.txt").Order(StringComparer.Ordinal).First();
            var text = await File.ReadAllTextAsync(seed, Token) + "\n\nAn added closing line.\n";
            var changed = extractor.Extract(Path.GetFileName(seed), System.Text.Encoding.UTF8.GetBytes(text));
            Assert.Equal("A/RES/77/13", changed.DocumentId);
            await store.IngestAsync(changed, Token);
        }

        await using (var reopened = EmbeddedCypher.OpenStore(_directory))
        {
            Assert.Equal("yes", Single(new CypherEngine(reopened.Graph), "MATCH (d {id: 'A/RES/77/13'}) RETURN d.reviewed")[0]);
            Assert.Empty(await reopened.CheckAsync(Token));
        }

        await using var withoutEngine = EmbeddedGraphStore.Open(_directory);
        var problems = await withoutEngine.CheckAsync(Token);
        Assert.Contains(problems, p => p.Contains("1 saved query writes were not made again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASavedWriteThatNoLongerRunsIsReportedAndTheOthersAreStillMade()
    {
        await using (var store = await StoreWithSeeds())
            Writer(store).Run("CREATE (:Note {n: 1})");
        // A write that fails when made again (here put in the table by hand) costs no other write.
        await using (var database = new SqliteConnection($"Data Source={Path.Combine(_directory, "graph.db")};Pooling=False"))
        {
            await database.OpenAsync(Token);
            await using var insert = database.CreateCommand();
            insert.CommandText = "INSERT INTO saved_writes (statement, parameters, statement_time, seed, saved_at) VALUES " +
                "('UNWIND [0] AS x CREATE (:Broken {v: 1 / x})', '{}', '2026-01-01T00:00:00.0000000Z', 1, ''), " +
                "('CREATE (:Note {n: 2})', '{}', '2026-01-01T00:00:00.0000000Z', 1, '')";
            await insert.ExecuteNonQueryAsync(Token);
        }

        await using var reopened = EmbeddedCypher.OpenStore(_directory);
        var problem = Assert.Single(reopened.OpenProblems);
        Assert.StartsWith("Saved write 2 (UNWIND [0] AS x CREATE (:Broken {v: 1 / x})) could not be made again", problem, StringComparison.Ordinal);
        Assert.Contains("DELETE FROM saved_writes WHERE sequence = 2", problem, StringComparison.Ordinal);
        Assert.Equal([1L, 2L], new CypherEngine(reopened.Graph).Run("MATCH (n:Note) RETURN n.n ORDER BY n.n").Rows.Select(r => r[0]));
        Assert.Equal(3, reopened.SavedWriteCount);
        Assert.Contains(problem, await reopened.CheckAsync(Token));
    }

    [Fact]
    public async Task SearchFollowsWritesWithoutRebuildingItsIndex()
    {
        await using var store = await StoreWithSeeds();
        var search = store.CreateServices().Search;
        var rebuilds = store.SearchIndexRebuilds;
        var engine = Writer(store);
        engine.Run("CREATE (:Organization {id: 'org:zebrafish-league', name: 'Zebrafish League'})");
        Assert.Empty(await search.SearchAsync("okapi", cancellationToken: Token));
        engine.Run("MERGE (o:Organization {id: 'org:okapi-union'}) SET o.name = 'Okapi Union'");

        Assert.Equal("org:zebrafish-league", Assert.Single(await search.SearchAsync("zebrafish", cancellationToken: Token)).Id);
        Assert.Equal("org:okapi-union", Assert.Single(await search.SearchAsync("okapi", cancellationToken: Token)).Id);
        engine.Run("MATCH (o {id: 'org:zebrafish-league'}) SET o.name = 'Axolotl League'");
        Assert.Empty(await search.SearchAsync("zebrafish", cancellationToken: Token));
        Assert.Equal("org:zebrafish-league", Assert.Single(await search.SearchAsync("axolotl", cancellationToken: Token)).Id);
        // A write that fails after deleting a node puts it back (under a new internal id), and search still finds it.
        Assert.Throws<CypherException>(() => engine.Run("MATCH (o {id: 'org:zebrafish-league'}) DETACH DELETE o WITH 0 AS zero RETURN 1 / zero"));
        Assert.Equal("org:zebrafish-league", Assert.Single(await search.SearchAsync("axolotl", cancellationToken: Token)).Id);
        engine.Run("MATCH (o {id: 'org:okapi-union'}) DETACH DELETE o");
        Assert.Empty(await search.SearchAsync("okapi", cancellationToken: Token));
        Assert.Equal(rebuilds, store.SearchIndexRebuilds);
    }

    [Fact]
    public async Task WhatTheDocumentsStateCannotBeDeletedButWhatAQueryCreatedCan()
    {
        await using (var store = await StoreWithSeeds())
        {
            var engine = Writer(store);
            var node = Assert.Throws<CypherException>(() => engine.Run("MATCH (d {id: 'A/RES/71/12'}) DETACH DELETE d"));
            Assert.Equal("StatedByDocuments", node.Detail);
            Assert.Contains("A/RES/71/12", node.Message, StringComparison.Ordinal);
            Assert.Equal("StatedByDocuments", Assert.Throws<CypherException>(() => engine.Run("MATCH (d {id: 'A/RES/71/12'}) SET d.id = 'renamed'")).Detail);
            Assert.Equal("StatedByDocuments", Assert.Throws<CypherException>(() => engine.Run("MATCH (d {id: 'A/RES/71/12'}) REMOVE d.id")).Detail);
            var relationship = Assert.Throws<CypherException>(() => engine.Run("MATCH ({id: 'A/RES/77/13'})-[c:CITES]->({id: 'A/RES/71/12'}) DELETE c"));
            Assert.Equal("StatedByDocuments", relationship.Detail);
            Assert.Equal(1L, Single(engine, "MATCH ({id: 'A/RES/77/13'})-[c:CITES]->(d {id: 'A/RES/71/12'}) RETURN count(c)")[0]);
            Assert.Equal(0, store.SavedWriteCount);

            engine.Run("MATCH (d {id: 'A/RES/77/13'}) CREATE (:Note {id: 'note:keep'})-[:ABOUT]->(d), (:Note {id: 'note:drop'})-[:ABOUT]->(d)");
            engine.Run("MATCH (n {id: 'note:drop'}) DETACH DELETE n");
            engine.Run("MATCH ({id: 'note:keep'})-[a:ABOUT]->() DELETE a");
            Assert.Equal(3, store.SavedWriteCount);
        }

        await using var reopened = EmbeddedCypher.OpenStore(_directory);
        var after = new CypherEngine(reopened.Graph);
        Assert.Equal(["note:keep"], after.Run("MATCH (n:Note) RETURN n.id").Rows.Select(r => r[0]));
        Assert.Equal(0L, Single(after, "MATCH (:Note)-[a:ABOUT]->() RETURN count(a)")[0]);
        Assert.Empty(reopened.OpenProblems);
        Assert.Empty(await reopened.CheckAsync(Token));
    }

    [Fact]
    public async Task ADocumentIngestedAfterAQueryCreatedItsNodeTakesTheNodeOver()
    {
        const string Title = "Cooperation between the United Nations and the Collective Security Treaty Organization";
        await using (var store = EmbeddedCypher.OpenStore(_directory))
        {
            var engine = Writer(store);
            engine.Run("CREATE (:Document {id: 'A/RES/77/13', note: 'expected soon'})");
            var seed = Directory.EnumerateFiles(TestData.Seeds, "*.txt").Order(StringComparer.Ordinal).First();
            await store.IngestAsync(new DocumentExtractor().ExtractFile(seed), Token);
            Assert.Equal(Title, Single(engine, "MATCH (d {id: 'A/RES/77/13'}) RETURN d.title")[0]);
            Assert.Equal("StatedByDocuments", Assert.Throws<CypherException>(() => engine.Run("MATCH (d {id: 'A/RES/77/13'}) DETACH DELETE d")).Detail);
        }

        // Reopened, the documents come first: the saved CREATE of that id can no longer be made, and says so.
        await using var reopened = EmbeddedCypher.OpenStore(_directory);
        Assert.Equal(Title, Single(new CypherEngine(reopened.Graph), "MATCH (d {id: 'A/RES/77/13'}) RETURN d.title")[0]);
        var problem = Assert.Single(reopened.OpenProblems);
        Assert.Contains("already has id 'A/RES/77/13'", problem, StringComparison.Ordinal);
        Assert.Contains("DELETE FROM saved_writes WHERE sequence = 1", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ParametersKeepTheirCypherTypesThroughSaving()
    {
        var parameters = new Dictionary<string, object?>
        {
            ["int"] = 3L, ["float"] = 3.0, ["nan"] = double.NaN, ["inf"] = double.NegativeInfinity, ["text"] = "{\"$float\": \"1\"}",
            ["none"] = null, ["yes"] = true,
            ["list"] = new List<object?> { 1L, 1.5, "x", null, new List<object?>() },
            ["map"] = new Dictionary<string, object?> { ["$float"] = "not a tag", ["$map"] = 2L, ["inner"] = new Dictionary<string, object?>() },
        };
        var decoded = Durability.SavedParameters.Decode(Durability.SavedParameters.Encode(parameters));
        Assert.Equal(parameters.Keys.Order(), decoded.Keys.Order());
        Assert.Equal(3L, Assert.IsType<long>(decoded["int"]));
        Assert.Equal(3.0, Assert.IsType<double>(decoded["float"]));
        Assert.True(double.IsNaN((double)decoded["nan"]!));
        Assert.Equal(double.NegativeInfinity, decoded["inf"]);
        Assert.Equal(parameters["text"], decoded["text"]);
        Assert.Null(decoded["none"]);
        Assert.Equal(true, decoded["yes"]);
        Assert.Equal(new List<object?> { 1L, 1.5, "x", null, new List<object?>() }, decoded["list"]);
        var map = Assert.IsType<Dictionary<string, object?>>(decoded["map"]);
        Assert.Equal("not a tag", map["$float"]);
        Assert.Equal(2L, map["$map"]);
        Assert.Empty(Assert.IsType<Dictionary<string, object?>>(map["inner"]));
        Assert.Throws<NotSupportedException>(() => Durability.SavedParameters.Encode(new Dictionary<string, object?> { ["when"] = DateTime.UtcNow }));
    }
}

using System.Diagnostics;
using Graph.Model;
using Graph.Store.Embedded;
using Microsoft.Data.Sqlite;

namespace Graph.Store.Tests.Embedded;

/// <summary>
/// Kills a real <c>graph ingest</c> process (SIGKILL) at many points and checks the store it leaves:
/// <c>graph check</c> passes, the documents ingested are exactly a prefix of the files in order, each
/// whole (every fact it states is there), the interrupted one whole or absent, and finishing the
/// ingest afterwards gives the same graph as an ingest never interrupted.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int Documents = 48;
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AKilledIngestLeavesEveryDocumentWholeOrAbsent()
    {
        var corpus = SyntheticCorpus.Create(Documents, seed: 1, paragraphs: 60);
        var files = Path.Combine(_directory.Path, "v1");
        SyntheticCorpus.WriteFiles(corpus, files);
        var expected = await IngestUninterruptedAsync(files, Path.Combine(_directory.Path, "reference"));

        var interrupted = 0;
        int[] killAfter = [0, 1, 4, 9, 15, 22, 30, 38];
        for (var run = 0; run < killAfter.Length; run++)
        {
            var data = Path.Combine(_directory.Path, $"run{run}");
            var committed = await KillIngestAfterAsync(files, data, killAfter[run], extraDelayMs: run * 7 % 25);
            if (committed < Documents) interrupted++;

            await AssertCheckPassesAsync(data);
            await using (var store = EmbeddedGraphStore.Open(data))
                await AssertPrefixWholeAsync(store, corpus, previous: null, $"kill after {killAfter[run]} documents");

            var finish = await GraphCli.RunAsync("ingest", files, "--data", data, "--quiet");
            Assert.True(finish.ExitCode == 0, finish.Error);
            await using (var store = EmbeddedGraphStore.Open(data))
                Assert.Equal(expected, GraphJson.Serialize(await store.ReadAllAsync(Token)));
        }
        Assert.True(interrupted >= killAfter.Length / 2, $"Only {interrupted} of {killAfter.Length} kills landed before the ingest finished.");
    }

    [Fact]
    public async Task AKilledReplacementLeavesEachDocumentInItsOldOrNewVersion()
    {
        var v1 = SyntheticCorpus.Create(Documents, seed: 1, paragraphs: 60);
        var v2 = SyntheticCorpus.Create(Documents, seed: 2, paragraphs: 60);
        var v1Files = Path.Combine(_directory.Path, "v1");
        var v2Files = Path.Combine(_directory.Path, "v2");
        SyntheticCorpus.WriteFiles(v1, v1Files);
        SyntheticCorpus.WriteFiles(v2, v2Files);
        var baseline = Path.Combine(_directory.Path, "baseline");
        await IngestUninterruptedAsync(v1Files, baseline);

        int[] killAfter = [2, 11, 25, 40];
        for (var run = 0; run < killAfter.Length; run++)
        {
            var data = Path.Combine(_directory.Path, $"replace{run}");
            CopyStore(baseline, data);
            await KillIngestAfterAsync(v2Files, data, killAfter[run], extraDelayMs: run * 5, corpusMarker: "of corpus 2");

            await AssertCheckPassesAsync(data);
            await using var store = EmbeddedGraphStore.Open(data);
            await AssertPrefixWholeAsync(store, v2, previous: v1, $"replacement killed after {killAfter[run]} documents");
        }
    }

    private async Task<string> IngestUninterruptedAsync(string files, string data)
    {
        var result = await GraphCli.RunAsync("ingest", files, "--data", data, "--quiet");
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        await using var store = EmbeddedGraphStore.Open(data);
        return GraphJson.Serialize(await store.ReadAllAsync(Token));
    }

    /// <summary>
    /// Starts an ingest, waits until <paramref name="documents"/> documents are committed (as another
    /// reader of the database sees it) and a little more, then kills the process. Returns how many
    /// documents were committed when it died.
    /// </summary>
    private static async Task<long> KillIngestAfterAsync(string files, string data, int documents, int extraDelayMs, string? corpusMarker = null)
    {
        using var process = GraphCli.Start("ingest", files, "--data", data, "--quiet");
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (TryCountDocuments(data, corpusMarker, out var count) && count >= documents) break;
            await Task.Delay(2, Token);
        }
        if (extraDelayMs > 0) await Task.Delay(extraDelayMs, Token);
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(Token);
        return TryCountDocuments(data, corpusMarker, out var committed) ? committed : 0;
    }

    /// <summary>Committed documents (only those whose text ends with <paramref name="corpusMarker"/>, if given), read through a separate connection.</summary>
    private static bool TryCountDocuments(string data, string? corpusMarker, out long count)
    {
        count = 0;
        var file = Path.Combine(data, "graph.db");
        if (!File.Exists(file)) return false;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM documents WHERE $marker IS NULL OR text LIKE '%' || $marker";
            command.Parameters.AddWithValue("$marker", (object?)corpusMarker ?? DBNull.Value);
            count = (long)command.ExecuteScalar()!;
            return true;
        }
        catch (SqliteException)
        {
            return false; // not created yet, or busy: try again
        }
    }

    private static async Task AssertCheckPassesAsync(string data)
    {
        var check = await GraphCli.RunAsync("check", "--data", data);
        Assert.True(check.ExitCode == 0, $"graph check failed after a kill:\n{check.Error}{check.Output}");
    }

    /// <summary>
    /// The documents of <paramref name="corpus"/> present in the store are a prefix of it, each whole;
    /// the others are absent (or, when <paramref name="previous"/> is given, whole in their previous version).
    /// </summary>
    private static async Task AssertPrefixWholeAsync(EmbeddedGraphStore store, IReadOnlyList<GraphDocument> corpus, IReadOnlyList<GraphDocument>? previous, string when)
    {
        var present = new List<bool>();
        for (var i = 0; i < corpus.Count; i++)
        {
            var document = corpus[i];
            var isNew = await IsWholeAsync(store, document);
            var isOld = previous is not null && await IsWholeAsync(store, previous[i]);
            Assert.True(isNew || isOld || (previous is null && await IsAbsentAsync(store, document)),
                $"{when}: {document.DocumentId} is neither whole nor absent.");
            present.Add(isNew);
        }
        var prefix = present.TakeWhile(p => p).Count();
        Assert.True(present.Skip(prefix).All(p => !p), $"{when}: the documents present are not a prefix of the ingest order: {string.Concat(present.Select(p => p ? '1' : '0'))}");
    }

    private static async Task<bool> IsWholeAsync(EmbeddedGraphStore store, GraphDocument document)
    {
        if (await store.TryGetDocumentTextAsync(document.DocumentId, Token) != document.Text) return false;
        foreach (var node in document.Nodes)
        {
            var stored = await store.TryGetNodeAsync(node.Id, Token);
            if (stored is null) return false;
            if (node.Id.StartsWith(document.DocumentId + "#", StringComparison.Ordinal) && stored.GetString("text") != node.GetString("text")) return false;
        }
        foreach (var relationship in document.Relationships)
        {
            var outgoing = await store.GetRelationshipsAsync(relationship.Start, Direction.Outgoing, [relationship.Type], cancellationToken: Token);
            if (!outgoing.Any(r => r.Id == relationship.Id)) return false;
        }
        return true;
    }

    private static async Task<bool> IsAbsentAsync(EmbeddedGraphStore store, GraphDocument document)
    {
        if (await store.TryGetDocumentTextAsync(document.DocumentId, Token) is not null) return false;
        var own = await store.TryGetNodeAsync(document.DocumentId, Token);
        if (own is not null && !own.IsStub) return false;
        foreach (var node in document.Nodes.Where(n => n.Id.StartsWith(document.DocumentId + "#", StringComparison.Ordinal)))
            if (await store.TryGetNodeAsync(node.Id, Token) is not null) return false;
        return true;
    }

    private static void CopyStore(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}

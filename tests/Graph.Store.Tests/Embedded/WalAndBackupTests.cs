using System.Diagnostics;
using Graph.Store.Embedded;
using Microsoft.Data.Sqlite;

namespace Graph.Store.Tests.Embedded;

/// <summary>
/// The write-ahead log stays small while a store is open and written to, and <c>graph backup</c> copies a store
/// that a writer is changing into one that <c>graph check</c> accepts and that holds every document committed
/// before the backup began; a backup killed half-way leaves nothing under the destination's name.
/// </summary>
public sealed class WalAndBackupTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheWalStaysBoundedUnderManyWritesAndIsEmptiedWhenIdle()
    {
        var corpus = SyntheticCorpus.Create(600, seed: 3, paragraphs: 40);
        await using var store = EmbeddedGraphStore.Open(Path.Combine(_directory.Path, "data"));
        long largest = 0;
        foreach (var batch in corpus.Chunk(20))
        {
            await store.IngestBatchAsync(batch, Token);
            largest = Math.Max(largest, store.WalSizeBytes);
        }
        for (var i = 0; i < 300; i++)
        {
            store.SaveWrite(new WriteToSave($"CREATE (:Note {{n: {i}}})", "{}", DateTime.UtcNow, i));
            largest = Math.Max(largest, store.WalSizeBytes);
        }

        // SQLite's automatic checkpoint keeps the log near 1000 pages (4 MB) plus one batch; the limit cuts it back.
        Assert.True(largest < 16L * 1024 * 1024, $"the WAL reached {largest:N0} bytes after {corpus.Count} documents in batches of 20 and 300 saved writes");
        var clock = Stopwatch.StartNew();
        while (store.WalSizeBytes > 0 && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100, Token);
        Assert.True(store.WalSizeBytes == 0, $"the idle checkpoint did not empty the WAL within 30 s ({store.WalSizeBytes:N0} bytes left)");
        Assert.Equal(corpus.Count, (await store.CountAsync(Token)).Documents);
    }

    [Fact]
    public async Task ABackupTakenWhileAnIngestRunsIsCheckedCleanAndHoldsEveryCommittedDocument()
    {
        var files = Path.Combine(_directory.Path, "files");
        SyntheticCorpus.WriteFiles(SyntheticCorpus.Create(160, seed: 5, paragraphs: 40), files);
        var data = Path.Combine(_directory.Path, "data");
        Directory.CreateDirectory(data);
        await GraphCli.RunAsync("ingest", SyntheticCorpus.WriteFiles(SyntheticCorpus.Create(1, seed: 9), Path.Combine(_directory.Path, "first"))[0], "--data", data, "--quiet");

        using var writer = GraphCli.Start("ingest", files, "--data", data, "--quiet");
        var backups = new List<(string Folder, long CommittedBefore)>();
        for (var i = 0; !writer.HasExited && i < 6; i++)
        {
            var committed = CountDocuments(Path.Combine(data, "graph.db"));
            var folder = Path.Combine(_directory.Path, $"backup{i}");
            var backup = await GraphCli.RunAsync("backup", "--data", data, "--out", folder + "/");
            Assert.True(backup.ExitCode == 0, backup.Error + backup.Output);
            backups.Add((folder, committed));
        }
        await writer.WaitForExitAsync(Token);
        Assert.True(writer.ExitCode == 0, await writer.StandardError.ReadToEndAsync(Token));
        Assert.NotEmpty(backups);

        foreach (var (folder, committedBefore) in backups)
        {
            var check = await GraphCli.RunAsync("check", "--data", folder);
            Assert.True(check.ExitCode == 0, $"graph check of {folder}: {check.Error}{check.Output}");
            var held = CountDocuments(Path.Combine(folder, "graph.db"));
            Assert.True(held >= committedBefore, $"{folder} holds {held} documents; {committedBefore} were committed before it began");
        }
        Assert.Contains(backups, b => CountDocuments(Path.Combine(b.Folder, "graph.db")) < 161);
    }

    [Fact]
    public async Task ABackupKilledHalfWayLeavesNoFileUnderItsNameAndTheStoreIntact()
    {
        var data = Path.Combine(_directory.Path, "data");
        await using (var store = EmbeddedGraphStore.Open(data))
            foreach (var batch in SyntheticCorpus.Create(400, seed: 4, paragraphs: 60).Chunk(50)) await store.IngestBatchAsync(batch, Token);

        var landed = 0;
        int[] killAfterMs = [0, 60, 120, 180, 240, 300, 400, 600];
        foreach (var delay in killAfterMs)
        {
            var destination = Path.Combine(_directory.Path, $"kill{delay}.db");
            using var backup = GraphCli.Start("backup", "--data", data, "--out", destination);
            await Task.Delay(delay, Token);
            if (!backup.HasExited) backup.Kill(entireProcessTree: true);
            await backup.WaitForExitAsync(Token);
            if (!File.Exists(destination)) continue;
            landed++;
            var restored = Path.Combine(_directory.Path, $"restored{delay}");
            Directory.CreateDirectory(restored);
            File.Copy(destination, Path.Combine(restored, "graph.db"));
            var check = await GraphCli.RunAsync("check", "--data", restored);
            Assert.True(check.ExitCode == 0, $"a backup that finished before the kill after {delay} ms fails graph check: {check.Error}");
            Assert.Equal(400, CountDocuments(Path.Combine(restored, "graph.db")));
        }
        var source = await GraphCli.RunAsync("check", "--data", data);
        Assert.True(source.ExitCode == 0, source.Error);
        Assert.True(landed < killAfterMs.Length, "every backup finished before its kill: none was interrupted");
    }

    private static long CountDocuments(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM documents";
        return (long)command.ExecuteScalar()!;
    }
}

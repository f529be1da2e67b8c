using System.Collections.Concurrent;
using System.Diagnostics;

namespace Graph.Web.Tests.Durability;

/// <summary>
/// Nothing acknowledged is lost when the server is killed: the real server, sent Cypher writes through the Query API,
/// is ended with SIGKILL at chosen moments (right after an answer arrives, with a request in flight, around the idle
/// WAL checkpoint) and started again on the same data folder. Every write answered 2xx is there after the restart,
/// whole (each write creates two nodes and a relationship: all or nothing), nothing appears that was never sent, and
/// <c>graph check</c> passes after every kill. The amount of work is fixed: the kills, and the writes before each.
/// </summary>
[Collection(KillTestsRunAlone.Name)]
public sealed class ApiWriteKillTests : IDisposable
{
    private const string Pair = "CREATE (:Probe {seq: $seq})-[:PAIRED]->(:ProbeTwin {seq: $seq})";
    private readonly string _dataDir = Directory.CreateTempSubdirectory("graph-kill-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void Say(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    [Fact]
    public async Task EveryAcknowledgedWriteSurvivesTenKills()
    {
        const int Kills = 10;
        var sent = new ConcurrentDictionary<long, bool>();
        var acknowledged = new ConcurrentDictionary<long, bool>();
        long next = 0;
        var inFlightAtKills = 0;
        var inFlightLanded = 0;
        long? unanswered = null;

        // The write killed in flight may have landed or not (either is right, since it was not acknowledged): counted for the figures.
        async Task CountInFlightAsync(KillableServer server)
        {
            if (unanswered is not { } seq) return;
            inFlightAtKills++;
            if ((await server.ReadAsync($"MATCH (p:Probe {{seq: {seq}}}) RETURN count(p)", Cancel))[0][0].GetInt64() > 0) inFlightLanded++;
            unanswered = null;
        }

        for (var kill = 0; kill < Kills; kill++)
        {
            var server = await KillableServer.StartAsync(_dataDir, Cancel);
            await AssertAcknowledgedPresentAsync(server, sent, acknowledged, $"after kill {kill}");
            await CountInFlightAsync(server);

            async Task<bool> WriteAsync(long seq)
            {
                sent[seq] = true;
                using var response = await server.TryWriteAsync(Pair, new { seq }, Cancel);
                if (response is null) return false;
                Assert.True(response.IsSuccessStatusCode, $"write {seq}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
                acknowledged[seq] = true;
                return true;
            }

            // A second client writes all along, so that some write is usually under way whatever the moment.
            using var stop = new CancellationTokenSource();
            var background = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested && await WriteAsync(Interlocked.Increment(ref next))) { }
            }, Cancel);

            var before = 3 + (kill * 2);
            for (var i = 0; i < before; i++) Assert.True(await WriteAsync(Interlocked.Increment(ref next)), server.Output);
            long? inFlight = null;
            if (kill % 2 == 1)
            {
                // With a request in flight: sent, its answer not yet come, after a delay that varies from kill to kill.
                inFlight = Interlocked.Increment(ref next);
                var pending = WriteAsync(inFlight.Value);
                // 0, 0, 1, 1, 2 ms: a write is answered in a few milliseconds, so later would mostly be after its answer.
                await Task.Delay(kill / 2 % 3, Cancel);
                await server.KillAsync();
                await pending;
            }
            else
            {
                // Right after an answer arrived.
                await server.KillAsync();
            }
            await stop.CancelAsync();
            await background;
            await server.DisposeAsync();

            var check = await KillableServer.CheckAsync(_dataDir, Cancel);
            Assert.True(check.ExitCode == 0, $"graph check after kill {kill + 1}:\n{check.Output}");
            if (inFlight is { } seq && !acknowledged.ContainsKey(seq)) unanswered = seq;
        }

        await using (var last = await KillableServer.StartAsync(_dataDir, Cancel))
        {
            await AssertAcknowledgedPresentAsync(last, sent, acknowledged, $"after kill {Kills}");
            await CountInFlightAsync(last);
        }
        Say($"API writes: {Kills} SIGKILLs survived; {acknowledged.Count} writes acknowledged, all present and whole after the restarts; " +
            $"{sent.Count - acknowledged.Count} sent without an answer; {inFlightAtKills} killed in flight, {inFlightLanded} of them landed; graph check clean after each.");
    }

    [Fact]
    public async Task EveryAcknowledgedWriteSurvivesKillsAroundTheIdleCheckpoint()
    {
        // The store empties the WAL (wal_checkpoint(TRUNCATE)) once writes have stopped for a second; its timer looks
        // every 2 s. Bursts of large writes fill the WAL, then the server dies at moments before, around and after it.
        // DuringCheckpoint: as soon as the database file grows, which only the checkpoint's copying from the WAL does.
        const int DuringCheckpoint = -1;
        int[] killAfterMs = [0, 400, 900, DuringCheckpoint, 1200, 1600, DuringCheckpoint, 2100, 2600, 3400];
        const int WritesPerBurst = 40;
        var pad = new string('x', 96 * 1024);
        var acknowledged = new List<long>();
        long next = 0;
        var walAtKill = new List<long>();

        foreach (var delay in killAfterMs)
        {
            var server = await KillableServer.StartAsync(_dataDir, Cancel);
            await AssertBulkPresentAsync(server, acknowledged, pad.Length, $"before the burst killed after {delay} ms");
            for (var i = 0; i < WritesPerBurst; i++)
            {
                var seq = ++next;
                using var response = await server.TryWriteAsync("CREATE (:Bulk {seq: $seq, pad: $pad})", new { seq, pad }, Cancel);
                Assert.True(response is { IsSuccessStatusCode: true }, $"bulk write {seq}: {(response is null ? "no answer" : (int)response.StatusCode)}\n{server.Output}");
                acknowledged.Add(seq);
            }
            var wal = Path.Combine(_dataDir, "graph.db-wal");
            var peak = new FileInfo(wal) is { Exists: true } f ? f.Length : 0;
            var clock = Stopwatch.StartNew();
            if (delay == DuringCheckpoint)
            {
                var database = new FileInfo(Path.Combine(_dataDir, "graph.db"));
                var length = database.Length;
                // Polled without sleeping (the copy takes milliseconds); bounded by the idle timer's period and a margin.
                while (clock.ElapsedMilliseconds < 5000)
                {
                    database.Refresh();
                    if (database.Length != length) break;
                }
            }
            else
            {
                while (clock.ElapsedMilliseconds < delay) await Task.Delay(5, Cancel);
            }
            var size = new FileInfo(wal) is { Exists: true } g ? g.Length : 0;
            await server.KillAsync();
            await server.DisposeAsync();
            walAtKill.Add(size);
            Say($"killed {(delay == DuringCheckpoint ? $"as the checkpoint wrote the database ({clock.ElapsedMilliseconds} ms)" : $"{delay} ms")} after the last acknowledged write: WAL {peak / 1024} KiB after the burst, {size / 1024} KiB at the kill");

            var check = await KillableServer.CheckAsync(_dataDir, Cancel);
            Assert.True(check.ExitCode == 0, $"graph check after the kill {delay} ms after the burst:\n{check.Output}");
        }

        await using (var last = await KillableServer.StartAsync(_dataDir, Cancel))
            await AssertBulkPresentAsync(last, acknowledged, pad.Length, "after the last kill");
        // The moments must have caught the checkpoint on both sides, or the test did not test it.
        Assert.Contains(walAtKill, size => size > 1024 * 1024);
        Assert.Contains(walAtKill, size => size == 0);
        Say($"Checkpoint kills: {killAfterMs.Length} SIGKILLs ({killAfterMs.Count(d => d == DuringCheckpoint)} as the checkpoint wrote the database), {walAtKill.Count(s => s > 0)} with the WAL not yet emptied, {walAtKill.Count(s => s == 0)} after; " +
            $"{acknowledged.Count} writes of 96 KiB acknowledged, all present after the restarts; graph check clean after each.");
    }

    /// <summary>Every acknowledged write is there and whole; nothing is there that was not sent.</summary>
    private static async Task AssertAcknowledgedPresentAsync(KillableServer server, ConcurrentDictionary<long, bool> sent, ConcurrentDictionary<long, bool> acknowledged, string when)
    {
        var rows = await server.ReadAsync("MATCH (p:Probe) OPTIONAL MATCH (p)-[:PAIRED]->(t:ProbeTwin) RETURN p.seq, t.seq", Cancel);
        var present = rows.Select(r => r[0].GetInt64()).ToHashSet();
        Assert.True(rows.All(r => r[1].ValueKind == System.Text.Json.JsonValueKind.Number && r[1].GetInt64() == r[0].GetInt64()), $"{when}: a write was kept in part");
        var twins = (await server.ReadAsync("MATCH (t:ProbeTwin) RETURN count(t)", Cancel))[0][0].GetInt64();
        Assert.Equal(present.Count, twins);
        var lost = acknowledged.Keys.Where(seq => !present.Contains(seq)).Order().ToList();
        Assert.True(lost.Count == 0, $"{when}: acknowledged writes lost: {string.Join(", ", lost)}");
        Assert.True(present.All(sent.ContainsKey), $"{when}: a write is there that was never sent");
        Assert.Equal(present.Count, rows.Count);
    }

    private static async Task AssertBulkPresentAsync(KillableServer server, List<long> acknowledged, int padLength, string when)
    {
        var rows = await server.ReadAsync("MATCH (b:Bulk) RETURN b.seq, size(b.pad)", Cancel);
        var present = rows.ToDictionary(r => r[0].GetInt64(), r => r[1].GetInt64());
        var lost = acknowledged.Where(seq => !present.ContainsKey(seq)).ToList();
        Assert.True(lost.Count == 0, $"{when}: acknowledged writes lost: {string.Join(", ", lost)}");
        Assert.True(present.Values.All(n => n == padLength), $"{when}: a write was kept in part");
        Assert.Equal(acknowledged.Count, present.Count);
    }
}

/// <summary>
/// The kill tests start and kill servers for a minute and a half: they run on their own, after the others, so that
/// they neither slow the timing assertions of the hostile-request suite nor are slowed by it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KillTestsRunAlone
{
    public const string Name = "Kill tests, run alone";
}

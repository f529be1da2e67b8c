using System.Collections.Concurrent;
using System.Security.Cryptography;
using Graph.Cypher;

namespace Graph.Web.Hosting;

/// <summary>
/// The open explicit transactions of the Query API (<c>/db/{db}/query/v2/tx</c>), by id. A write transaction holds
/// the writer lease of <see cref="QueryEngine"/> from its begin to its commit, rollback or expiry: one is open at
/// a time, and other writers wait for it (or are refused when their time runs out). A transaction left idle for
/// <see cref="IdleTimeout"/> is rolled back and forgotten, giving the lease back.
/// </summary>
public sealed class QueryTransactions : IDisposable
{
    private readonly ConcurrentDictionary<string, OpenTransaction> open = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private readonly ITimer sweeper;

    public QueryTransactions(TimeSpan idleTimeout, TimeProvider? clock = null, int maxOpen = 1000)
    {
        IdleTimeout = idleTimeout;
        MaxOpen = maxOpen;
        this.clock = clock ?? TimeProvider.System;
        var period = TimeSpan.FromMilliseconds(Math.Clamp(idleTimeout.TotalMilliseconds / 4, 50, 1000));
        sweeper = this.clock.CreateTimer(_ => RollBackExpired(), null, period, period);
    }

    /// <summary>How long a transaction may stay without a request before it is rolled back (Neo4j's default is 60 s).</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>Most transactions open at once; a begin beyond them is refused until some end.</summary>
    public int MaxOpen { get; }

    /// <summary>Whether as many transactions are open as may be.</summary>
    public bool IsFull => open.Count >= MaxOpen;

    /// <summary>One open transaction: the engine's, the writer lease it holds (none for a read transaction) and who may use it.</summary>
    public sealed class OpenTransaction(string id, CypherTransaction transaction, IDisposable? lease, bool needsToken, bool askedRead, DateTimeOffset expires)
    {
        public string Id { get; } = id;

        public CypherTransaction Transaction { get; } = transaction;

        /// <summary>Opened by the token's bearer: every later request must carry the token too.</summary>
        public bool NeedsToken { get; } = needsToken;

        /// <summary>Begun with accessMode READ: a write in it is the client's access-mode error, not a missing token.</summary>
        public bool AskedRead { get; } = askedRead;

        public DateTimeOffset Expires { get; internal set; } = expires;

        internal IDisposable? Lease { get; } = lease;

        private readonly CancellationTokenSource stopped = new();

        /// <summary>Fires when the transaction is rolled back from outside (a DELETE, its idle time): a statement running in it stops.</summary>
        public CancellationToken Stopped => stopped.Token;

        internal void Stop() => stopped.Cancel();

        private int running;

        /// <summary>Whether a statement (or the commit) runs in it now: a transaction at work is not idle, however long that takes.</summary>
        public bool IsRunning => Volatile.Read(ref running) > 0;

        /// <summary>Marks a statement running until the returned handle is disposed, which restarts the idle clock.</summary>
        internal IDisposable Run(TimeProvider clock, TimeSpan idleTimeout)
        {
            Interlocked.Increment(ref running);
            return new Running(this, clock, idleTimeout);
        }

        private sealed class Running(OpenTransaction entry, TimeProvider clock, TimeSpan idleTimeout) : IDisposable
        {
            private int done;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref done, 1) != 0) return;
                entry.Expires = clock.GetUtcNow() + idleTimeout;
                Interlocked.Decrement(ref entry.running);
            }
        }
    }

    /// <summary>Registers a transaction just begun; <paramref name="lease"/> is given back when it ends.</summary>
    public OpenTransaction Add(CypherTransaction transaction, IDisposable? lease, bool needsToken, bool askedRead)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var entry = new OpenTransaction(id, transaction, lease, needsToken, askedRead, clock.GetUtcNow() + IdleTimeout);
        open[id] = entry;
        return entry;
    }

    /// <summary>Marks a statement of <paramref name="entry"/> running: the idle clock waits for it, and restarts when it ends.</summary>
    public IDisposable Running(OpenTransaction entry) => entry.Run(clock, IdleTimeout);

    /// <summary>The open transaction <paramref name="id"/>, its idle clock restarted; null when there is none (never was, ended or expired).</summary>
    public OpenTransaction? Touch(string id)
    {
        if (!open.TryGetValue(id, out var entry) || !entry.Transaction.IsOpen) return null;
        entry.Expires = clock.GetUtcNow() + IdleTimeout;
        return entry;
    }

    /// <summary>Forgets a transaction that has ended (committed, rolled back, or failed and so rolled back) and gives its lease back.</summary>
    public void End(OpenTransaction entry)
    {
        if (open.TryRemove(entry.Id, out _)) entry.Lease?.Dispose();
    }

    /// <summary>Rolls back every transaction idle past its expiry.</summary>
    public void RollBackExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var entry in open.Values)
        {
            if ((entry.Expires > now || entry.IsRunning) && entry.Transaction.IsOpen) continue;
            // Forgotten at once, so that no request finds it again; rolled back off the timer's thread.
            if (!open.TryRemove(entry.Id, out _)) continue;
            _ = StopAndRollBackAsync(entry);
        }
    }

    /// <summary>
    /// Rolls <paramref name="entry"/> back at a client's request: it is forgotten at once, so that a second request finds
    /// none; false when it had already ended.
    /// </summary>
    public async Task<bool> RollBackAsync(OpenTransaction entry)
    {
        if (!open.TryRemove(entry.Id, out _)) return false;
        await StopAndRollBackAsync(entry);
        return true;
    }

    /// <summary>
    /// Stops a statement still running in the transaction, then undoes it on a thread of its own: the undo waits for that
    /// statement to let go of the transaction, and a pool thread held there is one the whole server waits for. The lease
    /// goes back after the undo.
    /// </summary>
    private static async Task StopAndRollBackAsync(OpenTransaction entry)
    {
        entry.Stop();
        try
        {
            await DedicatedThread.Run("cypher rollback", entry.Transaction.Rollback);
        }
        finally
        {
            entry.Lease?.Dispose();
        }
    }

    public void Dispose()
    {
        sweeper.Dispose();
        foreach (var entry in open.Values)
        {
            entry.Stop();
            try
            {
                entry.Transaction.Rollback();
            }
            catch (ObjectDisposedException)
            {
                // The graph closed first, on shutdown: what the transaction changed was never saved, so nothing is left to undo.
            }
            finally
            {
                End(entry);
            }
        }
    }
}

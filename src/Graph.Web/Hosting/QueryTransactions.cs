using System.Collections.Concurrent;
using System.Security.Cryptography;
using Graph.Cypher;
using Microsoft.Extensions.Options;

namespace Graph.Web.Hosting;

/// <summary>
/// The open explicit transactions of the Query API (<c>/db/{db}/query/v2/tx</c>), by id. A transaction that is not
/// used for <see cref="GraphOptions.TransactionIdleSeconds"/> expires, like Neo4j's; an open transaction holds no
/// lock (see <see cref="CypherTransaction"/>), only its statements, and their number is capped.
/// </summary>
public sealed class QueryTransactions(IOptions<GraphOptions> options, TimeProvider time)
{
    /// <summary>Most transactions open at once: each keeps its statements in memory until it ends.</summary>
    public const int MaxOpen = 200;

    private readonly ConcurrentDictionary<string, Entry> _open = new(StringComparer.Ordinal);

    private sealed class Entry(CypherTransaction transaction)
    {
        public CypherTransaction Transaction { get; } = transaction;

        public DateTimeOffset Expires { get; set; }
    }

    private TimeSpan IdleTimeout => TimeSpan.FromSeconds(Math.Max(1, options.Value.TransactionIdleSeconds));

    /// <summary>Keeps <paramref name="transaction"/> under a new unguessable id.</summary>
    /// <exception cref="QueryEngineUnavailableException">Too many transactions are open.</exception>
    public string Add(CypherTransaction transaction)
    {
        RemoveExpired();
        if (_open.Count >= MaxOpen)
            throw new QueryEngineUnavailableException($"{MaxOpen} transactions are open; commit or roll back one, or wait for idle ones to expire.");
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _open[id] = new Entry(transaction) { Expires = time.GetUtcNow() + IdleTimeout };
        return id;
    }

    /// <summary>The open transaction <paramref name="id"/>, its idle time starting again; false when unknown, ended or expired.</summary>
    public bool TryUse(string id, out CypherTransaction transaction)
    {
        RemoveExpired();
        if (_open.TryGetValue(id, out var entry) && entry.Transaction.IsOpen)
        {
            entry.Expires = time.GetUtcNow() + IdleTimeout;
            transaction = entry.Transaction;
            return true;
        }
        _open.TryRemove(id, out _);
        transaction = null!;
        return false;
    }

    /// <summary>When <paramref name="id"/> expires if left idle from now on.</summary>
    public DateTimeOffset ExpiryOf(string id) => _open.TryGetValue(id, out var entry) ? entry.Expires : time.GetUtcNow();

    /// <summary>Forgets <paramref name="id"/> (committed, rolled back or failed).</summary>
    public void Remove(string id) => _open.TryRemove(id, out _);

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (id, entry) in _open)
        {
            if (entry.Expires > now) continue;
            entry.Transaction.Rollback();
            _open.TryRemove(id, out _);
        }
    }
}

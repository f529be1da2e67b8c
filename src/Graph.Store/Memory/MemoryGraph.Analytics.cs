using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using Graph.Model;

namespace Graph.Store.Memory;

public sealed partial class MemoryGraph
{
    /// <summary>
    /// For every node carrying each of <paramref name="endLabels"/> (every node when there are none), in ascending id
    /// order: how many of its relationships of <paramref name="type"/> in one direction lead to a node carrying each of
    /// <paramref name="otherLabels"/>; <paramref name="visit"/> gets the node and that count when it is above zero.
    /// <para>
    /// The grouped count of a global aggregation ("most cited"), done as a column store does it: one pass over the
    /// type's relationships as two arrays of end ids (<see cref="EndsOfType"/>), the labels of both ends tested as bits of
    /// the label index, the counts in a flat array indexed by node id; no adjacency list, no lock per node, no property
    /// read. The visitor runs under the read lock and must not write.
    /// </para>
    /// <para>
    /// Compiled optimised at its first call, as are <see cref="EndsOfType"/> and <see cref="EveryNodeHasKey"/>: each is
    /// one long loop per call, which under tiered compilation stops for an on-stack replacement compile on the
    /// query's thread (see <see cref="CountReachable"/>).
    /// </para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CountOtherEndsPerNode(
        Direction direction, string type, IReadOnlyList<string> endLabels, IReadOnlyList<string> otherLabels, Action<long, long> visit)
    {
        if (direction is not (Direction.Outgoing or Direction.Incoming)) throw new ArgumentOutOfRangeException(nameof(direction), "Outgoing or Incoming");
        ArgumentNullException.ThrowIfNull(visit);
        using var _ = EnterRead();
        if (!_typeTokens.TryGetValue(type, out var token)) return;
        var others = new NodeBitSet[otherLabels.Count];
        for (var i = 0; i < others.Length; i++)
            if (!_labelIndex.TryGetValue(otherLabels[i], out others[i]!)) return;
        NodeBitSet? candidates = null;
        if (endLabels.Count > 0 && !_labelIndex.TryGetValue(endLabels[0], out candidates)) return;

        var ends = EndsOfType(token);
        var (grouped, other) = direction == Direction.Incoming ? (ends.End, ends.Start) : (ends.Start, ends.End);
        var nodes = checked((int)_nextNodeId);
        var counts = ArrayPool<int>.Shared.Rent(Math.Max(1, nodes));
        try
        {
            Array.Clear(counts, 0, nodes);
            for (var i = 0; i < ends.Count; i++)
            {
                var node = grouped[i];
                if (candidates is not null && !candidates.Contains(node)) continue;
                var all = true;
                foreach (var set in others) all &= set.Contains(other[i]);
                if (all) counts[node]++;
            }

            // Out in ascending id order, the rest of the end's labels checked only where something was counted.
            void Visit(int node)
            {
                if (counts[node] == 0) return;
                if (endLabels.Count > 1)
                {
                    var labels = _nodes[node].Labels;
                    if (labels is null) return;
                    for (var l = 1; l < endLabels.Count; l++)
                        if (!labels.Contains(endLabels[l])) return;
                }
                visit(node, counts[node]);
            }

            if (candidates is null)
            {
                for (var node = 0; node < nodes; node++) Visit(node);
                return;
            }
            var words = candidates.Words;
            for (var word = 0; word < words.Length; word++)
            {
                var bits = words[word];
                while (bits != 0)
                {
                    var node = (word << 6) + BitOperations.TrailingZeroCount(bits);
                    if (node < nodes) Visit(node);
                    bits &= bits - 1;
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>The relationships of one type as columns: start and end node ids, relationship by relationship.</summary>
    private sealed record TypeEnds(long Stamp, int[] Start, int[] End, int Count);

    /// <summary>Per type token, its relationships' ends as read at a write stamp.</summary>
    private readonly ConcurrentDictionary<int, TypeEnds> _endsByType = new();

    /// <summary>
    /// The ends of every relationship of the type, read by one sequential pass over the relationship slots and kept until
    /// the graph is next written (8 bytes per relationship of the type, for the types an aggregation asked for): a later
    /// aggregation reads only those, not the relationships of every type. Not kept while this thread holds the write
    /// lock, since writes under it keep the stamp. Called under the read lock.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TypeEnds EndsOfType(int token)
    {
        var cacheable = !_lock.IsWriteLockHeld;
        if (cacheable && _endsByType.TryGetValue(token, out var known) && known.Stamp == _writeStamp) return known;
        var start = new List<int>();
        var end = new List<int>();
        for (long id = 0; id < _nextRelationshipId; id++)
        {
            ref var slot = ref _relationships[id];
            if (slot.Type != token) continue;
            start.Add(slot.Start);
            end.Add(slot.End);
        }
        var ends = new TypeEnds(_writeStamp, [.. start], [.. end], start.Count);
        if (cacheable) _endsByType[token] = ends;
        return ends;
    }

    /// <summary>Per label (the empty string for all nodes): whether each such node had a string <c>id</c> at a write stamp.</summary>
    private readonly ConcurrentDictionary<string, (long Stamp, bool Keyed)> _keyedLabels = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether every node carrying <paramref name="label"/> (every node, for null) has a string <c>id</c>, the unique key, so
    /// that grouping such nodes by their id groups them by node. Read once per state of the graph: the answer is kept with
    /// the write stamp it was read at, except while this thread holds the write lock (a write under it keeps the stamp).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool EveryNodeHasKey(string? label)
    {
        using var _ = EnterRead();
        var cacheable = !_lock.IsWriteLockHeld;
        if (cacheable && _keyedLabels.TryGetValue(label ?? "", out var known) && known.Stamp == _writeStamp) return known.Keyed;
        var keyed = true;
        if (label is null)
        {
            for (long node = 0; node < _nextNodeId && keyed; node++)
                keyed = !NodeExists(node) || HasStringKey(node);
        }
        else if (_labelIndex.TryGetValue(label, out var nodes))
        {
            var words = nodes.Words;
            for (var word = 0; word < words.Length && keyed; word++)
            {
                var bits = words[word];
                while (bits != 0 && keyed)
                {
                    keyed = HasStringKey(((long)word << 6) + BitOperations.TrailingZeroCount(bits));
                    bits &= bits - 1;
                }
            }
        }
        if (cacheable) _keyedLabels[label ?? ""] = (_writeStamp, keyed);
        return keyed;
    }

    private bool HasStringKey(long node) => NodeProperties(node).TryGetValue(PropertyNames.Id, out var key) && key is string;
}

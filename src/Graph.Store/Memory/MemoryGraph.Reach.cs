using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Graph.Store.Memory;

public sealed partial class MemoryGraph
{
    /// <summary>Visited marks lent to one reachability count at a time; readers run side by side, so each takes its own.</summary>
    private readonly ConcurrentBag<ReachMarks> _reachMarks = [];

    /// <summary>
    /// How many distinct nodes carrying every one of <paramref name="endLabels"/> a directed walk of
    /// <paramref name="minHops"/> (0 or 1) to <paramref name="maxHops"/> relationships of <paramref name="types"/> (null
    /// or empty: any) reaches from <paramref name="start"/>, following <paramref name="direction"/>: what
    /// <c>count(DISTINCT x)</c> over <c>(a)-[:T*1..k]-&gt;(x)</c> counts. Another node is reached when it lies within
    /// <paramref name="maxHops"/> steps (the shortest walk to it is a path); the start, at zero hops or when a directed
    /// cycle through it is at most <paramref name="maxHops"/> long. Walked one frontier per depth over internal ids, each
    /// node marked in an array indexed by id whose marks are stamped with the walk's number, so the array is cleared
    /// only when the numbers wrap, not per walk; nothing is allocated per node reached. 0 for an unknown start.
    /// <para>
    /// Compiled optimised at its first call (<see cref="MethodImplOptions.AggressiveOptimization"/>): a query calls it
    /// once and it loops over everything reached, so under tiered compilation its first long walks ran unoptimised code
    /// and stopped for an on-stack replacement, a full compile of the method on the query's own thread, once from the
    /// first code and again from the instrumented code that follows 30 calls later: 10 to 30 ms each on 2 cores, the
    /// slowest samples of the depth-5 chain in <c>graph bench --peer kuzu</c>.
    /// </para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long CountReachable(long start, Direction direction, IReadOnlyCollection<string>? types, int minHops, int maxHops,
        IReadOnlyList<string> endLabels, Action? tick = null)
    {
        if (direction is not (Direction.Outgoing or Direction.Incoming)) throw new ArgumentOutOfRangeException(nameof(direction), "Outgoing or Incoming");
        if (minHops is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(minHops), "0 or 1: past one hop, a nearer node may end no path of the length asked");
        ArgumentNullException.ThrowIfNull(endLabels);
        using var readLock = EnterRead();
        if (!NodeExists(start)) return 0;
        var tokens = TypeFilter(types);
        LabelSet? endMatch = null;
        long count = 0;
        var startCounted = minHops == 0;
        if (startCounted && CarriesAll(_nodes[start].Labels, endLabels, ref endMatch)) count++;
        if (tokens is { Count: 0 } || maxHops < 1) return count;
        // One token is the common case; a set is asked only when the pattern names several types.
        var single = tokens is { Count: 1 } ? tokens.First() : -1;

        var marks = _reachMarks.TryTake(out var kept) ? kept : new ReachMarks();
        try
        {
            var stamp = marks.Begin(checked((int)_nextNodeId));
            var seen = marks.Seen;
            var outgoing = direction == Direction.Outgoing;
            seen[start] = stamp;
            var frontier = marks.Frontier;
            var next = marks.Next;
            frontier.Clear();
            frontier.Add((int)start);
            var steps = 0;
            for (var depth = 1; depth <= maxHops && frontier.Count > 0; depth++)
            {
                next.Clear();
                foreach (var node in frontier)
                {
                    ref var slot = ref _nodes[node];
                    foreach (var id in outgoing ? OutgoingIds(slot) : IncomingIds(slot))
                    {
                        if ((++steps & 4095) == 0) tick?.Invoke();
                        ref var relationship = ref _relationships[id];
                        var type = relationship.Type;
                        if (single >= 0 ? type != single : type < 0 || (tokens is not null && !tokens.Contains(type))) continue;
                        var other = outgoing ? relationship.End : relationship.Start;
                        if (other == start)
                        {
                            if (!startCounted)
                            {
                                startCounted = true;
                                if (CarriesAll(_nodes[start].Labels, endLabels, ref endMatch)) count++;
                            }
                            continue;
                        }
                        if (seen[other] == stamp) continue;
                        seen[other] = stamp;
                        next.Add(other);
                        if (CarriesAll(_nodes[other].Labels, endLabels, ref endMatch)) count++;
                    }
                }
                (frontier, next) = (next, frontier);
            }
            return count;
        }
        finally
        {
            marks.Frontier.Clear();
            marks.Next.Clear();
            _reachMarks.Add(marks);
        }
    }

    /// <summary>A visited array indexed by node id, stamped with the number of the walk that marked it, and two frontiers.</summary>
    private sealed class ReachMarks
    {
        private int _stamp;

        public int[] Seen { get; private set; } = [];

        public List<int> Frontier { get; } = [];

        public List<int> Next { get; } = [];

        /// <summary>The stamp of a new walk over <paramref name="nodes"/> ids: the array grows with the graph and is cleared only when the stamps wrap.</summary>
        public int Begin(int nodes)
        {
            if (Seen.Length < nodes)
            {
                Seen = new int[Math.Max(nodes, Seen.Length * 2)];
                _stamp = 0;
            }
            if (_stamp == int.MaxValue)
            {
                Array.Clear(Seen);
                _stamp = 0;
            }
            return ++_stamp;
        }
    }
}

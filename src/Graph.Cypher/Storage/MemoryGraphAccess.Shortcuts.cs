using Graph.Cypher.Syntax;
using Graph.Store;

namespace Graph.Cypher.Storage;

/// <summary>The store's own reads for the shapes <see cref="IStoreShortcuts"/> names.</summary>
internal sealed partial class MemoryGraphAccess : IStoreShortcuts
{
    public IStoreShortcuts? Shortcuts => this;

    public long ScanLabelValues(string label, IReadOnlyList<string> keys, object?[] values, Func<long, bool> visit) =>
        graph.ScanLabelValues(label, keys, values, node =>
        {
            Typed(values, keys.Count);
            return visit(node);
        });

    public bool TryReadValues(long node, IReadOnlyList<string> keys, object?[] values)
    {
        if (!graph.TryReadValues(node, keys, values)) return false;
        Typed(values, keys.Count);
        return true;
    }

    public void ReadValues(IReadOnlyList<long> nodes, string key, object?[] values)
    {
        graph.ReadValues(nodes, key, values);
        Typed(values, nodes.Count);
    }

    public bool TryFindShortestPath(long from, long to, IReadOnlyList<string> types, RelDirection direction, int maxHops, Action tick,
        out List<long> nodes, out List<long> relationships)
    {
        var way = direction switch { RelDirection.Outgoing => Direction.Outgoing, RelDirection.Incoming => Direction.Incoming, _ => Direction.Both };
        return graph.TryFindShortestPath(from, to, types.Count == 0 ? null : types, way, maxHops, tick, out nodes, out relationships);
    }

    public void CountTwoStepEnds(long anchor, bool firstIncoming, string firstType, IReadOnlyList<string> middleLabels,
        bool secondIncoming, string secondType, IReadOnlyList<string> endLabels, bool excludeAnchor, Dictionary<long, long> counts, Action tick) =>
        graph.CountTwoStepEnds(anchor, firstIncoming ? Direction.Incoming : Direction.Outgoing, firstType, middleLabels,
            secondIncoming ? Direction.Incoming : Direction.Outgoing, secondType, endLabels, excludeAnchor, counts, tick);

    public long CountReachable(long start, bool incoming, IReadOnlyList<string> types, int minHops, int maxHops, IReadOnlyList<string> endLabels, Action tick) =>
        graph.CountReachable(start, incoming ? Direction.Incoming : Direction.Outgoing, types.Count == 0 ? null : types, minHops, maxHops, endLabels, tick);

    /// <summary>Temporal values and points are kept in the store's own form and typed again as they are read, as <see cref="TypedProperties"/> does.</summary>
    private static void Typed(object?[] values, int count)
    {
        for (var i = 0; i < count; i++) values[i] = StoredTemporals.FromStore(values[i]);
    }
}

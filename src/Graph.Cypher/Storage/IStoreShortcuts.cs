using Graph.Cypher.Syntax;

namespace Graph.Cypher.Storage;

/// <summary>
/// Reads a store offers beyond <see cref="IGraphAccess"/> for the query shapes that would otherwise build a row or a
/// property view per node or relationship looked at: values read straight from a label's property records, a
/// shortest path searched over internal ids, and two-step walks counted per end node. A graph without them (the
/// scratch graph, a writing query's transactional view) runs those queries the general way.
/// </summary>
internal interface IStoreShortcuts
{
    /// <summary>
    /// Calls <paramref name="visit"/> for each node carrying <paramref name="label"/>, ascending by id, with the values of
    /// <paramref name="keys"/> (as query values; null where absent) in <paramref name="values"/>; stops when it answers
    /// false. Returns how many nodes it visited.
    /// </summary>
    long ScanLabelValues(string label, IReadOnlyList<string> keys, object?[] values, Func<long, bool> visit);

    /// <summary>Reads the values of <paramref name="keys"/> of one node (as query values); false when it does not exist.</summary>
    bool TryReadValues(long node, IReadOnlyList<string> keys, object?[] values);

    /// <summary>Reads the value of <paramref name="key"/> of each of <paramref name="nodes"/> (as query values; null where absent) at once.</summary>
    void ReadValues(IReadOnlyList<long> nodes, string key, object?[] values);

    /// <summary>
    /// One shortest path of 1..<paramref name="maxHops"/> relationships of <paramref name="types"/> (empty: any type) from
    /// <paramref name="from"/> to <paramref name="to"/> in <paramref name="direction"/>, by breadth-first search from both
    /// ends; false when there is none.
    /// </summary>
    bool TryFindShortestPath(long from, long to, IReadOnlyList<string> types, RelDirection direction, int maxHops, Action tick,
        out List<long> nodes, out List<long> relationships);

    /// <summary>
    /// Adds to <paramref name="counts"/>, per end node, the two-step walks from <paramref name="anchor"/> over a relationship
    /// of <paramref name="firstType"/> to a node with <paramref name="middleLabels"/>, then another of
    /// <paramref name="secondType"/> to a node with <paramref name="endLabels"/> (directions as seen from the anchor; the
    /// anchor left out as an end when <paramref name="excludeAnchor"/>).
    /// </summary>
    void CountTwoStepEnds(long anchor, bool firstIncoming, string firstType, IReadOnlyList<string> middleLabels,
        bool secondIncoming, string secondType, IReadOnlyList<string> endLabels, bool excludeAnchor, Dictionary<long, long> counts, Action tick);

    /// <summary>
    /// How many distinct nodes with <paramref name="endLabels"/> a directed walk of <paramref name="minHops"/> (0 or 1) to
    /// <paramref name="maxHops"/> relationships of <paramref name="types"/> (empty: any) reaches from <paramref name="start"/>:
    /// <c>count(DISTINCT x)</c> over a lone variable-length relationship, counted from a frontier per depth over internal ids.
    /// </summary>
    long CountReachable(long start, bool incoming, IReadOnlyList<string> types, int minHops, int maxHops, IReadOnlyList<string> endLabels, Action tick);
}

namespace Graph.Store.Memory;

/// <summary>
/// Reads for a query engine that would otherwise build an object per node or relationship it looks at: property
/// values read straight from the records of a label's nodes, a shortest path searched over the adjacency blocks,
/// and the ends of two-step walks counted. Each runs under one read lock on internal ids, with no snapshot, list
/// or property view per node or relationship.
/// </summary>
public sealed partial class MemoryGraph
{
    /// <summary>
    /// Calls <paramref name="visit"/> for each node carrying <paramref name="label"/>, ascending by id, after reading the
    /// stored values of <paramref name="keys"/> into <paramref name="values"/> (null where the node has no such property;
    /// the values as the store keeps them, as <see cref="PropertyMap"/> hands them out). Stops when the visitor answers
    /// false. Returns how many nodes were visited.
    /// </summary>
    public long ScanLabelValues(string label, IReadOnlyList<string> keys, object?[] values, Func<long, bool> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (values.Length < keys.Count) throw new ArgumentException("One value slot per key is needed.", nameof(values));
        using var _ = EnterRead();
        if (!_labelIndex.TryGetValue(label, out var members)) return 0;
        Span<int> wanted = stackalloc int[keys.Count];
        var present = KeyIndexes(keys, wanted);
        // The records are read a block of nodes at a time, each block's records asked of memory first: one record is
        // some hundred bytes past the last (a paragraph's text sits between), so reading them one by one waits on
        // memory once a node.
        Span<long> block = stackalloc long[PrefetchedRecords];
        var held = 0;
        long visited = 0;
        for (long id = 0; id <= _nextNodeId; id++)
        {
            if (id < _nextNodeId && members.Contains(id))
            {
                block[held++] = id;
                if (held < block.Length) continue;
            }
            else if (id < _nextNodeId || held == 0) continue;
            foreach (var node in block[..held]) Prefetch(_nodes[node].Record);
            foreach (var node in block[..held])
            {
                ReadValues(_nodes[node].Record, wanted, present, values);
                visited++;
                if (!visit(node)) return visited;
            }
            held = 0;
        }
        return visited;
    }

    private const int PrefetchedRecords = 32;

    /// <summary>Asks the processor to bring a record's first bytes into the cache; a hint, which never faults, even on a moved array.</summary>
    private unsafe void Prefetch(long record)
    {
        if (record == 0 || !System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        ref var first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(_arena.Span(record));
        var at = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.CompilerServices.Unsafe.Add(ref first, RecordArena.Offset(record)));
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(at);
    }

    /// <summary>Reads the stored values of <paramref name="keys"/> of one node into <paramref name="values"/>; false when the node does not exist.</summary>
    public bool TryReadValues(long nodeId, IReadOnlyList<string> keys, object?[] values)
    {
        using var _ = EnterRead();
        if (!NodeExists(nodeId)) return false;
        Span<int> wanted = stackalloc int[keys.Count];
        ReadValues(_nodes[nodeId].Record, wanted, KeyIndexes(keys, wanted), values);
        return true;
    }

    /// <summary>
    /// Reads the stored value of <paramref name="key"/> of each of <paramref name="nodeIds"/> into <paramref name="values"/>
    /// (null for a node that does not exist or has no such property), under one read lock.
    /// </summary>
    public void ReadValues(IReadOnlyList<long> nodeIds, string key, object?[] values)
    {
        if (values.Length < nodeIds.Count) throw new ArgumentException("One value slot per node is needed.", nameof(values));
        using var _ = EnterRead();
        Span<int> wanted = [_strings.TryFind(key, out var index) ? index : -1];
        var present = index >= 0 ? 1 : 0;
        var one = new object?[1];
        for (var i = 0; i < nodeIds.Count; i++)
        {
            var node = nodeIds[i];
            if (NodeExists(node)) Prefetch(_nodes[node].Record);
        }
        for (var i = 0; i < nodeIds.Count; i++)
        {
            var node = nodeIds[i];
            one[0] = null;
            if (NodeExists(node)) ReadValues(_nodes[node].Record, wanted, present, one);
            values[i] = one[0];
        }
    }

    /// <summary>Each key's index in the string table (-1 for a key no record holds); answers how many are held.</summary>
    private int KeyIndexes(IReadOnlyList<string> keys, Span<int> indexes)
    {
        var present = 0;
        for (var k = 0; k < keys.Count; k++)
        {
            indexes[k] = _strings.TryFind(keys[k], out var index) ? index : -1;
            if (index >= 0) present++;
        }
        return present;
    }

    /// <summary>
    /// One pass over a record, matching keys by their string-table index, that stops once every key asked for is found
    /// (a paragraph's <c>text</c>, after its <c>id</c> and <c>ordinal</c>, is never reached).
    /// </summary>
    private void ReadValues(long record, ReadOnlySpan<int> wanted, int present, object?[] values)
    {
        for (var k = 0; k < wanted.Length; k++) values[k] = null;
        if (record == 0 || present == 0) return;
        var reader = new PropertyRecord.Reader(_arena.Span(record), RecordArena.Offset(record), _strings);
        var count = reader.Header().Count;
        var found = 0;
        for (var i = 0; i < count; i++)
        {
            var key = (int)reader.Varint();
            var at = wanted.IndexOf(key);
            if (at < 0)
            {
                reader.SkipValue();
                continue;
            }
            var value = reader.Value();
            for (var k = at; k < wanted.Length; k++)
            {
                if (wanted[k] != key) continue;
                values[k] = value;
                found++;
            }
            if (found >= present) return;
        }
    }

    /// <summary>
    /// A shortest path from <paramref name="from"/> to <paramref name="to"/> of at most <paramref name="maxHops"/>
    /// relationships of <paramref name="types"/> (null or empty: any), followed in <paramref name="direction"/> (Both: either
    /// way), by breadth-first search from both ends. Each round grows by one level the side whose frontier has fewer
    /// relationships to follow, counted from the adjacency lists' lengths before anything is expanded (a frontier holding
    /// one hub costs more than one of fifty documents, so the search goes around hubs where it can); the first node both
    /// sides reach closes a shortest path. Visited nodes are kept by internal id. <paramref name="tick"/> is called every
    /// few thousand relationships (a caller's time budget). False when no such path exists.
    /// </summary>
    public bool TryFindShortestPath(long from, long to, IReadOnlyCollection<string>? types, Direction direction, int maxHops,
        Action? tick, out List<long> nodeIds, out List<long> relationshipIds)
    {
        nodeIds = [];
        relationshipIds = [];
        using var _ = EnterRead();
        if (!NodeExists(from) || !NodeExists(to)) return false;
        if (from == to)
        {
            nodeIds.Add(from);
            return true;
        }
        var tokens = TypeFilter(types);
        if (tokens is { Count: 0 } || maxHops < 1) return false;
        // Per node reached, the relationship it was reached by (-1 at the side's start).
        var forward = new Dictionary<int, int> { [(int)from] = -1 };
        var backward = new Dictionary<int, int> { [(int)to] = -1 };
        List<int> forwardFrontier = [(int)from], backwardFrontier = [(int)to];
        int forwardLevel = 0, backwardLevel = 0;
        var against = direction switch { Direction.Outgoing => Direction.Incoming, Direction.Incoming => Direction.Outgoing, _ => Direction.Both };
        var meeting = -1;
        var steps = 0;
        while (meeting < 0 && forwardFrontier.Count > 0 && backwardFrontier.Count > 0 && forwardLevel + backwardLevel < maxHops)
        {
            if (CheaperToExpand(forwardFrontier, direction, backwardFrontier, against))
            {
                forwardFrontier = ExpandLevel(forwardFrontier, direction, tokens, forward, backward, tick, ref steps, ref meeting);
                forwardLevel++;
            }
            else
            {
                backwardFrontier = ExpandLevel(backwardFrontier, against, tokens, backward, forward, tick, ref steps, ref meeting);
                backwardLevel++;
            }
        }
        if (meeting < 0) return false;

        for (var node = meeting; ;)
        {
            nodeIds.Add(node);
            var via = forward[node];
            if (via < 0) break;
            relationshipIds.Add(via);
            node = OtherEnd(via, node);
        }
        nodeIds.Reverse();
        relationshipIds.Reverse();
        for (var node = meeting; backward[node] is var via && via >= 0;)
        {
            relationshipIds.Add(via);
            node = OtherEnd(via, node);
            nodeIds.Add(node);
        }
        return true;
    }

    private int OtherEnd(int relationship, int node)
    {
        ref var slot = ref _relationships[relationship];
        return slot.Start == node ? slot.End : slot.Start;
    }

    /// <summary>
    /// Whether the first frontier has no more relationships to follow than the second. The lengths of the lists are added
    /// on both sides in step, so a frontier of thousands is never summed past the point where the other side is known cheaper.
    /// </summary>
    private bool CheaperToExpand(List<int> first, Direction firstDirection, List<int> second, Direction secondDirection)
    {
        long firstCost = 0, secondCost = 0;
        int i = 0, j = 0;
        while (true)
        {
            if (i == first.Count && firstCost <= secondCost) return true;
            if (j == second.Count && secondCost < firstCost) return false;
            if (i < first.Count && (firstCost <= secondCost || j == second.Count)) firstCost += ListLength(first[i++], firstDirection);
            else secondCost += ListLength(second[j++], secondDirection);
        }
    }

    private int ListLength(int node, Direction direction)
    {
        ref var slot = ref _nodes[node];
        return direction switch
        {
            Direction.Outgoing => slot.OutgoingCount,
            Direction.Incoming => slot.IncomingCount,
            _ => slot.OutgoingCount + slot.IncomingCount,
        };
    }

    /// <summary>The next level of one side: every node one relationship on from its frontier that this side has not reached; stops at the first node the other side has.</summary>
    private List<int> ExpandLevel(List<int> frontier, Direction direction, HashSet<int>? tokens, Dictionary<int, int> reached,
        Dictionary<int, int> other, Action? tick, ref int steps, ref int meeting)
    {
        var next = new List<int>();
        foreach (var node in frontier)
        {
            ref var slot = ref _nodes[node];
            if (direction != Direction.Incoming && Follow(OutgoingIds(slot), node, outgoing: true, skipSelfLoops: false, tokens, reached, other, next, tick, ref steps, ref meeting)) return next;
            if (direction != Direction.Outgoing && Follow(IncomingIds(slot), node, outgoing: false, skipSelfLoops: direction == Direction.Both, tokens, reached, other, next, tick, ref steps, ref meeting)) return next;
        }
        return next;
    }

    private bool Follow(ReadOnlySpan<int> relationships, int node, bool outgoing, bool skipSelfLoops, HashSet<int>? tokens,
        Dictionary<int, int> reached, Dictionary<int, int> other, List<int> next, Action? tick, ref int steps, ref int meeting)
    {
        foreach (var id in relationships)
        {
            if ((++steps & 4095) == 0) tick?.Invoke();
            ref var relationship = ref _relationships[id];
            if (tokens is not null && !tokens.Contains(relationship.Type)) continue;
            var neighbour = outgoing ? relationship.End : relationship.Start;
            if (skipSelfLoops && neighbour == node) continue;
            if (!reached.TryAdd(neighbour, id)) continue;
            next.Add(neighbour);
            if (other.ContainsKey(neighbour))
            {
                meeting = neighbour;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Counts, per end node, the two-step walks from <paramref name="anchor"/>: a relationship of <paramref name="firstType"/>
    /// taken in <paramref name="firstDirection"/> to a node carrying every one of <paramref name="middleLabels"/>, then a
    /// different relationship of <paramref name="secondType"/> in <paramref name="secondDirection"/> to a node carrying every
    /// one of <paramref name="endLabels"/> (the anchor itself left out when <paramref name="excludeAnchor"/>). Each walk adds
    /// one to its end's count in <paramref name="counts"/>, in the order the walks are met. Read from the adjacency blocks
    /// and label sets, with no list of ids per middle node.
    /// </summary>
    public void CountTwoStepEnds(long anchor, Direction firstDirection, string firstType, IReadOnlyList<string> middleLabels,
        Direction secondDirection, string secondType, IReadOnlyList<string> endLabels, bool excludeAnchor,
        Dictionary<long, long> counts, Action? tick = null)
    {
        if (firstDirection == Direction.Both || secondDirection == Direction.Both) throw new ArgumentOutOfRangeException(nameof(firstDirection), "Outgoing or Incoming");
        using var readLock = EnterRead();
        if (!NodeExists(anchor) || !_typeTokens.TryGetValue(firstType, out var first) || !_typeTokens.TryGetValue(secondType, out var second)) return;
        LabelSet? middleMatch = null, endMatch = null;
        var steps = 0;
        ref var anchorSlot = ref _nodes[anchor];
        foreach (var r1 in firstDirection == Direction.Outgoing ? OutgoingIds(anchorSlot) : IncomingIds(anchorSlot))
        {
            ref var one = ref _relationships[r1];
            if (one.Type != first) continue;
            var middle = firstDirection == Direction.Outgoing ? one.End : one.Start;
            ref var middleSlot = ref _nodes[middle];
            if (!CarriesAll(middleSlot.Labels, middleLabels, ref middleMatch)) continue;
            foreach (var r2 in secondDirection == Direction.Outgoing ? OutgoingIds(middleSlot) : IncomingIds(middleSlot))
            {
                if ((++steps & 4095) == 0) tick?.Invoke();
                ref var two = ref _relationships[r2];
                if (two.Type != second || r2 == r1) continue;
                long end = secondDirection == Direction.Outgoing ? two.End : two.Start;
                if ((excludeAnchor && end == anchor) || !CarriesAll(_nodes[end].Labels, endLabels, ref endMatch)) continue;
                ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, end, out _);
                count++;
            }
        }
    }

    /// <summary>Whether a label set holds every one of <paramref name="labels"/>; label sets are interned, so the last set found to match is remembered.</summary>
    private static bool CarriesAll(LabelSet? set, IReadOnlyList<string> labels, ref LabelSet? lastMatching)
    {
        if (set is null) return false;
        if (ReferenceEquals(set, lastMatching)) return true;
        foreach (var label in labels)
            if (!set.Contains(label)) return false;
        lastMatching = set;
        return true;
    }
}

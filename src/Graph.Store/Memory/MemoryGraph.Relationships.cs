namespace Graph.Store.Memory;

public sealed partial class MemoryGraph
{
    /// <summary>
    /// Creates a relationship between two existing nodes and returns its id. <paramref name="key"/>
    /// tells apart several relationships of one type between the same nodes (the model's
    /// <c>GraphRelationship.Key</c>); it is kept in the relationship's record, read back with
    /// <see cref="TryGetRelationshipKey"/>, and is not a property.
    /// </summary>
    public long CreateRelationship(string type, long startId, long endId, IEnumerable<KeyValuePair<string, object?>>? properties = null, string? key = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        var map = PropertyMap.From(properties);
        using var _ = EnterWrite();
        ref var start = ref ExistingNode(startId);
        ref var end = ref ExistingNode(endId);
        var id = _nextRelationshipId;
        var index = Index(id);
        _relationships.EnsureCapacity(id);
        ref var slot = ref _relationships[id];
        slot = new RelationshipSlot { Start = Index(startId), End = Index(endId), Type = TypeToken(type) };
        Store(ref slot.Record, map, key ?? "");
        _adjacency.Add(ref start.Outgoing, ref start.OutgoingCount, index);
        _adjacency.Add(ref end.Incoming, ref end.IncomingCount, index);
        _nextRelationshipId++;
        _relationshipCount++;
        return id;
    }

    public bool TryGetRelationship(long id, out MemoryRelationship relationship)
    {
        using var _ = EnterRead();
        if (!RelationshipExists(id))
        {
            relationship = default;
            return false;
        }
        relationship = View(id);
        return true;
    }

    public bool ContainsRelationship(long id)
    {
        using var _ = EnterRead();
        return RelationshipExists(id);
    }

    /// <summary>Sets one property; a null value removes it.</summary>
    public void SetRelationshipProperty(long id, string key, object? value)
    {
        using var _ = EnterWrite();
        ref var slot = ref ExistingRelationship(id);
        Store(ref slot.Record, Properties(slot.Record).With(key, value), RecordKey(slot.Record));
        CompactIfWasteful();
    }

    public bool RemoveRelationshipProperty(long id, string key)
    {
        using var _ = EnterWrite();
        ref var slot = ref ExistingRelationship(id);
        var before = Properties(slot.Record);
        if (!before.ContainsKey(key)) return false;
        Store(ref slot.Record, before.Without(key), RecordKey(slot.Record));
        CompactIfWasteful();
        return true;
    }

    /// <summary>Replaces all properties of a relationship (Cypher's <c>SET r = {…}</c>).</summary>
    public void ReplaceRelationshipProperties(long id, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var map = PropertyMap.From(properties);
        using var _ = EnterWrite();
        ref var slot = ref ExistingRelationship(id);
        Store(ref slot.Record, map, RecordKey(slot.Record));
        CompactIfWasteful();
    }

    /// <summary>The key the relationship was created with ("" for none); false when the relationship does not exist.</summary>
    public bool TryGetRelationshipKey(long id, out string key)
    {
        using var _ = EnterRead();
        key = RelationshipExists(id) ? RecordKey(_relationships[id].Record) : "";
        return RelationshipExists(id);
    }

    /// <summary>
    /// Finds the relationship of <paramref name="type"/> from <paramref name="startId"/> to
    /// <paramref name="endId"/> created with <paramref name="key"/> ("" for none), through the start
    /// node's adjacency, without materialising a relationship.
    /// </summary>
    public bool TryFindRelationship(long startId, string type, long endId, string key, out long id)
    {
        using var _ = EnterRead();
        id = -1;
        if (!NodeExists(startId) || !_typeTokens.TryGetValue(type, out var token)) return false;
        foreach (var candidate in OutgoingIds(_nodes[startId]))
        {
            ref var slot = ref _relationships[candidate];
            if (slot.Type != token || slot.End != endId || !RecordKeyEquals(slot.Record, key)) continue;
            id = candidate;
            return true;
        }
        return false;
    }

    /// <summary>How many relationships leave the node (0 when it does not exist).</summary>
    public int OutgoingCount(long nodeId)
    {
        using var _ = EnterRead();
        return NodeExists(nodeId) ? _nodes[nodeId].OutgoingCount : 0;
    }

    /// <summary>
    /// The relationships leaving <paramref name="startId"/>, each with its type, end and key, in the order
    /// <see cref="TryFindRelationship"/> reads them: for a caller that looks up many of one node's relationships by
    /// identity and indexes them once rather than reading the whole list for each.
    /// </summary>
    public List<(long Id, string Type, long End, string Key)> OutgoingIdentities(long startId)
    {
        using var _ = EnterRead();
        if (!NodeExists(startId)) return [];
        var outgoing = OutgoingIds(_nodes[startId]);
        var identities = new List<(long, string, long, string)>(outgoing.Length);
        foreach (var id in outgoing)
        {
            ref var slot = ref _relationships[id];
            identities.Add((id, _types[slot.Type], slot.End, RecordKey(slot.Record)));
        }
        return identities;
    }

    /// <summary>Deletes a relationship; false when it does not exist.</summary>
    public bool DeleteRelationship(long id)
    {
        using var _ = EnterWrite();
        if (!RelationshipExists(id)) return false;
        ref var slot = ref _relationships[id];
        ref var start = ref _nodes[slot.Start];
        _adjacency.Remove(start.Outgoing, ref start.OutgoingCount, (int)id);
        ref var end = ref _nodes[slot.End];
        _adjacency.Remove(end.Incoming, ref end.IncomingCount, (int)id);
        DropRecord(slot.Record);
        slot = new RelationshipSlot { Type = -1 };
        _relationshipCount--;
        CompactIfWasteful();
        return true;
    }

    /// <summary>Ids of all relationships, ascending: a snapshot.</summary>
    public IReadOnlyList<long> AllRelationshipIds()
    {
        using var _ = EnterRead();
        var ids = new List<long>(checked((int)_relationshipCount));
        for (long id = 0; id < _nextRelationshipId; id++)
            if (_relationships[id].Type >= 0) ids.Add(id);
        return ids;
    }

    /// <summary>All relationships, ascending by id: a snapshot taken under one read lock.</summary>
    public IReadOnlyList<MemoryRelationship> AllRelationships()
    {
        using var _ = EnterRead();
        var relationships = new List<MemoryRelationship>(checked((int)_relationshipCount));
        for (long id = 0; id < _nextRelationshipId; id++)
            if (_relationships[id].Type >= 0) relationships.Add(View(id));
        return relationships;
    }

    /// <summary>
    /// Ids of the relationships touching a node, in a direction, optionally only of the given types
    /// (null or empty: every type). With <see cref="Direction.Both"/> a self-loop appears once.
    /// Empty for an unknown node.
    /// </summary>
    public IReadOnlyList<long> GetRelationshipIds(long nodeId, Direction direction, IReadOnlyCollection<string>? types = null)
    {
        using var _ = EnterRead();
        if (!NodeExists(nodeId)) return [];
        var tokens = TypeFilter(types);
        if (tokens is { Count: 0 }) return [];
        ref var slot = ref _nodes[nodeId];
        var result = new List<long>();
        if (direction is Direction.Outgoing or Direction.Both) Collect(OutgoingIds(slot), tokens, result, skipSelfLoops: false, nodeId);
        if (direction is Direction.Incoming or Direction.Both) Collect(IncomingIds(slot), tokens, result, skipSelfLoops: direction == Direction.Both, nodeId);
        return result;
    }

    /// <summary>
    /// The node at the other end of each of a node's relationships of one type, one way (Outgoing: the end nodes;
    /// Incoming: the start nodes), read from the adjacency list without a snapshot of each relationship.
    /// Empty for an unknown node or type.
    /// </summary>
    public IReadOnlyList<long> OtherEndIds(long nodeId, Direction direction, string type)
    {
        if (direction is not (Direction.Outgoing or Direction.Incoming)) throw new ArgumentOutOfRangeException(nameof(direction), "Outgoing or Incoming");
        using var _ = EnterRead();
        if (!NodeExists(nodeId) || !_typeTokens.TryGetValue(type, out var token)) return [];
        ref var slot = ref _nodes[nodeId];
        var result = new List<long>();
        foreach (var id in direction == Direction.Outgoing ? OutgoingIds(slot) : IncomingIds(slot))
        {
            ref var relationship = ref _relationships[id];
            if (relationship.Type == token) result.Add(direction == Direction.Outgoing ? relationship.End : relationship.Start);
        }
        return result;
    }

    /// <summary>
    /// How many of the node's relationships of <paramref name="type"/> in one direction lead to a node carrying every one
    /// of <paramref name="labels"/>: counted under one read lock from the adjacency list and the other ends' label sets,
    /// with no list of ids and no lock per end (what counting "most cited" does for every node).
    /// </summary>
    public long CountOtherEnds(long nodeId, Direction direction, string type, IReadOnlyList<string> labels)
    {
        if (direction is not (Direction.Outgoing or Direction.Incoming)) throw new ArgumentOutOfRangeException(nameof(direction), "Outgoing or Incoming");
        using var _ = EnterRead();
        if (!NodeExists(nodeId) || !_typeTokens.TryGetValue(type, out var token)) return 0;
        ref var slot = ref _nodes[nodeId];
        long count = 0;
        LabelSet? lastMatching = null;
        foreach (var id in direction == Direction.Outgoing ? OutgoingIds(slot) : IncomingIds(slot))
        {
            ref var relationship = ref _relationships[id];
            if (relationship.Type != token) continue;
            var labelSet = _nodes[direction == Direction.Outgoing ? relationship.End : relationship.Start].Labels;
            if (labelSet is null) continue;
            // Label sets are interned, so most ends share the set just found to match.
            if (!ReferenceEquals(labelSet, lastMatching))
            {
                var all = true;
                foreach (var label in labels) all &= labelSet.Contains(label);
                if (!all) continue;
                lastMatching = labelSet;
            }
            count++;
        }
        return count;
    }

    /// <summary>The relationships touching a node (see <see cref="GetRelationshipIds"/>) as snapshots.</summary>
    public IReadOnlyList<MemoryRelationship> GetRelationships(long nodeId, Direction direction, IReadOnlyCollection<string>? types = null)
    {
        using var _ = EnterRead();
        var ids = GetRelationshipIds(nodeId, direction, types);
        var result = new MemoryRelationship[ids.Count];
        for (var i = 0; i < ids.Count; i++) result[i] = View(ids[i]);
        return result;
    }

    /// <summary>Relationship types in use or once used, in order of first use.</summary>
    public IReadOnlyList<string> RelationshipTypes()
    {
        using var _ = EnterRead();
        return [.. _types];
    }

    private MemoryRelationship View(long id)
    {
        ref var slot = ref _relationships[id];
        return new MemoryRelationship(id, _types[slot.Type], slot.Start, slot.End, Properties(slot.Record));
    }

    /// <summary>Null for "any type"; otherwise the known tokens of the requested types (possibly none).</summary>
    private HashSet<int>? TypeFilter(IReadOnlyCollection<string>? types)
    {
        if (types is null || types.Count == 0) return null;
        var tokens = new HashSet<int>();
        foreach (var type in types)
            if (_typeTokens.TryGetValue(type, out var token)) tokens.Add(token);
        return tokens;
    }

    private void Collect(ReadOnlySpan<int> relationshipIds, HashSet<int>? tokens, List<long> result, bool skipSelfLoops, long nodeId)
    {
        foreach (var id in relationshipIds)
        {
            ref var relationship = ref _relationships[id];
            if (tokens is not null && !tokens.Contains(relationship.Type)) continue;
            if (skipSelfLoops && relationship.Start == nodeId) continue;
            result.Add(id);
        }
    }
}

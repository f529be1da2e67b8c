namespace Graph.Store.Memory;

public sealed partial class MemoryGraph
{
    /// <summary>Creates a relationship between two existing nodes and returns its id.</summary>
    public long CreateRelationship(string type, long startId, long endId, IEnumerable<KeyValuePair<string, object?>>? properties = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        var map = PropertyMap.From(properties);
        using var _ = EnterWrite();
        InternKeys(map);
        ref var start = ref ExistingNode(startId);
        ExistingNode(endId);
        var id = _nextRelationshipId;
        EnsureCapacity(ref _relationships, id);
        _relationships[id] = new RelationshipSlot { Start = startId, End = endId, Type = TypeToken(type), Properties = map };
        start.Outgoing.Add(id);
        _nodes[endId].Incoming.Add(id);
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
        slot.Properties = slot.Properties.With(Intern(key), value);
    }

    public bool RemoveRelationshipProperty(long id, string key)
    {
        using var _ = EnterWrite();
        ref var slot = ref ExistingRelationship(id);
        var before = slot.Properties;
        slot.Properties = before.Without(key);
        return !ReferenceEquals(before, slot.Properties);
    }

    /// <summary>Replaces all properties of a relationship (Cypher's <c>SET r = {…}</c>).</summary>
    public void ReplaceRelationshipProperties(long id, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var map = PropertyMap.From(properties);
        using var _ = EnterWrite();
        InternKeys(map);
        ExistingRelationship(id).Properties = map;
    }

    /// <summary>Deletes a relationship; false when it does not exist.</summary>
    public bool DeleteRelationship(long id)
    {
        using var _ = EnterWrite();
        if (!RelationshipExists(id)) return false;
        ref var slot = ref _relationships[id];
        _nodes[slot.Start].Outgoing.Remove(id);
        _nodes[slot.End].Incoming.Remove(id);
        slot = new RelationshipSlot { Type = -1, Properties = PropertyMap.Empty };
        _relationshipCount--;
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
        if (direction is Direction.Outgoing or Direction.Both) Collect(slot.Outgoing.Items, tokens, result, skipSelfLoops: false, nodeId);
        if (direction is Direction.Incoming or Direction.Both) Collect(slot.Incoming.Items, tokens, result, skipSelfLoops: direction == Direction.Both, nodeId);
        return result;
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
        return new MemoryRelationship(id, _types[slot.Type], slot.Start, slot.End, slot.Properties);
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

    private void Collect(ReadOnlySpan<long> relationshipIds, HashSet<int>? tokens, List<long> result, bool skipSelfLoops, long nodeId)
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

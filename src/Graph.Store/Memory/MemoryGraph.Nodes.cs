namespace Graph.Store.Memory;

public sealed partial class MemoryGraph
{
    /// <summary>Creates a node and returns its id. Null property values are left out.</summary>
    /// <exception cref="InvalidOperationException">The string <c>id</c> property is already taken by another node.</exception>
    public long CreateNode(IEnumerable<string> labels, IEnumerable<KeyValuePair<string, object?>>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var map = PropertyMap.From(properties);
        using var _ = EnterWrite();
        var labelSet = InternLabels(labels);
        var id = _nextNodeId;
        Index(id);
        EnsureKeyIsFree(map, id);
        _nodes.EnsureCapacity(id);
        ref var slot = ref _nodes[id];
        slot = new NodeSlot { Labels = labelSet };
        Store(ref slot.Record, map);
        _nextNodeId++;
        _nodeCount++;
        IndexNode(id, labelSet, NodeProperties(id));
        return id;
    }

    public bool TryGetNode(long id, out MemoryNode node)
    {
        using var _ = EnterRead();
        if (!NodeExists(id))
        {
            node = default;
            return false;
        }
        node = new MemoryNode(id, _nodes[id].Labels!, NodeProperties(id));
        return true;
    }

    /// <summary>Whether the node exists and carries the label, read from its label set without building a view of its properties.</summary>
    public bool NodeHasLabel(long id, string label)
    {
        using var _ = EnterRead();
        return NodeExists(id) && _nodes[id].Labels!.Contains(label);
    }

    public bool ContainsNode(long id)
    {
        using var _ = EnterRead();
        return NodeExists(id);
    }

    /// <summary>Sets one property; a null value removes it.</summary>
    public void SetNodeProperty(long id, string key, object? value)
    {
        using var _ = EnterWrite();
        ExistingNode(id);
        ReplaceNodeProperties(id, NodeProperties(id).With(key, value));
    }

    public bool RemoveNodeProperty(long id, string key)
    {
        using var _ = EnterWrite();
        ExistingNode(id);
        var properties = NodeProperties(id);
        if (!properties.ContainsKey(key)) return false;
        ReplaceNodeProperties(id, properties.Without(key));
        return true;
    }

    /// <summary>Replaces all properties of a node (Cypher's <c>SET n = {…}</c>).</summary>
    public void ReplaceNodeProperties(long id, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var map = PropertyMap.From(properties);
        using var _ = EnterWrite();
        ExistingNode(id);
        ReplaceNodeProperties(id, map);
    }

    /// <summary>Adds a label; false when the node already had it.</summary>
    public bool AddLabel(long id, string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        using var _ = EnterWrite();
        ref var slot = ref ExistingNode(id);
        if (slot.Labels!.Contains(label)) return false;
        var labels = InternLabels(slot.Labels.Append(label));
        var properties = Properties(slot.Record);
        UnindexNode(id, slot.Labels, properties);
        slot.Labels = labels;
        IndexNode(id, labels, properties);
        return true;
    }

    /// <summary>Removes a label; false when the node did not have it.</summary>
    public bool RemoveLabel(long id, string label)
    {
        using var _ = EnterWrite();
        ref var slot = ref ExistingNode(id);
        if (!slot.Labels!.Contains(label)) return false;
        var labels = InternLabels(slot.Labels.Where(l => l != label));
        var properties = Properties(slot.Record);
        UnindexNode(id, slot.Labels, properties);
        slot.Labels = labels;
        IndexNode(id, labels, properties);
        return true;
    }

    /// <summary>
    /// Deletes a node. A node with relationships is deleted only with <paramref name="detach"/>
    /// (then its relationships go first); otherwise this throws. False when the node does not exist.
    /// </summary>
    /// <exception cref="InvalidOperationException">The node still has relationships and <paramref name="detach"/> is false.</exception>
    public bool DeleteNode(long id, bool detach = false)
    {
        using var _ = EnterWrite();
        if (!NodeExists(id)) return false;
        ref var slot = ref _nodes[id];
        var degree = slot.OutgoingCount + slot.IncomingCount;
        if (degree > 0 && !detach)
            throw new InvalidOperationException($"Cannot delete node {id} because it still has {degree} relationship(s); delete them first or detach the node.");
        foreach (var relationshipId in OutgoingIds(slot).ToArray()) DeleteRelationship(relationshipId);
        foreach (var relationshipId in IncomingIds(slot).ToArray()) DeleteRelationship(relationshipId);
        UnindexNode(id, slot.Labels!, Properties(slot.Record));
        DropRecord(slot.Record);
        slot = default;
        _nodeCount--;
        CompactIfWasteful();
        return true;
    }

    /// <summary>Ids of all nodes, ascending: a snapshot.</summary>
    public IReadOnlyList<long> AllNodeIds()
    {
        using var _ = EnterRead();
        var ids = new List<long>(checked((int)_nodeCount));
        for (long id = 0; id < _nextNodeId; id++)
            if (_nodes[id].Labels is not null) ids.Add(id);
        return ids;
    }

    /// <summary>All nodes, ascending by id: a snapshot taken under one read lock.</summary>
    public IReadOnlyList<MemoryNode> AllNodes()
    {
        using var _ = EnterRead();
        var nodes = new List<MemoryNode>(checked((int)_nodeCount));
        for (long id = 0; id < _nextNodeId; id++)
        {
            ref var slot = ref _nodes[id];
            if (slot.Labels is not null) nodes.Add(new MemoryNode(id, slot.Labels, Properties(slot.Record)));
        }
        return nodes;
    }

    /// <summary>Number of relationships touching a node in a direction, optionally of some types only.</summary>
    public int Degree(long id, Direction direction, IReadOnlyCollection<string>? types = null) =>
        GetRelationshipIds(id, direction, types).Count;

    private void ReplaceNodeProperties(long id, PropertyMap map)
    {
        ref var slot = ref _nodes[id];
        var before = Properties(slot.Record);
        if (ReferenceEquals(map, before)) return;
        EnsureKeyIsFree(map, id);
        var record = slot.Record;
        if (!Store(ref record, map)) return;
        UnindexNode(id, slot.Labels!, before);
        slot.Record = record;
        IndexNode(id, slot.Labels!, Properties(record));
        CompactIfWasteful();
    }
}

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
        InternKeys(map);
        var id = _nextNodeId;
        EnsureKeyIsFree(map, id);
        EnsureCapacity(ref _nodes, id);
        _nodes[id] = new NodeSlot { Labels = labelSet, Properties = map };
        _nextNodeId++;
        _nodeCount++;
        IndexNode(id, labelSet, map);
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
        ref var slot = ref _nodes[id];
        node = new MemoryNode(id, slot.Labels!, slot.Properties);
        return true;
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
        ref var slot = ref ExistingNode(id);
        ReplaceNodeProperties(id, ref slot, slot.Properties.With(Intern(key), value));
    }

    public bool RemoveNodeProperty(long id, string key)
    {
        using var _ = EnterWrite();
        ref var slot = ref ExistingNode(id);
        if (!slot.Properties.ContainsKey(key)) return false;
        ReplaceNodeProperties(id, ref slot, slot.Properties.Without(key));
        return true;
    }

    /// <summary>Replaces all properties of a node (Cypher's <c>SET n = {…}</c>).</summary>
    public void ReplaceNodeProperties(long id, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var map = PropertyMap.From(properties);
        using var _ = EnterWrite();
        InternKeys(map);
        ref var slot = ref ExistingNode(id);
        ReplaceNodeProperties(id, ref slot, map);
    }

    /// <summary>Adds a label; false when the node already had it.</summary>
    public bool AddLabel(long id, string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        using var _ = EnterWrite();
        ref var slot = ref ExistingNode(id);
        if (slot.Labels!.Contains(label)) return false;
        var labels = InternLabels(slot.Labels.Append(label));
        UnindexNode(id, slot.Labels, slot.Properties);
        slot.Labels = labels;
        IndexNode(id, labels, slot.Properties);
        return true;
    }

    /// <summary>Removes a label; false when the node did not have it.</summary>
    public bool RemoveLabel(long id, string label)
    {
        using var _ = EnterWrite();
        ref var slot = ref ExistingNode(id);
        if (!slot.Labels!.Contains(label)) return false;
        var labels = InternLabels(slot.Labels.Where(l => l != label));
        UnindexNode(id, slot.Labels, slot.Properties);
        slot.Labels = labels;
        IndexNode(id, labels, slot.Properties);
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
        var degree = slot.Outgoing.Count + slot.Incoming.Count;
        if (degree > 0 && !detach)
            throw new InvalidOperationException($"Cannot delete node {id} because it still has {degree} relationship(s); delete them first or detach the node.");
        foreach (var relationshipId in slot.Outgoing.Items.ToArray()) DeleteRelationship(relationshipId);
        foreach (var relationshipId in slot.Incoming.Items.ToArray()) DeleteRelationship(relationshipId);
        UnindexNode(id, slot.Labels!, slot.Properties);
        slot = default;
        _nodeCount--;
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
            if (slot.Labels is not null) nodes.Add(new MemoryNode(id, slot.Labels, slot.Properties));
        }
        return nodes;
    }

    /// <summary>Number of relationships touching a node in a direction, optionally of some types only.</summary>
    public int Degree(long id, Direction direction, IReadOnlyCollection<string>? types = null) =>
        GetRelationshipIds(id, direction, types).Count;

    private void ReplaceNodeProperties(long id, ref NodeSlot slot, PropertyMap map)
    {
        if (ReferenceEquals(map, slot.Properties)) return;
        EnsureKeyIsFree(map, id);
        UnindexNode(id, slot.Labels!, slot.Properties);
        slot.Properties = map;
        IndexNode(id, slot.Labels!, map);
    }
}

using Graph.Model;

namespace Graph.Store.Memory;

public sealed partial class MemoryGraph
{
    private readonly Dictionary<string, NodeBitSet> _labelIndex = new(StringComparer.Ordinal);

    /// <summary>
    /// The unique key index: per <see cref="StringTable"/> index, 1 + the id of the node whose <c>id</c>
    /// is that string, 0 for strings that are nobody's id. Four bytes a string instead of a dictionary
    /// entry per node, since every id is in the string table anyway.
    /// </summary>
    private readonly PagedArray<int> _nodeByKey = new();
    private readonly Dictionary<(string Label, string Property), Dictionary<object, HashSet<long>>> _propertyIndexes = [];

    /// <summary>The node whose string property <c>id</c> is <paramref name="key"/> (the property is unique).</summary>
    public bool TryGetNodeByKey(string key, out MemoryNode node)
    {
        using var _ = EnterRead();
        if (TryGetKeyOwner(key, out var id))
        {
            node = new MemoryNode(id, _nodes[id].Labels!, NodeProperties(id));
            return true;
        }
        node = default;
        return false;
    }

    /// <summary>The internal id of the node whose string property <c>id</c> is <paramref name="key"/>.</summary>
    public bool TryGetNodeId(string key, out long id)
    {
        using var _ = EnterRead();
        return TryGetKeyOwner(key, out id);
    }

    /// <summary>Ids of the nodes carrying a label: a snapshot, in no particular order.</summary>
    public IReadOnlyList<long> NodeIdsByLabel(string label)
    {
        using var _ = EnterRead();
        return _labelIndex.TryGetValue(label, out var ids) ? ids.ToList() : [];
    }

    public long CountNodesWithLabel(string label)
    {
        using var _ = EnterRead();
        return _labelIndex.TryGetValue(label, out var ids) ? ids.Count : 0;
    }

    /// <summary>Labels in use, ordinally sorted.</summary>
    public IReadOnlyList<string> LabelsInUse()
    {
        using var _ = EnterRead();
        return [.. _labelIndex.Where(p => p.Value.Count > 0).Select(p => p.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Ids of the nodes with <paramref name="label"/> whose <paramref name="property"/> equals
    /// <paramref name="value"/> (Cypher equality: 1 equals 1.0; lists element by element), from a
    /// property index. The index for (label, property) is built on first use and maintained from then
    /// on. False, with no ids, when no index can answer: a null or map value (scan instead).
    /// </summary>
    public bool TryFindByProperty(string label, string property, object? value, out IReadOnlyList<long> nodeIds)
    {
        value = value is null ? null : PropertyValueRules.Normalise(property, value);
        if (!IndexKeyComparer.IsIndexable(value))
        {
            nodeIds = [];
            return false;
        }
        var indexKey = (label, property);
        using (EnterRead())
        {
            if (_propertyIndexes.TryGetValue(indexKey, out var index))
            {
                nodeIds = index.TryGetValue(value!, out var ids) ? [.. ids] : [];
                return true;
            }
        }
        if (_lock.IsReadLockHeld && !_lock.IsWriteLockHeld)
        {
            // The caller holds a read scope, which cannot be upgraded to build the index: scan this once.
            nodeIds = ScanLabel(label, property, value!);
            return true;
        }
        using (EnterWrite())
        {
            var index = EnsurePropertyIndex(label, property);
            nodeIds = index.TryGetValue(value!, out var ids) ? [.. ids] : [];
            return true;
        }
    }

    /// <summary>Builds the (label, property) index now rather than on first lookup.</summary>
    public void CreatePropertyIndex(string label, string property)
    {
        using var _ = EnterWrite();
        EnsurePropertyIndex(label, property);
    }

    /// <summary>The (label, property) pairs that are indexed.</summary>
    public IReadOnlyList<(string Label, string Property)> PropertyIndexes()
    {
        using var _ = EnterRead();
        return [.. _propertyIndexes.Keys];
    }

    private Dictionary<object, HashSet<long>> EnsurePropertyIndex(string label, string property)
    {
        if (_propertyIndexes.TryGetValue((label, property), out var index)) return index;
        index = new Dictionary<object, HashSet<long>>(IndexKeyComparer.Instance);
        if (_labelIndex.TryGetValue(label, out var ids))
            foreach (var id in ids.ToList())
                if (NodeProperties(id).TryGetValue(property, out var value)) AddToIndex(index, value, id);
        _propertyIndexes[(Intern(label), Intern(property))] = index;
        return index;
    }

    private List<long> ScanLabel(string label, string property, object value)
    {
        var result = new List<long>();
        if (!_labelIndex.TryGetValue(label, out var ids)) return result;
        foreach (var id in ids.ToList())
            if (NodeProperties(id).TryGetValue(property, out var candidate) && IndexKeyComparer.IsIndexable(candidate)
                && IndexKeyComparer.Instance.Equals(candidate, value))
                result.Add(id);
        return result;
    }

    private void EnsureKeyIsFree(PropertyMap map, long nodeId)
    {
        if (map.TryGetValue(PropertyNames.Id, out var key) && key is string s
            && TryGetKeyOwner(s, out var owner) && owner != nodeId)
            throw new InvalidOperationException($"Another node ({owner}) already has id '{s}'; the id property is unique.");
    }

    private void IndexNode(long id, LabelSet labels, PropertyMap properties)
    {
        foreach (var label in labels)
        {
            if (!_labelIndex.TryGetValue(label, out var ids)) _labelIndex[label] = ids = new NodeBitSet();
            ids.Add(id);
        }
        if (properties.TryGetValue(PropertyNames.Id, out var key) && key is string s)
        {
            var index = _strings.IndexOf(s);
            _nodeByKey.EnsureCapacity(index);
            _nodeByKey[index] = Index(id) + 1;
        }
        if (_propertyIndexes.Count == 0) return;
        foreach (var label in labels)
            foreach (var (property, value) in properties)
                if (_propertyIndexes.TryGetValue((label, property), out var index)) AddToIndex(index, value, id);
    }

    private void UnindexNode(long id, LabelSet labels, PropertyMap properties)
    {
        foreach (var label in labels)
            if (_labelIndex.TryGetValue(label, out var ids)) ids.Remove(id);
        if (properties.TryGetValue(PropertyNames.Id, out var key) && key is string s
            && _strings.TryFind(s, out var at) && at < _nodeByKey.Length && _nodeByKey[at] == id + 1)
            _nodeByKey[at] = 0;
        if (_propertyIndexes.Count == 0) return;
        foreach (var label in labels)
            foreach (var (property, value) in properties)
                if (_propertyIndexes.TryGetValue((label, property), out var index)) RemoveFromIndex(index, value, id);
    }

    private bool TryGetKeyOwner(string key, out long id)
    {
        if (_strings.TryFind(key, out var index) && index < _nodeByKey.Length && _nodeByKey[index] > 0)
        {
            id = _nodeByKey[index] - 1;
            return true;
        }
        id = -1;
        return false;
    }

    /// <summary>The unique key index as (id string, node) pairs.</summary>
    private IEnumerable<(string Key, long Node)> KeyIndexEntries()
    {
        for (var index = 0; index < _nodeByKey.Length; index++)
            if (_nodeByKey[index] > 0) yield return (_strings[index], _nodeByKey[index] - 1);
    }

    private static void AddToIndex(Dictionary<object, HashSet<long>> index, object? value, long id)
    {
        if (!IndexKeyComparer.IsIndexable(value)) return;
        if (!index.TryGetValue(value!, out var ids)) index[value!] = ids = [];
        ids.Add(id);
    }

    private static void RemoveFromIndex(Dictionary<object, HashSet<long>> index, object? value, long id)
    {
        if (!IndexKeyComparer.IsIndexable(value) || !index.TryGetValue(value!, out var ids)) return;
        ids.Remove(id);
        if (ids.Count == 0) index.Remove(value!);
    }
}

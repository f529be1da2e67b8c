using Graph.Model;

namespace Graph.Store.Memory;

public sealed partial class MemoryGraph
{
    /// <summary>
    /// Verifies that the indexes agree with the data: every node is in the index of each of its labels
    /// and nothing else is; the id index maps each string id to its node; each property index holds
    /// exactly the matching nodes; each relationship sits in its start's outgoing and its end's incoming
    /// list, and the counts add up. Returns the problems found (none for a sound graph).
    /// </summary>
    public IReadOnlyList<string> CheckIntegrity()
    {
        using var _ = EnterRead();
        var problems = new List<string>();
        long nodes = 0, relationships = 0;
        for (long id = 0; id < _nextNodeId; id++)
        {
            ref var slot = ref _nodes[id];
            if (slot.Labels is null) continue;
            nodes++;
            foreach (var label in slot.Labels)
                if (!_labelIndex.TryGetValue(label, out var ids) || !ids.Contains(id))
                    problems.Add($"Node {id} has label {label} but is missing from its label index.");
            if (Properties(slot.Record).TryGetValue(PropertyNames.Id, out var key) && key is string s
                && (!TryGetKeyOwner(s, out var owner) || owner != id))
                problems.Add($"Node {id} has id '{s}' but the id index does not point to it.");
            foreach (var relationshipId in OutgoingIds(slot))
                if (!RelationshipExists(relationshipId) || _relationships[relationshipId].Start != id)
                    problems.Add($"Node {id} lists relationship {relationshipId} as outgoing, but it does not start there.");
            foreach (var relationshipId in IncomingIds(slot))
                if (!RelationshipExists(relationshipId) || _relationships[relationshipId].End != id)
                    problems.Add($"Node {id} lists relationship {relationshipId} as incoming, but it does not end there.");
        }
        foreach (var (label, ids) in _labelIndex)
            foreach (var id in ids.ToList())
                if (!NodeExists(id) || !_nodes[id].Labels!.Contains(label))
                    problems.Add($"The index of label {label} holds node {id}, which does not have that label.");
        foreach (var (key, id) in KeyIndexEntries())
            if (!NodeExists(id) || !(NodeProperties(id).TryGetValue(PropertyNames.Id, out var value) && value is string s && s == key))
                problems.Add($"The id index maps '{key}' to node {id}, which does not have that id.");
        foreach (var ((label, property), index) in _propertyIndexes)
        {
            foreach (var (value, ids) in index)
                foreach (var id in ids)
                    if (!NodeExists(id) || !_nodes[id].Labels!.Contains(label)
                        || !NodeProperties(id).TryGetValue(property, out var actual) || !IndexKeyComparer.Instance.Equals(actual, value))
                        problems.Add($"The index on :{label}({property}) lists node {id} under a value it does not have.");
            if (_labelIndex.TryGetValue(label, out var labelled))
                foreach (var id in labelled.ToList())
                    if (NodeProperties(id).TryGetValue(property, out var actual) && IndexKeyComparer.IsIndexable(actual)
                        && !(index.TryGetValue(actual!, out var ids) && ids.Contains(id)))
                        problems.Add($"Node {id} is missing from the index on :{label}({property}).");
        }
        for (long id = 0; id < _nextRelationshipId; id++)
        {
            ref var slot = ref _relationships[id];
            if (slot.Type < 0) continue;
            relationships++;
            if (!NodeExists(slot.Start) || !NodeExists(slot.End))
                problems.Add($"Relationship {id} has an end node that does not exist.");
            else if (!OutgoingIds(_nodes[slot.Start]).Contains((int)id) || !IncomingIds(_nodes[slot.End]).Contains((int)id))
                problems.Add($"Relationship {id} is missing from the adjacency of its ends.");
        }
        if (nodes != _nodeCount) problems.Add($"The node count says {_nodeCount} but there are {nodes} nodes.");
        if (relationships != _relationshipCount) problems.Add($"The relationship count says {_relationshipCount} but there are {relationships}.");
        return problems;
    }
}

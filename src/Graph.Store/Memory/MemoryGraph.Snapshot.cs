using System.Runtime.InteropServices;
using Graph.Store.Snapshot;

namespace Graph.Store.Memory;

public sealed partial class MemoryGraph
{
    /// <summary>
    /// Writes the graph's whole state as it is held (slots, adjacency blocks, property records, strings, label and
    /// key indexes) for a snapshot: <see cref="ReadSnapshot"/> gets it back without decoding or merging anything.
    /// Property indexes are written as the (label, property) pairs only and built again on load. The caller holds
    /// at least the read lock.
    /// </summary>
    internal void WriteSnapshot(BinaryWriter writer)
    {
        writer.Write(_nextNodeId);
        writer.Write(_nodeCount);
        writer.Write(_nextRelationshipId);
        writer.Write(_relationshipCount);
        _strings.WriteTo(writer);
        writer.WriteStrings(_types);

        // Label sets by instance: a node slot refers to its set by number in the file.
        var sets = new Dictionary<LabelSet, int>(ReferenceEqualityComparer.Instance);
        var ordered = new List<LabelSet>();
        foreach (var set in _labelSets.Values)
            if (sets.TryAdd(set, ordered.Count)) ordered.Add(set);
        writer.Write(ordered.Count);
        foreach (var set in ordered) writer.WriteStrings(set);
        writer.Write(_labelSets.Count);
        foreach (var (key, set) in _labelSets)
        {
            writer.Write(key);
            writer.Write(sets[set]);
        }

        var pages = _nodes.Pages;
        writer.Write(pages.Length);
        var rows = new NodeRow[PagedArray<NodeSlot>.ItemsPerPage];
        foreach (var page in pages)
        {
            for (var index = 0; index < page.Length; index++)
            {
                ref var slot = ref page[index];
                rows[index] = new NodeRow(slot.Labels is null ? -1 : sets[slot.Labels], slot.Record, slot.Outgoing, slot.Incoming, slot.OutgoingCount, slot.IncomingCount);
            }
            writer.WriteSpan<NodeRow>(rows);
        }
        _relationships.WriteTo(writer);
        _arena.WriteTo(writer);
        _adjacency.WriteTo(writer);
        _nodeByKey.WriteTo(writer);
        writer.Write(_labelIndex.Count);
        foreach (var (label, ids) in _labelIndex)
        {
            writer.Write(label);
            ids.WriteTo(writer);
        }
        writer.Write(_propertyIndexes.Count);
        foreach (var (label, property) in _propertyIndexes.Keys)
        {
            writer.Write(label);
            writer.Write(property);
        }
    }

    /// <summary>Fills this graph, which must be new and empty, with what <see cref="WriteSnapshot"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The snapshot does not hold a graph as this program writes it.</exception>
    internal void ReadSnapshot(BinaryReader reader)
    {
        using var _ = EnterWrite();
        if (_nextNodeId != 0 || _nextRelationshipId != 0 || _strings.Count != 0) throw new InvalidOperationException("Only an empty graph can be read into.");
        _nextNodeId = reader.ReadInt64();
        _nodeCount = reader.ReadInt64();
        _nextRelationshipId = reader.ReadInt64();
        _relationshipCount = reader.ReadInt64();
        _strings.ReadFrom(reader);
        foreach (var type in reader.ReadStrings()) TypeToken(type);

        var sets = new LabelSet[reader.ReadInt32()];
        for (var index = 0; index < sets.Length; index++)
        {
            var labels = reader.ReadStrings();
            sets[index] = labels.Length == 0 ? LabelSet.Empty : new LabelSet([.. labels.Select(Intern)]);
        }
        _labelSets.Clear();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var key = reader.ReadString();
            _labelSets[key] = sets[reader.ReadInt32()];
        }

        var pages = new NodeSlot[reader.ReadInt32()][];
        var rows = new NodeRow[PagedArray<NodeSlot>.ItemsPerPage];
        for (var page = 0; page < pages.Length; page++)
        {
            reader.ReadInto<NodeRow>(rows);
            var slots = pages[page] = new NodeSlot[rows.Length];
            for (var index = 0; index < rows.Length; index++)
            {
                var row = rows[index];
                slots[index] = new NodeSlot
                {
                    Labels = row.Labels < 0 ? null : sets[row.Labels],
                    Record = row.Record,
                    Outgoing = row.Outgoing,
                    Incoming = row.Incoming,
                    OutgoingCount = row.OutgoingCount,
                    IncomingCount = row.IncomingCount,
                };
            }
        }
        _nodes.Pages = pages;
        _relationships.ReadFrom(reader);
        _arena = RecordArena.ReadFrom(reader);
        _adjacency = AdjacencyPool.ReadFrom(reader);
        _nodeByKey.ReadFrom(reader);
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var label = Intern(reader.ReadString());
            _labelIndex[label] = NodeBitSet.ReadFrom(reader);
        }
        if (_nodes.Length < _nextNodeId || _relationships.Length < _nextRelationshipId)
            throw new InvalidDataException("The snapshot holds fewer slots than its ids need.");
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var label = reader.ReadString();
            EnsurePropertyIndex(label, reader.ReadString());
        }
    }

    /// <summary>A node slot as the snapshot holds it: the label set by its number in the file.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct NodeRow(int Labels, long Record, int Outgoing, int Incoming, int OutgoingCount, int IncomingCount);
}

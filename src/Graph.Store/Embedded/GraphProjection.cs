using System.Runtime.InteropServices;
using Graph.Model;
using Graph.Store.Memory;
using Graph.Store.Services;
using Graph.Store.Snapshot;

namespace Graph.Store.Embedded;

/// <summary>
/// Keeps a <see cref="MemoryGraph"/> equal to the merge of every stored document's statements, as
/// <see cref="FactMerge"/> defines it, and remembers which documents state each node and relationship
/// so that a document replaced or removed takes back exactly its own statements.
/// <para>
/// Most nodes and relationships are stated by one document (paragraphs, footnotes, a document's own
/// links): for those only the document's number is kept, since memory holds the statement. What several
/// documents state keeps the list of their numbers and, per property of the merge, the document that
/// supplied it; the merge itself is the node in the graph. A new statement merges into that directly (a
/// hub is stated by thousands of citing documents). Only withdrawing a statement merges again from all, reading the other documents'
/// statements back from the database (<paramref name="readStored"/>), so their statements need not be
/// kept in memory. The merge does not depend on the order documents arrive in, so opening the store may
/// replay the documents in any order.
/// </para>
/// The caller holds the graph's write lock around <see cref="Apply"/>.
/// </summary>
internal sealed class GraphProjection(MemoryGraph graph, Func<string, DocumentFacts?> readStored)
{
    /// <summary>Marks a node or relationship stated by several documents (see the shared dictionaries).</summary>
    private const int Several = -1;

    /// <summary>A stater slot never set: no document states the node or relationship (a query created it).</summary>
    private const int Unstated = 0;

    private readonly Dictionary<string, int> _documentNumbers = new(StringComparer.Ordinal);

    /// <summary>Document ids by number; number 0 (<see cref="Unstated"/>) names none, so an unset slot cannot pass for a document.</summary>
    private readonly List<string> _documentIds = [""];

    private readonly PagedArray<int> _nodeStaters = new();
    private readonly Dictionary<long, SharedNode> _sharedNodes = [];

    /// <summary>One instance of each property name the shared nodes refer to (decoded statements bring their own copies).</summary>
    private readonly Dictionary<string, string> _propertyNames = new(StringComparer.Ordinal);
    private readonly PagedArray<int> _relationshipStaters = new();
    private readonly Dictionary<long, SharedRelationship> _sharedRelationships = [];

    /// <summary>Who states what as the snapshot holds it, until <see cref="Load"/> decodes it (<see cref="_unread"/>).</summary>
    private ReadOnlyMemory<byte> _snapshot;
    private volatile bool _unread;
    private readonly Lock _loading = new();

    /// <summary>Documents read back during one <see cref="Apply"/>, so a document stating several affected nodes is decoded once.</summary>
    private readonly Dictionary<int, DocumentFacts?> _readBack = [];

    public MemoryGraph Graph { get; } = graph;

    /// <summary>The search index to tell about every node created, changed or deleted (none while the store is loading).</summary>
    public SearchIndex? Search { get; set; }

    /// <summary>The relationship's key (<see cref="GraphRelationship.Key"/>), kept in its record in the graph; "" for none.</summary>
    public string KeyOf(long relationshipId) => Graph.TryGetRelationshipKey(relationshipId, out var key) ? key : "";

    /// <summary>
    /// Changes the graph from what <paramref name="before"/> stated (null: nothing) to what
    /// <paramref name="after"/> states (null: nothing), for one document: relationships that went or
    /// changed first, then nodes, then relationships that came or changed.
    /// </summary>
    public void Apply(string documentId, DocumentFacts? before, DocumentFacts? after)
    {
        Load();
        var document = DocumentNumber(documentId);
        _outgoingIndexes = new OutgoingIndexes(Graph);
        try
        {
            ApplyChanges(document, documentId, before, after);
        }
        finally
        {
            _outgoingIndexes = null;
        }
    }

    private void ApplyChanges(int document, string documentId, DocumentFacts? before, DocumentFacts? after)
    {
        if (before is null)
        {
            if (after is null) return;
            foreach (var node in after.Nodes) ChangeNode(document, documentId, node.Id, null, node);
            foreach (var relationship in after.Relationships) ChangeRelationship(document, null, relationship);
            return;
        }

        try
        {
            var oldRelationships = before.Relationships.ToDictionary(r => r.Id, StringComparer.Ordinal);
            var newRelationships = after?.Relationships.ToDictionary(r => r.Id, StringComparer.Ordinal) ?? [];
            foreach (var (id, old) in oldRelationships)
            {
                if (newRelationships.TryGetValue(id, out var current) && old.Content.Span.SequenceEqual(current.Content.Span)) continue;
                ChangeRelationship(document, old, null);
            }

            var oldNodes = before.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
            var newNodes = after?.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal) ?? [];
            foreach (var id in oldNodes.Keys.Union(newNodes.Keys, StringComparer.Ordinal))
            {
                var old = oldNodes.GetValueOrDefault(id);
                var current = newNodes.GetValueOrDefault(id);
                if (old is not null && current is not null && old.Content.Span.SequenceEqual(current.Content.Span)) continue;
                ChangeNode(document, documentId, id, old, current);
            }

            foreach (var (id, current) in newRelationships)
            {
                if (oldRelationships.TryGetValue(id, out var old) && old.Content.Span.SequenceEqual(current.Content.Span)) continue;
                ChangeRelationship(document, null, current);
            }
        }
        finally
        {
            _readBack.Clear();
        }
    }

    private int DocumentNumber(string documentId)
    {
        if (_documentNumbers.TryGetValue(documentId, out var number)) return number;
        number = _documentIds.Count;
        _documentIds.Add(documentId);
        _documentNumbers[documentId] = number;
        return number;
    }

    private void ChangeNode(int document, string documentId, string nodeId, NodeStatement? before, NodeStatement? after)
    {
        var own = documentId == nodeId;
        if (!Graph.TryGetNodeId(nodeId, out var id))
        {
            if (after is null) return;
            id = Graph.CreateNode(after.Labels, AloneMerged(own, after));
            SetStater(_nodeStaters, id, document);
            if (Search is not null && Graph.TryGetNode(id, out var created)) Search.Write(id, null, created);
            return;
        }

        var stater = StaterOf(_nodeStaters, id, document);
        if (stater != Several)
        {
            if (stater == document)
            {
                if (after is null) DeleteNode(id);
                else SetMerged(id, after.Labels, AloneMerged(own, after));
                return;
            }
            // A second document states the node: memory holds the first one's statement as it was stated
            // (less the stub mark its own document drops, which the merge drops too).
            Graph.TryGetNode(id, out var first);
            var firstShared = new SharedNode([stater]);
            Remember(firstShared, FactMerge.AddStatement(null, nodeId, _documentIds[stater], first.Labels, [.. first.Properties]));
            _sharedNodes[id] = firstShared;
            _nodeStaters[id] = Several;
        }

        var shared = _sharedNodes[id];
        if (before is null)
        {
            // One more statement: merged into what the others add up to, if it changes anything at all.
            shared.Documents.Add(document);
            if (!own && ChangesNothing(id, nodeId, shared, documentId, after!)) return;
            var added = FactMerge.AddStatement(Merged(id, nodeId, shared), nodeId, documentId, after!.Labels, after.Properties);
            Remember(shared, added);
            SetMerged(id, added.Labels, added.Properties);
            return;
        }

        // A statement withdrawn or changed: merge again from every statement, the others read back.
        shared.Documents.Remove(document);
        if (after is not null) shared.Documents.Add(document);
        if (shared.Documents.Count == 0)
        {
            DeleteNode(id);
            return;
        }
        var statements = new List<(string, IReadOnlyList<string>, IReadOnlyList<KeyValuePair<string, object?>>)>(shared.Documents.Count);
        foreach (var stating in shared.Documents)
        {
            var statement = stating == document ? after : ReadBack(stating)?.TryGetNode(nodeId);
            if (statement is not null) statements.Add((_documentIds[stating], statement.Labels, statement.Properties));
        }
        if (FactMerge.MergeNode(nodeId, statements) is not { } merged)
        {
            DeleteNode(id);
            return;
        }
        Remember(shared, merged);
        SetMerged(id, merged.Labels, merged.Properties);
    }

    /// <summary>
    /// The merge of a shared node's statements: its labels and properties are the node as the graph holds
    /// it (the graph shows the merge), the suppliers come from the <see cref="SharedNode"/>.
    /// </summary>
    private MergedNode Merged(long id, string nodeId, SharedNode shared)
    {
        Graph.TryGetNode(id, out var node);
        var properties = new Dictionary<string, object?>(node.Properties.Count, StringComparer.Ordinal);
        foreach (var (key, value) in node.Properties) properties[key] = value;
        var suppliers = new Dictionary<string, string>(properties.Count, StringComparer.Ordinal);
        foreach (var key in properties.Keys)
            if (shared.SupplierOf(key) is var supplier and >= 0) suppliers[key] = _documentIds[supplier];
        return new MergedNode(nodeId, [.. node.Labels], properties, suppliers);
    }

    /// <summary>
    /// Keeps only who supplied each property of <paramref name="merged"/>; the graph keeps the rest. Every
    /// property of the merge has a supplier, so the properties of the node in the graph are the keys.
    /// </summary>
    private void Remember(SharedNode shared, MergedNode merged)
    {
        // Usually one document supplied every property: it is kept once, the others as exceptions.
        var common = merged.Suppliers.Values.GroupBy(document => document, StringComparer.Ordinal).MaxBy(g => g.Count())?.Key;
        shared.Supplier = common is null ? -1 : DocumentNumber(common);
        List<Supply>? exceptions = null;
        foreach (var (key, document) in merged.Suppliers)
        {
            if (document == common) continue;
            ref var name = ref CollectionsMarshal.GetValueRefOrAddDefault(_propertyNames, key, out var known);
            if (!known) name = key;
            (exceptions ??= []).Add(new Supply(name!, DocumentNumber(document)));
        }
        shared.Exceptions = exceptions is null ? [] : [.. exceptions];
    }

    /// <summary>
    /// Whether a statement by another document than the node's own would leave the merge as it is: every
    /// label already there, every property already supplied by an ordinally earlier document (the rule
    /// of <see cref="FactMerge.AddStatement"/>). Most citations of a hub change nothing.
    /// </summary>
    private bool ChangesNothing(long id, string nodeId, SharedNode shared, string document, NodeStatement statement)
    {
        Graph.TryGetNode(id, out var node);
        foreach (var label in statement.Labels)
            if (!node.Labels.Contains(label)) return false;
        var selfDescribed = shared.Supplier >= 0 && _documentIds[shared.Supplier] == nodeId;
        foreach (var supply in shared.Exceptions)
            selfDescribed |= _documentIds[supply.Document] == nodeId;
        foreach (var (key, _) in statement.Properties)
        {
            if (key == PropertyNames.Stub && selfDescribed) continue;
            if (key == PropertyNames.Id) continue;
            if (!node.Properties.ContainsKey(key)) return false;
            var supplier = shared.SupplierOf(key);
            if (supplier < 0) return false;
            var supplierId = _documentIds[supplier];
            if (supplierId != nodeId && string.CompareOrdinal(document, supplierId) < 0) return false;
        }
        return true;
    }

    private DocumentFacts? ReadBack(int document)
    {
        if (_readBack.TryGetValue(document, out var facts)) return facts;
        try
        {
            facts = readStored(_documentIds[document]);
        }
        catch (FormatException)
        {
            facts = null; // damaged on disk: its statements are missing, and `graph check` says so
        }
        return _readBack[document] = facts;
    }

    /// <summary>A node stated by one document: its statement, except that its own document's word ends it being a stub.</summary>
    private static IEnumerable<KeyValuePair<string, object?>> AloneMerged(bool own, NodeStatement statement) =>
        own ? statement.Properties.Where(p => p.Key != PropertyNames.Stub) : statement.Properties;

    private void SetMerged(long id, IReadOnlyList<string> labels, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        Graph.TryGetNode(id, out var current);
        foreach (var label in current.Labels)
            if (!labels.Contains(label)) Graph.RemoveLabel(id, label);
        foreach (var label in labels) Graph.AddLabel(id, label);
        Graph.ReplaceNodeProperties(id, properties);
        if (Search is not null && Graph.TryGetNode(id, out var updated)) Search.Write(id, current, updated);
    }

    private void DeleteNode(long id)
    {
        // Every relationship touching the node was stated by a document that states the node too, so
        // none is left; detach only guards against a store already damaged.
        MemoryNode? indexed = Search is not null && Graph.TryGetNode(id, out var gone) ? gone : null;
        Graph.DeleteNode(id, detach: true);
        // Detaching deleted the node's relationships, and with them entries of other nodes' indexes.
        _outgoingIndexes?.Forget();
        _sharedNodes.Remove(id);
        if (id < _nodeStaters.Length) _nodeStaters[id] = Unstated;
        if (indexed is { } node) Search!.Remove(node);
    }

    private void ChangeRelationship(int document, RelationshipStatement? before, RelationshipStatement? after)
    {
        var identity = (before ?? after)!;
        if (!Graph.TryGetNodeId(identity.Start, out var start) || !Graph.TryGetNodeId(identity.End, out var end))
        {
            if (after is null) return;
            throw new InvalidOperationException($"Relationship {identity.Id} is stated without its end nodes.");
        }
        if (!TryFindRelationship(start, identity.Type, end, identity.Key, out var id))
        {
            if (after is null) return;
            id = Graph.CreateRelationship(identity.Type, start, end, after.Properties, identity.Key);
            _outgoingIndexes?.Created(start, identity.Type, end, identity.Key, id);
            SetStater(_relationshipStaters, id, document);
            return;
        }

        var stater = StaterOf(_relationshipStaters, id, document);
        if (stater == document)
        {
            if (after is null) DeleteRelationship(id, start, end, identity);
            else Graph.ReplaceRelationshipProperties(id, after.Properties);
            return;
        }
        if (stater != Several)
        {
            _sharedRelationships[id] = new SharedRelationship([stater], stater);
            _relationshipStaters[id] = Several;
        }

        // A relationship is the statement of the ordinally first document that states it.
        var shared = _sharedRelationships[id];
        shared.Documents.Remove(document);
        if (after is not null) shared.Documents.Add(document);
        if (shared.Documents.Count == 0)
        {
            DeleteRelationship(id, start, end, identity);
            return;
        }
        var first = shared.Documents.Aggregate((a, b) => string.CompareOrdinal(_documentIds[a], _documentIds[b]) <= 0 ? a : b);
        if (first == shared.First && first != document) return;
        shared.First = first;
        var statement = first == document ? after : ReadBack(first)?.TryGetRelationship(identity.Id);
        if (statement is not null) Graph.ReplaceRelationshipProperties(id, statement.Properties);
    }

    private void DeleteRelationship(long id, long start, long end, RelationshipStatement identity)
    {
        _outgoingIndexes?.Deleted(start, identity.Type, end, identity.Key);
        DeleteRelationship(id);
    }

    private void DeleteRelationship(long id)
    {
        Graph.DeleteRelationship(id);
        _sharedRelationships.Remove(id);
        if (id < _relationshipStaters.Length) _relationshipStaters[id] = Unstated;
    }

    /// <summary>Finds a relationship by its identity (start, type, end, key) through the start node's adjacency.</summary>
    public bool TryFindRelationship(long start, string type, long end, string key, out long id) =>
        _outgoingIndexes?.TryFind(start, type, end, key, out id) ?? Graph.TryFindRelationship(start, type, end, key, out id);

    // The outgoing relationships of the nodes one document's apply states many relationships from; null between applies.
    private OutgoingIndexes? _outgoingIndexes;

    /// <summary>Whether any stored document states the node (one a query created is stated by none).</summary>
    public bool IsNodeStated(long id)
    {
        Load();
        return id < _nodeStaters.Length && _nodeStaters[id] != Unstated;
    }

    /// <summary>Whether any stored document states the relationship.</summary>
    public bool IsRelationshipStated(long id)
    {
        Load();
        return id < _relationshipStaters.Length && _relationshipStaters[id] != Unstated;
    }

    /// <summary>What this projection's documents state, for a query that must not delete it.</summary>
    public DocumentStatements Statements => new(IsNodeStated, IsRelationshipStated);

    /// <summary>
    /// The document stating a node or relationship, or <see cref="Several"/>. One that no document states yet (a
    /// query created it) is adopted by <paramref name="document"/>, whose statement then replaces what it was.
    /// </summary>
    private static int StaterOf(PagedArray<int> staters, long id, int document)
    {
        if (id < staters.Length && staters[id] != Unstated) return staters[id];
        SetStater(staters, id, document);
        return document;
    }

    private static void SetStater(PagedArray<int> staters, long id, int document)
    {
        staters.EnsureCapacity(id);
        staters[id] = document;
    }

    /// <summary>
    /// Writes who states what (document numbers, staters, shared nodes and relationships), for a snapshot; the
    /// graph itself is written by <see cref="MemoryGraph.WriteSnapshot"/>. The caller holds the graph's lock.
    /// </summary>
    public void WriteSnapshot(BinaryWriter writer)
    {
        if (_unread)
        {
            writer.WriteSpan(_snapshot.Span);
            return;
        }
        // A block is its length and then its bytes: counted by a first pass that writes nowhere, so that the
        // bookkeeping (some 200 MB at a million documents) is never held twice in memory.
        var counter = new CountingStream();
        using (var counting = new BinaryWriter(counter, System.Text.Encoding.UTF8, leaveOpen: true)) WriteBookkeeping(counting);
        writer.Write(checked((int)counter.Length));
        writer.Flush();
        WriteBookkeeping(writer);
    }

    private void WriteBookkeeping(BinaryWriter writer)
    {
        writer.WriteStrings(_documentIds);
        _nodeStaters.WriteTo(writer);
        _relationshipStaters.WriteTo(writer);
        writer.Write(_sharedNodes.Count);
        foreach (var (id, shared) in _sharedNodes)
        {
            writer.Write(id);
            writer.WriteSpan<int>(CollectionsMarshal.AsSpan(shared.Documents));
            writer.Write(shared.Supplier);
            writer.Write(shared.Exceptions.Length);
            foreach (var supply in shared.Exceptions)
            {
                writer.Write(supply.Key);
                writer.Write(supply.Document);
            }
        }
        writer.Write(_sharedRelationships.Count);
        foreach (var (id, shared) in _sharedRelationships)
        {
            writer.Write(id);
            writer.WriteSpan<int>(CollectionsMarshal.AsSpan(shared.Documents));
            writer.Write(shared.First);
        }
    }

    /// <summary>
    /// Takes what <see cref="WriteSnapshot"/> wrote into this projection, which must be new, as one block (mapped when
    /// the snapshot is) decoded by the first <see cref="Load"/>: who states what matters only to a write, and an
    /// open that only reads never pays for it, on the heap or in time.
    /// </summary>
    public void ReadSnapshot(BinaryReader reader)
    {
        if (_documentIds.Count != 1 || _unread) throw new InvalidOperationException("Only a new projection can be read into.");
        _snapshot = reader.ReadBlock();
        _unread = true;
    }

    /// <summary>False while who states what is still the snapshot's undecoded block.</summary>
    public bool IsLoaded => !_unread;

    /// <summary>Decodes who states what from the snapshot when that has not been done yet; every reader of it calls this first.</summary>
    public void Load()
    {
        if (!_unread) return;
        lock (_loading)
        {
            if (!_unread) return;
            using (var reader = new BinaryReader(new MemoryStream(_snapshot.ToArray(), writable: false)))
            {
                ReadBookkeeping(reader);
                if (reader.BaseStream.Position != reader.BaseStream.Length) throw new InvalidDataException("The snapshot's bookkeeping holds more than it should.");
            }
            _snapshot = default;
            _unread = false;
        }
    }

    private void ReadBookkeeping(BinaryReader reader)
    {
        var documents = reader.ReadStrings();
        if (documents is not ["", ..]) throw new InvalidDataException("The snapshot's document numbers do not start with the unstated slot.");
        for (var number = 1; number < documents.Length; number++)
        {
            _documentIds.Add(documents[number]);
            _documentNumbers[documents[number]] = number;
        }
        _nodeStaters.ReadFrom(reader);
        _relationshipStaters.ReadFrom(reader);
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var id = reader.ReadInt64();
            var shared = new SharedNode([.. reader.ReadArray<int>()]) { Supplier = reader.ReadInt32() };
            var exceptions = new Supply[reader.ReadInt32()];
            for (var index = 0; index < exceptions.Length; index++)
            {
                var key = reader.ReadString();
                ref var name = ref CollectionsMarshal.GetValueRefOrAddDefault(_propertyNames, key, out var known);
                if (!known) name = key;
                exceptions[index] = new Supply(name!, reader.ReadInt32());
            }
            shared.Exceptions = exceptions;
            _sharedNodes[id] = shared;
        }
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var id = reader.ReadInt64();
            _sharedRelationships[id] = new SharedRelationship([.. reader.ReadArray<int>()], reader.ReadInt32());
        }
    }

    /// <summary>A stream that only counts what is written to it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }

    /// <summary>
    /// The documents stating a node, and which of them supplied each property of the merge. The merged
    /// labels and properties are not kept here: they are the node in the graph, and keeping a second copy
    /// of them for every cited document was the largest cost of the projection.
    /// </summary>
    private sealed class SharedNode(List<int> documents)
    {
        public List<int> Documents { get; } = documents;

        /// <summary>The number of the document that supplied every property not among <see cref="Exceptions"/>.</summary>
        public int Supplier { get; set; } = -1;

        /// <summary>The properties another document supplied (usually none).</summary>
        public Supply[] Exceptions { get; set; } = [];

        /// <summary>The number of the document that supplied <paramref name="key"/>, a property of the merge (-1: none known).</summary>
        public int SupplierOf(string key)
        {
            foreach (var supply in Exceptions)
                if (supply.Key == key) return supply.Document;
            return Supplier;
        }
    }

    /// <summary>A property of a merged node and the number of the document whose statement supplied it.</summary>
    private readonly record struct Supply(string Key, int Document);

    /// <summary>The documents stating a relationship, and the one whose statement memory shows.</summary>
    private sealed class SharedRelationship(List<int> documents, int first)
    {
        public List<int> Documents { get; } = documents;

        public int First { get; set; } = first;
    }
}

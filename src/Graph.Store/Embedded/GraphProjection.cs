using Graph.Model;
using Graph.Store.Memory;

namespace Graph.Store.Embedded;

/// <summary>
/// Keeps a <see cref="MemoryGraph"/> equal to the merge of every stored document's statements, as
/// <see cref="FactMerge"/> defines it, and remembers which documents state each node and relationship
/// so that a document replaced or removed takes back exactly its own statements.
/// <para>
/// Most nodes and relationships are stated by one document (paragraphs, footnotes, a document's own
/// links): for those only the document's number is kept, since memory already holds the statement.
/// Only what several documents state gets a <see cref="NodeStatements"/> (or a list of relationship
/// statements). The merge does not depend on the order documents arrive in, so opening the store may
/// replay the documents in any order.
/// </para>
/// The caller holds the graph's write lock around <see cref="Apply"/>.
/// </summary>
internal sealed class GraphProjection(MemoryGraph graph)
{
    /// <summary>Marks a node or relationship whose statements are kept in the shared dictionaries.</summary>
    private const int Several = -1;

    private readonly Dictionary<string, int> _documentNumbers = new(StringComparer.Ordinal);
    private readonly List<string> _documentIds = [];

    private int[] _nodeStaters = new int[1024];
    private readonly Dictionary<long, NodeStatements> _sharedNodes = [];
    private int[] _relationshipStaters = new int[1024];
    private readonly Dictionary<long, List<(int Document, byte[] Content)>> _sharedRelationships = [];

    /// <summary>Relationship keys (<see cref="GraphRelationship.Key"/>) by internal id; most relationships have none.</summary>
    private readonly Dictionary<long, string> _relationshipKeys = [];

    public MemoryGraph Graph { get; } = graph;

    public string KeyOf(long relationshipId) => _relationshipKeys.TryGetValue(relationshipId, out var key) ? key : "";

    /// <summary>
    /// Changes the graph from what <paramref name="before"/> stated (null: nothing) to what
    /// <paramref name="after"/> states (null: nothing), for one document: relationships that went or
    /// changed first, then nodes, then relationships that came or changed.
    /// </summary>
    public void Apply(string documentId, DocumentFacts? before, DocumentFacts? after)
    {
        var document = DocumentNumber(documentId);
        if (before is null)
        {
            if (after is null) return;
            foreach (var node in after.Nodes) ChangeNode(document, documentId, node.Id, null, node);
            foreach (var relationship in after.Relationships) ChangeRelationship(document, null, relationship);
            return;
        }

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

    private int DocumentNumber(string documentId)
    {
        if (_documentNumbers.TryGetValue(documentId, out var number)) return number;
        number = _documentIds.Count;
        _documentIds.Add(documentId);
        _documentNumbers[documentId] = number;
        return number;
    }

    private int CompareDocuments(int a, int b) => string.CompareOrdinal(_documentIds[a], _documentIds[b]);

    private void ChangeNode(int document, string documentId, string nodeId, NodeStatement? before, NodeStatement? after)
    {
        var own = documentId == nodeId;
        if (!Graph.TryGetNodeId(nodeId, out var id))
        {
            if (after is null) return;
            id = Graph.CreateNode(after.Labels, AloneMerged(own, after));
            SetStater(ref _nodeStaters, id, document);
            if (MemoryCannotRestore(own, after)) StartShared(id, document, own, after.Content.Span);
            return;
        }

        var stater = _nodeStaters[id];
        if (stater != Several)
        {
            if (stater == document)
            {
                if (after is null)
                {
                    DeleteNode(id);
                    return;
                }
                SetMerged(id, after.Labels, AloneMerged(own, after));
                if (MemoryCannotRestore(own, after)) StartShared(id, document, own, after.Content.Span);
                return;
            }
            // A second document states the node: keep the first one's statement, which memory holds as it was stated.
            StartShared(id, stater, _documentIds[stater] == nodeId, ContentInMemory(id));
        }

        var statements = _sharedNodes[id];
        var changed = false;
        if (before is not null) changed |= statements.Remove(document, before.Content.Span, own, CompareDocuments);
        if (after is not null) changed |= statements.Add(document, after.Content.Span, own, CompareDocuments);
        if (statements.IsEmpty)
        {
            DeleteNode(id);
            return;
        }
        if (!changed) return;
        var previous = statements.Merged;
        MergedNode merged;
        if (before is null && after is not null && previous is not null)
        {
            // One more statement, none changed: what the same documents supplied before is still the same.
            merged = FactMerge.AddStatement(previous, nodeId, documentId, after.Labels, after.Properties);
            statements.Merged = merged;
            if (SameSuppliers(previous, merged) && previous.Labels.Count == merged.Labels.Count) return;
        }
        else
        {
            merged = FactMerge.MergeNode(nodeId, statements.Deciding().Select(s =>
            {
                var reader = new FactReader(s.Content);
                var labels = reader.ReadLabels();
                return (_documentIds[s.Document], (IReadOnlyList<string>)labels, (IReadOnlyList<KeyValuePair<string, object?>>)reader.ReadProperties());
            }).ToList())!;
        }
        statements.Merged = merged;
        SetMerged(id, merged.Labels, merged.Properties);
    }

    /// <summary>Every property supplied by the same document: then the values are the same too (one document, one statement).</summary>
    private static bool SameSuppliers(MergedNode a, MergedNode b)
    {
        if (a.Suppliers.Count != b.Suppliers.Count || a.Properties.Count != b.Properties.Count) return false;
        foreach (var (key, supplier) in a.Suppliers)
            if (!b.Suppliers.TryGetValue(key, out var other) || other != supplier) return false;
        return true;
    }

    /// <summary>A node stated by one document: its statement, except that its own document's word ends it being a stub.</summary>
    private static IEnumerable<KeyValuePair<string, object?>> AloneMerged(bool own, NodeStatement statement) =>
        own ? statement.Properties.Where(p => p.Key != PropertyNames.Stub) : statement.Properties;

    /// <summary>
    /// Whether memory holds the statement differently from how it was stated (memory drops null values
    /// and the stub mark of a node described by its own document), so it must be kept to merge later.
    /// </summary>
    private static bool MemoryCannotRestore(bool own, NodeStatement statement)
    {
        foreach (var (key, value) in statement.Properties)
            if (value is null || (own && key == PropertyNames.Stub)) return true;
        return false;
    }

    private void StartShared(long id, int document, bool own, ReadOnlySpan<byte> content)
    {
        var statements = new NodeStatements();
        statements.Add(document, content, own, CompareDocuments);
        _sharedNodes[id] = statements;
        _nodeStaters[id] = Several;
    }

    /// <summary>The node as memory holds it, in the binary form of a statement.</summary>
    private byte[] ContentInMemory(long id)
    {
        Graph.TryGetNode(id, out var node);
        var writer = new FactWriter(256);
        writer.WriteLabels(node.Labels);
        writer.WriteProperties([.. node.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)]);
        return writer.Written.ToArray();
    }

    private void SetMerged(long id, IReadOnlyList<string> labels, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        Graph.TryGetNode(id, out var current);
        foreach (var label in current.Labels)
            if (!labels.Contains(label)) Graph.RemoveLabel(id, label);
        foreach (var label in labels) Graph.AddLabel(id, label);
        Graph.ReplaceNodeProperties(id, properties);
    }

    private void DeleteNode(long id)
    {
        // Every relationship touching the node was stated by a document that states the node too, so
        // none is left; detach only guards against a store already damaged.
        Graph.DeleteNode(id, detach: true);
        _sharedNodes.Remove(id);
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
            id = Graph.CreateRelationship(identity.Type, start, end, after.Properties);
            SetStater(ref _relationshipStaters, id, document);
            if (identity.Key.Length > 0) _relationshipKeys[id] = identity.Key;
            return;
        }

        var stater = _relationshipStaters[id];
        if (stater == document)
        {
            if (after is null) DeleteRelationship(id);
            else Graph.ReplaceRelationshipProperties(id, after.Properties);
            return;
        }
        if (stater != Several)
        {
            Graph.TryGetRelationship(id, out var current);
            var writer = new FactWriter(128);
            writer.WriteProperties([.. current.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)]);
            _sharedRelationships[id] = [(stater, writer.Written.ToArray())];
            _relationshipStaters[id] = Several;
        }

        // A relationship is the statement of the ordinally first document that states it.
        var statements = _sharedRelationships[id];
        var firstBefore = First(statements);
        statements.RemoveAll(s => s.Document == document);
        if (after is not null) statements.Add((document, after.Content.ToArray()));
        if (statements.Count == 0)
        {
            DeleteRelationship(id);
            return;
        }
        var first = First(statements);
        if (first.Document != firstBefore.Document || first.Document == document)
        {
            var reader = new FactReader(first.Content);
            Graph.ReplaceRelationshipProperties(id, reader.ReadProperties());
        }
    }

    private (int Document, byte[] Content) First(List<(int Document, byte[] Content)> statements) =>
        statements.Aggregate((a, b) => CompareDocuments(a.Document, b.Document) <= 0 ? a : b);

    private void DeleteRelationship(long id)
    {
        Graph.DeleteRelationship(id);
        _relationshipKeys.Remove(id);
        _sharedRelationships.Remove(id);
    }

    /// <summary>Finds a relationship by its identity (start, type, end, key) through the start node's adjacency.</summary>
    public bool TryFindRelationship(long start, string type, long end, string key, out long id)
    {
        id = -1;
        foreach (var candidate in Graph.GetRelationshipIds(start, Direction.Outgoing, [type]))
        {
            if (!Graph.TryGetRelationship(candidate, out var relationship) || relationship.EndId != end || KeyOf(candidate) != key) continue;
            id = candidate;
            return true;
        }
        return false;
    }

    private static void SetStater(ref int[] staters, long id, int document)
    {
        if (id >= staters.Length) Array.Resize(ref staters, (int)Math.Max(staters.Length * 2L, id + 1));
        staters[id] = document;
    }
}

using System.Security.Cryptography;
using System.Text;
using Graph.Model;
using Graph.Neo4j.QueryApi;
using Graph.Store;

namespace Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    public async ValueTask<IngestResult> IngestAsync(GraphDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var statement = DocumentStatement.From(document);
        return await _client.ExecuteInTransactionAsync(async (tx, ct) =>
        {
            var previous = await ReadRecordAsync(tx, document.DocumentId, ct).ConfigureAwait(false);
            var counts = (statement.Nodes.Count, statement.Relationships.Count);
            if (previous is not null && previous.Fingerprint == statement.Fingerprint)
                return new IngestResult(document.DocumentId, IngestOutcome.Unchanged, counts.Item1, counts.Item2);
            await ApplyAsync(tx, document.DocumentId, previous, statement, ct).ConfigureAwait(false);
            return new IngestResult(
                document.DocumentId, previous is null ? IngestOutcome.Added : IngestOutcome.Replaced, counts.Item1, counts.Item2);
        }, AccessMode.Write, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        return await _client.ExecuteInTransactionAsync(async (tx, ct) =>
        {
            var previous = await ReadRecordAsync(tx, documentId, ct).ConfigureAwait(false);
            if (previous is null) return false;
            await ApplyAsync(tx, documentId, previous, statement: null, ct).ConfigureAwait(false);
            return true;
        }, AccessMode.Write, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the store recorded about a document's last ingest.</summary>
    private sealed record DocumentRecord(string Fingerprint, IReadOnlyList<string> Nodes, IReadOnlyList<RelationshipKey> Relationships);

    /// <summary>The identity of a relationship: type, ends and key.</summary>
    internal readonly record struct RelationshipKey(string Type, string Start, string End, string Key)
    {
        public static RelationshipKey Of(GraphRelationship r) => new(r.Type, r.Start, r.End, r.Key);
    }

    private static async Task<DocumentRecord?> ReadRecordAsync(IQueryApiTransaction tx, string documentId, CancellationToken ct)
    {
        var result = await tx.RunAsync(
            $"MATCH (d:{Neo4jSchema.IngestedDocumentLabel} {{documentId: $id}}) " +
            "RETURN d.contentHash AS hash, d.nodes AS nodeIds, d.relTypes AS relTypes, d.relStarts AS relStarts, d.relEnds AS relEnds, d.relKeys AS relKeys",
            new Dictionary<string, object?> { ["id"] = documentId }, ct).ConfigureAwait(false);
        if (result.Rows.Count == 0) return null;
        static List<string> Strings(object? value) => value is List<object?> list ? list.Select(v => (string)v!).ToList() : [];
        var types = Strings(result.Get(0, "relTypes"));
        var starts = Strings(result.Get(0, "relStarts"));
        var ends = Strings(result.Get(0, "relEnds"));
        var keys = Strings(result.Get(0, "relKeys"));
        var relationships = Enumerable.Range(0, types.Count).Select(i => new RelationshipKey(types[i], starts[i], ends[i], keys[i])).ToList();
        return new DocumentRecord(AsString(result.Get(0, "hash")) ?? "", Strings(result.Get(0, "nodeIds")), relationships);
    }

    /// <summary>
    /// Withdraws what <paramref name="documentId"/> stated before and states <paramref name="statement"/>
    /// (null: withdraw only), recomputing every node and relationship either touches from its remaining statements.
    /// </summary>
    private static async Task ApplyAsync(
        IQueryApiTransaction tx, string documentId, DocumentRecord? previous, DocumentStatement? statement, CancellationToken ct)
    {
        var newNodes = statement?.Nodes ?? [];
        var newRelationships = statement?.Relationships ?? [];
        var oldRelationships = previous?.Relationships ?? [];

        var affectedNodes = new SortedSet<string>(StringComparer.Ordinal);
        affectedNodes.UnionWith(previous?.Nodes ?? []);
        affectedNodes.UnionWith(newNodes.Keys);
        foreach (var r in oldRelationships.Concat(newRelationships.Keys))
        {
            affectedNodes.Add(r.Start);
            affectedNodes.Add(r.End);
        }

        // 1. Lock every affected node (creating the missing ones) and read what is recorded on it. Sorted ids
        //    make concurrent ingests take locks in one order; a deadlock left is transient and retried.
        var current = new Dictionary<string, Neo4jNode>(StringComparer.Ordinal);
        foreach (var batch in Batches(affectedNodes))
        {
            var result = await tx.RunAsync(
                $"UNWIND $ids AS id MERGE (n:{Neo4jSchema.NodeLabel} {{id: id}}) SET n.{Bookkeeping.Lock} = true RETURN n",
                new Dictionary<string, object?> { ["ids"] = batch }, ct).ConfigureAwait(false);
            foreach (var row in result.Rows)
            {
                var node = (Neo4jNode)row[0]!;
                current[(string)node.Properties[PropertyNames.Id]!] = node;
            }
        }

        // 2. Recompute each node from its statements, the document's old one replaced by its new one.
        var writes = new List<(string Id, Dictionary<string, object?> Properties, IReadOnlyList<string> Add, IReadOnlyList<string> Remove)>();
        var unstated = new List<string>();
        foreach (var id in affectedNodes)
        {
            var node = current[id];
            var visibleLabels = node.Labels.Where(l => l != Neo4jSchema.NodeLabel).ToList();
            var statements = Bookkeeping.StatementsOf(node.Properties, visibleLabels);
            var index = statements.FindIndex(s => s.Document == documentId);
            if (newNodes.TryGetValue(id, out var stated))
            {
                var entry = (documentId, (IReadOnlyDictionary<string, object?>)stated.Properties, (IReadOnlyList<string>)stated.Labels.ToList());
                if (index >= 0) statements[index] = entry;
                else statements.Add(entry);
            }
            else if (index >= 0)
            {
                statements.RemoveAt(index);
            }

            var merged = Merge(id, statements);
            if (merged is null)
            {
                unstated.Add(id);
                continue;
            }
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in merged.Properties)
                if (value is not null) properties[key] = PropertyValues.Normalise(value);
            properties[PropertyNames.Id] = id;
            properties[Bookkeeping.StatedBy] = statements.Select(s => (object?)s.Document).ToList();
            if (statements.Count > 1)
                properties[Bookkeeping.Statements] = statements.Select(s => (object?)Bookkeeping.SerializeStatement(s.Labels, s.Properties)).ToList();

            var labels = merged.Labels.ToList();
            writes.Add((id, properties, labels.Except(visibleLabels).ToList(), visibleLabels.Except(labels).ToList()));
        }

        // 3. Write nodes: SET n = row.props replaces every property (and drops the lock); labels cannot be
        //    parameters, so rows are grouped by the label set they gain or lose.
        foreach (var group in writes.GroupBy(w => string.Join(':', w.Add)))
        {
            var addLabels = group.First().Add;
            var setLabels = addLabels.Count == 0 ? "" : " SET n" + CypherIdentifier.Labels(addLabels);
            foreach (var batch in Batches(group))
            {
                var rows = batch.Select(w => (object?)new Dictionary<string, object?> { ["id"] = w.Id, ["props"] = w.Properties }).ToList();
                await tx.RunAsync(
                    $"UNWIND $rows AS row MATCH (n:{Neo4jSchema.NodeLabel} {{id: row.id}}) SET n = row.props{setLabels}",
                    new Dictionary<string, object?> { ["rows"] = rows }, ct).ConfigureAwait(false);
            }
        }
        foreach (var group in writes.Where(w => w.Remove.Count > 0).GroupBy(w => string.Join(':', w.Remove)))
        {
            var removeLabels = CypherIdentifier.Labels(group.First().Remove);
            foreach (var batch in Batches(group.Select(w => (object?)w.Id)))
            {
                await tx.RunAsync(
                    $"UNWIND $ids AS id MATCH (n:{Neo4jSchema.NodeLabel} {{id: id}}) REMOVE n{removeLabels}",
                    new Dictionary<string, object?> { ["ids"] = batch }, ct).ConfigureAwait(false);
            }
        }

        // 4. Relationships: the same recomputation; unstated ones are deleted, the others upserted by type.
        var affectedRelationships = new SortedSet<RelationshipKey>(oldRelationships, RelationshipKeyComparer.Instance);
        affectedRelationships.UnionWith(newRelationships.Keys);
        var currentRelationships = await ReadRelationshipsAsync(tx, affectedRelationships.ToList(), ct).ConfigureAwait(false);
        var deletes = new List<RelationshipKey>();
        var upserts = new List<(RelationshipKey Key, Dictionary<string, object?> Properties)>();
        foreach (var key in affectedRelationships)
        {
            var statements = currentRelationships.TryGetValue(key, out var existing)
                ? Bookkeeping.StatementsOf(existing.Properties, [])
                : [];
            var index = statements.FindIndex(s => s.Document == documentId);
            if (newRelationships.TryGetValue(key, out var stated))
            {
                var entry = (documentId, (IReadOnlyDictionary<string, object?>)stated.Properties, (IReadOnlyList<string>)[]);
                if (index >= 0) statements[index] = entry;
                else statements.Add(entry);
            }
            else if (index >= 0)
            {
                statements.RemoveAt(index);
            }

            if (statements.Count == 0)
            {
                if (existing is not null) deletes.Add(key);
                continue;
            }
            // A relationship stated by several documents is the statement of the first document by id, as in
            // the embedded store, so the result does not depend on ingest order.
            var first = statements.OrderBy(s => s.Document, StringComparer.Ordinal).First();
            var properties = first.Properties.Where(p => p.Value is not null)
                .ToDictionary(p => p.Key, p => PropertyValues.Normalise(p.Value), StringComparer.Ordinal);
            properties[Bookkeeping.Key] = key.Key;
            properties[Bookkeeping.StatedBy] = statements.Select(s => (object?)s.Document).ToList();
            if (statements.Count > 1)
                properties[Bookkeeping.Statements] = statements.Select(s => (object?)Bookkeeping.SerializeStatement([], s.Properties)).ToList();
            upserts.Add((key, properties));
        }

        foreach (var batch in Batches(deletes))
        {
            await tx.RunAsync(
                $"UNWIND $rels AS r MATCH (a:{Neo4jSchema.NodeLabel} {{id: r.startId}})-[x]->(b:{Neo4jSchema.NodeLabel} {{id: r.endId}}) " +
                $"WHERE type(x) = r.type AND x.{Bookkeeping.Key} = r.key DELETE x",
                new Dictionary<string, object?> { ["rels"] = batch.Select(KeyRow).ToList() }, ct).ConfigureAwait(false);
        }
        foreach (var group in upserts.GroupBy(u => u.Key.Type))
        {
            var type = CypherIdentifier.Require(group.Key, "relationship type");
            foreach (var batch in Batches(group))
            {
                var rows = batch.Select(u => (object?)new Dictionary<string, object?>
                {
                    ["startId"] = u.Key.Start, ["endId"] = u.Key.End, ["key"] = u.Key.Key, ["props"] = u.Properties,
                }).ToList();
                await tx.RunAsync(
                    $"UNWIND $rows AS row MATCH (a:{Neo4jSchema.NodeLabel} {{id: row.startId}}) MATCH (b:{Neo4jSchema.NodeLabel} {{id: row.endId}}) " +
                    $"MERGE (a)-[x:{type} {{{Bookkeeping.Key}: row.key}}]->(b) SET x = row.props",
                    new Dictionary<string, object?> { ["rows"] = rows }, ct).ConfigureAwait(false);
            }
        }

        // 5. Nodes no document states any more go, with any relationship left on them (every relationship's
        //    ends are stated by the document that states it, so none that is still stated can be there).
        foreach (var batch in Batches(unstated))
        {
            await tx.RunAsync(
                $"UNWIND $ids AS id MATCH (n:{Neo4jSchema.NodeLabel} {{id: id}}) DETACH DELETE n",
                new Dictionary<string, object?> { ["ids"] = batch }, ct).ConfigureAwait(false);
        }

        // 6. The record of what the document stated, for its next replace or removal.
        var parameters = new Dictionary<string, object?> { ["id"] = documentId };
        if (statement is null)
        {
            await tx.RunAsync($"MATCH (d:{Neo4jSchema.IngestedDocumentLabel} {{documentId: $id}}) DELETE d", parameters, ct).ConfigureAwait(false);
            return;
        }
        var relationshipKeys = statement.Relationships.Keys.ToList();
        parameters["hash"] = statement.Fingerprint;
        parameters["text"] = statement.Text;
        parameters["nodes"] = statement.Nodes.Keys.ToList();
        parameters["types"] = relationshipKeys.Select(k => k.Type).ToList();
        parameters["starts"] = relationshipKeys.Select(k => k.Start).ToList();
        parameters["ends"] = relationshipKeys.Select(k => k.End).ToList();
        parameters["keys"] = relationshipKeys.Select(k => k.Key).ToList();
        await tx.RunAsync(
            $"MERGE (d:{Neo4jSchema.IngestedDocumentLabel} {{documentId: $id}}) SET d.contentHash = $hash, d.text = $text, d.nodes = $nodes, " +
            "d.relTypes = $types, d.relStarts = $starts, d.relEnds = $ends, d.relKeys = $keys",
            parameters, ct).ConfigureAwait(false);
    }

    private static object? KeyRow(RelationshipKey key) =>
        new Dictionary<string, object?> { ["type"] = key.Type, ["startId"] = key.Start, ["endId"] = key.End, ["key"] = key.Key };

    private static async Task<Dictionary<RelationshipKey, Neo4jRelationship>> ReadRelationshipsAsync(
        IQueryApiTransaction tx, IReadOnlyList<RelationshipKey> keys, CancellationToken ct)
    {
        var found = new Dictionary<RelationshipKey, Neo4jRelationship>();
        foreach (var batch in Batches(keys))
        {
            var result = await tx.RunAsync(
                $"UNWIND $rels AS r MATCH (a:{Neo4jSchema.NodeLabel} {{id: r.startId}})-[x]->(b:{Neo4jSchema.NodeLabel} {{id: r.endId}}) " +
                $"WHERE type(x) = r.type AND x.{Bookkeeping.Key} = r.key RETURN r.startId AS startId, r.endId AS endId, x AS rel",
                new Dictionary<string, object?> { ["rels"] = batch.Select(KeyRow).ToList() }, ct).ConfigureAwait(false);
            foreach (var row in result.Rows)
            {
                var relationship = (Neo4jRelationship)row[2]!;
                var key = new RelationshipKey(relationship.Type, (string)row[0]!, (string)row[1]!,
                    relationship.Properties.GetValueOrDefault(Bookkeeping.Key) as string ?? "");
                found[key] = relationship;
            }
        }
        return found;
    }

    /// <summary>
    /// The node the statements describe together, by the embedded store's rule (GraphMerger's, made
    /// independent of ingest order): labels united; the node's own document first and winning, then the
    /// other documents by id, each property's first statement standing; a self-described node is no stub.
    /// Null when no statement is left.
    /// </summary>
    internal static GraphNode? Merge(
        string id, IReadOnlyList<(string Document, IReadOnlyDictionary<string, object?> Properties, IReadOnlyList<string> Labels)> statements)
    {
        if (statements.Count == 0) return null;
        var ordered = statements.OrderBy(s => s.Document == id ? 0 : 1).ThenBy(s => s.Document, StringComparer.Ordinal).ToList();
        var selfDescribed = ordered[0].Document == id;
        var node = new GraphNode(id, []);
        foreach (var (document, properties, labels) in ordered)
        {
            node.Labels.UnionWith(labels);
            foreach (var (key, value) in properties)
            {
                if (selfDescribed && key == PropertyNames.Stub && document != id) continue;
                node.Properties.TryAdd(key, value);
            }
        }
        if (selfDescribed) node.Properties.Remove(PropertyNames.Stub);
        node.Properties[PropertyNames.Id] = id;
        return node;
    }

    private sealed class RelationshipKeyComparer : IComparer<RelationshipKey>
    {
        public static readonly RelationshipKeyComparer Instance = new();

        public int Compare(RelationshipKey x, RelationshipKey y)
        {
            var c = string.CompareOrdinal(x.Start, y.Start);
            if (c == 0) c = string.CompareOrdinal(x.Type, y.Type);
            if (c == 0) c = string.CompareOrdinal(x.End, y.End);
            return c != 0 ? c : string.CompareOrdinal(x.Key, y.Key);
        }
    }

    /// <summary>
    /// One document's facts, normalised as the embedded store does, and checked before anything is sent:
    /// labels and types must be plain identifiers. The fingerprint covers the text and the facts, so a
    /// re-extraction that states different facts about the same text is not mistaken for unchanged.
    /// </summary>
    private sealed class DocumentStatement
    {
        private DocumentStatement(string text, Dictionary<string, GraphNode> nodes, Dictionary<RelationshipKey, GraphRelationship> relationships, string fingerprint)
        {
            Text = text;
            Nodes = nodes;
            Relationships = relationships;
            Fingerprint = fingerprint;
        }

        public string Text { get; }

        public Dictionary<string, GraphNode> Nodes { get; }

        public Dictionary<RelationshipKey, GraphRelationship> Relationships { get; }

        public string Fingerprint { get; }

        public static DocumentStatement From(GraphDocument document)
        {
            // The same normalisation as the embedded store: a node stated twice is one node (labels united,
            // first statement of a property first), every relationship end is a node of the document (one
            // without labels when the document does not state it), every node carries its id as `id`.
            var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
            foreach (var node in document.Nodes)
            {
                if (nodes.TryGetValue(node.Id, out var existing))
                {
                    existing.Labels.UnionWith(node.Labels);
                    foreach (var (key, value) in node.Properties) existing.Properties.TryAdd(key, PropertyValues.Copy(value));
                }
                else nodes[node.Id] = node.Clone();
            }
            var relationships = new Dictionary<RelationshipKey, GraphRelationship>();
            foreach (var relationship in document.Relationships)
            {
                relationships.TryAdd(RelationshipKey.Of(relationship), relationship.Clone());
                foreach (var end in (string[])[relationship.Start, relationship.End])
                    if (!nodes.ContainsKey(end)) nodes[end] = new GraphNode(end, []);
            }
            foreach (var node in nodes.Values)
            {
                node.Properties[PropertyNames.Id] = node.Id;
                foreach (var label in node.Labels) CypherIdentifier.Require(label, $"label of node {node.Id}");
            }
            foreach (var relationship in relationships.Values)
                CypherIdentifier.Require(relationship.Type, $"type of relationship {relationship.Id}");

            var graph = new GraphData();
            graph.Nodes.AddRange(nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal));
            graph.Relationships.AddRange(relationships.Values.OrderBy(r => r.Id, StringComparer.Ordinal));
            var json = GraphJson.Serialize(graph);
            var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.DocumentId + "\n" + document.Text + "\n" + json)));
            return new DocumentStatement(document.Text, nodes, relationships, fingerprint);
        }
    }
}

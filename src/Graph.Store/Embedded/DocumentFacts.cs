using System.Security.Cryptography;
using System.Text;
using Graph.Model;

namespace Graph.Store.Embedded;

/// <summary>One node as one document states it, serialised as stored.</summary>
internal sealed record NodeFact(string NodeId, string Labels, string Properties);

/// <summary>One relationship as one document states it, serialised as stored.</summary>
internal sealed record RelationshipFact(string Id, string Type, string Start, string End, string Key, string Properties);

/// <summary>
/// The facts one document states, made ready for the store: each node once (a node stated twice is
/// merged, first statement first), each relationship once (by identity), every node carrying its id as
/// the <c>id</c> property, and every relationship end present as a node of the same document, so that a
/// document's fact set stands on its own and removing it can never leave a relationship dangling.
/// </summary>
internal sealed class DocumentFacts
{
    private DocumentFacts(string documentId, string text, List<NodeFact> nodes, List<RelationshipFact> relationships, List<Diagnostic> diagnostics)
    {
        DocumentId = documentId;
        Text = text;
        Nodes = nodes;
        Relationships = relationships;
        Diagnostics = diagnostics;
        Hash = ComputeHash();
    }

    public string DocumentId { get; }

    public string Text { get; }

    public IReadOnlyList<NodeFact> Nodes { get; }

    public IReadOnlyList<RelationshipFact> Relationships { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Fingerprint of the text and every fact: equal hashes mean an ingest would change nothing.</summary>
    public string Hash { get; }

    /// <exception cref="ArgumentException">A label is empty or a property value is not one the graph allows; nothing is stored.</exception>
    public static DocumentFacts From(GraphDocument document)
    {
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var node in document.Nodes)
        {
            Validate(document.DocumentId, node.Id, node.Labels, node.Properties);
            if (nodes.TryGetValue(node.Id, out var existing))
            {
                existing.Labels.UnionWith(node.Labels);
                foreach (var (key, value) in node.Properties) existing.Properties.TryAdd(key, PropertyValues.Copy(value));
            }
            else nodes[node.Id] = node.Clone();
        }

        var diagnostics = new List<Diagnostic>(document.Diagnostics);
        var relationships = new Dictionary<string, GraphRelationship>(StringComparer.Ordinal);
        foreach (var relationship in document.Relationships)
        {
            Validate(document.DocumentId, relationship.Id, [relationship.Type], relationship.Properties);
            relationships.TryAdd(relationship.Id, relationship);
            foreach (var end in (string[])[relationship.Start, relationship.End])
            {
                if (nodes.ContainsKey(end)) continue;
                nodes[end] = new GraphNode(end, []);
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "store.implicit-node",
                    $"Relationship {relationship.Id} ends at {end}, which the document does not state as a node; the store records it as a node without labels.",
                    document.DocumentId));
            }
        }

        var nodeFacts = nodes.Values
            .OrderBy(n => n.Id, StringComparer.Ordinal)
            .Select(n =>
            {
                n.Properties[PropertyNames.Id] = n.Id;
                return new NodeFact(n.Id, PropertyJson.WriteLabels(n.Labels), PropertyJson.WriteProperties(n.Properties));
            })
            .ToList();
        var relationshipFacts = relationships.Values
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new RelationshipFact(r.Id, r.Type, r.Start, r.End, r.Key, PropertyJson.WriteProperties(r.Properties)))
            .ToList();
        return new DocumentFacts(document.DocumentId, document.Text, nodeFacts, relationshipFacts, diagnostics);
    }

    /// <summary>Refuses what memory would refuse, before anything is written, so SQLite and memory never disagree.</summary>
    private static void Validate(string documentId, string id, IEnumerable<string> labels, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        foreach (var label in labels)
            if (string.IsNullOrWhiteSpace(label))
                throw new ArgumentException($"Document {documentId}: {id} has an empty label or type.");
        foreach (var (key, value) in properties)
        {
            if (string.IsNullOrEmpty(key)) throw new ArgumentException($"Document {documentId}: {id} has a property without a name.");
            try { Memory.PropertyValueRules.Normalise(key, value); }
            catch (ArgumentException error) { throw new ArgumentException($"Document {documentId}: {id}: {error.Message}", error); }
        }
    }

    private string ComputeHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string value)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
            hash.AppendData([0]);
        }
        Add(DocumentId);
        Add(Text);
        foreach (var node in Nodes)
        {
            Add(node.NodeId);
            Add(node.Labels);
            Add(node.Properties);
        }
        foreach (var relationship in Relationships)
        {
            Add(relationship.Id);
            Add(relationship.Properties);
        }
        foreach (var diagnostic in Diagnostics) Add(diagnostic.ToString());
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

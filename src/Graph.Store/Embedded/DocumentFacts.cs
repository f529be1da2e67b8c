using System.Security.Cryptography;
using System.Text;
using Graph.Model;
using Graph.Store.Memory;

namespace Graph.Store.Embedded;

/// <summary>
/// One node as one document states it: labels sorted, properties normalised and sorted by key.
/// <see cref="Content"/> is the binary form of labels and properties, so equal statements are equal bytes.
/// </summary>
internal sealed record NodeStatement(string Id, string[] Labels, KeyValuePair<string, object?>[] Properties, ReadOnlyMemory<byte> Content);

/// <summary>One relationship as one document states it; <see cref="Content"/> is the binary form of its properties.</summary>
internal sealed record RelationshipStatement(
    string Type, string Start, string End, string Key, KeyValuePair<string, object?>[] Properties, ReadOnlyMemory<byte> Content)
{
    /// <summary>The identity of <see cref="GraphRelationship.Id"/>: start-[TYPE]->end#key.</summary>
    public string Id => Key.Length == 0 ? $"{Start}-[{Type}]->{End}" : $"{Start}-[{Type}]->{End}#{Key}";
}

/// <summary>
/// The facts one document states, made ready for the store: each node once (a node stated twice is
/// merged, first statement first), each relationship once (by identity), every node carrying its id as
/// the <c>id</c> property, and every relationship end present as a node of the same document, so that a
/// document's fact set stands on its own and removing it can never leave a relationship dangling.
/// Stored as one compressed blob per document (<see cref="Blob"/>), relationship ends as indexes into
/// the document's nodes.
/// </summary>
internal sealed class DocumentFacts
{
    private const byte FormatVersion = 1;

    private DocumentFacts(string documentId, IReadOnlyList<NodeStatement> nodes, IReadOnlyList<RelationshipStatement> relationships)
    {
        DocumentId = documentId;
        Nodes = nodes;
        Relationships = relationships;
    }

    public string DocumentId { get; }

    public IReadOnlyList<NodeStatement> Nodes { get; }

    public IReadOnlyList<RelationshipStatement> Relationships { get; }

    /// <summary>The document's text (empty for facts read back from a blob: the text is stored beside them).</summary>
    public string Text { get; private init; } = "";

    /// <summary>The diagnostics, one per line, as stored.</summary>
    public string Diagnostics { get; private init; } = "";

    /// <summary>The compressed binary facts as stored (empty for facts read back).</summary>
    public byte[] Blob { get; private init; } = [];

    /// <summary>Fingerprint of the text, every fact and the diagnostics: equal hashes mean an ingest would change nothing.</summary>
    public byte[] Hash { get; private init; } = [];

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

        var writer = new FactWriter(Math.Max(4096, document.Text.Length * 2));
        writer.WriteByte(FormatVersion);
        var orderedNodes = nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        var nodeIndex = new Dictionary<string, int>(orderedNodes.Count, StringComparer.Ordinal);
        var nodeRanges = new List<(string[] Labels, KeyValuePair<string, object?>[] Properties, int Start, int End)>(orderedNodes.Count);
        writer.WriteCount(orderedNodes.Count);
        foreach (var node in orderedNodes)
        {
            nodeIndex[node.Id] = nodeIndex.Count;
            node.Properties[PropertyNames.Id] = node.Id;
            var labels = node.Labels.ToArray(); // a SortedSet with the ordinal comparer: already sorted
            var properties = Normalised(node.Properties);
            writer.WriteString(node.Id);
            var start = writer.Length;
            writer.WriteLabels(labels);
            writer.WriteProperties(properties);
            nodeRanges.Add((labels, properties, start, writer.Length));
        }

        var orderedRelationships = relationships.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var relationshipRanges = new List<(GraphRelationship Relationship, KeyValuePair<string, object?>[] Properties, int Start, int End)>(orderedRelationships.Count);
        writer.WriteCount(orderedRelationships.Count);
        foreach (var relationship in orderedRelationships)
        {
            var properties = Normalised(relationship.Properties);
            writer.WriteString(relationship.Type);
            writer.WriteCount(nodeIndex[relationship.Start]);
            writer.WriteCount(nodeIndex[relationship.End]);
            writer.WriteString(relationship.Key);
            var start = writer.Length;
            writer.WriteProperties(properties);
            relationshipRanges.Add((relationship, properties, start, writer.Length));
        }

        var data = writer.WrittenMemory;
        var nodeStatements = new NodeStatement[orderedNodes.Count];
        for (var i = 0; i < nodeStatements.Length; i++)
        {
            var (labels, properties, start, end) = nodeRanges[i];
            nodeStatements[i] = new NodeStatement(orderedNodes[i].Id, labels, properties, data[start..end]);
        }
        var relationshipStatements = new RelationshipStatement[orderedRelationships.Count];
        for (var i = 0; i < relationshipStatements.Length; i++)
        {
            var (relationship, properties, start, end) = relationshipRanges[i];
            relationshipStatements[i] = new RelationshipStatement(relationship.Type, relationship.Start, relationship.End, relationship.Key, properties, data[start..end]);
        }

        var diagnosticText = string.Join('\n', diagnostics.Select(d => d.ToString()));
        return new DocumentFacts(document.DocumentId, nodeStatements, relationshipStatements)
        {
            Text = document.Text,
            Diagnostics = diagnosticText,
            Blob = FactCompression.Compress(data.Span),
            Hash = ComputeHash(document.DocumentId, document.Text, data.Span, diagnosticText),
        };
    }

    /// <summary>Reads the facts of a stored blob back.</summary>
    /// <exception cref="FormatException">The blob is damaged.</exception>
    public static DocumentFacts Decode(string documentId, byte[] blob)
    {
        var data = FactCompression.Decompress(blob);
        var memory = data.AsMemory();
        var reader = new FactReader(data);
        if (reader.ReadByte() != FormatVersion) throw new FormatException("Stored facts are in an unknown format.");
        var nodes = new NodeStatement[reader.ReadCount()];
        for (var i = 0; i < nodes.Length; i++)
        {
            var id = reader.ReadString();
            var start = reader.Position;
            var labels = reader.ReadLabels();
            var properties = reader.ReadProperties();
            nodes[i] = new NodeStatement(id, labels, properties, memory[start..reader.Position]);
        }
        var relationships = new RelationshipStatement[reader.ReadCount()];
        for (var i = 0; i < relationships.Length; i++)
        {
            var type = reader.ReadString();
            var startNode = reader.ReadVarint();
            var endNode = reader.ReadVarint();
            if (startNode >= (ulong)nodes.Length || endNode >= (ulong)nodes.Length) throw new FormatException("A stored relationship ends outside its document's nodes.");
            var key = reader.ReadString();
            var start = reader.Position;
            var properties = reader.ReadProperties();
            relationships[i] = new RelationshipStatement(type, nodes[(int)startNode].Id, nodes[(int)endNode].Id, key, properties, memory[start..reader.Position]);
        }
        if (!reader.AtEnd) throw new FormatException("Stored facts have trailing bytes.");
        return new DocumentFacts(documentId, nodes, relationships);
    }

    /// <summary>The document's statement of a node, or null (nodes are sorted by id).</summary>
    public NodeStatement? TryGetNode(string nodeId)
    {
        int low = 0, high = Nodes.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var order = string.CompareOrdinal(Nodes[middle].Id, nodeId);
            if (order == 0) return Nodes[middle];
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return null;
    }

    /// <summary>The document's statement of a relationship, by <see cref="RelationshipStatement.Id"/>, or null (sorted by id).</summary>
    public RelationshipStatement? TryGetRelationship(string relationshipId)
    {
        int low = 0, high = Relationships.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var order = string.CompareOrdinal(Relationships[middle].Id, relationshipId);
            if (order == 0) return Relationships[middle];
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return null;
    }

    /// <summary>The hash <see cref="From"/> would give for these stored parts (for integrity checks).</summary>
    public static byte[] HashOfStored(string documentId, string text, byte[] blob, string diagnostics) =>
        ComputeHash(documentId, text, FactCompression.Decompress(blob), diagnostics);

    /// <summary>
    /// Property values as the in-memory graph holds them, sorted by key, so equal maps encode to equal
    /// bytes; a null value is an absent property, as in memory.
    /// </summary>
    private static KeyValuePair<string, object?>[] Normalised(IDictionary<string, object?> properties)
    {
        var result = new List<KeyValuePair<string, object?>>(properties.Count);
        foreach (var (key, value) in properties)
            if (PropertyValueRules.Normalise(key, value) is { } normalised) result.Add(new(key, normalised));
        result.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return [.. result];
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
            try { PropertyValueRules.Normalise(key, value); }
            catch (ArgumentException error) { throw new ArgumentException($"Document {documentId}: {id}: {error.Message}", error); }
        }
    }

    private static byte[] ComputeHash(string documentId, string text, ReadOnlySpan<byte> facts, string diagnostics)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string value)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
            hash.AppendData([0]);
        }
        Add(documentId);
        Add(text);
        hash.AppendData(facts);
        hash.AppendData([0]);
        Add(diagnostics);
        return hash.GetHashAndReset();
    }
}

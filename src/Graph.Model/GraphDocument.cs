namespace Graph.Model;

/// <summary>
/// The facts one document states: its own node, its paragraphs, what it cites and mentions.
/// It is the unit of ingest: a store replaces all facts of a document when the document changes.
/// </summary>
public sealed class GraphDocument
{
    public GraphDocument(string documentId, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        DocumentId = documentId;
        Text = text;
    }

    /// <summary>Canonical symbol of the document (e.g. A/RES/77/13), the id of its node.</summary>
    public string DocumentId { get; }

    /// <summary>The normalised text that every span of this document points into.</summary>
    public string Text { get; }

    public List<GraphNode> Nodes { get; } = [];

    public List<GraphRelationship> Relationships { get; } = [];

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>A content fingerprint: two extractions of the same text produce the same hash.</summary>
    public string ContentHash => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Text)));

    public GraphNode? FindNode(string id) => Nodes.Find(n => n.Id == id);
}

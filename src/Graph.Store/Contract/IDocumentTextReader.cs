namespace Graph.Store;

/// <summary>
/// The text a document's provenance spans (<c>spanStart</c>, <c>spanEnd</c>) point into, so a client
/// can show where a fact came from.
/// </summary>
public interface IDocumentTextReader
{
    /// <summary>The ingested text of a document; null when the document was not ingested (or is a stub).</summary>
    ValueTask<string?> TryGetDocumentTextAsync(string documentId, CancellationToken cancellationToken = default);
}

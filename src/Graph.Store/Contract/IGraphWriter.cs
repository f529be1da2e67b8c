using Graph.Model;

namespace Graph.Store;

/// <summary>What one ingest changed.</summary>
public sealed record IngestResult(string DocumentId, IngestOutcome Outcome, int Nodes, int Relationships);

public enum IngestOutcome
{
    /// <summary>The document was new to the store.</summary>
    Added,

    /// <summary>The document was known and its facts were replaced by the new statement.</summary>
    Replaced,

    /// <summary>The same content was ingested before; nothing changed.</summary>
    Unchanged,
}

/// <summary>
/// The write role of a graph store. Ingest is idempotent and atomic per document: the same document
/// twice changes nothing; a changed document replaces the facts it stated and only those; a stub known
/// from citations merges with the full document, whose own statements win.
/// </summary>
public interface IGraphWriter
{
    /// <exception cref="ArgumentException">The document holds a value the graph cannot store (an empty label, a property of another type); nothing is written.</exception>
    ValueTask<IngestResult> IngestAsync(GraphDocument document, CancellationToken cancellationToken = default);

    /// <summary>Removes the facts a document stated. Nodes other documents still state (as stubs) remain.</summary>
    ValueTask<bool> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default);
}

/// <summary>A graph store: both roles, and its lifetime.</summary>
public interface IGraphStore : IGraphReader, IGraphWriter, IAsyncDisposable
{
}

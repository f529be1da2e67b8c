namespace Graph.Model;

/// <summary>
/// Property keys shared by every producer and consumer of the graph. Provenance keys are on
/// every node and relationship that comes from text (see graph/README.md).
/// </summary>
public static class PropertyNames
{
    /// <summary>The node's stable identifier, also stored as a property so Cypher can match on it.</summary>
    public const string Id = "id";

    /// <summary>Id of the document whose text stated the fact.</summary>
    public const string Source = "source";

    /// <summary>Start offset (inclusive) of the stating text in the source document's text.</summary>
    public const string SpanStart = "spanStart";

    /// <summary>End offset (exclusive) of the stating text in the source document's text.</summary>
    public const string SpanEnd = "spanEnd";

    /// <summary>True on a document known only because others cite it.</summary>
    public const string Stub = "stub";
}

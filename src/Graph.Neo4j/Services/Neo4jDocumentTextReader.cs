using Graph.Store;

namespace Graph.Neo4j.Services;

/// <summary>The text of an ingested document, kept on its bookkeeping node.</summary>
internal sealed class Neo4jDocumentTextReader(Neo4jGraphStore store) : IDocumentTextReader
{
    public async ValueTask<string?> TryGetDocumentTextAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var result = await store.QueryAsync(
            $"MATCH (d:{Neo4jSchema.IngestedDocumentLabel} {{documentId: $id}}) RETURN d.text AS text",
            new Dictionary<string, object?> { ["id"] = documentId }, cancellationToken).ConfigureAwait(false);
        return result.Rows.Count == 0 ? null : result.Rows[0][0] as string;
    }
}

using Graph.Extraction;
using Graph.Model;
using Graph.Store;

namespace Graph.Cli.Commands;

/// <summary>
/// Finds the files to ingest (as <c>graph extract</c> does: folders searched recursively, sidecars and
/// golden files left out) and turns each into graph documents: a JSON file that holds graph documents
/// already extracted is read as such; every other document goes through the extractor.
/// </summary>
internal sealed class DocumentSources
{
    private readonly DocumentExtractor _extractor = new();

    public static CorpusListing Expand(IEnumerable<string> paths) => CorpusFiles.List(paths);

    /// <summary>The graph documents a file holds. The file is read once, under the extractor's rules (a regular file within its size cap).</summary>
    /// <exception cref="FormatException">The file cannot be read as a document (the message says why).</exception>
    public IReadOnlyList<GraphDocument> Read(string file)
    {
        var read = DocumentFile.Read(file, _extractor.MaxFileBytes);
        if (read.Content is null) throw new FormatException(read.Problem);
        if (string.Equals(Path.GetExtension(file), ".json", StringComparison.OrdinalIgnoreCase) && LooksLikeGraphDocuments(read.Content))
            return GraphDocumentJson.Read(System.Text.Encoding.UTF8.GetString(read.Content));
        var document = _extractor.Extract(file, read.Content);
        if (document.Nodes.Count == 0)
        {
            var reasons = document.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Message).DefaultIfEmpty("nothing was extracted");
            throw new FormatException(string.Join("; ", reasons));
        }
        return [document];
    }

    /// <summary>Graph document files start with a "documentId" (an IGov record, also JSON, does not have one).</summary>
    private static bool LooksLikeGraphDocuments(byte[] content) =>
        content.AsSpan(0, Math.Min(content.Length, 2048)).IndexOf("\"documentId\""u8) >= 0;
}

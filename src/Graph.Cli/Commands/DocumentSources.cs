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

    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, out IReadOnlyList<string> missing) =>
        CorpusFiles.Enumerate(paths, out missing);

    /// <summary>The graph documents a file holds.</summary>
    /// <exception cref="FormatException">The file cannot be read as a document (the message says why).</exception>
    public IReadOnlyList<GraphDocument> Read(string file)
    {
        if (string.Equals(Path.GetExtension(file), ".json", StringComparison.OrdinalIgnoreCase) && LooksLikeGraphDocuments(file))
            return GraphDocumentJson.Read(File.ReadAllText(file));
        var document = _extractor.ExtractFile(file);
        if (document.Nodes.Count == 0)
        {
            var reasons = document.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Message).DefaultIfEmpty("nothing was extracted");
            throw new FormatException(string.Join("; ", reasons));
        }
        return [document];
    }

    /// <summary>Graph document files start with a "documentId" (an IGov record, also JSON, does not have one).</summary>
    private static bool LooksLikeGraphDocuments(string file)
    {
        using var reader = new StreamReader(file);
        var buffer = new char[512];
        var read = reader.Read(buffer, 0, buffer.Length);
        return new string(buffer, 0, read).Contains("\"documentId\"", StringComparison.Ordinal);
    }
}

using Graph.Model;

namespace Graph.Cli.Commands;

/// <summary>Source documents (text, Markdown, PDF) through the extractor.</summary>
internal static class SourceExtraction
{
    /// <exception cref="FormatException">The document cannot be extracted.</exception>
    public static IReadOnlyList<GraphDocument> Extract(string file) =>
        throw new FormatException($"{Path.GetFileName(file)}: extraction of source documents is not available in this build; ingest extracted graph documents (*.json).");
}

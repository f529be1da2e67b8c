using Graph.Model;
using Graph.Store;

namespace Graph.Cli.Commands;

/// <summary>
/// Finds the files to ingest (folders are searched recursively, in name order) and turns each into
/// graph documents: <c>*.json</c> files hold graph documents already extracted; other documents go
/// through the extractor.
/// </summary>
internal static class DocumentSources
{
    private static readonly string[] Extensions = [".json", ".txt", ".md", ".pdf"];

    /// <summary>The files named, with folders expanded; paths that do not exist are reported in <paramref name="missing"/>.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, List<string> missing)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Where(f => !f.EndsWith(".expected.json", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            else missing.Add(path);
        }
        return files;
    }

    /// <summary>The graph documents a file holds.</summary>
    /// <exception cref="FormatException">The file cannot be read as a document.</exception>
    public static IReadOnlyList<GraphDocument> Read(string file)
    {
        if (string.Equals(Path.GetExtension(file), ".json", StringComparison.OrdinalIgnoreCase))
            return GraphDocumentJson.Read(File.ReadAllText(file));
        return SourceExtraction.Extract(file);
    }
}

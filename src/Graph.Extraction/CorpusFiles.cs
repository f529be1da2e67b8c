namespace Graph.Extraction;

/// <summary>
/// The document files under a set of paths: files as given, folders searched recursively for .txt, .md,
/// .json, .html, .pdf and .docx. Sidecars (*.meta.json), golden files (*.expected.json), the corpus's own
/// README/SOURCES and ground truth are not documents. A PDF with a text rendering beside it
/// (X.pdf and X.txt or X.pdftotext.txt) is the same document: the text is read, not both; so is a PDF with its
/// DOCX beside it (X.pdf and X.docx): the DOCX is read, since it states its paragraphs and footnote references.
/// </summary>
public static class CorpusFiles
{
    private static readonly string[] DocumentExtensions = [".txt", ".md", ".json", ".html", ".htm", ".pdf", ".docx"];

    public static IReadOnlyList<string> Enumerate(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var files = new List<string>();
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsDocumentFile).OrderBy(f => f, StringComparer.Ordinal).ToList();
                files.AddRange(found.Where(f => !HasTextRendering(f, found)));
            }
            else notFound.Add(path);
        }
        missing = notFound;
        return files;
    }

    public static bool IsDocumentFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".meta.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".expected.json", StringComparison.OrdinalIgnoreCase)) return false;
        if (name is "README.md" or "SOURCES.md" or "ground-truth.json" or "gold.json") return false;
        return DocumentExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    private static bool HasTextRendering(string file, List<string> all)
    {
        if (!file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) return false;
        var stem = file[..^4];
        return all.Contains(stem + ".txt", StringComparer.Ordinal) || all.Contains(stem + ".pdftotext.txt", StringComparer.Ordinal) || all.Contains(stem + ".md", StringComparer.Ordinal)
            || all.Contains(stem + ".docx", StringComparer.Ordinal);
    }
}

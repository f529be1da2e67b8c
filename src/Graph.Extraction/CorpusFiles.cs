namespace Graph.Extraction;

/// <summary>What a search for document files found: the files, the paths that do not exist, and what could not be searched.</summary>
/// <param name="Files">Document files, in order (each folder's files sorted ordinally).</param>
/// <param name="Missing">Paths given that are neither a file nor a folder.</param>
/// <param name="Problems">One line for each folder that could not be read (the rest was searched) or link to a folder not followed.</param>
public sealed record CorpusListing(IReadOnlyList<string> Files, IReadOnlyList<string> Missing, IReadOnlyList<string> Problems);

/// <summary>
/// The document files under a set of paths: files as given, folders searched recursively for .txt, .md,
/// .json, .html, .pdf and .docx. Sidecars (*.meta.json), golden files (*.expected.json), the corpus's own
/// README/SOURCES, ground truth and a collection's manifest and citation list are not documents. A PDF with a
/// text rendering beside it (X.pdf and X.txt or X.pdftotext.txt) is the same document: the text is read, not both;
/// so is a PDF with its DOCX beside it (X.pdf and X.docx): the DOCX is read, since it states its paragraphs and
/// footnote references.
/// A folder that cannot be read is reported and skipped, never the end of the search; links to folders are
/// not followed (a link back up would never end). Listing reads no file: whether an entry is a regular file
/// within the size cap is decided when it is read (<see cref="DocumentFile"/>).
/// </summary>
public static class CorpusFiles
{
    private static readonly string[] DocumentExtensions = [".txt", ".md", ".json", ".html", ".htm", ".pdf", ".docx"];

    private static readonly EnumerationOptions OneFolder = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    public static IReadOnlyList<string> Enumerate(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var listing = List(paths);
        missing = listing.Missing;
        return listing.Files;
    }

    public static CorpusListing List(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var notFound = new List<string>();
        var problems = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = new List<string>();
                Search(path, found, problems);
                found.Sort(StringComparer.Ordinal);
                files.AddRange(found.Where(f => !HasTextRendering(f, found)));
            }
            else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null) files.Add(path);
            else notFound.Add(path);
        }
        return new CorpusListing(files, notFound, problems);
    }

    /// <summary>Every document file under <paramref name="root"/>, folder by folder; a folder that cannot be listed is reported.</summary>
    private static void Search(string root, List<string> found, List<string> problems)
    {
        var folders = new Stack<string>();
        folders.Push(root);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            List<FileSystemInfo> entries;
            try
            {
                entries = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos("*", OneFolder)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problems.Add($"{folder}: the folder cannot be read ({e.Message}); the documents in it were skipped.");
                continue;
            }
            foreach (var entry in entries)
            {
                var path = Path.Combine(folder, entry.Name);
                if (entry is DirectoryInfo)
                {
                    if (entry.LinkTarget is null) folders.Push(path);
                    else problems.Add($"{path}: a link to a folder; not followed.");
                }
                else if (IsDocumentFile(path)) found.Add(path);
            }
        }
    }

    public static bool IsDocumentFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".meta.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".expected.json", StringComparison.OrdinalIgnoreCase)) return false;
        if (name is "README.md" or "SOURCES.md" or "ground-truth.json" or "gold.json" or "manifest.json" or "sc-citations.json") return false;
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

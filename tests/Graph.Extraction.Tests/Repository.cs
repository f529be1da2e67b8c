namespace Graph.Extraction.Tests;

/// <summary>Paths of the repository the tests run in (found by walking up to Graph.sln).</summary>
internal static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Graph.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Graph.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => LazyRoot.Value;

    public static string Corpus => Path.Combine(Root, "graph", "corpus");

    public static string Seed77 => Path.Combine(Corpus, "seeds", "000_b23059e2a2272110.txt");

    public static string Seed71 => Path.Combine(Corpus, "seeds", "001_1ada28f2dc125396.txt");

    /// <summary>The corpus's PDF originals, kept with the tests in the folders of their text renderings.</summary>
    public static string CorpusPdfs => Path.Combine(Root, "tests", "Graph.Extraction.Tests", "corpus-pdf");

    public static IEnumerable<string> CorpusDocuments() =>
        CorpusFiles.Enumerate([Corpus], out _).Select(f => Path.GetRelativePath(Corpus, f).Replace('\\', '/'));
}

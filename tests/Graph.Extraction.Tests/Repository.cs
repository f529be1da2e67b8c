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

    /// <summary>The shared corpus with its PDFs, beside the repository (absent on some machines).</summary>
    public static string SharedCorpus => Path.Combine(Root, "..", "shared", "corpus");

    public static IEnumerable<string> CorpusDocuments() =>
        CorpusFiles.Enumerate([Corpus], out _).Select(f => Path.GetRelativePath(Corpus, f).Replace('\\', '/'));
}

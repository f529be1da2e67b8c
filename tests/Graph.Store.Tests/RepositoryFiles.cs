namespace Graph.Store.Tests;

/// <summary>Files of this repository (found by walking up to Graph.sln), such as the bundled corpus.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "graph", "corpus");

    public static string Seed7713 => Path.Combine(Corpus, "seeds", "000_b23059e2a2272110.txt");

    public static string Seed7112 => Path.Combine(Corpus, "seeds", "001_1ada28f2dc125396.txt");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Graph.sln"))) return directory.FullName;
        throw new DirectoryNotFoundException("The repository root (Graph.sln) was not found above the test assembly.");
    }
}

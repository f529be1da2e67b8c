namespace Graph.Extraction.Tests;

/// <summary>Paths of the extraction tests' own files.</summary>
internal static class Repository
{
    /// <summary>The golden files: the graph each corpus document yields, by the document's path relative to its corpus folder.</summary>
    public static string Goldens => Path.Combine(TestData.Root, "tests", "Graph.Extraction.Tests", "Goldens");

    public static string Seed77 => TestData.Seed7713;

    public static string Seed71 => TestData.Seed7112;
}

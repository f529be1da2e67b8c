namespace Graph.Store.Tests;

/// <summary>The seed documents the store tests ingest (graph/corpus/seeds).</summary>
internal static class RepositoryFiles
{
    public static string Seed7713 => TestData.Seed7713;

    public static string Seed7112 => TestData.Seed7112;
}

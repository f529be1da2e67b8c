using Graph.Model;

namespace Graph.Testing;

/// <summary>
/// The documents the tests read: the two seeds in the repository (graph/corpus/seeds) and the reference
/// collections beside it (<see cref="ReferenceCollections"/>). A test that needs a collection which is absent is
/// skipped with a one-line reason, never passed silently.
/// </summary>
internal static partial class TestData
{
    /// <summary>The repository's root, found from the test binaries.</summary>
    public static string Root { get; } = ReferenceCollections.RepositoryRoot()
        ?? throw new DirectoryNotFoundException("Graph.sln not found above " + AppContext.BaseDirectory);

    /// <summary>The bundled corpus: graph/corpus, which holds the seeds.</summary>
    public static string BundledCorpus => Path.Combine(Root, "graph", "corpus");

    /// <summary>The folder of the two seed documents.</summary>
    public static string Seeds => Path.Combine(BundledCorpus, "seeds");

    /// <summary>GA resolution 77/13, plain text.</summary>
    public static string Seed7713 => Path.Combine(Seeds, "000_b23059e2a2272110.txt");

    /// <summary>GA resolution 71/12, Markdown.</summary>
    public static string Seed7112 => Path.Combine(Seeds, "001_1ada28f2dc125396.txt");

    /// <summary>The hand-checked corpus (71 documents besides the seeds, with ground truth and PDF originals); skips the test when absent.</summary>
    public static string Corpus => ReferenceCollections.Corpus ?? Skip("corpus");

    /// <summary>The 1,945 SC and GA resolutions and drafts; skips the test when absent.</summary>
    public static string UnDocuments => ReferenceCollections.UnDocuments ?? Skip("un-documents");

    /// <summary>The openCypher TCK; skips the test when absent.</summary>
    public static string OpenCypherTck => ReferenceCollections.OpenCypherTck ?? Skip("opencypher-tck");

    /// <summary>Whether the hand-checked corpus is here (for test data that must be listed before a test can skip).</summary>
    public static bool HasCorpus => ReferenceCollections.Corpus is not null;

    private static string Skip(string collection)
    {
        Assert.Skip(ReferenceCollections.Absent(collection));
        return "";
    }
}

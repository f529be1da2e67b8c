namespace Graph.Model;

/// <summary>
/// Where the reference collections are: the hand-checked corpus (<c>corpus/</c>), the 1,945 UN resolutions
/// and drafts (<c>un-documents/</c>) and the openCypher TCK (<c>opencypher-tck/</c>). They are other people's
/// documents, so this repository does not hold them: they sit in a folder named <c>shared</c> beside the
/// checkout, or wherever the environment variable <see cref="Variable"/> names. Tests, <c>graph eval</c> and the
/// benchmarks read them there and say so in one line when they are absent.
/// </summary>
public static class ReferenceCollections
{
    /// <summary>The environment variable that names the folder holding the collections.</summary>
    public const string Variable = "GRAPH_SHARED";

    /// <summary>The hand-checked corpus (documents with ground truth, PDF originals beside text renderings).</summary>
    public static string? Corpus => Collection("corpus");

    /// <summary>Security Council and General Assembly resolutions and drafts as plain text.</summary>
    public static string? UnDocuments => Collection("un-documents");

    /// <summary>The openCypher Technology Compatibility Kit (feature files and named graphs).</summary>
    public static string? OpenCypherTck => Collection("opencypher-tck");

    /// <summary>The folder holding the collections, or null when neither the variable nor a <c>shared</c> folder beside the repository names one.</summary>
    public static string? Folder
    {
        get
        {
            var named = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(named)) return Directory.Exists(named) ? Path.GetFullPath(named) : null;
            return RepositoryRoot() is { } root && Path.GetDirectoryName(root) is { } parent && Directory.Exists(Path.Combine(parent, "shared"))
                ? Path.Combine(parent, "shared")
                : null;
        }
    }

    /// <summary>A one-line reason to give when a collection is absent.</summary>
    public static string Absent(string collection) =>
        $"the reference collection '{collection}' is not here (expected in a 'shared' folder beside the repository, or in ${Variable})";

    /// <summary>The repository's root (the folder holding Graph.sln) above the working directory or the running program, if any.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Graph.sln"))) return directory.FullName;
            }
        }

        return null;
    }

    private static string? Collection(string name) =>
        Folder is { } folder && Directory.Exists(Path.Combine(folder, name)) ? Path.Combine(folder, name) : null;
}

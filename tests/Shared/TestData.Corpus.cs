using Graph.Extraction;
using Graph.Model;

namespace Graph.Testing;

/// <summary>The documents of the corpus the explorer was first built from (for test projects that extract).</summary>
internal static partial class TestData
{
    /// <summary>
    /// The 73 documents of the corpus the explorer was first built from: the seeds and the hand-checked corpus,
    /// as (folder, path relative to it) pairs, in a stable order.
    /// </summary>
    public static IReadOnlyList<(string Folder, string Relative)> CorpusDocuments()
    {
        var folders = new List<string> { BundledCorpus };
        if (ReferenceCollections.Corpus is { } corpus) folders.Add(corpus);
        return [.. folders.SelectMany(folder => CorpusFiles.Enumerate([folder], out _)
            .Select(file => (folder, Path.GetRelativePath(folder, file).Replace('\\', '/'))))];
    }

    /// <summary>The path of a corpus document named relative to its folder ("seeds/…" or "ai-un-report/…").</summary>
    public static string CorpusFile(string relative) =>
        relative.StartsWith("seeds/", StringComparison.Ordinal) ? Path.Combine(BundledCorpus, relative) : Path.Combine(Corpus, relative);


    /// <summary>
    /// The files of those 73 documents (the seeds first), for tests whose assertions need the hand-checked corpus:
    /// skips the test when it is absent.
    /// </summary>
    public static IReadOnlyList<string> CorpusDocumentFiles()
    {
        _ = Corpus;
        return [.. CorpusDocuments().Select(d => Path.Combine(d.Folder, d.Relative))];
    }
}

using System.Diagnostics;

namespace Graph.Sources.Tests;

/// <summary>The repository, the shared documents beside it, and the built <c>graph</c> command.</summary>
internal static class TestFiles
{
    public static string Root => TestData.Root;

    /// <summary>The real documents the replica serves: the reference collections, never copied into the repository.</summary>
    public static string Shared => Graph.Model.ReferenceCollections.Folder ?? Path.Combine(Root, "..", "shared");

    /// <summary>Why a test cannot run here, or null.</summary>
    public static string? SkipReason =>
        Graph.Model.ReferenceCollections.Corpus is null || Graph.Model.ReferenceCollections.UnDocuments is null
            ? Graph.Model.ReferenceCollections.Absent("corpus and un-documents")
            : null;

    public static string SharedFile(params string[] parts) => Path.Combine([Shared, .. parts]);

    public static string Seed(string prefix) => Directory.GetFiles(TestData.Seeds, prefix + "_*.txt").Single();

    /// <summary>The CLI's graph.dll, built in the same configuration as this test assembly.</summary>
    public static string GraphCli
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory);
            return Path.Combine(Root, "src", "Graph.Cli", "bin", here.Parent!.Name, here.Name, "graph.dll");
        }
    }

    public static Process StartGraph(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(GraphCli);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the graph command.");
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunGraphAsync(params string[] arguments)
    {
        using var process = StartGraph(arguments);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}

/// <summary>A directory under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "graph-sources-tests", Guid.NewGuid().ToString("N"));

    public TemporaryDirectory() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a file still open; the temp folder is cleaned eventually */ }
    }
}

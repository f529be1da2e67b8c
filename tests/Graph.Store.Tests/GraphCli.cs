using System.Diagnostics;

namespace Graph.Store.Tests;

/// <summary>Runs the built <c>graph</c> command (src/Graph.Cli, built before this project) as a real process.</summary>
internal static class GraphCli
{
    /// <summary>The CLI's graph.dll, built in the same configuration as this test assembly.</summary>
    public static string AssemblyPath { get; } = FindAssembly();

    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the graph command.");
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    private static string FindAssembly()
    {
        // tests/Graph.Store.Tests/bin/<Configuration>/net10.0/ → src/Graph.Cli/bin/<Configuration>/net10.0/graph.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        for (var directory = here; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Graph.Cli", "bin", configuration, framework, "graph.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("The graph command is not built; build src/Graph.Cli first.");
    }
}

using System.CommandLine;
using Spectre.Console;

namespace Graph.Cli.Commands;

/// <summary><c>graph check [--data DIR]</c>: verifies the store; exits 1 when it finds a problem.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var data = StoreOptions.Data();
        var command = new Command("check", "Verify the integrity of the embedded store (database, per-document facts, merged graph, indexes).") { data };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(data)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(dataDirectory))
        {
            StoreOptions.Errors.MarkupLineInterpolated($"[red]No store in {dataDirectory}[/] (the folder does not exist).");
            return 1;
        }
        var store = StoreOptions.TryOpen(dataDirectory);
        if (store is null) return 1;
        await using (store)
        {
            var problems = await store.CheckAsync(cancellationToken);
            var counts = await store.CountAsync(cancellationToken);
            foreach (var problem in problems) StoreOptions.Errors.MarkupLineInterpolated($"[red]problem:[/] {problem}");
            if (problems.Count > 0)
            {
                StoreOptions.Errors.MarkupLineInterpolated($"[red]{problems.Count} problem(s)[/] in {store.Directory}.");
                return 1;
            }
            var writes = store.SavedWriteCount > 0 ? $" ({store.SavedWriteCount} saved Cypher writes made again)" : "";
            AnsiConsole.MarkupLineInterpolated($"[green]ok[/]: {counts.Documents} documents, {counts.Nodes} nodes, {counts.Relationships} relationships{writes} in {store.Directory} (loaded from its {store.OpenedFrom}).");
            return 0;
        }
    }
}

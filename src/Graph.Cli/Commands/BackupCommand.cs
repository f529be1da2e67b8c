using System.CommandLine;
using Graph.Store.Embedded;
using Spectre.Console;

namespace Graph.Cli.Commands;

/// <summary>
/// <c>graph backup [--data DIR] --out FILE</c>: a consistent copy of the embedded store, taken while a server or an
/// ingest may be writing to it (SQLite's online backup API; see <see cref="EmbeddedGraphStore.Backup"/>).
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var data = StoreOptions.Data();
        var output = new Option<string>("--out", "-o")
        {
            Description = "The backup: a file (restore by copying it to DIR/graph.db) or a folder, which receives graph.db and is a store of its own.",
            HelpName = "FILE",
            Required = true,
        };
        var command = new Command("backup", "Copy the embedded store consistently, even while a server or an ingest writes to it.") { data, output };
        command.SetAction(parse => Run(parse.GetValue(data)!, parse.GetValue(output)!));
        return command;
    }

    private static int Run(string dataDirectory, string output)
    {
        try
        {
            var backup = EmbeddedGraphStore.Backup(dataDirectory, output);
            AnsiConsole.MarkupLineInterpolated($"[green]ok[/]: {backup.Documents} documents and {backup.SavedWrites} saved Cypher writes copied to {backup.File}.");
            return 0;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or Microsoft.Data.Sqlite.SqliteException)
        {
            StoreOptions.Errors.MarkupLineInterpolated($"[red]Cannot back up {dataDirectory}:[/] {error.Message}");
            return 1;
        }
    }
}

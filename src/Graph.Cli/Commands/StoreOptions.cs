using System.CommandLine;
using Graph.Cypher;
using Graph.Store.Embedded;
using Spectre.Console;

namespace Graph.Cli.Commands;

/// <summary>The <c>--data</c> option every store command shares, and opening the store it names.</summary>
internal static class StoreOptions
{
    public static Option<string> Data() => new("--data")
    {
        Description = "Data directory of the embedded store.",
        DefaultValueFactory = _ => EmbeddedGraphStore.DefaultDirectory,
        HelpName = "DIR",
    };

    /// <summary>Opens the store (with its saved Cypher writes made again), or explains on stderr why it cannot be opened and answers null.</summary>
    public static EmbeddedGraphStore? TryOpen(string directory)
    {
        try
        {
            return EmbeddedCypher.OpenStore(directory);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            Errors.MarkupLineInterpolated($"[red]Cannot open the store in {directory}:[/] {error.Message}");
            return null;
        }
    }

    /// <summary>Messages for the user on stderr, never a stack trace.</summary>
    public static IAnsiConsole Errors { get; } = CreateErrors();

    /// <summary>Redirected to a file or a pipe, each message stays on one line (for grep and logs) instead of wrapping at 80 columns.</summary>
    private static IAnsiConsole CreateErrors()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected) console.Profile.Width = 100_000;
        return console;
    }
}

using System.CommandLine;
using System.Text;
using Graph.Model;
using Graph.Store.Export;
using Spectre.Console;

namespace Graph.Cli.Commands;

/// <summary><c>graph export --format json|graphml|csv [--data DIR] [--out PATH]</c>.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "json (interchange), graphml (Gephi, Cytoscape) or csv (neo4j-admin import).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "graphml", "csv");
        var data = StoreOptions.Data();
        var output = new Option<string?>("--out") { Description = "File to write (json, graphml; default: standard output) or folder for nodes.csv and relationships.csv (csv; default: export).", HelpName = "PATH" };
        var storeKind = StoreSelection.CreateStoreOption();
        var command = new Command("export", "Write the whole graph of the embedded store.") { format, data, output, storeKind };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(format)!, parse.GetValue(data)!, parse.GetValue(output), parse.GetValue(storeKind)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string format, string dataDirectory, string? output, string storeKind, CancellationToken cancellationToken)
    {
        var store = (await StoreSelection.TryOpenAsync(storeKind, dataDirectory, cancellationToken))?.Store;
        if (store is null) return 1;
        GraphData graph;
        await using (store) graph = await store.ReadAllAsync(cancellationToken);
        try
        {
            switch (format)
            {
                case "csv":
                    var folder = output ?? "export";
                    Directory.CreateDirectory(folder);
                    await using (var nodes = new StreamWriter(Path.Combine(folder, "nodes.csv"), false, new UTF8Encoding(false)))
                    await using (var relationships = new StreamWriter(Path.Combine(folder, "relationships.csv"), false, new UTF8Encoding(false)))
                        Neo4jCsvWriter.Write(graph, nodes, relationships);
                    await Console.Error.WriteLineAsync($"Wrote {graph.Nodes.Count} nodes and {graph.Relationships.Count} relationships to {folder}; import with: {Neo4jCsvWriter.ImportCommand}");
                    return 0;
                case "graphml":
                    await WriteBytesAsync(output, stream => GraphMlWriter.Write(graph, stream));
                    return 0;
                default:
                    await WriteAsync(output, writer => writer.Write(GraphJson.Serialize(graph)));
                    return 0;
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            StoreOptions.Errors.MarkupLineInterpolated($"[red]Cannot write the export:[/] {error.Message}");
            return 1;
        }
    }

    private static async Task WriteBytesAsync(string? output, Action<Stream> write)
    {
        if (output is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            write(stdout);
            return;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null) Directory.CreateDirectory(directory);
        await using var file = File.Create(output);
        write(file);
    }

    private static async Task WriteAsync(string? output, Action<TextWriter> write)
    {
        if (output is null)
        {
            var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            await using (stdout) write(stdout);
            return;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null) Directory.CreateDirectory(directory);
        await using var file = new StreamWriter(output, false, new UTF8Encoding(false));
        write(file);
    }
}

using System.CommandLine;
using Graph.Extraction;
using Graph.Model;

namespace Graph.Cli.Commands;

/// <summary><c>graph extract &lt;files or folders&gt; --out graph.json</c>: extracts documents and writes one merged graph.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Document files or folders (searched recursively)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Where to write the graph JSON (default: standard output)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print diagnostics" };
        var showText = new Option<bool>("--text") { Description = "Print each document's normalised text (what spans point into) instead of the graph" };
        var command = new Command("extract", "Extract UN documents into a graph (JSON)") { paths, output, quiet, showText };
        command.SetAction(parse =>
        {
            var console = (Out: parse.InvocationConfiguration.Output, Error: parse.InvocationConfiguration.Error);
            return parse.GetValue(showText)
                ? PrintText(parse.GetValue(paths)!, console.Out)
                : Run(parse.GetValue(paths)!, parse.GetValue(output), parse.GetValue(quiet), console.Out, console.Error);
        });
        return command;
    }

    private static int PrintText(string[] paths, TextWriter stdout)
    {
        var extractor = new DocumentExtractor();
        foreach (var file in CorpusFiles.Enumerate(paths, out _))
        {
            var document = extractor.ExtractFile(file);
            stdout.WriteLine($"==== {document.DocumentId} ({file})");
            stdout.WriteLine(document.Text);
        }
        return 0;
    }

    private static int Run(string[] paths, FileInfo? output, bool quiet, TextWriter stdout, TextWriter stderr)
    {
        var listing = CorpusFiles.List(paths);
        var (files, missing) = (listing.Files, listing.Missing);
        foreach (var path in missing) stderr.WriteLine($"error: no such file or folder: {path}");
        foreach (var problem in listing.Problems) stderr.WriteLine($"error: {problem}");
        if (files.Count == 0)
        {
            stderr.WriteLine("error: no document files to extract.");
            return 2;
        }
        var extractor = new DocumentExtractor();
        var merger = new GraphMerger();
        var documents = 0;
        var failed = 0;
        foreach (var file in files)
        {
            var document = extractor.ExtractFile(file);
            if (document.Nodes.Count > 0) { merger.Add(document); documents++; }
            else failed++;
            if (!quiet)
            {
                foreach (var diagnostic in document.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info))
                    stderr.WriteLine(diagnostic);
            }
        }
        var graph = merger.ToGraph();
        try
        {
            if (output is null)
            {
                stdout.WriteLine(GraphJson.Serialize(graph));
            }
            else
            {
                output.Directory?.Create();
                using var stream = output.Create();
                GraphJson.Write(graph, stream);
            }
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: cannot write {output?.FullName}: {e.Message}");
            return 3;
        }
        stderr.WriteLine($"extracted {documents} of {files.Count} files: {graph.Nodes.Count} nodes, {graph.Relationships.Count} relationships");
        // A file that gave nothing is an error the caller must see, though the others were written.
        if (failed > 0) stderr.WriteLine($"error: {failed} of {files.Count} files could not be extracted (reasons above); the other documents were written.");
        return missing.Count > 0 || failed > 0 || listing.Problems.Count > 0 ? 1 : 0;
    }
}

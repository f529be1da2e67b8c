using System.CommandLine;
using Graph.Cli.Bench;

namespace Graph.Cli.Commands;

/// <summary>
/// <c>graph bench [--documents 1000,10000] [--out bench-results]</c> measures extraction, ingest, memory,
/// queries, HTTP and the UI on synthetic corpora; <c>graph bench generate</c> writes such a corpus.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure speed, memory and scale on synthetic corpora");
        command.Subcommands.Add(CreateGenerate());
        return command;
    }

    private static Command CreateGenerate()
    {
        var documents = new Option<int>("--documents", "-n") { Description = "How many documents to write", DefaultValueFactory = _ => 1000 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder to write the documents into", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and count give the same corpus", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "Write a seeded synthetic corpus of UN documents (text files)") { documents, output, seed };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(documents);
            if (count < 1)
            {
                Console.Error.WriteLine("error: --documents must be at least 1.");
                return 2;
            }
            try
            {
                var corpus = CorpusGenerator.Generate(count, parse.GetValue(output)!.FullName, parse.GetValue(seed));
                Console.WriteLine($"wrote {corpus.Documents} documents ({corpus.Bytes / 1e6:F1} MB, {corpus.Citations} citations, {corpus.Series} series) to {corpus.Directory}");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: cannot write the corpus: {e.Message}");
                return 3;
            }
        });
        return command;
    }
}

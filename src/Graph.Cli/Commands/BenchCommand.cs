using System.CommandLine;
using Graph.Cli.Bench;
using Microsoft.Playwright;

namespace Graph.Cli.Commands;

/// <summary>
/// <c>graph bench [--documents 1000,10000] [--out bench-results]</c> measures extraction, ingest, memory,
/// queries, HTTP and the UI on synthetic corpora; <c>graph bench generate</c> writes such a corpus.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var sizes = new Option<string>("--documents", "-n") { Description = "Corpus sizes, comma-separated", DefaultValueFactory = _ => "1000,10000" };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Where to write results.json and results.md", DefaultValueFactory = _ => new DirectoryInfo("bench-results") };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Where corpora and stores go (default: a folder under the system temp)" };
        var seed = new Option<int>("--seed") { Description = "Corpus seed", DefaultValueFactory = _ => 1 };
        var sample = new Option<int>("--extraction-sample") { Description = "Most documents the extraction throughput runs over", DefaultValueFactory = _ => 10_000 };
        var pdfSample = new Option<int>("--pdf-sample") { Description = "How many of the extraction documents are also set as PDFs and extracted from those (0: none)", DefaultValueFactory = _ => 500 };
        var extractionOnly = new Option<bool>("--extraction-only") { Description = "Measure only extraction (text and PDF), not ingest, queries, HTTP or UI" };
        var noHttp = new Option<bool>("--no-http") { Description = "Skip the HTTP load test" };
        var noUi = new Option<bool>("--no-ui") { Description = "Skip the UI render test" };
        var rate = new Option<double>("--rate") { Description = "HTTP requests per second", DefaultValueFactory = _ => 200 };
        var seconds = new Option<int>("--http-seconds") { Description = "How long each HTTP load runs", DefaultValueFactory = _ => 20 };
        var server = new Option<string?>("--server") { Description = "Path of Graph.Web.dll (default: found under src/Graph.Web/bin)" };
        var peer = new Option<string?>("--peer") { Description = "Compare with another engine on the same graph and queries (kuzu); measures only ingest and the side-by-side table" };
        var peerRounds = new Option<int>("--peer-rounds") { Description = "Inputs per query in each of the three interleaved runs of --peer", DefaultValueFactory = _ => 50 };
        var reuseStore = new Option<bool>("--reuse-store") { Description = "Reopen the store an earlier run left complete under --work instead of ingesting again (the results then have no ingest figures)" };
        var command = new Command("bench", "Measure extraction, ingest, memory, queries, HTTP and UI on synthetic corpora")
        {
            sizes, output, work, seed, sample, pdfSample, extractionOnly, noHttp, noUi, rate, seconds, server, peer, peerRounds, reuseStore,
        };
        command.Subcommands.Add(CreateGenerate());
        command.Subcommands.Add(CreateExplorer());
        command.Subcommands.Add(CreateExtractionScaling());
        command.Subcommands.Add(CreateCypher());
        command.SetAction(async (parse, _) =>
        {
            if (!TryParseSizes(parse.GetValue(sizes)!, out var counts))
            {
                await Console.Error.WriteLineAsync("error: --documents expects positive counts separated by commas, e.g. 1000,10000,100000.");
                return 2;
            }
            var peerName = parse.GetValue(peer);
            if (peerName is not null && peerName != "kuzu")
            {
                await Console.Error.WriteLineAsync($"error: --peer knows only kuzu, not '{peerName}'.");
                return 2;
            }
            if (parse.GetValue(peerRounds) < 1)
            {
                await Console.Error.WriteLineAsync("error: --peer-rounds must be at least 1.");
                return 2;
            }
            var options = new BenchOptions(
                counts, parse.GetValue(output)!.FullName,
                parse.GetValue(work)?.FullName ?? Path.Combine(Path.GetTempPath(), "graph-bench"),
                parse.GetValue(seed), parse.GetValue(sample), !parse.GetValue(noHttp), !parse.GetValue(noUi),
                parse.GetValue(rate), TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(server),
                "graph bench " + string.Join(' ', Environment.GetCommandLineArgs().Skip(2)))
            {
                PdfSample = Math.Max(0, parse.GetValue(pdfSample)),
                ExtractionOnly = parse.GetValue(extractionOnly),
                Peer = peerName,
                PeerRounds = parse.GetValue(peerRounds),
                ReuseStore = parse.GetValue(reuseStore),
            };
            try
            {
                var results = await new BenchRunner(options, Console.Out).RunAsync();
                Console.WriteLine();
                Console.WriteLine(results.ToMarkdown());
                Console.WriteLine($"results written to {options.OutputDirectory}");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static bool TryParseSizes(string text, out List<int> sizes)
    {
        sizes = [];
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1) return false;
            sizes.Add(n);
        }
        return sizes.Count > 0;
    }

    private static Command CreateExplorer()
    {
        var url = new Option<string>("--url") { Description = "The running explorer to measure (on this machine)", Required = true };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds of each interaction, after one warm-up", DefaultValueFactory = _ => 5 };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Also write the figures as Markdown to this file" };
        var screenshots = new Option<DirectoryInfo?>("--screenshots") { Description = "Instead of timing, take the explorer's screenshot set (landing, citation chain, provenance, path, evolution, Cypher) into this folder" };
        var command = new Command("explorer", "Time a running explorer in headless Chromium: opening the page, drawing Cypher results, expanding a hub") { url, rounds, output, screenshots };
        command.SetAction(async (parse, _) =>
        {
            var baseUrl = parse.GetValue(url)!.TrimEnd('/') + "/";
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || !uri.IsLoopback)
            {
                await Console.Error.WriteLineAsync("error: --url must be an http address on this machine, such as http://127.0.0.1:5000/.");
                return 2;
            }
            var count = Math.Max(1, parse.GetValue(rounds));
            try
            {
                if (parse.GetValue(screenshots) is { } folder)
                {
                    var taken = await ExplorerScreenshots.TakeAsync(baseUrl, folder, Console.Out);
                    Console.WriteLine($"{taken.Count} screenshots in {folder.FullName}");
                    return 0;
                }
                var figures = await ExplorerBench.RunAsync(baseUrl, count, Console.Out);
                var markdown = ExplorerBench.ToMarkdown(figures, baseUrl, count);
                Console.WriteLine();
                Console.WriteLine(markdown);
                if (parse.GetValue(output) is { } file) await File.WriteAllTextAsync(file.FullName, markdown);
                return 0;
            }
            catch (Exception e) when (e is PlaywrightException or HttpRequestException or IOException or TimeoutException)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command CreateCypher()
    {
        var sizes = new Option<string>("--documents", "-n") { Description = "Corpus sizes, comma-separated", DefaultValueFactory = _ => "10000" };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Where to write results.json and results.md", DefaultValueFactory = _ => new DirectoryInfo("bench-results/cypher") };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Where corpora and stores go, reused when present (default: a folder under the system temp)" };
        var seed = new Option<int>("--seed") { Description = "Corpus seed", DefaultValueFactory = _ => 1 };
        var rounds = new Option<int>("--rounds") { Description = "Inputs per parameterised query", DefaultValueFactory = _ => 200 };
        var command = new Command("cypher", "Time shortestPath, ORDER BY … LIMIT 10 over all paragraphs and co-citation counts in Cypher, against the explorer's services or the same computation by hand")
        {
            sizes, output, work, seed, rounds,
        };
        command.SetAction(async (parse, _) =>
        {
            if (!TryParseSizes(parse.GetValue(sizes)!, out var counts))
            {
                await Console.Error.WriteLineAsync("error: --documents expects positive counts separated by commas, e.g. 10000,100000.");
                return 2;
            }
            if (parse.GetValue(rounds) < 10)
            {
                await Console.Error.WriteLineAsync("error: --rounds must be at least 10.");
                return 2;
            }
            var workDirectory = parse.GetValue(work)?.FullName ?? Path.Combine(Path.GetTempPath(), "graph-bench");
            var outputDirectory = parse.GetValue(output)!.FullName;
            var commandLine = "graph bench " + string.Join(' ', Environment.GetCommandLineArgs().Skip(2));
            var machine = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";
            var scales = new List<CypherBenchScale>();
            try
            {
                foreach (var size in counts)
                {
                    scales.Add(await CypherBench.RunAsync(size, parse.GetValue(seed), parse.GetValue(rounds), workDirectory, Console.WriteLine));
                    CypherBench.Write(outputDirectory, scales, commandLine, machine);
                }
                Console.WriteLine();
                Console.WriteLine(CypherBench.ToMarkdown(scales, commandLine, machine));
                Console.WriteLine($"results written to {outputDirectory}");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command CreateExtractionScaling()
    {
        var sizes = new Option<string>("--sizes") { Description = "Document sizes in MB, comma-separated", DefaultValueFactory = _ => "1,8,64" };
        var densities = new Option<string>("--density") { Description = "Citation densities of the synthetic text, comma-separated: dense (one every 82 characters), realistic (one every 800)", DefaultValueFactory = _ => "dense,realistic" };
        var shapes = new Option<string>("--shape")
        {
            Description = "Texts to measure, comma-separated: resolution (the synthetic resolution, in each --density), or hostile shapes: "
                + "oneline, operation, symbols, ecosoc, footnotes, ibid, letters, agreements; HTML pages: htmlparagraphs, htmlspans, htmlpage",
            DefaultValueFactory = _ => "resolution",
        };
        var collection = new Option<DirectoryInfo?>("--collection") { Description = "Real texts to measure throughput over (default: shared/un-documents when present)" };
        var noCollection = new Option<bool>("--no-collection") { Description = "Measure only the synthetic documents" };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Also write the figures as results.md into this folder" };
        var gcReasons = new Option<bool>("--gc-reasons") { Description = "Also count the full collections a large-object allocation started (listening to the runtime's GC events costs some CPU time)" };
        var command = new Command("extraction-scaling", "Extract one synthetic resolution of each size and density: time and CPU per MB (flat when linear), MB/s per core, peak memory over the input; then throughput over real texts")
        {
            sizes, densities, shapes, collection, noCollection, output, gcReasons,
        };
        command.SetAction(parse =>
        {
            if (!TryParseSizes(parse.GetValue(sizes)!, out var megabytes))
            {
                Console.Error.WriteLine("error: --sizes expects positive sizes in MB separated by commas, e.g. 1,8,64.");
                return 2;
            }
            var kinds = new List<CitationDensity>();
            foreach (var name in parse.GetValue(densities)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<CitationDensity>(name, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
                {
                    Console.Error.WriteLine($"error: --density knows dense and realistic, not '{name}'.");
                    return 2;
                }
                kinds.Add(kind);
            }
            var texts = new List<ScalingText>();
            foreach (var name in parse.GetValue(shapes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (name.Equals("resolution", StringComparison.OrdinalIgnoreCase)) texts.AddRange(kinds.Select(ScalingText.Resolution));
                else if (Enum.TryParse<HostileShape>(name, ignoreCase: true, out var shape) && Enum.IsDefined(shape)) texts.Add(ScalingText.Hostile(shape));
                else
                {
                    Console.Error.WriteLine($"error: --shape knows resolution, oneline, operation, symbols, ecosoc, footnotes, ibid, letters, agreements, htmlparagraphs, htmlspans and htmlpage, not '{name}'.");
                    return 2;
                }
            }
            var folder = parse.GetValue(noCollection) ? null : parse.GetValue(collection)?.FullName ?? Graph.Model.ReferenceCollections.UnDocuments;
            if (folder is not null && !Directory.Exists(folder))
            {
                Console.Error.WriteLine($"error: the collection folder {folder} does not exist.");
                return 2;
            }
            var loadAtStart = ExtractionScaling.LoadAverage();
            Console.WriteLine($"load average {loadAtStart}");
            Console.WriteLine(ExtractionScaling.Header());
            ExtractionScaling.WarmUp(texts);
            var points = new List<ScalingPoint>();
            foreach (var text in texts)
            {
                foreach (var size in megabytes)
                {
                    points.Add(ExtractionScaling.Measure(size, text, parse.GetValue(gcReasons)));
                    Console.WriteLine(ExtractionScaling.Row(points[^1]));
                }
            }
            ExtractionFigures? real = null;
            if (folder is null && !parse.GetValue(noCollection)) Console.WriteLine(Graph.Model.ReferenceCollections.Absent("un-documents"));
            else if (folder is not null)
            {
                real = ExtractionScaling.MeasureCollection(folder);
                Console.WriteLine(ExtractionScaling.CollectionRow(real));
            }
            var loadAtEnd = ExtractionScaling.LoadAverage();
            Console.WriteLine($"load average {loadAtEnd}");
            if (parse.GetValue(output) is { } outputDirectory)
            {
                try
                {
                    Directory.CreateDirectory(outputDirectory.FullName);
                    var commandLine = "graph bench extraction-scaling " + string.Join(' ', Environment.GetCommandLineArgs().Skip(3));
                    File.WriteAllText(Path.Combine(outputDirectory.FullName, "results.md"), ExtractionScaling.ToMarkdown(points, real, commandLine, loadAtStart, loadAtEnd));
                    Console.WriteLine($"results written to {outputDirectory.FullName}");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"error: cannot write the results: {e.Message}");
                    return 3;
                }
            }
            return 0;
        });
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

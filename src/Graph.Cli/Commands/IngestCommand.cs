using System.CommandLine;
using System.Diagnostics;
using Graph.Model;
using Graph.Store;
using Spectre.Console;

namespace Graph.Cli.Commands;

/// <summary><c>graph ingest &lt;files or folders&gt; [--data DIR]</c>: extracts and stores documents, one transaction per batch of files in order.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders of documents (.txt, .md, .html, .pdf, IGov .json) or extracted graph documents (.json).", Arity = ArgumentArity.OneOrMore };
        var data = StoreOptions.Data();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar and no diagnostics, only the summary (for scripts)." };
        var storeKind = StoreSelection.CreateStoreOption();
        var command = new Command("ingest", "Add documents to the embedded store; a document ingested again replaces what it stated before.") { paths, data, quiet, storeKind };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(paths)!, parse.GetValue(data)!, parse.GetValue(quiet), parse.GetValue(storeKind)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string dataDirectory, bool quiet, string storeKind, CancellationToken cancellationToken)
    {
        var listing = DocumentSources.Expand(paths);
        var (files, missing) = (listing.Files, listing.Missing);
        var sources = new DocumentSources();
        foreach (var path in missing) StoreOptions.Errors.MarkupLineInterpolated($"[red]No such file or folder:[/] {path}");
        foreach (var problem in listing.Problems) StoreOptions.Errors.MarkupLineInterpolated($"[red]Skipped:[/] {problem}");
        if (files.Count == 0)
        {
            StoreOptions.Errors.MarkupLine("[red]Nothing to ingest.[/]");
            return 2;
        }

        var store = (await StoreSelection.TryOpenAsync(storeKind, dataDirectory, cancellationToken))?.Store;
        if (store is null) return 1;
        await using (store)
        {
            var summary = new IngestSummary();
            var clock = Stopwatch.StartNew();
            async Task IngestAll(Action<string>? progress)
            {
                // Extraction runs ahead on other cores; documents are stored in file order, in batches of the
                // files already extracted, each batch one transaction: an interrupted ingest always leaves a
                // prefix of the files stored, each document whole or absent, with a commit per batch rather
                // than per document.
                const int MaxBatch = 32;
                var ahead = Math.Max(2 * MaxBatch, Environment.ProcessorCount);
                var pending = new Queue<(string File, Task<IReadOnlyList<GraphDocument>> Documents)>();
                var batch = new List<(string File, GraphDocument Document)>();
                var next = 0;
                void ReadAhead()
                {
                    while (next < files.Count && pending.Count < ahead)
                    {
                        var file = files[next++];
                        pending.Enqueue((file, Task.Run(() => sources.Read(file), cancellationToken)));
                    }
                }

                while (next < files.Count || pending.Count > 0)
                {
                    ReadAhead();
                    batch.Clear();
                    // Wait for the next file in order, then take the ones after it that are already extracted.
                    do
                    {
                        var (current, extraction) = pending.Dequeue();
                        cancellationToken.ThrowIfCancellationRequested();
                        progress?.Invoke(current);
                        try
                        {
                            foreach (var document in await extraction) batch.Add((current, document));
                        }
                        catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
                        {
                            summary.Failed.Add($"{current}: {error.Message}");
                        }
                        ReadAhead();
                    }
                    while (batch.Count < MaxBatch && pending.Count > 0 && pending.Peek().Documents.IsCompleted);

                    await StoreBatchAsync(batch);
                }
            }

            async Task StoreBatchAsync(List<(string File, GraphDocument Document)> batch)
            {
                if (batch.Count == 0) return;
                if (store is Graph.Store.Embedded.EmbeddedGraphStore embedded && batch.Count > 1)
                {
                    IReadOnlyList<IngestResult>? results = null;
                    try
                    {
                        results = await embedded.IngestBatchAsync([.. batch.Select(b => b.Document)], cancellationToken);
                    }
                    catch (ArgumentException)
                    {
                        // A document the store refuses is checked before anything is written: store the
                        // batch one by one below so that the others land and the bad one is named.
                    }
                    catch (Exception error) when (error is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
                    {
                        throw new StoreWriteException($"Could not write the documents of {batch[0].File} and after to the store ({error.Message}). The documents ingested before them are intact; free space or fix permissions and run the ingest again.", error);
                    }
                    if (results is not null)
                    {
                        for (var i = 0; i < results.Count; i++) summary.Count(results[i], batch[i].Document);
                        return;
                    }
                }

                foreach (var (current, document) in batch)
                {
                    try
                    {
                        summary.Count(await store.IngestAsync(document, cancellationToken), document);
                    }
                    catch (ArgumentException error)
                    {
                        summary.Failed.Add($"{current}: {error.Message}");
                    }
                    catch (Exception error) when (error is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
                    {
                        // The store refused the write (disk full, read-only): this document is absent, the ones before are whole.
                        throw new StoreWriteException($"Could not write {document.DocumentId} to the store ({error.Message}). The documents ingested before it are intact; free space or fix permissions and run the ingest again.", error);
                    }
                }
            }

            try
            {
                if (quiet || !AnsiConsole.Profile.Capabilities.Interactive)
                    await IngestAll(null);
                else
                    await AnsiConsole.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                        .StartAsync(async context =>
                        {
                            var task = context.AddTask("Ingesting", maxValue: files.Count);
                            await IngestAll(file =>
                            {
                                task.Description = Markup.Escape(Path.GetFileName(file));
                                task.Increment(1);
                            });
                            task.Value = task.MaxValue;
                        });
            }
            catch (StoreWriteException error)
            {
                StoreOptions.Errors.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
                return 3;
            }
            clock.Stop();

            var counts = await store.CountAsync(cancellationToken);
            summary.Print(counts, clock.Elapsed, (store as Graph.Store.Embedded.EmbeddedGraphStore)?.SizeOnDisk ?? -1, StoreSelection.Describe(store), quiet);
            return summary.Failed.Count == 0 && missing.Count == 0 && listing.Problems.Count == 0 ? 0 : 1;
        }
    }

    private sealed class IngestSummary
    {
        public int Added { get; private set; }
        public int Replaced { get; private set; }
        public int Unchanged { get; private set; }
        public int Diagnostics { get; private set; }
        public List<string> Failed { get; } = [];

        public void Count(IngestResult result, GraphDocument document)
        {
            switch (result.Outcome)
            {
                case IngestOutcome.Added: Added++; break;
                case IngestOutcome.Replaced: Replaced++; break;
                default: Unchanged++; break;
            }
            Diagnostics += document.Diagnostics.Count;
            Warnings.AddRange(document.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).Select(d => $"{document.DocumentId}: {d}"));
        }

        public List<string> Warnings { get; } = [];

        public void Print(GraphCounts counts, TimeSpan elapsed, long bytes, string directory, bool quiet)
        {
            var documents = Added + Replaced + Unchanged;
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Ingest").AddColumn(new TableColumn("").RightAligned());
            table.AddRow("Documents read", $"{documents} ({Added} added, {Replaced} replaced, {Unchanged} unchanged)");
            table.AddRow("Failed files", Failed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("Diagnostics", Diagnostics.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("Store documents", counts.Documents.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("Store nodes", counts.Nodes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("Store relationships", counts.Relationships.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("Time", $"{elapsed.TotalSeconds:F2} s ({(elapsed.TotalSeconds > 0 ? documents / elapsed.TotalSeconds : 0):F0} documents/s)");
            table.AddRow("Store size", bytes < 0 ? Markup.Escape(directory) : $"{bytes / 1024.0 / 1024.0:F1} MiB in {Markup.Escape(directory)}");
            AnsiConsole.Write(table);
            if (!quiet)
                foreach (var warning in Warnings) StoreOptions.Errors.MarkupLineInterpolated($"[yellow]{warning}[/]");
            foreach (var failure in Failed) StoreOptions.Errors.MarkupLineInterpolated($"[red]Failed:[/] {failure}");
        }
    }
}

/// <summary>The store could not take a document; ends the ingest with a clear message instead of a stack trace.</summary>
internal sealed class StoreWriteException(string message, Exception inner) : Exception(message, inner);

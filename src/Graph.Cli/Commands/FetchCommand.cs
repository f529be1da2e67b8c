using System.CommandLine;
using System.Globalization;
using Graph.Model.Symbols;
using Graph.Sources;
using Graph.Sources.Fetching;
using Spectre.Console;

namespace Graph.Cli.Commands;

/// <summary>
/// <c>graph fetch &lt;symbol…&gt; [--cited-depth N] [--series]</c>: downloads documents from the UN Official Document
/// System into the store, then what they cite and the rest of their series; downloads are cached in
/// <c>&lt;data&gt;/documents</c>.
/// </summary>
internal static class FetchCommand
{
    public static Command Create()
    {
        var symbols = new Argument<string[]>("symbols") { Description = "UN document symbols, e.g. A/RES/77/13 S/RES/2719(2023).", Arity = ArgumentArity.OneOrMore };
        var citedDepth = new Option<int>("--cited-depth") { Description = "Also fetch what the documents cite, to this depth.", DefaultValueFactory = _ => 0, HelpName = "N" };
        var series = new Option<bool>("--series") { Description = "Also fetch the earlier resolutions of each document's series (from what it cites) and the later ones (from the UN Digital Library)." };
        var limit = new Option<int>("--limit") { Description = "The most documents to download in this run (cached ones do not count).", DefaultValueFactory = _ => 100, HelpName = "N" };
        var odsUrl = new Option<string?>("--ods-url") { Description = $"Base URL of the ODS (default {SourceOptions.DefaultOdsUrl}, or {SourceOptions.OdsUrlVariable})." };
        var libraryUrl = new Option<string?>("--library-url") { Description = $"Base URL of the UN Digital Library (default {SourceOptions.DefaultLibraryUrl}, or {SourceOptions.LibraryUrlVariable})." };
        var data = StoreOptions.Data();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar, only the summary (for scripts)." };
        var storeKind = StoreSelection.CreateStoreOption();
        var command = new Command("fetch", "Download documents from the UN Official Document System, extract and ingest them.")
        {
            symbols, citedDepth, series, limit, odsUrl, libraryUrl, data, quiet, storeKind,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var request = new FetchRequest(parse.GetValue(symbols)!, parse.GetValue(citedDepth), parse.GetValue(series), parse.GetValue(limit));
            return RunAsync(request, parse.GetValue(odsUrl), parse.GetValue(libraryUrl), parse.GetValue(data)!, parse.GetValue(quiet), parse.GetValue(storeKind)!, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(FetchRequest request, string? odsUrl, string? libraryUrl, string dataDirectory, bool quiet, string storeKind, CancellationToken cancellationToken)
    {
        if (request.CitedDepth < 0 || request.MaxDownloads < 0)
        {
            StoreOptions.Errors.MarkupLine("[red]--cited-depth and --limit cannot be negative.[/]");
            return 2;
        }
        if (NotSymbols(request.Symbols) is { } problem)
        {
            StoreOptions.Errors.MarkupLineInterpolated($"[red]{problem}[/]");
            return 2;
        }
        SourceOptions options;
        try
        {
            options = SourceOptions.FromEnvironment(odsUrl, libraryUrl);
        }
        catch (ArgumentException e)
        {
            StoreOptions.Errors.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 2;
        }

        var services = await StoreSelection.TryOpenAsync(storeKind, dataDirectory, cancellationToken);
        if (services is null) return 1;
        await using var store = services.Store;
        using var sources = new UnSources(options);
        var job = sources.CreateJob(dataDirectory, store);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        FetchReport report;
        if (quiet || !AnsiConsole.Profile.Capabilities.Interactive)
            report = await job.RunAsync(request, null, cancellationToken);
        else
            report = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Fetching", maxValue: request.Symbols.Count);
                    var result = await job.RunAsync(request, new Progress(task), cancellationToken);
                    task.Value = task.MaxValue;
                    return result;
                });
        clock.Stop();
        Print(report, clock.Elapsed, options, quiet);
        return report.Count(FetchOutcome.Failed) == 0 && report.Count(FetchOutcome.Missing) == 0 ? 0 : 1;
    }

    /// <summary>
    /// What is wrong with the symbols asked for, before anything is opened or downloaded: a typo in one of ten symbols
    /// is a mistake in the command, not a document the ODS lacks. Symbols are written in capitals; one typed in small
    /// letters is named in capitals, since parts such as "Add.1" keep theirs and only the person knows which they meant.
    /// </summary>
    internal static string? NotSymbols(IReadOnlyList<string> symbols)
    {
        foreach (var text in symbols)
        {
            if (DocumentSymbol.TryParse(text, out _)) continue;
            var shown = text.Length > 60 ? text[..60] + "…" : text;
            var hint = DocumentSymbol.TryParse(text.ToUpperInvariant(), out var upper) ? $" Did you mean '{upper.Canonical}'?" : "";
            return $"'{shown}' is not a UN document symbol (such as A/RES/71/12 or 'S/RES/2719 (2023)'; quote a symbol that holds a space).{hint} Nothing was fetched.";
        }
        return null;
    }

    /// <summary>Moves the bar synchronously (Progress&lt;T&gt; would post to the thread pool and arrive out of order).</summary>
    private sealed class Progress(ProgressTask task) : IProgress<FetchProgress>
    {
        public void Report(FetchProgress value)
        {
            task.MaxValue = Math.Max(1, value.Known);
            task.Value = value.Done;
            task.Description = Markup.Escape(value.Current ?? "Fetching");
        }
    }

    private static void Print(FetchReport report, TimeSpan elapsed, SourceOptions options, bool quiet)
    {
        string N(FetchOutcome outcome) => report.Count(outcome).ToString(CultureInfo.InvariantCulture);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Fetch").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("Fetched", N(FetchOutcome.Fetched));
        table.AddRow("Cached", N(FetchOutcome.Cached));
        table.AddRow("Missing", N(FetchOutcome.Missing));
        table.AddRow("Failed", N(FetchOutcome.Failed));
        table.AddRow("Skipped (limit)", N(FetchOutcome.Skipped));
        table.AddRow("Time", $"{elapsed.TotalSeconds:F1} s");
        table.AddRow("From", Markup.Escape(options.OdsUrl.AbsoluteUri));
        AnsiConsole.Write(table);
        if (!quiet)
            foreach (var result in report.Results.Where(r => r.Outcome is FetchOutcome.Fetched or FetchOutcome.Cached))
                AnsiConsole.MarkupLineInterpolated($"{result.Outcome.ToString().ToLowerInvariant()}: {result.Symbol} ({result.Format}, {result.Reason}; {result.Ingest?.ToString().ToLowerInvariant()})");
        foreach (var result in report.Results.Where(r => r.Outcome is FetchOutcome.Missing or FetchOutcome.Failed or FetchOutcome.Skipped))
        {
            var colour = result.Outcome == FetchOutcome.Failed ? "red" : "yellow";
            StoreOptions.Errors.MarkupLineInterpolated($"[{colour}]{result.Outcome.ToString().ToLowerInvariant()}:[/] {result.Symbol} ({result.Reason}): {result.Detail}");
        }
        foreach (var note in report.Notes) StoreOptions.Errors.MarkupLineInterpolated($"[yellow]note:[/] {note}");
    }
}

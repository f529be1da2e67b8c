using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Graph.Store;
using Spectre.Console;

namespace Graph.Cli.Commands;

/// <summary>
/// <c>graph evolution A/RES/71/12 A/RES/77/13 [--json]</c> compares two documents of a series;
/// <c>graph evolution &lt;series or document&gt;</c> compares each pair of consecutive documents of its series.
/// </summary>
internal static class EvolutionCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create()
    {
        var ids = new Argument<string[]>("documents") { Description = "Two documents (earlier, later), or one series or document for its whole series.", Arity = new ArgumentArity(1, 2) };
        var json = new Option<bool>("--json") { Description = "Print the evolution as JSON." };
        var data = StoreOptions.Data();
        var storeKind = StoreSelection.CreateStoreOption();
        var command = new Command("evolution", "How the paragraphs of a series' resolutions changed: unchanged, reworded, inserted, deleted, moved.") { ids, json, data, storeKind };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(ids)!, parse.GetValue(json), parse.GetValue(data)!, parse.GetValue(storeKind)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] ids, bool json, string dataDirectory, string storeKind, CancellationToken cancellationToken)
    {
        var services = await StoreSelection.TryOpenAsync(storeKind, dataDirectory, cancellationToken);
        if (services is null) return 1;
        await using (services.Store)
        {
            var evolution = services.Evolution;
            IReadOnlyList<MandateEvolution> results;
            if (ids.Length == 2)
            {
                var single = await evolution.TryCompareAsync(ids[0], ids[1], cancellationToken);
                if (single is null)
                {
                    StoreOptions.Errors.MarkupLineInterpolated($"[red]Cannot compare[/] {ids[0]} and {ids[1]}: both must be ingested documents with paragraphs (not stubs).");
                    return 1;
                }
                results = [single];
            }
            else
            {
                results = await evolution.CompareSeriesAsync(ids[0], cancellationToken);
                if (results.Count == 0)
                {
                    StoreOptions.Errors.MarkupLineInterpolated($"[red]No evolution for[/] {ids[0]}: it must be a series or a document of one with at least two ingested documents.");
                    return 1;
                }
            }

            if (json)
            {
                var output = ids.Length == 2 ? JsonSerializer.Serialize(results[0], Json) : JsonSerializer.Serialize(results, Json);
                Console.Out.WriteLine(output);
                return 0;
            }
            foreach (var result in results) Print(result);
            return 0;
        }
    }

    private static void Print(MandateEvolution evolution)
    {
        // Without colours (a file, a pipe, NO_COLOR) the removed and added words would run together unmarked: they
        // are marked as git's word diff marks them, [-removed-] {+added+}.
        var plain = !AnsiConsole.Profile.Capabilities.Ansi || AnsiConsole.Profile.Capabilities.ColorSystem == ColorSystem.NoColors;
        AnsiConsole.MarkupLineInterpolated($"[bold]{evolution.FromId} → {evolution.ToId}[/]: {evolution.Count(ParagraphChangeKind.Unchanged)} unchanged, {evolution.Count(ParagraphChangeKind.Reworded)} reworded, {evolution.Count(ParagraphChangeKind.Inserted)} inserted, {evolution.Count(ParagraphChangeKind.Deleted)} deleted, {evolution.Count(ParagraphChangeKind.Moved)} moved");
        foreach (var change in evolution.Changes)
        {
            var where = $"{change.ParagraphKind} {change.FromNumber ?? "-"} → {change.ToNumber ?? "-"}";
            var colour = change.Kind switch
            {
                ParagraphChangeKind.Inserted => "green",
                ParagraphChangeKind.Deleted => "red",
                ParagraphChangeKind.Unchanged => "grey",
                _ => "yellow",
            };
            AnsiConsole.MarkupLine($"[{colour}]{change.Kind.ToString().ToLowerInvariant(),-9}[/] {Markup.Escape(where)}");
            var text = change.Kind switch
            {
                ParagraphChangeKind.Inserted => $"[green]{Markup.Escape(change.ToText ?? "")}[/]",
                ParagraphChangeKind.Deleted => $"[red strikethrough]{Markup.Escape(change.FromText ?? "")}[/]",
                ParagraphChangeKind.Unchanged => null,
                _ => string.Concat(change.Diff.Select(d => d.Operation switch
                {
                    DiffOperation.Deleted => plain ? $"[[-{Markup.Escape(d.Text)}-]] " : $"[red strikethrough]{Markup.Escape(d.Text)}[/] ",
                    DiffOperation.Inserted => plain ? $"{{+{Markup.Escape(d.Text)}+}} " : $"[green]{Markup.Escape(d.Text)}[/] ",
                    _ => Markup.Escape(d.Text) + " ",
                })),
            };
            if (text is not null) AnsiConsole.MarkupLine("    " + text);
        }
        AnsiConsole.WriteLine();
    }
}

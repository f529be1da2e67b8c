using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Graph.Cypher;
using Graph.Store.Embedded;

namespace Graph.Cli.Commands;

/// <summary>
/// <c>graph query "&lt;cypher&gt;" [--param k=v] [--data DIR] [--format table|json] [--write]</c>: runs Cypher on the
/// embedded store. Read-only unless <c>--write</c>: then a write is saved in the store and made again whenever it opens.
/// </summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var cypher = new Argument<string>("cypher") { Description = "The Cypher query to run" };
        var parameters = new Option<string[]>("--param")
        {
            Description = "A query parameter as name=value (value read as JSON when it parses, else as a string); repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var data = new Option<string?>("--data") { Description = "Directory of the embedded store (default: data)" };
        var format = new Option<string>("--format") { Description = "Output format: table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var write = new Option<bool>("--write") { Description = "Let the query change the graph (saved in the store, made again whenever it opens)" };
        var store = StoreSelection.CreateStoreOption();
        var command = new Command("query", "Run a Cypher query on the embedded graph store") { cypher, parameters, data, format, write, store };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            Dictionary<string, object?> values;
            try
            {
                values = ParseParameters(parseResult.GetValue(parameters) ?? []);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            if (parseResult.GetValue(store) == StoreSelection.Neo4j)
                return await StoreSelection.QueryNeo4jAsync(parseResult.GetValue(cypher)!, values, parseResult.GetValue(format)!, cancellationToken);

            await using var embedded = StoreOptions.TryOpen(parseResult.GetValue(data) ?? EmbeddedGraphStore.DefaultDirectory);
            if (embedded is null) return 1;
            var engine = EmbeddedCypher.Engine(embedded, new CypherOptions { ReadOnly = !parseResult.GetValue(write) });
            try
            {
                var result = engine.Execute(parseResult.GetValue(cypher)!, values, cancellationToken);
                Console.Out.Write(parseResult.GetValue(format) == "json" ? ResultJson(result) : ResultTable(result));
                return 0;
            }
            catch (CypherException e)
            {
                var where = e.Position is { } p ? $" (line {p.Line}, column {p.Column})" : "";
                var hint = e.ErrorType == "ReadOnly" ? " (add --write to let the query change the store)" : "";
                await Console.Error.WriteLineAsync($"{e.StatusCode} [{e.Detail}]{where}: {e.Message}{hint}");
                return 1;
            }
        });
        return command;
    }

    internal static Dictionary<string, object?> ParseParameters(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"--param expects name=value, got '{pair}'");
            }

            var text = pair[(eq + 1)..];
            object? value;
            try
            {
                using var doc = JsonDocument.Parse(text);
                value = FromJson(doc.RootElement);
            }
            catch (JsonException)
            {
                value = text;
            }

            result[pair[..eq]] = value;
        }

        return result;
    }

    private static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        // (object): without it the conditional is a double, and --param n=2 would send 2.0.
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value)),
        _ => null,
    };

    internal static string ResultJson(CypherResult result)
    {
        var body = new Dictionary<string, object?>
        {
            ["fields"] = result.Columns,
            ["values"] = result.Rows.Select(r => r.Select(ToJsonShape).ToList()).ToList(),
            ["counters"] = result.Counters,
        };
        if (result.Plan is { } plan) body[result.Profiled ? "profiledQueryPlan" : "queryPlan"] = plan;
        return JsonSerializer.Serialize(body, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }) + "\n";
    }

    private static object? ToJsonShape(object? value) => value switch
    {
        CypherNode n => new Dictionary<string, object?> { ["elementId"] = n.ElementId, ["labels"] = n.Labels, ["properties"] = n.Properties },
        CypherRelationship r => new Dictionary<string, object?>
        {
            ["elementId"] = r.ElementId, ["startNodeElementId"] = r.StartNodeElementId, ["endNodeElementId"] = r.EndNodeElementId,
            ["type"] = r.Type, ["properties"] = r.Properties,
        },
        CypherPath p => p.Nodes.Select((n, i) => i < p.Relationships.Count
                ? new[] { ToJsonShape(n), ToJsonShape(p.Relationships[i]) }
                : [ToJsonShape(n)])
            .SelectMany(x => x).ToList(),
        CypherTemporal t => t.Value,
        List<object?> list => list.Select(ToJsonShape).ToList(),
        Dictionary<string, object?> map => map.ToDictionary(e => e.Key, e => ToJsonShape(e.Value)),
        _ => value,
    };

    internal static string ResultTable(CypherResult result)
    {
        var plan = result.Plan is { } p ? Graph.Cypher.Planning.PlanTable.Render(p, result.Profiled) + "\n" : "";
        if (result.Plan is not null && !result.Profiled) return plan;
        var cells = result.Rows.Select(r => r.Select(Display).ToList()).ToList();
        var widths = result.Columns.Select((c, i) => Math.Min(80, cells.Select(r => r[i].Length).Append(c.Length).Max())).ToList();
        var sb = new StringBuilder(plan);
        string Line(IEnumerable<string> values) =>
            "| " + string.Join(" | ", values.Select((v, i) => (v.Length > widths[i] ? v[..(widths[i] - 1)] + "…" : v).PadRight(widths[i]))) + " |\n";
        sb.Append(Line(result.Columns));
        sb.Append("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|\n");
        foreach (var row in cells)
        {
            sb.Append(Line(row));
        }

        sb.Append(CultureInfo.InvariantCulture, $"{result.Rows.Count} row(s)");
        if (result.ContainsUpdates)
        {
            var c = result.Counters;
            sb.Append(CultureInfo.InvariantCulture,
                $"; nodes +{c.NodesCreated} -{c.NodesDeleted}, relationships +{c.RelationshipsCreated} -{c.RelationshipsDeleted}, properties set {c.PropertiesSet}");
            if (c.IndexesAdded + c.IndexesRemoved + c.ConstraintsAdded + c.ConstraintsRemoved > 0)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"; indexes +{c.IndexesAdded} -{c.IndexesRemoved}, constraints +{c.ConstraintsAdded} -{c.ConstraintsRemoved}");
            }
        }

        return sb.Append('\n').ToString();
    }

    private static string Display(object? value) => ResultCells.Display(value, Entity);

    private static string? Entity(object value) => value switch
    {
        CypherNode n => ResultCells.Node(n.Labels, n.Properties, Entity),
        CypherRelationship r => ResultCells.Relationship(r.Type, r.Properties, Entity),
        CypherPath p => string.Join("-", p.Nodes.Select(Display)),
        _ => null,
    };
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Graph.Cypher;
using Graph.Neo4j;
using Graph.Neo4j.QueryApi;
using Graph.Store;
using Graph.Store.Embedded;
using Spectre.Console;

namespace Graph.Cli;

/// <summary>
/// <c>--store embedded|neo4j</c>, shared by the commands that read or write the graph: the embedded store
/// in <c>--data DIR</c> (the default, opened by <see cref="Commands.StoreOptions"/>), or Neo4j at NEO4J_URL
/// with NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE.
/// </summary>
internal static class StoreSelection
{
    public const string Embedded = "embedded";
    public const string Neo4j = "neo4j";

    public static Option<string> CreateStoreOption()
    {
        var option = new Option<string>("--store")
        {
            Description = "Where the graph lives: embedded (the default, in --data) or neo4j (NEO4J_URL, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)",
            DefaultValueFactory = _ => Embedded,
        };
        option.AcceptOnlyFromAmong(Embedded, Neo4j);
        return option;
    }

    /// <summary>
    /// The store and its services (for Neo4j: connected, schema applied), or null after explaining on stderr
    /// why it cannot be opened.
    /// </summary>
    public static async Task<GraphServices?> TryOpenAsync(string store, string dataDirectory, CancellationToken cancellationToken)
    {
        if (store != Neo4j) return Commands.StoreOptions.TryOpen(dataDirectory)?.CreateServices();
        try
        {
            return await Neo4jGraph.OpenAsync(Neo4jOptions(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is QueryApiException or StoreUnavailableException)
        {
            Commands.StoreOptions.Errors.MarkupLineInterpolated($"[red]Cannot open the Neo4j store:[/] {error.Message}");
            return null;
        }
    }

    /// <summary>Where the store is, for summaries: the data directory, or the Neo4j server and database.</summary>
    public static string Describe(IGraphStore store) => store switch
    {
        EmbeddedGraphStore embedded => embedded.Directory,
        Neo4jGraphStore neo4j when neo4j.Client is QueryApiClient client => $"Neo4j at {client.Options}" +
            (client.Options.ExplicitTransactions && client.UsesExplicitTransactions is false
                ? " (statements committed one by one: this server's Query API has no explicit transactions, Neo4j 5.26 has)" : ""),
        _ => store.GetType().Name,
    };

    /// <summary>Neo4j's connection settings from the environment.</summary>
    /// <exception cref="StoreUnavailableException">NEO4J_URL is not set or not a URL.</exception>
    public static QueryApiOptions Neo4jOptions()
    {
        try
        {
            return QueryApiOptions.FromEnvironment() ?? throw new StoreUnavailableException(
                "--store neo4j needs NEO4J_URL (e.g. http://localhost:7474, or neo4j+s://xxxx.databases.neo4j.io for Aura), " +
                "and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE when they differ from neo4j / (empty) / neo4j.");
        }
        catch (ArgumentException e)
        {
            throw new StoreUnavailableException($"NEO4J_URL: {e.Message}", e);
        }
    }

    /// <summary><c>graph query --store neo4j</c>: runs the statement on Neo4j in a read transaction and prints it.</summary>
    public static async Task<int> QueryNeo4jAsync(string cypher, IReadOnlyDictionary<string, object?> parameters, string format, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new QueryApiClient(Neo4jOptions());
            var result = await client.RunAsync(cypher, parameters, AccessMode.Read, cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteAsync(format == "json" ? ResultJson(result) : ResultTable(result)).ConfigureAwait(false);
            return 0;
        }
        catch (StoreUnavailableException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }
        catch (QueryApiException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
    }

    internal static string ResultJson(QueryResult result)
    {
        var body = new Dictionary<string, object?>
        {
            ["fields"] = result.Fields,
            ["values"] = result.Rows.Select(r => r.Select(JsonShape).ToList()).ToList(),
        };
        return JsonSerializer.Serialize(body, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Values in the Query API's plain JSON shape.</summary>
    private static object? JsonShape(object? value) => value switch
    {
        Neo4jNode n => new Dictionary<string, object?> { ["elementId"] = n.ElementId, ["labels"] = n.Labels, ["properties"] = Map(n.Properties) },
        Neo4jRelationship r => new Dictionary<string, object?>
        {
            ["elementId"] = r.ElementId, ["startNodeElementId"] = r.StartNodeElementId, ["endNodeElementId"] = r.EndNodeElementId,
            ["type"] = r.Type, ["properties"] = Map(r.Properties),
        },
        Neo4jPath p => p.Nodes.Select((n, i) => i < p.Relationships.Count ? new[] { JsonShape(n), JsonShape(p.Relationships[i]) } : [JsonShape(n)])
            .SelectMany(x => x).ToList(),
        CypherTemporal t => t.Value,
        Graph.Model.SpatialPoint point => point.Wkt,
        Neo4jTypedText t => t.Value,
        byte[] bytes => Convert.ToBase64String(bytes),
        List<object?> list => list.Select(JsonShape).ToList(),
        IReadOnlyDictionary<string, object?> map => Map(map),
        _ => value,
    };

    private static Dictionary<string, object?> Map(IReadOnlyDictionary<string, object?> map) => map.ToDictionary(e => e.Key, e => JsonShape(e.Value));

    internal static string ResultTable(QueryResult result)
    {
        var cells = result.Rows.Select(r => r.Select(Display).ToList()).ToList();
        var widths = result.Fields.Select((f, i) => Math.Max(1, Math.Min(80, cells.Select(r => r[i].Length).Append(f.Length).Max()))).ToList();
        var sb = new StringBuilder();
        string Line(IEnumerable<string> values) =>
            "| " + string.Join(" | ", values.Select((v, i) => (v.Length > widths[i] ? v[..(widths[i] - 1)] + "…" : v).PadRight(widths[i]))) + " |\n";
        sb.Append(Line(result.Fields));
        sb.Append("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|\n");
        foreach (var row in cells) sb.Append(Line(row));
        return sb.Append(CultureInfo.InvariantCulture, $"{result.Rows.Count} row(s)\n").ToString();
    }

    private static string Display(object? value) => ResultCells.Display(value, Entity);

    private static string? Entity(object value) => value switch
    {
        Neo4jNode n => ResultCells.Node(n.Labels, n.Properties, Entity),
        Neo4jRelationship r => ResultCells.Relationship(r.Type, r.Properties, Entity),
        Neo4jPath p => string.Join("-", p.Nodes.Select(Display)),
        _ => null,
    };
}

/// <summary>The chosen store cannot be used: a message for the user, no stack trace.</summary>
internal sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

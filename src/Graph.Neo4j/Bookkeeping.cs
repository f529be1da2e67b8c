using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Model;
using Graph.Neo4j.QueryApi;

namespace Graph.Neo4j;

/// <summary>
/// What the Neo4j store keeps beside the graph so that a document's ingest can be replaced exactly.
/// <para>
/// Every node and relationship has <c>_statedBy</c>, the ids of the documents that state it, in the order
/// they first did. When only one document states it, its labels and properties are that statement; when
/// several do, <c>_statements</c> keeps each statement as JSON (aligned with <c>_statedBy</c>) and the
/// visible labels and properties are their merge by <see cref="GraphMerger"/>'s rule. So most nodes
/// (paragraphs, footnotes) carry no copy, and removing one document recomputes shared nodes from the rest.
/// A relationship's key (its identity among parallel relationships of one type) is <c>_key</c>.
/// </para>
/// </summary>
internal static class Bookkeeping
{
    public const string StatedBy = "_statedBy";
    public const string Statements = "_statements";
    public const string Key = "_key";
    public const string Lock = "_lock";

    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { StatedBy, Statements, Key, Lock };

    public static bool IsHidden(string property) => Hidden.Contains(property);

    public static IReadOnlyList<string> StatedByOf(IReadOnlyDictionary<string, object?> properties) =>
        properties.TryGetValue(StatedBy, out var value) && value is List<object?> list ? list.Select(v => (string)v!).ToList() : [];

    /// <summary>A Neo4j node as a graph node (its <c>id</c> property kept, as every store does): the Entity label and bookkeeping left out.</summary>
    public static GraphNode ToGraphNode(Neo4jNode node)
    {
        var id = node.Properties.TryGetValue(PropertyNames.Id, out var value) && value is string s ? s : node.ElementId;
        return new GraphNode(
            id,
            node.Labels.Where(l => l != Neo4jSchema.NodeLabel),
            node.Properties.Where(p => !IsHidden(p.Key)).ToDictionary(p => p.Key, p => FromNeo4j(p.Value)));
    }

    public static GraphRelationship ToGraphRelationship(string start, string end, Neo4jRelationship relationship) => new(
        relationship.Type, start, end,
        relationship.Properties.Where(p => !IsHidden(p.Key)).ToDictionary(p => p.Key, p => FromNeo4j(p.Value)),
        relationship.Properties.TryGetValue(Key, out var key) ? key as string : null);

    /// <summary>Graph property values are strings, numbers, booleans and lists; temporal and spatial values come back as their text.</summary>
    public static object? FromNeo4j(object? value) => value switch
    {
        Graph.Cypher.CypherTemporal temporal => temporal.Value,
        Graph.Model.SpatialPoint point => point.Wkt,
        Neo4jTypedText text => text.Value,
        List<object?> list => list.Select(FromNeo4j).ToList(),
        _ => value,
    };

    /// <summary>The statements recorded on a node or relationship, by stating document, in order.</summary>
    public static List<(string Document, IReadOnlyDictionary<string, object?> Properties, IReadOnlyList<string> Labels)> StatementsOf(
        IReadOnlyDictionary<string, object?> properties, IReadOnlyList<string> visibleLabels)
    {
        var statedBy = StatedByOf(properties);
        var result = new List<(string, IReadOnlyDictionary<string, object?>, IReadOnlyList<string>)>();
        if (statedBy.Count == 1)
        {
            // One source: the visible state is its statement.
            var own = properties.Where(p => !IsHidden(p.Key)).ToDictionary(p => p.Key, p => FromNeo4j(p.Value));
            result.Add((statedBy[0], own, visibleLabels));
        }
        else if (statedBy.Count > 1 && properties.TryGetValue(Statements, out var value) && value is List<object?> statements)
        {
            for (var i = 0; i < statedBy.Count && i < statements.Count; i++)
            {
                var (labels, props) = ParseStatement((string)statements[i]!);
                result.Add((statedBy[i], props, labels));
            }
        }
        return result;
    }

    public static string SerializeStatement(IEnumerable<string> labels, IReadOnlyDictionary<string, object?> properties)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("labels");
            foreach (var label in labels) writer.WriteStringValue(label);
            writer.WriteEndArray();
            writer.WritePropertyName("properties");
            GraphJson.WriteProperties(writer, properties.OrderBy(p => p.Key, StringComparer.Ordinal));
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static (IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties) ParseStatement(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var labels = root["labels"]?.AsArray().Select(l => l!.GetValue<string>()).ToList() ?? [];
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (root["properties"] is JsonObject map)
            foreach (var (key, value) in map) properties[key] = GraphJson.ReadValue(value);
        return (labels, properties);
    }
}

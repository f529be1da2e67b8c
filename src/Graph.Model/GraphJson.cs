using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Graph.Model;

/// <summary>
/// Reads and writes the graph interchange format:
/// <c>{"nodes":[{"id","labels":[…],"properties":{…}}],"relationships":[{"id","type","start","end","properties":{…}}]}</c>.
/// </summary>
public static class GraphJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(GraphData graph, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartObject();
        writer.WriteStartArray("nodes");
        foreach (var node in graph.Nodes) WriteNode(writer, node);
        writer.WriteEndArray();
        writer.WriteStartArray("relationships");
        foreach (var relationship in graph.Relationships) WriteRelationship(writer, relationship);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string Serialize(GraphData graph)
    {
        using var stream = new MemoryStream();
        Write(graph, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteNode(Utf8JsonWriter writer, GraphNode node)
    {
        writer.WriteStartObject();
        writer.WriteString("id", node.Id);
        writer.WriteStartArray("labels");
        foreach (var label in node.LabelNames) writer.WriteStringValue(label);
        writer.WriteEndArray();
        writer.WritePropertyName("properties");
        WriteProperties(writer, node.Properties);
        writer.WriteEndObject();
    }

    public static void WriteRelationship(Utf8JsonWriter writer, GraphRelationship relationship)
    {
        writer.WriteStartObject();
        writer.WriteString("id", relationship.Id);
        writer.WriteString("type", relationship.Type);
        writer.WriteString("start", relationship.Start);
        writer.WriteString("end", relationship.End);
        if (relationship.Key.Length > 0) writer.WriteString("key", relationship.Key);
        writer.WritePropertyName("properties");
        WriteProperties(writer, relationship.Properties);
        writer.WriteEndObject();
    }

    public static void WriteProperties(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in properties)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (PropertyValues.Normalise(value))
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case System.Collections.IList list:
                writer.WriteStartArray();
                foreach (var item in list) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            case var other: writer.WriteStringValue(other.ToString()); break;
        }
    }

    public static GraphData Read(Stream stream)
    {
        var root = JsonNode.Parse(stream) as JsonObject ?? throw new FormatException("A graph JSON document must be an object.");
        return FromJson(root);
    }

    public static GraphData Deserialize(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("A graph JSON document must be an object.");
        return FromJson(root);
    }

    private static GraphData FromJson(JsonObject root)
    {
        var graph = new GraphData();
        foreach (var item in root["nodes"]?.AsArray() ?? [])
        {
            var o = item!.AsObject();
            var labels = o["labels"]?.AsArray().Select(l => l!.GetValue<string>()) ?? [];
            graph.Nodes.Add(new GraphNode(o["id"]!.GetValue<string>(), labels, ReadProperties(o["properties"] as JsonObject)));
        }
        foreach (var item in root["relationships"]?.AsArray() ?? [])
        {
            var o = item!.AsObject();
            graph.Relationships.Add(new GraphRelationship(
                o["type"]!.GetValue<string>(), o["start"]!.GetValue<string>(), o["end"]!.GetValue<string>(),
                ReadProperties(o["properties"] as JsonObject), o["key"]?.GetValue<string>()));
        }
        return graph;
    }

    private static Dictionary<string, object?> ReadProperties(JsonObject? properties)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (properties is null) return result;
        foreach (var (key, value) in properties) result[key] = ReadValue(value);
        return result;
    }

    public static object? ReadValue(JsonNode? value) => value switch
    {
        null => null,
        JsonArray array => array.Select(ReadValue).ToList(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number =>
            v.TryGetValue<long>(out var l) ? (object)l : v.GetValue<double>(),
        _ => value.ToJsonString(),
    };
}

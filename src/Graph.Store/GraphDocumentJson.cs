using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Model;

namespace Graph.Store;

/// <summary>
/// One <see cref="GraphDocument"/> as JSON, the unit <c>graph ingest</c> reads besides source documents:
/// <c>{"documentId", "text", "nodes":[…], "relationships":[…], "diagnostics":[{"severity","code","message"}]}</c>,
/// nodes and relationships as in <see cref="GraphJson"/>. A file may also hold an array of them.
/// </summary>
public static class GraphDocumentJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(GraphDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions)) Write(writer, document);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, GraphDocument document)
    {
        writer.WriteStartObject();
        writer.WriteString("documentId", document.DocumentId);
        writer.WriteString("text", document.Text);
        writer.WriteStartArray("nodes");
        foreach (var node in document.Nodes) GraphJson.WriteNode(writer, node);
        writer.WriteEndArray();
        writer.WriteStartArray("relationships");
        foreach (var relationship in document.Relationships) GraphJson.WriteRelationship(writer, relationship);
        writer.WriteEndArray();
        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in document.Diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
            writer.WriteString("code", diagnostic.Code);
            writer.WriteString("message", diagnostic.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads the documents of a file (one object or an array of them).</summary>
    /// <exception cref="FormatException">The JSON is not a graph document.</exception>
    public static IReadOnlyList<GraphDocument> Read(string json)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException error) { throw new FormatException($"Not valid JSON: {error.Message}", error); }
        return root switch
        {
            JsonArray array => [.. array.Select(item => FromJson(item as JsonObject))],
            JsonObject single => [FromJson(single)],
            _ => throw new FormatException("A graph document file holds an object or an array of objects."),
        };
    }

    private static GraphDocument FromJson(JsonObject? o)
    {
        if (o is null) throw new FormatException("A graph document must be an object.");
        var id = (o["documentId"] as JsonValue)?.GetValue<string>();
        if (string.IsNullOrEmpty(id)) throw new FormatException("A graph document needs a non-empty \"documentId\".");
        var document = new GraphDocument(id, (o["text"] as JsonValue)?.GetValue<string>() ?? "");
        try
        {
            var graph = GraphJson.Deserialize(new JsonObject
            {
                ["nodes"] = o["nodes"]?.DeepClone(),
                ["relationships"] = o["relationships"]?.DeepClone(),
            }.ToJsonString());
            document.Nodes.AddRange(graph.Nodes);
            document.Relationships.AddRange(graph.Relationships);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or NullReferenceException or JsonException)
        {
            throw new FormatException($"Document {id}: nodes need an id and relationships a type, start and end ({error.Message}).", error);
        }
        foreach (var item in o["diagnostics"]?.AsArray() ?? [])
        {
            if (item is not JsonObject d) continue;
            var severity = Enum.TryParse<DiagnosticSeverity>((d["severity"] as JsonValue)?.GetValue<string>(), ignoreCase: true, out var s) ? s : DiagnosticSeverity.Info;
            document.Diagnostics.Add(new Diagnostic(severity, (d["code"] as JsonValue)?.GetValue<string>() ?? "", (d["message"] as JsonValue)?.GetValue<string>() ?? ""));
        }
        return document;
    }
}

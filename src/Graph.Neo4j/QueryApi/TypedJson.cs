using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Xml;
using Graph.Cypher;

namespace Graph.Neo4j.QueryApi;

/// <summary>
/// Neo4j's typed JSON (<c>application/vnd.neo4j.query</c>): every value is <c>{"$type": T, "_value": V}</c>.
/// Integers travel as strings so that no 64-bit value passes through a double; floats too, so that 1.0
/// stays a float. Reading maps Integer to long, Float to double, List to List&lt;object?&gt;, Map to a
/// dictionary, Node/Relationship/Path to records, Base64 to bytes, the temporal types to the engine's
/// <see cref="CypherTemporal"/> (lossless: nanoseconds, zone names and month-day-second durations stay as Neo4j
/// wrote them, which no .NET type holds), Point to <see cref="Graph.Model.SpatialPoint"/>. Writing takes those back, and
/// .NET's own date and time types too.
/// </summary>
internal static class TypedJson
{
    public const string MediaType = "application/vnd.neo4j.query";

    public static object? Read(JsonElement element)
    {
        // A bare JSON value (plain JSON in an otherwise typed answer) is read as plain JSON.
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("$type", out var typeElement))
            return ReadPlain(element);

        var type = typeElement.GetString() ?? "";
        var value = element.TryGetProperty("_value", out var v) ? v : default;
        return type switch
        {
            "Null" => null,
            "Boolean" => value.GetBoolean(),
            "Integer" => value.ValueKind == JsonValueKind.String
                ? long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                : value.GetInt64(),
            "Float" => value.ValueKind == JsonValueKind.String ? ParseFloat(value.GetString()!) : value.GetDouble(),
            "String" => value.GetString(),
            "Base64" => Convert.FromBase64String(value.GetString() ?? ""),
            "List" => value.EnumerateArray().Select(Read).ToList(),
            "Map" => ReadMap(value),
            "Node" => ReadNode(value),
            "Relationship" => ReadRelationship(value),
            "Path" => ReadPath(value),
            "Date" or "Time" or "LocalTime" or "ZonedDateTime" or "OffsetDateTime" or "LocalDateTime"
                or "Duration" => new CypherTemporal(type, value.GetString() ?? ""),
            "Point" => Graph.Model.SpatialPoint.TryParse(value.GetString() ?? "", out var point, out _) ? point : new Neo4jTypedText(type, value.GetString() ?? ""),
            _ => new Neo4jTypedText(type, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()),
        };
    }

    private static double ParseFloat(string text) => text switch
    {
        "NaN" or "Nan" or "-NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, object?> ReadMap(JsonElement map)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (map.ValueKind != JsonValueKind.Object) return result;
        foreach (var property in map.EnumerateObject()) result[property.Name] = Read(property.Value);
        return result;
    }

    private static Neo4jNode ReadNode(JsonElement node) => new(
        node.GetProperty("_element_id").GetString() ?? "",
        node.TryGetProperty("_labels", out var labels) ? labels.EnumerateArray().Select(l => l.GetString() ?? "").ToList() : [],
        node.TryGetProperty("_properties", out var properties) ? ReadMap(properties) : new Dictionary<string, object?>());

    private static Neo4jRelationship ReadRelationship(JsonElement relationship) => new(
        relationship.GetProperty("_element_id").GetString() ?? "",
        relationship.GetProperty("_start_node_element_id").GetString() ?? "",
        relationship.GetProperty("_end_node_element_id").GetString() ?? "",
        relationship.GetProperty("_type").GetString() ?? "",
        relationship.TryGetProperty("_properties", out var properties) ? ReadMap(properties) : new Dictionary<string, object?>());

    private static Neo4jPath ReadPath(JsonElement path)
    {
        var nodes = new List<Neo4jNode>();
        var relationships = new List<Neo4jRelationship>();
        foreach (var item in path.EnumerateArray())
        {
            switch (Read(item))
            {
                case Neo4jNode n: nodes.Add(n); break;
                case Neo4jRelationship r: relationships.Add(r); break;
            }
        }
        return new Neo4jPath(nodes, relationships);
    }

    /// <summary>
    /// Plain JSON: integral numbers as long, other numbers as double. The cast to object matters: without it the
    /// conditional's type is double and every integer would come back as one.
    /// </summary>
    public static object? ReadPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(ReadPlain).ToList(),
        _ => element.EnumerateObject().ToDictionary(p => p.Name, p => ReadPlain(p.Value), StringComparer.Ordinal),
    };

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case null:
                writer.WriteString("$type", "Null");
                writer.WriteNull("_value");
                break;
            case bool b:
                writer.WriteString("$type", "Boolean");
                writer.WriteBoolean("_value", b);
                break;
            case long or int or short or byte or uint or sbyte or ushort:
                writer.WriteString("$type", "Integer");
                writer.WriteString("_value", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                writer.WriteString("$type", "Float");
                writer.WriteString("_value", FormatFloat(Convert.ToDouble(value, CultureInfo.InvariantCulture)));
                break;
            case string s:
                writer.WriteString("$type", "String");
                writer.WriteString("_value", s);
                break;
            case byte[] bytes:
                writer.WriteString("$type", "Base64");
                writer.WriteString("_value", Convert.ToBase64String(bytes));
                break;
            case CypherTemporal temporal:
                Typed(writer, temporal.Type, temporal.Value);
                break;
            case Graph.Model.SpatialPoint point:
                Typed(writer, "Point", point.Wkt);
                break;
            case DateOnly date:
                Typed(writer, "Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TimeOnly time:
                Typed(writer, "LocalTime", time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset instant:
                Typed(writer, "OffsetDateTime", instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
                break;
            case DateTime { Kind: DateTimeKind.Unspecified } local:
                // No offset known: a LocalDateTime, as Neo4j would store it.
                Typed(writer, "LocalDateTime", local.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case DateTime instant:
                Typed(writer, "OffsetDateTime", new DateTimeOffset(instant).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
                break;
            case TimeSpan span:
                // ISO-8601 (P1DT2H3M4.5S): days, hours, minutes and seconds, which is all a TimeSpan has.
                Typed(writer, "Duration", XmlConvert.ToString(span));
                break;
            case Neo4jTypedText typed:
                writer.WriteString("$type", typed.Type);
                writer.WriteString("_value", typed.Value);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteString("$type", "Map");
                writer.WriteStartObject("_value");
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteString("$type", "List");
                writer.WriteStartArray("_value");
                foreach (var item in list) Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A value of type {value.GetType().Name} cannot be sent as a Cypher parameter.", nameof(value));
        }
        writer.WriteEndObject();
    }

    private static void Typed(Utf8JsonWriter writer, string type, string value)
    {
        writer.WriteString("$type", type);
        writer.WriteString("_value", value);
    }

    private static string FormatFloat(double d) => d switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => d.ToString("R", CultureInfo.InvariantCulture),
    };
}

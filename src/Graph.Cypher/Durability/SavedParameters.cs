using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Graph.Cypher.Durability;

/// <summary>
/// Encodes a query's parameters as JSON that decodes to the same Cypher values: integers stay integers and
/// floats stay floats (<c>{"$float": "1.0"}</c>, also NaN and infinities), maps are wrapped
/// (<c>{"$map": {...}}</c>) so that no key of theirs can be taken for a tag.
/// </summary>
internal static class SavedParameters
{
    /// <exception cref="NotSupportedException">A value is of a kind a saved write cannot hold.</exception>
    public static string Encode(IReadOnlyDictionary<string, object?> parameters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WritePropertyName(name);
                Write(json, value, name);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <exception cref="FormatException">The text is not what <see cref="Encode"/> writes.</exception>
    public static Dictionary<string, object?> Decode(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException("saved parameters are not a JSON object");
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Read(p.Value), StringComparer.Ordinal);
        }
        catch (JsonException error)
        {
            throw new FormatException($"saved parameters are not valid JSON ({error.Message})", error);
        }
    }

    private static void Write(Utf8JsonWriter json, object? value, string name)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case string s: json.WriteStringValue(s); break;
            case long or int or short or sbyte or byte: json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case double or float:
                json.WriteStartObject();
                json.WriteString("$float", Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                json.WriteEndObject();
                break;
            case CypherTemporal temporal:
                json.WriteStartObject();
                json.WriteString("$temporal", temporal.Type);
                json.WriteString("value", temporal.Value);
                json.WriteEndObject();
                break;
            case Graph.Model.SpatialPoint point:
                json.WriteStartObject();
                json.WriteString("$point", point.Wkt);
                json.WriteEndObject();
                break;
            case byte[] bytes:
                json.WriteStartObject();
                json.WriteBase64String("$bytes", bytes);
                json.WriteEndObject();
                break;
            case IDictionary map:
                json.WriteStartObject();
                json.WritePropertyName("$map");
                json.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    json.WritePropertyName(entry.Key as string ?? throw new NotSupportedException($"Parameter {name} is a map with a key that is not a string."));
                    Write(json, entry.Value, name);
                }
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list) Write(json, item, name);
                json.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"Parameter {name} holds a {value.GetType().Name}, which a saved write cannot hold; pass it as a string, number, boolean, list or map.");
        }
    }

    private static object? Read(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l : throw new FormatException($"a saved number is not an integer: {value.GetRawText()}"),
        JsonValueKind.Array => value.EnumerateArray().Select(Read).ToList(),
        JsonValueKind.Object when value.TryGetProperty("$float", out var f) && f.ValueKind == JsonValueKind.String =>
            double.Parse(f.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValueKind.Object when value.TryGetProperty("$temporal", out var t) && value.TryGetProperty("value", out var tv) =>
            CypherTemporal.Parse(t.GetString()!, tv.GetString()!),
        JsonValueKind.Object when value.TryGetProperty("$point", out var p) => Graph.Model.SpatialPoint.Parse(p.GetString()!),
        JsonValueKind.Object when value.TryGetProperty("$bytes", out var b) => b.GetBytesFromBase64(),
        JsonValueKind.Object when value.TryGetProperty("$map", out var m) && m.ValueKind == JsonValueKind.Object =>
            m.EnumerateObject().ToDictionary(p => p.Name, p => Read(p.Value), StringComparer.Ordinal),
        _ => throw new FormatException($"a saved value is not one the encoder writes: {value.GetRawText()}"),
    };
}

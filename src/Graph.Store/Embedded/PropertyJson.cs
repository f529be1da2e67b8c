using System.Buffers;
using System.Text;
using System.Text.Json;
using Graph.Model;

namespace Graph.Store.Embedded;

/// <summary>
/// Compact JSON for property maps and label lists as SQLite stores them. Reading uses the
/// forward-only <see cref="Utf8JsonReader"/>, since opening a store parses every stored map.
/// </summary>
internal static class PropertyJson
{
    public static string WriteProperties(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
            GraphJson.WriteProperties(writer, properties.OrderBy(p => p.Key, StringComparer.Ordinal));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string WriteLabels(IEnumerable<string> labels)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var label in labels.Order(StringComparer.Ordinal)) writer.WriteStringValue(label);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Property key → document id, ordinally sorted.</summary>
    public static string WriteSuppliers(IReadOnlyDictionary<string, string> suppliers) =>
        WriteProperties(suppliers.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));

    public static Dictionary<string, string> ReadSuppliers(string json) =>
        ReadProperties(json).ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);

    public static Dictionary<string, object?> ReadProperties(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            result[key] = ReadValue(ref reader);
        }
        return result;
    }

    public static List<string> ReadLabels(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var result = new List<string>();
        Expect(ref reader, JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType == JsonTokenType.String) result.Add(reader.GetString()!);
        return result;
    }

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Number: return reader.TryGetInt64(out var l) ? (object)l : reader.GetDouble();
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader));
                return list;
            case JsonTokenType.StartObject:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    map[key] = ReadValue(ref reader);
                }
                return map;
            default:
                throw new FormatException($"Unexpected {reader.TokenType} in stored properties.");
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type) throw new FormatException($"Stored JSON does not start with {type}.");
    }
}

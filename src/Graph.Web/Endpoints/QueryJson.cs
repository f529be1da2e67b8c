using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Graph.Cypher;

namespace Graph.Web.Endpoints;

/// <summary>
/// Neo4j Query API JSON: parameters in (plain, or typed <c>{"$type", "_value"}</c>) and results out.
/// Integers stay exact: typed JSON writes them as strings, plain JSON as JSON integers.
/// </summary>
internal static class QueryJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static object? ReadValue(JsonElement value, bool typed)
    {
        if (typed && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("$type", out var type))
            return ReadTyped(value, type);
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => value.GetString(),
            // Boxed apart: `l ? long : double` would be a double, and every integer would arrive as a FLOAT.
            JsonValueKind.Number => value.TryGetInt64(out var l) ? (object)l : value.GetDouble(),
            JsonValueKind.Array => value.EnumerateArray().Select(v => ReadValue(v, typed)).ToList(),
            JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => ReadValue(p.Value, typed), StringComparer.Ordinal),
            _ => throw new FormatException($"unsupported JSON value {value.ValueKind}"),
        };
    }

    /// <summary>
    /// A typed value: exactly <c>{"$type": T, "_value": V}</c>, with V written as T is written. An object that names a
    /// <c>$type</c> but is not that is refused, not read as a map, which would hand the query <c>{`$type`: 'Date'}</c>
    /// where the client meant a date.
    /// </summary>
    private static object? ReadTyped(JsonElement value, JsonElement typeElement)
    {
        if (typeElement.ValueKind != JsonValueKind.String)
            throw new FormatException($"'$type' must be the name of a type, such as \"Date\" or \"Integer\", not {Kind(typeElement)}");
        var type = typeElement.GetString()!;
        var written = FormOf(type);
        if (!value.TryGetProperty("_value", out var inner))
            throw new FormatException($"the {type} value has no '_value': write it {{\"$type\": \"{type}\", \"_value\": {written.Example}}}");
        foreach (var field in value.EnumerateObject())
        {
            if (field.Name is not ("$type" or "_value"))
                throw new FormatException($"the {type} value has a field '{field.Name}'; a typed value has only '$type' and '_value'");
        }
        if (!written.Kinds.Contains(inner.ValueKind))
            throw new FormatException($"the {type} value's '_value' must be {written.Description}, such as {written.Example}, not {Kind(inner)}");
        return ReadTyped(type, inner);
    }

    /// <summary>How a type's <c>_value</c> is written: the JSON kinds it may take, and an example for the error that asks for it.</summary>
    private sealed record WrittenForm(JsonValueKind[] Kinds, string Description, string Example);

    private static readonly WrittenForm TextForm = new([JsonValueKind.String], "a string", "\"...\"");

    private static WrittenForm FormOf(string type) => type switch
    {
        "Null" => new([JsonValueKind.Null], "null", "null"),
        "Boolean" => new([JsonValueKind.True, JsonValueKind.False], "true or false", "true"),
        // The Query API writes numbers as strings so that a long stays exact; a JSON number is read as well.
        "Integer" => new([JsonValueKind.String, JsonValueKind.Number], "a whole number in a string", "\"42\""),
        "Float" => new([JsonValueKind.String, JsonValueKind.Number], "a number in a string", "\"4.2\""),
        "String" or "Base64" => TextForm,
        "Date" => TextForm with { Example = "\"2024-02-29\"" },
        "Time" or "LocalTime" => TextForm with { Example = "\"12:00:00\"" },
        "LocalDateTime" => TextForm with { Example = "\"2024-02-29T12:00:00\"" },
        "OffsetDateTime" or "ZonedDateTime" or "DateTime" => TextForm with { Example = "\"2024-02-29T12:00:00Z\"" },
        "Duration" => TextForm with { Example = "\"P1DT2H\"" },
        "Point" => TextForm with { Example = "\"SRID=7203;POINT (1 2)\"" },
        "List" => new([JsonValueKind.Array], "an array of typed values", "[]"),
        "Map" => new([JsonValueKind.Object], "an object of names to typed values", "{}"),
        _ => throw new FormatException($"unknown $type '{type}'"),
    };

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        var kind => kind.ToString().ToLowerInvariant(),
    };

    private static object? ReadTyped(string type, JsonElement value) => type switch
    {
        "Null" => null,
        "Boolean" => value.GetBoolean(),
        "Integer" => long.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? l : throw new FormatException($"'{value}' is not an Integer"),
        "Float" => double.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d : throw new FormatException($"'{value}' is not a Float"),
        "String" => value.GetString(),
        "Date" or "Time" or "LocalTime" or "LocalDateTime" or "OffsetDateTime" or "ZonedDateTime" or "DateTime" or "Duration" =>
            CypherTemporal.Parse(type, value.GetString()!),
        "Point" => Graph.Model.SpatialPoint.Parse(value.GetString()!),
        "Base64" => FromBase64(value.GetString()!),
        "List" => value.EnumerateArray().Select(v => ReadValue(v, typed: true)).ToList(),
        "Map" => value.EnumerateObject().ToDictionary(p => p.Name, p => ReadValue(p.Value, typed: true), StringComparer.Ordinal),
        _ => throw new FormatException($"unknown $type '{type}'"),
    };

    private static byte[] FromBase64(string text)
    {
        var bytes = new byte[text.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(text, bytes, out var length)
            ? bytes[..length]
            : throw new FormatException($"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not Base64");
    }

    /// <summary>Writes JSON with the writer this API uses and returns its UTF-8 bytes.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions)) write(json);
        return stream.ToArray();
    }

    public static string WriteResult(CypherResult result, bool typed, bool includeCounters) =>
        System.Text.Encoding.UTF8.GetString(Write(json => WriteResult(json, result, typed, includeCounters, null)));

    /// <summary>A whole auto-commit answer: data, counters when asked, and the bookmark of a write.</summary>
    public static void WriteResult(Utf8JsonWriter json, CypherResult result, bool typed, bool includeCounters, string? bookmark, bool briefNodes = false)
    {
        json.WriteStartObject();
        WriteResultFields(json, result, typed, includeCounters, briefNodes);
        json.WriteStartArray("bookmarks");
        if (bookmark is not null) json.WriteStringValue(bookmark);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// The <c>data</c> (fields and one array per row) and, when asked, <c>counters</c> of a result. With
    /// <paramref name="briefNodes"/> (typed JSON only), nodes leave out their long texts (see <see cref="BriefTextLength"/>).
    /// </summary>
    public static void WriteResultFields(Utf8JsonWriter json, CypherResult result, bool typed, bool includeCounters, bool briefNodes = false)
    {
        json.WriteStartObject("data");
        json.WriteStartArray("fields");
        foreach (var column in result.Columns) json.WriteStringValue(column);
        json.WriteEndArray();
        json.WriteStartArray("values");
        foreach (var row in result.Rows)
        {
            json.WriteStartArray();
            foreach (var value in row)
            {
                if (typed) WriteTyped(json, value, briefNodes);
                else WritePlain(json, value);
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        if (includeCounters) WriteCounters(json, result.Counters);
        if (result.Plan is { } plan) WritePlan(json, plan, result.Profiled, root: true);
    }

    /// <summary>
    /// EXPLAIN's <c>queryPlan</c> or PROFILE's <c>profiledQueryPlan</c>, as Neo4j's Query API writes them: per operator
    /// its type, arguments (Details, EstimatedRows, and at the root the planner and the plan as a text table), identifiers
    /// and children; a profiled operator also its db hits and records (the engine keeps no page cache, so those are 0).
    /// </summary>
    private static void WritePlan(Utf8JsonWriter json, CypherPlan plan, bool profiled, bool root)
    {
        if (root) json.WriteStartObject(profiled ? "profiledQueryPlan" : "queryPlan");
        else json.WriteStartObject();
        if (profiled)
        {
            json.WriteNumber("dbHits", plan.DbHits ?? 0);
            json.WriteNumber("records", plan.Rows ?? 0);
            json.WriteBoolean("hasPageCacheStats", false);
            json.WriteNumber("pageCacheHits", 0);
            json.WriteNumber("pageCacheMisses", 0);
            json.WriteNumber("pageCacheHitRatio", 0.0);
            json.WriteNumber("time", 0);
        }

        json.WriteString("operatorType", plan.OperatorType);
        json.WriteStartObject("arguments");
        if (root)
        {
            json.WriteString("planner", "COST");
            json.WriteString("planner-impl", "CARDINALITY");
            json.WriteString("runtime", "INTERPRETED");
            json.WriteString("string-representation", Graph.Cypher.Planning.PlanTable.Render(plan, profiled));
        }

        json.WriteString("Details", plan.Details);
        json.WriteNumber("EstimatedRows", plan.EstimatedRows);
        if (profiled)
        {
            json.WriteNumber("Rows", plan.Rows ?? 0);
            json.WriteNumber("DbHits", plan.DbHits ?? 0);
        }

        json.WriteEndObject();
        json.WriteStartArray("identifiers");
        foreach (var identifier in plan.Identifiers) json.WriteStringValue(identifier);
        json.WriteEndArray();
        json.WriteStartArray("children");
        foreach (var child in plan.Children) WritePlan(json, child, profiled, root: false);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCounters(Utf8JsonWriter json, CypherCounters c)
    {
        json.WriteStartObject("counters");
        json.WriteBoolean("containsUpdates", c.ContainsUpdates);
        json.WriteNumber("nodesCreated", c.NodesCreated);
        json.WriteNumber("nodesDeleted", c.NodesDeleted);
        json.WriteNumber("propertiesSet", c.PropertiesSet);
        json.WriteNumber("relationshipsCreated", c.RelationshipsCreated);
        json.WriteNumber("relationshipsDeleted", c.RelationshipsDeleted);
        json.WriteNumber("labelsAdded", c.LabelsAdded);
        json.WriteNumber("labelsRemoved", c.LabelsRemoved);
        json.WriteNumber("indexesAdded", c.IndexesAdded);
        json.WriteNumber("indexesRemoved", c.IndexesRemoved);
        json.WriteNumber("constraintsAdded", c.ConstraintsAdded);
        json.WriteNumber("constraintsRemoved", c.ConstraintsRemoved);
        json.WriteBoolean("containsSystemUpdates", false);
        json.WriteNumber("systemUpdates", 0);
        json.WriteEndObject();
    }

    public static void WritePlain(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case long l: json.WriteNumberValue(l); break;
            case int i: json.WriteNumberValue(i); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case double d: json.WriteStringValue(d.ToString(CultureInfo.InvariantCulture)); break;
            case string s: json.WriteStringValue(s); break;
            // Plain JSON has no such types: ISO-8601 text, WKT and base64, as Neo4j writes them.
            case CypherTemporal t: json.WriteStringValue(t.QueryApiValue); break;
            case Graph.Model.SpatialPoint p: json.WriteStringValue(p.Wkt); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            case CypherNode node:
                json.WriteStartObject();
                json.WriteString("elementId", node.ElementId);
                json.WriteStartArray("labels");
                foreach (var label in node.Labels) json.WriteStringValue(label);
                json.WriteEndArray();
                json.WritePropertyName("properties");
                WritePlainMap(json, node.Properties);
                json.WriteEndObject();
                break;
            case CypherRelationship r:
                json.WriteStartObject();
                json.WriteString("elementId", r.ElementId);
                json.WriteString("startNodeElementId", r.StartNodeElementId);
                json.WriteString("endNodeElementId", r.EndNodeElementId);
                json.WriteString("type", r.Type);
                json.WritePropertyName("properties");
                WritePlainMap(json, r.Properties);
                json.WriteEndObject();
                break;
            case CypherPath path:
                json.WriteStartArray();
                foreach (var element in PathElements(path)) WritePlain(json, element);
                json.WriteEndArray();
                break;
            case IEnumerable<KeyValuePair<string, object?>> map: WritePlainMap(json, map); break;
            case System.Collections.IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list) WritePlain(json, item);
                json.WriteEndArray();
                break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static void WritePlainMap(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> map)
    {
        json.WriteStartObject();
        foreach (var (key, value) in map)
        {
            json.WritePropertyName(key);
            WritePlain(json, value);
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// In a brief answer, a node's string properties longer than this are left out and named in <c>_omitted</c>: the
    /// explorer draws five thousand paragraphs from their ids, labels and numbers, and asks for a node's full text when
    /// a person selects it. Their texts were nine tenths of the answer's 4.6 MB.
    /// </summary>
    public const int BriefTextLength = 160;

    public static void WriteTyped(Utf8JsonWriter json, object? value, bool briefNodes = false)
    {
        json.WriteStartObject();
        switch (value)
        {
            case null: json.WriteString("$type", "Null"); json.WriteNull("_value"); break;
            case bool b: json.WriteString("$type", "Boolean"); json.WriteBoolean("_value", b); break;
            case long l: json.WriteString("$type", "Integer"); json.WriteString("_value", l.ToString(CultureInfo.InvariantCulture)); break;
            case int i: json.WriteString("$type", "Integer"); json.WriteString("_value", i.ToString(CultureInfo.InvariantCulture)); break;
            case double d: json.WriteString("$type", "Float"); json.WriteString("_value", d.ToString("R", CultureInfo.InvariantCulture)); break;
            case string s: json.WriteString("$type", "String"); json.WriteString("_value", s); break;
            case CypherTemporal t: json.WriteString("$type", t.Type); json.WriteString("_value", t.QueryApiValue); break;
            case Graph.Model.SpatialPoint p: json.WriteString("$type", "Point"); json.WriteString("_value", p.Wkt); break;
            case byte[] bytes: json.WriteString("$type", "Base64"); json.WriteBase64String("_value", bytes); break;
            case CypherNode node:
                json.WriteString("$type", "Node");
                json.WriteStartObject("_value");
                json.WriteString("_element_id", node.ElementId);
                json.WriteStartArray("_labels");
                foreach (var label in node.Labels) json.WriteStringValue(label);
                json.WriteEndArray();
                json.WritePropertyName("_properties");
                if (briefNodes) WriteBriefProperties(json, node.Properties);
                else WriteTypedMap(json, node.Properties);
                json.WriteEndObject();
                break;
            case CypherRelationship r:
                json.WriteString("$type", "Relationship");
                json.WriteStartObject("_value");
                json.WriteString("_element_id", r.ElementId);
                json.WriteString("_start_node_element_id", r.StartNodeElementId);
                json.WriteString("_end_node_element_id", r.EndNodeElementId);
                json.WriteString("_type", r.Type);
                json.WritePropertyName("_properties");
                WriteTypedMap(json, r.Properties);
                json.WriteEndObject();
                break;
            case CypherPath path:
                json.WriteString("$type", "Path");
                json.WriteStartArray("_value");
                foreach (var element in PathElements(path)) WriteTyped(json, element, briefNodes);
                json.WriteEndArray();
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                json.WriteString("$type", "Map");
                json.WritePropertyName("_value");
                WriteTypedMap(json, map, briefNodes);
                break;
            case System.Collections.IEnumerable list:
                json.WriteString("$type", "List");
                json.WriteStartArray("_value");
                foreach (var item in list) WriteTyped(json, item, briefNodes);
                json.WriteEndArray();
                break;
            default: json.WriteString("$type", "String"); json.WriteString("_value", Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
        json.WriteEndObject();
    }

    private static void WriteTypedMap(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> map, bool briefNodes = false)
    {
        json.WriteStartObject();
        foreach (var (key, value) in map)
        {
            json.WritePropertyName(key);
            WriteTyped(json, value, briefNodes);
        }
        json.WriteEndObject();
    }

    /// <summary>A node's properties without its long strings; the names of those left out follow as <c>_omitted</c>.</summary>
    private static void WriteBriefProperties(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        List<string>? omitted = null;
        json.WriteStartObject();
        foreach (var (key, value) in properties)
        {
            if (value is string { Length: > BriefTextLength })
            {
                (omitted ??= []).Add(key);
                continue;
            }
            json.WritePropertyName(key);
            WriteTyped(json, value);
        }
        json.WriteEndObject();
        if (omitted is null) return;
        json.WriteStartArray("_omitted");
        foreach (var key in omitted) json.WriteStringValue(key);
        json.WriteEndArray();
    }

    /// <summary>A path as the Query API writes it: node, relationship, node, … in traversal order.</summary>
    private static IEnumerable<object> PathElements(CypherPath path)
    {
        for (var i = 0; i < path.Nodes.Count; i++)
        {
            yield return path.Nodes[i];
            if (i < path.Relationships.Count) yield return path.Relationships[i];
        }
    }
}

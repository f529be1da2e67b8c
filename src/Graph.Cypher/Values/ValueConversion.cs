using System.Collections;
using System.Globalization;
using System.Text.Json;
using Graph.Cypher.Storage;

namespace Graph.Cypher.Values;

/// <summary>Between CLR values (parameters, results) and runtime values.</summary>
internal static class ValueConversion
{
    /// <summary>
    /// A parameter as a runtime value. Nesting is bounded like the values a query builds
    /// (<see cref="ValueSize.MaxDepth"/>), so that no walk over it can exhaust the stack.
    /// </summary>
    public static object? FromClr(object? value) => FromClr(value, 0);

    private static object? FromClr(object? value, int depth) => depth > ValueSize.MaxDepth ? throw ValueSize.TooDeep() : value switch
    {
        null => null,
        bool or long or double or string => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint ui => (long)ui,
        sbyte sb => (long)sb,
        ushort us => (long)us,
        // Each branch boxed on its own: a conditional of long and double would make both a double.
        ulong ul => ul <= long.MaxValue ? (object)(long)ul : (double)ul,
        JsonElement json => FromJson(json, depth),
        float f => (double)f,
        decimal m => (double)m,
        char c => c.ToString(),
        byte[] bytes => bytes,
        // The virtual nodes and relationships db.schema.visualization() draws: not in the graph, so passed through whole.
        CypherNode or CypherRelationship => value,
        // Nodes and relationships a built-in procedure found in the graph (the full-text queries).
        NodeRef or RelRef => value,
        List<object?> list when list.All(IsRuntime) => list,
        IDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => FromClr(e.Value, depth + 1), StringComparer.Ordinal),
        IEnumerable enumerable when value is not string => enumerable.Cast<object?>().Select(e => FromClr(e, depth + 1)).ToList(),
        CypherTemporal t => Execution.TemporalFunctions.ParseTyped(t.Type, t.Value),
        Graph.Model.SpatialPoint => value,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// A parameter still in JSON (as a web reader may hand it over): a number with no fraction or exponent is an
    /// INTEGER, as Neo4j reads it, so <c>LIMIT $n</c> works and integers past 2^53 keep every digit.
    /// </summary>
    private static object? FromJson(JsonElement json, int depth) => depth > ValueSize.MaxDepth ? throw ValueSize.TooDeep() : json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.TryGetInt64(out var l) ? (object)l : json.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => json.EnumerateArray().Select(e => FromJson(e, depth + 1)).ToList(),
        JsonValueKind.Object => json.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value, depth + 1), StringComparer.Ordinal),
        _ => null,
    };

    private static bool IsRuntime(object? v) => v is null or bool or long or double or string;

    /// <summary>
    /// A runtime value as the result holds it. Recursive, but only as deep as a value can be
    /// (<see cref="ValueSize.MaxDepth"/>); the stack check is the last line of defence.
    /// </summary>
    public static object? ToClr(object? value, IGraphAccess graph, Execution.ExecutionContext context)
    {
        switch (value)
        {
            case null or bool or long or double or string:
                return value;
            case List<object?> list:
                {
                    Descend(context);
                    var result = new List<object?>(list.Count);
                    foreach (var element in list)
                    {
                        result.Add(ToClr(element, graph, context));
                    }

                    return result;
                }

            case Dictionary<string, object?> map:
                {
                    Descend(context);
                    var result = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
                    foreach (var (key, element) in map)
                    {
                        result[key] = ToClr(element, graph, context);
                    }

                    return result;
                }

            default:
                return ToClrEntity(value, graph, context);
        }
    }

    private static void Descend(Execution.ExecutionContext context)
    {
        context.Tick();
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    private static object? ToClrEntity(object value, IGraphAccess graph, Execution.ExecutionContext context) => value switch
    {
        NodeRef node => Node(node.Id, graph, context),
        RelRef rel => Relationship(rel.Id, graph, context),
        TemporalValue temporal => new CypherTemporal(temporal.TypeName, temporal.Format()),
        Graph.Model.SpatialPoint => value,
        byte[] bytes => bytes,
        CypherNode or CypherRelationship => value,
        PathValue path => new CypherPath(
            path.Nodes.Select(n => Node(n, graph, context)).ToList(),
            path.Relationships.Select(r => Relationship(r, graph, context)).ToList()),
        _ => value.ToString(),
    };

    private static CypherNode Node(long id, IGraphAccess graph, Execution.ExecutionContext context)
    {
        if (context.DeletedNodes.TryGetValue(id, out var deleted))
        {
            return new CypherNode(graph.NodeElementId(id), deleted.Labels, ToClrMap(deleted.Properties, graph, context));
        }

        return new CypherNode(graph.NodeElementId(id), graph.LabelsOf(id).ToList(), ToClrMap(graph.NodeProperties(id), graph, context));
    }

    private static CypherRelationship Relationship(long id, IGraphAccess graph, Execution.ExecutionContext context)
    {
        if (context.DeletedRelationships.TryGetValue(id, out var deleted))
        {
            return new CypherRelationship(graph.RelationshipElementId(id), graph.NodeElementId(deleted.Ends.Start),
                graph.NodeElementId(deleted.Ends.End), deleted.Ends.Type, ToClrMap(deleted.Properties, graph, context));
        }

        var (start, end, type) = graph.Endpoints(id);
        return new CypherRelationship(graph.RelationshipElementId(id), graph.NodeElementId(start), graph.NodeElementId(end), type,
            ToClrMap(graph.RelationshipProperties(id), graph, context));
    }

    /// <summary>
    /// An entity's properties as the result holds them. Every occurrence of a node or relationship in the result is a
    /// copy of its properties, so the copy counts against the query's memory budget: a row only counts its slots, and
    /// 5,000 rows of the same 2,000 paragraphs would otherwise build gigabytes before anything noticed.
    /// </summary>
    private static Dictionary<string, object?> ToClrMap(IReadOnlyDictionary<string, object?> map, IGraphAccess graph,
        Execution.ExecutionContext context)
    {
        var bytes = ValueSize.MapBytes + EntityBytes;
        foreach (var value in map.Values)
        {
            bytes += ValueSize.MapEntryBytes + ValueSize.Of(value).Bytes;
        }

        context.Budget.Retain(bytes);
        return map.ToDictionary(e => e.Key, e => ToClr(e.Value, graph, context), StringComparer.Ordinal);
    }

    /// <summary>The entity record itself, its element id and its labels or ends, beside its property map.</summary>
    private const long EntityBytes = 160;
}

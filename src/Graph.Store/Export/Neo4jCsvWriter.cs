using System.Collections;
using System.Text;
using Graph.Model;

namespace Graph.Store.Export;

/// <summary>
/// Writes a graph as the two CSV files <c>neo4j-admin database import full</c> reads: nodes with an
/// <c>id:ID</c> column (stored as the property <c>id</c>), <c>:LABEL</c> (labels joined by ';') and typed
/// property columns (<c>session:long</c>, <c>aliases:string[]</c>); relationships with <c>:START_ID</c>,
/// <c>:END_ID</c>, <c>:TYPE</c> and typed property columns. Arrays use ';' between elements (the import
/// default). Present fields are quoted, absent ones empty; paragraph text may span lines, so import with
/// <c>--multiline-fields=true</c>. Every string cell (ids, labels, types, string properties, each element of a
/// string array) goes through <see cref="CsvCell.Safe"/>: one that a spreadsheet would take for a formula gets a
/// leading <c>'</c>, which neo4j-admin keeps as part of the value; numbers and booleans in typed columns never do.
/// </summary>
public static class Neo4jCsvWriter
{
    public const string ImportCommand =
        "neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv --multiline-fields=true neo4j";

    public static void Write(GraphData graph, TextWriter nodes, TextWriter relationships)
    {
        WriteNodes(graph.Nodes, nodes);
        WriteRelationships(graph.Relationships, relationships);
    }

    /// <summary>The nodes file; <paramref name="nodes"/> is enumerated twice (column types, then rows) and may be streamed.</summary>
    public static void WriteNodes(IEnumerable<GraphNode> nodes, TextWriter output)
    {
        var nodeColumns = PropertyColumns.Of(nodes.Select(n => (IReadOnlyDictionary<string, object?>)n.Properties), PropertyNames.Id);
        WriteRow(output, ["id:ID", ":LABEL", .. nodeColumns.Columns.Select(Header)]);
        foreach (var node in nodes)
            WriteRow(output, [CsvCell.Safe(node.Id), string.Join(';', node.Labels.Select(CsvCell.Safe)), .. nodeColumns.Columns.Select(c => Field(node.Properties, c))]);
    }

    /// <summary>The relationships file; <paramref name="relationships"/> is enumerated twice (column types and keys, then rows) and may be streamed.</summary>
    public static void WriteRelationships(IEnumerable<GraphRelationship> relationships, TextWriter output)
    {
        var withKeys = false;
        var relationshipColumns = PropertyColumns.Of(relationships.Select(r =>
        {
            withKeys |= r.Key.Length > 0;
            return (IReadOnlyDictionary<string, object?>)r.Properties;
        }), "key");
        WriteRow(output, [":START_ID", ":END_ID", ":TYPE", .. withKeys ? ["key:string"] : Array.Empty<string>(), .. relationshipColumns.Columns.Select(Header)]);
        foreach (var relationship in relationships)
            WriteRow(output, [CsvCell.Safe(relationship.Start), CsvCell.Safe(relationship.End), CsvCell.Safe(relationship.Type),
                .. withKeys ? [CsvCell.Safe(relationship.Key)] : Array.Empty<string>(),
                .. relationshipColumns.Columns.Select(c => Field(relationship.Properties, c))]);
    }

    private static string Header((string Name, ColumnType Type) column) => column.Type switch
    {
        ColumnType.Boolean => $"{column.Name}:boolean",
        ColumnType.Long => $"{column.Name}:long",
        ColumnType.Double => $"{column.Name}:double",
        ColumnType.LongArray => $"{column.Name}:long[]",
        ColumnType.DoubleArray => $"{column.Name}:double[]",
        ColumnType.StringArray => $"{column.Name}:string[]",
        _ => $"{column.Name}:string",
    };

    /// <summary>The field's text; null for an absent property, written as an empty unquoted field (no property on import).</summary>
    private static string? Field(IReadOnlyDictionary<string, object?> properties, (string Name, ColumnType Type) column)
    {
        if (!properties.TryGetValue(column.Name, out var value) || value is null) return null;
        return column.Type switch
        {
            ColumnType.LongArray or ColumnType.DoubleArray when value is IList list =>
                string.Join(';', list.Cast<object?>().Select(PropertyColumns.Text)),
            ColumnType.StringArray when value is IList list =>
                string.Join(';', list.Cast<object?>().Select(v => CsvCell.Safe(PropertyColumns.Text(v)))),
            ColumnType.String => CsvCell.Safe(PropertyColumns.Text(value)),
            _ => PropertyColumns.Text(value),
        };
    }

    private static void WriteRow(TextWriter writer, IEnumerable<string?> fields)
    {
        var line = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first) line.Append(',');
            first = false;
            if (field is not null) line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        writer.Write(line.Append('\n'));
    }
}

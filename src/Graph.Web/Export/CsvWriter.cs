using System.Text;
using Graph.Model;

namespace Graph.Web.Export;

/// <summary>
/// Writes a graph as two RFC 4180 tables (nodes; relationships), one column per property, so a
/// spreadsheet opens them as they are.
/// </summary>
internal static class CsvWriter
{
    public static byte[] WriteNodes(GraphData graph)
    {
        var keys = graph.Nodes.SelectMany(n => n.Properties.Keys).Where(k => k != PropertyNames.Id)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        Row(csv, ["id", "labels", .. keys]);
        foreach (var node in graph.Nodes)
            Row(csv, [node.Id, string.Join(':', node.Labels), .. keys.Select(k => GraphMlWriter.Text(node.Properties.GetValueOrDefault(k)))]);
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static byte[] WriteRelationships(GraphData graph)
    {
        var keys = graph.Relationships.SelectMany(r => r.Properties.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        Row(csv, ["start", "type", "end", .. keys]);
        foreach (var r in graph.Relationships)
            Row(csv, [r.Start, r.Type, r.End, .. keys.Select(k => GraphMlWriter.Text(r.Properties.GetValueOrDefault(k)))]);
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static void Row(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}

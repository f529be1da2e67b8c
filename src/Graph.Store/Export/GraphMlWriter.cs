using System.Xml;
using Graph.Model;

namespace Graph.Store.Export;

/// <summary>
/// Writes a graph as GraphML (graphml.graphdrawing.org) with typed attribute keys, as Gephi and
/// Cytoscape desktop read it: node labels as a <c>labels</c> attribute (":Document:Resolution"), a
/// <c>label</c> for display (title, name or id), relationship types as <c>type</c>, lists as JSON text.
/// </summary>
public static class GraphMlWriter
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    /// <summary>Writes UTF-8 (no byte order mark) with the matching declaration, <c>encoding="utf-8"</c>: the form for files and HTTP.</summary>
    public static void Write(GraphData graph, Stream output) => Write(graph.Nodes, graph.Relationships, output);

    /// <summary>
    /// Writes through a text writer, declaring the writer's own encoding (a <see cref="StringWriter"/> is UTF-16):
    /// bytes made from the text later must use that encoding, so files and responses use the <see cref="Stream"/> form.
    /// </summary>
    public static void Write(GraphData graph, TextWriter output) => Write(graph.Nodes, graph.Relationships, output);

    /// <summary>
    /// Writes UTF-8 as it reads: <paramref name="nodes"/> and <paramref name="relationships"/> are enumerated twice
    /// (once for the attribute keys, once for the elements) and may be streamed, so the graph is never held whole.
    /// </summary>
    public static void Write(IEnumerable<GraphNode> nodes, IEnumerable<GraphRelationship> relationships, Stream output)
    {
        using var xml = XmlWriter.Create(output, Settings(new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
        Write(nodes, relationships, xml);
    }

    /// <summary>As the <see cref="Stream"/> form, through a text writer whose encoding is declared.</summary>
    public static void Write(IEnumerable<GraphNode> nodes, IEnumerable<GraphRelationship> relationships, TextWriter output)
    {
        using var xml = XmlWriter.Create(output, Settings(output.Encoding));
        Write(nodes, relationships, xml);
    }

    private static XmlWriterSettings Settings(System.Text.Encoding encoding) =>
        new() { Indent = true, CloseOutput = false, Encoding = encoding, CheckCharacters = true };

    private static void Write(IEnumerable<GraphNode> nodes, IEnumerable<GraphRelationship> relationships, XmlWriter xml)
    {
        var nodeColumns = PropertyColumns.Of(nodes.Select(n => (IReadOnlyDictionary<string, object?>)n.Properties), "label", "labels");
        var edgeColumns = PropertyColumns.Of(relationships.Select(r => (IReadOnlyDictionary<string, object?>)r.Properties), "type", "key");
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        WriteKey(xml, "label", "node", "label", "string");
        WriteKey(xml, "labels", "node", "labels", "string");
        for (var i = 0; i < nodeColumns.Columns.Count; i++)
            WriteKey(xml, $"n{i}", "node", nodeColumns.Columns[i].Name, GraphMlType(nodeColumns.Columns[i].Type));
        WriteKey(xml, "type", "edge", "type", "string");
        WriteKey(xml, "key", "edge", "key", "string");
        for (var i = 0; i < edgeColumns.Columns.Count; i++)
            WriteKey(xml, $"e{i}", "edge", edgeColumns.Columns[i].Name, GraphMlType(edgeColumns.Columns[i].Type));

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", "G");
        xml.WriteAttributeString("edgedefault", "directed");
        foreach (var node in nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", StripInvalidXmlCharacters(node.Id));
            WriteData(xml, "label", node.GetString("title") ?? node.GetString("name") ?? node.Id);
            WriteData(xml, "labels", ":" + string.Join(':', node.Labels));
            WriteProperties(xml, "n", nodeColumns, node.Properties);
            xml.WriteEndElement();
        }
        var edge = 0;
        foreach (var relationship in relationships)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", $"r{edge++}");
            xml.WriteAttributeString("source", StripInvalidXmlCharacters(relationship.Start));
            xml.WriteAttributeString("target", StripInvalidXmlCharacters(relationship.End));
            WriteData(xml, "type", relationship.Type);
            if (relationship.Key.Length > 0) WriteData(xml, "key", relationship.Key);
            WriteProperties(xml, "e", edgeColumns, relationship.Properties);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteProperties(XmlWriter xml, string prefix, PropertyColumns columns, IReadOnlyDictionary<string, object?> properties)
    {
        for (var i = 0; i < columns.Columns.Count; i++)
            if (properties.TryGetValue(columns.Columns[i].Name, out var value) && value is not null)
                WriteData(xml, $"{prefix}{i}", PropertyColumns.Text(value));
    }

    private static void WriteKey(XmlWriter xml, string id, string target, string name, string type)
    {
        xml.WriteStartElement("key", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", target);
        xml.WriteAttributeString("attr.name", StripInvalidXmlCharacters(name));
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void WriteData(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(StripInvalidXmlCharacters(value));
        xml.WriteEndElement();
    }

    private static string GraphMlType(ColumnType type) => type switch
    {
        ColumnType.Boolean => "boolean",
        ColumnType.Long => "long",
        ColumnType.Double => "double",
        _ => "string",
    };

    /// <summary>Text from PDFs can hold control characters XML 1.0 forbids; they carry no meaning.</summary>
    private static string StripInvalidXmlCharacters(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        return new string([.. text.Where(XmlConvert.IsXmlChar)]);
    }
}

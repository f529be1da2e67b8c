using System.Text;
using System.Xml;
using Graph.Model;

namespace Graph.Web.Export;

/// <summary>
/// Writes a graph as GraphML (graphml.graphdrawing.org), which Gephi, yEd and Cytoscape desktop read.
/// Every property becomes a string-typed key; lists are joined with ";".
/// </summary>
internal static class GraphMlWriter
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public static byte[] Write(GraphData graph)
    {
        var nodeKeys = graph.Nodes.SelectMany(n => n.Properties.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var edgeKeys = graph.Relationships.SelectMany(r => r.Properties.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("graphml", Namespace);
            WriteKey(xml, "labels", "node", "labels");
            foreach (var key in nodeKeys) WriteKey(xml, "n_" + key, "node", key);
            WriteKey(xml, "type", "edge", "type");
            foreach (var key in edgeKeys) WriteKey(xml, "e_" + key, "edge", key);
            xml.WriteStartElement("graph", Namespace);
            xml.WriteAttributeString("id", "G");
            xml.WriteAttributeString("edgedefault", "directed");
            foreach (var node in graph.Nodes)
            {
                xml.WriteStartElement("node", Namespace);
                xml.WriteAttributeString("id", node.Id);
                WriteData(xml, "labels", string.Join(':', node.Labels));
                foreach (var (key, value) in node.Properties) WriteData(xml, "n_" + key, Text(value));
                xml.WriteEndElement();
            }
            foreach (var r in graph.Relationships)
            {
                xml.WriteStartElement("edge", Namespace);
                xml.WriteAttributeString("id", r.Id);
                xml.WriteAttributeString("source", r.Start);
                xml.WriteAttributeString("target", r.End);
                WriteData(xml, "type", r.Type);
                foreach (var (key, value) in r.Properties) WriteData(xml, "e_" + key, Text(value));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static void WriteKey(XmlWriter xml, string id, string domain, string name)
    {
        xml.WriteStartElement("key", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", domain);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", "string");
        xml.WriteEndElement();
    }

    private static void WriteData(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    internal static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => string.Join(';', list.Cast<object?>().Select(Text)),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

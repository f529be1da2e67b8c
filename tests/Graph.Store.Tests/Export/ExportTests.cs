using System.Xml.Linq;
using Graph.Model;
using Graph.Store.Export;
using Graph.Store.Tests.Contract;

namespace Graph.Store.Tests.Export;

public sealed class ExportTests
{
    private static readonly XNamespace GraphMl = "http://graphml.graphdrawing.org/xmlns";

    private static GraphData Graph()
    {
        var merger = new GraphMerger();
        foreach (var document in ContractDocuments.All()) merger.Add(document);
        return merger.ToGraph();
    }

    [Fact]
    public void WritesGraphMlWithTypedKeysEveryNodeAndEveryEdge()
    {
        var graph = Graph();
        var writer = new StringWriter();
        GraphMlWriter.Write(graph, writer);

        var xml = XDocument.Parse(writer.ToString());
        var keys = xml.Root!.Elements(GraphMl + "key").ToDictionary(k => ((string)k.Attribute("for")!, (string)k.Attribute("attr.name")!), k => k);
        Assert.Equal("long", (string)keys[("node", "session")].Attribute("attr.type")!);
        Assert.Equal("boolean", (string)keys[("node", "stub")].Attribute("attr.type")!);
        Assert.Equal("string", (string)keys[("node", "title")].Attribute("attr.type")!);
        Assert.Equal("string", (string)keys[("edge", "paragraphs")].Attribute("attr.type")!);

        var graphElement = xml.Root.Element(GraphMl + "graph")!;
        Assert.Equal("directed", (string)graphElement.Attribute("edgedefault")!);
        var nodes = graphElement.Elements(GraphMl + "node").ToList();
        Assert.Equal(graph.Nodes.Select(n => n.Id), nodes.Select(n => (string)n.Attribute("id")!));
        var edges = graphElement.Elements(GraphMl + "edge").ToList();
        Assert.Equal(graph.Relationships.Count, edges.Count);
        var nodeIds = nodes.Select(n => (string)n.Attribute("id")!).ToHashSet();
        Assert.All(edges, e => Assert.Contains((string)e.Attribute("source")!, nodeIds));
        Assert.All(edges, e => Assert.Contains((string)e.Attribute("target")!, nodeIds));

        var resolution = nodes.Single(n => (string)n.Attribute("id")! == ContractDocuments.Res7713);
        string Data(XElement element, string key) => (string)element.Elements(GraphMl + "data").Single(d => (string)d.Attribute("key")! == key);
        Assert.Equal(":Document:Resolution", Data(resolution, "labels"));
        var sessionKey = (string)keys[("node", "session")].Attribute("id")!;
        Assert.Equal("77", Data(resolution, sessionKey));
        var aggregated = edges.First(e => (string)e.Attribute("source")! == ContractDocuments.Prst && Data(e, "type") == "CITES");
        Assert.Equal($"[\"{ContractDocuments.Prst}#pp1\"]", Data(aggregated, (string)keys[("edge", "paragraphs")].Attribute("id")!));
    }

    [Fact]
    public void WritesNeo4jAdminImportCsvWithTypedHeaders()
    {
        var graph = Graph();
        var nodes = new StringWriter();
        var relationships = new StringWriter();
        Neo4jCsvWriter.Write(graph, nodes, relationships);

        var nodeLines = nodes.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = nodeLines[0].Split(',');
        Assert.Equal("\"id:ID\"", header[0]);
        Assert.Equal("\":LABEL\"", header[1]);
        Assert.Contains("\"session:long\"", header);
        Assert.Contains("\"stub:boolean\"", header);
        Assert.DoesNotContain(header, h => h.StartsWith("\"id:", StringComparison.Ordinal) && h != "\"id:ID\"");
        Assert.Equal(graph.Nodes.Count + 1, nodeLines.Length);
        Assert.Contains(nodeLines, l => l.StartsWith($"\"{ContractDocuments.Res7713}\",\"Document;Resolution\",", StringComparison.Ordinal));

        var relationshipLines = relationships.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var relationshipHeader = relationshipLines[0].Split(',');
        Assert.Equal(["\":START_ID\"", "\":END_ID\"", "\":TYPE\"", "\"key:string\""], relationshipHeader[..4]);
        Assert.Contains("\"paragraphs:string[]\"", relationshipHeader);
        Assert.Contains("\"count:long\"", relationshipHeader);
        Assert.Equal(graph.Relationships.Count + 1, relationshipLines.Length);
        // An absent property is an empty, unquoted field, so the import leaves it unset.
        Assert.Contains(relationshipLines, l => l.Contains(",,", StringComparison.Ordinal));
    }

    [Fact]
    public void QuotesFieldsWithCommasQuotesAndLineBreaks()
    {
        var graph = new GraphData();
        graph.Nodes.Add(new GraphNode("p1", [Labels.Paragraph], new Dictionary<string, object?> { ["text"] = "says \"Kanal\", then\nmore" }));
        var nodes = new StringWriter();
        Neo4jCsvWriter.Write(graph, nodes, new StringWriter());
        Assert.Contains("\"says \"\"Kanal\"\", then\nmore\"", nodes.ToString(), StringComparison.Ordinal);
    }
}

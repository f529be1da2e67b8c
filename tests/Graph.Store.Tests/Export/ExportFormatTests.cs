using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using Graph.Model;
using Graph.Store.Export;

namespace Graph.Store.Tests.Export;

/// <summary>
/// Each export read back by a real reader: GraphML by System.Xml's XmlReader (DTDs off), the neo4j-admin CSV by
/// CsvHelper, over values made to break them: formula payloads, control characters, quotes, line breaks, non-ASCII.
/// </summary>
public sealed partial class ExportFormatTests
{
    private static readonly string[] Payloads =
    [
        "=HYPERLINK(\"http://127.0.0.1/x\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\tindented", "\rreturned",
        "bell\u0007 and escape\u001b[31m", "nul\0here", "says \"Kanal\", then\nmore", "Côte d’Ivoire — 🇨🇮", "plain",
    ];

    private static GraphData Tricky()
    {
        var graph = new GraphData();
        for (var i = 0; i < Payloads.Length; i++)
            graph.Nodes.Add(new GraphNode($"n{i}", [Labels.Paragraph], new Dictionary<string, object?>
            {
                ["text"] = Payloads[i],
                ["session"] = (long)(i - 5),
                ["share"] = i - 5.5,
                ["aliases"] = new List<object?> { Payloads[i], "-x" },
            }));
        graph.Nodes.Add(new GraphNode("-leading-dash", [Labels.Document]));
        graph.Relationships.Add(new GraphRelationship("CITES", "n0", "-leading-dash", new Dictionary<string, object?> { ["note"] = "=1+1", ["count"] = -3L }));
        return graph;
    }

    [Fact]
    public void GraphMlIsUtf8AsItDeclaresAndParsesWithXmlReader()
    {
        var graph = Tricky();
        using var bytes = new MemoryStream();
        GraphMlWriter.Write(graph, bytes);
        var content = bytes.ToArray();

        Assert.False(content.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte order mark");
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(content), StringComparison.Ordinal);
        string? declared = null;
        var texts = new List<string>();
        using (var reader = XmlReader.Create(new MemoryStream(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CheckCharacters = true }))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.XmlDeclaration) declared = reader.GetAttribute("encoding");
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "data" && reader.GetAttribute("key") == "n3")
                    texts.Add(reader.ReadElementContentAsString());
            }
        }
        Assert.Equal("utf-8", declared);
        // Every payload survives, less the characters XML 1.0 cannot hold (NUL, BEL, ESC); XML normalises a lone CR to LF.
        var expected = Payloads.Select(p => new string([.. p.Where(XmlConvert.IsXmlChar)]).Replace('\r', '\n')).ToList();
        Assert.Equal(expected, texts);
    }

    [Fact]
    public void CsvCellsRoundTripThroughCsvHelperNeutralisedAndEscaped()
    {
        var graph = Tricky();
        var nodes = new StringWriter();
        var relationships = new StringWriter();
        Neo4jCsvWriter.Write(graph, nodes, relationships);

        var rows = Parse(nodes.ToString());
        var header = rows[0];
        AssertNeo4jAdminHeader(header, "nodes");
        Assert.Equal(["id:ID", ":LABEL", "aliases:string[]", "session:long", "share:double", "text:string"], header);
        for (var i = 0; i < Payloads.Length; i++)
        {
            var row = rows[i + 1];
            var safe = Safe(Payloads[i]);
            Assert.Equal(safe, row[5]);
            Assert.Equal($"{safe};'-x", row[2]);
            // Numbers in typed columns stay numbers: a negative session is not neutralised.
            Assert.Equal((i - 5).ToString(CultureInfo.InvariantCulture), row[3]);
            Assert.Equal((i - 5.5).ToString("R", CultureInfo.InvariantCulture), row[4]);
            Assert.All(new[] { row[0], row[1], row[2], row[5] }, cell => Assert.DoesNotMatch(FormulaStart(), cell));
            Assert.All(row, cell => Assert.DoesNotContain(cell, c => char.IsControl(c) && c is not ('\n' or '\t')));
        }
        Assert.Equal("'-leading-dash", rows[^1][0]);

        var relationshipRows = Parse(relationships.ToString());
        AssertNeo4jAdminHeader(relationshipRows[0], "relationships");
        // The end id is neutralised exactly as the node's id:ID, so the import still finds the node.
        Assert.Equal(["n0", "'-leading-dash", "CITES", "-3", "'=1+1"], relationshipRows[1]);
    }

    /// <summary>What the writer should make of a string: control characters as \uXXXX (not LF or tab), then a quote before a formula start.</summary>
    private static string Safe(string text)
    {
        var escaped = string.Concat(text.Select(c => char.IsControl(c) && c is not ('\n' or '\t') ? $"\\u{(int)c:X4}" : c.ToString()));
        return "=+-@\t\r".Contains(escaped[0], StringComparison.Ordinal) ? "'" + escaped : escaped;
    }

    private static List<string[]> Parse(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = context => throw new InvalidDataException($"bad CSV: {context.RawRecord}") });
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i) ?? "")]);
        return rows;
    }

    /// <summary>
    /// neo4j-admin database import's header rules: nodes have one :ID column (named or not) and may have :LABEL;
    /// relationships have :START_ID, :END_ID and :TYPE; every other column is name:type with a type it knows,
    /// optionally an array (type[]).
    /// </summary>
    private static void AssertNeo4jAdminHeader(string[] header, string file)
    {
        string[] types = ["int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"];
        var special = file == "nodes" ? new[] { ":ID", ":LABEL" } : [":START_ID", ":END_ID", ":TYPE"];
        foreach (var required in file == "nodes" ? [":ID"] : special)
            Assert.Single(header, h => h.EndsWith(required, StringComparison.Ordinal));
        foreach (var column in header.Where(h => !special.Any(s => h.EndsWith(s, StringComparison.Ordinal))))
        {
            var parts = column.Split(':');
            Assert.True(parts.Length == 2 && parts[0].Length > 0 && types.Contains(parts[1].TrimEnd('[', ']')), $"{file}: '{column}' is not a neo4j-admin column header");
        }
    }

    [GeneratedRegex(@"^[=+\-@\t\r]")]
    private static partial Regex FormulaStart();
}

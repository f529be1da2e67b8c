using System.Globalization;
using System.Text;
using Graph.Model;
using Graph.Store;
using Graph.Store.Memory;

namespace Graph.Cli.Bench;

/// <summary>
/// Writes the graph the peer engine loads: every Document node (id, year, body) and every CITES relationship
/// from one document to another, as two CSV files with a header row. Paragraph-level citations are left out:
/// the peer has only documents.
/// </summary>
internal static class PeerExport
{
    public const string DocumentsFile = "documents.csv";
    public const string CitesFile = "cites.csv";

    /// <summary>The header of <see cref="DocumentsFile"/>, in the order bench/kuzu/peer.mjs declares the table.</summary>
    public static readonly IReadOnlyList<string> DocumentColumns = ["id", "year", "body"];

    /// <summary>The header of <see cref="CitesFile"/>: the citing document's id, then the cited one's.</summary>
    public static readonly IReadOnlyList<string> CitesColumns = ["from", "to"];

    public static (long Documents, long Cites) Write(MemoryGraph graph, string directory)
    {
        Directory.CreateDirectory(directory);
        long documents = 0, cites = 0;
        using var _ = graph.EnterRead();
        var ids = graph.NodeIdsByLabel(Labels.Document);
        var isDocument = new HashSet<long>(ids);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using (var writer = new StreamWriter(Path.Combine(directory, DocumentsFile), append: false, utf8))
        {
            writer.Write(string.Join(',', DocumentColumns) + "\n");
            foreach (var id in ids)
            {
                if (!graph.TryGetNode(id, out var node) || node.Key is not { } key) continue;
                var year = node.Properties.TryGetValue("year", out var y) && y is long number ? number.ToString(CultureInfo.InvariantCulture) : "";
                var body = node.Properties.TryGetValue("body", out var b) && b is string text ? Quote(text) : "";
                writer.Write($"{Quote(key)},{year},{body}\n");
                documents++;
            }
        }
        using (var writer = new StreamWriter(Path.Combine(directory, CitesFile), append: false, utf8))
        {
            writer.Write(string.Join(',', CitesColumns) + "\n");
            foreach (var id in ids)
            {
                if (!graph.TryGetNode(id, out var node) || node.Key is not { } from) continue;
                foreach (var cite in graph.GetRelationships(id, Direction.Outgoing, [RelationshipTypes.Cites]))
                {
                    if (!isDocument.Contains(cite.EndId) || !graph.TryGetNode(cite.EndId, out var cited) || cited.Key is not { } to) continue;
                    writer.Write($"{Quote(from)},{Quote(to)}\n");
                    cites++;
                }
            }
        }
        return (documents, cites);
    }

    /// <summary>RFC 4180 quoting, which Kuzu's COPY reads: the field in quotes, quotes inside doubled.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

using Graph.Model;

namespace Graph.Store.Tests;

/// <summary>
/// Generated documents in the shape of the graph model, for tests that need many documents (crash
/// points, ingest figures): series of General Assembly resolutions, each with preambular and operative
/// paragraphs, citing its predecessors (known or stubs) and a shared Security Council resolution,
/// mentioning organisations, succeeding the previous resolution of its series.
/// </summary>
internal static class SyntheticCorpus
{
    public static IReadOnlyList<GraphDocument> Create(int documents, int seed = 7, int paragraphs = 20)
    {
        var random = new Random(seed);
        var result = new List<GraphDocument>();
        for (var i = 0; i < documents; i++)
        {
            var series = i % 10;
            var session = 50 + i / 10;
            var id = $"A/RES/{session}/{series + 1}";
            var doc = new GraphDocument(id, $"Resolution {session}/{series + 1}, document {i} of corpus {seed}");
            doc.Nodes.Add(new GraphNode(id, [Labels.Document, Labels.Resolution], new Dictionary<string, object?>
            {
                ["symbol"] = id, ["body"] = "General Assembly", ["kind"] = "resolution", ["session"] = (long)session,
                ["year"] = 1945L + session, ["adoptionDate"] = $"{1945 + session}-12-{1 + series:D2}",
                ["title"] = $"Cooperation on topic {series} (session {session})", ["source"] = id, ["spanStart"] = 0L, ["spanEnd"] = 10L,
            }));
            doc.Nodes.Add(new GraphNode($"series:topic-{series}", [Labels.Series], new Dictionary<string, object?> { ["title"] = $"Cooperation on topic {series}" }));
            doc.Relationships.Add(new GraphRelationship(RelationshipTypes.InSeries, id, $"series:topic-{series}"));
            doc.Nodes.Add(new GraphNode("S/RES/1631 (2005)", [Labels.Document], new Dictionary<string, object?> { ["symbol"] = "S/RES/1631 (2005)", ["body"] = "Security Council", ["stub"] = true }));
            var count = paragraphs + random.Next(paragraphs);
            for (var p = 1; p <= count; p++)
            {
                var operative = p > count / 3;
                var pid = operative ? $"{id}#op{p - count / 3}" : $"{id}#pp{p}";
                doc.Nodes.Add(new GraphNode(pid, [Labels.Paragraph], new Dictionary<string, object?>
                {
                    ["kind"] = operative ? "operative" : "preambular", ["ordinal"] = (long)p,
                    ["text"] = $"Paragraph {p} of {id} on cooperation between the United Nations and organization {random.Next(20)}, word {random.Next(1000)};",
                    ["source"] = id, ["spanStart"] = (long)p * 100, ["spanEnd"] = (long)p * 100 + 90,
                }));
                doc.Relationships.Add(new GraphRelationship(RelationshipTypes.HasParagraph, id, pid, new Dictionary<string, object?> { ["ordinal"] = (long)p }));
                var org = $"org:org-{random.Next(20)}";
                if (doc.FindNode(org) is null) doc.Nodes.Add(new GraphNode(org, [Labels.Organization], new Dictionary<string, object?> { ["name"] = $"Organization {org[8..]}" }));
                doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Mentions, pid, org, new Dictionary<string, object?> { ["source"] = id }));
            }
            for (var earlier = session - 1; earlier >= Math.Max(40, session - 4); earlier--)
            {
                var cited = $"A/RES/{earlier}/{series + 1}";
                doc.Nodes.Add(new GraphNode(cited, [Labels.Document], new Dictionary<string, object?> { ["symbol"] = cited, ["body"] = "General Assembly", ["stub"] = true }));
                doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Cites, $"{id}#pp1", cited, new Dictionary<string, object?> { ["via"] = "inline", ["source"] = id }));
                doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Cites, id, cited, new Dictionary<string, object?> { ["count"] = 1L }));
                if (earlier == session - 1) doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Succeeds, id, cited));
            }
            doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Cites, id, "S/RES/1631 (2005)", new Dictionary<string, object?> { ["count"] = 1L }));
            result.Add(doc);
        }
        return result;
    }

    /// <summary>Writes each document as a graph document JSON file, named so that folder order is corpus order.</summary>
    public static IReadOnlyList<string> WriteFiles(IEnumerable<GraphDocument> documents, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        var index = 0;
        foreach (var document in documents)
        {
            var file = Path.Combine(folder, $"{index++:D5}.json");
            File.WriteAllText(file, GraphDocumentJson.Serialize(document));
            files.Add(file);
        }
        return files;
    }
}

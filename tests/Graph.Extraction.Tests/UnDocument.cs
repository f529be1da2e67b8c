using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// A text of the shared un-documents collection, extracted as <c>graph extract</c> reads it, and the views of its graph
/// that the tests of failure classes compare: what it cites, its paragraphs in order and its operative verbs. A test
/// whose text is absent is skipped with the file's name.
/// </summary>
internal static class UnDocument
{
    public static GraphDocument Extract(string folder, string file)
    {
        var path = Path.Combine(TestData.UnDocuments, folder, file);
        if (!File.Exists(path)) Assert.Skip($"{folder}/{file} is not in the reference collection.");
        return new DocumentExtractor().ExtractFile(path);
    }

    /// <summary>The documents the document cites (its Document → Document CITES).</summary>
    public static HashSet<string> Cited(GraphDocument document) =>
        [.. document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start == document.DocumentId).Select(r => r.End)];

    /// <summary>The document's own paragraphs, in their order.</summary>
    public static List<GraphNode> Paragraphs(GraphDocument document) =>
        [.. document.Relationships.Where(r => r.Type == RelationshipTypes.HasParagraph && r.Start == document.DocumentId)
            .Select(r => document.FindNode(r.End)).OfType<GraphNode>()
            .OrderBy(p => p.Properties.TryGetValue("ordinal", out var o) && o is long l ? l : long.MaxValue)];

    /// <summary>Each operative paragraph's verb, in order ("" where none was found).</summary>
    public static List<string> OperativeVerbs(GraphDocument document) =>
        [.. Paragraphs(document).Where(p => p.GetString("kind") == "operative").Select(p => p.GetString("verb") ?? "")];
}

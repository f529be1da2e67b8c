using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>An operation that a text names in several ways is one node, with the other names as its aliases.</summary>
public sealed class OperationAliasTests
{
    [Fact]
    public void OperationIriniAndEunavforMedIriniAreOneOperation()
    {
        // The Secretary-General's report S/2025/257 first writes "(Operation EUNAVFOR MED IRINI)", then "Operation IRINI".
        var file = TestData.CorpusFile("ai-un-report/S_2025_257.pdftotext.txt");
        var document = new DocumentExtractor().ExtractFile(file);

        var operations = document.Nodes.Where(n => n.Labels.Contains(Labels.Operation)).ToList();
        var irini = Assert.Single(operations, n => n.GetString("name")!.Contains("IRINI", StringComparison.Ordinal));
        Assert.Equal("operation:eunavfor-med-irini", irini.Id);
        Assert.Equal("EUNAVFOR MED IRINI", irini.GetString("name"));
        Assert.Contains("IRINI", Assert.IsAssignableFrom<System.Collections.IList>(irini.Properties["aliases"]).Cast<string>());
        Assert.Equal("European Union", irini.GetString("organization"));

        // Every mention keeps its own span and, where the text used another name, that name.
        var mentions = document.Relationships.Where(r => r.Type == RelationshipTypes.Mentions && r.End == irini.Id).ToList();
        Assert.True(mentions.Count >= 5, $"{mentions.Count} mentions of {irini.Id}");
        Assert.Contains(mentions, m => !m.Properties.ContainsKey("asWritten"));
        Assert.Contains(mentions, m => m.Properties.TryGetValue("asWritten", out var written) && (string?)written == "IRINI");
        Assert.All(mentions, m => Assert.True(m.Properties.ContainsKey(PropertyNames.SpanStart), $"{m.Start} → {m.End} has no span"));
        Assert.DoesNotContain(document.Nodes, n => n.Id == "operation:irini");
    }

    [Fact]
    public void TheGazetteerFindsAnOperationByAnyOfItsNamesWhateverTheCase()
    {
        var gazetteer = OperationGazetteer.Default;
        Assert.True(gazetteer.TryGet("Irini", out var entry));
        Assert.Equal("eunavfor-med-irini", entry.Id);
        Assert.True(gazetteer.TryGet("EUNAVFOR MED IRINI", out var canonical));
        Assert.Same(entry, canonical);
        // "Kanal", the CSTO's operation, has one name: the extractor keeps the name the text gives it.
        Assert.False(gazetteer.TryGet("Kanal", out _));
    }
}

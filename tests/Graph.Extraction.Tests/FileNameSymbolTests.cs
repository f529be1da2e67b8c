using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>When the text states no symbol, the file name is the last resort, joint symbols included.</summary>
public sealed class FileNameSymbolTests
{
    [Theory]
    [InlineData("A_77_277-S_2022_606.pdf", "A/77/277", "S/2022/606")]
    [InlineData("A_44_104.txt", "A/44/104", null)]
    public void ASymbolLessTextIsNamedByItsFile(string fileName, string expected, string? alias)
    {
        var document = new DocumentExtractor().ExtractText(fileName, "The present report describes the work of the year.\n\n1. The Secretary-General notes the progress made.");

        Assert.Equal(expected, document.DocumentId);
        Assert.Contains(document.Diagnostics, d => d.Code == "symbol-source");
        var aliases = document.FindNode(expected)?.Properties.GetValueOrDefault("aliases") as List<object?>;
        if (alias is null) Assert.Null(aliases);
        else Assert.Equal([alias], aliases!);
    }

    [Fact]
    public void AFileNameThatIsNoSymbolGivesADiagnostic()
    {
        var document = new DocumentExtractor().ExtractText("A_44_104-notes.txt", "Nothing here names a document.");

        Assert.StartsWith("file:", document.DocumentId, StringComparison.Ordinal);
        Assert.Contains(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}

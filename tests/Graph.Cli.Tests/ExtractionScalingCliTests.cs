using System.Globalization;

namespace Graph.Cli.Tests;

/// <summary>
/// <c>graph bench extraction-scaling</c>: a density it does not know is refused with a clear error, and the realistic
/// synthetic resolution cites a document about every 800 characters, as the benchmark's results say it does.
/// </summary>
public sealed class ExtractionScalingCliTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("graph-cli-scaling-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task UnknownDensityIsRefusedWithAClearError()
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "bench", "extraction-scaling", "--density", "sparse", "--no-collection");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--density knows dense and realistic, not 'sparse'", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealisticDensityCitesAboutEvery800CharactersAndIsWrittenAsMarkdown()
    {
        var output = _directory.CreateSubdirectory("results");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(3), "bench", "extraction-scaling", "--sizes", "1", "--density", "realistic", "--no-collection", "--out", output.FullName);

        Assert.True(result.ExitCode == 0, result.ToString());
        var markdown = await File.ReadAllTextAsync(Path.Combine(output.FullName, "results.md"), TestContext.Current.CancellationToken);
        var row = markdown.Split('\n').Single(l => l.StartsWith("| realistic | 1.0 MB |", StringComparison.Ordinal));
        // Columns: density, size, paragraphs, characters per citation, ...
        var charactersPerCitation = double.Parse(row.Split('|')[4].Trim(), CultureInfo.InvariantCulture);
        Assert.True(charactersPerCitation is > 700 and < 900, $"one citation every {charactersPerCitation} characters\n{markdown}");
        Assert.Contains("load average", markdown, StringComparison.Ordinal);
        // The bytes allocated and the collector's work, which say where time per MB goes when it grows with size.
        var cells = row.Split('|', StringSplitOptions.TrimEntries);
        var allocatedRatio = double.Parse(cells[15], CultureInfo.InvariantCulture);
        var keptRatio = double.Parse(cells[13], CultureInfo.InvariantCulture);
        Assert.True(allocatedRatio >= keptRatio, $"allocated {allocatedRatio}× the input, less than the {keptRatio}× kept\n{markdown}");
        Assert.Matches(@"^\d+/\d+/\d+$", cells[17]);
    }
}

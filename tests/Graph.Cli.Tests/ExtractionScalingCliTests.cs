using System.Globalization;

namespace Graph.Cli.Tests;

/// <summary>
/// <c>graph bench extraction-scaling</c>: a density or shape it does not know is refused with a clear error, the realistic
/// synthetic resolution cites a document about every 800 characters, as the benchmark's results say it does, and a hostile
/// shape is measured under its own name.
/// </summary>
public sealed class ExtractionScalingCliTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("graph-cli-scaling-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData("--density", "sparse", "--density knows dense and realistic, not 'sparse'")]
    [InlineData("--shape", "spiral", "--shape knows resolution, oneline, operation, symbols, ecosoc, footnotes, ibid, letters, agreements, htmlparagraphs, htmlspans and htmlpage, not 'spiral'")]
    public async Task UnknownDensityOrShapeIsRefusedWithAClearError(string option, string value, string error)
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "bench", "extraction-scaling", option, value, "--no-collection");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(error, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileShapeIsMeasuredUnderItsName()
    {
        var output = _directory.CreateSubdirectory("letters");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(3), "bench", "extraction-scaling", "--shape", "letters", "--sizes", "1", "--no-collection", "--out", output.FullName);

        Assert.True(result.ExitCode == 0, result.ToString());
        var markdown = await File.ReadAllTextAsync(Path.Combine(output.FullName, "results.md"), TestContext.Current.CancellationToken);
        var row = markdown.Split('\n').Single(l => l.StartsWith("| letters | 1.0 MB |", StringComparison.Ordinal));
        // The masthead and "1. Decides:" take 79 bytes, each "(a) To;" line 8 more until the megabyte is reached: the
        // operative paragraph and 124,991 sub-paragraphs, each found.
        Assert.Equal("124,992", row.Split('|')[3].Trim());
        Assert.DoesNotContain("| dense |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealisticDensityCitesAboutEvery800CharactersAndIsWrittenAsMarkdown()
    {
        var output = _directory.CreateSubdirectory("results");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(3), "bench", "extraction-scaling", "--sizes", "1", "--density", "realistic", "--no-collection", "--out", output.FullName);

        Assert.True(result.ExitCode == 0, result.ToString());
        var markdown = await File.ReadAllTextAsync(Path.Combine(output.FullName, "results.md"), TestContext.Current.CancellationToken);
        var row = markdown.Split('\n').Single(l => l.StartsWith("| realistic | 1.0 MB |", StringComparison.Ordinal));
        // Columns: text, size, paragraphs, characters per citation, ...
        var charactersPerCitation = double.Parse(row.Split('|')[4].Trim(), CultureInfo.InvariantCulture);
        Assert.True(charactersPerCitation is > 700 and < 900, $"one citation every {charactersPerCitation} characters\n{markdown}");
        Assert.Contains("load average", markdown, StringComparison.Ordinal);
        // The bytes allocated and the collector's work, which say where time per MB goes when it grows with size. Columns are
        // found by their header, a ratio being the column after the figure it divides.
        var cells = row.Split('|', StringSplitOptions.TrimEntries);
        var header = markdown.Split('\n').Single(l => l.StartsWith("| text |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        string Cell(string name, int after = 0) => cells[Array.IndexOf(header, name) + after];
        double Number(string cell) => double.Parse(cell.Replace(" MB", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var allocatedRatio = Number(Cell("allocated", after: 1));
        var keptRatio = Number(Cell("graph kept", after: 1));
        Assert.True(allocatedRatio >= keptRatio, $"allocated {allocatedRatio}× the input, less than the {keptRatio}× kept\n{markdown}");
        Assert.Matches(@"^\d+/\d+/\d+$", Cell("collections gen 0/1/2"));
        // The heap before the extraction holds at least the input's megabyte, and the raw peak is the peak above it plus it.
        var before = Number(Cell("heap before"));
        var rawPeak = Number(Cell("peak heap, raw"));
        var peakAbove = Number(Cell("peak heap above the heap before"));
        Assert.True(before >= 1, $"the heap before the extraction is {before} MB, less than the 1 MB input\n{markdown}");
        Assert.True(Math.Abs(rawPeak - (peakAbove + before)) <= 1, $"raw peak {rawPeak} MB is not {peakAbove} MB above the {before} MB before\n{markdown}");
        Assert.True(Number(Cell("peak heap, raw", after: 1)) >= Number(Cell("peak heap above the heap before", after: 1)), markdown);
    }

    [Fact]
    public async Task GcReasonsCountsTheFullCollectionsLargeObjectsStarted()
    {
        var output = _directory.CreateSubdirectory("reasons");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(3), "bench", "extraction-scaling", "--sizes", "1", "--density", "dense", "--no-collection", "--gc-reasons", "--out", output.FullName);

        Assert.True(result.ExitCode == 0, result.ToString());
        var markdown = await File.ReadAllTextAsync(Path.Combine(output.FullName, "results.md"), TestContext.Current.CancellationToken);
        var header = markdown.Split('\n').Single(l => l.StartsWith("| text |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        var cells = markdown.Split('\n').Single(l => l.StartsWith("| dense | 1.0 MB |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        string Cell(string name) => cells[Array.IndexOf(header, name)];
        var fullCollections = int.Parse(Cell("collections gen 0/1/2").Split('/')[2], CultureInfo.InvariantCulture);
        var byLargeObjects = int.Parse(Cell("gen 2 started by large objects"), CultureInfo.InvariantCulture);
        // The text of 1 MB decoded and laid out is two strings of 2 MB, large objects past the collector's first budget for
        // them: the full collections of that extraction are the ones they start, and no more than all of them.
        Assert.True(byLargeObjects is >= 1 && byLargeObjects <= fullCollections, $"{byLargeObjects} of {fullCollections} full collections started by large objects\n{markdown}");
        Assert.True(double.Parse(Cell("system CPU s"), CultureInfo.InvariantCulture) >= 0, markdown);
    }
}

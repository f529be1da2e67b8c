using System.Text;

namespace Graph.Cli.Tests;

/// <summary>
/// <c>graph extract</c> over a folder that mixes good documents with bad files: every bad file is named
/// with a clear reason on stderr (no stack trace), the exit code says something failed, and every good
/// document is still in the output.
/// </summary>
public sealed class BadInputCliTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("graph-cli-bad-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task BadFilesAreReportedAndTheGoodOnesStillExtracted()
    {
        var input = _directory.CreateSubdirectory("in");
        File.Copy(TestData.Seed7713, Path.Combine(input.FullName, "good-77-13.txt"));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var latin = File.ReadAllText(TestData.Seed7112).Replace("Central", "Céntral", StringComparison.Ordinal);
        File.WriteAllBytes(Path.Combine(input.FullName, "good-71-12-windows1252.txt"), Encoding.GetEncoding(1252).GetBytes(latin));
        File.WriteAllBytes(Path.Combine(input.FullName, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(input.FullName, "binary.txt"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256))]);
        File.WriteAllText(Path.Combine(input.FullName, "truncated.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj << /Ty");
        File.WriteAllText(Path.Combine(input.FullName, "fake.pdf"), "this is not a PDF");
        var output = Path.Combine(_directory.FullName, "graph.json");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(2), "extract", input.FullName, "--out", output);

        Assert.True(result.ExitCode == 1, result.ToString());
        foreach (var bad in new[] { "empty.txt", "binary.txt", "truncated.pdf", "fake.pdf" })
            Assert.True(result.Stderr.Contains(bad, StringComparison.Ordinal), $"{bad} is not named\n{result}");
        Assert.Contains("empty", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("binary data", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("4 of 6 files could not be extracted", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        var json = await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
        Assert.Contains("\"A/RES/77/13\"", json, StringComparison.Ordinal);
        Assert.Contains("\"A/RES/71/12\"", json, StringComparison.Ordinal);
        Assert.Contains("Céntral", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestNamesEachBadFileRefusesA200MegabyteFileAndStoresTheGoodOnes()
    {
        var input = _directory.CreateSubdirectory("ingest");
        File.Copy(TestData.Seed7713, Path.Combine(input.FullName, "good.txt"));
        File.Copy(TestData.Seed7112, Path.Combine(input.FullName, "good.md"));
        File.WriteAllBytes(Path.Combine(input.FullName, "empty.txt"), []);
        File.WriteAllText(Path.Combine(input.FullName, "truncated.pdf"), "%PDF-1.7\n1 0 obj << /Ty");
        using (var huge = File.Create(Path.Combine(input.FullName, "huge.txt")))
        {
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Recalling its resolution 77/13 of 21 November 2022.\n", 20_000)));
            while (huge.Length < 200L * 1024 * 1024) huge.Write(chunk);
        }
        var data = Path.Combine(_directory.FullName, "data");

        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(2), "ingest", input.FullName, "--data", data, "--quiet");

        Assert.True(result.ExitCode == 1, result.ToString());
        var errors = string.Join(" ", result.Stderr.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("empty.txt", errors, StringComparison.Ordinal);
        Assert.Contains("truncated.pdf", errors, StringComparison.Ordinal);
        Assert.Contains("huge.txt", errors, StringComparison.Ordinal);
        Assert.True(errors.Contains("MB; documents over 64 MB are not read", StringComparison.Ordinal), result.ToString());
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        var check = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "check", "--data", data);
        Assert.True(check.ExitCode == 0, check.ToString());
        await using var store = Graph.Store.Embedded.EmbeddedGraphStore.Open(data);
        Assert.Equal(2, (await store.CountAsync(TestContext.Current.CancellationToken)).Documents);
        Assert.NotNull(await store.TryGetNodeAsync("A/RES/77/13", TestContext.Current.CancellationToken));
        Assert.NotNull(await store.TryGetNodeAsync("A/RES/71/12", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AMissingPathIsAClearErrorWithANonZeroExitCode()
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "extract", Path.Combine(_directory.FullName, "nothing-here"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no such file or folder", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}

namespace Graph.Extraction.Tests;

/// <summary>The one way document files are read: regular files only, the size checked against the cap before reading, at most cap + 1 bytes read.</summary>
public sealed class DocumentFileTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("graph-document-file-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    [Fact]
    public void AFileAtTheCapIsReadAndOneByteMoreIsRefusedBeforeReading()
    {
        File.WriteAllBytes(PathOf("at-cap.txt"), new byte[1000]);
        File.WriteAllBytes(PathOf("over-cap.txt"), new byte[1001]);

        var atCap = DocumentFile.Read(PathOf("at-cap.txt"), maxBytes: 1000);
        var overCap = DocumentFile.Read(PathOf("over-cap.txt"), maxBytes: 1000);

        Assert.Equal(1000, atCap.Content?.Length);
        Assert.Null(overCap.Content);
        Assert.Equal("too-large", overCap.Code);
    }

    /// <summary>Files in /proc say they are empty yet hold text: only the cap + 1 bytes read stop one that never ends.</summary>
    [Fact]
    public void AFileLongerThanItsStatedSizeIsStoppedAtCapPlusOneByte()
    {
        const string proc = "/proc/self/maps";
        if (!File.Exists(proc)) Assert.Skip($"{proc} exists on Linux only.");

        var capped = DocumentFile.Read(proc, maxBytes: 64);
        var whole = DocumentFile.Read(proc);

        Assert.Null(capped.Content);
        Assert.Contains("more than", capped.Problem, StringComparison.Ordinal);
        Assert.True(whole.Content is { Length: > 64 }, whole.Problem);
    }

    [Fact]
    public async Task ALinkToDevZeroIsRefusedWithoutReading()
    {
        if (!File.Exists("/dev/zero")) Assert.Skip("/dev/zero exists on Unix only.");
        File.CreateSymbolicLink(PathOf("zero.txt"), "/dev/zero");

        var read = await Task.Run(() => DocumentFile.Read(PathOf("zero.txt"))).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Null(read.Content);
        Assert.Equal("not-regular", read.Code);
    }

    [Fact]
    public void ALinkToARegularFileIsFollowed()
    {
        File.WriteAllText(PathOf("target.txt"), "A/RES/77/13");
        File.CreateSymbolicLink(PathOf("link.txt"), PathOf("target.txt"));

        Assert.Equal("A/RES/77/13"u8.ToArray(), DocumentFile.Read(PathOf("link.txt")).Content);
    }

    [Fact]
    public void TheExtractorReportsAFolderGivenAsAFile()
    {
        var document = new DocumentExtractor().ExtractFile(_directory.FullName);

        Assert.Empty(document.Nodes);
        Assert.Contains(document.Diagnostics, d => d.Code is "not-regular" or "io");
    }
}

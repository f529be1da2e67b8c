using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// The extractor never throws on input and never hangs (Markdig's TestExceptionNotThrown): every corpus
/// file, the corpus's PDF originals (in the hand-checked corpus of the reference collections), and thousands of seeded random, truncated and mangled byte sequences
/// give a GraphDocument (with diagnostics where nothing could be read) within a second of CPU time each (a PDF within four).
/// </summary>
public sealed class RobustnessTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A PDF goes through PdfPig's layout analysis (words, Docstrum blocks, reading order), which costs up to about a
    /// second of CPU for a long report on a busy machine: the bound is there to catch a hang, not to time the reader.
    /// </summary>
    private static readonly TimeSpan PdfLimit = TimeSpan.FromSeconds(4);
    private static readonly string[] Extensions = [".txt", ".md", ".json", ".html", ".pdf"];

    [Fact]
    public void EveryCorpusFileIncludingPdfsIsReadWithoutExceptionWithinASecond()
    {
        var files = TestData.CorpusDocuments().Select(f => Path.Combine(f.Folder, f.Relative)).ToList();
        var pdfs = Directory.EnumerateFiles(TestData.Corpus, "*.pdf", SearchOption.AllDirectories).ToList();
        Assert.Equal(35, pdfs.Count);
        files.AddRange(pdfs);
        var extractor = Warm(files);
        foreach (var file in files)
        {
            var document = ExtractTimed(extractor, file, File.ReadAllBytes(file));
            Assert.False(document.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), $"{file}: {string.Join("; ", document.Diagnostics)}");
            Assert.NotEmpty(document.Nodes);
        }
    }

    [Fact]
    public void RandomTruncatedAndMangledBytesNeverThrow()
    {
        var random = new Random(20260501);
        var extractor = new DocumentExtractor();
        var samples = TestData.CorpusDocuments().Select(f => File.ReadAllBytes(Path.Combine(f.Folder, f.Relative))).ToList();
        for (var i = 0; i < 3000; i++)
        {
            var extension = Extensions[i % Extensions.Length];
            byte[] bytes = (i % 3) switch
            {
                0 => RandomBytes(random, random.Next(0, 2048)),
                1 => Truncate(random, samples[random.Next(samples.Count)]),
                _ => Mangle(random, samples[random.Next(samples.Count)]),
            };
            if (extension == ".pdf" && i % 10 == 0) bytes = [.. "%PDF-1.7\n"u8, .. bytes];
            ExtractTimed(extractor, $"sample{i}{extension}", bytes);
        }
    }

    [Fact]
    public void TruncatedPdfsGiveDiagnosticsNotExceptions()
    {
        var pdfs = Directory.EnumerateFiles(TestData.Corpus, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(3).ToList();
        Assert.Equal(3, pdfs.Count);
        var random = new Random(7);
        var extractor = Warm(pdfs);
        foreach (var pdf in pdfs)
        {
            var bytes = File.ReadAllBytes(pdf);
            for (var k = 0; k < 4; k++) ExtractTimed(extractor, pdf, bytes[..random.Next(1, bytes.Length)]);
        }
    }

    [Theory]
    [InlineData("empty.txt", "", "empty")]
    [InlineData("junk.txt", "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010\u0011", "binary")]
    [InlineData("scan.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF", "pdf")]
    [InlineData("record.json", "{\"not\": \"an IGov record\"}", "json")]
    public void UnreadableInputGivesAClearDiagnostic(string name, string content, string codePrefix)
    {
        var document = new DocumentExtractor().Extract(name, System.Text.Encoding.UTF8.GetBytes(content));
        var diagnostic = Assert.Single(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith(codePrefix, diagnostic.Code, StringComparison.Ordinal);
        Assert.Empty(document.Nodes);
    }

    /// <summary>The first run of each reader pays for JIT compilation; the limit is about extraction, so warm up first.</summary>
    private static DocumentExtractor Warm(IEnumerable<string> files)
    {
        var extractor = new DocumentExtractor();
        foreach (var file in files.GroupBy(Path.GetExtension).Select(g => g.First())) extractor.ExtractFile(file);
        return extractor;
    }

    private static GraphDocument ExtractTimed(DocumentExtractor extractor, string name, byte[] bytes)
    {
        GraphDocument? document = null;
        var elapsed = ThreadCpuClock.Measure(() => document = extractor.Extract(name, bytes));
        var limit = name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? PdfLimit : Limit;
        Assert.True(elapsed < limit, $"{name} ({bytes.Length} bytes) took {elapsed.TotalMilliseconds:F0} ms of CPU time");
        return document!;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Truncate(Random random, byte[] sample) => sample.Length == 0 ? sample : sample[..random.Next(0, sample.Length)];

    private static byte[] Mangle(Random random, byte[] sample)
    {
        var bytes = (byte[])sample.Clone();
        for (var k = 0; k < 1 + bytes.Length / 200; k++)
        {
            if (bytes.Length == 0) break;
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }
        return bytes;
    }
}

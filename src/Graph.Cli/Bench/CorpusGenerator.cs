using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Graph.Cli.Bench;

/// <summary>What <see cref="CorpusGenerator"/> wrote: the folder, how many documents and bytes, and the seed.</summary>
internal sealed record GeneratedCorpus(string Directory, int Documents, long Bytes, int Seed, int Series, long Citations);

/// <summary>
/// Writes a seeded synthetic corpus of UN documents as text files, 1,000 per sub-folder. The same count
/// and seed always give the same files, byte for byte. A <c>corpus.meta.json</c> manifest beside them lets a
/// benchmark reuse a corpus it generated before.
/// </summary>
internal static class CorpusGenerator
{
    /// <summary>A sidecar name, so the extractor does not take the manifest for a document.</summary>
    public const string ManifestName = "corpus.meta.json";
    private const int FilesPerFolder = 1000;

    public static GeneratedCorpus Generate(int documents, string directory, int seed = 1)
    {
        var plan = CorpusPlan.Create(documents, seed);
        var writer = new CorpusWriter(plan, seed);
        Directory.CreateDirectory(directory);
        long bytes = 0;
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        // Planning is sequential (citations depend on earlier picks); writing the text is independent per document.
        Parallel.ForEach(Partitioner(documents), range =>
        {
            long written = 0;
            for (var i = range.Start; i < range.End; i++)
            {
                var document = plan.Documents[i];
                var folder = Path.Combine(directory, (i / FilesPerFolder).ToString("D4", CultureInfo.InvariantCulture));
                Directory.CreateDirectory(folder);
                var content = utf8.GetBytes(writer.Write(document));
                File.WriteAllBytes(Path.Combine(folder, document.FileName), content);
                written += content.Length;
            }
            Interlocked.Add(ref bytes, written);
        });
        var citations = plan.Documents.Sum(d => (long)d.Cites.Count + d.SeriesPredecessors.Count);
        var corpus = new GeneratedCorpus(Path.GetFullPath(directory), documents, bytes, seed, plan.SeriesCount, citations);
        File.WriteAllText(Path.Combine(directory, ManifestName), JsonSerializer.Serialize(corpus));
        return corpus;
    }

    /// <summary>The corpus described by the manifest in <paramref name="directory"/> when it has that count and seed.</summary>
    public static bool TryOpen(string directory, int documents, int seed, out GeneratedCorpus corpus)
    {
        corpus = null!;
        var manifest = Path.Combine(directory, ManifestName);
        if (!File.Exists(manifest)) return false;
        try
        {
            var read = JsonSerializer.Deserialize<GeneratedCorpus>(File.ReadAllText(manifest));
            if (read is null || read.Documents != documents || read.Seed != seed) return false;
            corpus = read with { Directory = Path.GetFullPath(directory) };
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The corpus's document files in plan order (sub-folder by sub-folder).</summary>
    public static IReadOnlyList<string> Files(string directory) =>
        System.IO.Directory.EnumerateFiles(directory, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<(int Start, int End)> Partitioner(int count)
    {
        for (var start = 0; start < count; start += FilesPerFolder) yield return (start, Math.Min(count, start + FilesPerFolder));
    }
}

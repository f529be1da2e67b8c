using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Graph.Sources.Ods;

namespace Graph.Sources.Cache;

/// <summary>Where and when a cached file came from, kept in a JSON sidecar beside it.</summary>
public sealed record CacheEntry(string Symbol, string Format, string Sha256, long Length, string Url, DateTimeOffset? HttpDate, DateTimeOffset FetchedAt);

/// <summary>A file in the cache with its sidecar.</summary>
public sealed record CachedDocument(string Path, FileKind Kind, CacheEntry Entry);

/// <summary>
/// Downloaded documents on disk, <c>&lt;data&gt;/documents/&lt;symbol&gt;.&lt;ext&gt;</c> with <c>.json</c> sidecars
/// (source URL, HTTP date, SHA-256), so that a second run downloads nothing and a killed run resumes. Both files are
/// written to a temporary name and renamed into place, the sidecar last: a file counts as cached only when its
/// sidecar exists and its hash matches, so a half-written file is never taken for a document.
/// </summary>
public sealed class DocumentCache(string directory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Directory { get; } = directory;

    /// <summary>
    /// A symbol as a file name: "/" becomes "_" as in the UN's own file names (A_RES_77_13), and any character
    /// outside letters, digits, ".", "-", "(", ")" becomes "_". The sidecar keeps the symbol, so two symbols
    /// mapping to one name are told apart.
    /// </summary>
    public static string SafeName(string symbol)
    {
        var name = new StringBuilder(symbol.Length);
        foreach (var c in symbol.Trim())
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '(' or ')' ? c : '_');
        return name.ToString().Trim('.');
    }

    /// <summary>The cached file of a symbol (DOCX preferred), or null.</summary>
    public CachedDocument? TryGet(string symbol) => TryGet(symbol, FileKind.Docx) ?? TryGet(symbol, FileKind.Pdf);

    private CachedDocument? TryGet(string symbol, FileKind kind)
    {
        var path = PathOf(symbol, kind);
        var sidecar = path + ".json";
        try
        {
            if (!File.Exists(path) || !File.Exists(sidecar)) return null;
            var entry = JsonSerializer.Deserialize<CacheEntry>(File.ReadAllText(sidecar), Json);
            if (entry is null || entry.Symbol != symbol) return null;
            using var stream = File.OpenRead(path);
            if (stream.Length != entry.Length || Convert.ToHexString(SHA256.HashData(stream)) != entry.Sha256) return null;
            return new CachedDocument(path, kind, entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Stores a downloaded file and its sidecar atomically.</summary>
    public CachedDocument Put(string symbol, OdsDownload download)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(symbol, download.Kind);
        var entry = new CacheEntry(symbol, download.Format.ToString().ToLowerInvariant(), Convert.ToHexString(SHA256.HashData(download.Content)),
            download.Content.LongLength, download.Url.AbsoluteUri, download.Date, DateTimeOffset.UtcNow);
        WriteAtomically(path, download.Content);
        WriteAtomically(path + ".json", JsonSerializer.SerializeToUtf8Bytes(entry, Json));
        return new CachedDocument(path, download.Kind, entry);
    }

    public string PathOf(string symbol, FileKind kind) => Path.Combine(Directory, SafeName(symbol) + FileKinds.Extension(kind));

    private static void WriteAtomically(string path, byte[] content)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.part";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}

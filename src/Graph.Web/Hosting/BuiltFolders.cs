using System.Globalization;
using Graph.Extraction;

namespace Graph.Web.Hosting;

/// <summary>
/// The corpus folders already built into the store, each with a fingerprint of its files (count, bytes, latest
/// change), kept in the data directory. A folder is built again only when it is new to the store or its files
/// changed, so a server over 2,000 documents starts without reading them all each time, and a folder added to
/// the settings later is still built at the next start.
/// </summary>
internal sealed class BuiltFolders
{
    private const string FileName = "built-folders.tsv";

    private readonly string _path;
    private readonly Dictionary<string, string> _fingerprints = new(StringComparer.Ordinal);

    /// <param name="dataDirectory">The store's data directory, where the list is kept.</param>
    /// <param name="storeIsEmpty">An empty store has nothing built, whatever an older list says.</param>
    public BuiltFolders(string dataDirectory, bool storeIsEmpty)
    {
        _path = Path.Combine(dataDirectory, FileName);
        if (storeIsEmpty || !File.Exists(_path)) return;
        foreach (var line in File.ReadLines(_path))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0) _fingerprints[line[(tab + 1)..]] = line[..tab];
        }
    }

    /// <summary>Whether <paramref name="folder"/> was built and its files have not changed since.</summary>
    public bool Contains(string folder) =>
        _fingerprints.TryGetValue(folder, out var fingerprint) && fingerprint == Fingerprint(folder);

    /// <summary>Records <paramref name="folder"/> as built, as its files are now.</summary>
    public void Add(string folder)
    {
        _fingerprints[folder] = Fingerprint(folder);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".tmp";
        File.WriteAllLines(temporary, _fingerprints.Select(f => f.Value + "\t" + f.Key));
        File.Move(temporary, _path, overwrite: true);
    }

    private static string Fingerprint(string folder)
    {
        long count = 0, bytes = 0, latest = 0;
        foreach (var file in CorpusFiles.Enumerate([folder], out _))
        {
            var info = new FileInfo(file);
            count++;
            bytes += info.Length;
            latest = Math.Max(latest, info.LastWriteTimeUtc.Ticks);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{count}:{bytes}:{latest}");
    }
}

using System.Text.Json;

namespace Graph.Extraction;

/// <summary>An organisation the gazetteer knows: its canonical name, the other names it goes by, and renamings.</summary>
public sealed record GazetteerEntry(string Id, string Name, IReadOnlyList<string> Aliases)
{
    /// <summary>The name it had before a renaming, with the year it changed ("Department of Peacekeeping Operations", 2019).</summary>
    public IReadOnlyList<FormerName> FormerNames { get; init; } = [];

    public string? Kind { get; init; }
}

public sealed record FormerName(string Name, int? Until);

/// <summary>
/// Organisations by name (graph/gazetteer/organizations.json, compiled in): UN organs, departments, offices,
/// programmes and the regional organisations UN texts name, with aliases and renamings, so that
/// "Department of Peacekeeping Operations" (until 2019) and "Department of Peace Operations" are one node.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> LazyDefault = new(LoadDefault);

    public Gazetteer(IEnumerable<GazetteerEntry> entries)
    {
        Entries = [.. entries];
        foreach (var entry in Entries)
        {
            foreach (var name in entry.Aliases.Prepend(entry.Name).Concat(entry.FormerNames.Select(f => f.Name)))
                Names.TryAdd(name, entry);
        }
        NamesLongestFirst = [.. Names.Keys.OrderByDescending(n => n.Length)];
        var byOpening = new Dictionary<int, List<int>>();
        for (var k = 0; k < NamesLongestFirst.Count; k++)
        {
            var name = NamesLongestFirst[k];
            if (name.Length < 2) continue;
            var opening = Opening(name[0], name[1]);
            if (!byOpening.TryGetValue(opening, out var list)) byOpening[opening] = list = [];
            list.Add(k);
        }
        NamesByOpening = byOpening.ToDictionary(p => p.Key, p => p.Value.ToArray());
        FirstCharacters = System.Buffers.SearchValues.Create([.. NamesLongestFirst.Where(n => n.Length >= 2).Select(n => n[0]).Distinct()]);
    }

    public static Gazetteer Default => LazyDefault.Value;

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    internal Dictionary<string, GazetteerEntry> Names { get; } = new(StringComparer.Ordinal);

    internal IReadOnlyList<string> NamesLongestFirst { get; }

    /// <summary>
    /// Positions in <see cref="NamesLongestFirst"/> of the names opening with two given characters (see <see cref="Opening"/>):
    /// a text is scanned once for candidates instead of once per name.
    /// </summary>
    internal IReadOnlyDictionary<int, int[]> NamesByOpening { get; }

    /// <summary>The characters names open with, to skip quickly over text no name can start in.</summary>
    internal System.Buffers.SearchValues<char> FirstCharacters { get; }

    internal static int Opening(char first, char second) => (first << 16) | second;

    public bool TryGet(string name, out GazetteerEntry entry) => Names.TryGetValue(name, out entry!);

    public static Gazetteer Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var entries = new List<GazetteerEntry>();
        foreach (var item in document.RootElement.GetProperty("organizations").EnumerateArray())
        {
            var formers = item.TryGetProperty("formerNames", out var f)
                ? f.EnumerateArray().Select(x => new FormerName(x.GetProperty("name").GetString()!, x.TryGetProperty("until", out var u) ? u.GetInt32() : null)).ToList()
                : [];
            entries.Add(new GazetteerEntry(
                item.GetProperty("id").GetString()!,
                item.GetProperty("name").GetString()!,
                item.TryGetProperty("aliases", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToList() : [])
            {
                FormerNames = formers,
                Kind = item.TryGetProperty("kind", out var k) ? k.GetString() : null,
            });
        }
        return new Gazetteer(entries);
    }

    private static Gazetteer LoadDefault()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("Graph.Extraction.organizations.json")
            ?? throw new InvalidOperationException("The gazetteer resource is missing from the build.");
        return Load(stream);
    }
}

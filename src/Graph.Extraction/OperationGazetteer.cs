using System.Text.Json;

namespace Graph.Extraction;

/// <summary>A named operation that texts call by more than one name ("Operation IRINI", "EUNAVFOR MED IRINI").</summary>
public sealed record OperationEntry(string Id, string Name, IReadOnlyList<string> Aliases, string? Organization);

/// <summary>
/// Operations by every name they go by (graph/gazetteer/operations.json, compiled in), so that one operation is one
/// node however a text names it. An operation the gazetteer does not know keeps the name the text gives it.
/// </summary>
public sealed class OperationGazetteer
{
    private static readonly Lazy<OperationGazetteer> LazyDefault = new(LoadDefault);
    private readonly Dictionary<string, OperationEntry> _byName = new(StringComparer.OrdinalIgnoreCase);

    public OperationGazetteer(IEnumerable<OperationEntry> entries)
    {
        foreach (var entry in entries)
        {
            foreach (var name in entry.Aliases.Prepend(entry.Name)) _byName.TryAdd(name, entry);
        }
    }

    public static OperationGazetteer Default => LazyDefault.Value;

    /// <summary>The operation a name stands for, whatever its case ("Operation Irini" is IRINI).</summary>
    public bool TryGet(string name, out OperationEntry entry) => _byName.TryGetValue(name, out entry!);

    public static OperationGazetteer Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var entries = document.RootElement.GetProperty("operations").EnumerateArray().Select(item => new OperationEntry(
            item.GetProperty("id").GetString()!,
            item.GetProperty("name").GetString()!,
            item.TryGetProperty("aliases", out var a) ? [.. a.EnumerateArray().Select(x => x.GetString()!)] : [],
            item.TryGetProperty("organization", out var o) ? o.GetString() : null));
        return new OperationGazetteer(entries);
    }

    private static OperationGazetteer LoadDefault()
    {
        using var stream = typeof(OperationGazetteer).Assembly.GetManifestResourceStream("Graph.Extraction.operations.json")
            ?? throw new InvalidOperationException("The operations gazetteer resource is missing from the build.");
        return Load(stream);
    }
}

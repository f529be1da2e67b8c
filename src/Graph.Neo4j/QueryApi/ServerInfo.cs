using System.Globalization;
using System.Text.Json;

namespace Graph.Neo4j.QueryApi;

/// <summary>
/// What a server's discovery document (<c>GET /</c>) says about it: its version, and whether it lists the
/// Query API (<c>"query"</c>). Unknown fields are null: a server that is not Neo4j may answer anything.
/// </summary>
public sealed record ServerInfo(string? Version, string? Edition, bool ListsQueryApi)
{
    public static readonly ServerInfo Unknown = new(null, null, false);

    /// <summary>
    /// Whether the Query API has explicit transactions (<c>/query/v2/tx</c>): from Neo4j 5.26 on, which
    /// includes the calendar versions (2025.01 and later). Null when the version is unknown.
    /// </summary>
    public bool? HasQueryTransactions => ParseVersion(Version) is { } v ? v >= new Version(5, 26) : null;

    /// <summary>"5.26.0", "5.27-aura", "2025.01.0": the leading major.minor; null when there is none.</summary>
    internal static Version? ParseVersion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split('.', 3);
        if (parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)) return null;
        var digits = new string(parts[1].TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ? new Version(major, minor) : null;
    }

    /// <summary>Reads a discovery document; anything that is not one (an HTML page, an error) is <see cref="Unknown"/>.</summary>
    internal static ServerInfo Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Unknown;
            return new ServerInfo(String(root, "neo4j_version"), String(root, "neo4j_edition"), root.TryGetProperty("query", out _));
        }
        catch (JsonException)
        {
            return Unknown;
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>For messages: "Neo4j 5.22.0 (community)", or nothing when unknown.</summary>
    public string Describe() => Version is null ? "" : $"Neo4j {Version}{(Edition is null ? "" : $" ({Edition})")}";
}

using System.Text.RegularExpressions;

namespace Graph.Neo4j;

/// <summary>
/// Labels, relationship types and property keys cannot be Cypher parameters (without APOC), so the few
/// that go into query text must be plain identifiers: checked against a strict pattern, never escaped.
/// </summary>
internal static partial class CypherIdentifier
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary>The identifier itself when valid; otherwise an error naming what was wrong.</summary>
    public static string Require(string name, string what) =>
        IsValid(name)
            ? name
            : throw new ArgumentException($"The {what} '{name}' is not a plain identifier (letters, digits, underscore), so it cannot go into a Cypher query.");

    /// <summary><c>:A:B</c> for a label set (each checked); empty for no labels.</summary>
    public static string Labels(IEnumerable<string> labels) =>
        string.Concat(labels.Select(l => ":" + Require(l, "label")));
}

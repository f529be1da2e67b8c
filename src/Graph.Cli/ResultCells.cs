using System.Globalization;

namespace Graph.Cli;

/// <summary>
/// The text of one query result cell in the CLI's table, the same for the embedded engine and Neo4j;
/// each store only says how its own nodes, relationships and paths read.
/// </summary>
internal static class ResultCells
{
    /// <summary>
    /// <paramref name="value"/> as text; <paramref name="entity"/> renders a store's graph values (nodes,
    /// relationships, paths) and returns null for anything else.
    /// </summary>
    public static string Display(object? value, Func<object, string?> entity) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        List<object?> list => "[" + string.Join(", ", list.Select(v => Display(v, entity))) + "]",
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(", ", map.Select(e => e.Key + ": " + Display(e.Value, entity))) + "}",
        _ => entity(value) ?? value.ToString() ?? "",
    };

    /// <summary>A node as <c>(:Label:Other {key: value})</c>.</summary>
    public static string Node(IEnumerable<string> labels, IReadOnlyDictionary<string, object?> properties, Func<object, string?> entity) =>
        "(" + string.Concat(labels.Select(l => ":" + l)) + " " + Display(properties, entity) + ")";

    /// <summary>A relationship as <c>[:TYPE {key: value}]</c>.</summary>
    public static string Relationship(string type, IReadOnlyDictionary<string, object?> properties, Func<object, string?> entity) =>
        "[:" + type + " " + Display(properties, entity) + "]";
}

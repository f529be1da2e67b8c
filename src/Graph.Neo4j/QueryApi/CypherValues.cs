using System.Globalization;
using System.Text.RegularExpressions;

namespace Graph.Neo4j.QueryApi;

/// <summary>A node as the Query API returns it. Properties hold CLR values (long, double, string, bool, lists, maps).</summary>
public sealed record Neo4jNode(string ElementId, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties);

/// <summary>A relationship as the Query API returns it; its ends are element ids of nodes.</summary>
public sealed record Neo4jRelationship(
    string ElementId, string StartNodeElementId, string EndNodeElementId, string Type,
    IReadOnlyDictionary<string, object?> Properties);

/// <summary>A path: nodes and the relationships between them, in path order.</summary>
public sealed record Neo4jPath(IReadOnlyList<Neo4jNode> Nodes, IReadOnlyList<Neo4jRelationship> Relationships);

/// <summary>
/// A value of a typed-JSON type this client does not know (a type added to Neo4j after it was written), kept as
/// the server's text with its type name so that it can be shown and sent back unchanged. Temporal values are
/// <see cref="Graph.Cypher.CypherTemporal"/>s and points <see cref="Neo4jPoint"/>s.
/// </summary>
public sealed record Neo4jTypedText(string Type, string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// A spatial point: <paramref name="Srid"/> names its coordinate system (7203 cartesian, 9157 cartesian 3D,
/// 4326 WGS-84, 4979 WGS-84 3D); <paramref name="Z"/> is null for a 2D point. Travels as WKT with an SRID prefix,
/// <c>SRID=4326;POINT (12.5 55.7)</c> or <c>SRID=4979;POINT Z (12.5 55.7 100)</c>.
/// </summary>
public sealed partial record Neo4jPoint(int Srid, double X, double Y, double? Z = null)
{
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        return Z is { } z
            ? $"SRID={Srid.ToString(c)};POINT Z ({X.ToString("R", c)} {Y.ToString("R", c)} {z.ToString("R", c)})"
            : $"SRID={Srid.ToString(c)};POINT ({X.ToString("R", c)} {Y.ToString("R", c)})";
    }

    /// <summary>Reads the Query API's point text; null when it is not one.</summary>
    public static Neo4jPoint? TryParse(string text)
    {
        var match = Wkt().Match(text.Trim());
        if (!match.Success) return null;
        var numbers = match.Groups["c"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = new double[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
            if (!double.TryParse(numbers[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])) return null;
        if (!int.TryParse(match.Groups["srid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var srid)) return null;
        return values.Length switch
        {
            2 when !match.Groups["z"].Success => new Neo4jPoint(srid, values[0], values[1]),
            3 when match.Groups["z"].Success => new Neo4jPoint(srid, values[0], values[1], values[2]),
            _ => null,
        };
    }

    [GeneratedRegex(@"^SRID=(?<srid>\d+);\s*POINT\s*(?<z>Z)?\s*\(\s*(?<c>[^()]*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Wkt();
}

using System.Globalization;

namespace Graph.Model;

/// <summary>
/// A spatial point as Neo4j has it, and the one type for a point everywhere here: a property value in the embedded
/// store, a value in the Cypher engine and its results, and Neo4j's typed-JSON Point on the Query API (both the endpoint
/// and the client). <paramref name="Srid"/> names the coordinate system (7203 cartesian, 9157 cartesian 3D, 4326 WGS-84
/// with x the longitude and y the latitude, 4979 WGS-84 3D); <paramref name="Z"/> is null for a 2D point.
/// </summary>
public sealed record SpatialPoint(int Srid, double X, double Y, double? Z = null)
{
    public const int Cartesian = 7203, Cartesian3D = 9157, Wgs84 = 4326, Wgs84_3D = 4979;

    public bool IsGeographic => Srid is Wgs84 or Wgs84_3D;

    /// <summary>The coordinate system's name, as Cypher's <c>p.crs</c> gives it.</summary>
    public string Crs => Srid switch
    {
        Cartesian => "cartesian",
        Cartesian3D => "cartesian-3d",
        Wgs84 => "wgs-84",
        _ => "wgs-84-3d",
    };

    /// <summary>Neo4j's extended WKT, as the Query API writes a point: <c>SRID=4326;POINT (12.5 55.7)</c>, <c>SRID=9157;POINT Z (1 2 3)</c>.</summary>
    public string Wkt => Z is { } z
        ? $"SRID={Srid.ToString(CultureInfo.InvariantCulture)};POINT Z ({Number(X)} {Number(Y)} {Number(z)})"
        : $"SRID={Srid.ToString(CultureInfo.InvariantCulture)};POINT ({Number(X)} {Number(Y)})";

    public override string ToString() => Wkt;

    private static string Number(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Checks that <paramref name="srid"/> is one of the four systems and that the point has as many coordinates as it
    /// needs; the message says what is wrong (an <see cref="ArgumentException"/>).
    /// </summary>
    public static SpatialPoint Create(int srid, double x, double y, double? z)
    {
        if (srid is not (Cartesian or Cartesian3D or Wgs84 or Wgs84_3D))
            throw new ArgumentException($"unsupported SRID {srid} (7203, 9157, 4326 or 4979)");
        if ((srid is Cartesian3D or Wgs84_3D) != (z is not null))
            throw new ArgumentException($"SRID {srid} needs {(z is null ? "a third coordinate" : "two coordinates")}");
        return new SpatialPoint(srid, x, y, z);
    }

    /// <summary>Reads the extended WKT of a point; throws <see cref="FormatException"/> on anything else.</summary>
    public static SpatialPoint Parse(string text) =>
        TryParse(text, out var point, out var why) ? point : throw new FormatException(why);

    /// <summary>Reads the extended WKT of a point; false, with the reason, when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SpatialPoint? point, out string why)
    {
        point = null;
        why = $"'{text}' is not a point such as SRID=7203;POINT (1.5 2)";
        var parts = text.Trim().Split(';', 2);
        if (parts.Length != 2 || !parts[0].StartsWith("SRID=", StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(parts[0].AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var srid)) return false;
        var body = parts[1].Trim();
        var open = body.IndexOf('(', StringComparison.Ordinal);
        var close = body.LastIndexOf(')');
        if (open < 0 || close != body.Length - 1 || !body.StartsWith("POINT", StringComparison.OrdinalIgnoreCase)) return false;
        var marker = body[5..open].Trim();
        if (marker.Length > 0 && !marker.Equals("Z", StringComparison.OrdinalIgnoreCase)) return false;
        var numbers = body[(open + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (numbers.Length != (marker.Length > 0 ? 3 : 2))
        {
            why = $"'{text}' has {numbers.Length} coordinates; {(marker.Length > 0 ? "POINT Z has 3" : "POINT has 2")}";
            return false;
        }
        var values = new double[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
            if (!double.TryParse(numbers[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])) return false;
        try
        {
            point = Create(srid, values[0], values[1], values.Length == 3 ? values[2] : null);
            return true;
        }
        catch (ArgumentException e)
        {
            why = $"'{text}': {e.Message}";
            return false;
        }
    }
}

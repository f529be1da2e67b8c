using System.Globalization;

namespace Graph.Cypher.Values;

/// <summary>
/// A spatial point as Neo4j has it: a coordinate reference system by SRID (7203 cartesian, 9157 cartesian 3D,
/// 4326 WGS-84, 4979 WGS-84 3D) and two or three coordinates (x is longitude and y latitude in WGS-84).
/// </summary>
internal sealed record PointValue(int Srid, double X, double Y, double? Z)
{
    public const int Cartesian = 7203;
    public const int Cartesian3D = 9157;
    public const int Wgs84 = 4326;
    public const int Wgs84_3D = 4979;

    public bool IsGeographic => Srid is Wgs84 or Wgs84_3D;

    public string Crs => Srid switch
    {
        Cartesian => "cartesian",
        Cartesian3D => "cartesian-3d",
        Wgs84 => "wgs-84",
        _ => "wgs-84-3d",
    };

    /// <summary>Neo4j's extended WKT, as the Query API writes a point: <c>SRID=4326;POINT (12.5 55.7)</c>.</summary>
    public string Wkt => Z is { } z
        ? $"SRID={Srid};POINT Z ({Number(X)} {Number(Y)} {Number(z)})"
        : $"SRID={Srid};POINT ({Number(X)} {Number(Y)})";

    public override string ToString() => Z is { } z
        ? $"point({{srid: {Srid}, x: {Number(X)}, y: {Number(Y)}, z: {Number(z)}}})"
        : $"point({{srid: {Srid}, x: {Number(X)}, y: {Number(Y)}}})";

    private static string Number(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The point a map describes (<c>{x, y[, z][, crs|srid]}</c> or <c>{longitude, latitude[, height]}</c>), as <c>point()</c> reads it.</summary>
    public static PointValue FromMap(IReadOnlyDictionary<string, object?> map)
    {
        double? Coordinate(string key) => map.TryGetValue(key, out var v) ? v switch
        {
            long l => l,
            double d => d,
            null => null,
            _ => throw new ArgumentException($"point(): '{key}' must be a number, not {CypherValues.TypeName(v)}"),
        } : null;

        var geographic = map.ContainsKey("longitude") || map.ContainsKey("latitude");
        var x = geographic ? Coordinate("longitude") : Coordinate("x");
        var y = geographic ? Coordinate("latitude") : Coordinate("y");
        var z = geographic ? Coordinate("height") ?? Coordinate("z") : Coordinate("z");
        if (x is null || y is null)
            throw new ArgumentException("point() needs x and y, or longitude and latitude");
        var srid = map.GetValueOrDefault("srid") switch
        {
            long l => (int)l,
            null => SridOf(map.GetValueOrDefault("crs") as string, geographic, z is not null),
            var other => throw new ArgumentException($"point(): 'srid' must be an integer, not {CypherValues.TypeName(other)}"),
        };
        if (srid is not (Cartesian or Cartesian3D or Wgs84 or Wgs84_3D))
            throw new ArgumentException($"point(): unsupported SRID {srid} (7203, 9157, 4326 or 4979)");
        if ((srid is Cartesian3D or Wgs84_3D) != (z is not null))
            throw new ArgumentException($"point(): SRID {srid} needs {(z is null ? "a third coordinate" : "two coordinates")}");
        return new PointValue(srid, x.Value, y.Value, z);
    }

    private static int SridOf(string? crs, bool geographic, bool threeD) => crs?.ToLowerInvariant() switch
    {
        null => geographic ? (threeD ? Wgs84_3D : Wgs84) : (threeD ? Cartesian3D : Cartesian),
        "cartesian" => Cartesian,
        "cartesian-3d" => Cartesian3D,
        "wgs-84" => Wgs84,
        "wgs-84-3d" => Wgs84_3D,
        _ => throw new ArgumentException($"point(): unknown crs '{crs}'"),
    };

    /// <summary>Parses the extended WKT the Query API sends (<c>SRID=7203;POINT (1 2)</c>, <c>SRID=9157;POINT Z (1 2 3)</c>).</summary>
    public static PointValue ParseWkt(string text)
    {
        var parts = text.Split(';', 2);
        if (parts.Length != 2 || !parts[0].StartsWith("SRID=", StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"'{text}' is not a point such as SRID=7203;POINT (1.5 2)");
        var srid = int.Parse(parts[0][5..], NumberStyles.Integer, CultureInfo.InvariantCulture);
        var open = parts[1].IndexOf('(', StringComparison.Ordinal);
        var close = parts[1].LastIndexOf(')');
        if (open < 0 || close < open || !parts[1][..open].Trim().StartsWith("POINT", StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"'{text}' is not a point such as SRID=7203;POINT (1.5 2)");
        var numbers = parts[1][(open + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => double.Parse(n, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        if (numbers.Length is not (2 or 3))
            throw new FormatException($"'{text}' has {numbers.Length} coordinates; a point has 2 or 3");
        var map = new Dictionary<string, object?> { ["srid"] = (long)srid, ["x"] = numbers[0], ["y"] = numbers[1] };
        if (numbers.Length == 3) map["z"] = numbers[2];
        return FromMap(map);
    }

    /// <summary>A coordinate or attribute by name (<c>p.x</c>, <c>p.latitude</c>, <c>p.srid</c>, <c>p.crs</c>); null when it has none.</summary>
    public object? Accessor(string key) => key switch
    {
        "x" => X,
        "y" => Y,
        "z" => Z,
        "longitude" when IsGeographic => X,
        "latitude" when IsGeographic => Y,
        "height" when IsGeographic => Z,
        "srid" => (long)Srid,
        "crs" => Crs,
        _ => null,
    };

    /// <summary>
    /// Neo4j's <c>point.distance</c>: Euclidean in a cartesian system, the haversine great-circle distance in metres
    /// on WGS-84 (height, where given, added by Pythagoras); null across systems.
    /// </summary>
    public static double? Distance(PointValue a, PointValue b)
    {
        if (a.Srid != b.Srid) return null;
        if (!a.IsGeographic)
        {
            var dz = (a.Z ?? 0) - (b.Z ?? 0);
            return Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)) + (dz * dz));
        }

        const double EarthRadius = 6_378_140.0;
        static double Radians(double d) => d * Math.PI / 180;
        var dLat = Radians(b.Y - a.Y);
        var dLon = Radians(b.X - a.X);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Radians(a.Y)) * Math.Cos(Radians(b.Y)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        var surface = 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
        var height = (a.Z ?? 0) - (b.Z ?? 0);
        return Math.Sqrt((surface * surface) + (height * height));
    }
}

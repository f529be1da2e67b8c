using Graph.Model;

namespace Graph.Cypher.Values;

/// <summary>
/// What Cypher does with a <see cref="SpatialPoint"/>: <c>point()</c> from a map, a coordinate by name, and
/// <c>point.distance</c>. The point itself is the graph's own type, so a point is stored, returned and sent as it is.
/// </summary>
internal static class Points
{
    /// <summary>The point a map describes (<c>{x, y[, z][, crs|srid]}</c> or <c>{longitude, latitude[, height]}</c>), as <c>point()</c> reads it.</summary>
    public static SpatialPoint FromMap(IReadOnlyDictionary<string, object?> map)
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
        try
        {
            return SpatialPoint.Create(srid, x.Value, y.Value, z);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("point(): " + e.Message, e);
        }
    }

    private static int SridOf(string? crs, bool geographic, bool threeD) => crs?.ToLowerInvariant() switch
    {
        null => geographic ? (threeD ? SpatialPoint.Wgs84_3D : SpatialPoint.Wgs84) : (threeD ? SpatialPoint.Cartesian3D : SpatialPoint.Cartesian),
        "cartesian" => SpatialPoint.Cartesian,
        "cartesian-3d" => SpatialPoint.Cartesian3D,
        "wgs-84" => SpatialPoint.Wgs84,
        "wgs-84-3d" => SpatialPoint.Wgs84_3D,
        _ => throw new ArgumentException($"point(): unknown crs '{crs}'"),
    };

    /// <summary>A coordinate or attribute by name (<c>p.x</c>, <c>p.latitude</c>, <c>p.srid</c>, <c>p.crs</c>); null when it has none.</summary>
    public static object? Accessor(SpatialPoint point, string key) => key switch
    {
        "x" => point.X,
        "y" => point.Y,
        "z" => point.Z,
        "longitude" when point.IsGeographic => point.X,
        "latitude" when point.IsGeographic => point.Y,
        "height" when point.IsGeographic => point.Z,
        "srid" => (long)point.Srid,
        "crs" => point.Crs,
        _ => null,
    };

    /// <summary>
    /// Neo4j's <c>point.distance</c>: Euclidean in a cartesian system, the haversine great-circle distance in metres
    /// on WGS-84 (height, where given, added by Pythagoras); null across systems.
    /// </summary>
    public static double? Distance(SpatialPoint a, SpatialPoint b)
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

using Graph.Cypher;
using Graph.Neo4j.QueryApi;

namespace Graph.Neo4j.Tests.QueryApi;

/// <summary>
/// What the client must read from Payloads/typed-every-type.json, the manual's row of every typed value, however the
/// answer reached it (a replayed handler or a loopback server).
/// </summary>
internal static class EveryTypedValue
{
    /// <summary>Asserts each field's value as <paramref name="value"/> reads it from the row.</summary>
    public static void AssertRead(Func<string, object?> value)
    {
        Assert.Null(value("null"));
        Assert.Equal(true, value("boolean"));
        Assert.Equal(123L, value("integer"));
        // Beyond 2^53: exact only if never read through a double.
        Assert.Equal(9007199254740993L, value("bigInteger"));
        Assert.Equal(4.56, value("float"));
        Assert.Equal(3.2e9, value("scientific"));
        Assert.Equal("Hello World", value("string"));
        Assert.Equal(new byte[] { 0x03, 0x6f, 0xbf }, value("bytes"));
        Assert.Equal(new List<object?> { "A", "B" }, value("list"));
        var map = Assert.IsType<Dictionary<string, object?>>(value("map"));
        Assert.Equal("A", map["fieldA"]);
        Assert.Equal("B", map["fieldB"]);
        Assert.Equal(new CypherTemporal("Date", "2015-03-26"), value("date"));
        Assert.Equal(new CypherTemporal("Time", "12:50:35.556+01:00"), value("time"));
        Assert.Equal(new CypherTemporal("LocalTime", "12:50:35.556"), value("localTime"));
        Assert.Equal(new CypherTemporal("ZonedDateTime", "2015-11-21T21:40:32.142Z[Antarctica/Troll]"), value("zonedDateTime"));
        Assert.Equal(new CypherTemporal("OffsetDateTime", "2015-11-21T21:40:32.142Z"), value("offsetDateTime"));
        Assert.Equal(new CypherTemporal("LocalDateTime", "2015-07-04T19:32:24"), value("localDateTime"));
        Assert.Equal(new CypherTemporal("Duration", "P14DT16H12M"), value("duration"));
        Assert.Equal(new Graph.Model.SpatialPoint(7203, 1.2, 3.4), value("point"));
        Assert.Equal("SRID=7203;POINT (1.2 3.4)", value("point")!.ToString());

        var node = Assert.IsType<Neo4jNode>(value("node"));
        Assert.Equal(["Person"], node.Labels);
        var relationship = Assert.IsType<Neo4jRelationship>(value("relationship"));
        Assert.Equal("LIKES", relationship.Type);
        Assert.Equal("4:ff04df25-ff2b-4b55-98f8-6888297b025e:0", relationship.StartNodeElementId);
        Assert.Equal("4:ff04df25-ff2b-4b55-98f8-6888297b025e:2", relationship.EndNodeElementId);
        Assert.Equal("forever!", relationship.Properties["since"]);
        var path = Assert.IsType<Neo4jPath>(value("path"));
        Assert.Equal(["Alice", "Phil"], path.Nodes.Select(n => n.Properties["name"]));
        Assert.Equal(42L, path.Nodes[0].Properties["age"]);
        Assert.Equal("LIKES", Assert.Single(path.Relationships).Type);
    }
}

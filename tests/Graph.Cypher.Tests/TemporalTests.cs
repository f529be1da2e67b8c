namespace Graph.Cypher.Tests;

public sealed class TemporalTests
{
    private static object? One(string query) => new CypherEngine().Run(query).Rows[0][0];

    [Theory]
    [InlineData("RETURN date('2015-W30-2')", "2015-07-21")]
    [InlineData("RETURN datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: 'Europe/Stockholm'})", "1984-10-11T12:00+01:00[Europe/Stockholm]")]
    [InlineData("RETURN localtime('21:40:32.142')", "21:40:32.142")]
    [InlineData("RETURN duration({months: 0.75})", "P22DT19H51M49.5S")]
    [InlineData("RETURN duration.between(date('1984-10-11'), date('2015-06-24'))", "P30Y8M13D")]
    [InlineData("RETURN date('2017-01-31') + duration('P1M')", "2017-02-28")]
    [InlineData("RETURN datetime.truncate('week', datetime('2017-10-11T12:31+01:00'))", "2017-10-09T00:00+01:00")]
    public void ComputesAndPrintsTemporalValuesAsNeo4jDoes(string query, string expected)
    {
        var value = Assert.IsType<CypherTemporal>(One(query));
        Assert.Equal(expected, value.Value);
    }

    [Fact]
    public void TemporalValuesCarryTheQueryApiTypeName()
    {
        Assert.Equal("ZonedDateTime", Assert.IsType<CypherTemporal>(One("RETURN datetime('2015-07-21T21:40:32[Europe/London]')")).Type);
        Assert.Equal("OffsetDateTime", Assert.IsType<CypherTemporal>(One("RETURN datetime('2015-07-21T21:40:32+01:00')")).Type);
        Assert.Equal("Duration", Assert.IsType<CypherTemporal>(One("RETURN duration('PT1H')")).Type);
    }

    [Fact]
    public void ADurationsWholeNumbersStayExactBeyondWhatADoubleHolds()
    {
        // 2^53 + 1: read through a double it would become 2^53.
        Assert.Equal("P9007199254740993D", Assert.IsType<CypherTemporal>(One("RETURN duration('P9007199254740993D')")).Value);
        Assert.Equal(9007199254740993L, One("RETURN duration('P9007199254740993D').days"));
    }

    [Fact]
    public void DateAccessorsAndComparisonWork()
    {
        var row = new CypherEngine().Run("WITH date('1984-10-11') AS d RETURN d.year, d.week, d.dayOfWeek, d < date('1985-01-01')").Rows[0];
        Assert.Equal([1984L, 41L, 4L, true], row);
    }

    [Fact]
    public void ValueTypeNamesTemporalValuesAndPointsAsNeo4jDoes()
    {
        var row = new CypherEngine().Run(
            "RETURN valueType(date('2024-02-29')), valueType(localtime('12:00')), valueType(time('12:00+01:00')), " +
            "valueType(localdatetime('2024-02-29T12:00')), valueType(datetime('2024-02-29T12:00Z')), valueType(duration('P1D')), " +
            "valueType(point({x: 1, y: 2}))").Rows[0];
        Assert.Equal(["DATE NOT NULL", "LOCAL TIME NOT NULL", "ZONED TIME NOT NULL", "LOCAL DATETIME NOT NULL", "ZONED DATETIME NOT NULL",
            "DURATION NOT NULL", "POINT NOT NULL"], row);
    }

    [Fact]
    public void PointsAreStoredAsPropertiesAndReadBackAsPoints()
    {
        var engine = new CypherEngine();
        engine.Run("CREATE (:Place {at: point({longitude: 6.14, latitude: 46.2}), path: [point({x: 1, y: 2}), point({x: 3, y: 4, z: 5})]})");
        var row = engine.Run("MATCH (p:Place) WHERE p.at = point({latitude: 46.2, longitude: 6.14}) RETURN p.at, p.path[1].z, p.at.srid").Rows[0];
        Assert.Equal([new Graph.Model.SpatialPoint(4326, 6.14, 46.2), 5.0, 4326L], row);
    }
}

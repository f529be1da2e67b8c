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

    [Theory]
    [InlineData("RETURN date('-0001-12-31') + duration('P1D')", "0000-01-01")]
    [InlineData("RETURN date('+10000-01-01') - duration('P1D')", "9999-12-31")]
    [InlineData("RETURN duration.between(date('-0001-03-01'), date('0001-03-01'))", "P2Y")]
    [InlineData("RETURN date('+999999999-12-31') - duration('P1999999998Y11M30D')", "-999999999-01-01")]
    [InlineData("RETURN localdatetime('-0044-03-15T12:00') + duration('PT12H')", "-0044-03-16T00:00")]
    [InlineData("RETURN date.truncate('weekYear', date('+12346-06-15'))", "+12345-12-31")]
    public void DatesReachNeo4jsRangeOfYearsNotJustDateOnlys(string query, string expected) =>
        Assert.Equal(expected, Assert.IsType<CypherTemporal>(One(query)).Value);

    [Fact]
    public void ADateBeyondNeo4jsRangeIsAnArgumentError()
    {
        var error = Assert.Throws<CypherException>(() => One("RETURN date('+999999999-12-31') + duration('P1D')"));
        Assert.Equal("ArgumentError", error.ErrorType);
    }

    /// <summary>
    /// A duration past a long's range is an argument error that says so, in Cypher's terms rather than .NET's ("Value was
    /// either too large or too small for an Int64"), and a sum past it fails rather than wrapping round to a negative duration.
    /// </summary>
    [Theory]
    [InlineData("RETURN duration({years: 9223372036854775807})")]
    [InlineData("RETURN duration({days: 1e20})")]
    [InlineData("RETURN duration({seconds: 1e300})")]
    [InlineData("RETURN duration({days: 0.0 / 0.0})")]
    [InlineData("RETURN duration('P9223372036854775807Y')")]
    [InlineData("RETURN duration('PT99999999999999999999999S')")]
    [InlineData("RETURN duration({days: 9223372036854775807}) + duration({days: 1})")]
    [InlineData("RETURN duration({days: -9223372036854775807}) - duration({days: 2})")]
    [InlineData("RETURN duration({seconds: 9223372036854775807, nanoseconds: 9223372036854775807})")]
    [InlineData("RETURN duration({seconds: 9223372036854775807}) * 1000")]
    [InlineData("RETURN duration({days: 9223372036854775807}) / 0.5")]
    [InlineData("RETURN duration({days: 5}) / 1e-300")]
    [InlineData("RETURN date('2020-01-01') + duration({days: 9223372036854775807})")]
    [InlineData("RETURN date('2020-01-01') - duration({days: -9223372036854775808})")]
    public void ADurationPastALongsRangeIsAnArgumentErrorThatSaysSo(string query)
    {
        var error = Assert.Throws<CypherException>(() => One(query));
        Assert.True(error.ErrorType == "ArgumentError", $"{query}: {error.ErrorType} {error.Message}");
        Assert.Equal("Neo.ClientError.Statement.ArgumentError", error.StatusCode);
        Assert.DoesNotContain("Int64", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Decimal", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Arithmetic operation", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter '", error.Message, StringComparison.Ordinal);
        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RETURN duration({days: 9223372036854775807})", "P9223372036854775807D")]
    [InlineData("RETURN duration({days: -9223372036854775808})", "P-9223372036854775808D")]
    [InlineData("RETURN duration({seconds: 9223372036854775807})", "PT2562047788015215H30M7S")]
    public void ADurationAtALongsLimitIsKept(string query, string expected) =>
        Assert.Equal(expected, Assert.IsType<CypherTemporal>(One(query)).Value);

    [Theory]
    [InlineData("RETURN duration({days: 5}) / 0")]
    [InlineData("RETURN duration({days: 5}) / 0.0")]
    [InlineData("RETURN duration({days: 5}) / -0.0")]
    public void ADurationDividedByZeroIsADivisionByZeroError(string query)
    {
        var error = Assert.Throws<CypherException>(() => One(query));
        Assert.Equal(("ArithmeticError", "DivisionByZero", "/ by zero"), (error.ErrorType, error.Detail, error.Message));
    }

    [Fact]
    public void ANanosecondCountPastALongIsAnOverflowNotAWrappedNumber()
    {
        var error = Assert.Throws<CypherException>(() => One("RETURN duration({seconds: 9223372036854775807}).nanoseconds"));
        Assert.Equal("IntegerOverflow", error.Detail);
    }

    [Fact]
    public void ADateFarFromTodayIsStoredAndReadBackAsADate()
    {
        var engine = new CypherEngine();
        engine.Run("CREATE (:Era {from: date('-999999999-01-01'), to: localdatetime('+999999999-12-31T23:59:59')})");
        var row = engine.Run("MATCH (e:Era) RETURN toString(e.from), duration.inSeconds(e.from, e.to).hours").Rows[0];
        Assert.Equal(["-999999999-01-01", 17_531_639_991_215L], row);
    }

    [Fact]
    public void CivilDateAgreesWithDateOnlyOnTheDaysDateOnlyHolds()
    {
        // Every day of two 400-year cycles of the calendar (which then repeats), and every 13th day of DateOnly's range.
        var cycles = Enumerable.Range(new DateOnly(1600, 1, 1).DayNumber, 2 * 146_097);
        var sampled = Enumerable.Range(0, (DateOnly.MaxValue.DayNumber / 13) + 1).Select(i => i * 13);
        foreach (var day in cycles.Concat(sampled).Append(DateOnly.MaxValue.DayNumber))
        {
            var expected = DateOnly.FromDayNumber(day);
            var date = Graph.Cypher.Values.CivilDate.FromDayNumber(day);
            if (date.Year != expected.Year || date.Month != expected.Month || date.Day != expected.Day || date.DayOfYear != expected.DayOfYear ||
                date.IsoDayOfWeek % 7 != (int)expected.DayOfWeek ||
                date.IsoWeek != System.Globalization.ISOWeek.GetWeekOfYear(expected.ToDateTime(TimeOnly.MinValue)) ||
                new Graph.Cypher.Values.CivilDate(expected.Year, expected.Month, expected.Day).DayNumber != day)
            {
                Assert.Fail($"day {day}: {date} against {expected:yyyy-MM-dd}");
            }
        }
    }

    [Theory]
    // As Neo4j (Java's ZonedDateTime): a local time that occurs twice takes the earlier (summer) offset; one in the gap moves on by the gap.
    [InlineData("RETURN datetime({year: 2017, month: 10, day: 29, hour: 2, minute: 30, timezone: 'Europe/Stockholm'})", "2017-10-29T02:30+02:00[Europe/Stockholm]")]
    [InlineData("RETURN datetime({year: 2017, month: 3, day: 26, hour: 2, minute: 30, timezone: 'Europe/Stockholm'})", "2017-03-26T03:30+02:00[Europe/Stockholm]")]
    // The main time-zone database (Neo4j's), not a host's built with backzone: Stockholm is Berlin's zone, local mean time +00:53:28.
    [InlineData("RETURN datetime('1818-07-21T21:40:32.142[Europe/Stockholm]')", "1818-07-21T21:40:32.142+00:53:28[Europe/Stockholm]")]
    [InlineData("RETURN datetime({epochSeconds: 0, timezone: 'Asia/Kolkata'})", "1970-01-01T05:30+05:30[Asia/Kolkata]")]
    public void NamedZonesFollowNeo4jsRules(string query, string expected) =>
        Assert.Equal(expected, Assert.IsType<CypherTemporal>(One(query)).Value);

    [Theory]
    [InlineData("RETURN time({hour: 12, timezone: '+99:00'})")]
    [InlineData("RETURN datetime({year: 2020, timezone: '-18:30'})")]
    [InlineData("RETURN time({hour: 12, timezone: '+05:60'})")]
    [InlineData("RETURN datetime('2020-01-01T12:00+19:00')")]
    [InlineData("RETURN time('12:00:00+0575')")]
    public void AnOffsetOutsideEighteenHoursOrWithSixtyMinutesIsAnArgumentError(string query)
    {
        var error = Assert.Throws<CypherException>(() => One(query));
        Assert.Contains("Invalid time zone offset", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RETURN time({hour: 12, timezone: '+18:00'})", "12:00+18:00")]
    [InlineData("RETURN time({hour: 12, timezone: '-18:00'})", "12:00-18:00")]
    [InlineData("RETURN time({hour: 12, timezone: '+05:45'})", "12:00+05:45")]
    public void OffsetsUpToEighteenHoursStand(string query, string expected) =>
        Assert.Equal(expected, Assert.IsType<CypherTemporal>(One(query)).Value);

    [Fact]
    public void AnUnknownZoneIsAnArgumentError()
    {
        var error = Assert.Throws<CypherException>(() => One("RETURN datetime({year: 2020, timezone: 'Europe/Atlantis'})"));
        Assert.Contains("Unknown time zone", error.Message, StringComparison.Ordinal);
    }
}

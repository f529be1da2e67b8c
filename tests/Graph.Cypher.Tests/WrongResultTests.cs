using System.Text.Json;

namespace Graph.Cypher.Tests;

/// <summary>Answers that once differed from Neo4j 5's for the same query.</summary>
public sealed class WrongResultTests
{
    private static CypherEngine Citations()
    {
        var engine = new CypherEngine();
        engine.Run("CREATE (a:Document {id: 'A'})-[:CITES]->(b:Document {id: 'B'})");
        return engine;
    }

    /// <summary>A range that ends at the largest (or smallest) integer stops there; its next step used to wrap around.</summary>
    [Theory]
    [InlineData("RETURN range(9223372036854775806, 9223372036854775807) AS r", 9223372036854775806L, 9223372036854775807L)]
    [InlineData("RETURN range(-9223372036854775807, -9223372036854775807 - 1, -1) AS r", -9223372036854775807L, long.MinValue)]
    [InlineData("RETURN range(9223372036854775800, 9223372036854775807, 7) AS r", 9223372036854775800L, 9223372036854775807L)]
    public void ARangeToTheEndOfTheIntegersStopsThere(string query, long first, long last)
    {
        var values = Assert.IsType<List<object?>>(Assert.Single(new CypherEngine().Run(query).Rows)[0]);
        Assert.Equal([first, last], values);
    }

    [Fact]
    public void ExistsOnAPatternIsFalseWhenNothingMatches()
    {
        var result = Citations().Run(
            "MATCH (d:Document) RETURN d.id AS id, exists((d)<-[:NO_SUCH_TYPE]-()) AS none, exists((d)<-[:CITES]-()) AS cited ORDER BY id");
        Assert.Equal([["A", false, false], ["B", false, true]], result.Rows.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void ExistsOnAPatternFiltersInWhere()
    {
        var result = Citations().Run("MATCH (d:Document) WHERE exists((d)-[:CITES]->()) RETURN d.id AS id");
        Assert.Equal("A", Assert.Single(result.Rows)[0]);
    }

    [Fact]
    public void ExistsOnAPropertyStillAsksWhetherItIsSet()
    {
        var result = new CypherEngine().Run("WITH {flag: false} AS m RETURN exists(m.flag) AS flagged, exists(m.other) AS other");
        Assert.Equal([true, false], result.Rows[0]);
    }

    [Theory]
    [InlineData("round(2.567, 2)", 2.57)]
    [InlineData("round(2.5)", 3.0)]
    [InlineData("round(-2.5)", -2.0)]
    [InlineData("round(2.675, 2)", 2.68)]
    [InlineData("round(1234.5, -2)", 1200.0)]
    [InlineData("round(7, 1)", 7.0)]
    [InlineData("round(2.5, 0, 'HALF_UP')", 3.0)]
    [InlineData("round(-2.5, 0, 'HALF_UP')", -3.0)]
    [InlineData("round(2.5, 0, 'HALF_DOWN')", 2.0)]
    [InlineData("round(2.51, 0, 'HALF_DOWN')", 3.0)]
    [InlineData("round(2.5, 0, 'HALF_EVEN')", 2.0)]
    [InlineData("round(3.5, 0, 'HALF_EVEN')", 4.0)]
    [InlineData("round(1.21, 1, 'UP')", 1.3)]
    [InlineData("round(-1.21, 1, 'UP')", -1.3)]
    [InlineData("round(1.29, 1, 'DOWN')", 1.2)]
    [InlineData("round(-1.21, 1, 'CEILING')", -1.2)]
    [InlineData("round(-1.21, 1, 'FLOOR')", -1.3)]
    [InlineData("round(3.14159, 3, 'half_even')", 3.142)]
    public void RoundHonoursPrecisionAndMode(string call, double expected)
    {
        var value = new CypherEngine().Run("RETURN " + call + " AS r").Rows[0][0];
        Assert.Equal(expected, Assert.IsType<double>(value));
    }

    [Fact]
    public void RoundWithAnUnknownModeIsAClearError()
    {
        var e = Assert.Throws<CypherException>(() => new CypherEngine().Run("RETURN round(2.5, 0, 'SIDEWAYS') AS r"));
        Assert.Contains("HALF_EVEN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundOfNullPrecisionIsNull()
    {
        Assert.Null(new CypherEngine().Run("RETURN round(2.5, null) AS r").Rows[0][0]);
    }

    [Fact]
    public void JsonIntegerParametersAreIntegers()
    {
        using var json = JsonDocument.Parse("""{"n": 1, "s": 3, "big": 9007199254740993, "f": 2.0, "list": [1, 2.5]}""");
        var parameters = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        var result = Citations().Run(
            "MATCH (d:Document) RETURN d.id AS id, $s / 2 AS half, $big AS big, $f AS f, $list AS list ORDER BY id LIMIT $n", parameters);
        var row = Assert.Single(result.Rows);
        Assert.Equal(1L, row[1]);
        Assert.Equal(9007199254740993L, row[2]);
        Assert.Equal(2.0, row[3]);
        Assert.Equal(new List<object?> { 1L, 2.5 }, row[4]);
    }

    [Fact]
    public void UnsignedIntegerParametersAreIntegers()
    {
        var result = new CypherEngine().Run("RETURN $n + 1 AS r", new Dictionary<string, object?> { ["n"] = 41UL });
        Assert.Equal(42L, result.Rows[0][0]);
    }
}

using Graph.Store.Memory;

namespace Graph.Cypher.Tests;

/// <summary>
/// Neo4j 5 and Cypher 25 syntax beside openCypher's: label and type expressions, inline WHERE, type predicates, ||,
/// the string functions, LET/FILTER/FINISH/NEXT, dynamic labels, GQL path selectors and quantified paths. The
/// conformance suite (tests/Graph.Tck.Tests/Conformance) holds the manual's examples; these pin down the edges.
/// </summary>
public sealed class Cypher5SyntaxTests
{
    private static CypherEngine Engine(string setup)
    {
        var engine = new CypherEngine(new MemoryGraph());
        engine.Run(setup);
        return engine;
    }

    private static object? Scalar(string query) => new CypherEngine(new MemoryGraph()).Run(query).Rows.Single()[0];

    [Fact]
    public void LabelAlternativeInAListComprehensionKeepsTheProjectionBar()
    {
        var engine = Engine("CREATE (:A {n: 1}), (:B {n: 2}), (:C {n: 3})");
        Assert.Equal(new List<object?> { 1L, 2L },
            engine.Run("MATCH (x) WITH x ORDER BY x.n WITH collect(x) AS xs RETURN [x IN xs WHERE x:A|B | x.n]").Rows.Single()[0]);
        Assert.Equal(new List<object?> { 1L },
            engine.Run("MATCH (x) WITH x ORDER BY x.n WITH collect(x) AS xs RETURN [x IN xs WHERE x:A | x.n]").Rows.Single()[0]);
    }

    [Fact]
    public void LabelExpressionsDoNotTakeTheCountingShortcut()
    {
        // A single-hop count per end node is counted from adjacency lists; a label expression must opt out of it.
        var engine = Engine("CREATE (a:A)-[:R]->(x:X), (b:B)-[:R]->(x), (c:C)-[:R]->(x)");
        Assert.Equal(2L, engine.Run("MATCH (:A|B)-[:R]->(x:X) RETURN x, count(*) AS n").Rows.Single()[1]);
        Assert.Equal(1L, engine.Run("MATCH (:!A&!B)-[:R]->(x:X) RETURN x, count(*) AS n").Rows.Single()[1]);
    }

    [Fact]
    public void TypePredicatesFollowTheNullRules()
    {
        Assert.Equal(true, Scalar("RETURN null IS :: INTEGER"));
        Assert.Equal(false, Scalar("RETURN null IS :: INTEGER NOT NULL"));
        Assert.Equal(false, Scalar("RETURN null IS NOT :: STRING"));
        Assert.Equal(true, Scalar("RETURN [1, 2.0] IS :: LIST<INTEGER | FLOAT>"));
    }

    [Fact]
    public void ConcatenationJoinsStringsAndListsAndRefusesMixtures()
    {
        Assert.Equal("ab", Scalar("RETURN 'a' || 'b'"));
        Assert.Equal(new List<object?> { 1L, 2L }, Scalar("RETURN [1] || [2]"));
        var e = Assert.Throws<CypherException>(() => Scalar("WITH [1] AS l RETURN 'a' || l"));
        Assert.Equal("TypeError", e.ErrorType);
    }

    [Fact]
    public void TrimFunctionsTakeTheCharactersToRemove()
    {
        Assert.Equal("hello", Scalar("RETURN btrim('--hello--', '-')"));
        Assert.Equal("hello--", Scalar("RETURN ltrim('--hello--', '-')"));
        Assert.Equal("--hello", Scalar("RETURN rtrim('--hello--', '-')"));
        Assert.Equal("\u00C5", Scalar("RETURN normalize('\\u212B')"));
        Assert.Equal(2L, Scalar("RETURN char_length('\\u00C5b')"));
    }

    [Fact]
    public void RandomUuidIsAVersionFourUuid()
    {
        var uuid = Assert.IsType<string>(Scalar("RETURN randomUUID()"));
        Assert.True(Guid.TryParse(uuid, out _));
        Assert.Equal('4', uuid[14]);
    }

    [Fact]
    public void NextFeedsTheReturnedColumnsOnly()
    {
        var e = Assert.Throws<CypherException>(() => Scalar("WITH 1 AS a, 2 AS b RETURN a NEXT RETURN b"));
        Assert.Equal("UndefinedVariable", e.Detail);
        Assert.Equal(3L, Scalar("WITH 1 AS a RETURN a + 1 AS b NEXT RETURN b + 1 AS c"));
    }

    [Fact]
    public void DynamicLabelsAreNotParameters()
    {
        var engine = Engine("CREATE (:A:B), (:A)");
        Assert.Equal(1L, engine.Run("MATCH (n:$all(['A', 'B'])) RETURN count(n)").Rows.Single()[0]);
        Assert.Equal(2L, engine.Run("MATCH (n:$any(['B', 'A'])) RETURN count(n)").Rows.Single()[0]);
        Assert.Equal(1L, engine.Run("MATCH (n:$($l)) RETURN count(n)", new Dictionary<string, object?> { ["l"] = "B" }).Rows.Single()[0]);
    }

    [Fact]
    public void QuantifiedPathPatternsRepeatAStretchOfSeveralHops()
    {
        // A citation that is answered: (a)-[:CITES]->(b)<-[:ANSWERS]-(c), twice in a row from A.
        var engine = Engine("CREATE (a:D {n: 'A'})-[:CITES]->(b:D {n: 'B'})<-[:ANSWERS]-(c:D {n: 'C'})-[:CITES]->(d:D {n: 'D'})<-[:ANSWERS]-(e:D {n: 'E'})");
        var row = engine.Run("MATCH (:D {n: 'A'})((x)-[:CITES]->(y)<-[:ANSWERS]-(z)){2}(last) " +
                             "RETURN [v IN x | v.n], [v IN y | v.n], [v IN z | v.n], last.n").Rows.Single();
        Assert.Equal(new object?[] { new List<object?> { "A", "C" }, new List<object?> { "B", "D" }, new List<object?> { "C", "E" }, "E" }, row.ToArray());
        Assert.Equal(0L, engine.Run("MATCH (:D {n: 'A'})((x)-[:CITES]->(y)<-[:ANSWERS]-(z)){3}(last) RETURN count(*)").Rows.Single()[0]);
    }

    [Fact]
    public void ShortestKTakesTheKShortestPathsPerPairOfEnds()
    {
        // Two routes of two hops from s to t, and one of three.
        var engine = Engine("CREATE (s:N {n: 's'})-[:R]->(:N)-[:R]->(t:N {n: 't'}), (s)-[:R]->(:N)-[:R]->(t), (s)-[:R]->(:N)-[:R]->(:N)-[:R]->(t)");
        long Paths(string selector) => (long)engine.Run(
            $"MATCH p = {selector} (:N {{n: 's'}})-[:R]->+(:N {{n: 't'}}) RETURN count(p)").Rows.Single()[0]!;
        Assert.Equal(1L, Paths("SHORTEST 1"));
        Assert.Equal(2L, Paths("ALL SHORTEST"));
        Assert.Equal(3L, Paths("SHORTEST 3"));
        Assert.Equal(3L, Paths("SHORTEST 2 GROUPS"));
        Assert.Equal(2L, Paths("ANY 2"));
        Assert.Equal(3L, Paths(""));
    }

    [Fact]
    public void ShortestKStopsAtTheLengthsItKeepsOnAGraphFullOfCycles()
    {
        // Every pair of 7 nodes linked: listing every trail between two of them first would not end in the query's time;
        // walking length by length stops after two.
        var engine = Engine("UNWIND range(0, 6) AS i CREATE (:K {i: i})");
        engine.Run("MATCH (a:K), (b:K) WHERE a.i < b.i CREATE (a)-[:R]->(b)");
        var lengths = engine.Run("MATCH p = SHORTEST 2 (:K {i: 0})-[:R]-+(:K {i: 1}) RETURN length(p) ORDER BY length(p)").Rows.Select(r => r[0]);
        Assert.Equal([1L, 2L], lengths);
        var groups = engine.Run("MATCH p = SHORTEST 2 GROUPS (:K {i: 0})-[:R]-+(:K {i: 1}) RETURN length(p), count(*) ORDER BY length(p)").Rows;
        Assert.Equal([[1L, 1L], [2L, 5L]], groups.Select(r => r.ToArray()).ToArray());
    }
}

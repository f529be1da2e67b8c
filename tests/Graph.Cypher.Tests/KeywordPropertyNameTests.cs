namespace Graph.Cypher.Tests;

/// <summary>
/// Cypher's keywords are reserved as clause words, not as property names or map keys: <c>n.on</c>, <c>n.order</c>,
/// <c>{end: 1}</c> are ordinary names wherever a property or key stands (Neo4j accepts them all).
/// </summary>
public sealed class KeywordPropertyNameTests
{
    [Theory]
    [InlineData("on")]
    [InlineData("order")]
    [InlineData("count")]
    [InlineData("end")]
    [InlineData("in")]
    [InlineData("is")]
    [InlineData("null")]
    [InlineData("case")]
    [InlineData("match")]
    [InlineData("set")]
    [InlineData("limit")]
    public void KeywordIsAPropertyNameAndMapKeyInEveryPlace(string key)
    {
        var engine = new CypherEngine();
        var parameters = new Dictionary<string, object?> { ["p"] = new Dictionary<string, object?> { [key] = 9L } };
        (string Query, object? Expected)[] cases =
        [
            ($"CREATE (n:K {{{key}: 1}}) RETURN n.{key} AS v", 1L),
            ($"MATCH (n:K) SET n.{key} = 2 RETURN n.{key} AS v", 2L),
            ($"MATCH (n:K) WHERE n.{key} = 2 RETURN n.{key} + 1 AS v", 3L),
            ($"MATCH (n:K {{{key}: 2}}) RETURN n {{.{key}}}.{key} AS v", 2L),
            ($"MATCH (n:K) RETURN n {{{key}: 4}}.{key} AS v", 4L),
            ($"RETURN {{{key}: 5}}.{key} AS v", 5L),
            ($"MATCH (n:K) WITH n ORDER BY n.{key} RETURN n.{key} AS v ORDER BY n.{key} DESC", 2L),
            ($"MERGE (n:K {{{key}: 2}}) ON CREATE SET n.{key} = 6 ON MATCH SET n.{key} = 7 RETURN n.{key} AS v", 7L),
            ($"CREATE (:K)-[r:R {{{key}: 8}}]->(:K) RETURN r.{key} AS v", 8L),
            ($"MATCH (n:K) WHERE n.{key} IS NOT NULL RETURN CASE WHEN n.{key} > 0 THEN n.{key} ELSE 0 END AS v", 7L),
            ($"MATCH (n:K) WHERE n.{key} IN [7] RETURN collect(n.{key})[0] AS v", 7L),
            ($"RETURN $p.{key} AS v", 9L),
            ($"MATCH (n:K) WHERE n.{key} = 7 REMOVE n.{key} RETURN n.{key} AS v", null),
        ];
        foreach (var (query, expected) in cases)
        {
            CypherResult result;
            try
            {
                result = engine.Run(query, parameters);
            }
            catch (CypherException e)
            {
                Assert.Fail($"{query}\nfailed: {e.Message}");
                return;
            }

            Assert.True(Equals(expected, result.Rows[0][0]), $"{query}\nexpected {expected ?? "null"}, got {result.Rows[0][0] ?? "null"}");
        }
    }

    [Fact]
    public void EndAsAPropertyNameIsNotTheEndOfACase()
    {
        // The nesting guard pairs each CASE with its END: n.end must not close a CASE, or CASE expressions nested past the
        // limit would pass the guard whenever each of them reads n.end.
        static string Nested(int depth) => "WITH {end: 1} AS n RETURN " + string.Concat(Enumerable.Repeat("CASE WHEN n.end = 1 THEN ", depth))
            + "n.end" + string.Concat(Enumerable.Repeat(" END", depth)) + " AS v";
        Assert.Equal(1L, new CypherEngine().Run(Nested(50)).Rows[0][0]);
        var refused = Assert.Throws<CypherException>(() => new CypherEngine().Run(Nested(Syntax.NestingGuard.MaxBracketDepth + 1)));
        Assert.Equal("NestingTooDeep", refused.Detail);
    }

    [Fact]
    public void AKeywordAsAPropertyNameDoesNotEndAChainOfOperators()
    {
        // 1 + n.order + 1 + … is one expression as deep as it is long: n.order must not reset the guard's count as ORDER BY would.
        var query = "WITH {order: 1} AS n RETURN " + string.Join(" + ", Enumerable.Repeat("n.order", Syntax.NestingGuard.MaxChainedOperators)) + " AS v";
        var refused = Assert.Throws<CypherException>(() => new CypherEngine().Run(query));
        Assert.Equal("NestingTooDeep", refused.Detail);
    }
}

namespace Graph.Cypher.Tests;

/// <summary>EXPLAIN and PROFILE: the operator tree, estimates from the graph's counts, and measured rows and db hits.</summary>
public sealed class PlanTests
{
    /// <summary>Many documents, few series: a planner going by counts starts at the series.</summary>
    private static CypherEngine Engine()
    {
        var engine = new CypherEngine();
        engine.Run("UNWIND range(1, 200) AS i CREATE (:Document {id: 'D' + i, year: 2000 + i % 20})");
        engine.Run("UNWIND range(1, 5) AS i CREATE (:Series {name: 'S' + i})");
        engine.Run("MATCH (d:Document), (s:Series) WHERE toInteger(substring(d.id, 1)) % 5 = toInteger(substring(s.name, 1)) % 5 CREATE (d)-[:IN_SERIES]->(s)");
        return engine;
    }

    private static IEnumerable<CypherPlan> Flatten(CypherPlan plan) => new[] { plan }.Concat(plan.Children.SelectMany(Flatten));

    [Fact]
    public void ExplainReturnsThePlanWithoutRunningTheQuery()
    {
        var engine = Engine();
        var result = engine.Run("EXPLAIN MATCH (d:Document)-[:IN_SERIES]->(s:Series) RETURN s.name, count(d)");
        Assert.Empty(result.Rows);
        Assert.Equal(["s.name", "count(d)"], result.Columns);
        var plan = Assert.IsType<CypherPlan>(result.Plan);
        Assert.False(result.Profiled);
        Assert.Equal("ProduceResults@neo4j", plan.OperatorType);
        var operators = Flatten(plan).Select(p => p.OperatorType).ToList();
        Assert.Equal(["ProduceResults@neo4j", "EagerAggregation@neo4j", "Expand(All)@neo4j", "NodeByLabelScan@neo4j"], operators);
        var scan = Flatten(plan).Last();
        Assert.Equal("s:Series", scan.Details);
        Assert.Equal(5, scan.EstimatedRows);
        Assert.Null(scan.Rows);
        Assert.Empty(engine.Run("EXPLAIN CREATE (:Series {name: 'never'})").Rows);
        Assert.Equal(5L, engine.Run("MATCH (s:Series) RETURN count(s)").Rows[0][0]);
    }

    [Fact]
    public void ProfileCountsRowsAndDbHitsPerOperator()
    {
        var result = Engine().Run("PROFILE MATCH (s:Series)<-[:IN_SERIES]-(d:Document) WHERE d.year = 2001 RETURN s.name, d.id");
        var plan = result.Plan!;
        Assert.True(result.Profiled);
        Assert.Equal(result.Rows.Count, plan.Rows);
        var operators = Flatten(plan).ToList();
        var scan = operators.Single(o => o.OperatorType == "NodeByLabelScan@neo4j");
        Assert.Equal(5, scan.Rows);
        var expand = operators.Single(o => o.OperatorType == "Expand(All)@neo4j");
        Assert.Equal(10, expand.Rows);
        Assert.True(expand.DbHits > 200, $"expand read {expand.DbHits} times");
        Assert.True(scan.DbHits >= 5);
    }

    [Fact]
    public void TheStartNodeIsTheOneWithFewerEstimatedRowsWhicheverEndItIs()
    {
        var engine = Engine();
        var left = engine.Run("EXPLAIN MATCH (s:Series)<-[:IN_SERIES]-(d:Document) RETURN d").Plan!;
        var right = engine.Run("EXPLAIN MATCH (d:Document)-[:IN_SERIES]->(s:Series) RETURN d").Plan!;
        Assert.Equal("s:Series", Flatten(left).Last().Details);
        Assert.Equal("s:Series", Flatten(right).Last().Details);
        var profiled = engine.Run("PROFILE MATCH (d:Document)-[:IN_SERIES]->(s:Series) RETURN d").Plan!;
        Assert.Equal(5, Flatten(profiled).Last().Rows);
    }

    [Fact]
    public void AnIndexedEqualityIsASeekEstimatedBelowTheLabel()
    {
        var engine = Engine();
        engine.Run("CREATE INDEX FOR (d:Document) ON (d.year)");
        var plan = engine.Run("EXPLAIN MATCH (d:Document) WHERE d.year = 2003 RETURN d").Plan!;
        var seek = Flatten(plan).Last();
        Assert.Equal("NodeIndexSeek@neo4j", seek.OperatorType);
        Assert.True(seek.EstimatedRows < 200);
        var profiled = engine.Run("PROFILE MATCH (d:Document) WHERE d.year IN [2003, 2004] RETURN d.id").Plan!;
        Assert.Equal(20, Flatten(profiled).Last().Rows);
    }

    [Fact]
    public void AnIndexAnswersStartsWithAndRangesWithTheSameRowsAsAScan()
    {
        var engine = Engine();
        string[] queries =
        [
            "MATCH (d:Document) WHERE d.id STARTS WITH 'D1' RETURN d.id ORDER BY d.id",
            "MATCH (d:Document) WHERE d.year >= 2005 AND d.year < 2007 RETURN d.id ORDER BY d.id",
            "MATCH (d:Document) WHERE 2018 < d.year RETURN d.id ORDER BY d.id",
            "MATCH (d:Document) WHERE d.id > 'D97' RETURN d.id ORDER BY d.id",
        ];
        var scanned = queries.Select(q => engine.Run(q).Rows.Select(r => r[0]).ToList()).ToList();
        engine.Run("CREATE INDEX FOR (d:Document) ON (d.year)");
        engine.Run("CREATE TEXT INDEX FOR (d:Document) ON (d.id)");
        for (var i = 0; i < queries.Length; i++)
        {
            Assert.NotEmpty(scanned[i]);
            Assert.Equal(scanned[i], engine.Run(queries[i]).Rows.Select(r => r[0]).ToList());
            var plan = engine.Run("PROFILE " + queries[i]).Plan!;
            var seek = Flatten(plan).Last();
            Assert.Equal("NodeIndexSeekByRange@neo4j", seek.OperatorType);
            Assert.True(seek.Rows < 200, $"{queries[i]}: the seek read {seek.Rows} nodes");
        }

        engine.Run("MATCH (d:Document {id: 'D10'}) SET d.id = 'E10'");
        Assert.Equal(scanned[0].Count - 1, engine.Run(queries[0]).Rows.Count);
    }

    [Fact]
    public void ARelationshipIndexStartsTheMatchAtTheRelationshipsItFinds()
    {
        var engine = new CypherEngine();
        engine.Run("UNWIND range(1, 300) AS i CREATE (:Doc {n: i})-[:CITES {para: i % 50}]->(:Doc {n: 1000 + i})");
        string[] queries =
        [
            "MATCH (a:Doc)-[r:CITES]->(b:Doc) WHERE r.para = 7 RETURN a.n, b.n ORDER BY a.n",
            "MATCH (a:Doc)<-[r:CITES {para: 7}]-(b:Doc) RETURN a.n, b.n ORDER BY a.n",
            "MATCH (a:Doc)-[r:CITES {para: 7.0}]-(b:Doc) RETURN a.n, b.n ORDER BY a.n, b.n",
            "MATCH (a:Doc)-[r:CITES]->(b:Doc) WHERE r.para IN [7, 8] RETURN a.n, b.n ORDER BY a.n",
        ];
        var scanned = queries.Select(q => engine.Run(q).Rows.Select(r => string.Join(",", r)).ToList()).ToList();
        Assert.All(queries, q => Assert.True(Flatten(engine.Run("PROFILE " + q).Plan!).Sum(o => o.DbHits) > 600));
        engine.Run("CREATE INDEX cites_para FOR ()-[r:CITES]-() ON (r.para)");
        for (var i = 0; i < queries.Length; i++)
        {
            Assert.NotEmpty(scanned[i]);
            Assert.Equal(scanned[i], engine.Run(queries[i]).Rows.Select(r => string.Join(",", r)).ToList());
            var profiled = Flatten(engine.Run("PROFILE " + queries[i]).Plan!).ToList();
            // Every node of the match was read without the index; with it, only the ends of the relationships found.
            Assert.True(profiled.Sum(o => o.DbHits) < 300, $"{queries[i]}: {profiled.Sum(o => o.DbHits)} db hits");
        }

        var plan = Flatten(engine.Run("EXPLAIN " + queries[0]).Plan!).Last();
        Assert.Equal("DirectedRelationshipIndexSeek@neo4j", plan.OperatorType);
        Assert.True(plan.EstimatedRows < 600);
        engine.Run("MATCH ()-[r:CITES {para: 8}]->() SET r.para = 7");
        Assert.Equal(12, engine.Run(queries[0]).Rows.Count);
    }
}

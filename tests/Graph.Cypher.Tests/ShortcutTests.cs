using Graph.Store.Memory;

namespace Graph.Cypher.Tests;

/// <summary>
/// The store's shortcuts (a top k fed by a label scan that reads sort keys from the property records, two-step walks
/// counted per end node, the store's own shortest-path search) give the answers of the general way, which a WHERE the
/// shortcuts do not take forces.
/// </summary>
public sealed class ShortcutTests
{
    /// <summary>
    /// Paragraph-like nodes (some also labelled Q) with ordinals that tie often, are sometimes missing or a float, and
    /// ids; document-like nodes citing each other with parallel citations and self-citations.
    /// </summary>
    private static CypherEngine RandomGraph(int seed)
    {
        var graph = new MemoryGraph();
        var random = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            var properties = new List<KeyValuePair<string, object?>> { new("id", $"p{random.Next(100_000)}-{i}") };
            var roll = random.Next(10);
            if (roll < 7) properties.Add(new("ordinal", (long)random.Next(12)));
            else if (roll < 8) properties.Add(new("ordinal", random.Next(12) + 0.5));
            graph.CreateNode(random.Next(3) == 0 ? ["P", "Q"] : ["P"], properties);
        }

        var documents = Enumerable.Range(0, 60).Select(i => graph.CreateNode(random.Next(5) == 0 ? ["D", "E"] : ["D"], [new("id", $"d{i}")])).ToArray();
        for (var r = 0; r < 400; r++)
        {
            var start = documents[random.Next(documents.Length)];
            var end = random.Next(15) == 0 ? start : documents[random.Next(documents.Length)];
            var type = random.Next(5) == 0 ? "MENTIONS" : "CITES";
            graph.CreateRelationship(type, start, end, key: "r" + r);
            if (random.Next(8) == 0) graph.CreateRelationship(type, start, end, key: "p" + r);
        }

        return new CypherEngine(graph);
    }

    private static List<string> Rows(CypherEngine engine, string query, IReadOnlyDictionary<string, object?>? parameters = null) =>
        [.. engine.Run(query, parameters).Rows.Select(r => string.Join(" ", r.Select(v => v?.ToString())))];

    [Theory]
    [InlineData(1, "p.id AS id, p.ordinal AS ordinal", "ordinal DESC, id", "LIMIT 10")]
    [InlineData(2, "p.id AS id, p.ordinal AS ordinal", "p.ordinal, p.id DESC", "SKIP 5 LIMIT 7")]
    [InlineData(3, "p.id, p.ordinal", "p.ordinal DESC", "LIMIT 12")]
    [InlineData(4, "p, 'fixed' AS f, $x AS x", "p.ordinal, p.id", "LIMIT 4")]
    [InlineData(5, "p.id AS id", "p.missing, id DESC", "LIMIT 3")]
    [InlineData(6, "p.id AS id", "id", "LIMIT 0")]
    public void TheTopOfALabelScanIsTheTopOfTheSortedRows(int seed, string items, string order, string limit)
    {
        var engine = RandomGraph(seed);
        var parameters = new Dictionary<string, object?> { ["x"] = 7L };
        foreach (var labels in new[] { "P", "P:Q" })
        {
            var scanned = Rows(engine, $"MATCH (p:{labels}) RETURN {items} ORDER BY {order} {limit}", parameters);
            var sorted = Rows(engine, $"MATCH (p:{labels}) WHERE true RETURN {items} ORDER BY {order} {limit}", parameters);
            Assert.Equal(sorted, scanned);
            if (!limit.EndsWith(" 0", StringComparison.Ordinal)) Assert.NotEmpty(scanned);
        }
    }

    [Fact]
    public void ExplainAndProfileShowTheTopFedByTheScan()
    {
        var engine = RandomGraph(7);
        const string Query = "MATCH (p:P) RETURN p.id AS id, p.ordinal AS ordinal ORDER BY ordinal DESC, id LIMIT 10";
        var explained = engine.Run("EXPLAIN " + Query).Plan!;
        var top = explained.Children.Single();
        Assert.Equal("Top@neo4j", top.OperatorType);
        Assert.Contains("sort keys read from the property records", top.Details, StringComparison.Ordinal);
        Assert.Equal("NodeByLabelScan@neo4j", top.Children.Single().OperatorType);

        var profiled = engine.Run("PROFILE " + Query);
        var profiledTop = profiled.Plan!.Children.Single();
        Assert.Equal(10, profiledTop.Rows);
        Assert.Equal(300, profiledTop.Children.Single().Rows);
        Assert.Equal(Rows(engine, Query), profiled.Rows.Select(r => string.Join(" ", r.Select(v => v?.ToString()))));
    }

    [Theory]
    [InlineData("(a:D {id: $id})<-[:CITES]-(x:D)-[:CITES]->(b:D) WHERE b <> a", "b.id AS id, count(x) AS together ORDER BY together DESC, id LIMIT 5")]
    [InlineData("(a:D {id: $id})<-[:CITES]-(x:D)-[:CITES]->(b:D) WHERE a <> b", "b.id AS id, count(*) AS together ORDER BY together, id DESC SKIP 2 LIMIT 4")]
    [InlineData("(a:D {id: $id})<-[:CITES]-(x)-[:CITES]->(b)", "b.id AS id, count(x) AS together ORDER BY id")]
    [InlineData("(a:D {id: $id})-[r:CITES]->(x:E)<-[s:MENTIONS]-(b:D)", "b, count(s) AS n ORDER BY n DESC, b.id LIMIT 3")]
    [InlineData("(a:D {id: $id})<-[:CITES]-(x:D)-[:CITES]->(b:D)", "toInteger(substring(b.id, 1)) % 4 AS bucket, count(*) AS n ORDER BY bucket")]
    [InlineData("(a:D {id: $id})<-[:CITES]-(x:D)-[:CITES]->(b:D) WHERE b <> a", "count(x) AS n")]
    public void TwoStepWalksCountedPerEndAreTheCountsOfTheMatchedRows(string pattern, string projection)
    {
        var engine = RandomGraph(11);
        var forced = pattern.Contains("WHERE", StringComparison.Ordinal) ? pattern + " AND true" : pattern + " WHERE true";
        var answered = 0;
        foreach (var id in new[] { "d0", "d3", "d17", "d42", "no-such-document" })
        {
            var parameters = new Dictionary<string, object?> { ["id"] = id };
            var counted = Rows(engine, $"MATCH {pattern} RETURN {projection}", parameters);
            Assert.Equal(Rows(engine, $"MATCH {forced} RETURN {projection}", parameters), counted);
            answered += counted.Count;
        }

        Assert.True(answered > 0);
    }

    [Fact]
    public void TheStoresShortestPathIsAsLongAsAllShortestPathsAndConnectsItsEnds()
    {
        var engine = RandomGraph(5);
        var random = new Random(5);
        foreach (var pattern in new[] { "-[*]-", "-[:CITES*]->", "<-[:MENTIONS*..3]-" })
        {
            for (var i = 0; i < 40; i++)
            {
                var parameters = new Dictionary<string, object?> { ["a"] = $"d{random.Next(60)}", ["b"] = $"d{random.Next(60)}" };
                const string Ends = "MATCH (a:D {id: $a}), (b:D {id: $b}) WHERE a <> b ";
                var found = engine.Run(Ends + $"MATCH p = shortestPath((a){pattern}(b)) RETURN length(p), [n IN nodes(p) | n.id], " +
                    "[r IN relationships(p) | startNode(r).id + '>' + endNode(r).id]", parameters).Rows;
                // allShortestPaths runs the engine's own search: its paths are all as long as the one shortest path.
                var expected = engine.Run(Ends + $"MATCH p = allShortestPaths((a){pattern}(b)) RETURN DISTINCT length(p)", parameters).Rows;
                Assert.Equal(expected.Select(r => r[0]), found.Select(r => r[0]));
                if (found.Count == 0) continue;
                // Each relationship joins the nodes on either side of it in the path, from a to b.
                var nodes = (IReadOnlyList<object?>)found[0][1]!;
                var steps = (IReadOnlyList<object?>)found[0][2]!;
                Assert.Equal(parameters["a"], nodes[0]);
                Assert.Equal(parameters["b"], nodes[^1]);
                for (var s = 0; s < steps.Count; s++)
                {
                    var ends = ((string)steps[s]!).Split('>');
                    Assert.Contains(nodes[s], ends);
                    Assert.Contains(nodes[s + 1], ends);
                }
            }
        }
    }

    [Theory]
    [InlineData("-[:CITES*1..5]->")]
    [InlineData("<-[:CITES*..3]-")]
    [InlineData("-[:CITES|MENTIONS*0..2]->")]
    [InlineData("<-[:MENTIONS*1..1]-")]
    [InlineData("-[*1..4]->")]
    [InlineData("-[:NO_SUCH_TYPE*1..3]->")]
    [InlineData("-[:CITES*2..3]->")]
    [InlineData("-[:CITES*1..2]-")]
    public void ReachedNodesCountedFromTheFrontierAreTheDistinctEndsOfEveryPath(string relationship)
    {
        var engine = RandomGraph(13);
        var answered = 0L;
        foreach (var anchor in new[] { "(a:D {id: $id})", "({id: $id})", "(:E {id: $id})" })
        {
            foreach (var end in new[] { "(x)", "(x:D)", "(x:E)", "(x:D:E)", "(x:P)" })
            {
                foreach (var id in new[] { "d0", "d5", "d23", "d41", "d59", "no-such-document" })
                {
                    var parameters = new Dictionary<string, object?> { ["id"] = id };
                    var pattern = anchor + relationship + end;
                    var counted = Rows(engine, $"MATCH {pattern} RETURN count(DISTINCT x) AS n, count(DISTINCT x) AS again", parameters);
                    // Every path enumerated (count(*) per end needs them all), then its distinct ends counted.
                    var enumerated = Rows(engine, $"MATCH {pattern} WITH x, count(*) AS paths RETURN count(x) AS n, count(x) AS again", parameters);
                    Assert.Equal(enumerated, counted);
                    Assert.Equal(Rows(engine, $"MATCH {pattern} WHERE true RETURN count(DISTINCT x) AS n, count(DISTINCT x) AS again", parameters), counted);
                    answered += long.Parse(counted.Single().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        // A type no relationship has reaches nothing; every other pattern reaches something from some anchor.
        Assert.Equal(!relationship.Contains("NO_SUCH_TYPE", StringComparison.Ordinal), answered > 0);
    }

    [Fact]
    public void ExplainShowsTheReachCountedFromTheFrontierOnlyForItsShape()
    {
        var engine = RandomGraph(13);
        const string Note = "reached nodes counted from a frontier per depth";
        string Details(string query) => Describe(engine.Run("EXPLAIN " + query, new Dictionary<string, object?> { ["id"] = "d5" }).Plan!);
        static string Describe(CypherPlan op) => op.OperatorType + "[" + op.Details + "](" + string.Join(", ", op.Children.Select(Describe)) + ")";
        Assert.Contains(Note, Details("MATCH (d:D {id: $id})-[:CITES*1..5]->(x:D) RETURN count(DISTINCT x) AS n"), StringComparison.Ordinal);
        Assert.Contains(Note, Details("MATCH ({id: 'd5'})<-[:CITES|MENTIONS*0..]-(x) WITH count(DISTINCT x) AS n RETURN n"), StringComparison.Ordinal);
        foreach (var other in new[]
                 {
                     "MATCH (d:D {id: $id})-[:CITES*2..5]->(x:D) RETURN count(DISTINCT x) AS n",
                     "MATCH (d:D {id: $id})-[:CITES*1..5]-(x:D) RETURN count(DISTINCT x) AS n",
                     "MATCH (d:D {id: $id})-[:CITES*1..5]->(x:D) RETURN count(x) AS n",
                     "MATCH (d:D {id: $id})-[r:CITES*1..5]->(x:D) RETURN count(DISTINCT x) AS n",
                     "MATCH (d:D {id: $id})-[:CITES*1..5]->(x:D) WHERE x.id <> 'd1' RETURN count(DISTINCT x) AS n",
                     "MATCH (d:D {id: $id})-[:CITES*1..5]->(x:D) RETURN count(DISTINCT x) AS n, max(x.id) AS last",
                 })
        {
            Assert.DoesNotContain(Note, Details(other), StringComparison.Ordinal);
        }

        var profiled = engine.Run("PROFILE MATCH (d:D {id: $id})-[:CITES*1..5]->(x:D) RETURN count(DISTINCT x) AS n", new Dictionary<string, object?> { ["id"] = "d5" });
        var n = Assert.IsType<long>(Assert.Single(profiled.Rows).Single());
        Assert.True(n > 0);
        Assert.Equal(n, profiled.Plan!.Children.Single().Children.Single().Rows);
    }
}

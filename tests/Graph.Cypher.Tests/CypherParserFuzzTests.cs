using System.Text;
using Graph.Cypher.Syntax;

namespace Graph.Cypher.Tests;

/// <summary>
/// The Cypher parser against 100,000 seeded inputs: token soup from the language's own vocabulary,
/// mutations of real queries (the explorer's examples and common shapes), and pathological nesting.
/// The only exception allowed is a <see cref="CypherException"/> reporting a syntax error; no input may
/// take a second, and none may overflow the stack (which would end the process, not fail a test).
/// Every input that parses also runs through the whole engine on a small graph under a tight guard,
/// where any <see cref="CypherException"/> is fine and anything else is a bug.
/// </summary>
public sealed class CypherParserFuzzTests
{
    private static readonly string[] Samples =
    [
        "MATCH (d:Document {id:'A/RES/77/13'}) RETURN d.title",
        "MATCH (d:Document)-[:CITES*1..3]->(x:Document) WHERE d.year >= 2000 RETURN x.id, count(*) AS n ORDER BY n DESC LIMIT 10",
        "MATCH p = shortestPath((a:Document {id:$a})-[*..6]-(b:Document {id:$b})) RETURN [n IN nodes(p) | n.id] AS ids",
        "OPTIONAL MATCH (o:Organization)-[:PARTY_TO]->(g:Agreement) WITH o, collect(g.id) AS gs WHERE size(gs) > 1 RETURN o.name, gs",
        "UNWIND range(1, 10) AS i WITH i WHERE i % 2 = 0 RETURN sum(i), avg(i), min(i), max(i), collect(DISTINCT i)",
        "MATCH (p:Paragraph) WHERE p.text CONTAINS 'Secretary-General' AND NOT p.kind STARTS WITH 'pre' RETURN p.id SKIP 5 LIMIT 5",
        "RETURN CASE WHEN 1 < 2 THEN 'a' ELSE 'b' END, {a: [1, 2.5e3, -0x1F, 'x\\u0041'], `b c`: null} AS m, $param.key",
        "MATCH (n) RETURN n { .id, .title, degree: size([(n)--() | 1]) } AS projected UNION ALL RETURN {} AS projected",
        "CREATE (a:X {v: 1})-[:R {w: 2}]->(b:Y) SET a.v = a.v + 1, b:Z REMOVE a:X DETACH DELETE b RETURN a",
        "MERGE (s:Series {id: 'series:x'}) ON CREATE SET s.created = true ON MATCH SET s.seen = coalesce(s.seen, 0) + 1",
        "MATCH (d:Document) WHERE d.id =~ 'A/RES/7[0-9]/.*' RETURN toUpper(d.id), substring(d.title, 0, 20), split(d.id, '/')",
        "WITH date('2022-12-07') AS d RETURN d.year, duration.between(d, date('2023-01-01')), datetime({year: 2020})",
        "MATCH (a)-[r]->(b) RETURN type(r), labels(a), keys(b), properties(r), id(a), elementId(b) // comment\n/* block */",
        "RETURN reduce(acc = 0, x IN [1,2,3] | acc + x), any(x IN [1] WHERE x > 0), all(x IN [] WHERE false), [x IN range(0,5) WHERE x > 2 | x * x][1..]",
        "CALL db.labels() YIELD label RETURN label",
        "MATCH (n:Document) WITH n ORDER BY n.year DESC, n.id RETURN head(collect(n.id)), last(collect(n.id)), exists { (n)-->() }",
    ];

    private static readonly string[] Tokens =
    [
        "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "ORDER BY",
        "SKIP", "LIMIT", "UNION", "ALL", "DISTINCT", "AS", "AND", "OR", "XOR", "NOT", "IN", "IS NULL", "IS NOT NULL", "STARTS WITH",
        "ENDS WITH", "CONTAINS", "CASE", "WHEN", "THEN", "ELSE", "END", "CALL", "YIELD", "EXISTS", "COUNT", "true", "false", "null",
        "(", ")", "[", "]", "{", "}", ",", ".", "..", ":", ";", "|", "+", "-", "*", "/", "%", "^", "=", "<>", "!=", "<", ">", "<=", ">=",
        "=~", "+=", "->", "<-", "--", "-[", "]->", "$", "$p", "$0", "n", "m", "`weird name`", "`", "'", "\"", "'str'", "\"str\"", "'\\u",
        "'\\'", "0", "1", "-1", "9223372036854775807", "9223372036854775808", "0x", "0xFF", "0o7", "1.5", "1e309", ".5", "1.", "1e",
        "count(*)", "collect(", "size(", "range(", "//", "/*", "*/", " ", "\n", "\t", "n.id", "(n)", "(n:Document)", "[r:CITES*1..3]",
    ];

    [Fact]
    public void HundredThousandGeneratedAndMutatedQueriesGiveOnlySyntaxErrors()
    {
        var engine = SmallGraph();
        var parsed = 0;
        var ran = 0;
        var fuzzer = new Fuzzer<string>(seed: 20260515, Generate, Mutate.Escape);
        var report = fuzzer.Run(query =>
        {
            try
            {
                Parser.Parse(query);
                parsed++;
            }
            catch (CypherException e)
            {
                Assert.True(e.ErrorType == "SyntaxError", $"{e.ErrorType} from the parser: {e.Message}");
                Assert.NotNull(e.Position);
                Assert.InRange(e.Position.Offset, 0, query.Length);
                return;
            }
            ran++;
            try
            {
                engine.Execute(query, new Dictionary<string, object?> { ["p"] = 1L, ["a"] = "A/RES/77/13", ["b"] = "x", ["param"] = new Dictionary<string, object?> { ["key"] = "v" } });
            }
            catch (CypherException)
            {
                // Any query error is a fine answer to a random query.
            }
        });
        TestContext.Current.TestOutputHelper?.WriteLine($"Cypher parser: {report}; {parsed:N0} parsed, {ran:N0} also run by the engine");
        Assert.Equal(fuzzer.Inputs, report.Tried);
    }

    [Theory]
    [InlineData("(", ")", 100_000)]
    [InlineData("[", "]", 100_000)]
    [InlineData("{a:", "}", 50_000)]
    [InlineData("NOT ", "", 100_000)]
    [InlineData("- ", "", 100_000)]
    [InlineData("1 + ", "1", 200_000)]
    [InlineData("n.", "x", 100_000)]
    [InlineData("[x IN ", " | x]", 20_000)]
    public void DeeplyNestedQueriesAreRefusedWithASyntaxErrorNotAStackOverflow(string open, string close, int depth)
    {
        var query = "RETURN " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var error = Assert.Throws<CypherException>(() => new CypherEngine().Execute(query, null, TestContext.Current.CancellationToken));
        Assert.Equal("SyntaxError", error.ErrorType);
        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WideButShallowQueriesStillRun()
    {
        var items = string.Join(", ", Enumerable.Range(0, 5000).Select(i => $"{i} + 1"));
        var row = Assert.Single(new CypherEngine().Execute($"RETURN size([{items}]) AS n", null, TestContext.Current.CancellationToken).Rows);
        Assert.Equal(5000L, row[0]);
        var nested = "RETURN " + string.Concat(Enumerable.Repeat("(", 60)) + "1" + string.Concat(Enumerable.Repeat(" + 1)", 60));
        Assert.Equal(61L, Assert.Single(new CypherEngine().Execute(nested, null, TestContext.Current.CancellationToken).Rows)[0]);
    }

    private static CypherEngine SmallGraph()
    {
        var engine = new CypherEngine(new CypherOptions { Timeout = TimeSpan.FromMilliseconds(500), MaxRows = 1000 });
        engine.Execute("""
            CREATE (a:Document {id: 'A/RES/77/13', title: 'Cooperation', year: 2022}),
                   (b:Document {id: 'A/RES/71/12', title: 'Cooperation', year: 2016}),
                   (p:Paragraph {id: 'A/RES/77/13#op1', text: 'Requests the Secretary-General', kind: 'operative'}),
                   (o:Organization {id: 'org:au', name: 'African Union'}),
                   (a)-[:CITES {count: 1}]->(b), (a)-[:HAS_PARAGRAPH {ordinal: 1}]->(p), (p)-[:MENTIONS]->(o)
            """);
        return engine;
    }

    private static string Generate(Random random)
    {
        if (random.Next(2) == 0) return Mutate.Text(random, Samples[random.Next(Samples.Length)], Tokens);
        var builder = new StringBuilder();
        for (var i = 1 + random.Next(random.Next(10) == 0 ? 400 : 30); i > 0; i--)
        {
            builder.Append(random.Next(12) == 0 ? Mutate.Unusual[random.Next(Mutate.Unusual.Length)] : Tokens[random.Next(Tokens.Length)]);
            if (random.Next(3) > 0) builder.Append(' ');
        }
        return builder.ToString();
    }
}

using Graph.Store.Memory;

namespace Graph.Cypher.Tests;

/// <summary>
/// The example queries offered to users, run on a graph shaped as the extractor's graph model describes
/// (Document, Organization, Agreement, Series; CITES, MENTIONS, PARTY_TO, IN_SERIES).
/// </summary>
public sealed class ExampleQueryTests
{
    private static CypherEngine ModelGraph()
    {
        var engine = new CypherEngine(new MemoryGraph());
        engine.Run("""
            CREATE (r77:Document:Resolution {id: 'A/RES/77/13', symbol: 'A/RES/77/13', adoptionDate: '2022-11-21'}),
                   (r71:Document:Resolution {id: 'A/RES/71/12', symbol: 'A/RES/71/12', adoptionDate: '2016-11-21'}),
                   (r69:Document:Resolution {id: 'A/RES/69/11', symbol: 'A/RES/69/11', adoptionDate: '2014-11-18'}),
                   (r67:Document:Resolution {id: 'A/RES/67/10', symbol: 'A/RES/67/10', adoptionDate: '2012-11-26', stub: true}),
                   (r65:Document:Resolution {id: 'A/RES/65/8', symbol: 'A/RES/65/8', stub: true}),
                   (s:Series {id: 'series:cooperation-un-ceeac', title: 'Cooperation between the UN and ECCAS'}),
                   (p77:Paragraph {id: 'A/RES/77/13#op1'}), (p71:Paragraph {id: 'A/RES/71/12#pp2'}),
                   (un:Organization {id: 'org:united-nations', name: 'United Nations'}),
                   (eccas:Organization {id: 'org:eccas', name: 'Economic Community of Central African States'}),
                   (au:Organization {id: 'org:african-union', name: 'African Union'}),
                   (mou:Agreement {id: 'agreement:mou-un-eccas', kind: 'memorandum of understanding', date: '2009-04-29'}),
                   (r77)-[:CITES {count: 1}]->(r71), (r71)-[:CITES {count: 2}]->(r69), (r69)-[:CITES {count: 1}]->(r67),
                   (r67)-[:CITES {count: 1}]->(r65),
                   (r77)-[:IN_SERIES]->(s), (r71)-[:IN_SERIES]->(s), (r69)-[:IN_SERIES]->(s),
                   (r77)-[:HAS_PARAGRAPH]->(p77), (r71)-[:HAS_PARAGRAPH]->(p71),
                   (p77)-[:MENTIONS]->(eccas), (p77)-[:MENTIONS]->(au), (p71)-[:MENTIONS]->(eccas), (p71)-[:MENTIONS]->(un),
                   (un)-[:PARTY_TO]->(mou), (eccas)-[:PARTY_TO]->(mou)
            """);
        return engine;
    }

    [Fact]
    public void CitationChainOf77_13ToDepthThree()
    {
        var rows = ModelGraph().Run("""
            MATCH p = (d:Document {id: 'A/RES/77/13'})-[:CITES*1..3]->(x:Document)
            RETURN x.id AS cited, length(p) AS depth ORDER BY depth
            """).Rows;
        Assert.Equal([("A/RES/71/12", 1L), ("A/RES/69/11", 2L), ("A/RES/67/10", 3L)],
            rows.Select(r => ((string)r[0]!, (long)r[1]!)).ToList());
    }

    [Fact]
    public void EveryMemorandumOfUnderstandingAndItsParties()
    {
        var row = Assert.Single(ModelGraph().Run("""
            MATCH (o:Organization)-[:PARTY_TO]->(a:Agreement {kind: 'memorandum of understanding'})
            WITH a, o ORDER BY o.name
            RETURN a.id AS agreement, collect(o.name) AS parties
            """).Rows);
        Assert.Equal("agreement:mou-un-eccas", row[0]);
        Assert.Equal(["Economic Community of Central African States", "United Nations"], (List<object?>)row[1]!);
    }

    [Fact]
    public void ResolutionsOfASeriesInDateOrder()
    {
        var rows = ModelGraph().Run("""
            MATCH (r:Resolution)-[:IN_SERIES]->(:Series {id: $series})
            RETURN r.symbol AS symbol ORDER BY r.adoptionDate
            """, new Dictionary<string, object?> { ["series"] = "series:cooperation-un-ceeac" }).Rows;
        Assert.Equal(["A/RES/69/11", "A/RES/71/12", "A/RES/77/13"], rows.Select(r => r[0]));
    }

    [Fact]
    public void OrganisationsMentionedByBoth71_12And77_13()
    {
        var rows = ModelGraph().Run("""
            MATCH (:Document {id: 'A/RES/71/12'})-[:HAS_PARAGRAPH]->(:Paragraph)-[:MENTIONS]->(o:Organization),
                  (:Document {id: 'A/RES/77/13'})-[:HAS_PARAGRAPH]->(:Paragraph)-[:MENTIONS]->(o)
            RETURN DISTINCT o.name AS organisation
            """).Rows;
        Assert.Equal(["Economic Community of Central African States"], rows.Select(r => r[0]));
    }
}

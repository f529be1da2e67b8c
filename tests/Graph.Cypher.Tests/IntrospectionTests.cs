namespace Graph.Cypher.Tests;

/// <summary>The built-in procedures that describe the graph, as Neo4j's do.</summary>
public sealed class IntrospectionTests
{
    private static CypherEngine Engine()
    {
        var engine = new CypherEngine();
        engine.Run("CREATE (:Document:Resolution {id: 'A', year: 2020})-[:CITES {verb: 'recalls'}]->(:Document {id: 'B'})-[:IN_SERIES]->(:Series {name: 'S'})");
        return engine;
    }

    private static List<object?> Column(CypherEngine engine, string query) => [.. engine.Run(query).Rows.Select(r => r[0])];

    [Fact]
    public void LabelsAreTheLabelsInUse()
    {
        Assert.Equal(["Document", "Resolution", "Series"], Column(Engine(), "CALL db.labels() YIELD label RETURN label"));
    }

    [Fact]
    public void RelationshipTypesAreTheTypesInUse()
    {
        Assert.Equal(["CITES", "IN_SERIES"], Column(Engine(), "CALL db.relationshipTypes()"));
    }

    [Fact]
    public void PropertyKeysCoverNodesAndRelationships()
    {
        Assert.Equal(["id", "name", "verb", "year"], Column(Engine(), "CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey"));
    }

    [Fact]
    public void ComponentsNameTheEngine()
    {
        var row = Assert.Single(Engine().Run("CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition").Rows);
        Assert.Equal("embedded", row[2]);
        Assert.NotEmpty(Assert.IsType<List<object?>>(row[1]));
    }
}

namespace Graph.Model.Tests;

public sealed class GraphMergerTests
{
    [Fact]
    public void FullDocumentWinsOverStubStatedByCitingDocument()
    {
        var citing = new GraphDocument("A/RES/77/13", "");
        citing.Nodes.Add(new GraphNode("A/RES/71/12", [Labels.Document], new Dictionary<string, object?>
        {
            [PropertyNames.Stub] = true,
            ["adoptionDate"] = "2016-11-21",
            ["title"] = "guessed",
        }));
        var cited = new GraphDocument("A/RES/71/12", "");
        cited.Nodes.Add(new GraphNode("A/RES/71/12", [Labels.Document, Labels.Resolution], new Dictionary<string, object?>
        {
            ["title"] = "Cooperation between the United Nations and the Collective Security Treaty Organization",
        }));

        var merger = new GraphMerger();
        merger.Add(citing);
        merger.Add(cited);
        var node = Assert.Single(merger.ToGraph().Nodes);

        Assert.False(node.IsStub);
        Assert.Equal(["Document", "Resolution"], node.Labels);
        Assert.Equal("Cooperation between the United Nations and the Collective Security Treaty Organization", node.GetString("title"));
        Assert.Equal("2016-11-21", node.GetString("adoptionDate"));
    }

    [Fact]
    public void JsonRoundTripKeepsTypesOfPropertyValues()
    {
        var graph = new GraphData();
        graph.Nodes.Add(new GraphNode("A/RES/77/13", [Labels.Document], new Dictionary<string, object?>
        {
            ["session"] = 77L,
            ["weight"] = 0.5,
            ["stub"] = false,
            ["aliases"] = new List<object?> { "A/RES/77/13" },
            ["note"] = null,
        }));
        graph.Relationships.Add(new GraphRelationship(RelationshipTypes.Cites, "A/RES/77/13", "A/RES/71/12", null, "pp5"));

        var back = GraphJson.Deserialize(GraphJson.Serialize(graph));

        var node = Assert.Single(back.Nodes);
        Assert.Equal(77L, node.Properties["session"]);
        Assert.Equal(0.5, node.Properties["weight"]);
        Assert.Equal(false, node.Properties["stub"]);
        Assert.Null(node.Properties["note"]);
        Assert.True(PropertyValues.AreEqual(new List<object?> { "A/RES/77/13" }, node.Properties["aliases"]));
        Assert.Equal("A/RES/77/13-[CITES]->A/RES/71/12#pp5", Assert.Single(back.Relationships).Id);
    }
}

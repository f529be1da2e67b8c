using Graph.Store.Memory;

namespace Graph.Store.Tests.Memory;

/// <summary>The byte records properties are stored in: every value type reads back as written, and rewriting keeps snapshots intact.</summary>
public sealed class PropertyRecordTests
{
    private static readonly string LongText =
        "Réaffirmant que la Charte des Nations Unies — 联合国宪章 — demeure le fondement de l'action collective, et rappelant ses résolutions antérieures";

    [Fact]
    public void TemporalValuesReadBackExactlyBesideTheValuesAfterThem()
    {
        using var graph = new MemoryGraph();
        var zoned = new TemporalProperty(TemporalKind.DateTime, 0, 739_000, 0, 45_296_000_000_123, 3600, "Europe/Stockholm");
        var duration = new TemporalProperty(TemporalKind.Duration, -14, 3, long.MaxValue / 2, -999_999_999, 0, null);
        var id = graph.CreateNode(["Event"], new Dictionary<string, object?>
        {
            ["at"] = zoned, ["dates"] = new List<object?> { duration, "after" }, ["zzz"] = 7L,
        });

        Assert.True(graph.TryGetNode(id, out var node));
        Assert.Equal(zoned, node.Properties["at"]);
        Assert.Equal([duration, "after"], (List<object?>)node.Properties["dates"]!);
        Assert.Equal(7L, node.Properties["zzz"]);
    }

    [Fact]
    public void PointsReadBackExactlyBesideTheValuesAfterThem()
    {
        using var graph = new MemoryGraph();
        var place = new Graph.Model.SpatialPoint(4326, 12.568337, 55.676098);
        var corner = new Graph.Model.SpatialPoint(9157, -0.1, double.MaxValue, 1e-300);
        var id = graph.CreateNode(["Place"], new Dictionary<string, object?>
        {
            ["at"] = place, ["corners"] = new List<object?> { corner, "after" }, ["zzz"] = 7L,
        });

        Assert.True(graph.TryGetNode(id, out var node));
        Assert.Equal(place, node.Properties["at"]);
        Assert.Equal([corner, "after"], (List<object?>)node.Properties["corners"]!);
        Assert.Equal(7L, node.Properties["zzz"]);
    }

    [Fact]
    public void EveryValueTypeReadsBackAsItWasWritten()
    {
        using var graph = new MemoryGraph();
        var nested = new Dictionary<string, object?> { ["inner"] = new List<object?> { 1L, "two", null }, ["flag"] = true };
        var id = graph.CreateNode(["Paragraph"], new Dictionary<string, object?>
        {
            ["id"] = "A/RES/77/13#op1", ["text"] = LongText, ["ordinal"] = 1L, ["spanStart"] = 123_456_789_012L,
            ["negative"] = long.MinValue, ["ratio"] = -0.25, ["nan"] = double.NaN, ["stub"] = false, ["empty"] = "",
            ["footnotes"] = new List<object?>(), ["aliases"] = new List<object?> { "S/RES/2000 (2011)", LongText, 7L, 2.5, true },
            ["map"] = nested,
        });

        Assert.True(graph.TryGetNode(id, out var node));
        var properties = node.Properties;
        Assert.Equal(12, properties.Count);
        Assert.Equal(LongText, properties["text"]);
        Assert.Equal(123_456_789_012L, properties["spanStart"]);
        Assert.Equal(long.MinValue, properties["negative"]);
        Assert.Equal(-0.25, properties["ratio"]);
        Assert.True(double.IsNaN((double)properties["nan"]!));
        Assert.Equal(false, properties["stub"]);
        Assert.Equal("", properties["empty"]);
        Assert.Empty((List<object?>)properties["footnotes"]!);
        Assert.Equal(["S/RES/2000 (2011)", LongText, 7L, 2.5, true], (List<object?>)properties["aliases"]!);
        var map = Assert.IsType<Dictionary<string, object?>>(properties["map"]);
        Assert.Equal([1L, "two", null], (List<object?>)map["inner"]!);
        Assert.Equal(true, map["flag"]);
        Assert.Equal(properties.Keys.Order(StringComparer.Ordinal), properties.Keys);
        Assert.False(properties.ContainsKey("absent"));
        Assert.Equal("A/RES/77/13#op1", node.Key);
        Assert.True(graph.TryGetNodeId("A/RES/77/13#op1", out var found));
        Assert.Equal(id, found);
    }

    [Fact]
    public void AListReadIsACopySoChangingItLeavesTheGraphAlone()
    {
        using var graph = new MemoryGraph();
        var id = graph.CreateNode(["Document"], new Dictionary<string, object?> { ["aliases"] = new List<object?> { "A/77/1" } });
        graph.TryGetNode(id, out var node);

        ((List<object?>)node.Properties["aliases"]!).Add("changed");

        graph.TryGetNode(id, out var again);
        Assert.Equal(["A/77/1"], (List<object?>)again.Properties["aliases"]!);
    }

    [Fact]
    public void RewritingPropertiesManyTimesReclaimsSpaceAndKeepsEarlierSnapshots()
    {
        using var graph = new MemoryGraph();
        var ids = Enumerable.Range(0, 200)
            .Select(i => graph.CreateNode(["Paragraph"], new Dictionary<string, object?> { ["id"] = $"p{i}", ["text"] = $"{LongText} {i}" }))
            .ToList();
        graph.TryGetNode(ids[0], out var first);

        // Far more replaced text than live text: the graph compacts its records along the way.
        for (var round = 0; round < 60; round++)
            foreach (var id in ids) graph.SetNodeProperty(id, "text", $"{LongText} {id} round {round}");

        Assert.Equal($"{LongText} 0", first.Properties["text"]);
        foreach (var id in ids)
        {
            Assert.True(graph.TryGetNode(id, out var node));
            Assert.Equal($"{LongText} {id} round 59", node.Properties["text"]);
            Assert.Equal($"p{id}", node.Key);
        }
        Assert.Empty(graph.CheckIntegrity());
        var (live, garbage) = graph.RecordBytes;
        Assert.True(garbage <= live + (1 << 20), $"{garbage} bytes of replaced records against {live} live ones");
    }

    [Fact]
    public void ARelationshipKeepsItsKeyThroughPropertyChangesAndIsNotAProperty()
    {
        using var graph = new MemoryGraph();
        var paragraph = graph.CreateNode(["Paragraph"]);
        var document = graph.CreateNode(["Document"]);
        var first = graph.CreateRelationship("CITES", paragraph, document, new Dictionary<string, object?> { ["via"] = "inline" }, key: "p2@442");
        var second = graph.CreateRelationship("CITES", paragraph, document, key: "p3@595");
        var plain = graph.CreateRelationship("CITES", paragraph, document);

        graph.SetRelationshipProperty(first, "verb", "Recalling");
        graph.RemoveRelationshipProperty(first, "via");
        graph.ReplaceRelationshipProperties(second, new Dictionary<string, object?> { ["count"] = 2L });

        Assert.True(graph.TryGetRelationshipKey(first, out var firstKey));
        Assert.Equal("p2@442", firstKey);
        Assert.True(graph.TryGetRelationshipKey(second, out var secondKey));
        Assert.Equal("p3@595", secondKey);
        Assert.True(graph.TryGetRelationshipKey(plain, out var plainKey));
        Assert.Equal("", plainKey);
        graph.TryGetRelationship(first, out var relationship);
        Assert.Equal(["verb"], relationship.Properties.Keys);
        graph.TryGetRelationship(second, out relationship);
        Assert.Equal(2L, relationship.Properties["count"]);
        Assert.True(graph.DeleteRelationship(second));
        Assert.False(graph.TryGetRelationshipKey(second, out _));
    }
}

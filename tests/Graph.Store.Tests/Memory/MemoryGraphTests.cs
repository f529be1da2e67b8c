using Graph.Store.Memory;

namespace Graph.Store.Tests.Memory;

public sealed class MemoryGraphTests
{
    private static Dictionary<string, object?> Props(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void CreatesNodesWithIncreasingIdsThatAreNeverReused()
    {
        using var graph = new MemoryGraph();
        var a = graph.CreateNode(["A"]);
        var b = graph.CreateNode(["B"]);
        Assert.True(graph.DeleteNode(b));
        var c = graph.CreateNode(["C"]);

        Assert.Equal(0, a);
        Assert.Equal(1, b);
        Assert.Equal(2, c);
        Assert.False(graph.TryGetNode(b, out _));
        Assert.Equal(2, graph.NodeCount);
        Assert.Equal([a, c], graph.AllNodeIds());
    }

    [Fact]
    public void StoresLabelsAndPropertiesAndNormalisesNumbers()
    {
        using var graph = new MemoryGraph();
        var id = graph.CreateNode(["Resolution", "Document", "Document"],
            Props(("id", "A/RES/77/13"), ("session", 77), ("score", 1.5f), ("stub", false), ("aliases", new List<object?> { "x", 3 }), ("gone", null)));

        Assert.True(graph.TryGetNode(id, out var node));
        Assert.Equal(["Document", "Resolution"], node.Labels);
        Assert.True(node.HasLabel("Resolution"));
        Assert.Equal("A/RES/77/13", node.Key);
        Assert.Equal(77L, node.Properties["session"]);
        Assert.Equal(1.5d, node.Properties["score"]);
        Assert.Equal(false, node.Properties["stub"]);
        Assert.Equal(new List<object?> { "x", 3L }, node.Properties["aliases"]);
        Assert.False(node.Properties.ContainsKey("gone"));
        Assert.Equal(["aliases", "id", "score", "session", "stub"], node.Properties.Keys);
    }

    [Fact]
    public void AcceptsMapValuesForCypherAndRefusesOtherTypes()
    {
        using var graph = new MemoryGraph();
        var id = graph.CreateNode([], Props(("map", new Dictionary<string, object?> { ["a"] = 1 })));
        Assert.True(graph.TryGetNode(id, out var node));
        Assert.Equal(1L, Assert.IsType<Dictionary<string, object?>>(node.Properties["map"])["a"]);

        var error = Assert.Throws<ArgumentException>(() => graph.SetNodeProperty(id, "when", DateTime.UnixEpoch));
        Assert.Contains("'when'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotsDoNotChangeWhenTheGraphChanges()
    {
        using var graph = new MemoryGraph();
        var id = graph.CreateNode(["A"], Props(("x", 1L)));
        Assert.True(graph.TryGetNode(id, out var before));

        graph.SetNodeProperty(id, "x", 2L);
        graph.AddLabel(id, "B");

        Assert.Equal(1L, before.Properties["x"]);
        Assert.Equal(["A"], before.Labels);
        Assert.True(graph.TryGetNode(id, out var after));
        Assert.Equal(2L, after.Properties["x"]);
        Assert.Equal(["A", "B"], after.Labels);
    }

    [Fact]
    public void SettingNullRemovesAProperty()
    {
        using var graph = new MemoryGraph();
        var id = graph.CreateNode(["A"], Props(("x", 1L), ("y", "keep")));
        graph.SetNodeProperty(id, "x", null);
        Assert.False(graph.RemoveNodeProperty(id, "x"));
        Assert.True(graph.RemoveNodeProperty(id, "y"));
        Assert.True(graph.TryGetNode(id, out var node));
        Assert.Empty(node.Properties);
    }

    [Fact]
    public void ChangingAnAbsentNodeThrowsKeyNotFound()
    {
        using var graph = new MemoryGraph();
        var error = Assert.Throws<KeyNotFoundException>(() => graph.SetNodeProperty(42, "x", 1L));
        Assert.Contains("Node 42", error.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => graph.CreateRelationship("R", 0, 1));
    }

    [Fact]
    public void FollowsRelationshipsInBothDirectionsWithTypeFilter()
    {
        using var graph = new MemoryGraph();
        var a = graph.CreateNode(["Document"]);
        var b = graph.CreateNode(["Document"]);
        var p = graph.CreateNode(["Paragraph"]);
        var cites = graph.CreateRelationship("CITES", a, b, Props(("count", 2L)));
        var has = graph.CreateRelationship("HAS_PARAGRAPH", a, p);
        var back = graph.CreateRelationship("CITES", b, a);

        Assert.Equal([cites, has], graph.GetRelationshipIds(a, Direction.Outgoing));
        Assert.Equal([back], graph.GetRelationshipIds(a, Direction.Incoming));
        Assert.Equal([cites, back], graph.GetRelationshipIds(a, Direction.Both, ["CITES"]));
        Assert.Equal([has], graph.GetRelationshipIds(a, Direction.Both, ["HAS_PARAGRAPH", "UNKNOWN"]));
        Assert.Empty(graph.GetRelationshipIds(a, Direction.Both, ["UNKNOWN"]));
        Assert.Empty(graph.GetRelationshipIds(999, Direction.Both));
        Assert.Equal([b], graph.OtherEndIds(a, Direction.Outgoing, "CITES"));
        Assert.Equal([b], graph.OtherEndIds(a, Direction.Incoming, "CITES"));
        Assert.Equal([a], graph.OtherEndIds(p, Direction.Incoming, "HAS_PARAGRAPH"));
        Assert.Empty(graph.OtherEndIds(p, Direction.Outgoing, "HAS_PARAGRAPH"));
        Assert.Empty(graph.OtherEndIds(a, Direction.Outgoing, "UNKNOWN"));
        Assert.True(graph.NodeHasLabel(p, "Paragraph"));
        Assert.False(graph.NodeHasLabel(p, "Document"));
        Assert.False(graph.NodeHasLabel(999, "Document"));

        Assert.True(graph.TryGetRelationship(cites, out var relationship));
        Assert.Equal("CITES", relationship.Type);
        Assert.Equal(a, relationship.StartId);
        Assert.Equal(b, relationship.EndId);
        Assert.Equal(b, relationship.OtherEnd(a));
        Assert.Equal(2L, relationship.Properties["count"]);
        Assert.Equal(3, graph.RelationshipCount);
        Assert.Equal(2, graph.Degree(a, Direction.Outgoing));
    }

    [Fact]
    public void ASelfLoopAppearsOnceWhenFollowingBothDirections()
    {
        using var graph = new MemoryGraph();
        var a = graph.CreateNode(["A"]);
        var loop = graph.CreateRelationship("SELF", a, a);
        Assert.Equal([loop], graph.GetRelationshipIds(a, Direction.Both));
        Assert.Equal([loop], graph.GetRelationshipIds(a, Direction.Outgoing));
        Assert.Equal([loop], graph.GetRelationshipIds(a, Direction.Incoming));
        Assert.True(graph.DeleteNode(a, detach: true));
        Assert.Equal(0, graph.RelationshipCount);
    }

    [Fact]
    public void DeletingANodeWithRelationshipsNeedsDetach()
    {
        using var graph = new MemoryGraph();
        var a = graph.CreateNode(["A"]);
        var b = graph.CreateNode(["B"]);
        var r = graph.CreateRelationship("R", a, b);

        var error = Assert.Throws<InvalidOperationException>(() => graph.DeleteNode(a));
        Assert.Contains("relationship", error.Message, StringComparison.Ordinal);
        Assert.True(graph.ContainsNode(a));

        Assert.True(graph.DeleteNode(a, detach: true));
        Assert.False(graph.ContainsRelationship(r));
        Assert.Empty(graph.GetRelationshipIds(b, Direction.Both));
        Assert.False(graph.DeleteNode(a));
    }

    [Fact]
    public void SetsAndRemovesRelationshipProperties()
    {
        using var graph = new MemoryGraph();
        var a = graph.CreateNode([]);
        var r = graph.CreateRelationship("R", a, a, Props(("w", 1L)));
        graph.SetRelationshipProperty(r, "v", "x");
        Assert.True(graph.RemoveRelationshipProperty(r, "w"));
        Assert.False(graph.RemoveRelationshipProperty(r, "w"));
        Assert.True(graph.TryGetRelationship(r, out var relationship));
        Assert.Equal(["v"], relationship.Properties.Keys);
        graph.ReplaceRelationshipProperties(r, Props(("z", true)));
        Assert.True(graph.TryGetRelationship(r, out relationship));
        Assert.Equal(["z"], relationship.Properties.Keys);
        Assert.True(graph.DeleteRelationship(r));
        Assert.False(graph.DeleteRelationship(r));
        Assert.Empty(graph.AllRelationships());
    }

    [Fact]
    public void IndexesLabelsAndKeepsTheLabelIndexUpToDate()
    {
        using var graph = new MemoryGraph();
        var a = graph.CreateNode(["Document", "Resolution"]);
        var b = graph.CreateNode(["Document"]);
        Assert.Equal([a, b], graph.NodeIdsByLabel("Document").Order());
        Assert.Equal([a], graph.NodeIdsByLabel("Resolution"));

        Assert.True(graph.AddLabel(b, "Resolution"));
        Assert.False(graph.AddLabel(b, "Resolution"));
        Assert.True(graph.RemoveLabel(a, "Resolution"));
        Assert.False(graph.RemoveLabel(a, "Resolution"));
        Assert.Equal([b], graph.NodeIdsByLabel("Resolution"));
        Assert.Equal(2, graph.CountNodesWithLabel("Document"));

        graph.DeleteNode(b);
        Assert.Equal([a], graph.NodeIdsByLabel("Document"));
        Assert.Empty(graph.NodeIdsByLabel("Nothing"));
        Assert.Equal(["Document"], graph.LabelsInUse());
    }

    [Fact]
    public void FindsNodesByPropertyAndMaintainsTheIndexAfterItIsBuilt()
    {
        using var graph = new MemoryGraph();
        var a = graph.CreateNode(["Document"], Props(("year", 2022L)));
        var b = graph.CreateNode(["Document"], Props(("year", 2016L)));
        graph.CreateNode(["Paragraph"], Props(("year", 2022L)));

        Assert.True(graph.TryFindByProperty("Document", "year", 2022L, out var ids));
        Assert.Equal([a], ids);
        Assert.True(graph.TryFindByProperty("Document", "year", 2022.0, out ids));
        Assert.Equal([a], ids);
        Assert.Contains(("Document", "year"), graph.PropertyIndexes());

        var c = graph.CreateNode(["Document"], Props(("year", 2022L)));
        graph.SetNodeProperty(b, "year", 2022L);
        graph.SetNodeProperty(a, "year", 2000L);
        Assert.True(graph.TryFindByProperty("Document", "year", 2022, out ids));
        Assert.Equal([b, c], ids.Order());

        graph.RemoveLabel(c, "Document");
        graph.DeleteNode(b);
        Assert.True(graph.TryFindByProperty("Document", "year", 2022L, out ids));
        Assert.Empty(ids);
        Assert.True(graph.TryFindByProperty("Document", "year", 2000L, out ids));
        Assert.Equal([a], ids);
    }

    [Fact]
    public void FindsNodesByListValuesAndRefusesNullOrMaps()
    {
        using var graph = new MemoryGraph();
        var a = graph.CreateNode(["D"], Props(("aliases", new List<object?> { "S/2022/1", 2L })));
        Assert.True(graph.TryFindByProperty("D", "aliases", new List<object?> { "S/2022/1", 2.0 }, out var ids));
        Assert.Equal([a], ids);
        Assert.False(graph.TryFindByProperty("D", "aliases", null, out _));
        Assert.False(graph.TryFindByProperty("D", "aliases", new Dictionary<string, object?>(), out _));
    }

    [Fact]
    public void AnswersPropertyLookupsInsideAReadScopeWithoutBuildingAnIndex()
    {
        using var graph = new MemoryGraph();
        var a = graph.CreateNode(["D"], Props(("kind", "resolution")));
        using (graph.EnterRead())
        {
            Assert.True(graph.TryFindByProperty("D", "kind", "resolution", out var ids));
            Assert.Equal([a], ids);
        }
        Assert.Empty(graph.PropertyIndexes());
    }

    [Fact]
    public void LooksUpNodesByTheirUniqueStringId()
    {
        using var graph = new MemoryGraph();
        var a = graph.CreateNode(["Document"], Props(("id", "A/RES/71/12")));
        graph.CreateNode(["Anonymous"]);
        graph.CreateNode(["Numbered"], Props(("id", 7L)));

        Assert.True(graph.TryGetNodeId("A/RES/71/12", out var found));
        Assert.Equal(a, found);
        Assert.True(graph.TryGetNodeByKey("A/RES/71/12", out var node));
        Assert.Equal(a, node.Id);

        var error = Assert.Throws<InvalidOperationException>(() => graph.CreateNode(["Document"], Props(("id", "A/RES/71/12"))));
        Assert.Contains("A/RES/71/12", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, graph.NodeCount);

        graph.SetNodeProperty(a, "id", "A/RES/71/12-renamed");
        Assert.False(graph.TryGetNodeId("A/RES/71/12", out _));
        Assert.True(graph.TryGetNodeId("A/RES/71/12-renamed", out _));
        graph.DeleteNode(a);
        Assert.False(graph.TryGetNodeId("A/RES/71/12-renamed", out _));
    }

    [Fact]
    public void EnumeratingWhileDeletingIsSafe()
    {
        using var graph = new MemoryGraph();
        for (var i = 0; i < 10; i++) graph.CreateNode(["N"], Props(("i", (long)i)));
        foreach (var id in graph.AllNodeIds()) graph.DeleteNode(id);
        Assert.Equal(0, graph.NodeCount);
        Assert.Empty(graph.AllNodes());
    }

    [Fact]
    public void GrowsBeyondItsInitialCapacity()
    {
        using var graph = new MemoryGraph();
        var hub = graph.CreateNode(["Hub"]);
        for (var i = 0; i < 5000; i++)
        {
            var n = graph.CreateNode(["Leaf"], Props(("id", $"leaf-{i}")));
            graph.CreateRelationship("LINK", hub, n, Props(("i", (long)i)));
        }
        Assert.Equal(5001, graph.NodeCount);
        Assert.Equal(5000, graph.GetRelationshipIds(hub, Direction.Outgoing).Count);
        Assert.True(graph.TryGetNodeId("leaf-4999", out var last));
        Assert.Equal(5000, last);
    }

    [Fact]
    public async Task ReadersRunConcurrentlyWithAWriter()
    {
        using var graph = new MemoryGraph();
        var hub = graph.CreateNode(["Hub"]);
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                var n = graph.CreateNode(["Leaf"]);
                graph.CreateRelationship("LINK", hub, n);
            }
        }, TestContext.Current.CancellationToken);
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var seen = 0;
            while (!writer.IsCompleted)
            {
                using (graph.EnterRead())
                {
                    // Within one read scope the counts agree: each leaf comes with its link once the write is done.
                    var links = graph.GetRelationshipIds(hub, Direction.Outgoing).Count;
                    Assert.True(graph.NodeCount - 1 >= links);
                    seen = Math.Max(seen, links);
                }
            }
            return seen;
        }, TestContext.Current.CancellationToken)).ToArray();
        await writer;
        await Task.WhenAll(readers);
        Assert.Equal(2000, graph.GetRelationshipIds(hub, Direction.Outgoing).Count);
    }

    [Fact]
    public void CountsOtherEndsWithLabelsAsTheListOfOtherEndsDoes()
    {
        var graph = new MemoryGraph();
        var random = new Random(3);
        string[][] labelSets = [["A"], ["B"], ["A", "B"], []];
        var nodes = Enumerable.Range(0, 25).Select(_ => graph.CreateNode(labelSets[random.Next(labelSets.Length)])).ToArray();
        for (var r = 0; r < 120; r++)
            graph.CreateRelationship(random.Next(3) == 0 ? "U" : "T", nodes[random.Next(nodes.Length)], nodes[random.Next(nodes.Length)], key: "r" + r);
        string[][] wanted = [["A"], ["A", "B"], []];
        long total = 0;
        foreach (var node in nodes)
            foreach (var direction in new[] { Direction.Outgoing, Direction.Incoming })
                foreach (var labels in wanted)
                {
                    var expected = graph.OtherEndIds(node, direction, "T").Count(end => labels.All(label => graph.NodeHasLabel(end, label)));
                    Assert.Equal(expected, graph.CountOtherEnds(node, direction, "T", labels));
                    total += expected;
                }
        Assert.True(total > 0);
        Assert.Equal(0, graph.CountOtherEnds(nodes[0], Direction.Outgoing, "NONE", ["A"]));
    }
}

using Graph.Store.Memory;

namespace Graph.Store.Tests.Memory;

/// <summary>
/// Random sequences of operations against a plain model of the graph (dictionaries): after each
/// sequence the graph answers like the model and its indexes agree with its data.
/// </summary>
public sealed class MemoryGraphRandomTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AgreesWithAPlainModelAfterRandomOperations(int seed)
    {
        var random = new Random(seed);
        string[] labels = ["A", "B", "C"];
        string[] types = ["R", "S"];
        using var graph = new MemoryGraph();
        graph.CreatePropertyIndex("A", "v");
        var nodes = new Dictionary<long, (HashSet<string> Labels, Dictionary<string, object?> Properties)>();
        var relationships = new Dictionary<long, (string Type, long Start, long End)>();

        for (var step = 0; step < 3000; step++)
        {
            var live = nodes.Keys.ToList();
            switch (random.Next(8))
            {
                case 0 or 1:
                    var nodeLabels = labels.Where(_ => random.Next(2) == 0).ToHashSet();
                    var properties = new Dictionary<string, object?> { ["v"] = (long)random.Next(5) };
                    if (random.Next(3) == 0) properties["id"] = $"n{step}";
                    nodes[graph.CreateNode(nodeLabels, properties)] = (nodeLabels, properties);
                    break;
                case 2 when live.Count > 0:
                    var start = live[random.Next(live.Count)];
                    var end = live[random.Next(live.Count)];
                    var type = types[random.Next(types.Length)];
                    relationships[graph.CreateRelationship(type, start, end)] = (type, start, end);
                    break;
                case 3 when live.Count > 0:
                    var node = live[random.Next(live.Count)];
                    var value = (long)random.Next(5);
                    graph.SetNodeProperty(node, "v", value);
                    nodes[node].Properties["v"] = value;
                    break;
                case 4 when live.Count > 0:
                    var labelled = live[random.Next(live.Count)];
                    var label = labels[random.Next(labels.Length)];
                    if (random.Next(2) == 0) { graph.AddLabel(labelled, label); nodes[labelled].Labels.Add(label); }
                    else { graph.RemoveLabel(labelled, label); nodes[labelled].Labels.Remove(label); }
                    break;
                case 5 when relationships.Count > 0:
                    var relationship = relationships.Keys.ElementAt(random.Next(relationships.Count));
                    Assert.True(graph.DeleteRelationship(relationship));
                    relationships.Remove(relationship);
                    break;
                case 6 when live.Count > 0:
                    var deleted = live[random.Next(live.Count)];
                    graph.DeleteNode(deleted, detach: true);
                    nodes.Remove(deleted);
                    foreach (var gone in relationships.Where(r => r.Value.Start == deleted || r.Value.End == deleted).Select(r => r.Key).ToList())
                        relationships.Remove(gone);
                    break;
                case 7 when live.Count > 0:
                    var renamed = live[random.Next(live.Count)];
                    graph.RemoveNodeProperty(renamed, "id");
                    nodes[renamed].Properties.Remove("id");
                    break;
            }
        }

        Assert.Empty(graph.CheckIntegrity());
        Assert.Equal(nodes.Count, graph.NodeCount);
        Assert.Equal(relationships.Count, graph.RelationshipCount);
        foreach (var (id, (nodeLabels, properties)) in nodes)
        {
            Assert.True(graph.TryGetNode(id, out var node));
            Assert.Equal(nodeLabels.Order(StringComparer.Ordinal), node.Labels);
            Assert.Equal(properties.OrderBy(p => p.Key, StringComparer.Ordinal), node.Properties);
            Assert.Equal(
                relationships.Where(r => r.Value.Start == id || r.Value.End == id).Select(r => r.Key).Order(),
                graph.GetRelationshipIds(id, Direction.Both).Order());
        }
        foreach (var label in labels)
        {
            Assert.Equal(nodes.Where(n => n.Value.Labels.Contains(label)).Select(n => n.Key).Order(), graph.NodeIdsByLabel(label).Order());
            for (long value = 0; value < 5; value++)
            {
                Assert.True(graph.TryFindByProperty(label, "v", value, out var found));
                Assert.Equal(nodes.Where(n => n.Value.Labels.Contains(label) && Equals(n.Value.Properties["v"], value)).Select(n => n.Key).Order(), found.Order());
            }
        }
        Assert.Empty(graph.CheckIntegrity());
    }
}

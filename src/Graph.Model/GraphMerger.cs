namespace Graph.Model;

/// <summary>
/// Merges the graphs of several documents into one. A node stated by several documents becomes
/// one node: labels are united; a document's statements about itself win over what other
/// documents say about it (a stub cited by 77/13 and the full 71/12 become the full 71/12);
/// otherwise the first statement of a property stands. Relationships are unique by <see cref="GraphRelationship.Id"/>.
/// </summary>
public sealed class GraphMerger
{
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _selfDescribed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphRelationship> _relationships = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _diagnostics = [];

    public void Add(GraphDocument document)
    {
        foreach (var node in document.Nodes)
            AddNode(node, statedBySelf: node.Id == document.DocumentId);
        foreach (var relationship in document.Relationships)
            _relationships.TryAdd(relationship.Id, relationship.Clone());
        _diagnostics.AddRange(document.Diagnostics);
    }

    public GraphData ToGraph()
    {
        var graph = new GraphData();
        graph.Nodes.AddRange(_nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal));
        graph.Relationships.AddRange(_relationships.Values.OrderBy(r => r.Id, StringComparer.Ordinal));
        graph.Diagnostics.AddRange(_diagnostics);
        return graph;
    }

    private void AddNode(GraphNode node, bool statedBySelf)
    {
        if (!_nodes.TryGetValue(node.Id, out var existing))
        {
            _nodes[node.Id] = node.Clone();
            if (statedBySelf) _selfDescribed.Add(node.Id);
            return;
        }

        foreach (var label in node.LabelNames) existing.AddLabel(label);
        if (statedBySelf && _selfDescribed.Add(node.Id))
        {
            // The document's own statements replace what citing documents guessed about it.
            foreach (var (key, value) in node.Properties)
                existing.Properties[key] = PropertyValues.Copy(value);
            existing.Properties.Remove(PropertyNames.Stub);
            return;
        }

        foreach (var (key, value) in node.Properties)
        {
            if (key == PropertyNames.Stub && _selfDescribed.Contains(node.Id)) continue;
            existing.Properties.TryAdd(key, PropertyValues.Copy(value));
        }
    }
}

namespace Graph.Model;

/// <summary>
/// A whole graph (or a subgraph) as plain nodes and relationships: what `graph extract` writes,
/// what exports read, and what services return to the explorer.
/// </summary>
public sealed class GraphData
{
    public List<GraphNode> Nodes { get; } = [];

    public List<GraphRelationship> Relationships { get; } = [];

    public List<Diagnostic> Diagnostics { get; } = [];
}

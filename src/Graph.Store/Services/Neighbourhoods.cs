using Graph.Model;

namespace Graph.Store.Services;

/// <summary>
/// The store-independent half of a neighbourhood: which nodes lie at the other ends of a node's
/// relationships, and the graph returned for it, so every store answers in the same shape and order.
/// </summary>
public static class Neighbourhoods
{
    /// <summary>The other ends of <paramref name="relationships"/> around <paramref name="centreId"/>, first-seen order, without the centre.</summary>
    public static List<string> OtherEnds(string centreId, IEnumerable<GraphRelationship> relationships) =>
        [.. relationships.Select(r => ShortestPaths.OtherEnd(r, centreId)).Distinct(StringComparer.Ordinal).Where(n => n != centreId)];

    /// <summary>The centre first, then <paramref name="others"/> in the order given, and all <paramref name="relationships"/>.</summary>
    public static GraphData Build(GraphNode centre, IEnumerable<GraphNode> others, IEnumerable<GraphRelationship> relationships)
    {
        var graph = new GraphData();
        graph.Nodes.Add(centre);
        graph.Nodes.AddRange(others);
        graph.Relationships.AddRange(relationships);
        return graph;
    }
}

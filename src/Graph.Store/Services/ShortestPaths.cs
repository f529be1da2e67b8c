using Graph.Model;

namespace Graph.Store.Services;

/// <summary>
/// The store-independent half of a two-sided breadth-first shortest-path search: which end of a relationship
/// was reached, and how the path is read back from the node where the two searches met.
/// </summary>
public static class ShortestPaths
{
    /// <summary>The end of <paramref name="relationship"/> that is not <paramref name="nodeId"/>.</summary>
    public static string OtherEnd(GraphRelationship relationship, string nodeId) =>
        relationship.Start == nodeId ? relationship.End : relationship.Start;

    /// <summary>
    /// The node ids and relationships of the path through <paramref name="meeting"/>, from the start of the
    /// forward search to the start of the backward one; each side maps a node it reached to the relationship
    /// it came by (null at that side's start).
    /// </summary>
    public static (List<string> NodeIds, List<GraphRelationship> Relationships) Assemble(
        string meeting,
        IReadOnlyDictionary<string, GraphRelationship?> forward,
        IReadOnlyDictionary<string, GraphRelationship?> backward)
    {
        var nodeIds = new List<string>();
        var relationships = new List<GraphRelationship>();
        for (var nodeId = meeting; ;)
        {
            nodeIds.Insert(0, nodeId);
            if (forward[nodeId] is not { } via) break;
            relationships.Insert(0, via);
            nodeId = OtherEnd(via, nodeId);
        }
        for (var nodeId = meeting; backward[nodeId] is { } via;)
        {
            relationships.Add(via);
            nodeId = OtherEnd(via, nodeId);
            nodeIds.Add(nodeId);
        }
        return (nodeIds, relationships);
    }
}

using Graph.Model;

namespace Graph.Store.Embedded;

public sealed partial class EmbeddedGraphStore
{
    /// <summary>Nodes and relationships copied out per read lock by the streaming enumerations.</summary>
    public const int StreamPageSize = 1024;

    /// <summary>
    /// Every node, ordered by id as <see cref="ReadAllAsync"/> orders them, copied out a page at a time so that an
    /// export never holds the whole graph twice, nor the read lock while its reader is slow. Each page is read under
    /// its own lock: a write that lands during the enumeration shows in the pages read after it, and a node it
    /// deleted before its page is skipped.
    /// </summary>
    public IEnumerable<GraphNode> StreamNodes()
    {
        (string Key, long Id)[] order;
        using (Graph.EnterRead())
            order = [.. Graph.AllNodes().Select(n => (n.Key ?? $"_{n.Id}", n.Id))];
        Array.Sort(order, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var page = new List<GraphNode>(StreamPageSize);
        for (var start = 0; start < order.Length; start += StreamPageSize)
        {
            page.Clear();
            using (Graph.EnterRead())
            {
                for (var i = start; i < Math.Min(start + StreamPageSize, order.Length); i++)
                    if (Graph.TryGetNode(order[i].Id, out var node)) page.Add(ToGraphNode(node));
            }
            foreach (var node in page) yield return node;
        }
    }

    /// <summary>Every relationship, ordered by id as <see cref="ReadAllAsync"/> orders them, a page at a time (see <see cref="StreamNodes"/>).</summary>
    public IEnumerable<GraphRelationship> StreamRelationships()
    {
        (string Key, long Id)[] order;
        using (Graph.EnterRead())
            order = [.. Graph.AllRelationships().Select(r => (IdOf(r), r.Id))];
        Array.Sort(order, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var page = new List<GraphRelationship>(StreamPageSize);
        for (var start = 0; start < order.Length; start += StreamPageSize)
        {
            page.Clear();
            using (Graph.EnterRead())
            {
                for (var i = start; i < Math.Min(start + StreamPageSize, order.Length); i++)
                    if (Graph.TryGetRelationship(order[i].Id, out var relationship)) page.Add(ToGraphRelationship(relationship));
            }
            foreach (var relationship in page) yield return relationship;
        }
    }
}

using Graph.Cypher.Storage;
using Graph.Cypher.Syntax;

namespace Graph.Cypher.Planning;

/// <summary>
/// Row estimates from the store's counts: nodes, nodes per label, relationships per type, and what the schema
/// catalog says of a property (unique or not). Where the store keeps no statistic the planner falls back on fixed
/// selectivities, as Neo4j does without statistics: an equality keeps a tenth of a label's nodes, any other predicate
/// a quarter. The relationship counts per type are read once and read again when the number of relationships changes.
/// </summary>
internal sealed class Cardinality(IGraphAccess graph)
{
    public const double EqualitySelectivity = 0.1;

    public const double PredicateSelectivity = 0.25;

    /// <summary>How many nodes starting at <paramref name="node"/> yields: bound 1, a unique key or constrained property 1,
    /// an equality a tenth of its label, a label its count, else every node.</summary>
    public double Start(NodePattern node, bool bound, IReadOnlyCollection<string> knownEqualities, int inListSize = 0, bool ranged = false)
    {
        if (bound) return 1;
        if (knownEqualities.Contains("id") && graph.KeepsKeyIndex) return 1;
        if (node.Labels.Count == 0) return graph.CountNodes();
        var labelled = node.Labels.Min(graph.CountNodesWithLabel);
        var label = node.Labels[0];
        if (knownEqualities.Any(k => graph.Schema.IsUnique(label, k))) return Math.Min(1, labelled);
        if (knownEqualities.Count > 0) return labelled * EqualitySelectivity;
        if (inListSize > 0) return Math.Min(labelled, labelled * EqualitySelectivity * inListSize);
        return ranged ? labelled * PredicateSelectivity : labelled;
    }

    /// <summary>Relationships per node for one step along <paramref name="rel"/>: its types' counts over the node count.</summary>
    public double Fanout(RelPattern rel)
    {
        var nodes = Math.Max(1, graph.CountNodes());
        var counts = graph.Schema.RelationshipTypeCounts(graph);
        var relationships = rel.Types.Count == 0 ? counts.Values.Sum() : rel.Types.Sum(t => counts.GetValueOrDefault(t));
        var perNode = (double)relationships / nodes;
        if (rel.Direction == RelDirection.Either) perNode *= 2;
        if (!rel.VarLength) return perNode;
        var min = rel.MinHops ?? 1;
        var max = Math.Min(rel.MaxHops ?? min + 2, min + 4);
        var total = 0.0;
        for (var depth = min; depth <= max; depth++) total += Math.Pow(perNode, depth);
        return total;
    }
}

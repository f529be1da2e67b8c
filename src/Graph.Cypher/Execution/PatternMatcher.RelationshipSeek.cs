using Graph.Cypher.Syntax;

namespace Graph.Cypher.Execution;

// Starting a pattern from a relationship index: the end nodes of the relationships an index finds.
internal sealed partial class PatternMatcher
{
    /// <summary>
    /// The candidates for node <paramref name="index"/> of a part that a relationship index gives: an adjacent single-hop
    /// relationship of one type with an equality (inline or in WHERE) or IN on an indexed property, whose value is known
    /// before the pattern is matched, gives the nodes at this end of the relationships it finds. The relationship's
    /// predicates still run as the pattern expands from the node, so a superset is safe. Null when no index serves.
    /// </summary>
    private IReadOnlyCollection<long>? RelationshipSeek(PatternPart part, int index, Row row, MatchPlan plan)
    {
        if (IsBound(part.Nodes[index].Variable, row))
        {
            return null;
        }

        foreach (var (rel, atStart) in AdjacentRelationships(part, index))
        {
            // Most patterns name no relationship property: they are passed over before any lookup list is made.
            var hasPredicate = rel.Properties is MapExpr ||
                (rel.Variable is not null && (plan.Lookups.ContainsKey(rel.Variable) || plan.InLookups.ContainsKey(rel.Variable)));
            if (!hasPredicate || rel.VarLength || rel.Types.Count != 1 || rel.TypeExpression is not null || IsBound(rel.Variable, row) ||
                SeekRelationships(rel, row, plan) is not { } found)
            {
                continue;
            }

            // Written left to right: an outgoing relationship starts at its left node, an incoming one ends there.
            var nodes = new HashSet<long>();
            foreach (var id in found)
            {
                var (start, end, _) = Context.Graph.Endpoints(id);
                if (rel.Direction != RelDirection.Incoming)
                {
                    nodes.Add(atStart ? start : end);
                }

                if (rel.Direction != RelDirection.Outgoing)
                {
                    nodes.Add(atStart ? end : start);
                }
            }

            return nodes;
        }

        return null;
    }

    /// <summary>The relationships touching node <paramref name="index"/>, and whether the node is written to their left.</summary>
    private static IEnumerable<(RelPattern Rel, bool AtLeft)> AdjacentRelationships(PatternPart part, int index)
    {
        if (index < part.Relationships.Count)
        {
            yield return (part.Relationships[index], true);
        }

        if (index > 0)
        {
            yield return (part.Relationships[index - 1], false);
        }
    }

    /// <summary>The relationships an index on the pattern's type finds for its property equality or IN list; null when none serves.</summary>
    private List<long>? SeekRelationships(RelPattern rel, Row row, MatchPlan plan)
    {
        var type = rel.Types[0];
        var equalities = new List<(string Key, Expr Value)>();
        if (rel.Properties is MapExpr map)
        {
            equalities.AddRange(map.Entries.Select(e => (e.Key, e.Value)));
        }

        if (rel.Variable is not null && plan.Lookups.TryGetValue(rel.Variable, out var lookup))
        {
            equalities.Add(lookup);
        }

        foreach (var (key, valueExpr) in equalities)
        {
            if (!DependsOnPattern(valueExpr, row) && Context.Graph.Schema.OnRelationships(type, key) is { } index &&
                index.Find(Context.Graph, evaluator.Eval(valueExpr, row)) is { } found)
            {
                return [.. found];
            }
        }

        if (rel.Variable is not null && plan.InLookups.TryGetValue(rel.Variable, out var membership) &&
            !DependsOnPattern(membership.Values, row) && Context.Graph.Schema.OnRelationships(type, membership.Key) is { } listIndex &&
            evaluator.Eval(membership.Values, row) is List<object?> values)
        {
            var found = new List<long>();
            foreach (var value in values.Where(v => v is not null))
            {
                if (listIndex.Find(Context.Graph, value) is not { } ids)
                {
                    return null;
                }

                found.AddRange(ids);
            }

            return found;
        }

        return null;
    }
}

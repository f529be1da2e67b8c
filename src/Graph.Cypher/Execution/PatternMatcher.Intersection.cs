using Graph.Cypher.Syntax;

namespace Graph.Cypher.Execution;

/// <summary>
/// A two-hop pattern whose two ends are each one node known before matching (bound already, or looked up by the unique
/// key) and whose middle is not: <c>(x {id: $a})&lt;-[:CITES]-(d)-[:CITES]-&gt;(y {id: $b})</c>, co-citation. Walking
/// from one end would test every relationship of every middle candidate against the other end; instead the middle nodes
/// are the intersection of the two ends' neighbours over the relationships' types, read from the adjacency lists of the
/// two ends alone.
/// </summary>
internal sealed partial class PatternMatcher
{
    /// <summary>Most pairs of ends answered by intersection; more (an IN list at each end, say) walk the usual way.</summary>
    private const int MostEndPairs = 16;

    /// <summary>
    /// The matches of <paramref name="part"/> by intersection, or null when the part is not of that shape: the only part
    /// of its pattern, no path variable or selector, two single-type directed hops with no variable, properties or WHERE of
    /// their own, an unbound middle node, ends that are each a bound node or a key lookup and never the same node (then
    /// the two relationships are distinct by construction, so relationship isomorphism holds with no bookkeeping).
    /// </summary>
    private IEnumerable<Row>? MatchBetweenKnownEnds(IReadOnlyList<PatternPart> parts, PatternPart part, Row row, HashSet<long> used, MatchPlan plan)
    {
        if (parts.Count != 1 || used.Count != 0 || part.PathVariable is not null || part.ShortestKind is not null || part.PathMode is not null ||
            part.Nodes is not [var first, var middle, var last] || part.Relationships is not [var toMiddle, var fromMiddle] ||
            !IsPlainHop(toMiddle) || !IsPlainHop(fromMiddle) || IsBound(middle.Variable, row) ||
            Selectivity(first, row, plan) > 1 || Selectivity(last, row, plan) > 1)
        {
            return null;
        }

        var firstEnds = StartCandidates(first, row, plan).ToList();
        var lastEnds = StartCandidates(last, row, plan).ToList();
        if ((long)firstEnds.Count * lastEnds.Count > MostEndPairs || firstEnds.Intersect(lastEnds).Any())
        {
            return null;
        }

        return Intersect(part, firstEnds, lastEnds, row);
    }

    private static bool IsPlainHop(RelPattern r) =>
        !r.VarLength && r.Step is null && r.Variable is null && r.Properties is null && r.Where is null && r.TypeExpression is null &&
        r.Types.Count == 1 && r.Direction is RelDirection.Outgoing or RelDirection.Incoming;

    private IEnumerable<Row> Intersect(PatternPart part, List<long> firstEnds, List<long> lastEnds, Row row)
    {
        var (first, middle, last) = (part.Nodes[0], part.Nodes[1], part.Nodes[2]);
        var (toMiddle, fromMiddle) = (part.Relationships[0], part.Relationships[1]);
        foreach (var a in firstEnds)
        {
            if (!TryBindNode(first, a, row, out var firstBoundHere))
            {
                continue;
            }

            // (a)-[:T]->(m): m is at the end of a's outgoing T; (a)<-[:T]-(m): at the start of a's incoming.
            var fromFirst = Context.Graph.OtherEnds(a, toMiddle.Direction == RelDirection.Incoming, toMiddle.Types[0]).ToList();
            foreach (var b in lastEnds)
            {
                if (!TryBindNode(last, b, row, out var lastBoundHere))
                {
                    continue;
                }

                // (m)-[:T]->(b): m is at the start of b's incoming T.
                var fromLast = Context.Graph.OtherEnds(b, fromMiddle.Direction == RelDirection.Outgoing, fromMiddle.Types[0]).ToList();

                // The smaller side as counts per node, the larger walked in its order: a middle node reached i times from one
                // end and j times from the other is i × j matches, as walking the pairs of relationships gives.
                var (counted, walked) = fromFirst.Count <= fromLast.Count ? (fromFirst, fromLast) : (fromLast, fromFirst);
                var times = new Dictionary<long, int>(counted.Count);
                foreach (var m in counted)
                {
                    times[m] = times.GetValueOrDefault(m) + 1;
                }

                foreach (var m in walked)
                {
                    Context.Tick();
                    if (!times.TryGetValue(m, out var repeat) || !TryBindNode(middle, m, row, out var middleBoundHere))
                    {
                        continue;
                    }

                    for (var i = 0; i < repeat; i++)
                    {
                        yield return row;
                    }

                    if (middleBoundHere)
                    {
                        row.Remove(middle.Variable!);
                    }
                }

                if (lastBoundHere)
                {
                    row.Remove(last.Variable!);
                }
            }

            if (firstBoundHere)
            {
                row.Remove(first.Variable!);
            }
        }
    }

    /// <summary>
    /// The far end of each of <paramref name="node"/>'s relationships that one step along <paramref name="rel"/> may take.
    /// A plain hop (one type, one direction, nothing of the relationship itself to check) is read by the store's typed
    /// adjacency in one call, instead of a look at every relationship of the node, of every type, one by one.
    /// </summary>
    private IEnumerable<long> HopEnds(long node, RelPattern rel, Row row)
    {
        if (rel.Step is null && rel.Properties is null && rel.Where is null && rel.TypeExpression is null && rel.Types.Count == 1 &&
            rel.Direction is RelDirection.Outgoing or RelDirection.Incoming)
        {
            return Context.Graph.OtherEnds(node, rel.Direction == RelDirection.Incoming, rel.Types[0]);
        }

        return MatchingSteps(node, rel, row);
    }

    private IEnumerable<long> MatchingSteps(long node, RelPattern rel, Row row)
    {
        foreach (var (r, other, type) in Steps(node, rel.Direction))
        {
            if (RelMatches(rel, r, type, row))
            {
                yield return other;
            }
        }
    }
}

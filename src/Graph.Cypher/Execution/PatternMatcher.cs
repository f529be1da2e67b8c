using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

/// <summary>
/// Finds the bindings of a pattern by backtracking from a start node (a bound variable, else the label
/// index, else every node), keeping each relationship at most once per pattern (relationship isomorphism).
/// </summary>
internal sealed class PatternMatcher(Evaluator evaluator)
{
    private ExecutionContext Context => evaluator.Context;

    /// <summary>Every extension of <paramref name="row"/> that matches all parts and satisfies <paramref name="where"/>.</summary>
    public IEnumerable<Row> MatchPattern(IReadOnlyList<PatternPart> parts, Row row, Expr? where)
    {
        var used = new HashSet<long>();
        foreach (var match in MatchParts(parts, 0, new Row(row), used))
        {
            Context.Tick();
            if (where is null || evaluator.EvalPredicate(where, match) == true)
            {
                yield return match;
            }
        }
    }

    private IEnumerable<Row> MatchParts(IReadOnlyList<PatternPart> parts, int index, Row row, HashSet<long> used)
    {
        if (index == parts.Count)
        {
            yield return new Row(row);
            yield break;
        }

        var part = parts[index];
        var matches = MatchPart(part, row, used);
        if (part.ShortestKind is not null)
        {
            matches = Shortest(part, matches, row);
        }

        foreach (var _ in matches)
        {
            foreach (var result in MatchParts(parts, index + 1, row, used))
            {
                yield return result;
            }
        }
    }

    private IEnumerable<Row> Shortest(PatternPart part, IEnumerable<Row> matches, Row row)
    {
        // Materialise, then keep the shortest per pair of end points (all of them for allShortestPaths).
        var all = new List<(Row Row, int Length, long Start, long End)>();
        foreach (var _ in matches)
        {
            var length = 0;
            foreach (var rel in part.Relationships)
            {
                length += rel.Variable is not null && row[rel.Variable] is List<object?> list ? list.Count : 1;
            }

            var pathLength = part.PathVariable is not null && row[part.PathVariable] is PathValue p ? p.Relationships.Count : length;
            var start = part.Nodes[0].Variable is { } sv && row[sv] is NodeRef sn ? sn.Id : -1;
            var end = part.Nodes[^1].Variable is { } ev && row[ev] is NodeRef en ? en.Id : -1;
            all.Add((new Row(row), pathLength, start, end));
        }

        var single = string.Equals(part.ShortestKind, "shortestPath", StringComparison.OrdinalIgnoreCase);
        foreach (var group in all.GroupBy(m => (m.Start, m.End)))
        {
            var min = group.Min(m => m.Length);
            var best = group.Where(m => m.Length == min);
            foreach (var m in single ? best.Take(1) : best)
            {
                var saved = new Row(row);
                foreach (var (k, v) in m.Row)
                {
                    row[k] = v;
                }

                yield return m.Row;
                row.Clear();
                foreach (var (k, v) in saved)
                {
                    row[k] = v;
                }
            }
        }
    }

    private static bool IsBound(string? variable, Row row) => variable is not null && row.ContainsKey(variable);

    private IEnumerable<Row> MatchPart(PatternPart part, Row row, HashSet<long> used)
    {
        var nodes = part.Nodes;
        var rels = part.Relationships;
        var reversed = false;
        if (!IsBound(nodes[0].Variable, row) && rels.Count > 0 &&
            (IsBound(nodes[^1].Variable, row) || (nodes[0].Labels.Count == 0 && nodes[^1].Labels.Count > 0)))
        {
            reversed = true;
            nodes = nodes.Reverse().ToList();
            rels = rels.Reverse().Select(r => r with
            {
                Direction = r.Direction switch
                {
                    RelDirection.Outgoing => RelDirection.Incoming,
                    RelDirection.Incoming => RelDirection.Outgoing,
                    _ => RelDirection.Either,
                },
            }).ToList();
        }

        var pathNodes = new List<long>();
        var pathRels = new List<long>();
        var segments = new List<int>();
        foreach (var start in StartCandidates(nodes[0], row))
        {
            Context.Tick();
            if (!TryBindNode(nodes[0], start, row, out var boundHere))
            {
                continue;
            }

            pathNodes.Add(start);
            foreach (var _ in Expand(part, nodes, rels, 0, start, row, used, pathNodes, pathRels, reversed))
            {
                yield return row;
            }

            pathNodes.RemoveAt(pathNodes.Count - 1);
            if (boundHere)
            {
                row.Remove(nodes[0].Variable!);
            }
        }
    }

    private IEnumerable<long> StartCandidates(NodePattern node, Row row)
    {
        if (node.Variable is not null && row.TryGetValue(node.Variable, out var bound))
        {
            return bound is NodeRef n && Context.Graph.NodeExists(n.Id) ? [n.Id] : [];
        }

        if (node.Labels.Count > 0)
        {
            if (node.Properties is MapExpr map && TryConstantEntry(map, out var key, out var value))
            {
                return Context.Graph.NodesWithProperty(node.Labels[0], key, value);
            }

            return Context.Graph.NodesWithLabel(node.Labels[0]);
        }

        return Context.Graph.AllNodes();
    }

    /// <summary>
    /// A map entry whose value is known before matching (a literal or a parameter), the id first since it
    /// is unique: <c>(d:Document {id: $id})</c> then starts from one node, not from every Document.
    /// </summary>
    private bool TryConstantEntry(MapExpr map, out string key, out object value)
    {
        foreach (var entry in map.Entries.OrderByDescending(e => e.Key == "id"))
        {
            object? constant = entry.Value switch
            {
                LiteralExpr { Value: { } literal } => literal,
                ParameterExpr parameter when Context.Parameters.TryGetValue(parameter.Name, out var bound) => bound,
                _ => null,
            };
            if (constant is not null)
            {
                key = entry.Key;
                value = constant;
                return true;
            }
        }

        key = "";
        value = null!;
        return false;
    }

    private bool TryBindNode(NodePattern pattern, long id, Row row, out bool boundHere)
    {
        boundHere = false;
        if (pattern.Variable is not null && row.TryGetValue(pattern.Variable, out var existing))
        {
            if (existing is not NodeRef n || n.Id != id)
            {
                return false;
            }
        }

        if (!NodeMatches(pattern, id, row))
        {
            return false;
        }

        if (pattern.Variable is not null && !row.ContainsKey(pattern.Variable))
        {
            row[pattern.Variable] = new NodeRef(id);
            boundHere = true;
        }

        return true;
    }

    private bool NodeMatches(NodePattern pattern, long id, Row row)
    {
        if (pattern.Labels.Count > 0)
        {
            var labels = Context.Graph.LabelsOf(id);
            foreach (var label in pattern.Labels)
            {
                if (!labels.Contains(label))
                {
                    return false;
                }
            }
        }

        return pattern.Properties is null || PropertiesMatch(pattern.Properties, Context.Graph.NodeProperties(id), row);
    }

    private bool PropertiesMatch(Expr properties, IReadOnlyDictionary<string, object?> actual, Row row)
    {
        if (evaluator.Eval(properties, row) is not Dictionary<string, object?> expected)
        {
            return false;
        }

        foreach (var (key, value) in expected)
        {
            if (!actual.TryGetValue(key, out var have) || CypherValues.Equal(have, value) != true)
            {
                return false;
            }
        }

        return true;
    }

    private bool RelMatches(RelPattern pattern, long rel, Row row)
    {
        var (_, _, type) = Context.Graph.Endpoints(rel);
        if (pattern.Types.Count > 0 && !pattern.Types.Contains(type))
        {
            return false;
        }

        return pattern.Properties is null || PropertiesMatch(pattern.Properties, Context.Graph.RelationshipProperties(rel), row);
    }

    /// <summary>Relationships leaving <paramref name="node"/> in the pattern's direction, each with its far end.</summary>
    private IEnumerable<(long Rel, long Other)> Steps(long node, RelDirection direction)
    {
        var graph = Context.Graph;
        if (direction is RelDirection.Outgoing or RelDirection.Either)
        {
            foreach (var rel in graph.Outgoing(node))
            {
                yield return (rel, graph.Endpoints(rel).End);
            }
        }

        if (direction is RelDirection.Incoming or RelDirection.Either)
        {
            foreach (var rel in graph.Incoming(node))
            {
                var (start, end, _) = graph.Endpoints(rel);
                if (direction == RelDirection.Either && start == end)
                {
                    continue;
                }

                yield return (rel, start);
            }
        }
    }

    private IEnumerable<bool> Expand(PatternPart part, IReadOnlyList<NodePattern> nodes, IReadOnlyList<RelPattern> rels, int k,
        long current, Row row, HashSet<long> used, List<long> pathNodes, List<long> pathRels, bool reversed)
    {
        if (k == rels.Count)
        {
            if (part.PathVariable is not null)
            {
                var ns = reversed ? Enumerable.Reverse(pathNodes).ToList() : pathNodes.ToList();
                var rs = reversed ? Enumerable.Reverse(pathRels).ToList() : pathRels.ToList();
                row[part.PathVariable] = new PathValue(ns, rs);
                yield return true;
                row.Remove(part.PathVariable);
            }
            else
            {
                yield return true;
            }

            yield break;
        }

        var relPattern = rels[k];
        var nextNode = nodes[k + 1];
        if (!relPattern.VarLength)
        {
            object? boundRel = null;
            var relBound = relPattern.Variable is not null && row.TryGetValue(relPattern.Variable, out boundRel);
            foreach (var (rel, other) in Steps(current, relPattern.Direction))
            {
                Context.Tick();
                if (used.Contains(rel) || (relBound && (boundRel is not RelRef br || br.Id != rel)) || !RelMatches(relPattern, rel, row))
                {
                    continue;
                }

                if (!TryBindNode(nextNode, other, row, out var nodeBoundHere))
                {
                    continue;
                }

                used.Add(rel);
                if (!relBound && relPattern.Variable is not null)
                {
                    row[relPattern.Variable] = new RelRef(rel);
                }

                pathNodes.Add(other);
                pathRels.Add(rel);
                foreach (var r in Expand(part, nodes, rels, k + 1, other, row, used, pathNodes, pathRels, reversed))
                {
                    yield return r;
                }

                pathNodes.RemoveAt(pathNodes.Count - 1);
                pathRels.RemoveAt(pathRels.Count - 1);
                if (!relBound && relPattern.Variable is not null)
                {
                    row.Remove(relPattern.Variable);
                }

                used.Remove(rel);
                if (nodeBoundHere)
                {
                    row.Remove(nextNode.Variable!);
                }
            }

            yield break;
        }

        var min = relPattern.MinHops ?? 1;
        var max = relPattern.MaxHops ?? int.MaxValue;
        var sequence = new List<long>();
        foreach (var _ in VarLength(relPattern, current, min, max, sequence, used, row, pathNodes, pathRels))
        {
            var end = pathNodes[^1];
            if (!TryBindNode(nextNode, end, row, out var nodeBoundHere))
            {
                continue;
            }

            var relBound = relPattern.Variable is not null && row.ContainsKey(relPattern.Variable);
            if (relBound)
            {
                var expectedList = row[relPattern.Variable!] as List<object?>;
                var matchesBound = expectedList is not null && expectedList.Count == sequence.Count &&
                                   expectedList.Select((v, i) => v is RelRef rr && rr.Id == sequence[i]).All(b => b);
                if (!matchesBound)
                {
                    if (nodeBoundHere)
                    {
                        row.Remove(nextNode.Variable!);
                    }

                    continue;
                }
            }
            else if (relPattern.Variable is not null)
            {
                var relList = (reversed ? Enumerable.Reverse(sequence) : sequence).Select(id => (object?)new RelRef(id)).ToList();
                row[relPattern.Variable] = relList;
            }

            foreach (var r in Expand(part, nodes, rels, k + 1, end, row, used, pathNodes, pathRels, reversed))
            {
                yield return r;
            }

            if (!relBound && relPattern.Variable is not null)
            {
                row.Remove(relPattern.Variable);
            }

            if (nodeBoundHere)
            {
                row.Remove(nextNode.Variable!);
            }
        }
    }

    private IEnumerable<bool> VarLength(RelPattern pattern, long current, int min, int max, List<long> sequence,
        HashSet<long> used, Row row, List<long> pathNodes, List<long> pathRels)
    {
        if (sequence.Count >= min)
        {
            yield return true;
        }

        if (sequence.Count >= max)
        {
            yield break;
        }

        foreach (var (rel, other) in Steps(current, pattern.Direction))
        {
            Context.Tick();
            if (used.Contains(rel) || !RelMatches(pattern, rel, row))
            {
                continue;
            }

            used.Add(rel);
            sequence.Add(rel);
            pathNodes.Add(other);
            pathRels.Add(rel);
            foreach (var r in VarLength(pattern, other, min, max, sequence, used, row, pathNodes, pathRels))
            {
                yield return r;
            }

            pathNodes.RemoveAt(pathNodes.Count - 1);
            pathRels.RemoveAt(pathRels.Count - 1);
            sequence.RemoveAt(sequence.Count - 1);
            used.Remove(rel);
        }
    }
}

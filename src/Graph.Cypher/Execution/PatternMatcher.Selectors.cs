using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

// GQL path selectors and modes, and the group variables of quantified path patterns.
internal sealed partial class PatternMatcher
{
    /// <summary>The name a selected part's path is bound to while its matches are grouped, when the query names none.</summary>
    private const string SelectedPath = " selected path";

    private static bool IsLegacyShortest(PatternPart part) =>
        part.PathMode is null && part.Relationships.All(r => r.Step is null) &&
        (string.Equals(part.ShortestKind, "shortestPath", StringComparison.OrdinalIgnoreCase) ||
         string.Equals(part.ShortestKind, "allShortestPaths", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The matches a path selector keeps, per pair of end nodes: <c>SHORTEST k</c> the k shortest, <c>SHORTEST k GROUPS</c>
    /// those of the k shortest lengths, <c>ANY k</c> any k; <c>ACYCLIC</c> drops paths that repeat a node (TRAIL, never
    /// repeating a relationship, is how every pattern matches). The matches are found by the general matcher, then grouped.
    /// </summary>
    private IEnumerable<Row> SelectPaths(PatternPart part, Row row, HashSet<long> used, MatchPlan plan)
    {
        var named = part.PathVariable;
        var walked = named is null ? part with { PathVariable = SelectedPath } : part;
        var found = new List<(Row Row, PathValue Path)>();
        foreach (var _ in MatchPart(walked, row, used, plan))
        {
            var path = (PathValue)row[walked.PathVariable!]!;
            if (part.PathMode == "ACYCLIC" && path.Nodes.Distinct().Count() != path.Nodes.Count)
            {
                continue;
            }

            var copy = new Row(row);
            copy.Remove(SelectedPath);
            found.Add((copy, path));
        }

        var count = part.ShortestCount ?? 1;
        foreach (var group in found.GroupBy(m => (m.Path.Nodes[0], m.Path.Nodes[^1])))
        {
            var byLength = group.OrderBy(m => m.Path.Relationships.Count);
            var kept = part.ShortestKind?.ToUpperInvariant() switch
            {
                "SHORTESTPATH" => byLength.Take(1),
                "ALLSHORTESTPATHS" => byLength.TakeWhile(m => m.Path.Relationships.Count == byLength.First().Path.Relationships.Count),
                "SHORTEST" => byLength.Take(count),
                "SHORTESTGROUPS" => ShortestGroups(byLength, count),
                "ANY" => group.Take(count),
                _ => group,
            };
            foreach (var (match, _) in kept.ToList())
            {
                var saved = new Row(row);
                row.Clear();
                foreach (var (k, v) in match)
                {
                    row[k] = v;
                }

                yield return row;
                row.Clear();
                foreach (var (k, v) in saved)
                {
                    row[k] = v;
                }
            }
        }
    }

    private static IEnumerable<(Row Row, PathValue Path)> ShortestGroups(IEnumerable<(Row Row, PathValue Path)> byLength, int groups)
    {
        var lengths = byLength.Select(m => m.Path.Relationships.Count).Distinct().Take(groups).ToHashSet();
        return byLength.Where(m => lengths.Contains(m.Path.Relationships.Count));
    }

    /// <summary>Whether one repetition of a quantified path pattern holds: its inner nodes and its WHERE.</summary>
    private bool StepMatches(RelPattern pattern, long current, long rel, long other, Row row)
    {
        if (pattern.Step is not { } step)
        {
            return true;
        }

        if (!NodeMatches(step.Left, current, row) || !NodeMatches(step.Right, other, row))
        {
            return false;
        }

        if (step.Where is null && step.Left.Where is null && step.Right.Where is null)
        {
            return true;
        }

        var inner = new Row(row);
        if (step.Left.Variable is not null)
        {
            inner[step.Left.Variable] = new NodeRef(current);
        }

        if (step.Right.Variable is not null)
        {
            inner[step.Right.Variable] = new NodeRef(other);
        }

        if (pattern.Variable is not null)
        {
            inner[pattern.Variable] = new RelRef(rel);
        }

        return new[] { step.Left.Where, step.Right.Where, step.Where }.All(w => w is null || evaluator.EvalPredicate(w, inner) == true);
    }

    /// <summary>
    /// Binds a quantified path pattern's node group variables: the inner left and right nodes of every repetition, in
    /// written order (<paramref name="walked"/> holds the nodes in walking order, <paramref name="reversed"/> when walked
    /// right to left). Answers the names bound, to unbind after.
    /// </summary>
    private static List<string> BindGroups(RelPattern pattern, IReadOnlyList<long> walked, bool reversed, Row row)
    {
        var bound = new List<string>();
        if (pattern.Step is not { } step)
        {
            return bound;
        }

        var lefts = walked.Take(walked.Count - 1).Select(n => (object?)new NodeRef(n)).ToList();
        var rights = walked.Skip(1).Select(n => (object?)new NodeRef(n)).ToList();
        if (reversed)
        {
            lefts.Reverse();
            rights.Reverse();
        }

        foreach (var (variable, nodes) in new[] { (step.Left.Variable, lefts), (step.Right.Variable, rights) })
        {
            if (variable is not null && !row.ContainsKey(variable))
            {
                row[variable] = nodes;
                bound.Add(variable);
            }
        }

        return bound;
    }
}

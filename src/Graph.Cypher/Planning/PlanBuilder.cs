using Graph.Cypher.Execution;
using Graph.Cypher.Storage;
using Graph.Cypher.Syntax;

namespace Graph.Cypher.Planning;

/// <summary>
/// The operator tree EXPLAIN shows and PROFILE fills in: one operator (with a scan beneath a MATCH) per clause, named
/// as Neo4j names the operator doing that work, each estimated from its input's estimate and the store's counts
/// (<see cref="Cardinality"/>). The start operator of a MATCH is the one the pattern matcher will pick: the node of
/// each pattern part with the fewest estimated rows.
/// </summary>
internal sealed class PlanBuilder(IGraphAccess graph)
{
    private readonly Cardinality cardinality = new(graph);

    /// <summary>Each clause's top operator, and under a MATCH the scan its start lookups are charged to.</summary>
    public Dictionary<Clause, PlanOperator> Tops { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<PlanOperator, PlanOperator> Scans { get; } = [];

    public PlanOperator Build(Query query, IReadOnlyList<string> columns)
    {
        var parts = query.Parts.Select(Part).ToList();
        var top = parts[0];
        for (var i = 1; i < parts.Count; i++)
        {
            var union = new PlanOperator("Union", "", columns, top.EstimatedRows + parts[i].EstimatedRows);
            union.Children.AddRange([top, parts[i]]);
            top = union;
            if (!query.UnionAll[i - 1])
            {
                var distinct = new PlanOperator("Distinct", string.Join(", ", columns), columns, top.EstimatedRows);
                distinct.Children.Add(top);
                top = distinct;
            }
        }

        var root = new PlanOperator("ProduceResults", string.Join(", ", columns.Select(c => $"`{c}`")), columns, top.EstimatedRows);
        root.Children.Add(top);
        return root;
    }

    private PlanOperator Part(SingleQuery part)
    {
        PlanOperator? previous = null;
        var bound = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in part.Clauses)
        {
            var input = previous?.EstimatedRows ?? 1;
            var op = clause switch
            {
                MatchClause match => Match(match, input, bound),
                UnwindClause unwind => Op("Unwind", $"{Text(unwind.Source)} AS {unwind.Variable}", input * 10, unwind.Variable),
                WithClause with => Projection(with.Projection, input, with.Where),
                ReturnClause ret => Projection(ret.Projection, input, null),
                CreateClause create => Op("Create", string.Join(", ", create.Patterns.Select(PatternText)), input),
                MergeClause merge => Op("Merge", PatternText(merge.Pattern), input),
                SetClause => Op("SetProperty", "", input),
                RemoveClause => Op("RemoveProperty", "", input),
                DeleteClause delete => Op(delete.Detach ? "DetachDelete" : "Delete", string.Join(", ", delete.Targets.Select(Text)), input),
                CallClause call => Op("ProcedureCall", call.Procedure.StartsWith(Parser.ShowProcedurePrefix, StringComparison.Ordinal)
                    ? "SHOW " + call.Procedure[Parser.ShowProcedurePrefix.Length..].ToUpperInvariant() : call.Procedure + "()", input * 10),
                _ => Op(clause.GetType().Name.Replace("Clause", "", StringComparison.Ordinal), "", input),
            };
            if (previous is not null && ReferenceEquals(clause, part.Clauses[1]) && part.Clauses[0] is MatchClause first && ShortcutNote(first, clause) is { } note)
            {
                op = new PlanOperator(op.Name, op.Details + note, op.Identifiers, op.EstimatedRows);
            }

            if (previous is not null) op.Children.Add(previous);
            Tops[clause] = op;
            previous = op;
        }

        return previous!;
    }

    /// <summary>What the projection after a first MATCH says when the store answers the two through a shortcut (see <c>QueryRunner.Shortcut</c>).</summary>
    private string? ShortcutNote(MatchClause match, Clause next)
    {
        if (graph.Shortcuts is null || next is not (WithClause or ReturnClause)) return null;
        var (top, steps, reach) = QueryRunner.ShapeOf(match, next);
        if (top is not null) return " (a heap of SKIP + LIMIT rows fed by the scan, sort keys read from the property records)";
        if (steps is not null) return " (walks counted per end node from the adjacency lists)";
        if (reach is not null) return " (reached nodes counted from a frontier per depth over node ids, no row per node)";
        return null;
    }

    private static PlanOperator Op(string name, string details, double estimate, params string[] identifiers) =>
        new(name, details, identifiers, estimate);

    private PlanOperator Match(MatchClause match, double input, HashSet<string> bound)
    {
        var equalities = WhereEqualities(match.Where);
        var ranges = WhereRanges(match.Where);
        var estimate = input;
        PlanOperator? scan = null;
        var expands = new List<string>();
        foreach (var part in match.Patterns)
        {
            // The node the matcher will start from: the fewest estimated rows, ties to the first, then the last node.
            var starts = part.Nodes.Select((n, i) => (Index: i, Rows: cardinality.Start(n, n.Variable is not null && bound.Contains(n.Variable),
                Known(n, equalities), ranged: Ranged(n, ranges)))).ToList();
            var anchor = starts.OrderBy(s => s.Rows).ThenBy(s => s.Index == 0 ? 0 : s.Index == part.Nodes.Count - 1 ? 1 : 2).First();
            var node = part.Nodes[anchor.Index];
            var rows = anchor.Rows;
            // A relationship index seek starts the part instead when it is estimated to give fewer rows.
            var seek = RelationshipSeek(part, equalities, bound);
            if (seek is not null && seek.Value.Rows >= rows) seek = null;
            if (scan is null)
            {
                if (seek is { } s)
                {
                    var seekName = s.Rel.Direction == RelDirection.Either ? "UndirectedRelationshipIndexSeek" : "DirectedRelationshipIndexSeek";
                    scan = Op(seekName, RelText(s.Rel), estimate * s.Rows, s.Rel.Variable ?? "anon");
                }
                else
                {
                    var scanName = ScanName(node, bound, Known(node, equalities));
                    if (scanName == "NodeByLabelScan" && Ranged(node, ranges)) scanName = "NodeIndexSeekByRange";
                    scan = Op(scanName, NodeText(node), estimate * rows, node.Variable ?? "anon");
                }
            }

            estimate *= seek?.Rows ?? rows;
            foreach (var rel in part.Relationships)
            {
                // The sought relationship was counted in the seek's rows; each other one multiplies by its fanout.
                if (!ReferenceEquals(rel, seek?.Rel)) estimate *= cardinality.Fanout(rel);
                expands.Add(RelText(rel));
            }

            if (part.ShortestKind is not null) expands.Add(part.ShortestKind);
            foreach (var variable in Semantics.SemanticChecker.PatternVariables([part])) bound.Add(variable);
        }

        // A conjunct the start lookup answers was counted in the start's estimate; each other one keeps a quarter.
        var residual = Conjuncts(match.Where).Count(c => !IsLookup(c));
        estimate *= Math.Pow(Cardinality.PredicateSelectivity, residual);
        var identifiers = Semantics.SemanticChecker.PatternVariables(match.Patterns).ToArray();
        var name = match.Patterns.Any(p => p.ShortestKind is not null) ? "ShortestPath"
            : match.Patterns.Any(p => p.Relationships.Any(r => r.VarLength)) ? "VarLengthExpand(All)"
            : match.Patterns.Any(p => p.Relationships.Count > 0) ? "Expand(All)"
            : match.Where is not null ? "Filter"
            : null;
        if (match.Optional) name = "Optional" + (name ?? "");
        if (name is null)
        {
            return scan!;
        }

        var top = Op(name, string.Join(", ", expands.Concat(match.Where is null ? [] : [Text(match.Where)])), Math.Max(estimate, match.Optional ? 1 : 0), identifiers);
        top.Children.Add(scan!);
        Scans[top] = scan!;
        return top;
    }

    /// <summary>
    /// A single-hop relationship of one type with a constant equality on a property a relationship index covers, and its
    /// estimated rows (a tenth of the type's relationships); null when the part has none.
    /// </summary>
    private (RelPattern Rel, double Rows)? RelationshipSeek(PatternPart part, Dictionary<string, string> whereEqualities, HashSet<string> bound)
    {
        foreach (var rel in part.Relationships)
        {
            if (rel.VarLength || rel.Types.Count != 1 || rel.TypeExpression is not null || (rel.Variable is not null && bound.Contains(rel.Variable)))
            {
                continue;
            }

            var keys = rel.Properties is MapExpr map ? map.Entries.Where(e => IsConstant(e.Value)).Select(e => e.Key).ToList() : [];
            if (rel.Variable is not null && whereEqualities.TryGetValue(rel.Variable, out var key)) keys.Add(key);
            if (keys.Any(k => graph.Schema.OnRelationships(rel.Types[0], k) is not null))
            {
                var count = graph.Schema.RelationshipTypeCounts(graph).GetValueOrDefault(rel.Types[0]);
                return (rel, Math.Max(1, count * Cardinality.EqualitySelectivity));
            }
        }

        return null;
    }

    private static string ScanName(NodePattern node, HashSet<string> bound, IReadOnlyCollection<string> known) =>
        node.Variable is not null && bound.Contains(node.Variable) ? "Argument"
        : known.Contains("id") ? "NodeUniqueIndexSeek"
        : node.Labels.Count > 0 && known.Count > 0 ? "NodeIndexSeek"
        : node.Labels.Count > 0 ? "NodeByLabelScan"
        : "AllNodesScan";

    private static List<string> Known(NodePattern node, Dictionary<string, string> whereEqualities)
    {
        var keys = node.Properties is MapExpr map ? map.Entries.Where(e => IsConstant(e.Value)).Select(e => e.Key).ToList() : [];
        if (node.Variable is not null && whereEqualities.TryGetValue(node.Variable, out var key)) keys.Add(key);
        return keys;
    }

    private static bool IsConstant(Expr e) => e is LiteralExpr or ParameterExpr;

    private static List<Expr> Conjuncts(Expr? where)
    {
        var found = new List<Expr>();
        var stack = new Stack<Expr>();
        if (where is not null) stack.Push(where);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e is BinaryExpr { Op: "AND" } and)
            {
                stack.Push(and.Left);
                stack.Push(and.Right);
            }
            else
            {
                found.Add(e);
            }
        }

        return found;
    }

    /// <summary>An equality, IN or range on a property against a constant: what a start lookup may answer.</summary>
    private static bool IsLookup(Expr e) => e is BinaryExpr { Op: "=" or "IN" or "STARTS" or "<" or "<=" or ">" or ">=" } b &&
        (b.Left is PropertyExpr { Target: VariableExpr } && (IsConstant(b.Right) || b.Right is ListExpr) ||
         b.Right is PropertyExpr { Target: VariableExpr } && IsConstant(b.Left));

    private bool Ranged(NodePattern node, List<(string Variable, string Key)> ranges) =>
        node.Variable is not null && node.Labels.Count > 0 &&
        ranges.Any(r => r.Variable == node.Variable && graph.Schema.Ordered(node.Labels[0], r.Key) is not null);

    /// <summary>WHERE n.key STARTS WITH / &lt; / &lt;= / &gt; / &gt;= constant conjuncts (either side), as (variable, key).</summary>
    private static List<(string Variable, string Key)> WhereRanges(Expr? where)
    {
        var found = new List<(string, string)>();
        var stack = new Stack<Expr>();
        if (where is not null) stack.Push(where);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e is BinaryExpr { Op: "AND" } and)
            {
                stack.Push(and.Left);
                stack.Push(and.Right);
            }
            else if (e is BinaryExpr { Op: "STARTS" or "<" or "<=" or ">" or ">=" } b)
            {
                if (b.Left is PropertyExpr { Target: VariableExpr v } p && IsConstant(b.Right)) found.Add((v.Name, p.Key));
                else if (b.Op != "STARTS" && b.Right is PropertyExpr { Target: VariableExpr w } q && IsConstant(b.Left)) found.Add((w.Name, q.Key));
            }
        }

        return found;
    }

    /// <summary>WHERE n.key = constant conjuncts, by variable (the lookups the matcher answers from an index).</summary>
    private static Dictionary<string, string> WhereEqualities(Expr? where)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var stack = new Stack<Expr>();
        if (where is not null) stack.Push(where);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case BinaryExpr { Op: "AND" } and:
                    stack.Push(and.Left);
                    stack.Push(and.Right);
                    break;
                case BinaryExpr { Op: "=", Left: PropertyExpr { Target: VariableExpr v } p, Right: var value } when IsConstant(value):
                    found.TryAdd(v.Name, p.Key);
                    break;
                case BinaryExpr { Op: "=", Right: PropertyExpr { Target: VariableExpr v } p, Left: var value } when IsConstant(value):
                    found.TryAdd(v.Name, p.Key);
                    break;
            }
        }

        return found;
    }

    private PlanOperator Projection(Projection projection, double input, Expr? where)
    {
        var aggregates = new List<Expr>();
        foreach (var item in projection.Items) Aggregation.Collect(item.Expression, aggregates);
        var grouping = projection.Items.Where(i => !aggregates.Any(a => Contains(i.Expression, a))).ToList();
        var estimate = aggregates.Count > 0 ? (grouping.Count == 0 ? 1 : Math.Sqrt(input)) : input;
        if (projection.Distinct) estimate = Math.Sqrt(Math.Max(estimate, 1));
        if (where is not null) estimate *= Cardinality.PredicateSelectivity;
        var limit = projection.Limit is LiteralExpr { Value: long l } ? l : (long?)null;
        if (limit is { } n) estimate = Math.Min(estimate, n);
        var name = aggregates.Count > 0 ? "EagerAggregation"
            : projection.OrderBy.Count > 0 && projection.Limit is not null ? "Top"
            : projection.OrderBy.Count > 0 ? "Sort"
            : projection.Distinct ? "Distinct"
            : projection.Limit is not null ? "Limit"
            : projection.Skip is not null ? "Skip"
            : where is not null ? "Filter"
            : "Projection";
        var details = string.Join(", ", projection.Items.Select(i => i.Alias is null ? i.Text : $"{i.Text} AS `{i.Alias}`"));
        if (projection.OrderBy.Count > 0) details += (details.Length > 0 ? " ORDER BY " : "ORDER BY ") + string.Join(", ", projection.OrderBy.Select(o => o.Text + (o.Descending ? " DESC" : " ASC")));
        if (projection.Limit is not null) details += $" LIMIT {Text(projection.Limit)}";
        return Op(name, details.Trim(), estimate, projection.Items.Select(i => i.Name).ToArray());
    }

    private static bool Contains(Expr e, Expr target) => ReferenceEquals(e, target) || ExprWalker.Children(e).Any(c => Contains(c, target));

    private static string Text(Expr e) => e switch
    {
        VariableExpr v => v.Name,
        PropertyExpr p => $"{Text(p.Target)}.{p.Key}",
        LiteralExpr { Value: string s } => $"\"{s}\"",
        LiteralExpr l => l.Value?.ToString() ?? "null",
        ParameterExpr p => "$" + p.Name,
        BinaryExpr b => $"{Text(b.Left)} {b.Op} {Text(b.Right)}",
        FunctionExpr f => $"{f.Name}({string.Join(", ", f.Args.Select(Text))})",
        ListExpr list => $"[{string.Join(", ", list.Items.Select(Text))}]",
        _ => "…",
    };

    private static string NodeText(NodePattern n) => $"{n.Variable ?? ""}{string.Concat(n.Labels.Select(l => ":" + l))}";

    private static string RelText(RelPattern r)
    {
        var inner = $"{r.Variable ?? ""}{(r.Types.Count > 0 ? ":" + string.Join("|", r.Types) : "")}{(r.VarLength ? $"*{r.MinHops}..{r.MaxHops}" : "")}";
        return r.Direction switch
        {
            RelDirection.Outgoing => $"-[{inner}]->",
            RelDirection.Incoming => $"<-[{inner}]-",
            _ => $"-[{inner}]-",
        };
    }

    private static string PatternText(PatternPart part)
    {
        var text = "(" + NodeText(part.Nodes[0]) + ")";
        for (var i = 0; i < part.Relationships.Count; i++) text += RelText(part.Relationships[i]) + "(" + NodeText(part.Nodes[i + 1]) + ")";
        return text;
    }
}

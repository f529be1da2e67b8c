using Graph.Cypher;

namespace Graph.Tck.Tests;

internal enum Outcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>Runs one TCK scenario on a fresh graph and judges it as the TCK says.</summary>
internal sealed class ScenarioRunner(string graphsDirectory)
{
    /// <summary>
    /// The graph the scenarios run on: the store's own in-memory graph (what the embedded store queries), or with
    /// TCK_GRAPH=scratch the engine's scratch graph.
    /// </summary>
    public static string GraphName { get; } = Environment.GetEnvironmentVariable("TCK_GRAPH") == "scratch" ? "scratch" : "store";

    private static readonly CypherOptions Options = new() { Timeout = TimeSpan.FromSeconds(5), MaxRows = 1_000_000 };

    public (Outcome Outcome, string Reason) Run(Scenario scenario)
    {
        // The TCK holds no implementation to a scenario tagged @ignore (Graph5 [2], `r:T` on a relationship, which
        // openCypher's grammar leaves out but Neo4j 5 answers). It runs all the same: passing counts, failing is skipped.
        var (outcome, reason) = RunSteps(scenario);
        return scenario.Tags.Contains("@ignore") && outcome == Outcome.Failed ? (Outcome.Skipped, "tagged @ignore: " + reason) : (outcome, reason);
    }

    private (Outcome Outcome, string Reason) RunSteps(Scenario scenario)
    {
        var engine = GraphName == "store" ? new CypherEngine(new Graph.Store.Memory.MemoryGraph(), Options) : new CypherEngine(Options);
        var parameters = new Dictionary<string, object?>();
        CypherResult? result = null;
        CypherException? error = null;
        GraphState? before = null;
        GraphState? after = null;
        try
        {
            foreach (var step in scenario.Steps)
            {
                var text = step.Text;
                if (text.StartsWith("there exists a procedure", StringComparison.Ordinal))
                {
                    engine.RegisterProcedure(TckProcedures.FromStep(text, step.Table ?? []));
                    continue;
                }

                if (text is "an empty graph" or "any graph")
                {
                    continue;
                }

                if (text.StartsWith("the ", StringComparison.Ordinal) && text.EndsWith(" graph", StringComparison.Ordinal))
                {
                    var name = text[4..^6];
                    var script = File.ReadAllText(Path.Combine(graphsDirectory, name, name + ".cypher"));
                    engine.Execute(script.Trim().TrimEnd(';'));
                    continue;
                }

                if (text == "having executed:")
                {
                    engine.Execute(step.DocString!, parameters);
                    continue;
                }

                if (text == "parameters are:")
                {
                    foreach (var row in step.Table!)
                    {
                        parameters[row[0]] = TckValues.Parse(row[1]);
                    }

                    continue;
                }

                if (text is "executing query:" or "executing control query:")
                {
                    before = GraphState.Of(engine);
                    result = null;
                    error = null;
                    try
                    {
                        result = engine.Execute(step.DocString!, parameters);
                    }
                    catch (CypherException e)
                    {
                        error = e;
                    }

                    after = GraphState.Of(engine);
                    continue;
                }

                if (text.StartsWith("the result should be", StringComparison.Ordinal))
                {
                    if (error is not null)
                    {
                        return (Outcome.Failed, $"unexpected error {error.ErrorType}/{error.Detail}: {error.Message}");
                    }

                    var failure = CompareResult(text, step.Table, result!);
                    if (failure is not null)
                    {
                        return (Outcome.Failed, failure);
                    }

                    continue;
                }

                if (text.StartsWith("a ", StringComparison.Ordinal) && text.Contains(" should be raised ", StringComparison.Ordinal))
                {
                    var type = text[2..text.IndexOf(' ', 2)];
                    var detail = text[(text.LastIndexOf(':') + 1)..].Trim();
                    if (error is null)
                    {
                        return (Outcome.Failed, $"expected {type}/{detail} but the query succeeded");
                    }

                    if ((detail != "*" && error.Detail != detail) || !SameType(type, error.ErrorType))
                    {
                        return (Outcome.Failed, $"expected {type}/{detail} but got {error.ErrorType}/{error.Detail}: {error.Message}");
                    }

                    var phase = ExpectedPhase(text);
                    if (phase is not null && phase != error.Phase)
                    {
                        return (Outcome.Failed, $"expected {type}/{detail} at {phase} but it was raised at {error.Phase}: {error.Message}");
                    }

                    continue;
                }

                if (text == "no side effects")
                {
                    var diff = GraphState.Diff(before!, after!);
                    if (diff.Count > 0)
                    {
                        return (Outcome.Failed, "unexpected side effects " + string.Join(", ", diff.Select(d => $"{d.Key} {d.Value}")));
                    }

                    continue;
                }

                if (text == "the side effects should be:")
                {
                    var diff = GraphState.Diff(before!, after!);
                    var expected = step.Table!.ToDictionary(r => r[0], r => long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
                    foreach (var key in expected.Keys.Union(diff.Keys))
                    {
                        if (expected.GetValueOrDefault(key) != diff.GetValueOrDefault(key))
                        {
                            return (Outcome.Failed, $"side effect {key}: expected {expected.GetValueOrDefault(key)}, got {diff.GetValueOrDefault(key)}");
                        }
                    }

                    continue;
                }

                return (Outcome.Skipped, "unknown step: " + text);
            }
        }
        catch (CypherException e)
        {
            return (Outcome.Failed, $"setup failed {e.ErrorType}/{e.Detail}: {e.Message}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (Outcome.Failed, "crash " + e.GetType().Name + ": " + e.Message);
        }

        return (Outcome.Passed, "");
    }

    /// <summary>"… should be raised at compile time: …", "… at runtime: …"; "at any time" leaves the phase open.</summary>
    private static CypherErrorPhase? ExpectedPhase(string step) =>
        step.Contains(" at compile time", StringComparison.Ordinal) ? CypherErrorPhase.CompileTime
        : step.Contains(" at runtime", StringComparison.Ordinal) ? CypherErrorPhase.Runtime
        : null;

    // The TCK's SemanticError and SyntaxError are both compile-time query errors in Neo4j's status codes.
    private static bool SameType(string expected, string actual) =>
        expected == actual || (expected is "SyntaxError" or "SemanticError" && actual is "SyntaxError" or "SemanticError");

    private static string? CompareResult(string step, List<List<string>>? table, CypherResult result)
    {
        var ordered = step.Contains("in order", StringComparison.Ordinal);
        var unorderedLists = step.Contains("ignoring element order for lists", StringComparison.Ordinal);
        if (step == "the result should be empty")
        {
            return result.Rows.Count == 0 ? null : $"expected no rows, got {result.Rows.Count}";
        }

        var header = table![0];
        if (!header.SequenceEqual(result.Columns))
        {
            return $"columns: expected [{string.Join(", ", header)}], got [{string.Join(", ", result.Columns)}]";
        }

        var expected = table.Skip(1).Select(r => string.Join(" | ", r.Select(c => TckValues.Canonical(TckValues.Parse(c), unorderedLists)))).ToList();
        var actual = result.Rows.Select(r => string.Join(" | ", r.Select(v => TckValues.Canonical(v, unorderedLists)))).ToList();
        if (!ordered)
        {
            expected.Sort(StringComparer.Ordinal);
            actual.Sort(StringComparer.Ordinal);
        }

        if (!expected.SequenceEqual(actual))
        {
            return "rows differ\n  expected: " + string.Join("\n            ", expected) + "\n  actual:   " + string.Join("\n            ", actual);
        }

        return null;
    }
}

/// <summary>What the TCK's side effects count: nodes, relationships, label names in use, and (entity, key, value) properties.</summary>
internal sealed record GraphState(HashSet<long> Nodes, HashSet<long> Relationships, HashSet<string> Labels, HashSet<string> Properties)
{
    public static GraphState Of(CypherEngine engine)
    {
        var graph = engine.Graph;
        var nodes = graph.AllNodes().ToHashSet();
        var rels = graph.AllRelationships().ToHashSet();
        var labels = nodes.SelectMany(graph.LabelsOf).ToHashSet();
        var properties = new HashSet<string>();
        foreach (var n in nodes)
        {
            foreach (var (k, v) in graph.NodeProperties(n))
            {
                properties.Add($"n{n}.{k}={TckValues.Canonical(v, false)}");
            }
        }

        foreach (var r in rels)
        {
            foreach (var (k, v) in graph.RelationshipProperties(r))
            {
                properties.Add($"r{r}.{k}={TckValues.Canonical(v, false)}");
            }
        }

        return new GraphState(nodes, rels, labels, properties);
    }

    public static Dictionary<string, long> Diff(GraphState before, GraphState after)
    {
        var diff = new Dictionary<string, long>
        {
            ["+nodes"] = after.Nodes.Except(before.Nodes).Count(),
            ["-nodes"] = before.Nodes.Except(after.Nodes).Count(),
            ["+relationships"] = after.Relationships.Except(before.Relationships).Count(),
            ["-relationships"] = before.Relationships.Except(after.Relationships).Count(),
            ["+labels"] = after.Labels.Except(before.Labels).Count(),
            ["-labels"] = before.Labels.Except(after.Labels).Count(),
            ["+properties"] = after.Properties.Except(before.Properties).Count(),
            ["-properties"] = before.Properties.Except(after.Properties).Count(),
        };
        return diff.Where(e => e.Value != 0).ToDictionary(e => e.Key, e => e.Value);
    }
}

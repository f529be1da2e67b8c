using System.Diagnostics;
using System.Text;

namespace Graph.Tck.Tests;

/// <summary>
/// Our own conformance suite, in the TCK's Gherkin format: the Neo4j 5 and Cypher 25 features the openCypher TCK does
/// not cover (subqueries, label expressions, type predicates, GQL path selectors, procedures…), each scenario's
/// expected result taken from the example Neo4j's Cypher manual gives for the feature. Every scenario must pass; the
/// suite is in the repository (Conformance/), so it runs everywhere, with or without the reference collections.
/// </summary>
public sealed class OwnConformanceTests(ITestOutputHelper output)
{
    private static string SuiteFolder() => Path.Combine(TestData.Root, "tests", "Graph.Tck.Tests", "Conformance");

    [Fact]
    public void EveryScenarioPasses()
    {
        var features = Path.Combine(SuiteFolder(), "features");
        var runner = new ScenarioRunner(Path.Combine(SuiteFolder(), "graphs"));
        var clock = Stopwatch.StartNew();
        var outcomes = new List<(Scenario Scenario, Outcome Outcome, string Reason)>();
        foreach (var file in Directory.EnumerateFiles(features, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(features, file).Replace('\\', '/');
            foreach (var scenario in FeatureFiles.Read(relative, File.ReadAllText(file)))
            {
                var (outcome, reason) = runner.Run(scenario);
                outcomes.Add((scenario, outcome, reason));
            }
        }

        var passed = outcomes.Count(o => o.Outcome == Outcome.Passed);
        var summary = new StringBuilder();
        summary.AppendLine($"Own conformance suite: {passed} passed, {outcomes.Count(o => o.Outcome == Outcome.Failed)} failed, " +
                           $"{outcomes.Count(o => o.Outcome == Outcome.Skipped)} skipped of {outcomes.Count} in {clock.Elapsed.TotalSeconds:0.0} s (graph: {ScenarioRunner.GraphName})");
        foreach (var feature in outcomes.GroupBy(o => o.Scenario.Feature).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            summary.AppendLine($"  {feature.Key}: {feature.Count(o => o.Outcome == Outcome.Passed)} of {feature.Count()}");
        }

        output.WriteLine(summary.ToString());
        Console.WriteLine(summary.ToString());
        // The test runner keeps a passing test's output to itself; test.sh prints this file's first line after the run.
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "own-conformance-summary.txt"), summary.ToString());
        var notPassing = outcomes.Where(o => o.Outcome != Outcome.Passed)
            .Select(o => $"{o.Outcome} {o.Scenario.Id}: {o.Reason}").ToList();
        Assert.True(notPassing.Count == 0, "Scenarios of our own suite that do not pass:\n" + string.Join("\n", notPassing));
    }
}

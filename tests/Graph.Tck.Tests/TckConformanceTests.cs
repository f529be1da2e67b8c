using System.Diagnostics;
using System.Text;

namespace Graph.Tck.Tests;

/// <summary>
/// Runs every openCypher TCK scenario and guards the committed list of passing scenarios: a listed scenario
/// that fails fails this test. UPDATE_TCK=1 rewrites the list from the current run.
/// </summary>
public sealed class TckConformanceTests(ITestOutputHelper output)
{
    /// <summary>This test project's folder in the repository, where the list of passing scenarios is kept.</summary>
    private static string ProjectFolder() => Path.Combine(TestData.Root, "tests", "Graph.Tck.Tests");

    private static string ListPath() => Path.Combine(ProjectFolder(), "passing-scenarios.txt");

    /// <summary>The TCK's feature files and named graphs, read from the reference collections (skips the test when absent).</summary>
    private static string TckPath() => Path.Combine(TestData.OpenCypherTck, "tck");

    [Fact]
    public void PassingScenariosKeepPassing()
    {
        var tck = TckPath();
        var features = Path.Combine(tck, "features");
        var runner = new ScenarioRunner(Path.Combine(tck, "graphs"));
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
        var failed = outcomes.Count(o => o.Outcome == Outcome.Failed);
        var skipped = outcomes.Count(o => o.Outcome == Outcome.Skipped);
        var summary = new StringBuilder();
        summary.AppendLine($"openCypher TCK: {passed} passed, {failed} failed, {skipped} skipped of {outcomes.Count} in {clock.Elapsed.TotalSeconds:0.0} s (graph: {ScenarioRunner.GraphName})");
        foreach (var area in outcomes.GroupBy(o => string.Join('/', o.Scenario.Feature.Split('/').Take(2))).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            summary.AppendLine($"  {area.Key}: {area.Count(o => o.Outcome == Outcome.Passed)} passed, " +
                               $"{area.Count(o => o.Outcome == Outcome.Failed)} failed, {area.Count(o => o.Outcome == Outcome.Skipped)} skipped of {area.Count()}");
        }

        output.WriteLine(summary.ToString());
        Console.WriteLine(summary.ToString());
        // The test runner keeps a passing test's output to itself; test.sh prints this file's first line after the run.
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "tck-summary.txt"), summary.ToString());
        var report = string.Join("\n", outcomes.Select(o => $"{o.Outcome}\t{o.Scenario.Id}\t{o.Reason.Replace("\n", "\n\t\t", StringComparison.Ordinal)}"));
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "tck-results.txt"), report + "\n");

        var passingNow = outcomes.Where(o => o.Outcome == Outcome.Passed).Select(o => o.Scenario.Id).ToList();
        if (Environment.GetEnvironmentVariable("UPDATE_TCK") == "1")
        {
            File.WriteAllText(ListPath(), string.Join("\n", passingNow) + "\n");
            return;
        }

        var listed = File.Exists(ListPath()) ? File.ReadAllLines(ListPath()).Where(l => l.Length > 0).ToHashSet() : [];
        var newlyPassing = passingNow.Where(id => !listed.Contains(id)).ToList();
        if (newlyPassing.Count > 0)
        {
            output.WriteLine($"{newlyPassing.Count} scenarios pass that are not in passing-scenarios.txt (run with UPDATE_TCK=1 to record them)");
        }

        var byId = outcomes.ToDictionary(o => o.Scenario.Id, o => o);
        var regressions = listed.Where(id => !byId.TryGetValue(id, out var o) || o.Outcome != Outcome.Passed)
            .Select(id => byId.TryGetValue(id, out var o) ? $"{id}: {o.Reason}" : $"{id}: no longer exists").ToList();
        Assert.True(regressions.Count == 0, "Scenarios that passed before now fail:\n" + string.Join("\n", regressions));
    }
}

namespace Graph.Tck.Tests;

/// <summary>
/// Our own scenarios, in the TCK's Gherkin, for schema commands, introspection, EXPLAIN/PROFILE and syntax errors, which
/// the openCypher TCK does not cover; expected results follow Neo4j's manual. All of them must pass.
/// </summary>
public sealed class SchemaFeatureTests(ITestOutputHelper output)
{
    [Fact]
    public void EverySchemaScenarioPasses()
    {
        var folder = Path.Combine(TestData.Root, "tests", "Graph.Tck.Tests", "features", "schema");
        // No scenario here uses a named TCK graph, so the runner needs no graphs folder.
        var runner = new ScenarioRunner(folder);
        var failures = new List<string>();
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.feature").Order(StringComparer.Ordinal))
        {
            foreach (var scenario in FeatureFiles.Read("schema/" + Path.GetFileName(file), File.ReadAllText(file)))
            {
                count++;
                var (outcome, reason) = runner.Run(scenario);
                if (outcome != Outcome.Passed) failures.Add($"{scenario.Id}: {outcome} {reason}");
            }
        }

        output.WriteLine($"schema scenarios: {count - failures.Count} passed of {count}");
        Assert.True(count >= 28, $"only {count} scenarios were read");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

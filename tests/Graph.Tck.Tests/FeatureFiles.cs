using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;

namespace Graph.Tck.Tests;

/// <summary>One step of a scenario, with its doc string or table.</summary>
internal sealed record Step(string Text, string? DocString, List<List<string>>? Table);

/// <summary>A runnable scenario: a plain Scenario, or one Examples row of a Scenario Outline.</summary>
internal sealed record Scenario(string Feature, string Name, IReadOnlyList<string> Tags, IReadOnlyList<Step> Steps)
{
    public string Id => $"{Feature}: {Name}";
}

/// <summary>
/// The TCK's feature files read with Cucumber's Gherkin parser and compiled into pickles (an outline's Examples rows
/// substituted, the Background's steps prepended). An outline's scenarios are named "name #k", k counting its rows.
/// </summary>
internal static class FeatureFiles
{
    public static List<Scenario> Read(string featurePath, string text)
    {
        var ids = new IncrementingIdGenerator();
        var document = new Parser().Parse(new StringReader(text));
        var messages = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(document, featurePath);
        var scenarios = messages.Feature.Children.Where(c => c.Scenario is not null).ToDictionary(c => c.Scenario.Id, c => c.Scenario);
        var rowsSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Scenario>();
        foreach (var pickle in new PickleCompiler(ids).Compile(messages))
        {
            var scenario = scenarios[pickle.AstNodeIds[0]];
            var name = scenario.Name;
            if (scenario.Examples.Count > 0)
            {
                var row = rowsSeen[scenario.Id] = rowsSeen.GetValueOrDefault(scenario.Id) + 1;
                name += " #" + row;
            }

            var steps = pickle.Steps.Select(s => new Step(s.Text, s.Argument?.DocString?.Content,
                s.Argument?.DataTable?.Rows.Select(r => r.Cells.Select(c => c.Value).ToList()).ToList())).ToList();
            result.Add(new Scenario(featurePath, name, scenario.Tags.Select(t => t.Name).ToList(), steps));
        }

        return result;
    }
}

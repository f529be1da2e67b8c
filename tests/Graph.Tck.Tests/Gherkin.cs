namespace Graph.Tck.Tests;

/// <summary>One step of a scenario, with its doc string or table.</summary>
internal sealed record Step(string Keyword, string Text, string? DocString, List<List<string>>? Table);

/// <summary>A runnable scenario: a plain Scenario, or one Examples row of a Scenario Outline.</summary>
internal sealed record Scenario(string Feature, string Name, IReadOnlyList<string> Tags, IReadOnlyList<Step> Steps)
{
    public string Id => $"{Feature}: {Name}";
}

/// <summary>The subset of Gherkin the openCypher TCK uses: Feature, Background, Scenario, Scenario Outline with Examples, doc strings, tables, tags.</summary>
internal static class Gherkin
{
    public static List<Scenario> Parse(string featurePath, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var scenarios = new List<Scenario>();
        List<Step>? background = null;
        List<Step>? current = null;
        string? name = null;
        var outline = false;
        var tags = new List<string>();
        var pendingTags = new List<string>();
        List<List<string>>? examples = null;
        var i = 0;

        void Flush()
        {
            if (current is null || name is null)
            {
                return;
            }

            var steps = (background ?? []).Concat(current).ToList();
            if (!outline)
            {
                scenarios.Add(new Scenario(featurePath, name, tags, steps));
            }
            else if (examples is { Count: > 1 })
            {
                var header = examples[0];
                for (var row = 1; row < examples.Count; row++)
                {
                    var values = examples[row];
                    string Substitute(string s)
                    {
                        for (var c = 0; c < header.Count; c++)
                        {
                            s = s.Replace("<" + header[c] + ">", values[c], StringComparison.Ordinal);
                        }

                        return s;
                    }

                    var expanded = steps.Select(st => new Step(st.Keyword, Substitute(st.Text),
                        st.DocString is null ? null : Substitute(st.DocString),
                        st.Table?.Select(r => r.Select(Substitute).ToList()).ToList())).ToList();
                    scenarios.Add(new Scenario(featurePath, $"{name} #{row}", tags, expanded));
                }
            }

            current = null;
            name = null;
            examples = null;
        }

        while (i < lines.Length)
        {
            var line = lines[i].Trim();
            i++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('@'))
            {
                pendingTags.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }

            if (line.StartsWith("Feature:", StringComparison.Ordinal))
            {
                pendingTags.Clear();
                continue;
            }

            if (line.StartsWith("Background:", StringComparison.Ordinal))
            {
                Flush();
                background = [];
                current = background;
                continue;
            }

            if (line.StartsWith("Scenario Outline:", StringComparison.Ordinal) || line.StartsWith("Scenario:", StringComparison.Ordinal))
            {
                if (current != background || name is not null)
                {
                    Flush();
                }

                outline = line.StartsWith("Scenario Outline:", StringComparison.Ordinal);
                name = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                tags = pendingTags.ToList();
                pendingTags.Clear();
                current = [];
                continue;
            }

            if (line.StartsWith("Examples:", StringComparison.Ordinal))
            {
                examples = [];
                while (i < lines.Length && (lines[i].Trim().StartsWith('|') || lines[i].Trim().StartsWith("#|", StringComparison.Ordinal)))
                {
                    // A commented-out row ("#| ... |") is not an example.
                    if (lines[i].Trim().StartsWith('|'))
                    {
                        examples.Add(Cells(lines[i].Trim()));
                    }

                    i++;
                }

                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || current is null)
            {
                continue;
            }

            var keyword = line[..space];
            var stepText = line[(space + 1)..].Trim();
            string? doc = null;
            List<List<string>>? table = null;
            if (i < lines.Length && lines[i].Trim().StartsWith("\"\"\"", StringComparison.Ordinal))
            {
                var indent = lines[i].IndexOf('"', StringComparison.Ordinal);
                i++;
                var docLines = new List<string>();
                while (i < lines.Length && !lines[i].Trim().StartsWith("\"\"\"", StringComparison.Ordinal))
                {
                    var l = lines[i];
                    docLines.Add(l.Length >= indent && string.IsNullOrWhiteSpace(l[..indent]) ? l[indent..] : l.TrimStart());
                    i++;
                }

                i++;
                doc = string.Join("\n", docLines);
            }
            else if (i < lines.Length && lines[i].Trim().StartsWith('|'))
            {
                table = [];
                while (i < lines.Length && lines[i].Trim().StartsWith('|'))
                {
                    table.Add(Cells(lines[i].Trim()));
                    i++;
                }
            }

            current.Add(new Step(keyword, stepText, doc, table));
        }

        Flush();
        return scenarios;
    }

    /// <summary>Cells of a table row; "\|" inside a cell is a literal bar.</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        for (var k = 1; k < line.Length; k++)
        {
            var c = line[k];
            if (c == '\\' && k + 1 < line.Length && line[k + 1] is '|' or '\\' or 'n')
            {
                cell.Append(line[k + 1] == 'n' ? '\n' : line[k + 1]);
                k++;
            }
            else if (c == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        return cells;
    }
}

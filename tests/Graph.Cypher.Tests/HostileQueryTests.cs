using System.Diagnostics;
using System.Text;

namespace Graph.Cypher.Tests;

/// <summary>
/// Queries built to end the process (a stack overflow cannot be caught) or to fill its memory. They run in a child
/// process, this test executable filtered to <see cref="HostileQueryChild"/>, so that a regression fails these tests
/// with the child's crash exit code instead of killing the test run. Each shape must end with its clear error.
/// </summary>
public sealed class HostileQueryTests
{
    public static TheoryData<string, string> Shapes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, detail) in HostileQueries.Expected) data.Add(name, detail);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task EndsWithItsClearErrorInAChildProcess(string shape, string expected)
    {
        var run = await ChildRun.Value;
        if (!run.Outcomes.TryGetValue(shape, out var outcome))
        {
            Assert.Fail($"The child process ended (exit code {run.ExitCode}) before it reported '{shape}'; the last shape it started " +
                        $"was '{run.LastStarted}', which crashed it.\nstderr:\n{Tail(run.Errors)}");
        }

        Assert.True(outcome.StartsWith(expected + " ", StringComparison.Ordinal) || outcome == expected,
            $"'{shape}': expected {expected}, got: {outcome}");
        Assert.True(run.ExitCode == 0, $"The child process exited with {run.ExitCode}.\nstderr:\n{Tail(run.Errors)}");
    }

    private static readonly Lazy<Task<ChildResult>> ChildRun = new(RunChild);

    private sealed record ChildResult(int ExitCode, Dictionary<string, string> Outcomes, string? LastStarted, string Errors);

    private static async Task<ChildResult> RunChild()
    {
        var report = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.txt");
        var assembly = typeof(HostileQueryChild).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["exec", assembly, "-method", $"{typeof(HostileQueryChild).FullName}.{nameof(HostileQueryChild.RunsEveryShapeItsParentNamed)}"])
            start.ArgumentList.Add(argument);
        start.Environment[HostileQueryChild.ReportVariable] = report;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        var outcomes = new Dictionary<string, string>();
        string? lastStarted = null;
        if (File.Exists(report))
        {
            foreach (var line in await File.ReadAllLinesAsync(report, CancellationToken.None))
            {
                var parts = line.Split('\t', 3);
                if (parts[0] == "start") lastStarted = parts[1];
                else if (parts[0] == "end") outcomes[parts[1]] = parts[2];
            }

            File.Delete(report);
        }

        return new ChildResult(process.ExitCode, outcomes, lastStarted, await errors + await output);
    }

    private static string Tail(string text) => text.Length <= 3000 ? text : "…" + text[^3000..];
}

/// <summary>The child side of <see cref="HostileQueryTests"/>: skipped unless that test started this process.</summary>
public sealed class HostileQueryChild
{
    public const string ReportVariable = "GRAPH_HOSTILE_QUERY_REPORT";

    [Fact]
    public void RunsEveryShapeItsParentNamed()
    {
        var report = Environment.GetEnvironmentVariable(ReportVariable);
        if (report is null) Assert.Skip("Runs only as the child process of HostileQueryTests.");
        var engine = new CypherEngine();
        foreach (var (name, _) in HostileQueries.Expected)
        {
            // Written and flushed before the query runs, so the parent knows which shape a crash came from.
            File.AppendAllText(report, $"start\t{name}\n");
            string outcome;
            try
            {
                var (query, parameters) = HostileQueries.Build(name);
                var result = engine.Execute(query, parameters, TestContext.Current.CancellationToken);
                outcome = $"OK {result.Rows.Count} rows";
            }
            catch (CypherException e)
            {
                outcome = $"{e.Detail} {e.StatusCode}: {e.Message}".ReplaceLineEndings(" ");
            }

            File.AppendAllText(report, $"end\t{name}\t{outcome}\n");
        }
    }
}

/// <summary>The hostile shapes and the error each must end with.</summary>
internal static class HostileQueries
{
    private const string DeepList = "reduce(acc = [], x IN range(1, 40000) | [acc])";

    public static readonly (string Name, string Detail)[] Expected =
    [
        ("deep value returned", "ValueTooDeep"),
        ("deep value compared", "ValueTooDeep"),
        ("deep value made DISTINCT", "ValueTooDeep"),
        ("deep value sorted", "ValueTooDeep"),
        ("deep map returned", "ValueTooDeep"),
        ("deep parameter", "ValueTooDeep"),
        ("value just under the depth limit", "OK"),
        ("12,000 nested CASE", "NestingTooDeep"),
        ("nested parentheses", "NestingTooDeep"),
        ("nested lists", "NestingTooDeep"),
        ("nested maps", "NestingTooDeep"),
        ("nested list comprehensions", "NestingTooDeep"),
        ("nested pattern comprehensions", "NestingTooDeep"),
        ("nested EXISTS subqueries", "NestingTooDeep"),
        ("nested function calls", "NestingTooDeep"),
        ("NOT chain", "NestingTooDeep"),
        ("unary minus chain", "NestingTooDeep"),
        ("string concatenation chain", "NestingTooDeep"),
        ("property access chain", "NestingTooDeep"),
        ("index chain", "NestingTooDeep"),
        ("node label chain", "NestingTooDeep"),
        ("label conjunction", "NestingTooDeep"),
        ("relationship type alternatives", "NestingTooDeep"),
        ("label test in WHERE", "NestingTooDeep"),
        ("|| concatenation chain", "NestingTooDeep"),
        ("labels set", "NestingTooDeep"),
        ("list doubled", "MemoryLimit"),
        ("string doubled", "MemoryLimit"),
        ("list nested in itself twice", "MemoryLimit"),
        ("replace() multiplying a string", "MemoryLimit"),
        ("huge list comprehension of big strings", "MemoryLimit"),
    ];

    public static (string Query, Dictionary<string, object?>? Parameters) Build(string name) => name switch
    {
        "deep value returned" => ($"RETURN {DeepList} AS a", null),
        "deep value compared" => ($"WITH {DeepList} AS a RETURN a = a", null),
        "deep value made DISTINCT" => ($"WITH {DeepList} AS a RETURN DISTINCT a", null),
        "deep value sorted" => ($"WITH {DeepList} AS a RETURN a ORDER BY a", null),
        "deep map returned" => ("RETURN reduce(acc = {}, x IN range(1, 40000) | {a: acc}) AS m", null),
        "deep parameter" => ("RETURN $p = $p", new() { ["p"] = DeepParameter(100_000) }),
        "value just under the depth limit" => ("WITH reduce(acc = [], x IN range(1, 199) | [acc]) AS a WITH DISTINCT a RETURN a = a, a ORDER BY a", null),
        "12,000 nested CASE" => ("RETURN " + Repeat("CASE WHEN true THEN ", 12_000) + "1" + Repeat(" END", 12_000), null),
        "nested parentheses" => ("RETURN " + Repeat("(", 50_000) + "1" + Repeat(")", 50_000), null),
        "nested lists" => ("RETURN " + Repeat("[", 50_000) + "1" + Repeat("]", 50_000), null),
        "nested maps" => ("RETURN " + Repeat("{a: ", 50_000) + "1" + Repeat("}", 50_000), null),
        "nested list comprehensions" => ("RETURN " + Repeat("[x IN ", 20_000) + "[1]" + Repeat(" | x]", 20_000), null),
        "nested pattern comprehensions" => ("MATCH (n) RETURN " + Repeat("[(n)-->(m) | ", 20_000) + "1" + Repeat("]", 20_000), null),
        "nested EXISTS subqueries" => ("MATCH (n) WHERE " + Repeat("EXISTS { MATCH (n) WHERE ", 20_000) + "true" + Repeat(" }", 20_000) + " RETURN n", null),
        "nested function calls" => ("RETURN " + Repeat("abs(", 50_000) + "1" + Repeat(")", 50_000), null),
        "NOT chain" => ("RETURN " + Repeat("NOT ", 100_000) + "true", null),
        "unary minus chain" => ("RETURN " + Repeat("- ", 100_000) + "1", null),
        "string concatenation chain" => ("RETURN 'a'" + Repeat(" + 'a'", 100_000), null),
        "property access chain" => ("RETURN {a: 1}" + Repeat(".a", 100_000), null),
        "index chain" => ("RETURN [1]" + Repeat("[0]", 100_000), null),
        "node label chain" => ("MATCH (n" + Repeat(":A", 100_000) + ") RETURN n", null),
        "label conjunction" => ("MATCH (n:A" + Repeat("&A", 100_000) + ") RETURN n", null),
        "relationship type alternatives" => ("MATCH ()-[r:T" + Repeat("|T", 100_000) + "]->() RETURN r", null),
        "label test in WHERE" => ("MATCH (n) WHERE n" + Repeat(":A", 100_000) + " RETURN n", null),
        "|| concatenation chain" => ("RETURN 'a'" + Repeat(" || 'a'", 100_000), null),
        "labels set" => ("MATCH (n) SET n" + Repeat(":A", 100_000) + " RETURN n", null),
        "list doubled" => ("RETURN reduce(l = [1], i IN range(1, 40) | l + l) AS l", null),
        "string doubled" => ("RETURN reduce(s = 'ab', i IN range(1, 40) | s + s) AS s", null),
        "list nested in itself twice" => ("RETURN reduce(l = [1], i IN range(1, 60) | [l, l]) AS l", null),
        "replace() multiplying a string" =>
            ("WITH reduce(s = 'a', i IN range(1, 14) | s + s) AS s RETURN size(replace(s, 'a', s)) AS n", null),
        "huge list comprehension of big strings" =>
            ("WITH reduce(s = 'a', i IN range(1, 24) | s + s) AS s RETURN size([x IN range(1, 1000) | s + x]) AS n", null),
        _ => throw new ArgumentException($"no shape named {name}", nameof(name)),
    };

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    /// <summary>[[[…[1]…]]] built without recursion, as a client's parser could hand it in.</summary>
    private static List<object?> DeepParameter(int depth)
    {
        var value = new List<object?> { 1L };
        for (var i = 1; i < depth; i++) value = [value];
        return value;
    }
}

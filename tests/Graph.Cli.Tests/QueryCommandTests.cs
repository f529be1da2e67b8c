using System.Diagnostics;
using System.Text.Json;

namespace Graph.Cli.Tests;

/// <summary>`graph query` as users run it: the real executable over a store ingested from the seeds.</summary>
public sealed class QueryCommandTests : IAsyncLifetime
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "graph-cli-query-tests", Guid.NewGuid().ToString("N"));

    private static async Task<(int Exit, string Out, string Err)> Graph(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "graph.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    public async ValueTask InitializeAsync()
    {
        var (exit, _, err) = await Graph("ingest", TestData.Seeds, "--data", data, "--quiet");
        Assert.True(exit == 0, err);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system to clean the temp folder.
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task PrintsATableWithParameters()
    {
        var (exit, output, _) = await Graph("query", "MATCH (d:Document {id: $id})-[:CITES]->(x) RETURN DISTINCT x.id AS cited ORDER BY cited",
            "--param", "id=A/RES/77/13", "--data", data);
        Assert.Equal(0, exit);
        Assert.Contains("| cited", output, StringComparison.Ordinal);
        Assert.Contains("A/RES/71/12", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ row\(s\)", output);
    }

    [Fact]
    public async Task TakesAWholeNumberParameterAsAnInteger()
    {
        var (exit, output, error) = await Graph("query", "UNWIND range(1, 5) AS x WITH x LIMIT $n RETURN x, $n AS n, $ratio AS ratio",
            "--param", "n=2", "--param", "ratio=0.5", "--format", "json", "--data", data);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.GetProperty("values").EnumerateArray().ToList();
        // LIMIT refuses a float: two rows means n arrived as an integer.
        Assert.Equal([1L, 2L], rows.Select(r => r[0].GetInt64()));
        Assert.Equal(0.5, rows[0][2].GetDouble());
    }

    [Fact]
    public async Task PrintsQueryApiShapedJson()
    {
        var (exit, output, _) = await Graph("query", "MATCH (d:Document {id: 'A/RES/77/13'}) RETURN d, d.session AS session, 2 AS n",
            "--format", "json", "--data", data);
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["d", "session", "n"], json.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        var row = json.RootElement.GetProperty("values")[0];
        Assert.Contains("Document", row[0].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("A/RES/77/13", row[0].GetProperty("properties").GetProperty("id").GetString());
        Assert.Equal(77, row[1].GetInt64());
        Assert.False(json.RootElement.GetProperty("counters").GetProperty("containsUpdates").GetBoolean());
    }

    [Fact]
    public async Task ReportsQueryErrorsWithPositionAndExitCode()
    {
        var (exit, output, error) = await Graph("query", "MATCH (n)\nRETURN m", "--data", data);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("UndefinedVariable", error, StringComparison.Ordinal);
        Assert.Contains("line 2, column 8", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesWritesWithoutTheWriteOption()
    {
        var (exit, _, error) = await Graph("query", "CREATE (n:Document {id: 'x'})", "--data", data);
        Assert.Equal(1, exit);
        Assert.Contains("Neo.ClientError.Statement.AccessMode", error, StringComparison.Ordinal);
        Assert.Contains("--write", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriteIsSavedAndTheNextRunSeesItExportsItAndChecksClean()
    {
        var (exit, output, error) = await Graph("query", "MATCH (d:Document {id: $id}) SET d.note = $note RETURN d.note",
            "--param", "id=A/RES/71/12", "--param", "note=first of the series", "--write", "--data", data);
        Assert.True(exit == 0, error);
        Assert.Contains("properties set 1", output, StringComparison.Ordinal);

        // Each run is a new process: the write was saved in the data folder and made again on open.
        (exit, output, error) = await Graph("query", "MATCH (d:Document {id: 'A/RES/71/12'}) RETURN d.note AS note", "--format", "json", "--data", data);
        Assert.True(exit == 0, error);
        using (var json = JsonDocument.Parse(output))
            Assert.Equal("first of the series", json.RootElement.GetProperty("values")[0][0].GetString());
        var exported = Path.Combine(data, "export.json");
        (exit, _, error) = await Graph("export", "--format", "json", "--out", exported, "--data", data);
        Assert.True(exit == 0, error);
        Assert.Contains("first of the series", await File.ReadAllTextAsync(exported, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        (exit, output, error) = await Graph("check", "--data", data);
        Assert.True(exit == 0, error + output);
    }

    [Fact]
    public async Task RejectsAMalformedParameter()
    {
        var (exit, _, error) = await Graph("query", "RETURN $x", "--param", "novalue", "--data", data);
        Assert.NotEqual(0, exit);
        Assert.Contains("name=value", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfilePrintsThePlanTableAboveTheRows()
    {
        var (exit, output, err) = await Graph("query", "PROFILE MATCH (d:Document {id: 'A/RES/77/13'})-[:CITES]->(x) RETURN count(x) AS cited", "--data", data);
        Assert.True(exit == 0, err);
        Assert.Contains("| Operator", output, StringComparison.Ordinal);
        Assert.Contains("+NodeUniqueIndexSeek", output, StringComparison.Ordinal);
        Assert.Contains("Total database accesses:", output, StringComparison.Ordinal);
        Assert.Contains("1 row(s)", output, StringComparison.Ordinal);
        var (explainExit, explained, _) = await Graph("query", "EXPLAIN MATCH (d:Document) RETURN d", "--data", data, "--format", "json");
        Assert.Equal(0, explainExit);
        using var json = JsonDocument.Parse(explained);
        Assert.Equal("ProduceResults@neo4j", json.RootElement.GetProperty("queryPlan").GetProperty("operatorType").GetString());
    }

    [Fact]
    public async Task AnIndexCreatedWithWriteIsListedByTheNextRun()
    {
        var (exit, output, err) = await Graph("query", "CREATE INDEX note_topic FOR (n:Note) ON (n.topic)", "--data", data, "--write");
        Assert.True(exit == 0, err);
        Assert.Contains("indexes +1 -0", output, StringComparison.Ordinal);
        var (_, listed, _) = await Graph("query", "SHOW INDEXES YIELD name, type WHERE type = 'RANGE' RETURN name", "--data", data);
        Assert.Contains("note_topic", listed, StringComparison.Ordinal);
    }
}

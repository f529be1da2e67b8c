using System.Net;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>EXPLAIN and PROFILE through the Query API in Neo4j's queryPlan / profiledQueryPlan shape, and SHOW and schema procedures there.</summary>
public sealed class QueryPlanApiTests(ExplorerFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string statement)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object?> { ["statement"] = statement });
        using var response = await _client.PostAsync("/db/neo4j/query/v2", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static IEnumerable<JsonElement> Operators(JsonElement plan) =>
        new[] { plan }.Concat(plan.GetProperty("children").EnumerateArray().SelectMany(Operators));

    [Fact]
    public async Task ProfileAnswersRowsAndTheMeasuredPlan()
    {
        var (status, body) = await PostAsync("PROFILE MATCH (d:Document)-[:CITES]->(x:Document {id: 'A/RES/64/256'}) RETURN d.id");
        Assert.True(status == HttpStatusCode.Accepted, body.ToString());
        var rows = body.GetProperty("data").GetProperty("values").GetArrayLength();
        Assert.True(rows > 0);
        var plan = body.GetProperty("profiledQueryPlan");
        Assert.Equal("ProduceResults@neo4j", plan.GetProperty("operatorType").GetString());
        Assert.Equal(rows, plan.GetProperty("records").GetInt64());
        Assert.Contains("Total database accesses", plan.GetProperty("arguments").GetProperty("string-representation").GetString(), StringComparison.Ordinal);
        var operators = Operators(plan).ToList();
        var seek = Assert.Single(operators, o => o.GetProperty("operatorType").GetString() == "NodeUniqueIndexSeek@neo4j");
        Assert.Equal(1, seek.GetProperty("records").GetInt64());
        Assert.Equal(1, seek.GetProperty("arguments").GetProperty("EstimatedRows").GetDouble());
        Assert.True(operators.Sum(o => o.GetProperty("dbHits").GetInt64()) > rows);
    }

    [Fact]
    public async Task ExplainAnswersThePlanAndNoRows()
    {
        var (status, body) = await PostAsync("EXPLAIN MATCH (d:Document) RETURN count(d)");
        Assert.True(status == HttpStatusCode.Accepted, body.ToString());
        Assert.Equal(0, body.GetProperty("data").GetProperty("values").GetArrayLength());
        var plan = body.GetProperty("queryPlan");
        Assert.False(plan.TryGetProperty("dbHits", out _));
        var scan = Operators(plan).Last();
        Assert.Equal("NodeByLabelScan@neo4j", scan.GetProperty("operatorType").GetString());
        Assert.True(scan.GetProperty("arguments").GetProperty("EstimatedRows").GetDouble() > 2);
    }

    [Fact]
    public async Task ShowIndexesAndTheSchemaProceduresAnswerInNeo4jsColumns()
    {
        var (status, body) = await PostAsync("SHOW INDEXES");
        Assert.True(status == HttpStatusCode.Accepted, body.ToString());
        Assert.Equal("id", body.GetProperty("data").GetProperty("fields")[0].GetString());
        (status, body) = await PostAsync("CALL db.schema.nodeTypeProperties() YIELD nodeType, propertyName WHERE nodeType = ':`Document`:`Resolution`' RETURN propertyName");
        Assert.True(status == HttpStatusCode.Accepted, body.ToString());
        Assert.Contains("id", body.GetProperty("data").GetProperty("values").EnumerateArray().Select(v => v[0].GetString()));
    }

    [Fact]
    public async Task ASyntaxErrorListsWhatWasExpected()
    {
        var (status, body) = await PostAsync("MATCH (d:Document) RETRUN d");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = body.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.StartsWith("Invalid input 'RETRUN': expected ", message);
        Assert.Contains("'RETURN'", message);
        Assert.EndsWith("(line 1, column 20 (offset: 19))", message);
    }
}

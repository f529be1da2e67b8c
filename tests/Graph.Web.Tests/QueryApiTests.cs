using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>POST /db/neo4j/query/v2: Neo4j's Query API shapes over the embedded Cypher engine and the bundled corpus.</summary>
public sealed class QueryApiTests(ExplorerFactory factory)
{
    private const string Typed = "application/vnd.neo4j.query";
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> PostAsync(
        string body, string contentType = "application/json", string? accept = null, string db = "neo4j")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/db/{db}/query/v2") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await _client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    private static string Request(string statement, object? parameters = null, bool counters = false) =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["statement"] = statement, ["parameters"] = parameters ?? new { }, ["includeCounters"] = counters });

    [Fact]
    public async Task PlainJsonReturnsFieldsRowsAndNodes()
    {
        var (status, body, media) = await PostAsync(Request("MATCH (d:Document {id: $id}) RETURN d.id AS id, d", new { id = "A/RES/77/13" }));
        Assert.True(status == HttpStatusCode.Accepted, body.ToString());
        Assert.Equal("application/json", media);
        Assert.Equal(["id", "d"], body.GetProperty("data").GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        var row = body.GetProperty("data").GetProperty("values")[0];
        Assert.Equal("A/RES/77/13", row[0].GetString());
        Assert.Contains("Resolution", row[1].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("General Assembly", row[1].GetProperty("properties").GetProperty("body").GetString());
        Assert.False(string.IsNullOrEmpty(row[1].GetProperty("elementId").GetString()));
    }

    [Fact]
    public async Task TypedJsonKeepsIntegersExactAndTypesEveryValue()
    {
        var (status, body, media) = await PostAsync(
            """{"statement": "MATCH (d:Document {id: $id})-[c:CITES]->(x:Document) RETURN count(x) AS cited, d LIMIT 1", "parameters": {"id": {"$type": "String", "_value": "A/RES/77/13"}}}""",
            Typed, Typed);
        Assert.True(status == HttpStatusCode.Accepted, body.ToString());
        Assert.Equal(Typed, media);
        var row = body.GetProperty("data").GetProperty("values")[0];
        Assert.Equal("Integer", row[0].GetProperty("$type").GetString());
        Assert.True(long.Parse(row[0].GetProperty("_value").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= 5);
        Assert.Equal("Node", row[1].GetProperty("$type").GetString());
        Assert.Equal("String", row[1].GetProperty("_value").GetProperty("_properties").GetProperty("id").GetProperty("$type").GetString());
    }

    /// <summary>
    /// An object that names a <c>$type</c> but is not a typed value (no <c>_value</c>, a <c>_value</c> of the wrong JSON
    /// kind, a field besides the two) is a 400 that says what is wrong, not a map handed to the query as <c>{`$type`: 'Date'}</c>
    /// nor .NET's "The requested operation requires an element of type 'String'".
    /// </summary>
    [Theory]
    [InlineData("""{"$type": "Date"}""", "no '_value'")]
    [InlineData("""{"$type": "Integer"}""", "no '_value'")]
    [InlineData("""{"$type": "Date", "_value": 20240229}""", "must be a string")]
    [InlineData("""{"$type": "String", "_value": 5}""", "must be a string")]
    [InlineData("""{"$type": "Boolean", "_value": "true"}""", "must be true or false")]
    [InlineData("""{"$type": "List", "_value": {"a": 1}}""", "must be an array")]
    [InlineData("""{"$type": "Map", "_value": [1]}""", "must be an object")]
    [InlineData("""{"$type": "Null", "_value": 0}""", "must be null")]
    [InlineData("""{"$type": "Integer", "_value": true}""", "must be a whole number")]
    [InlineData("""{"$type": "Date", "_value": "2024-02-29", "zone": "UTC"}""", "a field 'zone'")]
    [InlineData("""{"$type": 7, "_value": "x"}""", "'$type' must be the name of a type")]
    [InlineData("""{"$type": "List", "_value": [{"$type": "Date"}]}""", "no '_value'")]
    [InlineData("""{"$type": "Base64", "_value": "not base64!"}""", "is not Base64")]
    [InlineData("""{"$type": "Duration", "_value": "P9223372036854775807Y"}""", "out of range")]
    public async Task ATypedParameterThatIsNotATypedValueIsAnInvalidRequest(string parameter, string says)
    {
        var (status, body, _) = await PostAsync("""{"statement": "RETURN $p AS p", "parameters": {"p": """ + parameter + "}}", Typed, Typed);
        Assert.True(status == HttpStatusCode.BadRequest, $"{parameter}: {(int)status} {body}");
        var error = body.GetProperty("errors")[0];
        Assert.Equal("Neo.ClientError.Request.Invalid", error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.True(message.Contains("'p'", StringComparison.Ordinal) && message.Contains(says, StringComparison.Ordinal), $"{parameter}: {message}");
        Assert.DoesNotContain("requires an element of type", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedParametersOfEveryShapeStillArrive()
    {
        var (status, body, _) = await PostAsync(
            """{"statement": "RETURN $d AS d, $l AS l, $m.k AS k, $n IS NULL AS n, $i AS i, $plain.a AS a", "parameters": {"d": {"$type": "Date", "_value": "2024-02-29"}, "l": {"$type": "List", "_value": [{"$type": "Integer", "_value": "1"}]}, "m": {"$type": "Map", "_value": {"k": {"$type": "Boolean", "_value": true}}}, "n": {"$type": "Null", "_value": null}, "i": {"$type": "Integer", "_value": 9007199254740993}, "plain": {"a": 1}}}""",
            Typed, Typed);
        Assert.True(status == HttpStatusCode.Accepted, body.ToString());
        var row = body.GetProperty("data").GetProperty("values")[0];
        Assert.Equal(("Date", "2024-02-29"), (row[0].GetProperty("$type").GetString(), row[0].GetProperty("_value").GetString()));
        Assert.Equal("1", row[1].GetProperty("_value")[0].GetProperty("_value").GetString());
        Assert.True(row[2].GetProperty("_value").GetBoolean());
        Assert.True(row[3].GetProperty("_value").GetBoolean());
        Assert.Equal("9007199254740993", row[4].GetProperty("_value").GetString());
        Assert.Equal("1", row[5].GetProperty("_value").GetString());
    }

    /// <summary>A duration past a long's range answers Neo4j's argument error with a message in Cypher's terms, not .NET's overflow text.</summary>
    [Theory]
    [InlineData("RETURN duration({days: 9223372036854775807}) + duration({days: 1}) AS d")]
    [InlineData("RETURN duration({years: 9223372036854775807}) AS d")]
    [InlineData("RETURN duration({seconds: 1e300}) AS d")]
    public async Task ADurationThatOverflowsIsANeo4jArgumentError(string statement)
    {
        var (status, body, _) = await PostAsync(Request(statement));
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {body}");
        var error = body.GetProperty("errors")[0];
        Assert.Equal("Neo.ClientError.Statement.ArgumentError", error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.True(message.Contains("out of range", StringComparison.Ordinal) && !message.Contains("Int64", StringComparison.Ordinal)
            && !message.Contains("Decimal", StringComparison.Ordinal), message);
    }

    [Fact]
    public async Task ADurationDividedByZeroIsAClientErrorNotA500()
    {
        var (status, body, _) = await PostAsync(Request("RETURN duration({days: 5}) / 0 AS d"));
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {body}");
        var error = body.GetProperty("errors")[0];
        Assert.Equal("/ by zero", error.GetProperty("message").GetString());
        Assert.StartsWith("Neo.ClientError.Statement.", error.GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BriefNodesLeaveOutTheirLongTextsAndNameThem()
    {
        const string Statement = """{"statement": "MATCH (p:Paragraph {id: 'A/RES/77/13#op1'}) RETURN p, p.text AS text"}""";
        async Task<JsonElement> RowAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(Statement, Encoding.UTF8, "application/json") };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Typed));
            using var response = await _client.SendAsync(request, Cancel);
            var text = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
            return JsonDocument.Parse(text).RootElement.GetProperty("data").GetProperty("values")[0].Clone();
        }

        var full = await RowAsync("/db/neo4j/query/v2");
        var brief = await RowAsync("/db/neo4j/query/v2?nodes=brief");
        var text = full[1].GetProperty("_value").GetString()!;
        Assert.True(text.Length > 160, text);
        Assert.Equal(text, full[0].GetProperty("_value").GetProperty("_properties").GetProperty("text").GetProperty("_value").GetString());
        Assert.False(full[0].GetProperty("_value").TryGetProperty("_omitted", out _));

        // Brief: the node keeps its short properties, names the text it left out; a text asked for as a column stays whole.
        var node = brief[0].GetProperty("_value");
        Assert.False(node.GetProperty("_properties").TryGetProperty("text", out _), node.ToString());
        Assert.Equal(["text"], node.GetProperty("_omitted").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("A/RES/77/13#op1", node.GetProperty("_properties").GetProperty("id").GetProperty("_value").GetString());
        Assert.Equal("1", node.GetProperty("_properties").GetProperty("number").GetProperty("_value").GetString());
        Assert.Equal(text, brief[1].GetProperty("_value").GetString());
    }

    [Fact]
    public async Task PathsAreFlatListsOfNodesAndRelationships()
    {
        var (status, body, _) = await PostAsync(Request(
            "MATCH p = (d:Document {id: 'A/RES/77/13'})-[:CITES]->(x:Document {id: 'A/RES/64/256'}) RETURN p"));
        Assert.True(status == HttpStatusCode.Accepted, body.ToString());
        var path = body.GetProperty("data").GetProperty("values")[0][0];
        Assert.Equal(3, path.GetArrayLength());
        Assert.Equal("CITES", path[1].GetProperty("type").GetString());
        Assert.Equal(path[0].GetProperty("elementId").GetString(), path[1].GetProperty("startNodeElementId").GetString());
    }

    [Fact]
    public async Task CountersAreIncludedWhenAsked()
    {
        var (_, body, _) = await PostAsync(Request("MATCH (d:Document) RETURN count(d) AS n", counters: true));
        Assert.False(body.GetProperty("counters").GetProperty("containsUpdates").GetBoolean());
        Assert.Equal(0, body.GetProperty("counters").GetProperty("nodesCreated").GetInt64());
    }

    [Fact]
    public async Task SyntaxErrorsSayWhereTheyAre()
    {
        var (status, body, media) = await PostAsync(Request("MATCH (d:Document) RETRUN d"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", media);
        var error = body.GetProperty("errors")[0];
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.GetProperty("code").GetString());
        Assert.Equal(1, error.GetProperty("position").GetProperty("line").GetInt32());
        var column = error.GetProperty("position").GetProperty("column").GetInt32();
        Assert.True(column >= 20, $"column {column}");
        Assert.Contains($"line 1, column {column}", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGraphIsReadOnlyByDefault()
    {
        // No access mode means WRITE, as in Neo4j: refused on a read-only server like an explicit one.
        var (status, body, _) = await PostAsync(Request("CREATE (n:Note {text: 'x'}) RETURN n"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Neo.ClientError.Security.Forbidden", body.GetProperty("errors")[0].GetProperty("code").GetString());
        var (writeStatus, writeBody, _) = await PostAsync("""{"statement": "CREATE (n) RETURN n", "accessMode": "Write"}""");
        Assert.Equal(HttpStatusCode.Forbidden, writeStatus);
        Assert.Contains("read-only", writeBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{}", "'statement' is required")]
    [InlineData("""{"statement": "RETURN 1", "parameters": [1]}""", "'parameters' must be a JSON object")]
    [InlineData("""{"statement": "RETURN 1", "acessMode": "Read"}""", "Unknown field 'acessMode'")]
    [InlineData("""{"statement": "RETURN 1", "accessMode": "Sometimes"}""", "'accessMode' must be")]
    [InlineData("""{"statement": "RETURN 1", "maxExecutionTime": -3}""", "'maxExecutionTime' must be")]
    [InlineData("""{"statement": "RETURN $missing"}""", "missing")]
    public async Task BadRequestsAreExplained(string body, string mentions)
    {
        var (status, problem, media) = await PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", media);
        var detail = problem.GetProperty("detail").GetString() ?? "";
        Assert.True(detail.Contains(mentions, StringComparison.OrdinalIgnoreCase), $"{body}\n→ {detail}");
        Assert.True(problem.GetProperty("errors")[0].TryGetProperty("code", out _));
    }

    [Fact]
    public async Task AnUnknownDatabaseIs404()
    {
        var (status, body, _) = await PostAsync(Request("RETURN 1"), db: "films");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Neo.ClientError.Database.DatabaseNotFound", body.GetProperty("errors")[0].GetProperty("code").GetString());
    }
}

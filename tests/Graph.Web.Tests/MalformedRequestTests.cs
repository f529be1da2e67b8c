using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>
/// Requests a careless or hostile client sends that the parsers let by but the server once answered with a 500 (or a
/// misleading 413): bytes that are not UTF-8 and escaped halves of surrogate pairs in the Query API's fields, fields of
/// the wrong JSON kind, a deadline past what a timer holds, malformed upload forms, and what routing and binding answer
/// on their own. Each gets a client error that says what is wrong, in Neo4j's shape under /db.
/// </summary>
public sealed class MalformedRequestTests(ExplorerFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, byte[]> BadTextInTheBody => new()
    {
        { "statement with a byte that is not UTF-8", [.. "{\"statement\": \"RETURN '"u8, 0xFF, .. "' AS x\"}"u8] },
        { "statement with an unpaired surrogate escape", "{\"statement\": \"RETURN '\\ud800' AS x\"}"u8.ToArray() },
        { "field name that is not UTF-8", [.. "{\"statement\": \"RETURN 1\", \""u8, 0xFF, .. "\": 1}"u8] },
        { "bookmark that is not UTF-8", [.. "{\"statement\": \"RETURN 1\", \"bookmarks\": [\""u8, 0xFF, .. "\"]}"u8] },
        { "access mode that is not UTF-8", [.. "{\"statement\": \"RETURN 1\", \"accessMode\": \""u8, 0xC3, .. "\"}"u8] },
    };

    [Theory]
    [MemberData(nameof(BadTextInTheBody))]
    public async Task TextThatIsNotUtf8IsAClientErrorOnEveryQueryRoute(string what, byte[] body)
    {
        var client = factory.CreateClient();
        foreach (var path in new[] { "/db/neo4j/query/v2", "/db/neo4j/query/v2/tx" })
        {
            var (status, json) = await PostAsync(client, path, body);
            Assert.True(status == HttpStatusCode.BadRequest, $"{what} to {path}: {(int)status} {json}");
            var error = json.GetProperty("errors")[0];
            Assert.Equal("Neo.ClientError.Request.InvalidFormat", error.GetProperty("code").GetString());
            Assert.Contains("UTF-8", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\"5\"")]
    [InlineData("{}")]
    [InlineData("[30]")]
    public async Task AMaxExecutionTimeThatIsNotANumberIsExplained(string value)
    {
        var (status, json) = await PostAsync(factory.CreateClient(), "/db/neo4j/query/v2",
            Encoding.UTF8.GetBytes("{\"statement\": \"RETURN 1\", \"maxExecutionTime\": " + value + "}"));
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {json}");
        Assert.Contains("'maxExecutionTime' must be a positive whole number", json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLargestMaxExecutionTimeIsTakenAsTheEnginesOwnLimit()
    {
        // int.MaxValue seconds is past the ~49 days a timer can wait: the deadline is capped, and the query runs.
        var (status, json) = await PostAsync(factory.CreateClient(), "/db/neo4j/query/v2",
            Encoding.UTF8.GetBytes("{\"statement\": \"RETURN 1 AS one\", \"maxExecutionTime\": 2147483647}"));
        Assert.True(status == HttpStatusCode.Accepted, $"{(int)status} {json}");
        Assert.Equal(1, json.GetProperty("data").GetProperty("values")[0][0].GetInt32());
    }

    [Fact]
    public async Task WhatRoutingAndBindingAnswerOnTheirOwnSaysWhatIsWrong()
    {
        var client = factory.CreateClient();
        using var notJson = await client.PostAsync("/api/subgraph", new StringContent("{\"ids\": [", Encoding.UTF8, "application/json"), Cancel);
        await AssertProblemWithDetail(notJson, HttpStatusCode.BadRequest, "JSON body");
        using var wrongKind = await client.PostAsync("/api/subgraph", new StringContent("{\"ids\": \"A/RES/77/13\"}", Encoding.UTF8, "application/json"), Cancel);
        await AssertProblemWithDetail(wrongKind, HttpStatusCode.BadRequest, "JSON body");
        using var method = await client.PatchAsync("/api/node?id=A%2FRES%2F77%2F13", new StringContent("{}", Encoding.UTF8, "application/json"), Cancel);
        await AssertProblemWithDetail(method, HttpStatusCode.MethodNotAllowed, "PATCH is not allowed on /api/node");
        using var queryMethod = await client.GetAsync("/db/neo4j/query/v2", Cancel);
        await AssertProblemWithDetail(queryMethod, HttpStatusCode.MethodNotAllowed, "GET is not allowed here");
    }

    [Fact]
    public async Task AMalformedUploadFormIsABadRequestThatSaysSo()
    {
        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token });
        var owner = server.Client(SecuredServer.Token);
        var part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nA/RES/77/13 text\r\n";
        var cases = new (string What, string ContentType, string Body, string Mentions)[]
        {
            ("no boundary", "multipart/form-data", part, "boundary"),
            ("no closing boundary", "multipart/form-data; boundary=b", part, "closing boundary"),
            ("more fields than a form may have", "multipart/form-data; boundary=b",
                string.Concat(Enumerable.Range(0, 2000).Select(i => $"--b\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nx\r\n")) + "--b--\r\n", "limit"),
        };
        foreach (var (what, contentType, body, mentions) in cases)
        {
            var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            using var response = await owner.PostAsync("/api/documents", content, Cancel);
            var text = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
            Assert.Contains(mentions, JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    private static async Task AssertProblemWithDetail(HttpResponseMessage response, HttpStatusCode status, string mentions)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        Assert.True(detail.Contains(mentions, StringComparison.Ordinal), $"detail '{detail}' should mention '{mentions}'");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(path, content, Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }
}

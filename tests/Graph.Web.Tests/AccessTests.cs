using System.Net;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>
/// Who may change the graph: without a configured token, upload and Cypher writes are off (403 that says
/// how to turn them on); with one, only its bearer may upload and write (401 otherwise); everyone else's
/// Cypher is read-only. Uploaded names never reach the disk, and document text comes back as data.
/// </summary>
public sealed class AccessTests(ExplorerFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();

    [Fact]
    public async Task WithoutATokenUploadAndWritesAreDisabledWithAnExplanation()
    {
        var client = factory.CreateClient();
        using var upload = await client.PostAsync("/api/documents", SecuredServer.Upload("a.txt", "A/RES/77/13"u8.ToArray()), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Graph:ApiToken", (await Json(upload)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var write = await client.PostAsync("/db/neo4j/query/v2", SecuredServer.Query("CREATE (n:X) RETURN n", accessMode: "Write"), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        // Neo4j's default access mode is WRITE: a write without one is refused the same way, a read without one runs.
        using var unmoded = await client.PostAsync("/db/neo4j/query/v2", SecuredServer.Query("CREATE (n:X) RETURN n"), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, unmoded.StatusCode);
        Assert.Equal("Neo.ClientError.Security.Forbidden", (await Json(unmoded)).GetProperty("errors")[0].GetProperty("code").GetString());
        using var reading = await client.PostAsync("/db/neo4j/query/v2", SecuredServer.Query("MATCH (d:Document) RETURN count(d)", accessMode: "WRITE"), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, reading.StatusCode);
    }

    [Fact]
    public async Task OnlyTheTokensBearerMayUploadAndWrite()
    {
        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token });
        var anonymous = server.Client();
        var wrong = server.Client("not-the-token");
        var owner = server.Client(SecuredServer.Token);
        var document = await File.ReadAllBytesAsync(Path.Combine(TestData.Corpus, "railcar", "A_RES_80_27.md"), Cancel);

        foreach (var client in new[] { anonymous, wrong })
        {
            using var refused = await client.PostAsync("/api/documents", SecuredServer.Upload("A_RES_80_27.md", document), Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
            using var write = await client.PostAsync("/db/neo4j/query/v2", SecuredServer.Query("CREATE (n:X {v: 1}) RETURN n", accessMode: "Write"), Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
            using var unmoded = await client.PostAsync("/db/neo4j/query/v2", SecuredServer.Query("CREATE (n:X {v: 1}) RETURN n"), Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, unmoded.StatusCode);
        }

        using var uploaded = await owner.PostAsync("/api/documents", SecuredServer.Upload("A_RES_80_27.md", document), Cancel);
        var body = await Json(uploaded);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("A/RES/80/27", body.GetProperty("documentId").GetString());
        using var node = await anonymous.GetAsync("/api/node?id=" + Uri.EscapeDataString("A/RES/80/27"), Cancel);
        Assert.Equal(HttpStatusCode.OK, node.StatusCode);
        using var found = await anonymous.PostAsync("/db/neo4j/query/v2", SecuredServer.Query("MATCH (d:Document {id: 'A/RES/80/27'}) RETURN d.id"), Cancel);
        Assert.Contains("A/RES/80/27", await found.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        // Asking for read access refuses a write even from the token's bearer, as Neo4j does.
        using var readMode = await owner.PostAsync("/db/neo4j/query/v2", SecuredServer.Query("CREATE (n:Note {v: 1}) RETURN n.v", accessMode: "READ"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, readMode.StatusCode);
        Assert.Equal("Neo.ClientError.Statement.AccessMode", (await Json(readMode)).GetProperty("errors")[0].GetProperty("code").GetString());
        using var written = await owner.PostAsync("/db/neo4j/query/v2", SecuredServer.Query("CREATE (n:Note {v: 1}) RETURN n.v", accessMode: "Write"), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, written.StatusCode);
        using var read = await anonymous.PostAsync("/db/neo4j/query/v2", SecuredServer.Query("MATCH (n:Note) RETURN n.v"), Cancel);
        Assert.Equal(1, (await Json(read)).GetProperty("data").GetProperty("values")[0][0].GetInt32());
    }

    [Fact]
    public async Task WhatTheTokensBearerWritesOutlivesARestartAndWritesByInternalIdAreRefused()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "graph-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            string writtenAt;
            await using (var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token }, dataDir))
            {
                var owner = server.Client(SecuredServer.Token);
                using var created = await owner.PostAsync("/db/neo4j/query/v2", SecuredServer.Query(
                    "CREATE (n:Organization {id: 'org:restart-league', name: $name, at: toString(datetime())}) RETURN n.at",
                    new { name = "Restart League" }, accessMode: "Write"), Cancel);
                Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
                writtenAt = (await Json(created)).GetProperty("data").GetProperty("values")[0][0].GetString()!;
                using var linked = await owner.PostAsync("/db/neo4j/query/v2", SecuredServer.Query(
                    "MATCH (n {id: 'org:restart-league'}), (d {id: 'A/RES/77/13'}) CREATE (d)-[:MENTIONS]->(n)", accessMode: "Write"), Cancel);
                Assert.Equal(HttpStatusCode.Accepted, linked.StatusCode);

                using var byInternalId = await owner.PostAsync("/db/neo4j/query/v2", SecuredServer.Query(
                    "MATCH (d {id: 'A/RES/77/13'}) WHERE id(d) >= 0 SET d.flag = true", accessMode: "Write"), Cancel);
                Assert.Equal(HttpStatusCode.BadRequest, byInternalId.StatusCode);
                Assert.Contains("Internal ids are not kept", (await Json(byInternalId)).GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

            // A second server on the same data folder, this time without a token: it reads what the first one wrote.
            await using (var restarted = new SecuredServer(dataDir: dataDir))
            {
                var anonymous = restarted.Client();
                using var read = await anonymous.PostAsync("/db/neo4j/query/v2", SecuredServer.Query(
                    "MATCH (d)-[:MENTIONS]->(n {id: 'org:restart-league'}) RETURN n.name, n.at, d.id, d.flag"), Cancel);
                var row = (await Json(read)).GetProperty("data").GetProperty("values")[0];
                Assert.Equal("Restart League", row[0].GetString());
                Assert.Equal(writtenAt, row[1].GetString());
                Assert.Equal("A/RES/77/13", row[2].GetString());
                Assert.Equal(JsonValueKind.Null, row[3].ValueKind);
                using var found = await anonymous.GetAsync("/api/search?q=" + Uri.EscapeDataString("restart league"), Cancel);
                Assert.Contains("org:restart-league", await found.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task SearchFindsWhatTheTokensBearerWroteThroughCypher()
    {
        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token });
        var owner = server.Client(SecuredServer.Token);
        using var before = await owner.GetAsync("/api/search?q=zebrafish", Cancel);
        Assert.Empty((await Json(before)).GetProperty("hits").EnumerateArray());

        using var written = await owner.PostAsync("/db/neo4j/query/v2",
            SecuredServer.Query("CREATE (o:Organization {id: 'org:zebrafish-league', name: 'Zebrafish League'}) RETURN o.id", accessMode: "Write"), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, written.StatusCode);

        using var after = await owner.GetAsync("/api/search?q=zebrafish", Cancel);
        var hits = (await Json(after)).GetProperty("hits").EnumerateArray().ToList();
        Assert.True(hits.Count == 1 && hits[0].GetProperty("id").GetString() == "org:zebrafish-league", (await Json(after)).ToString());
    }

    [Fact]
    public async Task UploadNamesWithTraversalNeverReachTheDiskAndTooLargeIsRefused()
    {
        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token, ["Graph:MaxUploadBytes"] = "200000" });
        var owner = server.Client(SecuredServer.Token);
        var marker = "escape-" + Guid.NewGuid().ToString("N");
        var seed = await File.ReadAllBytesAsync(Path.Combine(SecuredServer.Seeds, "000_b23059e2a2272110.txt"), Cancel);
        foreach (var name in new[] { $"../../../../tmp/{marker}.txt", $"..\\..\\{marker}.txt", $"/tmp/{marker}.txt", $"%2e%2e/{marker}.txt" })
        {
            using var response = await owner.PostAsync("/api/documents", SecuredServer.Upload(name, seed), Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        }
        Assert.False(File.Exists(Path.Combine("/tmp", marker + ".txt")));
        Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), marker + "*", SearchOption.TopDirectoryOnly));
        Assert.Empty(Directory.EnumerateFiles(server.DataDir, "*" + marker + "*", SearchOption.AllDirectories));

        using var tooLarge = await owner.PostAsync("/api/documents", SecuredServer.Upload("big.txt", new byte[300_000]), Cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        using var unsupported = await owner.PostAsync("/api/documents", SecuredServer.Upload("tool.exe", seed), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);
        using var junk = await owner.PostAsync("/api/documents", SecuredServer.Upload("junk.txt", [.. Enumerable.Range(0, 5000).Select(i => (byte)(i % 7))]), Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, junk.StatusCode);
        Assert.Contains("binary", await junk.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/../../../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/..%2f..%2f..%2fetc%2fpasswd")]
    [InlineData("/api/node?id=../../../../etc/passwd")]
    [InlineData("/api/source?id=..%2f..%2f..%2fetc%2fpasswd")]
    [InlineData("/api/export?format=../../../../etc/passwd")]
    [InlineData("/js/../../../../etc/passwd")]
    public async Task TraversalAttemptsNeverReadOutsideTheServedFolders(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("root:", text, StringComparison.Ordinal);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest || !text.Contains("/bin/", StringComparison.Ordinal), $"{response.StatusCode}: {text}");
    }

    [Fact]
    public async Task EveryResponseCarriesAContentSecurityPolicyWithoutInlineScripts()
    {
        foreach (var path in new[] { "/", "/api/overview", "/api/node?id=nothing" })
        {
            using var response = await factory.CreateClient().GetAsync(path, Cancel);
            var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline' 'self'", policy.Split(';').Single(p => p.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }
}

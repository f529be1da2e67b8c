using System.Net;

namespace Graph.Web.Tests;

/// <summary>
/// HEAD through the built server on 127.0.0.1, as monitors and <c>wget --spider</c> send it: every route that answers
/// GET answers HEAD with the same status and content type and no body, where the API's routes, <c>/health</c> among them,
/// once answered 405. A route with no GET keeps its 405, and a POST is still a POST.
/// </summary>
public sealed class HeadRequestTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HeadAnswersAsGetDoesWithoutTheBody()
    {
        var dataDir = Directory.CreateTempSubdirectory("graph-head-").FullName;
        try
        {
            await using var server = await ServerChildProcess.StartAsync(dataDir, ["--Graph:DataDir", dataDir, "--Graph:CorpusDir", TestData.Seeds], Cancel);
            using var client = new HttpClient { BaseAddress = server.Address };
            string[] paths = ["/health", "/api/search?q=CSTO", "/api/node?id=no-such-node", "/api/nothing", "/", "/db/neo4j/query/v2", "/api/export?format=graphml"];
            foreach (var path in paths)
            {
                using var get = await client.GetAsync(path, Cancel);
                var getBody = await get.Content.ReadAsByteArrayAsync(Cancel);
                using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), Cancel);
                var headBody = await head.Content.ReadAsByteArrayAsync(Cancel);

                Assert.True(get.StatusCode == head.StatusCode, $"{path}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
                Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
                Assert.NotEmpty(getBody);
                Assert.Empty(headBody);
            }
            using var health = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health"), Cancel);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

            using var post = await client.PostAsync("/db/neo4j/query/v2", new StringContent("""{"statement": "RETURN 1 AS one"}""", System.Text.Encoding.UTF8, "application/json"), Cancel);
            Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
            Assert.Contains("\"one\"", await post.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
            Assert.False(server.HasExited, server.Output);
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

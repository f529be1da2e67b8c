using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>
/// Points as property values on the embedded store, through the Query API of the built server on 127.0.0.1: stored from
/// <c>point()</c> and from a typed Point parameter, in an auto-commit statement and in an explicit transaction, read back
/// as Neo4j's typed JSON Point, and still there, typed and comparable, after the server is killed and started again.
/// </summary>
public sealed class PointPropertyTests
{
    private const string Token = "point-token-5d2a";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PointPropertiesAreStoredTypedAndKeptAcrossARestart()
    {
        var dataDir = Directory.CreateTempSubdirectory("graph-points-").FullName;
        try
        {
            string[] settings = ["--Graph:DataDir", dataDir, "--Graph:CorpusDir", TestData.Seeds, "--Graph:ApiToken", Token, "--Graph:RateLimitPermits", "0"];
            await using (var server = await ServerChildProcess.StartAsync(dataDir, settings, Cancel))
            {
                using var client = Client(server);
                await RunAsync(client, "/db/neo4j/query/v2",
                    "CREATE (:Place {name: 'Geneva', at: point({longitude: 6.1432, latitude: 46.2044}), corners: [point({x: 0, y: 0}), point({x: 1.5, y: 2, z: -3})]})");
                await RunAsync(client, "/db/neo4j/query/v2", "CREATE (:Place {name: 'New York', at: $at})",
                    new { at = new Dictionary<string, string> { ["$type"] = "Point", ["_value"] = "SRID=4326;POINT (-73.968 40.749)" } });
                var tx = await BeginAsync(client);
                await RunAsync(client, $"/db/neo4j/query/v2/tx/{tx}", "MATCH (p:Place {name: 'Geneva'}) SET p.office = point({x: 10, y: 20})");
                await RunAsync(client, $"/db/neo4j/query/v2/tx/{tx}/commit", "RETURN 1");

                await AssertPointsAsync(client);
                await server.KillAsync();
            }

            await using var reopened = await ServerChildProcess.StartAsync(dataDir, settings, Cancel);
            using var again = Client(reopened);
            await AssertPointsAsync(again);
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task APointPropertyComesBackTypedInsideANode()
    {
        var dataDir = Directory.CreateTempSubdirectory("graph-points-").FullName;
        try
        {
            await using var server = await ServerChildProcess.StartAsync(dataDir,
                ["--Graph:DataDir", dataDir, "--Graph:CorpusDir", TestData.Seeds, "--Graph:ApiToken", Token], Cancel);
            using var client = Client(server);
            var body = await RunAsync(client, "/db/neo4j/query/v2", "CREATE (p:Place {at: point({x: 1, y: 2})}) RETURN p");

            var node = body.GetProperty("data").GetProperty("values")[0][0];
            Assert.Equal("Node", node.GetProperty("$type").GetString());
            Assert.Equal("""{"at":{"$type":"Point","_value":"SRID=7203;POINT (1 2)"}}""", node.GetProperty("_value").GetProperty("_properties").GetRawText());
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task AssertPointsAsync(HttpClient client)
    {
        var typed = await RunAsync(client, "/db/neo4j/query/v2",
            "MATCH (p:Place) RETURN p.name AS name, p.at AS at, p.corners AS corners, p.office AS office ORDER BY name");
        var rows = typed.GetProperty("data").GetProperty("values");
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal("""[{"$type":"String","_value":"Geneva"},{"$type":"Point","_value":"SRID=4326;POINT (6.1432 46.2044)"},""" +
            """{"$type":"List","_value":[{"$type":"Point","_value":"SRID=7203;POINT (0 0)"},{"$type":"Point","_value":"SRID=9157;POINT Z (1.5 2 -3)"}]},""" +
            """{"$type":"Point","_value":"SRID=7203;POINT (10 20)"}]""", rows[0].GetRawText());
        Assert.Equal("""[{"$type":"String","_value":"New York"},{"$type":"Point","_value":"SRID=4326;POINT (-73.968 40.749)"},{"$type":"Null","_value":null},{"$type":"Null","_value":null}]""",
            rows[1].GetRawText());

        // Stored points are points to queries: their fields, their type, distances, and equality with a parameter.
        var used = await RunAsync(client, "/db/neo4j/query/v2",
            "MATCH (g:Place {name: 'Geneva'}), (n:Place {name: 'New York'}) " +
            "RETURN g.at.latitude, g.at.crs, valueType(g.at), round(point.distance(g.at, n.at) / 1000), g.corners[1].z, " +
            "[(p:Place) WHERE p.at = $at | p.name]",
            new { at = new Dictionary<string, string> { ["$type"] = "Point", ["_value"] = "SRID=4326;POINT (-73.968 40.749)" } });
        Assert.Equal("""[{"$type":"Float","_value":"46.2044"},{"$type":"String","_value":"wgs-84"},{"$type":"String","_value":"POINT NOT NULL"},""" +
            """{"$type":"Float","_value":"6218"},{"$type":"Float","_value":"-3"},{"$type":"List","_value":[{"$type":"String","_value":"New York"}]}]""",
            used.GetProperty("data").GetProperty("values")[0].GetRawText());
    }

    private static HttpClient Client(ServerChildProcess server)
    {
        var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.neo4j.query"));
        return client;
    }

    private static async Task<string> BeginAsync(HttpClient client)
    {
        var body = await RunAsync(client, "/db/neo4j/query/v2/tx", null);
        return body.GetProperty("transaction").GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> RunAsync(HttpClient client, string path, string? statement, object? parameters = null)
    {
        var request = statement is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["statement"] = statement, ["parameters"] = parameters ?? new { } };
        using var content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.neo4j.query");
        using var response = await client.PostAsync(path, content, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{statement}\n{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

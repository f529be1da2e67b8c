using System.Net;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>
/// Whatever value the token's bearer writes through Cypher (NaN and infinities, temporal values, points, durations,
/// lists, the largest integer, control characters), every explorer view of the node, and of the document it is linked
/// to, still answers. A NaN made every one of them answer 500, A/RES/77/13's neighbours and citations among them.
/// </summary>
public sealed class WrittenValuesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANodeWithValuesJsonHasNoNumberForBreaksNoViewOfItOrItsNeighbours()
    {
        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token });
        var owner = server.Client(SecuredServer.Token);
        using var written = await owner.PostAsync("/db/neo4j/query/v2", SecuredServer.Query(
            "MATCH (d:Document {id: 'A/RES/77/13'}) " +
            "CREATE (n:Organization {id: 'org:odd-values', name: 'Odd Values', nan: 0.0 / 0.0, infinite: 1.0 / 0.0, below: -1.0 / 0.0, " +
            "at: datetime('2024-01-02T03:04:05Z'), place: point({x: 1, y: 2}), lasting: duration('P1D'), big: 9223372036854775807, " +
            "list: [1.0 / 0.0, 2.5], control: '\\u0000\\u0001<&>'})-[:MENTIONS {weight: 0.0 / 0.0}]->(d) RETURN n.id"), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, written.StatusCode);

        var anonymous = server.Client();
        foreach (var path in new[]
        {
            "/api/node?id=org%3Aodd-values", "/api/neighbours?id=org%3Aodd-values", "/api/neighbours?id=A%2FRES%2F77%2F13&limit=500",
            "/api/citations?id=A%2FRES%2F77%2F13&direction=both&depth=2", "/api/path?from=org%3Aodd-values&to=A%2FRES%2F71%2F12",
            "/api/search?q=odd%20values",
        })
        {
            using var response = await anonymous.GetAsync(path, Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            using var _ = JsonDocument.Parse(body);
        }
        using var subgraph = await anonymous.PostAsync("/api/subgraph", new StringContent("{\"ids\": [\"org:odd-values\", \"A/RES/77/13\"]}", Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.OK, subgraph.StatusCode);

        using var node = await anonymous.GetAsync("/api/node?id=org%3Aodd-values", Cancel);
        var properties = JsonDocument.Parse(await node.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("node").GetProperty("properties");
        Assert.Equal("NaN", properties.GetProperty("nan").GetString());
        Assert.Equal("Infinity", properties.GetProperty("infinite").GetString());
        Assert.Equal("-Infinity", properties.GetProperty("below").GetString());
        Assert.Equal(9223372036854775807, properties.GetProperty("big").GetInt64());
    }
}

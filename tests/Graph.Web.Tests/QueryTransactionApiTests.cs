using System.Net;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>
/// The Query API's explicit transactions over the embedded engine, over real HTTP: begin, run, commit and roll
/// back as Neo4j's manual describes them; nobody sees a transaction's writes before it commits; a failed statement,
/// a rollback or an idle timeout ends it; without the token a transaction can only read.
/// </summary>
public sealed class QueryTransactionApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();

    private static async Task<long> CountNotes(HttpClient client)
    {
        using var read = await client.PostAsync("/db/neo4j/query/v2", SecuredServer.Query("MATCH (n:Note) RETURN count(n)"), Cancel);
        return (await Json(read)).GetProperty("data").GetProperty("values")[0][0].GetInt64();
    }

    [Fact]
    public async Task BeginRunAndCommitShowTheWritesToOthersOnlyAtCommit()
    {
        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token });
        var owner = server.Client(SecuredServer.Token);
        var anonymous = server.Client();

        using var begun = await owner.PostAsync("/db/neo4j/query/v2/tx",
            SecuredServer.Query("CREATE (n:Note {id: 'note:tx', text: $text}) RETURN n.text", new { text = "drafted" }, accessMode: "Write"), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, begun.StatusCode);
        var body = await Json(begun);
        Assert.Equal("drafted", body.GetProperty("data").GetProperty("values")[0][0].GetString());
        var id = body.GetProperty("transaction").GetProperty("id").GetString()!;
        Assert.True(DateTimeOffset.Parse(body.GetProperty("transaction").GetProperty("expires").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);

        using var linked = await owner.PostAsync($"/db/neo4j/query/v2/tx/{id}",
            SecuredServer.Query("MATCH (n {id: 'note:tx'}), (d {id: 'A/RES/77/13'}) CREATE (n)-[:ABOUT]->(d) RETURN n.text"), Cancel);
        Assert.Equal("drafted", (await Json(linked)).GetProperty("data").GetProperty("values")[0][0].GetString());
        Assert.Equal(0, await CountNotes(anonymous));

        using var committed = await owner.PostAsync($"/db/neo4j/query/v2/tx/{id}/commit", SecuredServer.Query("MATCH (n:Note)-[:ABOUT]->(d) RETURN d.id"), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, committed.StatusCode);
        var commitBody = await Json(committed);
        Assert.Equal("A/RES/77/13", commitBody.GetProperty("data").GetProperty("values")[0][0].GetString());
        Assert.False(commitBody.TryGetProperty("transaction", out _));
        Assert.Equal(1, await CountNotes(anonymous));

        using var again = await owner.PostAsync($"/db/neo4j/query/v2/tx/{id}/commit", SecuredServer.Query("RETURN 1"), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("Neo.ClientError.Transaction.TransactionNotFound", (await Json(again)).GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task RollbackAFailedStatementAndIdlenessEndTheTransactionLeavingNothing()
    {
        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token, ["Graph:TransactionIdleSeconds"] = "1" });
        var owner = server.Client(SecuredServer.Token);

        async Task<string> Begin()
        {
            using var begun = await owner.PostAsync("/db/neo4j/query/v2/tx", SecuredServer.Query("CREATE (:Note {n: 1})", accessMode: "Write"), Cancel);
            return (await Json(begun)).GetProperty("transaction").GetProperty("id").GetString()!;
        }

        var rolledBack = await Begin();
        using (var rollback = await owner.DeleteAsync($"/db/neo4j/query/v2/tx/{rolledBack}", Cancel))
            Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        using (var after = await owner.PostAsync($"/db/neo4j/query/v2/tx/{rolledBack}", SecuredServer.Query("RETURN 1"), Cancel))
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);

        var failed = await Begin();
        using (var error = await owner.PostAsync($"/db/neo4j/query/v2/tx/{failed}", SecuredServer.Query("UNWIND [0] AS x RETURN 1 / x"), Cancel))
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        using (var after = await owner.PostAsync($"/db/neo4j/query/v2/tx/{failed}/commit", SecuredServer.Query("RETURN 1"), Cancel))
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);

        var idle = await Begin();
        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancel);
        using (var expired = await owner.PostAsync($"/db/neo4j/query/v2/tx/{idle}/commit", SecuredServer.Query("RETURN 1"), Cancel))
            Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);

        Assert.Equal(0, await CountNotes(owner));
    }

    [Fact]
    public async Task WithoutTheTokenATransactionOnlyReads()
    {
        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token });
        var anonymous = server.Client();
        using var begun = await anonymous.PostAsync("/db/neo4j/query/v2/tx", SecuredServer.Query("MATCH (d {id: 'A/RES/77/13'}) RETURN d.id"), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, begun.StatusCode);
        var id = (await Json(begun)).GetProperty("transaction").GetProperty("id").GetString()!;
        using var write = await anonymous.PostAsync($"/db/neo4j/query/v2/tx/{id}", SecuredServer.Query("CREATE (:Note)"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, write.StatusCode);
        Assert.Equal("Neo.ClientError.Statement.AccessMode", (await Json(write)).GetProperty("errors")[0].GetProperty("code").GetString());
        using var asked = await anonymous.PostAsync("/db/neo4j/query/v2/tx", SecuredServer.Query("CREATE (:Note)", accessMode: "Write"), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, asked.StatusCode);
        Assert.Equal(0, await CountNotes(anonymous));
    }
}

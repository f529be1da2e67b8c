using System.Net;

namespace Graph.Web.Tests.Hostile;

/// <summary>
/// Uploads of 31 MB that name an organisation or an operation at every word, sent to the real server in its own process:
/// "Operation Operation …" was one operation named by the whole text and ran the heap out (500), and the Council's name
/// every 49 bytes was 632,000 mentions, each a relationship; mentions are now bounded as citations are. A server of their
/// own: what the server keeps of two such texts leaves less room in its heap than another 31 MB upload needs, which the
/// server then refuses (503), so on the server of <see cref="HugeUploadTests"/> they made its tests depend on their order.
/// </summary>
public sealed class NamingUploadTests(ServerProcess server) : IClassFixture<ServerProcess>
{
    private const string Masthead = "United Nations\nA/RES/99/1\nGeneral Assembly\n\nThe General Assembly,\n\n";

    [Fact]
    public async Task ThirtyMegabytesNamingAnOrganisationOrAnOperationAtEveryWordAreReadUpToTheBound()
    {
        // "Operation Operation …" was one operation named by the whole text, and ran the heap out (500); the Council's name
        // every 49 bytes was 632,000 mentions, each a relationship.
        var (operationStatus, operation) = await server.UploadAsync("A_RES_99_1.txt", Masthead + "1. Welcomes " + string.Concat(Enumerable.Repeat("Operation ", 3_100_000)) + "Artemis;\n");
        Assert.True(operationStatus == HttpStatusCode.Created, operation.ToString());
        await server.AssertHealthyAsync();

        var (councilStatus, council) = await server.UploadAsync("A_RES_99_2.txt", Masthead.Replace("99/1", "99/2", StringComparison.Ordinal)
            + "1. Recalls " + string.Concat(Enumerable.Repeat("Economic and Social Council resolutions 2019/15, ", 630_000)) + "and others;\n");
        Assert.True(councilStatus == HttpStatusCode.Created, council.ToString());
        Assert.Contains(ServerProcess.Diagnostics(council), d => d.StartsWith("warning too-many-mentions: The text names organisations, operations and agreements more than 50,000 times", StringComparison.Ordinal));
        // The paragraph's 50,000 citations and 50,000 mentions, the document's aggregated citation, paragraph and session.
        Assert.Equal(100_003, council.GetProperty("relationships").GetInt32());
        await server.AssertHealthyAsync();
    }
}

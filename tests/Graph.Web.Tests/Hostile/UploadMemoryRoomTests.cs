using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Graph.Web.Tests.Hostile;

/// <summary>
/// An upload the heap has no room for is refused before it is read, with the reason, rather than ending in an
/// OutOfMemoryException (500) half-way through: a server whose heap the stored graph had filled answered large uploads so.
/// The real server as a child process with a 600 MB ceiling (a managed heap of 420 MB), where a 31 MB upload's peak
/// (24 times its size) has no room and the seed resolution has. The refusal reaches a client that sends the whole file
/// first: a body past Kestrel's default 30,000,000 bytes, refused unread, was cut off with the connection.
/// </summary>
public sealed class UploadMemoryRoomTests
{
    private const string Token = "room-token-5c1e";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUploadTheHeapHasNoRoomForIsRefusedWithTheReasonAndASmallOneIsStored()
    {
        var dataDir = Directory.CreateTempSubdirectory("graph-room-").FullName;
        try
        {
            await using var server = await ServerChildProcess.StartAsync(dataDir,
                ["--Graph:DataDir", dataDir, "--Graph:CorpusDir", TestData.BundledCorpus, "--Graph:ApiToken", Token, "--Graph:MemoryCeilingMB", "600"], Cancel);
            using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

            var large = "United Nations\nA/RES/99/1\nGeneral Assembly\n\nThe General Assembly,\n\n1. Recalls " + string.Concat(Enumerable.Repeat("A/RES/70/1, ", 2_600_000)) + "and others;\n";
            using var refused = await client.PostAsync("/api/documents", SecuredServer.Upload("A_RES_99_1.txt", Encoding.UTF8.GetBytes(large)), Cancel);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("too little memory left for this upload", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
            Assert.NotNull(refused.Headers.RetryAfter);

            using var stored = await client.PostAsync("/api/documents", SecuredServer.Upload("resolution.txt", await File.ReadAllBytesAsync(TestData.Seed7713, Cancel)), Cancel);
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
            Assert.False(server.HasExited, server.Output);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}

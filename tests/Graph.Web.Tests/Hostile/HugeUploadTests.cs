using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Web.Tests.Hostile;

/// <summary>
/// Uploads whose text asks for an unbounded graph, sent to the real server in its own process (Kestrel's limits apply,
/// as they do not in memory). 25 MB of "(a) To;" lines, three million sub-paragraphs, took the server's heap to its limit
/// and ended in an OutOfMemoryException; now an upload is read for at most 50,000 paragraphs and 50,000 citations and
/// the answer says where it stopped (<see cref="Graph.Extraction.ExtractionLimits.ForUploads"/>), and a text of too many
/// lines is refused before it is laid out. A file under the 32 MiB cap but over Kestrel's default body limit
/// (30,000,000 bytes) was refused as too large. 30 MB of HTML elements ran the heap out as AngleSharp's tree (about
/// 60 times the file) and answered 500; past a tree of 150 MB the HTML is now read tag by tag. A paragraph citing one
/// document 50,000 times took minutes to store. (Texts that name an organisation or an operation at every word are
/// <see cref="NamingUploadTests"/>, on a server of their own.)
/// </summary>
public sealed class HugeUploadTests(ServerProcess server) : IClassFixture<ServerProcess>
{
    private const string Masthead = "United Nations\nA/RES/99/1\nGeneral Assembly\n\nThe General Assembly,\n\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SixtyThousandSubParagraphsAreReadUpToTheBoundAndTheAnswerSaysWhereItStopped()
    {
        var text = Masthead + "1. Decides:\n" + string.Concat(Enumerable.Repeat("(a) To;\n", 60_000));
        var (status, body) = await server.UploadAsync("A_RES_99_1.txt", text);

        Assert.True(status == HttpStatusCode.Created, body.ToString());
        // The document, its 50,000 paragraphs (the operative paragraph and 49,999 of its sub-paragraphs), its session.
        Assert.Equal(50_002, body.GetProperty("nodes").GetInt32());
        Assert.Contains(ServerProcess.Diagnostics(body), d => d.StartsWith("warning too-many-paragraphs: The text states more than 50,000 paragraphs", StringComparison.Ordinal));
        await server.AssertHealthyAsync();
    }

    [Fact]
    public async Task AParagraphNamingSixtyThousandResolutionsIsReadUpToTheBound()
    {
        var text = Masthead + "1. Recalls its resolutions " + string.Join(", ", Enumerable.Range(1, 60_000).Select(n => $"A/RES/70/{n}")) + ";\n";
        var (status, body) = await server.UploadAsync("A_RES_99_1.txt", text);

        Assert.True(status == HttpStatusCode.Created, body.ToString());
        Assert.Contains(ServerProcess.Diagnostics(body), d => d.StartsWith("warning too-many-citations: The text states more than 50,000 citations", StringComparison.Ordinal));
        using var cited = await server.Client().GetAsync("/api/node?id=" + Uri.EscapeDataString("A/RES/70/50000"), Cancel);
        Assert.Equal(HttpStatusCode.OK, cited.StatusCode);
        using var notRead = await server.Client().GetAsync("/api/node?id=" + Uri.EscapeDataString("A/RES/70/50001"), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, notRead.StatusCode);
        await server.AssertHealthyAsync();
    }

    [Fact]
    public async Task AParagraphCitingOneResolutionSixtyThousandTimesIsStoredUpToTheBound()
    {
        // 50,000 citations of one document from one paragraph: each was found among the paragraph's others by reading them all.
        var text = Masthead + "1. Recalls " + string.Concat(Enumerable.Repeat("A/RES/70/1, ", 60_000)) + "and others;\n";
        var (status, body) = await server.UploadAsync("A_RES_99_1.txt", text);

        Assert.True(status == HttpStatusCode.Created, body.ToString());
        Assert.Contains(ServerProcess.Diagnostics(body), d => d.StartsWith("warning too-many-citations: The text states more than 50,000 citations", StringComparison.Ordinal));
        // The 50,000 citations, the document's aggregated one, its paragraph and its session.
        Assert.Equal(50_003, body.GetProperty("relationships").GetInt32());
        await server.AssertHealthyAsync();
    }

    [Fact]
    public async Task ThreeLargeUploadsAtOnceAreReadOneAfterAnotherAndAllStored()
    {
        // Uploads of 6 MB, each at the citation bound: read one after another, in the order they came, and each stored whole.
        // (At 31 MB one such upload takes the heap to about 1.5 GB at its peak, and the server keeps what it stores.)
        var uploads = Enumerable.Range(1, 3).Select(n => server.UploadAsync($"A_RES_98_{n}.txt",
            Masthead.Replace("99/1", $"98/{n}", StringComparison.Ordinal) + "1. Recalls " + string.Concat(Enumerable.Repeat("A/RES/70/1, ", 500_000)) + "and others;\n")).ToList();
        var answers = await Task.WhenAll(uploads);

        Assert.All(answers, answer => Assert.True(answer.Status == HttpStatusCode.Created, answer.Body.ToString()));
        Assert.All(answers, answer => Assert.Equal(50_003, answer.Body.GetProperty("relationships").GetInt32()));
        Assert.Equal(["A/RES/98/1", "A/RES/98/2", "A/RES/98/3"], answers.Select(a => a.Body.GetProperty("documentId").GetString()).Order(StringComparer.Ordinal));
        await server.AssertHealthyAsync();
    }

    [Fact]
    public async Task ATextOfMoreThanAMillionLinesIsRefusedWithTheReason()
    {
        var text = Masthead + string.Concat(Enumerable.Repeat("a\n", 1_100_000));
        var (status, body) = await server.UploadAsync("A_RES_99_1.txt", text);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("documents of more than 1,048,576 lines are not read", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await server.AssertHealthyAsync();
    }

    [Fact]
    public async Task AFileUnderTheUploadCapButOverKestrelsDefaultBodyLimitIsRead()
    {
        // The seed resolution and 31 MB of spaces after it: over Kestrel's 30,000,000-byte default, under the 32 MiB cap.
        var seed = await File.ReadAllTextAsync(TestData.Seed7713, Cancel);
        var text = seed + "\n\n" + new string(' ', 31_000_000 - seed.Length);
        var (status, body) = await server.UploadAsync("resolution.txt", text);

        Assert.True(status == HttpStatusCode.Created, body.ToString());
        Assert.Equal("A/RES/77/13", body.GetProperty("documentId").GetString());
        await server.AssertHealthyAsync();
    }

    [Fact]
    public async Task ThirtyMegabytesOfHtmlElementsAreReadTagByTagAndTheAnswerSaysSo()
    {
        const string Resolution = """
            <!DOCTYPE html><html><head><title>A/RES/77/13</title></head><body>
            <p>General Assembly</p><p>Distr.: General<br>25 November 2022</p>
            <h2>77/13. Cooperation between the United Nations and the Collective Security Treaty Organization</h2>
            <p><i>The General Assembly,</i></p>
            <p><i>Referring</i> to its resolution 59/50 of 2 December 2004,</p>
            <p>1. <i>Requests</i> the Secretary-General to submit to the General Assembly at its seventy-ninth session a report;</p>
            """;
        const int Elements = 3_700_000;
        var html = Resolution + "<p>" + new StringBuilder(Elements * 8).Insert(0, "<b>x</b>", Elements) + "</p></body></html>";
        var (status, body) = await server.UploadAsync("resolution.html", html);

        Assert.True(status == HttpStatusCode.Created, body.ToString());
        Assert.Equal("A/RES/77/13", body.GetProperty("documentId").GetString());
        // The resolution's own elements (html, head, title, body, p, br, h2, i) and the last paragraph's b elements.
        var elements = (Regex.Count(Resolution, "<[a-z]") + 1 + Elements).ToString("N0", CultureInfo.InvariantCulture);
        Assert.Contains(ServerProcess.Diagnostics(body), d => d.StartsWith($"warning html-too-many-elements: The HTML has {elements} elements", StringComparison.Ordinal));
        using var paragraph = await server.Client().GetAsync("/api/node?id=" + Uri.EscapeDataString("A/RES/77/13#op1"), Cancel);
        Assert.Contains("Requests", await paragraph.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await server.AssertHealthyAsync();
    }
}

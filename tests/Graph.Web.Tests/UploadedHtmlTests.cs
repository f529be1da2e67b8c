using System.Net;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>
/// An uploaded HTML document nested 100,000 &lt;div&gt;s deep: the tree builder's work grows with the depth for every
/// tag, so it held a core for most of a minute. It is read tag by tag instead and ingested, with the warning that says so.
/// </summary>
public sealed class UploadedHtmlTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Resolution = """
        <p>General Assembly</p><p>Distr.: General<br>25 November 2022</p>
        <p>Resolution adopted by the General Assembly on 21 November 2022</p>
        <h2>77/13. Cooperation between the United Nations and the Collective Security Treaty Organization</h2>
        <p><i>The General Assembly,</i></p>
        <p><i>Referring</i> to its resolution 59/50 of 2 December 2004,</p>
        <p>1. <i>Requests</i> the Secretary-General to submit to the General Assembly at its seventy-ninth session a report;</p>
        """;

    [Fact]
    public async Task HtmlNestedAHundredThousandDeepIsReadTagByTagAndIngested()
    {
        const int Depth = 100_000;
        var html = "<!DOCTYPE html><html><head><title>A/RES/77/13</title></head><body>" + Repeat("<div>", Depth) + Resolution
            + Repeat("</div>", Depth) + "</body></html>";

        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token });
        using var uploaded = await server.Client(SecuredServer.Token).PostAsync("/api/documents",
            SecuredServer.Upload("resolution.html", Encoding.UTF8.GetBytes(html)), Cancel);
        var body = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync(Cancel)).RootElement;

        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("A/RES/77/13", body.GetProperty("documentId").GetString());
        Assert.Contains(body.GetProperty("diagnostics").EnumerateArray(), d => d.GetString()!.StartsWith("warning html-nesting:", StringComparison.Ordinal));
        using var paragraph = await server.Client().GetAsync("/api/node?id=" + Uri.EscapeDataString("A/RES/77/13#op1"), Cancel);
        Assert.Equal(HttpStatusCode.OK, paragraph.StatusCode);
        Assert.Contains("Requests", await paragraph.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private static string Repeat(string part, int times) => new StringBuilder(part.Length * times).Insert(0, part, times).ToString();
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>
/// Documents nested deeper than any real one. The server reads its corpus folders and every upload in its own process,
/// and a reader that followed the nesting by recursion overflowed the stack, which no handler catches: one small file
/// ended the server, or kept it from starting. A Word document too deep is left out with the reason; Markdown's nested
/// emphases are read.
/// </summary>
public sealed class DeeplyNestedUploadTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AServerWhoseCorpusHoldsAWordDocumentNestedAHundredThousandDeepStartsAndServesTheRest()
    {
        // Uploads take no DOCX, but the corpus folders the server builds its graph from at start do.
        var corpus = Directory.CreateTempSubdirectory("graph-deep-corpus-");
        try
        {
            File.Copy(Directory.EnumerateFiles(SecuredServer.Seeds).Order(StringComparer.Ordinal).First(), Path.Combine(corpus.FullName, "seed.txt"));
            var nested = string.Concat(Enumerable.Repeat("<w:r>", 100_000)) + string.Concat(Enumerable.Repeat("</w:r>", 100_000));
            await File.WriteAllBytesAsync(Path.Combine(corpus.FullName, "A_RES_99_1.docx"), UnDocx.WithRawBody($"<w:p>{nested}</w:p>"), Cancel);
            await using var server = new SecuredServer(new() { ["Graph:CorpusDir"] = corpus.FullName });
            var client = server.Client();

            using var response = await client.PostAsync("/db/neo4j/query/v2",
                SecuredServer.Query("MATCH (d:Document) WHERE d.id STARTS WITH 'A/RES/' RETURN d.id AS id ORDER BY id"), Cancel);

            var text = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK || response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {text}");
            var ids = JsonDocument.Parse(text).RootElement.GetProperty("data").GetProperty("values").EnumerateArray().Select(row => row[0].GetString()).ToList();
            Assert.Contains(ids, id => id is "A/RES/71/12" or "A/RES/77/13");
            Assert.DoesNotContain("A/RES/99/1", ids);
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task MarkdownWithAHundredThousandNestedEmphasesIsIngested()
    {
        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token });
        var owner = server.Client(SecuredServer.Token);
        var stars = new string('*', 100_000);
        var markdown = $"---\nsymbol: A/RES/99/1\n---\n\nThe General Assembly,\n\n1. Requests {stars}the report of resolution 77/13{stars};\n";

        using var response = await owner.PostAsync("/api/documents", Upload("A_RES_99_1.md", Encoding.UTF8.GetBytes(markdown)), Cancel);

        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {text}");
        Assert.Equal("A/RES/99/1", JsonDocument.Parse(text).RootElement.GetProperty("documentId").GetString());
    }

    private static MultipartFormDataContent Upload(string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Graph.Web.Tests;

/// <summary>
/// Documents nested deeper than any real one. The server reads its corpus folders and every upload in its own process,
/// and a reader that followed the nesting by recursion overflowed the stack, which no handler catches: one small file
/// ended the server, or kept it from starting. A Word document too deep is left out with the reason; Markdown's nested
/// emphases are read; Markdown nesting lists and block quotes deeper than any document, which Markdig parses slowly, is
/// refused with the reason.
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

    [Fact]
    public async Task MarkdownNestingAThousandListsByIndentationIsRefusedAndTheServerReadsTheNextUpload()
    {
        await using var server = new SecuredServer(new() { ["Graph:ApiToken"] = SecuredServer.Token });
        var owner = server.Client(SecuredServer.Token);
        // A megabyte: each item indented two spaces more than the one before, so each is nested in it. Its name states no
        // symbol, so that nothing at all is read (a file named by its symbol would be kept as a bare document, with the error).
        var nested = new StringBuilder();
        for (var level = 0; level < 1_000; level++) nested.Append(' ', 2 * level).Append("- Requests the report of resolution 77/13;\n");

        using var refused = await owner.PostAsync("/api/documents", Upload("nested-lists.md", Encoding.UTF8.GetBytes(nested.ToString())), Cancel);

        var problem = await refused.Content.ReadAsStringAsync(Cancel);
        Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)refused.StatusCode} {problem}");
        Assert.StartsWith("application/problem+json", refused.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var body = JsonDocument.Parse(problem).RootElement;
        Assert.Contains("more than 256 deep by line 129", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(body.GetProperty("diagnostics").EnumerateArray(), d => d.GetString()!.StartsWith("error markdown-too-deep:", StringComparison.Ordinal));

        using var health = await owner.GetAsync("/health", Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var shallow = "---\nsymbol: A/RES/99/3\n---\n\nThe General Assembly,\n\n1. Requests the report of resolution 77/13;\n   - in its first part;\n";
        using var read = await owner.PostAsync("/api/documents", Upload("A_RES_99_3.md", Encoding.UTF8.GetBytes(shallow)), Cancel);
        var text = await read.Content.ReadAsStringAsync(Cancel);
        Assert.True(read.StatusCode == HttpStatusCode.Created, $"{(int)read.StatusCode} {text}");
        Assert.Equal("A/RES/99/3", JsonDocument.Parse(text).RootElement.GetProperty("documentId").GetString());
    }

    private static MultipartFormDataContent Upload(string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}

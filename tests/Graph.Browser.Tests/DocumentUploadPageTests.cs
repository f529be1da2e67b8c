using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>
/// A person adds a real UN document through the explorer's "Add a document" panel, against a server
/// that starts with an empty graph and has an API token configured: with the token the document is
/// extracted, added and opened on the canvas; without it the server's refusal is shown and nothing is added.
/// </summary>
public sealed class DocumentUploadPageTests : IAsyncLifetime
{
    private const string Token = "upload-page-test-token";
    private const string DocumentId = "A/51/595";
    private ExplorerHost? _host;
    private ExplorerPage? _explorer;
    private IPage _page = null!;

    private static string CorpusFile => Path.Combine(TestData.Corpus, "ai-un-report", "A_51_595.pdftotext.txt");

    public async ValueTask InitializeAsync()
    {
        _host = await ExplorerHost.StartAsync(Token, startEmpty: true);
        if (_host is null) return;
        // The refused upload logs the server's 401 to the console on purpose: console errors are not a problem here.
        _explorer = await ExplorerPage.OpenAsync(_host.Browser, _host.BaseUrl, watched: PageProblems.ScriptErrors | PageProblems.Dialogs);
        _page = _explorer.Page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_explorer is not null) await _explorer.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
    }

    private void SkipWithoutBrowser() =>
        Assert.SkipWhen(_host is null, ExplorerHost.SkipReason ?? "");

    [Fact]
    public async Task WithTheTokenAnUploadedCorpusDocumentIsAddedAndOpenedOnTheCanvas()
    {
        SkipWithoutBrowser();
        await _page.FillAsync("#upload-token", Token);
        await _page.SetInputFilesAsync("#upload-file", CorpusFile);

        await Assertions.Expect(_page.Locator("#upload-status")).ToContainTextAsync($"{DocumentId} was added");
        await Assertions.Expect(_page.Locator("#details h2")).ToHaveTextAsync(DocumentId);
        Assert.True(await _page.EvaluateAsync<bool>("id => window.explorer.view.has(id)", DocumentId));
        // The token stays for this tab only.
        Assert.Equal(Token, await _page.EvaluateAsync<string?>("() => sessionStorage.getItem('graph.apiToken')"));
        Assert.Null(await _page.EvaluateAsync<string?>("() => localStorage.getItem('graph.apiToken')"));
        await _explorer!.ScreenshotAsync("20-upload-added");

        // The same file again changes nothing, and says so.
        await _page.SetInputFilesAsync("#upload-file", CorpusFile);
        await Assertions.Expect(_page.Locator("#upload-status")).ToContainTextAsync($"{DocumentId} was already in the graph, unchanged");
        _explorer!.AssertNoProblems();
    }

    [Fact]
    public async Task WithoutTheTokenTheServersRefusalIsShownAndNothingIsAdded()
    {
        SkipWithoutBrowser();
        await _page.FillAsync("#upload-token", "");
        await _page.SetInputFilesAsync("#upload-file", CorpusFile);

        var status = _page.Locator("#upload-status");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-state", "error");
        await Assertions.Expect(status).ToContainTextAsync("Uploading documents needs the API token");
        await Assertions.Expect(status).ToContainTextAsync("Authorization: Bearer <token>");
        await Assertions.Expect(status).ToContainTextAsync("Enter the server's API token in the field above.");
        await _explorer!.ScreenshotAsync("21-upload-refused");
        Assert.False(await _page.EvaluateAsync<bool>("id => window.explorer.view.has(id)", DocumentId));
        var lookup = await _page.APIRequest.GetAsync("api/node?id=" + Uri.EscapeDataString(DocumentId));
        Assert.Equal(404, lookup.Status);

        // A file the server does not take is refused before it is sent.
        await _page.SetInputFilesAsync("#upload-file", new FilePayload { Name = "notes.docx", MimeType = "application/octet-stream", Buffer = [1, 2, 3] });
        await Assertions.Expect(status).ToContainTextAsync("\"notes.docx\" is not a PDF, text, Markdown or HTML file.");
        _explorer!.AssertNoProblems();
    }
}

using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>
/// A person opens A/RES/71/12, a stub (the server's graph holds only the seed A/RES/77/13, which cites it), and clicks
/// "Fetch from the UN" in its details: the server fetches it from the ODS replica on loopback in the background, the
/// panel shows the job going and its outcome, and the document's paragraphs appear. On a read-only server the
/// button is not offered.
/// </summary>
public sealed class FetchFromUnPageTests : IAsyncLifetime
{
    private const string Token = "fetch-page-test-token";
    private const string Stub = "A/RES/71/12";
    private readonly string _corpus = Directory.CreateTempSubdirectory("graph-fetch-page-").FullName;
    private OdsReplica _replica = null!;
    private ExplorerHost? _host;
    private ExplorerPage? _explorer;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        File.Copy(TestData.Seed7713, Path.Combine(_corpus, Path.GetFileName(TestData.Seed7713)));
        _replica = await OdsReplica.StartAsync();
        _replica.AddDocxFromText(Stub, TestData.Seed7112);
        _host = await ExplorerHost.StartAsync(Token, settings: new Dictionary<string, string>
        {
            ["Graph:CorpusDir"] = _corpus,
            ["Graph:CorpusDirs"] = "",
            ["Graph:OdsUrl"] = _replica.BaseUrl.AbsoluteUri,
            ["Graph:LibraryUrl"] = _replica.BaseUrl.AbsoluteUri,
        });
        if (_host is null) return;
        _explorer = await ExplorerPage.OpenAsync(_host.Browser, _host.BaseUrl, watched: PageProblems.ScriptErrors | PageProblems.Dialogs);
        _page = _explorer.Page;
        await _page.WaitForFunctionAsync("() => window.explorer.fetcher.writes === 'token'");
    }

    public async ValueTask DisposeAsync()
    {
        if (_explorer is not null) await _explorer.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
        await _replica.DisposeAsync();
        Directory.Delete(_corpus, recursive: true);
    }

    private async Task OpenAsync(IPage page, string query, string id)
    {
        await page.FillAsync("#search-input", query);
        await page.Locator($"#search-results li[data-id='{id}']").ClickAsync();
        await Assertions.Expect(page.Locator("#details h2")).ToHaveTextAsync(id);
    }

    [Fact]
    public async Task FetchingAStubShowsItsParagraphsWhenTheJobLands()
    {
        Assert.SkipWhen(_host is null, ExplorerHost.SkipReason ?? "");
        var held = new ReplicaFault { HoldUntil = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        _replica.Faults[OdsReplica.FileName(Stub, "docx")] = held;
        await _page.FillAsync("#upload-token", Token);
        await OpenAsync(_page, "71/12", Stub);
        await Assertions.Expect(_page.Locator("#details .badge.stub")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#details .paragraph-list")).ToHaveCountAsync(0);

        await _page.Locator("#details button[data-action='fetch']").ClickAsync();

        // While the replica holds the file, the panel says the job is going and the button waits.
        await held.Held.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await Assertions.Expect(_page.Locator("#details .fetch-status")).ToContainTextAsync("Fetching");
        await Assertions.Expect(_page.Locator("#details button[data-action='fetch']")).ToBeDisabledAsync();
        held.HoldUntil.TrySetResult();

        await Assertions.Expect(_page.Locator("#details .fetch-status")).ToContainTextAsync($"{Stub} was fetched from the UN (DOCX) and added to the graph.");
        var paragraphs = _page.Locator("#details .paragraph-list li");
        await Assertions.Expect(paragraphs.First).ToBeVisibleAsync();
        Assert.True(await paragraphs.CountAsync() >= 5, $"{await paragraphs.CountAsync()} paragraphs shown");
        await Assertions.Expect(_page.Locator("#details .badge.stub")).ToHaveCountAsync(0);
        await Assertions.Expect(_page.Locator("#details button[data-action='fetch']")).ToHaveCountAsync(0);
        // The node on the canvas is no longer drawn as a stub.
        Assert.False(await _page.EvaluateAsync<bool>("id => window.explorer.view.cy.getElementById(id).data('stub')", Stub));
        await _explorer!.ScreenshotAsync("22-fetched-from-the-un");
        _explorer!.AssertNoProblems();
    }

    [Fact]
    public async Task WithoutTheTokenTheRefusalIsShownAndTheStubStays()
    {
        Assert.SkipWhen(_host is null, ExplorerHost.SkipReason ?? "");
        await _page.FillAsync("#upload-token", "");
        await OpenAsync(_page, "71/12", Stub);

        await _page.Locator("#details button[data-action='fetch']").ClickAsync();

        var status = _page.Locator("#details .fetch-status");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-state", "error");
        await Assertions.Expect(status).ToContainTextAsync("Fetching documents needs the API token");
        await Assertions.Expect(status).ToContainTextAsync("Enter the server's API token under \"Add a document\".");
        Assert.Equal(0, _replica.TotalRequests);
        await Assertions.Expect(_page.Locator("#details .badge.stub")).ToBeVisibleAsync();
        _explorer!.AssertNoProblems();
    }

    [Fact]
    public async Task OnAReadOnlyServerNoFetchIsOffered()
    {
        Assert.SkipWhen(_host is null, ExplorerHost.SkipReason ?? "");
        await using var readOnly = await ExplorerHost.StartAsync(settings: new Dictionary<string, string> { ["Graph:CorpusDir"] = _corpus, ["Graph:CorpusDirs"] = "" });
        var page = await readOnly!.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = readOnly.BaseUrl });
        await page.GotoAsync("./");
        await page.WaitForFunctionAsync("() => window.explorer !== undefined");
        // The server has said what it allows (the overview's answer is shown) before the stub is opened.
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("documents");
        await OpenAsync(page, "71/12", Stub);
        await Assertions.Expect(page.Locator("#details .badge.stub")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#details button[data-action='fetch']")).ToHaveCountAsync(0);
        Assert.Equal("off", await page.EvaluateAsync<string>("() => window.explorer.fetcher.writes"));
    }
}

using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>What a page does that a person would see as broken, and that therefore fails a test.</summary>
[Flags]
internal enum PageProblems
{
    /// <summary>A script error the page did not catch (a CSP violation among them).</summary>
    ScriptErrors = 1,
    ConsoleErrors = 2,
    ConsoleWarnings = 4,
    /// <summary>An alert, confirm or prompt: the page asked for something no step of the test expects (dismissed).</summary>
    Dialogs = 8,
}

/// <summary>
/// The explorer open in a fresh browser context (its own storage, so no test sees another's saved queries), with
/// the problems its pages show collected for <see cref="AssertNoProblems"/>.
/// </summary>
internal sealed class ExplorerPage : IAsyncDisposable
{
    private const string Loaded = "() => window.explorer !== undefined";
    private readonly IBrowserContext _context;
    private readonly PageProblems _watched;
    private readonly List<string> _problems = [];

    private ExplorerPage(IBrowserContext context, PageProblems watched, IPage page)
    {
        _context = context;
        _watched = watched;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>
    /// Opens <paramref name="path"/> of the server at <paramref name="baseUrl"/> in a window of the size given and waits
    /// until the explorer's modules have loaded. <paramref name="locale"/>: the reader's language ("de-DE"), or the browser's.
    /// </summary>
    public static async Task<ExplorerPage> OpenAsync(IBrowser browser, string baseUrl, int width = 1440, int height = 900, string path = "./",
        PageProblems watched = PageProblems.ScriptErrors | PageProblems.ConsoleErrors, bool acceptDownloads = false, string? locale = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = acceptDownloads, Locale = locale,
        });
        var explorer = new ExplorerPage(context, watched, await context.NewPageAsync());
        await explorer.LoadAsync(explorer.Page, path);
        return explorer;
    }

    /// <summary>Opens <paramref name="path"/> in another tab of the same context (the same storage), watched as the first is.</summary>
    public async Task<IPage> OpenAnotherAsync(string path = "./")
    {
        var page = await _context.NewPageAsync();
        await LoadAsync(page, path);
        return page;
    }

    private async Task LoadAsync(IPage page, string path)
    {
        page.SetDefaultTimeout(30_000);
        Watch(page);
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync(Loaded);
    }

    private void Watch(IPage page)
    {
        if (_watched.HasFlag(PageProblems.ScriptErrors)) page.PageError += (_, error) => _problems.Add("page error: " + error);
        if (_watched.HasFlag(PageProblems.Dialogs))
            page.Dialog += async (_, dialog) => { _problems.Add("dialog: " + dialog.Message); await dialog.DismissAsync(); };
        page.Console += (_, message) =>
        {
            if ((message.Type == "error" && _watched.HasFlag(PageProblems.ConsoleErrors))
                || (message.Type == "warning" && _watched.HasFlag(PageProblems.ConsoleWarnings)))
                _problems.Add($"console {message.Type}: {message.Text}");
        };
    }

    /// <summary>Saves what the page shows now as <paramref name="name"/>.png, for a person to look at.</summary>
    public Task ScreenshotAsync(string name, IPage? page = null) =>
        (page ?? Page).ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ExplorerHost.ScreenshotDir, name + ".png") });

    public void AssertNoProblems() => Assert.True(_problems.Count == 0, string.Join("\n", _problems));

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}

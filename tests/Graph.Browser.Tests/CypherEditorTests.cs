using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>
/// The Cypher console's editor: Neo4j's Cypher language support colours, checks and completes the query, with the
/// labels, relationship types, property keys and functions of the graph the server holds.
/// </summary>
public sealed class CypherEditorTests(ExplorerServer server) : IAsyncDisposable
{
    private ExplorerPage? _explorer;

    public async ValueTask DisposeAsync()
    {
        if (_explorer is not null) await _explorer.DisposeAsync();
    }

    private async Task<IPage> OpenAsync(int width, int height)
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? "");
        _explorer = await ExplorerPage.OpenAsync(server.Browser!, server.BaseUrl, width, height,
            watched: PageProblems.ScriptErrors | PageProblems.ConsoleErrors | PageProblems.ConsoleWarnings);
        return _explorer.Page;
    }

    private static ILocator Completions(IPage page) => page.Locator(".cm-tooltip-autocomplete li");

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(800, 600)]
    public async Task TypingALabelOffersTheLabelsOfTheGraph(int width, int height)
    {
        var page = await OpenAsync(width, height);
        await CypherEditorDriver.TypeAsync(page, "MATCH (n:Doc");
        await Assertions.Expect(Completions(page).Filter(new() { HasText = "Document" }).First).ToBeVisibleAsync();
        await _explorer!.ScreenshotAsync($"cypher-completion-{width}x{height}");
        // Accepting the completion writes the label (CodeMirror takes Enter as acceptance 75 ms after the list opens, so
        // that a key already on its way is not taken for a choice); the relationship types come from the graph too.
        await page.WaitForTimeoutAsync(100);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#cypher-input")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^MATCH \(n:Document"));
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync("-[:CI", new KeyboardTypeOptions { Delay = 20 });
        await Assertions.Expect(Completions(page).Filter(new() { HasText = "CITES" }).First).ToBeVisibleAsync();
        // After "d." the graph's property keys are offered, and accepting one keeps "d.".
        await CypherEditorDriver.TypeAsync(page, "MATCH (d:Document) RETURN d.adoption");
        await Completions(page).Filter(new() { HasText = "adoptionDate" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#cypher-input")).ToHaveValueAsync("MATCH (d:Document) RETURN d.adoptionDate");
        // Functions are the server's: toLower is offered as a person types it.
        await CypherEditorDriver.TypeAsync(page, "RETURN toLo");
        await Assertions.Expect(Completions(page).Filter(new() { HasText = "toLower" }).First).ToBeVisibleAsync();
        _explorer!.AssertNoProblems();
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(800, 600)]
    public async Task ASyntaxErrorIsMarkedAsItIsTypedAndALabelNotInTheGraphIsFlagged(int width, int height)
    {
        var page = await OpenAsync(width, height);
        await CypherEditorDriver.FillQueryAsync(page, "MATCH (d:Document RETURN d");
        // The language support's parser marks the error where it is, before anything is run.
        var error = page.Locator(".cm-content .cm-lintRange-error");
        await Assertions.Expect(error.First).ToBeVisibleAsync();
        await Assertions.Expect(error.First).ToHaveTextAsync("RETURN");
        await Assertions.Expect(page.Locator(".cm-gutter-lint .cm-lint-marker-error")).ToHaveCountAsync(1);

        // A well-formed query is not marked; a label the graph does not hold is a warning, not an error.
        await CypherEditorDriver.FillQueryAsync(page, "MATCH (d:Documnet) RETURN d.title");
        await Assertions.Expect(page.Locator(".cm-content .cm-lintRange-warning")).ToHaveTextAsync("Documnet");
        await Assertions.Expect(error).ToHaveCountAsync(0);
        await _explorer!.ScreenshotAsync($"cypher-lint-{width}x{height}");

        // Ctrl+Enter in the editor runs the query.
        await CypherEditorDriver.FillQueryAsync(page, "MATCH (d:Document) RETURN count(d) AS documents");
        await Assertions.Expect(page.Locator(".cm-content .cm-lintRange-warning")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("#cypher-summary")).ToContainTextAsync("1 row");
        _explorer!.AssertNoProblems();
    }
}

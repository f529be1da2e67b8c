using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>What a person does with the Cypher console's editor (CodeMirror), for the tests that write queries.</summary>
internal static class CypherEditorDriver
{
    /// <summary>The editor's editable area, once the console has loaded it.</summary>
    public static ILocator Content(IPage page) => page.Locator("#drawer .cypher-codemirror .cm-content");

    /// <summary>Opens the console and waits for its editor and the graph's schema.</summary>
    public static async Task OpenAsync(IPage page)
    {
        if (await page.Locator("[role='tab'][data-tab='cypher'][aria-selected='true']").CountAsync() == 0)
            await page.ClickAsync("[role='tab'][data-tab='cypher']");
        await Content(page).WaitForAsync();
        await page.WaitForFunctionAsync("() => window.explorer.cypher.schema !== null");
    }

    /// <summary>Replaces the query, as pasting it into the editor would.</summary>
    public static async Task FillQueryAsync(IPage page, string query)
    {
        await ClearAsync(page);
        await page.Keyboard.InsertTextAsync(query);
        await Assertions.Expect(page.Locator("#cypher-input")).ToHaveValueAsync(query);
    }

    private static async Task ClearAsync(IPage page)
    {
        await OpenAsync(page);
        await Content(page).ClickAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(page.Locator("#cypher-input")).ToHaveValueAsync("");
    }

    /// <summary>Empties the editor and types <paramref name="text"/> key by key, as a person does.</summary>
    public static async Task TypeAsync(IPage page, string text)
    {
        await ClearAsync(page);
        await page.Keyboard.TypeAsync(text, new KeyboardTypeOptions { Delay = 20 });
    }
}

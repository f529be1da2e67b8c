using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Text;
using Graph.Model;

namespace Graph.Extraction.Readers;

/// <summary>
/// Reads UN documents saved as HTML, parsed by AngleSharp (the HTML5 parsing rules, so unclosed paragraphs, entities and
/// stray tags are read as a browser reads them), and lays the text out as a page: block elements apart by a blank line,
/// <c>&lt;br&gt;</c> a line break, <c>&lt;sup&gt;</c> digits superscript footnote marks, <c>&lt;hr&gt;</c> the footnote
/// rule; scripts, styles and the head (its title apart) are dropped. A document nested deeper than <see cref="MaxNesting"/>
/// is read tag by tag instead (see <see cref="HtmlNesting"/>), in time that grows with its length, not with length times depth.
/// </summary>
internal static class HtmlReader
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section", "article", "blockquote", "title",
        "ul", "ol", "dl", "dt", "dd", "header", "footer", "main", "nav", "aside", "figure", "figcaption", "pre", "address",
    };

    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "meta", "link" };

    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// Deeper than this the tree builder no longer nests the tree (AngleSharp's and browsers' limit), and its work per tag
    /// grows with the depth; no document written to be read comes near it.
    /// </summary>
    internal static readonly int MaxNesting = HtmlParserOptions.DefaultMaximumDepth;

    public static SourceText Read(string html, string? fileName = null)
    {
        var text = new StringBuilder(html.Length / 2);
        var tooDeep = HtmlNesting.FirstBeyond(html, MaxNesting);
        if (tooDeep < 0)
        {
            var document = Parser.ParseDocument(html);
            if (document.DocumentElement is { } root) Write(root, text, inSup: false);
        }
        else
        {
            WriteTagByTag(html, text);
        }
        var source = new SourceText(CollapseSpaces(text.ToString()), "text/html");
        if (tooDeep >= 0)
        {
            source.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "html-nesting",
                $"The HTML nests its elements more than {MaxNesting} deep (from character {tooDeep}); it was read tag by tag, its text kept but not the structure that unclosed or misnested tags imply.",
                fileName));
        }
        return source;
    }

    /// <summary>Collapses the runs of spaces HTML source indentation leaves.</summary>
    private static string CollapseSpaces(string text) =>
        string.Join('\n', text.Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    private static string TextOf(string data, bool inSup)
    {
        data = data.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
        var digits = data.Trim();
        return inSup && digits.Length > 0 && digits.All(char.IsAsciiDigit) ? Superscript.From(digits) : data;
    }

    private static void Write(INode node, StringBuilder text, bool inSup)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText run:
                    text.Append(TextOf(run.Data, inSup));
                    break;
                case IElement element when Hidden.Contains(element.LocalName):
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "hr" }:
                    text.Append("\n__________\n");
                    break;
                case IElement element:
                    var block = BlockTags.Contains(element.LocalName);
                    if (block) text.Append("\n\n");
                    Write(element, text, inSup || element.LocalName == "sup");
                    if (block) text.Append("\n\n");
                    break;
            }
        }
    }

    /// <summary>Hidden elements with content to skip (meta and link have none).</summary>
    private static bool HidesContent(string tag) => Hidden.Contains(tag) && tag is not ("meta" or "link");

    /// <summary>
    /// Lays out the document from its tags in order, without the tree: the same rules as <see cref="Write"/> (a block tag,
    /// opening or closing, a blank line; br a line break; hr the footnote rule; the text of hidden elements dropped).
    /// </summary>
    private static void WriteTagByTag(string html, StringBuilder text)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var hidden = 0;
        var sup = 0;
        while (tokenizer.Get() is { Type: not HtmlTokenType.EndOfFile } token)
        {
            var name = token.Name;
            switch (token.Type)
            {
                case HtmlTokenType.Character when hidden == 0:
                    text.Append(TextOf(token.Data, sup > 0));
                    break;
                case HtmlTokenType.StartTag:
                    tokenizer.State = HtmlNesting.ContentOf(name);
                    if (HidesContent(name) && !token.AsTag().IsSelfClosing) hidden++;
                    else if (hidden > 0) break;
                    else if (name == "br") text.Append('\n');
                    else if (name == "hr") text.Append("\n__________\n");
                    else if (name == "sup") sup++;
                    else if (BlockTags.Contains(name)) text.Append("\n\n");
                    break;
                case HtmlTokenType.EndTag:
                    if (HidesContent(name)) hidden = Math.Max(0, hidden - 1);
                    else if (hidden > 0) break;
                    else if (name == "sup") sup = Math.Max(0, sup - 1);
                    else if (BlockTags.Contains(name)) text.Append("\n\n");
                    break;
            }
        }
    }
}

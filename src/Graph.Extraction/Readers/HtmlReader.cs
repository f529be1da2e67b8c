using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Graph.Extraction.Readers;

/// <summary>
/// Reads UN documents saved as HTML, parsed by AngleSharp (the HTML5 parsing rules, so unclosed paragraphs, entities and
/// stray tags are read as a browser reads them), and lays the text out as a page: block elements apart by a blank line,
/// <c>&lt;br&gt;</c> a line break, <c>&lt;sup&gt;</c> digits superscript footnote marks, <c>&lt;hr&gt;</c> the footnote
/// rule; scripts, styles and the head (its title apart) are dropped.
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

    public static SourceText Read(string html)
    {
        var document = Parser.ParseDocument(html);
        var text = new StringBuilder(html.Length / 2);
        if (document.DocumentElement is { } root) Write(root, text, inSup: false);
        // Collapse the runs of spaces HTML source indentation leaves.
        var lines = text.ToString().Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return new SourceText(string.Join('\n', lines), "text/html");
    }

    private static void Write(INode node, StringBuilder text, bool inSup)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText run:
                    var data = run.Data.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
                    var digits = data.Trim();
                    text.Append(inSup && digits.Length > 0 && digits.All(char.IsAsciiDigit) ? Superscript.From(digits) : data);
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
}

using System.Net;
using System.Text;

namespace Graph.Extraction.Readers;

/// <summary>
/// Reads UN documents saved as HTML: block elements become line breaks, <c>&lt;sup&gt;</c> digits become
/// superscript footnote marks, <c>&lt;hr&gt;</c> the footnote rule, scripts and styles are dropped,
/// entities decoded. A small tag scanner, not a DOM: UN HTML is simple and we only need its text.
/// </summary>
internal static class HtmlReader
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section", "article", "blockquote", "title",
    };

    public static SourceText Read(string html)
    {
        var sb = new StringBuilder(html.Length / 2);
        var i = 0;
        var inSup = false;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<')
            {
                var next = html.IndexOf('<', i);
                if (next < 0) next = html.Length;
                var chunk = WebUtility.HtmlDecode(html[i..next]);
                chunk = chunk.Replace('\n', ' ').Replace('\r', ' ');
                sb.Append(inSup && chunk.Trim().All(char.IsAsciiDigit) && chunk.Trim().Length > 0 ? Superscript.From(chunk.Trim()) : chunk);
                i = next;
                continue;
            }
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }
            var close = html.IndexOf('>', i);
            if (close < 0) break;
            var tag = html[(i + 1)..close].Trim();
            var closing = tag.StartsWith('/');
            var name = new string(tag.TrimStart('/').TakeWhile(char.IsLetterOrDigit).ToArray());
            i = close + 1;
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }
            if (name.Equals("sup", StringComparison.OrdinalIgnoreCase)) inSup = !closing;
            else if (name.Equals("hr", StringComparison.OrdinalIgnoreCase)) sb.Append("\n__________\n");
            else if (BlockTags.Contains(name)) sb.Append(name.Equals("br", StringComparison.OrdinalIgnoreCase) ? "\n" : "\n\n");
        }
        // Collapse the runs of spaces HTML source indentation leaves.
        var lines = sb.ToString().Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return new SourceText(string.Join('\n', lines), "text/html");
    }
}

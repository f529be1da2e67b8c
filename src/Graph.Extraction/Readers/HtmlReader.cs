using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;
using Graph.Model;

namespace Graph.Extraction.Readers;

/// <summary>
/// Reads UN documents saved as HTML, parsed by AngleSharp (the HTML5 parsing rules, so unclosed paragraphs, entities and
/// stray tags are read as a browser reads them), and lays the text out as a page: block elements apart by a blank line,
/// <c>&lt;br&gt;</c> a line break, <c>&lt;sup&gt;</c> digits superscript footnote marks, <c>&lt;hr&gt;</c> the footnote
/// rule; scripts, styles and the head (its title apart) are dropped. A document nested deeper than <see cref="MaxNesting"/>
/// is read tag by tag instead (see <see cref="HtmlNesting"/>), in time that grows with its length, not with length times depth;
/// so is one whose tree would take more than <see cref="MaxTreeBytes"/> of memory (see <see cref="HtmlTreeSize"/>).
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

    /// <summary>
    /// The largest tree built (<see cref="HtmlTreeSize"/>); a document whose tree would be larger is read tag by tag. A
    /// tree takes up to 60 times its document's size: 30 MB of "&lt;p&gt;x&lt;/p&gt;" took 2.2 GB of heap, and an upload
    /// of it ran the server out of its heap (1.4 GB) and answered 500. 2 MB of them, 250,000 elements and a tree of
    /// 113 MB by the estimate, peaked at 133 MB, so a tree at this bound peaks near 180 MB whatever the document, a
    /// small part of the server's heap beside the upload's text. A word processor's HTML (an element with an attribute
    /// or two every 50 bytes or so) is still read as a tree up to about 15 MB, some 3,000 pages; a resolution's page
    /// is a few hundred kilobytes.
    /// </summary>
    internal const long MaxTreeBytes = 150_000_000;

    public static SourceText Read(string html, string? fileName = null)
    {
        var text = new HtmlPageText(html.Length / 2);
        var beyond = HtmlNesting.FirstBeyond(html, MaxNesting, MaxTreeBytes);
        var tree = beyond.Tree;
        if (beyond.Bound == HtmlBound.None)
        {
            var document = Parser.ParseDocument(html);
            if (document.DocumentElement is { } root) Write(root, text, inSup: false);
        }
        else
        {
            WriteTagByTag(html, text);
        }
        var source = new SourceText(text.ToString(), "text/html");
        if (beyond.Bound == HtmlBound.Nesting)
        {
            source.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "html-nesting",
                $"The HTML nests its elements more than {MaxNesting} deep (from character {beyond.At}); it was read tag by tag, its text kept but not the structure that unclosed or misnested tags imply.",
                fileName));
        }
        else if (beyond.Bound == HtmlBound.TreeSize)
        {
            source.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "html-too-many-elements",
                string.Create(CultureInfo.InvariantCulture,
                    $"The HTML has {tree.Elements:N0} elements and {tree.Attributes:N0} attributes{(tree.Comments > 0 ? $" (and {tree.Comments:N0} comments)" : "")}, a tree of about {tree.Bytes / 1_000_000:N0} MB, more than the {MaxTreeBytes / 1_000_000:N0} MB a tree is given; it was read tag by tag, its text kept but not the structure that unclosed or misnested tags imply."),
                fileName));
        }
        return source;
    }

    /// <summary>A text run's characters, or the superscript digits of a footnote mark.</summary>
    private static void WriteText(string data, bool inSup, HtmlPageText text)
    {
        if (inSup)
        {
            var digits = data.AsSpan().Trim();
            if (digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9'))
            {
                text.Text(Superscript.From(digits.ToString()));
                return;
            }
        }
        text.Text(data);
    }

    private static void Write(INode node, HtmlPageText text, bool inSup)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText run:
                    WriteText(run.Data, inSup, text);
                    break;
                case IElement element when Hidden.Contains(element.LocalName):
                    break;
                case IElement { LocalName: "br" }:
                    text.LineBreak();
                    break;
                case IElement { LocalName: "hr" }:
                    text.RuleLine();
                    break;
                case IElement element:
                    var block = BlockTags.Contains(element.LocalName);
                    if (block) BlankLine(text);
                    Write(element, text, inSup || element.LocalName == "sup");
                    if (block) BlankLine(text);
                    break;
            }
        }
    }

    /// <summary>A block's edge: the blank line that sets it apart.</summary>
    private static void BlankLine(HtmlPageText text)
    {
        text.LineBreak();
        text.LineBreak();
    }

    /// <summary>Hidden elements with content to skip (meta and link have none).</summary>
    private static bool HidesContent(string tag) => Hidden.Contains(tag) && tag is not ("meta" or "link");

    /// <summary>
    /// Lays out the document from its tags in order, without the tree: the same rules as <see cref="Write"/> (a block tag,
    /// opening or closing, a blank line; br a line break; hr the footnote rule; the text of hidden elements dropped).
    /// The attributes are dropped as the tokenizer reads them: the text needs none of their values.
    /// </summary>
    private static void WriteTagByTag(string html, HtmlPageText text)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver)
        {
            ShouldEmitAttribute = static (ref StructHtmlToken _, ReadOnlyMemory<char> _) => false,
        };
        var hidden = 0;
        var sup = 0;
        while (tokenizer.Get() is { Type: not HtmlTokenType.EndOfFile } token)
        {
            var name = token.Name;
            switch (token.Type)
            {
                case HtmlTokenType.Character when hidden == 0:
                    WriteText(token.Data, sup > 0, text);
                    break;
                case HtmlTokenType.StartTag:
                    tokenizer.State = HtmlNesting.ContentOf(name);
                    if (HidesContent(name) && !token.AsTag().IsSelfClosing) hidden++;
                    else if (hidden > 0) break;
                    else if (name == "br") text.LineBreak();
                    else if (name == "hr") text.RuleLine();
                    else if (name == "sup") sup++;
                    else if (BlockTags.Contains(name)) BlankLine(text);
                    break;
                case HtmlTokenType.EndTag:
                    if (HidesContent(name)) hidden = Math.Max(0, hidden - 1);
                    else if (hidden > 0) break;
                    else if (name == "sup") sup = Math.Max(0, sup - 1);
                    else if (BlockTags.Contains(name)) BlankLine(text);
                    break;
            }
        }
    }
}

using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace Graph.Extraction.Readers;

/// <summary>
/// How deep an HTML document's elements nest, estimated in one pass over its tags (AngleSharp's tokenizer) without building
/// the tree; the same pass weighs the tree (<see cref="HtmlTreeSize"/>). The HTML5 tree builder walks its stack of open
/// elements for most tags it meets ("is there a p in button scope?"), so a document nested n deep costs it about n steps a
/// tag: 100,000 nested &lt;div&gt;s took it most of a minute. AngleSharp stops nesting the tree at 512 but not its stack, so
/// the depth is checked before the tree is built.
/// </summary>
/// <remarks>
/// The estimate follows the tree builder's rules that close elements (an end tag closes its element unless a block stands
/// between, a &lt;p&gt; or &lt;li&gt; closes the one before, a cell closes the cell before) within the top
/// <see cref="Reach"/> open elements, and counts the formatting elements closed by another's end tag, which the builder
/// opens again at the next text. Where it is unsure it closes nothing, so it errs high, never low: a document it passes
/// cannot keep the builder's stack deeper than the limit.
/// </remarks>
internal static class HtmlNesting
{
    /// <summary>How far down the open elements an end tag looks for its element; further down it is taken as not there.</summary>
    private const int Reach = 32;

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link", "meta", "param",
        "source", "track", "wbr",
    };

    /// <summary>The elements a "has an element in scope" search stops at.</summary>
    private static readonly HashSet<string> ScopeBoundaries = new(StringComparer.Ordinal)
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "svg", "math",
    };

    /// <summary>The HTML standard's special elements: an end tag of any other element does not close past one.</summary>
    private static readonly HashSet<string> Special = new(StringComparer.Ordinal)
    {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button", "caption",
        "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer", "form",
        "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img", "input",
        "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p",
        "param", "plaintext", "pre", "script", "search", "section", "select", "source", "style", "summary", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp", "svg", "math",
    };

    /// <summary>Elements the builder keeps in its list of active formatting elements and opens again after they are closed by another's end.</summary>
    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    /// <summary>Start tags that close an open &lt;p&gt;.</summary>
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5",
        "h6", "pre", "listing", "form", "table", "xmp", "plaintext", "li", "dd", "dt",
    };

    private static readonly string[] Headings = ["h1", "h2", "h3", "h4", "h5", "h6"];

    /// <summary>
    /// Where (a character offset) the document first nests deeper than <paramref name="limit"/>, or -1 if it never does.
    /// </summary>
    public static int FirstBeyond(string html, int limit) =>
        FirstBeyond(html, limit, long.MaxValue) is { Bound: HtmlBound.Nesting } beyond ? beyond.At : -1;

    /// <summary>
    /// Where the document first nests deeper than <paramref name="maxDepth"/> or its tree grows past
    /// <paramref name="maxTreeBytes"/> (<see cref="HtmlTreeSize"/>), whichever comes first: the tree builder's time
    /// grows with the one, its memory with the other.
    /// </summary>
    public static HtmlBeyond FirstBeyond(string html, int maxDepth, long maxTreeBytes)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var open = new OpenElements(maxDepth);
        var tree = new HtmlTreeSize();
        tree.CountAttributesOf(tokenizer);
        // Past the tree's bound the document is weighed to its end, for the warning: it is read tag by tag whatever follows.
        var tooLarge = -1;
        while (true)
        {
            var token = tokenizer.Get();
            switch (token.Type)
            {
                case HtmlTokenType.EndOfFile:
                    return new HtmlBeyond(tooLarge < 0 ? HtmlBound.None : HtmlBound.TreeSize, tooLarge, tree);
                case HtmlTokenType.StartTag:
                    tree.AddElement();
                    tokenizer.State = ContentOf(token.Name);
                    open.Start(token.Name, token.AsTag().IsSelfClosing);
                    if (tooLarge >= 0) break;
                    if (tree.Bytes > maxTreeBytes) tooLarge = token.Position.Index;
                    else if (open.Depth > maxDepth) return new HtmlBeyond(HtmlBound.Nesting, token.Position.Index, tree);
                    break;
                case HtmlTokenType.EndTag:
                    // "</p>" with no paragraph open, and "</br>", are elements of their own: the tree builder inserts one for each,
                    // so a text of stray "</p>"s is as large a tree as one of "<p></p>"s.
                    if (!open.End(token.Name) && token.Name is "p" or "br") tree.AddElement();
                    if (tooLarge < 0 && tree.Bytes > maxTreeBytes) tooLarge = token.Position.Index;
                    break;
                case HtmlTokenType.Comment:
                    tree.AddComment();
                    if (tooLarge < 0 && tree.Bytes > maxTreeBytes) tooLarge = token.Position.Index;
                    break;
            }
        }
    }

    /// <summary>How the tokenizer reads what follows a start tag, as the tree builder tells it: a script's or style's text is not markup.</summary>
    public static HtmlParseMode ContentOf(string tag) => tag switch
    {
        "script" => HtmlParseMode.Script,
        "style" or "xmp" or "iframe" or "noembed" or "noframes" => HtmlParseMode.Rawtext,
        "title" or "textarea" => HtmlParseMode.RCData,
        "plaintext" => HtmlParseMode.Plaintext,
        _ => HtmlParseMode.PCData,
    };

    /// <summary>The estimated stack of open elements, and the formatting elements waiting to be opened again.</summary>
    private sealed class OpenElements(int capacity)
    {
        private static readonly Func<string, bool> InScope = ScopeBoundaries.Contains;
        private static readonly Func<string, bool> InButtonScope = e => e == "button" || ScopeBoundaries.Contains(e);
        private static readonly Func<string, bool> InListItem = e => Special.Contains(e) && e is not ("address" or "div" or "p");
        private static readonly Func<string, bool> InTable = e => e == "table";

        private readonly List<string> _open = new(capacity + 8);
        private int _reopened;
        private int _foreign;

        public int Depth => _open.Count + _reopened;

        public void Start(string name, bool selfClosing)
        {
            // html, head and body are opened once, implied if absent; a second start tag only adds attributes.
            if (name is "html" or "head" or "body" || VoidElements.Contains(name)) return;
            // In SVG and MathML "/>" closes the element; in HTML it does not (a <div/> stays open).
            if (selfClosing && (_foreign > 0 || name is "svg" or "math")) return;
            if (ClosesParagraph.Contains(name)) CloseTo(["p"], InButtonScope);
            switch (name)
            {
                case "li":
                    CloseTo(["li"], InListItem);
                    break;
                case "dd" or "dt":
                    CloseTo(["dd", "dt"], InListItem);
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    if (Top is { } top && Headings.Contains(top)) Pop(1);
                    break;
                case "option":
                    CloseTo(["option"], InScope);
                    break;
                case "optgroup":
                    CloseTo(["option"], InScope);
                    CloseTo(["optgroup"], InScope);
                    break;
                case "td" or "th":
                    CloseTo(["td", "th"], InTable);
                    if (Top is "table") _open.Add("tbody");
                    if (Top is "tbody" or "thead" or "tfoot") _open.Add("tr");
                    break;
                case "tr":
                    CloseTo(["td", "th"], InTable);
                    CloseTo(["tr"], InTable);
                    if (Top is "table") _open.Add("tbody");
                    break;
                case "tbody" or "thead" or "tfoot":
                    CloseTo(["td", "th"], InTable);
                    CloseTo(["tr"], InTable);
                    CloseTo(["tbody", "thead", "tfoot"], InTable);
                    break;
            }
            _open.Add(name);
            if (name is "svg" or "math") _foreign++;
        }

        /// <summary>Closes what the end tag closes; false where it closes nothing.</summary>
        public bool End(string name)
        {
            if (name is "html" or "head" or "body") return true;
            // A table part's end tag closes the cells inside it; another special element's closes it if it is in scope;
            // any other's, unless a special element stands above it.
            var stopsAt = name is "table" or "caption" or "colgroup" or "tbody" or "thead" or "tfoot" or "tr" ? InTable
                : Special.Contains(name) ? InScope
                : Special.Contains;
            var closed = CloseTo([name], stopsAt);
            if (!closed && Formatting.Contains(name) && _reopened > 0) _reopened--;
            return closed;
        }

        private string? Top => _open.Count > 0 ? _open[^1] : null;

        /// <summary>
        /// Closes the nearest open element named one of <paramref name="names"/> and everything above it, if it lies within
        /// <see cref="Reach"/> of the top with no element <paramref name="stopsAt"/> above it.
        /// </summary>
        private bool CloseTo(string[] names, Func<string, bool> stopsAt)
        {
            for (var k = _open.Count - 1; k >= Math.Max(0, _open.Count - Reach); k--)
            {
                var element = _open[k];
                if (names.Contains(element))
                {
                    Pop(_open.Count - k);
                    return true;
                }
                if (stopsAt(element)) return false;
            }
            return false;
        }

        private void Pop(int count)
        {
            for (var k = 0; k < count; k++)
            {
                var element = _open[^1];
                _open.RemoveAt(_open.Count - 1);
                if (element is "svg" or "math") _foreign--;
                // The element closed by name is closed for good; a formatting element closed with it is opened again at the next text.
                if (k < count - 1 && Formatting.Contains(element)) _reopened++;
            }
        }
    }
}

/// <summary>Which bound of the tree builder's work an HTML document passes first, if any.</summary>
internal enum HtmlBound
{
    /// <summary>The document is read as a tree.</summary>
    None,

    /// <summary>It nests its elements deeper than the tree builder nests them.</summary>
    Nesting,

    /// <summary>Its tree would take more memory than a document's tree is given.</summary>
    TreeSize,
}

/// <summary>
/// The bound an HTML document passes first and the character offset of the tag that passes it (-1 for none), and the tree
/// it weighed: the whole document's where it passes the tree's bound.
/// </summary>
internal readonly record struct HtmlBeyond(HtmlBound Bound, int At, HtmlTreeSize Tree);

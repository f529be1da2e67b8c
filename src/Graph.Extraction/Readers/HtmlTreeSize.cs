using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;

namespace Graph.Extraction.Readers;

/// <summary>
/// The heap AngleSharp's tree of a document takes, estimated from its tags as they are read. Measured on the live tree
/// of 200,000 repeats: an element takes about 290 bytes, the text node beside it about 150, an attribute about 70; the
/// tree is costlier than its text by a factor of up to 60, as "&lt;p&gt;x&lt;/p&gt;" (8 bytes, 2 nodes) shows.
/// </summary>
internal sealed class HtmlTreeSize
{
    /// <summary>An element and the text node that, in the costliest shapes, comes with it.</summary>
    private const long ElementBytes = 450;

    private const long AttributeBytes = 70;

    /// <summary>A comment and the text node beside it: 10 MB of "&lt;!----&gt;x" peaked at 390 MB resident as a tree.</summary>
    private const long CommentBytes = 250;

    public long Elements { get; private set; }

    public long Comments { get; private set; }

    public long Attributes { get; private set; }

    public long Bytes => Elements * ElementBytes + Attributes * AttributeBytes + Comments * CommentBytes;

    /// <summary>Counts an element the tree builder makes: the one a start tag opens, or one a stray end tag stands for.</summary>
    public void AddElement() => Elements++;

    /// <summary>Counts a comment, which the tree keeps as a node.</summary>
    public void AddComment() => Comments++;

    /// <summary>
    /// Has <paramref name="tokenizer"/> count each attribute it reads here and drop it: a pass over the tags needs none of
    /// their values, and a tag of a million attributes held them all until it ended (250 MB allocated, 40 MB dropped).
    /// </summary>
    public void CountAttributesOf(HtmlTokenizer tokenizer) =>
        tokenizer.ShouldEmitAttribute = (ref StructHtmlToken _, ReadOnlyMemory<char> _) =>
        {
            Attributes++;
            return false;
        };
}

using System.Text;

namespace Graph.Extraction.Readers;

/// <summary>
/// The text an HTML page lays out, written as it is read: a text run's line breaks, tabs and runs of spaces (what source
/// indentation leaves) become one space, and a line's spaces at its ends are dropped. Collapsing the spaces as the text
/// is written keeps one copy of it; splitting the finished text into lines and each line into words made two copies more
/// and a string for every word: an 8 MB page of a resolution as a word processor saves it peaked at 194 MB, now about 160 MB.
/// </summary>
internal sealed class HtmlPageText(int capacity)
{
    private static readonly System.Buffers.SearchValues<char> Spaces = System.Buffers.SearchValues.Create(" \t\r\n");

    private readonly StringBuilder _text = new(capacity);

    /// <summary>Whether the line has text yet: spaces before its first word are dropped.</summary>
    private bool _lineStarted;

    /// <summary>Whether a space is owed before the line's next word: spaces after its last word are dropped.</summary>
    private bool _spaceOwed;

    /// <summary>Text of the document, whose line breaks are spaces as a browser shows them.</summary>
    public void Text(ReadOnlySpan<char> run)
    {
        while (!run.IsEmpty)
        {
            var space = run.IndexOfAny(Spaces);
            var word = space < 0 ? run : run[..space];
            if (!word.IsEmpty)
            {
                if (_spaceOwed) _text.Append(' ');
                _text.Append(word);
                _lineStarted = true;
                _spaceOwed = false;
            }
            if (space < 0) return;
            _spaceOwed = _lineStarted;
            run = run[(space + 1)..];
        }
    }

    /// <summary>A line break of the layout (a block's edge, a &lt;br&gt;).</summary>
    public void LineBreak()
    {
        _text.Append('\n');
        _lineStarted = false;
        _spaceOwed = false;
    }

    /// <summary>A line break, a line of its own and a line break: the rule above the footnotes.</summary>
    public void RuleLine()
    {
        LineBreak();
        Text("__________");
        LineBreak();
    }

    public override string ToString() => _text.ToString();
}

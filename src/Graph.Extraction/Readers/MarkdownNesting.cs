namespace Graph.Extraction.Readers;

/// <summary>
/// How deep a Markdown text can nest its container blocks (block quotes, lists and their items), bounded in one pass over
/// the opening of each line, without parsing. Markdig's block parser visits every open container on each line and may
/// measure a list item's indentation again from the line's start, so its work grows faster than the text: a list nested
/// 1,000 levels by indentation (1 MB) took it 1.7 s of CPU, 3,000 levels (9 MB) over 40 s. It refuses a tree deeper than
/// 128 containers itself, but only once every line has been parsed.
/// </summary>
/// <remarks>
/// The bound follows CommonMark's container rules without deciding between readings. A line continues an open block
/// quote only with a '>' and an open list item only with indentation at least as wide as the item's marker and the space
/// after it (two columns or more, for the item and its list); a blank line or a paragraph's lazy continuation keeps open
/// what was open, and opens nothing. Past the containers it continues, a line opens a block quote for each '>' and a
/// list and an item for each list marker. So a line leaves open at most what was open before it, or, for some point in
/// its run of '>', list markers and indentation, what the run before that point can continue (never more than was open)
/// plus what the run after it opens. Every '>' and marker counts, whether or not it could interrupt a paragraph, and the
/// lines of code blocks and HTML blocks are read like any other, so the bound errs high, never low; it never falls, so a
/// text keeps the depth it once reached, and grows again only on a line indented past it.
/// </remarks>
internal static class MarkdownNesting
{
    /// <summary>
    /// The number (from 1) of the line by which the text may nest deeper than <paramref name="limit"/> containers, or 0
    /// if it cannot. Lines end at "\n", "\r\n" or a lone "\r", as in CommonMark.
    /// </summary>
    public static int FirstLineBeyond(string markdown, int limit)
    {
        var rest = markdown.AsSpan();
        var open = 0;
        for (var number = 1; ; number++)
        {
            var end = rest.IndexOfAny('\r', '\n');
            var line = end < 0 ? rest : rest[..end];
            open = Math.Max(open, MostOpenAfter(line, open));
            if (open > limit) return number;
            if (end < 0) return 0;
            rest = rest[(end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1))..];
        }
    }

    /// <summary>The most containers <paramref name="line"/> can leave open when at most <paramref name="open"/> were open before it.</summary>
    private static int MostOpenAfter(ReadOnlySpan<char> line, int open)
    {
        // The containers the whole run would open if the line continued none.
        var opensInAll = 0;
        foreach (var token in new ContainerRun(line)) opensInAll += token.Opens;

        // Continuing stops at or before the first list marker: no container continues past one.
        var best = opensInAll;
        var continues = 0;
        var opensBefore = 0;
        foreach (var token in new ContainerRun(line))
        {
            if (token.Kind == RunToken.Marker) break;
            continues += token.Continues;
            opensBefore += token.Opens;
            best = Math.Max(best, Math.Min(open, continues) + opensInAll - opensBefore);
        }
        return best;
    }

    private enum RunToken
    {
        /// <summary>Spaces and tabs: each column may continue one container (a list item and its list need two or more).</summary>
        Indent,

        /// <summary>A '>' and the one space after it: continues a block quote or opens one.</summary>
        Quote,

        /// <summary>A list marker ("-", "+", "*", or digits and "." or ")") followed by a space, a tab or the line's end: opens a list and an item.</summary>
        Marker,
    }

    private readonly record struct Token(RunToken Kind, int Columns)
    {
        public int Continues => Kind switch { RunToken.Indent => Columns, RunToken.Quote => 1, _ => 0 };

        public int Opens => Kind switch { RunToken.Quote => 1, RunToken.Marker => 2, _ => 0 };
    }

    /// <summary>
    /// The tokens at the start of a line that can continue or open containers, up to the first character that can do
    /// neither. Tabs advance to the next multiple of 4 columns. A spaced thematic break ("* * *") counts as markers:
    /// CommonMark gives the break precedence, but Markdig, continuing a list item over a line indented with a tab, has
    /// read "* * *" as three nested items.
    /// </summary>
    private ref struct ContainerRun(ReadOnlySpan<char> line)
    {
        private readonly ReadOnlySpan<char> _line = line;
        private int _at;
        private int _column;

        public readonly ContainerRun GetEnumerator() => this;

        public Token Current { get; private set; }

        public bool MoveNext()
        {
            if (_at >= _line.Length) return false;
            var c = _line[_at];
            if (c is ' ' or '\t')
            {
                var from = _column;
                while (_at < _line.Length && _line[_at] is ' ' or '\t')
                {
                    _column = _line[_at] == '\t' ? _column + 4 - _column % 4 : _column + 1;
                    _at++;
                }
                Current = new Token(RunToken.Indent, _column - from);
                return true;
            }
            if (c == '>')
            {
                var width = _at + 1 < _line.Length && _line[_at + 1] == ' ' ? 2 : 1;
                Advance(width);
                Current = new Token(RunToken.Quote, width);
                return true;
            }
            var marker = MarkerWidth();
            if (marker == 0) return false;
            Advance(marker);
            Current = new Token(RunToken.Marker, marker);
            return true;
        }

        private void Advance(int characters)
        {
            _at += characters;
            _column += characters;
        }

        /// <summary>The length of the list marker at the position, or 0 if none starts there.</summary>
        private readonly int MarkerWidth()
        {
            var c = _line[_at];
            var length = 0;
            if (c is '-' or '+' or '*')
            {
                length = 1;
            }
            else if (char.IsAsciiDigit(c))
            {
                while (_at + length < _line.Length && char.IsAsciiDigit(_line[_at + length])) length++;
                if (_at + length >= _line.Length || _line[_at + length] is not ('.' or ')')) return 0;
                length++;
            }
            else
            {
                return 0;
            }
            var after = _at + length;
            if (after < _line.Length && _line[after] is not (' ' or '\t')) return 0;
            return length;
        }
    }
}

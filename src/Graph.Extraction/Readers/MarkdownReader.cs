using System.Text;

namespace Graph.Extraction.Readers;

/// <summary>
/// Reads UN documents rendered as Markdown (CommonMark with inline HTML): YAML front matter gives the
/// declared symbol; links keep their text; <c>&lt;sup&gt;n&lt;/sup&gt;</c> becomes a superscript footnote mark;
/// emphasis, heading markers and backslash escapes go; a thematic break ("---") becomes the rule that
/// starts a footnote block on a printed page.
/// </summary>
internal static class MarkdownReader
{
    public static SourceText Read(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        string? symbol = null;
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var close = text.IndexOf("\n---", 4, StringComparison.Ordinal);
            if (close > 0)
            {
                foreach (var line in text[4..close].Split('\n'))
                {
                    if (line.StartsWith("symbol:", StringComparison.Ordinal)) symbol = line[7..].Trim().Trim('"');
                }
                var after = text.IndexOf('\n', close + 4);
                text = after < 0 ? "" : text[(after + 1)..];
            }
        }
        var output = new StringBuilder(text.Length);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Length >= 3 && line.All(c => c == '-')) { output.Append("__________\n"); continue; }
            // Footnote definitions "[^2]: Official Records …" become footnote lines "² Official Records …".
            if (line.StartsWith("[^", StringComparison.Ordinal) && line.IndexOf("]:", StringComparison.Ordinal) is > 2 and var close
                && line[2..close].All(char.IsAsciiDigit))
            {
                output.Append(Superscript.From(line[2..close])).Append(' ').Append(Inline(line[(close + 2)..].Trim())).Append('\n');
                continue;
            }
            var hashes = 0;
            while (hashes < line.Length && line[hashes] == '#') hashes++;
            if (hashes is > 0 and <= 6 && hashes < line.Length && line[hashes] == ' ') line = line[(hashes + 1)..];
            output.Append(Inline(line)).Append('\n');
        }
        return new SourceText(output.ToString(), "text/markdown") { DeclaredSymbol = symbol };
    }

    private static string Inline(string line)
    {
        var sb = new StringBuilder(line.Length);
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length && char.IsPunctuation(line[i + 1]) | char.IsSymbol(line[i + 1]))
            {
                sb.Append(line[i + 1]);
                i += 2;
                continue;
            }
            if (c == '<' && TryReadSup(line, i, out var digits, out var end))
            {
                sb.Append(Superscript.From(digits));
                i = end;
                continue;
            }
            // A footnote reference "[^2]".
            if (c == '[' && i + 3 < line.Length && line[i + 1] == '^')
            {
                var close = line.IndexOf(']', i + 2);
                if (close > i + 2 && close - i < 8 && line[(i + 2)..close].All(char.IsAsciiDigit))
                {
                    sb.Append(Superscript.From(line[(i + 2)..close]));
                    i = close + 1;
                    continue;
                }
            }
            if (c == '<' && TryReadTag(line, i, out end))
            {
                i = end;
                continue;
            }
            if ((c == '[' || (c == '!' && i + 1 < line.Length && line[i + 1] == '[')) && TryReadLink(line, i, out var linkText, out end))
            {
                sb.Append(c == '!' ? "" : Inline(linkText));
                i = end;
                continue;
            }
            if (c is '*' or '_' && IsEmphasisDelimiter(line, i))
            {
                i++;
                continue;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    private static bool IsEmphasisDelimiter(string line, int i)
    {
        var run = i;
        while (run < line.Length && line[run] == line[i]) run++;
        var start = i;
        while (start > 0 && line[start - 1] == line[i]) start--;
        var before = start == 0 ? ' ' : line[start - 1];
        var after = run >= line.Length ? ' ' : line[run];
        var opens = (char.IsWhiteSpace(before) || char.IsPunctuation(before)) && (char.IsLetter(after) || after is '(' or '“');
        var closes = (char.IsLetter(before) || char.IsPunctuation(before)) && (char.IsWhiteSpace(after) || char.IsPunctuation(after));
        return opens || (closes && !char.IsDigit(before));
    }

    private static bool TryReadSup(string line, int i, out string digits, out int end)
    {
        digits = "";
        end = i;
        if (string.Compare(line, i, "<sup>", 0, 5, StringComparison.OrdinalIgnoreCase) != 0) return false;
        var close = line.IndexOf("</sup>", i + 5, StringComparison.OrdinalIgnoreCase);
        if (close < 0 || close - i > 20) return false;
        digits = line[(i + 5)..close];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return false;
        end = close + 6;
        return true;
    }

    private static bool TryReadTag(string line, int i, out int end)
    {
        end = i;
        var close = line.IndexOf('>', i);
        if (close < 0 || close - i > 200) return false;
        var inner = line.AsSpan(i + 1, close - i - 1);
        if (inner.Length == 0 || !(char.IsLetter(inner[0]) || inner[0] == '/')) return false;
        end = close + 1;
        return true;
    }

    /// <summary>"[text](url)": the bracket must close (nesting counted) right before "(".</summary>
    private static bool TryReadLink(string line, int i, out string text, out int end)
    {
        text = "";
        end = i;
        var open = line[i] == '!' ? i + 1 : i;
        var depth = 0;
        var close = -1;
        for (var k = open; k < line.Length && k - open < 500; k++)
        {
            if (line[k] == '[') depth++;
            else if (line[k] == ']' && --depth == 0) { close = k; break; }
        }
        if (close < 0 || close + 1 >= line.Length || line[close + 1] != '(') return false;
        var paren = line.IndexOf(')', close + 2);
        if (paren < 0) return false;
        text = line[(open + 1)..close];
        end = paren + 1;
        return true;
    }
}

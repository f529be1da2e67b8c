using Graph.Model;

namespace Graph.Extraction.Readers;

/// <summary>
/// Picks the reader for a file by its content first (a PDF starts with "%PDF", a DOCX is a ZIP archive, "PK") and its extension second,
/// decodes text, and turns anything unreadable (empty, binary, broken) into a diagnostic. Never throws on input.
/// </summary>
internal static class FileReader
{
    public static SourceText Read(string fileName, byte[] content)
    {
        try
        {
            return ReadUnguarded(fileName, content);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var empty = SourceText.Empty("unknown");
            empty.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "unreadable", $"The file could not be read: {e.Message}", fileName));
            return empty;
        }
    }

    private static SourceText ReadUnguarded(string fileName, byte[] content)
    {
        if (content.Length == 0) return Unreadable(fileName, "empty", "The file is empty.");
        if (content.AsSpan().StartsWith("%PDF"u8)) return PdfReader.Read(fileName, content);
        if (DocxReader.IsZip(content)) return DocxReader.Read(fileName, content);
        if (DocxReader.IsLegacyWord(content))
            return Unreadable(fileName, "legacy-doc", "The file is a Word 97-2003 document (.doc, an OLE compound file), which is not read; use the DOCX or PDF of the document instead.");
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".docx") return Unreadable(fileName, "not-docx", "The file is named .docx but is not a Word document (a DOCX is a ZIP archive starting with \"PK\").");
        if (extension == ".pdf") return Unreadable(fileName, "not-pdf", "The file is named .pdf but does not start with a PDF header.");
        if (!TryDecode(content, out var text, out var encodingName))
            return Unreadable(fileName, "binary", "The file holds binary data, not text; nothing was extracted.");
        if (string.IsNullOrWhiteSpace(text)) return Unreadable(fileName, "empty", "The file holds no text.");
        var source = ReadText(fileName, extension, text);
        if (encodingName is not null)
            source.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, "encoding", $"The file is not UTF-8; it was read as {encodingName}.", fileName));
        return source;
    }

    private static SourceText ReadText(string fileName, string extension, string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return extension switch
        {
            ".json" => IGovDecisionReader.Read(fileName, text),
            ".md" or ".markdown" => MarkdownReader.Read(text, fileName),
            ".html" or ".htm" => HtmlReader.Read(text, fileName),
            _ when trimmed.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase) => HtmlReader.Read(text, fileName),
            _ when trimmed.StartsWith("{") && trimmed.Contains("\"ED_DecisionNumber\"", StringComparison.Ordinal) => IGovDecisionReader.Read(fileName, text),
            _ when trimmed.StartsWith("---") && trimmed.Contains("\nsymbol:", StringComparison.Ordinal) => MarkdownReader.Read(text, fileName),
            _ when LooksLikeMarkdown(text) => MarkdownReader.Read(text, fileName),
            _ => new SourceText(text, "text/plain"),
        };
    }

    /// <summary>Markdown saved as .txt: footnote marks as &lt;sup&gt;, ATX headings, or links.</summary>
    private static bool LooksLikeMarkdown(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 20_000));
        if (sample.Contains("<sup>", StringComparison.OrdinalIgnoreCase)) return true;
        return AtxHeadings(sample) >= 2 || sample.Contains("](#)", StringComparison.Ordinal) || sample.Contains("](http", StringComparison.Ordinal);
    }

    /// <summary>Lines opening with "# " or "## ", counted up to two; found by searching for "#" after a line break, not line by line.</summary>
    private static int AtxHeadings(ReadOnlySpan<char> sample)
    {
        var headings = IsAtxHeading(sample) ? 1 : 0;
        var at = 0;
        while (headings < 2)
        {
            var k = sample[at..].IndexOf("\n#", StringComparison.Ordinal);
            if (k < 0) break;
            at += k + 1;
            if (IsAtxHeading(sample[at..])) headings++;
        }
        return headings;
    }

    private static bool IsAtxHeading(ReadOnlySpan<char> line) => line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("## ", StringComparison.Ordinal);

    public static SourceText Unreadable(string fileName, string code, string message)
    {
        var empty = SourceText.Empty("unknown");
        empty.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, fileName));
        return empty;
    }

    /// <summary>Decodes (see <see cref="TextDecoding"/>); text with many control or undecodable characters is binary.</summary>
    private static bool TryDecode(byte[] content, out string text, out string? encodingName)
    {
        text = TextDecoding.Decode(content, out encodingName);
        // Text has none or a few: a vectorised search finds each rather than a test of every character.
        var suspicious = 0;
        var rest = text.AsSpan();
        int k;
        while ((k = rest.IndexOfAny(Suspicious)) >= 0)
        {
            suspicious++;
            rest = rest[(k + 1)..];
        }
        return suspicious <= Math.Max(2, text.Length / 50);
    }

    /// <summary>The replacement character and control characters other than line, tab and page breaks.</summary>
    private static readonly System.Buffers.SearchValues<char> Suspicious = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c == '\uFFFD' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f'))]);
}

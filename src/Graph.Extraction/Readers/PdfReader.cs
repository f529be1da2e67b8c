using System.Text;
using Graph.Model;
using UglyToad.PdfPig;

namespace Graph.Extraction.Readers;

/// <summary>
/// Reads the text layer of a PDF with PdfPig, page by page in reading order (see <see cref="PdfPageLayout"/>), pages
/// separated by "\f" as pdftotext does, so the same layout rules apply. A PDF without a text layer (a scan) gives a diagnostic.
/// </summary>
internal static class PdfReader
{
    /// <summary>
    /// The stack of the thread a PDF is read on. PdfPig numbers the pages when it opens a document by walking the page
    /// tree recursively, a frame of about 250 bytes per level, and a tree made a chain (50,000 "Pages" nodes, each the only
    /// kid of the one before: 2 MB of PDF) overflowed a thread's stack, which no handler catches and which ends the process.
    /// A node states at least 40 bytes, so the largest file read (64 MB) holds a chain of 1.6 million levels: 400 MB of
    /// stack. Only the pages touched are committed; the rest is address space.
    /// </summary>
    private const int ReaderStackBytes = 512 * 1024 * 1024;

    /// <summary>Reads on a thread of its own, whose stack holds the deepest page tree a file read can state (see <see cref="ReaderStackBytes"/>).</summary>
    public static SourceText Read(string fileName, byte[] content)
    {
        SourceText? read = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var reader = new Thread(() =>
        {
            try
            {
                read = ReadHere(fileName, content);
            }
            catch (Exception e)
            {
                failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
        }, ReaderStackBytes) { IsBackground = true, Name = "PDF reader" };
        reader.Start();
        reader.Join();
        failure?.Throw();
        return read!;
    }

    private static SourceText ReadHere(string fileName, byte[] content)
    {
        var text = new StringBuilder();
        var diagnostics = new List<Diagnostic>();
        try
        {
            using var pdf = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var pages = Math.Min(pdf.NumberOfPages, 500);
            for (var n = 1; n <= pages; n++)
            {
                if (n > 1) text.Append('\f');
                WritePage(pdf.GetPage(n), text, fileName, diagnostics);
            }
        }
        catch (UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "pdf-encrypted", "The PDF is encrypted (password-protected); save an unprotected copy to extract it.", fileName));
            return new SourceText("", "application/pdf") { Diagnostics = diagnostics };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "pdf-broken", $"The PDF could not be parsed: {e.Message}", fileName));
            return new SourceText(text.ToString(), "application/pdf") { Diagnostics = diagnostics };
        }
        if (text.ToString().All(char.IsWhiteSpace))
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "pdf-no-text", "The PDF has no text layer (a scanned image?); nothing was extracted.", fileName));
        return new SourceText(text.ToString(), "application/pdf") { Diagnostics = diagnostics };
    }

    /// <summary>
    /// One page laid out by <see cref="PdfPageLayout"/>; a page its layout analysis fails on is read in content order
    /// instead, with a warning, so one odd page does not lose the document.
    /// </summary>
    private static void WritePage(UglyToad.PdfPig.Content.Page page, StringBuilder text, string fileName, List<Diagnostic> diagnostics)
    {
        var start = text.Length;
        try
        {
            PdfPageLayout.Write(page, text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            text.Length = start;
            text.Append(UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(page)).Append('\n');
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, "pdf-layout", $"Page {page.Number}: its layout could not be analysed ({e.Message}); its text was read in content order.", fileName));
        }
    }
}

using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Graph.Cli.Bench;

/// <summary>
/// PDFs of generated documents, for the PDF half of the extraction benchmark: each text is set in Helvetica
/// on A4 pages, wrapped at a printed line's width, so the extractor reads it as it reads a real UN PDF (text
/// layer, wrapped lines, page breaks). Footnote marks become plain digits, as PDF text layers usually give them.
/// </summary>
internal static class PdfCorpus
{
    private const double FontSize = 10;
    private const double LineHeight = 12;
    private const double Margin = 56;
    private const int CharactersPerLine = 90;

    /// <summary>PDFs of the first <paramref name="count"/> texts, named like them with ".pdf".</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> FromTexts(IReadOnlyList<(string Name, byte[] Content)> texts, int count)
    {
        var chosen = texts.Take(count).ToList();
        var pdfs = new (string Name, byte[] Content)[chosen.Count];
        Parallel.For(0, chosen.Count, i =>
            pdfs[i] = (Path.ChangeExtension(chosen[i].Name, ".pdf"), Write(Encoding.UTF8.GetString(chosen[i].Content))));
        return pdfs;
    }

    public static byte[] Write(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var size = PageSize.A4;
        PdfPageBuilder? page = null;
        double y = 0;
        foreach (var raw in Sanitise(text).Split('\n'))
        {
            foreach (var line in Wrap(raw))
            {
                if (page is null || y < Margin)
                {
                    page = builder.AddPage(size);
                    y = page.PageSize.Height - Margin;
                }
                if (line.Length > 0) page.AddText(line, FontSize, new PdfPoint(Margin, y), font);
                y -= LineHeight;
            }
        }
        if (page is null) builder.AddPage(size);
        return builder.Build();
    }

    private static IEnumerable<string> Wrap(string line)
    {
        if (line.Length <= CharactersPerLine)
        {
            yield return line;
            yield break;
        }
        var start = 0;
        while (line.Length - start > CharactersPerLine)
        {
            var cut = line.LastIndexOf(' ', start + CharactersPerLine, CharactersPerLine);
            if (cut <= start) cut = start + CharactersPerLine;
            yield return line[start..cut];
            start = cut < line.Length && line[cut] == ' ' ? cut + 1 : cut;
        }
        yield return line[start..];
    }

    /// <summary>What Helvetica's WinAnsi encoding can set: superscript digits become digits, anything else outside it "?".</summary>
    private static string Sanitise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\r' => '\n',
                '⁰' => '0',
                '¹' => '1',
                '²' => '2',
                '³' => '3',
                >= '⁴' and <= '⁹' => (char)('4' + (c - '⁴')),
                '\n' or (>= ' ' and <= '~') or (>= '\u00A1' and <= '\u00FF') => c,
                '‘' or '’' or '“' or '”' or '–' or '—' or '•' or '…' => c,
                _ => char.IsWhiteSpace(c) ? ' ' : '?',
            });
        }
        return sb.ToString();
    }
}

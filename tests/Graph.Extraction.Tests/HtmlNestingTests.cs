using System.Text;
using Graph.Extraction.Readers;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// HTML nested far deeper than any document is read in one pass over its tags, not by the tree builder (whose work per tag
/// grows with the depth: 100,000 nested &lt;div&gt;s took it most of a minute), and still yields the document's graph.
/// </summary>
public sealed class HtmlNestingTests
{
    private const int Repeats = 5_000;

    [Fact]
    public void ResolutionInsideOneHundredThousandNestedDivsGivesTheGraphOfItsText()
    {
        var extractor = new DocumentExtractor();
        var text = extractor.ExtractFile(Repository.Seed77);
        var html = RenderedFormatTests.AsHtml(text.Text);
        var nested = html.Replace("<body>\n", "<body>\n" + Repeat("<div>", 100_000), StringComparison.Ordinal)
            .Replace("</body>", Repeat("</div>", 100_000) + "</body>", StringComparison.Ordinal);

        var document = extractor.Extract("resolution.html", Encoding.UTF8.GetBytes(nested));

        Assert.Equal(text.DocumentId, document.DocumentId);
        Assert.Equal(Facts(text), Facts(document));
        var diagnostic = Assert.Single(document.Diagnostics, d => d.Code == "html-nesting");
        Assert.Equal((DiagnosticSeverity.Warning, "resolution.html"), (diagnostic.Severity, diagnostic.File));
        Assert.Contains("512", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OrdinaryHtmlIsReadByTheTreeBuilderWithoutADiagnostic()
    {
        var html = RenderedFormatTests.AsHtml(new DocumentExtractor().ExtractFile(Repository.Seed77).Text);
        var document = new DocumentExtractor().Extract("resolution.html", Encoding.UTF8.GetBytes(html));
        Assert.DoesNotContain(document.Diagnostics, d => d.Code == "html-nesting");
    }

    /// <summary>Shapes that keep the tree builder's stack of open elements growing, each repeated 5,000 times.</summary>
    [Theory]
    [InlineData("<div>", "</div>")]
    [InlineData("<div>x", "")]
    [InlineData("<ul>", "</ul>")]
    [InlineData("<blockquote>", "")]
    [InlineData("<b>", "</b>")]
    [InlineData("<font>x", "")]
    [InlineData("<div/>", "")]
    [InlineData("<span><div>x</span>", "")]
    [InlineData("<i><b>x</i>", "")]
    [InlineData("<b><div>x</b>", "")]
    [InlineData("<p><b id=1>x</p>", "")]
    [InlineData("<table><td>", "</td></table>")]
    [InlineData("<svg><g>", "</g></svg>")]
    public void PathologicalNestingIsFound(string open, string close)
    {
        var html = $"<!DOCTYPE html><html><body>{Repeat(open, Repeats)}text{Repeat(close, Repeats)}</body></html>";
        Assert.True(HtmlNesting.FirstBeyond(html, HtmlReader.MaxNesting) > 0, $"not found nested: {open}…{close}");
    }

    /// <summary>Shapes of long documents whose tree stays shallow, each repeated 5,000 times: unclosed paragraphs, items and cells.</summary>
    [Theory]
    [InlineData("<p>x")]
    [InlineData("<p><span>x<p>y")]
    [InlineData("<p><b>x</b><p>y")]
    [InlineData("<ul><li>x<li><a href=#>y</a></ul>")]
    [InlineData("<dl><dt>x<dd>y</dl>")]
    [InlineData("<table><tr><td>x<td>y<tr><td>z</table>")]
    [InlineData("<table><tbody><tr><td><p>x</td></tr></tbody></table>")]
    [InlineData("<h2>x<h3>y</h3>")]
    [InlineData("<svg><path d='M0 0'/><g><circle r=1 /></g></svg>")]
    [InlineData("<select><option>x<option>y<optgroup><option>z</select>")]
    [InlineData("<p class=MsoNormal><span lang=EN-GB style='font-size:12pt'>x<o:p></o:p></span></p>")]
    [InlineData("<script>if (a <div> b) {}</script><style>div > p { }</style><!-- <div> -->")]
    public void LongShallowDocumentsAreNotTakenForNesting(string part)
    {
        var html = $"<!DOCTYPE html><html><head><title>A/RES/77/13</title></head><body>{Repeat(part, Repeats)}</body></html>";
        Assert.True(HtmlNesting.FirstBeyond(html, HtmlReader.MaxNesting) < 0, $"taken for nesting: {part}");
    }

    private static string Repeat(string part, int times) => new StringBuilder(part.Length * times).Insert(0, part, times).ToString();

    /// <summary>The document's paragraphs, footnotes and citations.</summary>
    private static string[] Facts(GraphDocument d) =>
    [
        .. d.Nodes.Where(n => n.HasLabel(Labels.Paragraph) || n.HasLabel(Labels.Footnote)).Select(n => $"{n.Id} {n.GetString("verb")}")
            .Concat(d.Relationships.Where(r => r.Type == RelationshipTypes.Cites).Select(r => $"{r.Start} -> {r.End}").Distinct())
            .Order(StringComparer.Ordinal),
    ];
}

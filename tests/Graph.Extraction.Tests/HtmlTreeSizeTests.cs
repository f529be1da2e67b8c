using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// HTML whose tree would take more memory than a document's tree is given (its elements and attributes counted) is read
/// tag by tag, not by the tree builder: 30 MB of "&lt;p&gt;x&lt;/p&gt;" took 2.2 GB of heap as a tree. Its text is kept,
/// and the warning says how large the tree would have been.
/// </summary>
public sealed class HtmlTreeSizeTests
{
    /// <summary>
    /// The resolution with, between its paragraphs, elements that add no text: 400,000 empty ones (a tree of 180 MB), or
    /// 40,000 of 50 attributes each (2,000,000 attributes, 158 MB).
    /// </summary>
    [Theory]
    [InlineData(0, 400_000)]
    [InlineData(50, 40_000)]
    public void ResolutionAmongElementsPastTheTreesBoundIsReadTagByTagWithItsGraph(int attributes, int elements)
    {
        var extractor = new DocumentExtractor();
        var text = extractor.ExtractFile(Repository.Seed77);
        var html = RenderedFormatTests.AsHtml(text.Text);
        var names = string.Concat(Enumerable.Range(0, attributes).Select(k => $" a{k}"));
        var perParagraph = elements / Paragraphs(html);
        var spans = perParagraph * Paragraphs(html);
        var crowded = html.Replace("</p>\n", "</p>\n" + Repeat($"<span{names}></span>", perParagraph), StringComparison.Ordinal);
        // The rendering's own start tags and its one attribute (charset="utf-8"), and the spans'.
        var counted = string.Create(CultureInfo.InvariantCulture, $"{Regex.Count(html, "<[a-z]") + spans:N0} elements and {Regex.Count(html, "=\"") + spans * attributes:N0} attributes");

        var document = extractor.Extract("resolution.html", Encoding.UTF8.GetBytes(crowded));

        Assert.Equal(text.DocumentId, document.DocumentId);
        Assert.Equal(Facts(text), Facts(document));
        var diagnostic = Assert.Single(document.Diagnostics, d => d.Code == "html-too-many-elements");
        Assert.Equal((DiagnosticSeverity.Warning, "resolution.html"), (diagnostic.Severity, diagnostic.File));
        Assert.Contains(counted, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("read tag by tag", diagnostic.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Stray end tags and comments make nodes of the tree as start tags do: the tree builder inserts a paragraph for each
    /// "&lt;/p&gt;" with none open (400,000 of them, a tree of 180 MB), and keeps each comment (700,000, 175 MB).
    /// </summary>
    [Theory]
    [InlineData("</p>", 400_000)]
    [InlineData("<!---->", 700_000)]
    public void ResolutionAmongStrayEndTagsOrCommentsPastTheTreesBoundIsReadTagByTag(string part, int times)
    {
        var extractor = new DocumentExtractor();
        var text = extractor.ExtractFile(Repository.Seed77);
        var html = RenderedFormatTests.AsHtml(text.Text);
        var perParagraph = times / Paragraphs(html);
        var parts = perParagraph * Paragraphs(html);
        var crowded = html.Replace("</p>\n", "</p>\n" + Repeat(part, perParagraph), StringComparison.Ordinal);
        var counted = part == "</p>"
            ? string.Create(CultureInfo.InvariantCulture, $"{Regex.Count(html, "<[a-z]") + parts:N0} elements")
            : string.Create(CultureInfo.InvariantCulture, $"{parts:N0} comments");

        var document = extractor.Extract("resolution.html", Encoding.UTF8.GetBytes(crowded));

        Assert.Equal(Facts(text), Facts(document));
        var diagnostic = Assert.Single(document.Diagnostics, d => d.Code == "html-too-many-elements");
        Assert.Contains(counted, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolutionAmongElementsUnderTheTreesBoundIsReadAsATree()
    {
        var extractor = new DocumentExtractor();
        var html = RenderedFormatTests.AsHtml(extractor.ExtractFile(Repository.Seed77).Text);
        // 200,000 empty elements: a tree of 90 MB.
        var crowded = html.Replace("</p>\n", "</p>\n" + Repeat("<span></span>", 200_000 / Paragraphs(html)), StringComparison.Ordinal);

        var document = extractor.Extract("resolution.html", Encoding.UTF8.GetBytes(crowded));

        Assert.DoesNotContain(document.Diagnostics, d => d.Code is "html-too-many-elements" or "html-nesting");
    }

    private static int Paragraphs(string html) => html.Split("</p>\n").Length - 1;

    private static string Repeat(string part, int times) => new StringBuilder(part.Length * times).Insert(0, part, times).ToString();

    /// <summary>The document's paragraphs, footnotes and citations.</summary>
    private static string[] Facts(GraphDocument d) =>
    [
        .. d.Nodes.Where(n => n.HasLabel(Labels.Paragraph) || n.HasLabel(Labels.Footnote)).Select(n => $"{n.Id} {n.GetString("verb")}")
            .Concat(d.Relationships.Where(r => r.Type == RelationshipTypes.Cites).Select(r => $"{r.Start} -> {r.End}").Distinct())
            .Order(StringComparer.Ordinal),
    ];
}

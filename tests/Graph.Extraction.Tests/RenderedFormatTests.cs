using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// The Markdown (Markdig) and HTML (AngleSharp) readers on real documents: a resolution is rendered into each format the
/// way such files are written (numbered paragraphs as an ordered list, italics, footnote references, a rule over the
/// footnotes), and the graph read from the rendering must be the graph read from the text.
/// </summary>
public sealed partial class RenderedFormatTests
{
    public static TheoryData<string> Documents() => [.. new[] { Repository.Seed77, Repository.Seed71 }.Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Documents))]
    public void MarkdownWithFootnoteDefinitionsGivesTheGraphOfTheText(string seed)
    {
        var (text, laid) = FromText(seed);
        var markdown = AsMarkdown(laid);
        AssertSameGraph(text, new DocumentExtractor().Extract("resolution.md", Encoding.UTF8.GetBytes(markdown)), markdown);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void HtmlGivesTheGraphOfTheText(string seed)
    {
        var (text, laid) = FromText(seed);
        var html = AsHtml(laid);
        AssertSameGraph(text, new DocumentExtractor().Extract("resolution.html", Encoding.UTF8.GetBytes(html)), html);
    }

    [Fact]
    public void MarkdownFrontMatterDeclaresTheSymbolAndEmphasisAndLinksLeaveTheirText()
    {
        const string markdown = """
            ---
            symbol: "A/RES/77/13"
            title: Cooperation
            ---

            # General Assembly

            *The General Assembly,*

            *Recalling* its resolution [59/50](https://undocs.org/A/RES/59/50) of 2 December 2004,[^1]

            1. *Requests* the Secretary-General to report;

            [^1]: See [A/77/277](#).
            """;
        var document = new DocumentExtractor().Extract("resolution.md", Encoding.UTF8.GetBytes(markdown));
        Assert.Equal("A/RES/77/13", document.DocumentId);
        Assert.Equal("Recalling", document.FindNode("A/RES/77/13#pp1")?.GetString("verb"));
        Assert.Equal("Requests", document.FindNode("A/RES/77/13#op1")?.GetString("verb"));
        Assert.DoesNotContain("*", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", document.Text, StringComparison.Ordinal);
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.End == "A/77/277");
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.End == "A/RES/59/50");
    }

    [Fact]
    public void HtmlThatABrowserWouldRepairIsRead()
    {
        // Unclosed paragraphs, an entity, a comment holding a tag, a script with a "<p>" in a string.
        const string html = """
            <html><head><title>A/RES/77/13</title><script>var s = "<p>not text</p>";</script></head><body>
            <p>General Assembly<p>Resolution adopted by the General Assembly on 21 November 2022
            <!-- <p>hidden</p> -->
            <h2>77/13. Cooperation&nbsp;between the United Nations and the Collective Security Treaty Organization</h2>
            <p><i>The General Assembly,</i>
            <p><i>Recalling</i> its resolution 59/50 of 2 December 2004,<sup>1</sup>
            <p>1. <i>Requests</i> the Secretary-General to report;
            <hr><p><sup>1</sup> A/77/277 &amp; Add.1.
            """;
        var document = new DocumentExtractor().Extract("resolution.html", Encoding.UTF8.GetBytes(html));
        Assert.Equal("A/RES/77/13", document.DocumentId);
        Assert.Equal("Recalling", document.FindNode("A/RES/77/13#pp1")?.GetString("verb"));
        Assert.Equal("Requests", document.FindNode("A/RES/77/13#op1")?.GetString("verb"));
        Assert.DoesNotContain("not text", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", document.Text, StringComparison.Ordinal);
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.End == "A/77/277");
    }

    private static (GraphDocument Graph, string Laid) FromText(string seed)
    {
        var graph = new DocumentExtractor().ExtractFile(Path.Combine(TestData.Seeds, seed));
        Assert.True(graph.Nodes.Count(n => n.HasLabel(Labels.Paragraph)) > 10, "the seed yields its paragraphs");
        return (graph, graph.Text);
    }

    private static void AssertSameGraph(GraphDocument fromText, GraphDocument rendered, string source)
    {
        Assert.True(fromText.DocumentId == rendered.DocumentId, $"symbol {rendered.DocumentId}, not {fromText.DocumentId}, from:\n{source}");
        Assert.Equal(Cited(fromText), Cited(rendered));
        Assert.Equal(Paragraphs(fromText), Paragraphs(rendered));
        Assert.Equal(Footnotes(fromText), Footnotes(rendered));
    }

    private static string[] Cited(GraphDocument d) =>
        [.. d.Relationships.Where(r => r.Type == RelationshipTypes.Cites).Select(r => $"{r.Start} -> {r.End}").Distinct().Order(StringComparer.Ordinal)];

    private static string[] Paragraphs(GraphDocument d) =>
        [.. d.Nodes.Where(n => n.HasLabel(Labels.Paragraph)).Select(n => $"{n.Id} {n.GetString("verb")}").Order(StringComparer.Ordinal)];

    private static string[] Footnotes(GraphDocument d) =>
        [.. d.Nodes.Where(n => n.HasLabel(Labels.Footnote)).Select(n => $"{n.Id}").Order(StringComparer.Ordinal)];

    /// <summary>
    /// The laid-out text as a Markdown file is written: the first block a heading, footnote marks as "[^n]" references and
    /// the footnotes as "[^n]: …" definitions (Markdig gathers them at the end, under a rule).
    /// </summary>
    private static string AsMarkdown(string laid)
    {
        var (body, footnotes) = Split(laid);
        var markdown = new StringBuilder();
        for (var i = 0; i < body.Count; i++)
        {
            var block = SuperscriptRun().Replace(body[i], m => $"[^{Digits(m.Value)}]");
            // A hard line break is two spaces before the line end.
            markdown.Append(i == 0 ? "# " : "").Append(block.Replace("\n", "  \n", StringComparison.Ordinal)).Append("\n\n");
        }
        foreach (var (number, text) in footnotes) markdown.Append($"[^{number}]: {text}\n\n");
        return markdown.ToString();
    }

    /// <summary>The laid-out text as HTML: a paragraph per block, "*…*" in italics, marks in &lt;sup&gt;, the footnotes after &lt;hr&gt;.</summary>
    internal static string AsHtml(string laid)
    {
        var (body, footnotes) = Split(laid);
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>p { margin: 0 }</style></head>\n<body>\n");
        foreach (var block in body) html.Append("<p>").Append(Inline(block).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
        html.Append("<hr>\n");
        foreach (var (number, text) in footnotes) html.Append($"<p><sup>{number}</sup> {Inline(text)}</p>\n");
        return html.Append("</body></html>\n").ToString();

        static string Inline(string text) =>
            SuperscriptRun().Replace(Italic().Replace(WebUtility.HtmlEncode(text), "<i>$1</i>"), m => $"<sup>{Digits(m.Value)}</sup>");
    }

    /// <summary>Blocks of the body, and the footnotes ("¹ text" blocks) apart.</summary>
    private static (List<string> Body, List<(string Number, string Text)> Footnotes) Split(string laid)
    {
        var body = new List<string>();
        var footnotes = new List<(string, string)>();
        foreach (var block in laid.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var mark = SuperscriptRun().Match(block);
            if (mark.Success && mark.Index == 0 && block.Length > mark.Length && block[mark.Length] == ' ')
                footnotes.Add((Digits(mark.Value), block[(mark.Length + 1)..].Replace('\n', ' ')));
            else
                body.Add(block);
        }
        Assert.NotEmpty(footnotes);
        return (body, footnotes);
    }

    private static string Digits(string superscript) => string.Concat(superscript.Select(c => (char)('0' + "⁰¹²³⁴⁵⁶⁷⁸⁹".IndexOf(c, StringComparison.Ordinal))));

    [GeneratedRegex("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")]
    private static partial Regex SuperscriptRun();

    [GeneratedRegex(@"\*([^*\n]+)\*")]
    private static partial Regex Italic();
}

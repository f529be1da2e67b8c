using System.Text;
using Graph.Extraction.Readers;
using Graph.Model;
using Markdig;
using Markdig.Syntax;

namespace Graph.Extraction.Tests;

/// <summary>
/// Markdown nesting block quotes and lists far deeper than any document is refused before Markdig parses it: Markdig's
/// work on each line grows with the containers open on it, and a list nested 3,000 levels by indentation took it 40 s.
/// The bound that decides is checked against the depth Markdig builds, on random texts and on real ones.
/// </summary>
public sealed class MarkdownNestingTests
{
    private const int Levels = 1_000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    /// <summary>
    /// Shapes nesting a thousand levels, and the line by which they are 256 containers deep (a level of a list is a list
    /// and an item): the refusal names the line where the depth Markdig would build passes the limit, not before.
    /// </summary>
    [Theory]
    [InlineData("list indented two spaces a level", 129)]
    [InlineData("list indented a tab a level", 129)]
    [InlineData("ordered list indented three spaces a level", 129)]
    [InlineData("list with a lazy line under each item", 257)]
    [InlineData("list with lines ending in a lone carriage return", 129)]
    [InlineData("block quotes on one line", 1)]
    [InlineData("block quotes with spaces on one line", 1)]
    [InlineData("list markers on one line", 1)]
    [InlineData("block quote in a list item in a block quote, on one line", 1)]
    [InlineData("block quote opened a line deeper each line", 257)]
    public void DeepNestingIsRefusedWithTheLineItPassesTheLimit(string shape, int line)
    {
        var document = new DocumentExtractor().Extract("A_RES_99_1.md", Encoding.UTF8.GetBytes(Pathological(shape)));

        var error = Assert.Single(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("markdown-too-deep", "A_RES_99_1.md"), (error.Code, error.File));
        Assert.Contains($"more than 256 deep by line {line},", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Nodes, n => n.HasLabel(Labels.Paragraph));
    }

    private static string Pathological(string shape) => shape switch
    {
        "list indented two spaces a level" => Lines(i => new string(' ', 2 * i) + "- item"),
        "list indented a tab a level" => Lines(i => new string('\t', i) + "-\titem"),
        "ordered list indented three spaces a level" => Lines(i => new string(' ', 3 * i) + "1. item"),
        "list with a lazy line under each item" => Lines(i => new string(' ', 2 * i) + "- item\nlazy continuation"),
        "list with lines ending in a lone carriage return" => Lines(i => new string(' ', 2 * i) + "- item").Replace('\n', '\r'),
        "block quotes on one line" => new string('>', Levels) + " text\n",
        "block quotes with spaces on one line" => Repeat("> ", Levels) + "text\n",
        "list markers on one line" => Repeat("- ", Levels) + "text\n",
        "block quote in a list item in a block quote, on one line" => Repeat("> 1. ", Levels) + "text\n",
        "block quote opened a line deeper each line" => Lines(i => Repeat("> ", i + 1) + "text"),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    /// <summary>Long texts whose containers stay shallow: none is refused, and where Markdig can read them it builds no deeper than the bound.</summary>
    [Theory]
    [InlineData("100,000 sibling list items")]
    [InlineData("100,000 numbered paragraphs")]
    [InlineData("a list nested 20 levels, 1,000 items at each")]
    [InlineData("a list nested 30 levels by four spaces, 1,000 items at each")]
    [InlineData("code indented 4,000 columns deep in a fenced block")]
    [InlineData("a line of prose indented 10,000 spaces, then a list")]
    [InlineData("10,000 lines quoted five deep")]
    [InlineData("a spaced thematic break across a page, 10,000 times")]
    [InlineData("10,000 centred page numbers")]
    public void LongShallowTextsAreNotRefused(string shape)
    {
        var text = Shallow(shape);

        Assert.Equal(0, MarkdownNesting.FirstLineBeyond(text, MarkdownReader.MaxNesting));
        var depth = MarkdigDepth(text);
        Assert.True(depth <= 60, $"{shape}: Markdig nests {depth} deep");
        if (depth > 0) Assert.True(MarkdownNesting.FirstLineBeyond(text, depth - 1) > 0, $"{shape}: the bound is below Markdig's depth {depth}");
    }

    private static string Shallow(string shape) => shape switch
    {
        "100,000 sibling list items" => Repeat("- The General Assembly requests the Secretary-General to report.\n", 100_000),
        "100,000 numbered paragraphs" => Lines(i => $"{i + 1}. Requests the Secretary-General to report;", 100_000),
        "a list nested 20 levels, 1,000 items at each" => Lines(i => new string(' ', 2 * (i / 1_000)) + "- item", 20_000),
        "a list nested 30 levels by four spaces, 1,000 items at each" => Lines(i => new string(' ', 4 * (i / 1_000)) + "* item", 30_000),
        "code indented 4,000 columns deep in a fenced block" =>
            "```\n" + Lines(i => new string(' ', 4 * i) + "if (x) {") + Lines(i => new string(' ', 4 * (Levels - 1 - i)) + "}") + "```\n\nThe General Assembly,\n",
        "a line of prose indented 10,000 spaces, then a list" =>
            new string(' ', 10_000) + "Recalling its resolution 77/13,\n\n" + Lines(i => new string(' ', 2 * (i % 5)) + "- item", 1_000),
        "10,000 lines quoted five deep" => Repeat("> > > > > Recalling its resolution 77/13,\n", 10_000),
        "a spaced thematic break across a page, 10,000 times" => Repeat("Text\n\n" + Repeat("- ", 40) + "\n\n", 10_000),
        "10,000 centred page numbers" => Lines(i => $"Text of page {i}.\n\n{new string(' ', 40)}- {i + 1} -\n", 10_000),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    /// <summary>
    /// The bound is never below the depth Markdig builds: random texts of lines opening with indentation, tabs, block
    /// quote marks, list markers, fences, HTML and headings, each parsed by Markdig and measured.
    /// </summary>
    [Fact]
    public void TheBoundIsNeverBelowTheDepthMarkdigBuildsOnRandomTexts()
    {
        string[] containers = ["", " ", "  ", "   ", "    ", "      ", "\t", " \t", "> ", ">", ">\t", "- ", "-", "* ", "+ ", "1. ", "2) ", "10. ", "-\t", "1.\t"];
        string[] leaves = ["", "", "", "* * *", "- - -", "```", "~~~", "<div>", "<!--", "-->", "# ", "---", "===", "text", "more text", "`code`", "[^1]: note"];
        var random = new Random(20_251_207);
        var deepest = 0;
        var tooDeep = 0;
        for (var sample = 0; sample < 20_000; sample++)
        {
            var text = new StringBuilder();
            var opening = "";
            for (var line = random.Next(1, 120); line > 0; line--)
            {
                // A line starts as the one before it did, or indented as far, give or take a few columns or a tab, so that
                // containers nest lines apart; now and then afresh.
                var start = random.Next(32) switch { 0 => "", < 16 => opening, _ => new string(' ', opening.Length) };
                start = random.Next(4) switch
                {
                    0 => start[Math.Min(start.Length, random.Next(1, 4))..],
                    1 when start.StartsWith("    ", StringComparison.Ordinal) => "\t" + start[4..],
                    2 => start + new string(' ', random.Next(1, 6)),
                    _ => start,
                };
                for (var part = random.Next(0, 3); part > 0; part--) start += containers[random.Next(containers.Length)];
                opening = start.Length > 400 ? "" : start;
                text.Append(start).Append(leaves[random.Next(leaves.Length)]).Append(random.Next(8) == 0 ? "\r\n" : "\n");
            }
            var markdown = text.ToString();
            int depth;
            try
            {
                depth = MarkdigDepth(markdown);
            }
            catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
            {
                // Deeper than Markdig reads (128): the bound is checked where Markdig builds a tree.
                tooDeep++;
                continue;
            }
            deepest = Math.Max(deepest, depth);
            if (depth > 0)
                Assert.True(MarkdownNesting.FirstLineBeyond(markdown, depth - 1) > 0, $"Markdig nests {depth} deep, the bound is lower, in:\n{markdown}");
        }
        Assert.True(deepest >= 16, $"the random texts nest no deeper than {deepest} ({tooDeep} beyond Markdig's limit)");
    }

    /// <summary>The Markdown documents of the corpus and the repository's own: none is refused, and none nests deeper than the bound says.</summary>
    [Fact]
    public void RealMarkdownIsNotRefusedAndNestsNoDeeperThanTheBound()
    {
        var files = Directory.EnumerateFiles(TestData.Corpus, "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(TestData.Root, "*.md", SearchOption.TopDirectoryOnly))
            .Concat(Directory.EnumerateFiles(Path.Combine(TestData.Root, "docs"), "*.md", SearchOption.AllDirectories))
            .ToList();
        Assert.True(files.Count >= 3, string.Join(", ", files));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Equal(0, MarkdownNesting.FirstLineBeyond(text, MarkdownReader.MaxNesting));
            var depth = MarkdigDepth(text);
            if (depth > 0) Assert.True(MarkdownNesting.FirstLineBeyond(text, depth - 1) > 0, $"{file}: Markdig nests {depth} deep, the bound is lower");
        }
    }

    /// <summary>
    /// How deep Markdig nests the text's container blocks (block quotes, lists, list items); the group it gathers link
    /// reference definitions in is no container of the text.
    /// </summary>
    private static int MarkdigDepth(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var deepest = 0;
        var pending = new Stack<(ContainerBlock Container, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (container, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in container.OfType<ContainerBlock>().Where(c => c is not LinkReferenceDefinitionGroup)) pending.Push((child, depth + 1));
        }
        return deepest;
    }

    private static string Lines(Func<int, string> line, int count = Levels)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++) text.Append(line(i)).Append('\n');
        return text.ToString();
    }

    private static string Repeat(string part, int count) => new StringBuilder(part.Length * count).Insert(0, part, count).ToString();
}

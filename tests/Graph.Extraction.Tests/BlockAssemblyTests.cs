using System.Text;
using Graph.Extraction.Structure;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// Blocks share one builder while they are assembled, and paragraphs that later blocks continue gather their words in
/// one: each block and paragraph must still end with exactly its own words.
/// </summary>
public sealed class BlockAssemblyTests
{
    [Fact]
    public void BlocksAppendedInTurnKeepTheirOwnWords()
    {
        var first = new FlowBlock(BlockKind.Paragraph, "1. Requests");
        first.AppendLine("the Secretary-General to report on the implemen-");
        var second = new FlowBlock(BlockKind.Paragraph, "2. Decides");
        second.AppendLine("to remain seized of the matter.");
        first.AppendLine("tation of the present resolution;");
        var heading = new FlowBlock(BlockKind.Heading, "Resolution adopted by the General Assembly");
        heading.AppendBrokenLine("on 19 December 2023");

        // A word broken by a hyphen at the end of a line is joined without a space, its hyphen kept.
        Assert.Equal("1. Requests the Secretary-General to report on the implemen-tation of the present resolution;", first.Text);
        Assert.Equal("2. Decides to remain seized of the matter.", second.Text);
        Assert.Equal("Resolution adopted by the General Assembly\non 19 December 2023", heading.Text);
        // A block read, then appended to again, goes on from its words.
        second.AppendLine("It so decides.");
        Assert.Equal("2. Decides to remain seized of the matter. It so decides.", second.Text);
        Assert.Equal(second.Text.Length, second.Length);
    }

    [Fact]
    public void ABlockOpenedWithALineOfTheTextHoldsOnlyThatLine()
    {
        // The layout hands a block its first line as a range of the whole text, not as a string of its own.
        const string text = "Distr.: General\n1. Requests the Secretary-General\nto report;\n2. Decides";
        var first = new FlowBlock(BlockKind.Paragraph, text.AsSpan(16, 33));
        first.AppendLine(text.AsSpan(50, 10));
        var second = new FlowBlock(BlockKind.Paragraph, text.AsSpan(61));

        Assert.Equal("1. Requests the Secretary-General to report;", first.Text);
        Assert.Equal("2. Decides", second.Text);
    }

    [Theory]
    [InlineData(new[] { 80, 80, 80, 12, 79, 81, 40 })]
    [InlineData(new[] { 600, 700, 20, 650, 800, 900, 610, 620, 630, 640, 1000 })]
    [InlineData(new[] { 511, 512, 513, 1, 0, 0, 90 })]
    [InlineData(new[] { 0, 0, 0 })]
    public void TypicalWidthIsTheNinetiethPercentileOfTheLineLengths(int[] lengths)
    {
        // Read from a count of lengths (lines of a page) and, past the count, from the few longer lines (a paragraph per
        // line): the same as sorting every length, at least 40, and 80 for a text of blank lines.
        var flow = lengths.Select((length, i) => new FlowLine(TextLine.Of(new string('x', length)), 0, i)).ToList();
        var sorted = lengths.Where(l => l > 0).Order().ToList();
        var expected = sorted.Count == 0 ? 80 : Math.Max(40, sorted[(int)(sorted.Count * 0.9)]);

        Assert.Equal(expected, ParagraphAssembler.TypicalWidth(flow));
    }

    [Fact]
    public void ALongBlockShowsItsFirstAndLastHundredCharactersAsItsEdges()
    {
        var block = new FlowBlock(BlockKind.Paragraph, "1. " + new string('a', 197));
        Assert.Equal(block.Text, block.Edges.ToString());
        block.AppendLine(new string('b', 250) + ";");
        var text = block.Text;
        block.AppendLine("and");
        text += " and";
        Assert.Equal(string.Concat(text.AsSpan(0, 100), " … ", text.AsSpan(text.Length - 100)), block.Edges.ToString());
        Assert.Equal(text, block.Text);
    }

    [Fact]
    public void AParagraphContinuedByBlocksHoldsAllTheirWordsOnce()
    {
        const string resolution = """
            Resolution adopted by the General Assembly on 19 December 2023

            78/998. Test of continued paragraphs

            The General Assembly,

            Recalling its resolution 77/13,

            1. Decides as follows:

            That the Commission shall meet once a year.

            That the Commission shall report to the Assembly.

            2. Requests the Secretary-General to report on the implementation of the present resolution.
            """;
        var document = new DocumentExtractor().Extract("A_RES_78_998.txt", Encoding.UTF8.GetBytes(resolution));
        var operative = document.Nodes.Where(n => n.HasLabel(Labels.Paragraph) && n.GetString("kind") == "operative").ToList();

        Assert.Equal(["A/RES/78/998#op1", "A/RES/78/998#op2"], operative.Select(p => p.Id));
        Assert.Equal("Decides as follows: That the Commission shall meet once a year. That the Commission shall report to the Assembly.", operative[0].GetString("text"));
        Assert.Equal("Requests the Secretary-General to report on the implementation of the present resolution.", operative[1].GetString("text"));
    }
}

using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// The bounds on what one document is read for (<see cref="ExtractionLimits"/>): past them a text is refused (lines) or
/// read up to them (paragraphs, citations) with a warning that says where it stopped; below them nothing changes.
/// </summary>
public sealed class ExtractionLimitsTests
{
    private static readonly byte[] Seed = File.ReadAllBytes(TestData.Seed7713);

    private const string Masthead = "United Nations\nA/RES/99/1\nGeneral Assembly\n\nThe General Assembly,\n\n";

    private static readonly ExtractionLimits Unbounded = new() { MaxLines = int.MaxValue, MaxParagraphs = int.MaxValue, MaxCitations = int.MaxValue, MaxMentions = int.MaxValue };

    private static GraphDocument Extract(byte[] content, ExtractionLimits limits) =>
        new DocumentExtractor { Limits = limits }.Extract("A_RES_77_13.txt", content);

    [Fact]
    public void ATextOfMoreLinesThanTheBoundIsRefusedBeforeItIsLaidOut()
    {
        var lines = File.ReadAllText(TestData.Seed7713).Count(c => c == '\n');
        var document = Extract(Seed, Unbounded with { MaxLines = lines - 1 });

        var refusal = Assert.Single(document.Diagnostics, d => d.Code == "too-many-lines");
        Assert.Equal(DiagnosticSeverity.Error, refusal.Severity);
        Assert.Contains($"{lines:N0} lines", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(document.Nodes);
        Assert.NotEmpty(Extract(Seed, Unbounded with { MaxLines = lines }).Nodes);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\f")]
    public void LinesEndedByCarriageReturnsOrPageBreaksCountAsTheLayoutSplitsThem(string lineEnd)
    {
        // The layout makes a carriage return a line feed, and a page break a line and a marker: "\r\n" ends two lines, "\f" two.
        var text = File.ReadAllText(TestData.Seed7713);
        var lines = text.Count(c => c == '\n');
        var content = System.Text.Encoding.UTF8.GetBytes(text.Replace("\n", lineEnd, StringComparison.Ordinal));
        var laidOut = lineEnd == "\r" ? lines : 2 * lines;

        var refused = Assert.Single(Extract(content, Unbounded with { MaxLines = laidOut - 1 }).Diagnostics, d => d.Code == "too-many-lines");
        Assert.Contains($"{laidOut:N0} lines", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Extract(content, Unbounded with { MaxLines = laidOut }).Diagnostics, d => d.Code == "too-many-lines");
    }

    [Fact]
    public void ParagraphsPastTheBoundAreNotReadAndTheWarningSaysWhereTheTextStopped()
    {
        var whole = Paragraphs(Extract(Seed, Unbounded));
        var bounded = Extract(Seed, Unbounded with { MaxParagraphs = 5 });

        Assert.True(whole.Count > 5, $"the seed has {whole.Count} paragraphs");
        Assert.Equal(whole.Take(5).Select(n => n.Id), Paragraphs(bounded).Select(n => n.Id));
        var warning = Assert.Single(bounded.Diagnostics, d => d.Code == "too-many-paragraphs");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        // The text not read starts where the sixth paragraph starts, and runs to the end.
        Assert.Equal(Convert.ToInt32(whole[5].Properties[PropertyNames.SpanStart], System.Globalization.CultureInfo.InvariantCulture), warning.Span!.Value.Start);
        Assert.Equal(bounded.Text.Length, warning.Span!.Value.End);
        // Nothing the five paragraphs cite is lost. (A name they use may cite more: the text that made it ambiguous was not read.)
        Assert.Subset(CitesFrom(bounded, whole.Take(5)).ToHashSet(), CitesFrom(Extract(Seed, Unbounded), whole.Take(5)).ToHashSet());
    }

    [Fact]
    public void AsManyParagraphsAsTheBoundAreReadWholeAndWithoutAWarning()
    {
        // The closing lines after the last paragraph are no paragraph past the bound.
        var whole = Extract(Seed, Unbounded);
        var exactly = Extract(Seed, Unbounded with { MaxParagraphs = Paragraphs(whole).Count });

        Assert.DoesNotContain(exactly.Diagnostics, d => d.Code == "too-many-paragraphs");
        Assert.Equal(Json(whole), Json(exactly));
    }

    [Fact]
    public void NotesAnAsteriskCallsCountTowardsTheParagraphBound()
    {
        // Kept after the body as paragraphs of kind note: a resolution of nothing but such notes is as many paragraphs.
        var text = Masthead + string.Concat(Enumerable.Repeat("* On behalf of the States Members of the United Nations.\n\n", 60));
        var whole = new DocumentExtractor { Limits = Unbounded }.ExtractText("A_RES_99_1.txt", text);
        var bounded = new DocumentExtractor { Limits = Unbounded with { MaxParagraphs = 5 } }.ExtractText("A_RES_99_1.txt", text);

        Assert.Equal(60, whole.Nodes.Count(n => n.HasLabel(Labels.Paragraph)));
        Assert.Equal(5, bounded.Nodes.Count(n => n.HasLabel(Labels.Paragraph)));
        Assert.Single(bounded.Diagnostics, d => d.Code == "too-many-paragraphs");
    }

    [Theory]
    [InlineData(1)]    // the reading stops at a symbol in a paragraph ("resolution 59/50")
    [InlineData(3)]    // at a footnote's symbol, where a paragraph calls the footnote ("² Resolution 49/57")
    [InlineData(18)]   // past the paragraphs' reading, at a name a later pass ties to a document ("the United Nations Global …")
    public void CitationsPastTheBoundAreNotReadAndTheFirstOnesAreKept(int bound)
    {
        var whole = ParagraphCites(Extract(Seed, Unbounded));
        var bounded = Extract(Seed, Unbounded with { MaxCitations = bound });

        Assert.True(whole.Count > bound, $"the seed has {whole.Count} paragraph citations");
        Assert.Equal(bound, ParagraphCites(bounded).Count);
        Assert.Subset(whole.Select(r => r.Id).ToHashSet(), ParagraphCites(bounded).Select(r => r.Id).ToHashSet());
        var warning = Assert.Single(bounded.Diagnostics, d => d.Code == "too-many-citations");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        // The warning's span is a citation the whole text makes and the bounded one does not.
        var notKept = warning.Span!.Value;
        Assert.Contains($"at character {notKept.Start:N0}", warning.Message, StringComparison.Ordinal);
        var missing = Assert.Single(whole, r => SpanOf(r) == notKept);
        Assert.DoesNotContain(ParagraphCites(bounded), r => r.Id == missing.Id);
    }

    [Fact]
    public void ASymbolListLongerThanTheBoundInOneParagraphStopsAtTheBound()
    {
        // One paragraph naming 5,000 resolutions: the scanner stops reading at the bound rather than reading all first.
        var text = Masthead + "1. Recalls its resolutions "
            + string.Join(", ", Enumerable.Range(1, 5_000).Select(n => $"A/RES/70/{n}")) + ";\n";
        var document = new DocumentExtractor { Limits = Unbounded with { MaxCitations = 1_000 } }.ExtractText("A_RES_99_1.txt", text);

        var cited = ParagraphCites(document);
        Assert.Equal(1_000, cited.Count);
        Assert.Contains("A/RES/70/1000", cited.Select(c => c.End));
        Assert.DoesNotContain("A/RES/70/1001", cited.Select(c => c.End));
        Assert.Equal("A/RES/70/1001", TextAt(document, Assert.Single(document.Diagnostics, d => d.Code == "too-many-citations")));
    }

    [Fact]
    public void SymbolsThatCiteNothingDoNotStopTheReadingShortOfTheBound()
    {
        // The resolution's own symbol, named before the others, is read and cites nothing: the bound still counts three citations.
        var text = Masthead + "1. Recalls its resolutions A/RES/99/1, A/RES/99/1, A/RES/99/1, A/RES/99/1, A/RES/70/1, A/RES/70/2, A/RES/70/3 and A/RES/70/4;\n";
        var document = new DocumentExtractor { Limits = Unbounded with { MaxCitations = 3 } }.ExtractText("A_RES_99_1.txt", text);

        Assert.Equal(["A/RES/70/1", "A/RES/70/2", "A/RES/70/3"], ParagraphCites(document).Select(c => c.End).Order(StringComparer.Ordinal));
        Assert.Equal("A/RES/70/4", TextAt(document, Assert.Single(document.Diagnostics, d => d.Code == "too-many-citations")));
    }

    [Fact]
    public void CitationsUpToTheBoundAndNoMoreGiveNoWarning()
    {
        // Exactly as many citations as the bound, and a paragraph after them with numbers that cite nothing.
        var text = Masthead + "1. Recalls its resolutions A/RES/70/1, A/RES/70/2 and A/RES/70/3;\n\n2. Decides to meet on 3 May 2026.\n";
        var document = new DocumentExtractor { Limits = Unbounded with { MaxCitations = 3 } }.ExtractText("A_RES_99_1.txt", text);

        Assert.Equal(3, ParagraphCites(document).Count);
        Assert.DoesNotContain(document.Diagnostics, d => d.Code == "too-many-citations");
    }

    [Fact]
    public void MentionsPastTheBoundAreNotLinkedAndTheFirstOnesAreKept()
    {
        // The seed names the Collective Security Treaty Organization, the Shanghai Cooperation Organisation and others.
        var whole = Mentions(Extract(Seed, Unbounded));
        var bound = whole.Count / 2;
        var bounded = Extract(Seed, Unbounded with { MaxMentions = bound });

        Assert.Equal(bound, Mentions(bounded).Count);
        Assert.Subset(whole.Select(r => r.Id).ToHashSet(), Mentions(bounded).Select(r => r.Id).ToHashSet());
        var warning = Assert.Single(bounded.Diagnostics, d => d.Code == "too-many-mentions");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        var missing = Assert.Single(whole, r => SpanOf(r) == warning.Span!.Value);
        Assert.DoesNotContain(Mentions(bounded), r => r.Id == missing.Id);
        // The rest of the graph is the whole text's: only mentions are bounded.
        Assert.Equal(ParagraphCites(Extract(Seed, Unbounded)).Count, ParagraphCites(bounded).Count);
        Assert.DoesNotContain(Extract(Seed, Unbounded with { MaxMentions = whole.Count }).Diagnostics, d => d.Code == "too-many-mentions");
    }

    [Fact]
    public void AnOperationNamedEveryFewWordsIsLinkedUpToTheBound()
    {
        // "Operation Alpha, Operation Alpha, …": an operation named every 17 bytes.
        var text = Masthead + "1. Welcomes " + string.Concat(Enumerable.Repeat("Operation Alpha, ", 20_000)) + "and others;\n";
        var document = new DocumentExtractor { Limits = Unbounded with { MaxMentions = 1_000 } }.ExtractText("A_RES_99_1.txt", text);

        Assert.Equal(1_000, Mentions(document).Count);
        var warning = Assert.Single(document.Diagnostics, d => d.Code == "too-many-mentions");
        Assert.StartsWith("Operation", TextAt(document, warning), StringComparison.Ordinal);
        Assert.True(warning.Span!.Value.Start > Mentions(document).Max(r => SpanOf(r).Start));
    }

    [Fact]
    public void ARunOfCapitalisedWordsLongerThanANameIsNoOperation()
    {
        // 20,000 times "Operation ": read as one name, it was a name as long as the text; no operation has a name of more than six words.
        var text = Masthead + "1. Welcomes " + string.Concat(Enumerable.Repeat("Operation ", 20_000)) + "Alpha and Operation Artemis;\n";
        var document = new DocumentExtractor { Limits = Unbounded }.ExtractText("A_RES_99_1.txt", text);

        // The six words before "and" read as a name once the run left is that short; the run before them is none.
        var names = document.Nodes.Where(n => n.HasLabel(Labels.Operation)).Select(n => (string)n.Properties["name"]!).ToList();
        Assert.Equal(["Artemis", "Operation Operation Operation Operation Operation Alpha"], names.Order(StringComparer.Ordinal));
    }

    /// <summary>A name after "Operation" is read for 80 characters at most: one of 80 is a name, one of 81 none.</summary>
    [Theory]
    [InlineData(80, true)]
    [InlineData(81, false)]
    public void AnOperationsNameIsReadForEightyCharactersAtMost(int length, bool named)
    {
        var name = "A" + new string('b', length - 1);
        var text = Masthead + "1. Welcomes Operation " + name + " and others;\n";
        var document = new DocumentExtractor { Limits = Unbounded }.ExtractText("A_RES_99_1.txt", text);

        var names = document.Nodes.Where(n => n.HasLabel(Labels.Operation)).Select(n => (string)n.Properties["name"]!).ToList();
        Assert.Equal(named ? [name] : [], names);
    }

    [Fact]
    public void TheDefaultBoundsGrowWithTheSizeCapAndLeaveTheSeedsWhole()
    {
        var defaults = ExtractionLimits.For(DocumentFile.DefaultMaxBytes);
        Assert.Equal((2_097_152, 262_144, 1_048_576), (defaults.MaxLines, defaults.MaxParagraphs, defaults.MaxCitations));
        Assert.Equal(defaults, new DocumentExtractor().Limits);
        Assert.Equal(1_048_576, defaults.MaxMentions);
        Assert.Equal(defaults with { MaxLines = 1_048_576, MaxParagraphs = 131_072, MaxCitations = 524_288, MaxMentions = 524_288 }, ExtractionLimits.For(32L * 1024 * 1024));
        var uploads = ExtractionLimits.ForUploads(32L * 1024 * 1024);
        Assert.Equal((1_048_576, 50_000, 50_000, 50_000), (uploads.MaxLines, uploads.MaxParagraphs, uploads.MaxCitations, uploads.MaxMentions));

        foreach (var seed in new[] { TestData.Seed7713, TestData.Seed7112 })
        {
            var document = new DocumentExtractor().ExtractFile(seed);
            Assert.DoesNotContain(document.Diagnostics, d => d.Code.StartsWith("too-many-", StringComparison.Ordinal));
            Assert.Equal(Json(Extract(File.ReadAllBytes(seed), Unbounded)), Json(document));
        }
    }

    private static string Json(GraphDocument document)
    {
        var graph = new GraphData();
        graph.Nodes.AddRange(document.Nodes);
        graph.Relationships.AddRange(document.Relationships);
        return GraphJson.Serialize(graph);
    }

    private static string TextAt(GraphDocument document, Diagnostic warning) => document.Text[warning.Span!.Value.Start..warning.Span.Value.End];

    private static SourceSpan SpanOf(GraphRelationship relationship) => new(
        Convert.ToInt32(relationship.Properties[PropertyNames.SpanStart], System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToInt32(relationship.Properties[PropertyNames.SpanEnd], System.Globalization.CultureInfo.InvariantCulture));

    private static List<GraphRelationship> Mentions(GraphDocument document) =>
        [.. document.Relationships.Where(r => r.Type == RelationshipTypes.Mentions)];

    private static List<GraphNode> Paragraphs(GraphDocument document) =>
        [.. document.Nodes.Where(n => n.HasLabel(Labels.Paragraph) && !n.Id.Contains("#note", StringComparison.Ordinal))];

    private static List<GraphRelationship> ParagraphCites(GraphDocument document) =>
        [.. document.Relationships.Where(r => r.Type == RelationshipTypes.Cites && r.Start != document.DocumentId)];

    private static List<string> CitesFrom(GraphDocument document, IEnumerable<GraphNode> paragraphs)
    {
        var ids = paragraphs.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return [.. ParagraphCites(document).Where(r => ids.Contains(r.Start)).Select(r => r.Start + " -> " + r.End)];
    }
}

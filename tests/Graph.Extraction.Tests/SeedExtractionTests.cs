using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>What the two seed resolutions must yield: 77/13 from PDF text, 71/12 from Markdown.</summary>
public sealed class SeedExtractionTests
{
    private static readonly Lazy<GraphDocument> Resolution77 = new(() => new DocumentExtractor().ExtractFile(Repository.Seed77));
    private static readonly Lazy<GraphDocument> Resolution71 = new(() => new DocumentExtractor().ExtractFile(Repository.Seed71));

    private const string Series = "series:cooperation-between-the-united-nations-and-the-collective-security-treaty-organization";

    private static GraphNode Node(GraphDocument document, string id) =>
        document.FindNode(id) ?? throw new Xunit.Sdk.XunitException($"no node {id}; nodes: {string.Join(", ", document.Nodes.Select(n => n.Id))}");

    private static IEnumerable<GraphRelationship> Relationships(GraphDocument document, string type, string? start = null, string? end = null) =>
        document.Relationships.Where(r => r.Type == type && (start is null || r.Start == start) && (end is null || r.End == end));

    [Fact]
    public void Resolution77HasItsOwnSymbolBodyKindAndDates()
    {
        var document = Resolution77.Value;
        Assert.Equal("A/RES/77/13", document.DocumentId);
        var node = Node(document, "A/RES/77/13");
        Assert.Equal(["Document", "Resolution"], node.Labels);
        Assert.Equal("General Assembly", node.GetString("body"));
        Assert.Equal("resolution", node.GetString("kind"));
        Assert.Equal("Cooperation between the United Nations and the Collective Security Treaty Organization", node.GetString("title"));
        Assert.Equal(77L, node.Properties["session"]);
        Assert.Equal("127 (t)", node.GetString("agendaItem"));
        Assert.Equal("2022-11-21", node.GetString("adoptionDate"));
        Assert.Equal("2022-11-25", node.GetString("distributionDate"));
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Resolution77WasAdoptedAtThe39thPlenaryMeetingFromDraftL13()
    {
        var document = Resolution77.Value;
        var meeting = Node(document, "A/77/PV.39");
        Assert.Contains(Labels.Meeting, meeting.Labels);
        Assert.Equal(39L, meeting.Properties["number"]);
        Assert.Equal("2022-11-21", meeting.GetString("date"));
        Assert.Single(Relationships(document, RelationshipTypes.AdoptedAt, "A/RES/77/13", "A/77/PV.39"));
        Assert.Single(Relationships(document, RelationshipTypes.AdoptedFrom, "A/RES/77/13", "A/77/L.13"));
        Assert.Equal("draft resolution", Node(document, "A/77/L.13").GetString("kind"));
        Assert.Single(Relationships(document, RelationshipTypes.InSession, "A/RES/77/13", "session:A/77"));
    }

    [Fact]
    public void Resolution77HasFifteenPreambularAndNineOperativeParagraphs()
    {
        var paragraphs = Resolution77.Value.Nodes.Where(n => n.HasLabel(Labels.Paragraph)).ToList();
        Assert.Equal(15, paragraphs.Count(p => p.GetString("kind") == "preambular"));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9"], paragraphs.Where(p => p.GetString("kind") == "operative").Select(p => p.GetString("number")));
        Assert.Equal("Referring further to", Node(Resolution77.Value, "A/RES/77/13#pp4").GetString("verb"));
        Assert.Equal("Requests", Node(Resolution77.Value, "A/RES/77/13#op8").GetString("verb"));
    }

    [Fact]
    public void Resolution77RejoinsTheParagraphsCutByFootnotesAndPageBreaks()
    {
        var document = Resolution77.Value;
        var pp5 = Node(document, "A/RES/77/13#pp5");
        Assert.StartsWith("Referring to all previous relevant resolutions of the Security Council", pp5.GetString("text"), StringComparison.Ordinal);
        Assert.Contains("the relevant statements by its President, including those of 13 January 2010 and 6 August 2013, which underline", pp5.GetString("text"), StringComparison.Ordinal);
        Assert.Equal(["3", "4"], (List<object?>)pp5.Properties["footnotes"]!);
        var pp13 = Node(document, "A/RES/77/13#pp13");
        Assert.Contains("Department of Peacekeeping Operations of the United Nations Secretariat of 28 September 2012", pp13.GetString("text"), StringComparison.Ordinal);
        // The span points at the rejoined paragraph in the normalised text.
        var start = (int)(long)pp5.Properties[PropertyNames.SpanStart]!;
        var end = (int)(long)pp5.Properties[PropertyNames.SpanEnd]!;
        Assert.StartsWith("Referring to all previous", document.Text[start..end], StringComparison.Ordinal);
    }

    [Fact]
    public void Resolution77Footnote1CitesTheJointReportAsOneDocument()
    {
        var document = Resolution77.Value;
        Assert.Equal("A/77/277-S/2022/606.", Node(document, "A/RES/77/13#fn1").GetString("text"));
        Assert.Single(Relationships(document, RelationshipTypes.HasFootnote, "A/RES/77/13#pp1", "A/RES/77/13#fn1"));
        var cites = Assert.Single(Relationships(document, RelationshipTypes.Cites, "A/RES/77/13#pp1"));
        Assert.Equal("A/77/277", cites.End);
        Assert.Equal("footnote", cites.Properties["via"]);
        Assert.Equal(1L, cites.Properties["footnote"]);
        Assert.StartsWith("the report of the Secretary-General on cooperation", (string)cites.Properties["context"]!, StringComparison.Ordinal);
        var report = Node(document, "A/77/277");
        Assert.True(report.IsStub);
        Assert.Equal(["S/2022/606"], (List<object?>)report.Properties["aliases"]!);
        Assert.Equal("report", report.GetString("kind"));
        Assert.Null(document.FindNode("S/2022/606"));
    }

    [Fact]
    public void Resolution77ResolvesTheNamedStrategyThroughFootnote5()
    {
        var document = Resolution77.Value;
        var cites = Assert.Single(Relationships(document, RelationshipTypes.Cites, "A/RES/77/13#pp9", "A/RES/60/288"));
        Assert.Equal(5L, cites.Properties["footnote"]);
        Assert.Equal("United Nations Global Counter-Terrorism Strategy", Node(document, "A/RES/60/288").GetString("title"));
        // Operative paragraph 5 names the Strategy without a mark: still a citation.
        Assert.Single(Relationships(document, RelationshipTypes.Cites, "A/RES/77/13#op5", "A/RES/60/288"));
    }

    [Fact]
    public void Resolution77CitesWithDatesAndWhatTheTextSays()
    {
        var document = Resolution77.Value;
        var cites59 = Assert.Single(Relationships(document, RelationshipTypes.Cites, "A/RES/77/13#pp3", "A/RES/59/50"));
        Assert.Equal("2004-12-02", cites59.Properties["date"]);
        Assert.Contains("in which it granted the Collective Security Treaty Organization observer status", (string)cites59.Properties["context"]!, StringComparison.Ordinal);
        var sc = Assert.Single(Relationships(document, RelationshipTypes.Cites, "A/RES/77/13#pp5", "S/RES/1631 (2005)"));
        Assert.Equal("inline", sc.Properties["via"]);
        Assert.Equal("2010-01-13", Node(document, "S/PRST/2010/1").GetString("adoptionDate"));
        Assert.Contains(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == "A/RES/77/13" && r.End == "A/RES/71/12");
        var aggregated = Assert.Single(Relationships(document, RelationshipTypes.Cites, "A/RES/77/13", "A/RES/60/288"));
        Assert.Equal(3L, aggregated.Properties["count"]);
    }

    [Fact]
    public void Resolution77NamesOperationsKanalAndNelegalWithTheirPurpose()
    {
        var document = Resolution77.Value;
        Assert.StartsWith("to combat the smuggling of Afghan opiates", Node(document, "operation:kanal").GetString("purpose"), StringComparison.Ordinal);
        Assert.Equal("aimed at reducing the incidence and negative impact of irregular migration", Node(document, "operation:nelegal").GetString("purpose"));
        Assert.Single(Relationships(document, RelationshipTypes.Mentions, "A/RES/77/13#pp12", "operation:nelegal"));
    }

    [Fact]
    public void Resolution77NamesTheMemorandaOfUnderstandingAndTheirParties()
    {
        var document = Resolution77.Value;
        var agreements = document.Nodes.Where(n => n.HasLabel(Labels.Agreement)).ToList();
        Assert.Equal(3, agreements.Count(a => a.GetString("kind") == "memorandum of understanding"));
        var unoct = Node(document, "agreement:memorandum-of-understanding-csto-unoct");
        Assert.Equal("2018-11-09", unoct.GetString("date"));
        Assert.Equal(["org:collective-security-treaty-organization", "org:united-nations-office-of-counter-terrorism"],
            Relationships(document, RelationshipTypes.PartyTo, end: unoct.Id).Select(r => r.Start).Order(StringComparer.Ordinal));
        // The Department of Peacekeeping Operations is the Department of Peace Operations since 2019.
        var peacekeeping = Node(document, "agreement:memorandum-of-understanding-csto-dpo");
        Assert.Equal("2012-09-28", peacekeeping.GetString("date"));
        Assert.Single(Relationships(document, RelationshipTypes.PartyTo, "org:department-of-peace-operations", peacekeeping.Id));
        Assert.Equal("Department of Peacekeeping Operations", Assert.Single(Relationships(document, RelationshipTypes.Mentions, "A/RES/77/13#pp13", "org:department-of-peace-operations")).Properties["asWritten"]);
        Assert.Equal("2010-03-18", Node(document, "agreement:joint-declaration-un-csto").GetString("date"));
    }

    [Fact]
    public void Resolution77ListsItsSeriesAsAChainOfSuccessors()
    {
        var document = Resolution77.Value;
        Assert.Equal("Cooperation between the United Nations and the Collective Security Treaty Organization", Node(document, Series).GetString("title"));
        string[] chain = ["A/RES/77/13", "A/RES/75/276", "A/RES/73/331", "A/RES/71/12", "A/RES/69/12", "A/RES/67/6", "A/RES/65/122", "A/RES/64/256"];
        foreach (var id in chain) Assert.Single(Relationships(document, RelationshipTypes.InSeries, id, Series));
        for (var k = 0; k < chain.Length - 1; k++) Assert.Single(Relationships(document, RelationshipTypes.Succeeds, chain[k], chain[k + 1]));
        Assert.Empty(Relationships(document, RelationshipTypes.InSeries, "A/RES/59/50"));
    }

    [Fact]
    public void Resolution77RequestsAReportAtTheSeventyNinthSession()
    {
        var request = Assert.Single(Relationships(Resolution77.Value, RelationshipTypes.Requests, "A/RES/77/13", "session:A/79"), r => (string?)r.Properties["what"] == "report");
        Assert.Equal("A/RES/77/13#op8", request.Properties["paragraph"]);
    }

    [Fact]
    public void EveryFactFromTextCarriesItsSourceAndSpan()
    {
        var document = Resolution77.Value;
        foreach (var item in document.Nodes.Select(n => (n.Id, n.Properties)).Concat(document.Relationships.Select(r => (r.Id, r.Properties))))
        {
            Assert.True(item.Properties.ContainsKey(PropertyNames.SpanStart), $"{item.Id} has no span");
            Assert.Equal("A/RES/77/13", item.Properties[PropertyNames.Source]);
            var start = (long)item.Properties[PropertyNames.SpanStart]!;
            var end = (long)item.Properties[PropertyNames.SpanEnd]!;
            Assert.InRange(start, 0, end);
            Assert.InRange(end, start, document.Text.Length);
        }
    }

    [Fact]
    public void Resolution71FromMarkdownHasTheSameStructure()
    {
        var document = Resolution71.Value;
        Assert.Equal("A/RES/71/12", document.DocumentId);
        var node = Node(document, "A/RES/71/12");
        Assert.Equal("2016-11-21", node.GetString("adoptionDate"));
        Assert.Equal("2016-12-05", node.GetString("distributionDate"));
        Assert.Equal("126 (v)", node.GetString("agendaItem"));
        Assert.Single(Relationships(document, RelationshipTypes.AdoptedAt, "A/RES/71/12", "A/71/PV.48"));
        Assert.Single(Relationships(document, RelationshipTypes.AdoptedFrom, "A/RES/71/12", "A/71/L.7"));
        var paragraphs = document.Nodes.Where(n => n.HasLabel(Labels.Paragraph)).ToList();
        Assert.Equal(14, paragraphs.Count(p => p.GetString("kind") == "preambular"));
        Assert.Equal(9, paragraphs.Count(p => p.GetString("kind") == "operative"));
        // Links and emphasis are gone from the text; <sup> marks became footnote numbers.
        var pp1 = Node(document, "A/RES/71/12#pp1");
        Assert.Equal("Having considered", pp1.GetString("verb"));
        Assert.Equal(["1"], (List<object?>)pp1.Properties["footnotes"]!);
        Assert.DoesNotContain("](", document.Text, StringComparison.Ordinal);
        Assert.Contains("potential to provide an adequate response", Node(document, "A/RES/71/12#pp6").GetString("text"), StringComparison.Ordinal);
        // "A/71/160-S/2016/621 and Add.1": the report and its addendum, each joint.
        Assert.Equal(["A/71/160", "A/71/160/Add.1"], Relationships(document, RelationshipTypes.Cites, "A/RES/71/12#pp1").Select(r => r.End).Order(StringComparer.Ordinal));
        Assert.Single(Relationships(document, RelationshipTypes.Cites, "A/RES/71/12#pp8", "A/RES/60/288"));
        Assert.Equal("Kanal", Node(document, "operation:kanal").GetString("name"));
        var plan = Assert.Single(document.Nodes, n => n.HasLabel(Labels.Agreement) && n.GetString("kind") == "plan of action");
        Assert.Equal(("Ashgabat", "2011-11-30"), (plan.GetString("place"), plan.GetString("date")));
        string[] chain = ["A/RES/71/12", "A/RES/69/12", "A/RES/67/6", "A/RES/65/122", "A/RES/64/256"];
        for (var k = 0; k < chain.Length - 1; k++) Assert.Single(Relationships(document, RelationshipTypes.Succeeds, chain[k], chain[k + 1]));
    }

    [Fact]
    public void ExtractingBothSeedsMergesTheStubOf71WithTheFullDocument()
    {
        var merger = new GraphMerger();
        merger.Add(Resolution77.Value);
        merger.Add(Resolution71.Value);
        var graph = merger.ToGraph();
        var node = Assert.Single(graph.Nodes, n => n.Id == "A/RES/71/12");
        Assert.False(node.IsStub);
        Assert.Equal("126 (v)", node.GetString("agendaItem"));
        Assert.Contains(graph.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == "A/RES/77/13" && r.End == "A/RES/71/12");
        Assert.Single(graph.Nodes, n => n.Id == "operation:kanal");
        Assert.Single(graph.Nodes, n => n.Id == "agreement:memorandum-of-understanding-csto-dpo");
    }
}

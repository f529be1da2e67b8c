using Graph.Model;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// A footnoted document named with a list of days ("the further report of the Secretary-General of 3, 11 and 22 March
/// 1993,¹¹", a report and its two addenda; "held in Kuala Lumpur on 24 and 25 February 2003"): the last day is not the
/// document's date, and the commas between the days end no clause of what the text calls it.
/// </summary>
public sealed class ListOfDaysTests
{
    private static GraphRelationship Citation(GraphDocument document, string paragraph, string cited) =>
        Assert.Single(document.Relationships, r => r.Type == RelationshipTypes.Cites && r.Start == $"{document.DocumentId}#{paragraph}" && r.End == cited);

    private static string? Text(GraphRelationship citation, string property) =>
        citation.Properties.TryGetValue(property, out var value) ? value?.ToString() : null;

    [Fact]
    public void AReportAndItsAddendaOfAListOfDaysTakeNoneOfTheDaysAsTheReportsDate()
    {
        var somalia = Extract("sc-resolutions", "S_RES_0814_1993_EN_GOLD.txt");
        foreach (var cited in new[] { "S/25354", "S/25354/Add.1", "S/25354/Add.2" })
        {
            var citation = Citation(somalia, "pp24", cited);
            Assert.Equal("the further report of the Secretary-General of 3, 11 and 22 March 1993", Text(citation, "context"));
            Assert.Null(Text(citation, "date"));
        }
        // Paragraph 4 names the report alone, "his report of 3 March 1993": that date is the report's.
        Assert.Equal("1993-03-03", Text(Citation(somalia, "op4", "S/25354"), "date"));
        Assert.Equal("1993-03-03", somalia.FindNode("S/25354")!.GetString("date"));
    }

    [Fact]
    public void AMeetingOfTwoDaysGivesNoDateToTheDocumentItsFootnoteCites()
    {
        var disarmament = Extract("ga-drafts", "A_C.1_80_L.10.txt");
        Assert.Null(Text(Citation(disarmament, "pp3", "A/57/759"), "date"));
        var lebanon = Extract("sc-resolutions", "S_RES_0630_1989_EN_GOLD.txt");
        Assert.Null(Text(Citation(lebanon, "pp2", "S/20416"), "date"));
    }

    [Fact]
    public void DatesOfTheirOwnInAListKeepTheirDate()
    {
        // "… of 28 May 2025, 21 October 2025 and 28 October 2025": each date has its year, so each is a date.
        var rights = Extract("ga-drafts", "A_C.3_80_L.33.txt");
        Assert.Equal("2025-10-21", Text(Citation(rights, "pp21", "A/80/497"), "date"));
        Assert.Equal("2025-10-28", Text(Citation(rights, "pp21", "A/HRC/58/67"), "date"));
    }
}

using Graph.Extraction.Recognisers;
using Graph.Model;
using Graph.Model.Symbols;
using static Graph.Extraction.Tests.UnDocument;

namespace Graph.Extraction.Tests;

/// <summary>
/// A Council meeting's number read against the meetings the collection dates before and after it
/// (graph/meetings/council-meetings.tsv): a closing line printed "838th", "2773th" or "I364th" where the year's meetings
/// are numbered in the 1800s, 2700s or 1500s is repaired where one character away lands in the range, else where one swap of
/// two adjacent digits does ("2491st" in 1990), or dropped.
/// </summary>
public sealed class CouncilMeetingSequenceTests
{
    [Fact]
    public void AMeetingOutOfItsYearsSequenceIsRepairedWhereOneCharacterAwayFits()
    {
        // S/RES/372 (1975), of 18 August 1975: "Adopted unanimously at the" / "838th meeting."; S/RES/374 of that day says 1838th.
        AssertRepaired("S_RES_0372_1975_EN_GOLD.txt", "S/PV.1838", 838);
        // S/RES/373 (1975), the same day: "1338th meeting."
        AssertRepaired("S_RES_0373_1975_EN_GOLD.txt", "S/PV.1838", 1338);
        // S/RES/588 (1986), of 8 October 1986: "2773th meeting". The 2673rd is also of 1986, but only the 2713th lies between
        // the 2708th (S/RES/587, 23 September) and the 2714th (S/RES/589, 10 October).
        AssertRepaired("S_RES_0588_1986_EN_GOLD.txt", "S/PV.2713", 2773);
        // S/RES/291 (1970), of 10 December 1970: "I364th meeting.", the I read as a 1; the 1564th was meant.
        AssertRepaired("S_RES_0291_1970_EN_GOLD.txt", "S/PV.1564", 1364);
        // A digit printed twice: "the 18522nd meeting" (S/RES/379 (1975)), "the 23111th meeting" (S/RES/493 (1981)).
        AssertRepaired("S_RES_0379_1975_EN_GOLD.txt", "S/PV.1852", 18522);
        AssertRepaired("S_RES_0493_1981_EN_GOLD.txt", "S/PV.2311", 23111);
    }

    [Fact]
    public void AMarredNumberWhoseEndingIsAnothersIsHeldToItsYear()
    {
        // S/RES/345 (1974), of 17 January 1974: "Adopted without a vote at" / "the 176I1st meeting.", read 17611, whose ending is
        // "th": the ending vouches for no number, but of the numbers one character away only the 1761st is of 1974, between the
        // 1760th (S/RES/344, 15 December 1973) and the 1765th (S/RES/346, 8 April 1974).
        AssertRepaired("S_RES_0345_1974_EN_GOLD.txt", "S/PV.1761", 17611);

        // The same closing in a resolution of 1984 fits nothing of that year: no meeting, and a warning at the number.
        var path = Path.Combine(TestData.UnDocuments, "sc-resolutions", "S_RES_0345_1974_EN_GOLD.txt");
        if (!File.Exists(path)) Assert.Skip("sc-resolutions/S_RES_0345_1974_EN_GOLD.txt is not in the reference collection.");
        var moved = new DocumentExtractor().ExtractText("S_RES_0345_1984_EN_GOLD.txt", File.ReadAllText(path).Replace("1974", "1984", StringComparison.Ordinal));
        Assert.Equal("S/RES/345 (1984)", moved.DocumentId);
        Assert.DoesNotContain(moved.Relationships, r => r.Type == RelationshipTypes.AdoptedAt);
        var warning = Assert.Single(moved.Diagnostics, d => d.Code == "meeting-out-of-sequence");
        Assert.Equal("176I1st meeting", moved.Text[warning.Span!.Value.Start..warning.Span.Value.End]);
    }

    [Fact]
    public void AMarredNumberWhoseEndingIsAnothersIsReadOnlyWhereTheSequenceChecksIt()
    {
        // The Council's symbols that state their year are checked whatever their date; the Assembly's meetings, and a Council
        // symbol without a year ("S/801"), are not, and the number is left unread there.
        Assert.Equal(17611, MeetingRead("S/RES/345 (1974)", " 176I1st meeting."));
        Assert.Equal(17611, MeetingRead("S/2022/606", " 176I1st meeting."));
        Assert.Null(MeetingRead("S/801", " 176I1st meeting."));
        Assert.Null(MeetingRead("A/DEC/78/501", " 176I1st plenary meeting, on 1 September 2023"));
        // An ending that fits the number read is read everywhere, as before.
        Assert.Equal(1761, MeetingRead("A/DEC/78/501", " 176Ist plenary meeting, on 1 September 2023"));
    }

    [Fact]
    public void TwoAdjacentDigitsSwappedAreRepairedWhereNoOneCharacterRepairFits()
    {
        // S/RES/668 (1990), of 20 September 1990: "2491st meeting." The year's meetings run from the 2895th to the 2975th, no
        // number one character from 2491 is among them, and of the swaps (4291, 2941, 2419) only the 2941st is: S/RES/667 and
        // S/RES/669 were adopted at the 2940th and the 2942nd.
        AssertRepaired("S_RES_0668_1990_EN_GOLD.txt", "S/PV.2941", 2491);
        // The resolution keeps its date.
        var cambodia = Extract("sc-resolutions", "S_RES_0668_1990_EN_GOLD.txt");
        Assert.Equal("1990-09-20", cambodia.FindNode(cambodia.DocumentId)!.GetString("adoptionDate"));
    }

    [Fact]
    public void AMeetingNoRepairFitsIsNotRecorded()
    {
        // "5491st" in 1990: neither a number one character away (2491 is not of 1990 either) nor a swap (4591, 5941, 5419) is among
        // the 2895th to the 2975th; no meeting rather than a wrong one, and a warning at the number.
        var sequence = Table("1989-12-14\t2895", "1991-01-09\t2975");
        var identity = Identity("S/RES/668 (1990)", 5491, "1990-09-20");
        var diagnostics = new List<Diagnostic>();
        sequence.Check(identity, diagnostics, "S_RES_0668_1990_EN_GOLD.txt");

        Assert.Null(identity.MeetingNumber);
        Assert.Null(identity.PrintedMeetingNumber);
        var warning = Assert.Single(diagnostics, d => d.Code == "meeting-out-of-sequence");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("5491st", warning.Message, StringComparison.Ordinal);
        Assert.Contains("2895–2975", warning.Message, StringComparison.Ordinal);
        Assert.Contains("no number one character away or with two adjacent digits swapped", warning.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceSpan(0, 10), warning.Span);
    }

    [Fact]
    public void RightMeetingsOfTheSameYearsAreReadAsPrinted()
    {
        AssertAsPrinted("S_RES_0374_1975_EN_GOLD.txt", "S/PV.1838");
        AssertAsPrinted("S_RES_0378_1975_EN_GOLD.txt", "S/PV.1851");   // "I851st", read by its ending
        AssertAsPrinted("S_RES_0587_1986_EN_GOLD.txt", "S/PV.2708");
        AssertAsPrinted("S_RES_0589_1986_EN_GOLD.txt", "S/PV.2714");
        AssertAsPrinted("S_RES_0667_1990_EN_GOLD.txt", "S/PV.2940");
        AssertAsPrinted("S_RES_0669_1990_EN_GOLD.txt", "S/PV.2942");
        AssertAsPrinted("S_RES_0288_1970_EN_GOLD.txt", "S/PV.1557");
        // S/RES/290 (1970) states no date: its year's range alone is enough.
        AssertAsPrinted("S_RES_0290_1970_EN_GOLD.txt", "S/PV.1563");
        // S/RES/278 (1970) is printed "of 21 May 1970" for the 11th: the 1536th falls before the 1542nd of 19 May, but the year,
        // not the day, decides whether a number is wrong, and the meeting stays.
        AssertAsPrinted("S_RES_0278_1970_EN_GOLD.txt", "S/PV.1536");
    }

    [Fact]
    public void SeveralRepairsThatFitTheYearAreNoneUnlessOneFitsTheDay()
    {
        // S/RES/89 (1950)'s "424th" with the meetings the collection dates around it: 454th to 494th and 524th are all of 1950,
        // and only the 524th lies between the 503rd of 8 November and the 539th of 1951.
        var sequence = Table("1949-12-27\t452", "1950-11-08\t503", "1951-01-31\t539");
        var dated = Identity("S/RES/89 (1950)", 424, "1950-11-17");
        sequence.Check(dated, [], "S_RES_0089_1950_EN_GOLD.txt");
        Assert.Equal(524, dated.MeetingNumber!.Value.Value);
        Assert.Equal(424, dated.PrintedMeetingNumber);

        var undated = Identity("S/RES/89 (1950)", 424, null);
        var diagnostics = new List<Diagnostic>();
        sequence.Check(undated, diagnostics, "S_RES_0089_1950_EN_GOLD.txt");
        Assert.Null(undated.MeetingNumber);
        Assert.Contains("6 numbers one character away", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASwapIsNotReadWhereARepairOneCharacterAwayFits()
    {
        // "2791st" in a year of the 2673rd to the 2729th, undated: the 2691st, 2701st, 2711th and 2721st are one character away and
        // none is told from the others, so none is taken; the swap 2719 fits the year too, but is no better a guess than they.
        var sequence = Table("1985-12-30\t2673", "1987-01-02\t2729");
        var printed = Identity("S/RES/588 (1986)", 2791, null);
        var diagnostics = new List<Diagnostic>();
        sequence.Check(printed, diagnostics, "S_RES_0588_1986_EN_GOLD.txt");

        Assert.Null(printed.MeetingNumber);
        Assert.Contains("numbers one character away are", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATableOutOfOrderOrUnreadableIsRefused()
    {
        var falling = Assert.Throws<FormatException>(() => Table("1975-08-18\t1838", "1975-11-02\t1822"));
        Assert.Contains("rise in date and meeting number", falling.Message, StringComparison.Ordinal);
        Assert.Contains(":2:", falling.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Table("18 August 1975\t1838"));
        Assert.Throws<FormatException>(() => Table("1975-08-18\tI838"));
    }

    [Fact]
    public void TheNumbersOneCharacterAwayChangeDropOrAddADigit()
    {
        var near = CouncilMeetingSequence.OneCharacterAway(838).ToList();
        Assert.Contains(1838, near);   // a digit added
        Assert.Contains(83, near);     // one dropped
        Assert.Contains(858, near);    // one changed
        Assert.DoesNotContain(838, near);
        Assert.DoesNotContain(388, near);   // two digits swapped is two characters
        Assert.All(near, n => Assert.True(n > 0));
    }

    [Fact]
    public void TheSwapsOfAdjacentDigitsChangeTheirOrderOnly()
    {
        Assert.Equal([2419, 2941, 4291], CouncilMeetingSequence.AdjacentDigitsSwapped(2491));
        // Equal digits swapped are the same number, and a swap that leads with a 0 is no number.
        Assert.Equal([1010], CouncilMeetingSequence.AdjacentDigitsSwapped(1001));
        Assert.Empty(CouncilMeetingSequence.AdjacentDigitsSwapped(7));
    }

    private static void AssertRepaired(string file, string meeting, long printed)
    {
        var document = Extract("sc-resolutions", file);
        var adopted = Assert.Single(document.Relationships, r => r.Type == RelationshipTypes.AdoptedAt);
        Assert.Equal(meeting, adopted.End);
        Assert.Equal(printed, adopted.Properties["printedNumber"]);
        Assert.DoesNotContain(document.Diagnostics, d => d.Code == "meeting-out-of-sequence");
    }

    private static void AssertAsPrinted(string file, string meeting)
    {
        var adopted = Assert.Single(Extract("sc-resolutions", file).Relationships, r => r.Type == RelationshipTypes.AdoptedAt);
        Assert.Equal(meeting, adopted.End);
        Assert.False(adopted.Properties.ContainsKey("printedNumber"));
    }

    private static long? MeetingRead(string symbol, string phrase)
    {
        Assert.True(DocumentSymbol.TryParse(symbol, out var parsed));
        var identity = new DocumentIdentity { Symbol = parsed, SymbolSource = "text" };
        HeadingRecogniser.ReadMeetingPhrase(phrase, 0, identity);
        return identity.MeetingNumber?.Value;
    }

    private static CouncilMeetingSequence Table(params string[] rows) =>
        CouncilMeetingSequence.Load(new StringReader(string.Join('\n', rows)), "test table");

    private static DocumentIdentity Identity(string symbol, long meeting, string? date)
    {
        Assert.True(DocumentSymbol.TryParse(symbol, out var parsed));
        return new DocumentIdentity
        {
            Symbol = parsed,
            SymbolSource = "text",
            MeetingNumber = new Stated<long>(meeting, new SourceSpan(0, 10)),
            AdoptionDate = date is null ? null : new Stated<string>(date, new SourceSpan(20, 30)),
        };
    }
}

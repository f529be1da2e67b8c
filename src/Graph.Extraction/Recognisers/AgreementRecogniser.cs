using Graph.Model;
using Graph.Model.Symbols;

namespace Graph.Extraction.Recognisers;

/// <summary>An agreement a paragraph refers to: its kind, title words, parties, date and place.</summary>
internal sealed record AgreementMention(string Kind, string Text, IReadOnlyList<OrganisationMention> Parties, string? Date, string? Place, SourceSpan Span);

/// <summary>
/// Agreements between organisations as UN texts describe them: "the memorandum of understanding between the
/// secretariat of A and B, signed on 9 November 2018", "the Joint Declaration on Cooperation between the
/// Secretariats of A and B of 18 March 2010", "the joint plan of action …, adopted in Ashgabat on 30 November
/// 2011", "the signing on 17 January 2017 of the memorandum of understanding between …". Parties are the
/// organisations named after "between"; an organisation that only qualifies another ("… of the United
/// Nations Secretariat") is not a party of its own.
/// </summary>
internal static class AgreementRecogniser
{
    private static readonly (string Phrase, string Kind)[] Kinds =
    [
        ("memorandum of understanding", "memorandum of understanding"),
        ("Memorandum of Understanding", "memorandum of understanding"),
        ("memorandums of understanding", "memorandum of understanding"),
        ("Joint Declaration", "joint declaration"),
        ("joint declaration", "joint declaration"),
        ("joint plan of action", "plan of action"),
        ("Joint Plan of Action", "plan of action"),
        ("framework agreement", "agreement"),
        ("cooperation agreement", "agreement"),
        ("peace agreement", "agreement"),
    ];

    /// <summary>All the phrases at once: most paragraphs name no agreement, and one search tells so.</summary>
    private static readonly System.Buffers.SearchValues<string> AnyPhrase =
        System.Buffers.SearchValues.Create([.. Kinds.Select(k => k.Phrase)], StringComparison.Ordinal);

    public static List<AgreementMention> Recognise(string text, int start, int end, IReadOnlyList<OrganisationMention> organisations)
    {
        var result = new List<AgreementMention>();
        if (!text.AsSpan(start, end - start).ContainsAny(AnyPhrase)) return result;
        foreach (var (phrase, kind) in Kinds)
        {
            var at = start;
            while ((at = text.IndexOf(phrase, at, end - at, StringComparison.Ordinal)) >= 0)
            {
                var clauseEnd = ClauseEnd(text, at + phrase.Length, end);
                var parties = Parties(text, at, clauseEnd, organisations);
                var date = DateIn(text, at, clauseEnd) ?? DateBefore(text, at, start);
                var place = PlaceIn(text, at, clauseEnd);
                // An agreement we cannot tell apart from others (no party, date or place) is not worth a node.
                if (parties.Count == 0 && date is null && place is null) { at = clauseEnd; if (at >= end) break; continue; }
                result.Add(new AgreementMention(kind, ParagraphRecogniser.CleanText(text[at..clauseEnd]).TrimEnd(',', ' '), parties, date, place, new SourceSpan(at, clauseEnd)));
                at = clauseEnd;
                if (at >= end) break;
            }
        }
        return result;
    }

    /// <summary>The clause runs to the date that closes it, or to the next ";", ", including", ", aimed" or the paragraph's end.</summary>
    private static int ClauseEnd(string text, int from, int end)
    {
        var limit = Math.Min(end, from + 320);
        foreach (var stop in (ReadOnlySpan<string>)[";", ", including", ", aimed", ", which", " and emphasizing", ", as well as"])
        {
            var k = text.IndexOf(stop, from, limit - from, StringComparison.Ordinal);
            if (k >= 0) limit = k;
        }
        // A date ends the clause: "… signed on 9 November 2018", "… of 18 March 2010".
        if (DateText.TryFind(text, from, limit - from, out _, out _, out var dateEnd)) limit = Math.Min(limit, dateEnd);
        return limit;
    }

    private static List<OrganisationMention> Parties(string text, int start, int end, IReadOnlyList<OrganisationMention> organisations)
    {
        var between = text.IndexOf(" between ", start, end - start, StringComparison.Ordinal);
        if (between < 0) return [];
        var parties = new List<OrganisationMention>();
        // The mentions are in the order of the text and do not overlap: those of the clause are found by a binary search,
        // not by reading the paragraph's every mention for every agreement (a paragraph naming an agreement and two
        // organisations every 75 bytes took minutes).
        for (var m = FirstStartingAfter(organisations, between); m < organisations.Count && organisations[m].Span.Start < end; m++)
        {
            var mention = organisations[m];
            if (mention.Span.End > end) continue;
            // "the Department of Peacekeeping Operations of the United Nations Secretariat": the Secretariat qualifies, it is not a party.
            var gapStart = parties.Count > 0 ? parties[^1].Span.End : -1;
            if (gapStart >= 0)
            {
                var gap = text[gapStart..mention.Span.Start];
                if (gap is " of the " or " of ") continue;
            }
            if (parties.All(p => p.Id != mention.Id)) parties.Add(mention);
        }
        return parties;
    }

    /// <summary>The index of the first mention starting after <paramref name="position"/> (the mentions are sorted by their start).</summary>
    private static int FirstStartingAfter(IReadOnlyList<OrganisationMention> mentions, int position)
    {
        int low = 0, high = mentions.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (mentions[middle].Span.Start > position) high = middle;
            else low = middle + 1;
        }
        return low;
    }

    private static string? DateIn(string text, int start, int end) =>
        DateText.TryFind(text, start, end - start, out var date, out _, out _) ? date : null;

    /// <summary>"the signing on 17 January 2017 of the memorandum": a date just before the phrase.</summary>
    private static string? DateBefore(string text, int at, int paragraphStart)
    {
        var from = Math.Max(paragraphStart, at - 40);
        return DateText.TryFind(text, from, at - from, out var date, out _, out var dateEnd) && text.AsSpan(dateEnd, at - dateEnd).Trim().SequenceEqual("of the") ? date : null;
    }

    private static string? PlaceIn(string text, int start, int end)
    {
        foreach (var marker in (ReadOnlySpan<string>)["adopted in ", "signed in ", "concluded in "])
        {
            var k = text.IndexOf(marker, start, end - start, StringComparison.Ordinal);
            if (k < 0) continue;
            var s = k + marker.Length;
            var e = s;
            while (e < end && (char.IsLetter(text[e]) || (text[e] == ' ' && e + 1 < end && char.IsUpper(text[e + 1])))) e++;
            if (e > s && char.IsUpper(text[s])) return text[s..e];
        }
        return null;
    }
}

using Graph.Model;

namespace Graph.Extraction.Recognisers;

/// <summary>The series a resolution belongs to, and the earlier resolutions of it the text lists in order.</summary>
internal sealed record SeriesInfo(string Title, SourceSpan Span, IReadOnlyList<Citation> Earlier, bool SelfBelongs);

/// <summary>
/// Recurring resolutions on one agenda sub-item form a series. The agenda line names it ("Cooperation between
/// the United Nations and regional and other organizations: cooperation between the United Nations and the
/// Collective Security Treaty Organization"; the sub-item is after the colon), and the preamble recalls the
/// series' earlier resolutions in chronological order ("its resolutions 64/256 of 2 March 2010, … and
/// 75/276 of 28 April 2021 on cooperation between …"). A resolution whose title is the list's subject
/// belongs to the series even where its agenda line gives no title.
/// </summary>
internal static class SeriesRecogniser
{
    private const int MaxListGap = 40;

    public static SeriesInfo? Recognise(string text, DocumentIdentity identity, IReadOnlyList<ParagraphInfo> paragraphs, IReadOnlyList<Citation> citations)
    {
        string? title = null;
        var span = default(SourceSpan);
        // Only resolutions, decisions and their drafts belong to a series of the Assembly's agenda.
        if (identity.Kind is not ("resolution" or "decision" or "draft resolution" or "draft decision")) return null;
        if (identity.AgendaTitle is { } agenda)
        {
            var colon = agenda.Value.IndexOf(": ", StringComparison.Ordinal);
            title = colon >= 0 ? Capitalise(agenda.Value[(colon + 2)..]) : null;
            span = agenda.Span;
        }
        var candidates = new List<string>();
        if (title is not null) candidates.Add(title);
        if (identity.Title is { } own) candidates.Add(own.Value);
        foreach (var candidate in candidates.Distinct())
        {
            var earlier = ListedBefore(text, candidate, paragraphs, citations, out var listSpan);
            if (earlier.Count > 0 || ReferenceEquals(candidate, title))
            {
                var selfBelongs = ReferenceEquals(candidate, title) || identity.Kind == "resolution";
                return new SeriesInfo(candidate, earlier.Count > 0 && title is null ? listSpan : span, earlier, selfBelongs);
            }
        }
        return null;
    }

    /// <summary>Resolutions listed right before "on &lt;title&gt;", in the order listed.</summary>
    private static List<Citation> ListedBefore(string text, string title, IReadOnlyList<ParagraphInfo> paragraphs, IReadOnlyList<Citation> citations, out SourceSpan span)
    {
        span = default;
        if (string.IsNullOrWhiteSpace(title)) return [];
        var phrase = "on " + char.ToLowerInvariant(title[0]) + title[1..];
        foreach (var paragraph in paragraphs.Where(p => p.Kind == "preambular"))
        {
            var at = text.IndexOf(phrase, paragraph.ContentStart, paragraph.Span.End - paragraph.ContentStart, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var inParagraph = citations
                .Where(c => c.Paragraph.Id == paragraph.Id && c.Via == "inline" && c.Span.End <= at && c.Cited.Kind == "resolution")
                .OrderBy(c => c.Span.Start).ToList();
            var list = new List<Citation>();
            var boundary = at;
            for (var k = inParagraph.Count - 1; k >= 0; k--)
            {
                var gap = text.AsSpan(inParagraph[k].Span.End, boundary - inParagraph[k].Span.End);
                if (gap.Length > MaxListGap || gap.Contains(';')) break;
                list.Insert(0, inParagraph[k]);
                boundary = inParagraph[k].Span.Start;
            }
            if (list.Count == 0) continue;
            span = new SourceSpan(list[0].Span.Start, at + phrase.Length);
            return list;
        }
        return [];
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

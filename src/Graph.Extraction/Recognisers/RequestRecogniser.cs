using Graph.Model;

namespace Graph.Extraction.Recognisers;

/// <summary>What an operative paragraph asks for, and at which session.</summary>
internal sealed record RequestInfo(ParagraphInfo Paragraph, string What, int Session, string? Addressee, SourceSpan Span);

/// <summary>
/// Requests of the General Assembly follow a fixed form: "Requests the Secretary-General to submit to the
/// General Assembly at its seventy-ninth session a report on …"; and the series continues with "Decides to
/// include in the provisional agenda of its seventy-ninth session … the sub-item entitled …".
/// </summary>
internal static class RequestRecogniser
{
    public static List<RequestInfo> Recognise(string text, IReadOnlyList<ParagraphInfo> paragraphs)
    {
        var result = new List<RequestInfo>();
        // Found once in the whole text: searched for in each paragraph, it cost more than every other request step together.
        var sessionWords = Ordinals.SessionWords(text);
        foreach (var paragraph in paragraphs.Where(p => p.Kind == "operative" && p.Verb is not null))
        {
            var verb = paragraph.Verb!;
            var start = paragraph.ContentStart;
            var end = paragraph.Span.End;
            if (!Ordinals.TryFindSession(text, sessionWords, start, end, out var session, out var s, out var e)) continue;
            if (verb.EndsWith("Requests", StringComparison.Ordinal) || verb.EndsWith("requests", StringComparison.Ordinal))
            {
                var body = text[start..end];
                var what = body.Contains("report", StringComparison.Ordinal) ? "report" : "action";
                var addressee = body.Contains("the Secretary-General", StringComparison.Ordinal) ? "Secretary-General" : null;
                result.Add(new RequestInfo(paragraph, what, session, addressee, new SourceSpan(s, e)));
            }
            else if (verb.EndsWith("Decides", StringComparison.Ordinal) && text.IndexOf("provisional agenda", start, end - start, StringComparison.Ordinal) >= 0)
            {
                result.Add(new RequestInfo(paragraph, "agenda item", session, null, new SourceSpan(s, e)));
            }
        }
        return result;
    }
}

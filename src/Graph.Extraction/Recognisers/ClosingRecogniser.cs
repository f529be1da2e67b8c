using Graph.Extraction.Structure;
using Graph.Model;
using Graph.Model.Symbols;

namespace Graph.Extraction.Recognisers;

/// <summary>
/// The closing lines of a resolution: the General Assembly prints the plenary meeting and date under the
/// last paragraph ("39th plenary meeting / 21 November 2022"); old Security Council resolutions end with
/// "Adopted at the 30th meeting by 9 votes …" or "Adopted unanimously at the 1145th meeting".
/// </summary>
internal static class ClosingRecogniser
{
    public static void Recognise(LaidOutText laid, DocumentIdentity identity)
    {
        var text = laid.Text;
        foreach (var block in laid.Blocks.Where(b => b.Kind == BlockKind.Closing))
        {
            var s = block.Start;
            while (s < block.End && text[s] == '*') s++;
            var p = s;
            var number = 0L;
            while (p < block.End && char.IsAsciiDigit(text[p]) && p - s < 6) number = number * 10 + (text[p++] - '0');
            if (p > s && text.IndexOf("plenary meeting", p, Math.Min(20, block.End - p), StringComparison.Ordinal) >= 0)
            {
                var meetingEnd = text.IndexOf("meeting", p, StringComparison.Ordinal) + "meeting".Length;
                identity.MeetingNumber ??= new Stated<long>(number, new SourceSpan(s, meetingEnd));
                if (DateText.TryFind(text, meetingEnd, 30, out var date, out var ds, out var de))
                {
                    identity.MeetingDate ??= new Stated<string>(date, new SourceSpan(ds, de));
                    identity.AdoptionDate ??= new Stated<string>(date, new SourceSpan(ds, de));
                }
                continue;
            }
            if (!text.AsSpan(s, block.End - s).StartsWith("Adopted", StringComparison.Ordinal)) continue;
            var at = AtThe(text, s, Math.Min(AdoptedPhraseLength, block.End - s));
            if (at >= 0) HeadingRecogniser.ReadMeetingPhrase(text, at, identity);
        }
    }

    /// <summary>
    /// How far into the closing "at the" may come: "Adopted unanimously, without a vote, at the 2008th meeting" (S/RES/406
    /// (1977)) puts it 36 characters in.
    /// </summary>
    private const int AdoptedPhraseLength = 60;

    /// <summary>
    /// Where the meeting's number may start after "at the" within <paramref name="length"/> characters of <paramref name="start"/>,
    /// or -1: the volumes break the line after it ("Adopted unanimously at the" / "2844th meeting.", S/RES/631 (1989)) or
    /// inside it ("Adopted without a vote at" / "the 1776th meeting.", S/RES/351 (1974)) as often as after the number, write
    /// "at its" or "at the resumed 2190th meeting", and a scan may capitalise it ("Adopted unanimously At the 1677th meeting").
    /// </summary>
    private static int AtThe(string text, int start, int length)
    {
        var window = text.AsSpan(start, length);
        for (var i = 1; i + 2 < window.Length; i++)
        {
            if (window[i - 1] != ' ' || window[i] is not ('a' or 'A') || window[i + 1] != 't' || window[i + 2] is not (' ' or '\n')) continue;
            var rest = window[(i + 3)..];
            if (!rest.StartsWith("the", StringComparison.Ordinal) && !rest.StartsWith("its", StringComparison.Ordinal)) continue;
            if (rest.Length < 4 || rest[3] is not (' ' or '\n')) continue;
            var p = start + i + 7;
            if (text.AsSpan(p).StartsWith("resumed ", StringComparison.Ordinal)) p += "resumed ".Length;
            return p;
        }
        return -1;
    }
}

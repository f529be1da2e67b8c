using Graph.Extraction.Structure;
using Graph.Model;
using Graph.Model.Symbols;

namespace Graph.Extraction.Recognisers;

/// <summary>
/// Reads the masthead and heading of a UN document as the Editorial Manual lays them out: organ name,
/// "Distr.: General" with the distribution date, the session ("Seventy-seventh session"), "Agenda item
/// 127 (t)" with the item's title, "Resolution adopted by the General Assembly on 21 November 2022",
/// the bracketed line naming the draft or report ("[without reference to a Main Committee (A/77/L.13)]",
/// "[on the report of the Third Committee (A/78/481/Add.2, para. 139)]"), the title.
/// </summary>
internal static class HeadingRecogniser
{
    public static void Recognise(LaidOutText laid, DocumentIdentity identity)
    {
        var text = laid.Text;
        var top = TopEnd(laid);
        identity.Body = BodyOf(text, top, identity.Symbol);
        identity.DistributionDate = DistributionDate(text, top);
        identity.Session = Session(text, top, identity.Symbol);
        ReadAgenda(text, top, identity);
        ReadAdoption(text, top, identity);
        ReadAdoptedFrom(text, top, identity);
        identity.Title = Title(laid, top, identity);
        identity.Kind = KindRecogniser.Recognise(text, top, identity.Symbol);
    }

    /// <summary>The heading ends where the body starts (the organ's name line) or after the first blocks.</summary>
    internal static int TopEnd(LaidOutText laid)
    {
        var text = laid.Text;
        foreach (var block in laid.Blocks)
        {
            if (block.Kind == BlockKind.Heading && ParagraphAssembler.IsPreambleStart(laid.TextOf(block))) return block.End;
        }
        var lastHeading = laid.Blocks.LastOrDefault(b => b.Kind == BlockKind.Heading);
        var limit = Math.Min(text.Length, 2500);
        return lastHeading is null ? limit : Math.Max(Math.Min(lastHeading.End, 4000), Math.Min(limit, 1200));
    }

    private static string? BodyOf(string text, int top, DocumentSymbol symbol)
    {
        var aliases = symbol.Aliases.Select(a => DocumentSymbol.FromCanonical(a).Body).ToList();
        if (symbol.Body == "General Assembly" && aliases.Contains("Security Council")) return "General Assembly and Security Council";
        if (symbol.Body is not null) return symbol.Body;
        var head = text[..Math.Min(top, text.Length)];
        foreach (var body in (ReadOnlySpan<string>)["General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council"])
        {
            if (head.Contains(body, StringComparison.Ordinal)) return body;
        }
        return null;
    }

    private static Stated<string>? DistributionDate(string text, int top)
    {
        var i = text.IndexOf("Distr.", 0, Math.Min(top, text.Length), StringComparison.Ordinal);
        if (i < 0) return null;
        return DateText.TryFind(text, i, 80, out var date, out var start, out var end) ? new Stated<string>(date, new SourceSpan(start, end)) : null;
    }

    private static Stated<long>? Session(string text, int top, DocumentSymbol symbol)
    {
        if (Ordinals.TryFindSession(text, 0, Math.Min(top, text.Length), out var session, out var start, out var end))
        {
            // "tenth emergency special session" is not the regular session.
            var before = text[Math.Max(0, start - 20)..start];
            // A GA symbol carries its session; a session named elsewhere in the text ("until the seventy-second session") is not the document's.
            var agrees = symbol.Session is not { } fromSymbol || fromSymbol == session;
            if (agrees && !before.Contains("special", StringComparison.OrdinalIgnoreCase) && !text[start..Math.Min(text.Length, end + 1)].Contains("special", StringComparison.Ordinal))
                return new Stated<long>(session, new SourceSpan(start, end));
        }
        return null;
    }

    private static void ReadAgenda(string text, int top, DocumentIdentity identity)
    {
        var limit = Math.Min(top, text.Length);
        var i = text.IndexOf("Agenda item", 0, limit, StringComparison.Ordinal);
        var p = i + "Agenda item".Length;
        if (i < 0)
        {
            // Pre-session documents: "Item 72 (b) of the provisional agenda*".
            i = text.IndexOf("Item ", 0, limit, StringComparison.Ordinal);
            if (i < 0 || (i > 0 && !char.IsWhiteSpace(text[i - 1])) || text.IndexOf("of the provisional agenda", i, Math.Min(60, text.Length - i), StringComparison.Ordinal) < 0) return;
            p = i + "Item".Length;
        }
        if (p < text.Length && text[p] == 's') p++;
        while (p < text.Length && text[p] == ' ') p++;
        var start = p;
        // "127 (t)", "69 (a) and 135", "99 (f)"
        while (p < limit && (char.IsAsciiDigit(text[p]) || text[p] is ' ' or '(' or ')' or ',' || char.IsAsciiLetterLower(text[p]) && p > start && (text[p - 1] == '(' || char.IsAsciiLetterLower(text[p - 1])) || (string.CompareOrdinal(text, p, "and ", 0, 4) == 0)))
        {
            if (string.CompareOrdinal(text, p, "and ", 0, 4) == 0) p += 4;
            else p++;
        }
        var end = p;
        while (end > start && text[end - 1] is ' ' or ',') end--;
        if (end <= start || !char.IsAsciiDigit(text[start])) return;
        identity.AgendaItem = new Stated<string>(text[start..end].Replace(" and", " and", StringComparison.Ordinal), new SourceSpan(start, end));
        // The item's title follows on the next lines, up to the blank line.
        var titleStart = end;
        while (titleStart < limit && text[titleStart] is ' ' or '\n') titleStart++;
        var titleEnd = text.IndexOf("\n\n", titleStart, StringComparison.Ordinal);
        // Where the agenda item shares its block with the session line, the title is the next block.
        if (titleStart >= limit || titleEnd < 0) return;
        if (titleEnd > limit) titleEnd = limit;
        // The title ends where the block does, or where a list of sponsors starts ("Antigua and Barbuda, Argentina,* …").
        var colon = text.IndexOf(':', titleStart, titleEnd - titleStart);
        if (colon >= 0)
        {
            var lineBreak = text.IndexOf('\n', colon, titleEnd - colon);
            while (lineBreak >= 0)
            {
                var nextBreak = text.IndexOf('\n', lineBreak + 1, titleEnd - lineBreak - 1);
                var line = text[(lineBreak + 1)..(nextBreak < 0 ? titleEnd : nextBreak)];
                if (line.Count(c => c == ',') >= 3 || line.Contains('*', StringComparison.Ordinal)
                    || line.Contains("draft resolution", StringComparison.OrdinalIgnoreCase) || line.Contains("draft decision", StringComparison.OrdinalIgnoreCase)) { titleEnd = lineBreak; break; }
                lineBreak = nextBreak;
            }
        }
        if (titleEnd <= titleStart) return;
        var title = Collapse(text[titleStart..titleEnd]);
        if (title.Length is < 4 or > 300 || title.StartsWith("Resolution", StringComparison.Ordinal) || title.StartsWith("Decision", StringComparison.Ordinal)
            || title.StartsWith('[') || title.EndsWith("draft resolution", StringComparison.Ordinal)) return;
        identity.AgendaTitle = new Stated<string>(title, new SourceSpan(titleStart, titleEnd));
    }

    private static void ReadAdoption(string text, int top, DocumentIdentity identity)
    {
        var limit = Math.Min(top, text.Length);
        // GA: "Resolution adopted by the General Assembly on 21 November 2022"
        var i = text.IndexOf("adopted by the General Assembly", 0, limit, StringComparison.Ordinal);
        if (i >= 0 && DateText.TryFind(text, i, 60, out var date, out var s, out var e) && text[(i + "adopted by the General Assembly".Length)..s].Trim() == "on")
            identity.AdoptionDate = new Stated<string>(date, new SourceSpan(s, e));
        // SC: "Adopted by the Security Council at its 9847th meeting, on 24 January 2025"
        var sc = text.IndexOf("Adopted by the Security Council at its", 0, limit, StringComparison.Ordinal);
        if (sc >= 0) ReadMeetingPhrase(text, sc + "Adopted by the Security Council at its".Length, identity);
        // Old SC headings: "3 (1946). Resolution of 4 April 1946"
        var old = text.IndexOf("Resolution of ", 0, limit, StringComparison.Ordinal);
        if (identity.AdoptionDate is null && old >= 0 && DateText.TryRead(text, old + "Resolution of ".Length, out date, out e))
            identity.AdoptionDate = new Stated<string>(date, new SourceSpan(old + "Resolution of ".Length, e));
        // "Resolution 342 (1973)\nof 11 December 1973", "Resolution 556 (1984)\n\nof 23 October 1984" (a blank line between).
        var numbered = text.IndexOf("Resolution ", 0, limit, StringComparison.Ordinal);
        if (identity.AdoptionDate is null && numbered >= 0)
        {
            var close = text.IndexOf(')', numbered, Math.Min(30, limit - numbered));
            var of = close + 1;
            while (close > 0 && of < limit && of - close < 8 && char.IsWhiteSpace(text[of])) of++;
            if (close > 0 && of > close + 1 && string.CompareOrdinal(text, of, "of ", 0, 3) == 0)
            {
                if (DateText.TryRead(text, of + 3, out date, out e)) identity.AdoptionDate = new Stated<string>(date, new SourceSpan(of + 3, e));
            }
        }
        // IGov decisions: "At its 99th plenary meeting, on 1 September 2023, the General Assembly decided"
        var igov = text.IndexOf("At its ", StringComparison.Ordinal);
        if (identity.Symbol.Kind == "decision" && igov >= 0 && igov < Math.Min(text.Length, top + 400)) ReadMeetingPhrase(text, igov + "At its".Length, identity);
    }

    /// <summary>" 9847th meeting, on 24 January 2025" / " 99th plenary meeting, on 1 September 2023".</summary>
    internal static void ReadMeetingPhrase(string text, int p, DocumentIdentity identity)
    {
        while (p < text.Length && text[p] is ' ' or '\n') p++;
        var start = p;
        if (!TryReadMeetingNumber(text, ref p, out var number, out var endingFits)) return;
        // A marred number whose ending is another number's ("176I1st", read 17611) is kept only where the Council's sequence
        // will hold it to its year, which repairs it (the 1761st) or drops it; nothing checks the Assembly's.
        if (!endingFits && !CouncilMeetingSequence.ChecksEveryMeetingOf(identity.Symbol)) return;
        var meetingEnd = text.IndexOf("meeting", p, StringComparison.Ordinal);
        if (meetingEnd < 0 || meetingEnd - p > 20) return;
        meetingEnd += "meeting".Length;
        identity.MeetingNumber ??= new Stated<long>(number, new SourceSpan(start, meetingEnd));
        if (DateText.TryFind(text, meetingEnd, 20, out var date, out var s, out var e))
        {
            identity.MeetingDate ??= new Stated<string>(date, new SourceSpan(s, e));
            identity.AdoptionDate ??= new Stated<string>(date, new SourceSpan(s, e));
        }
    }

    /// <summary>
    /// A meeting's ordinal at <paramref name="p"/> ("2844th", "99th"), <paramref name="p"/> moved past it. A scan's damage is
    /// read where the ordinal's ending vouches for the number: a capital I or small l or i for a 1 and a capital O for a 0
    /// ("298Ist", "326lst", "I364th", "3O93rd"), a space inside the number ("283 3rd", "295 1st"). A repaired number whose
    /// ending is an ordinal's but not its own ("176I1st", 17611) is read with <paramref name="endingFits"/> false: the ending
    /// vouches for no number, and only a check of the number against others can.
    /// </summary>
    internal static bool TryReadMeetingNumber(string text, ref int p, out long number, out bool endingFits)
    {
        number = 0;
        endingFits = true;
        var q = p;
        var digits = 0;
        var length = 0;
        while (q < text.Length && length < 7)
        {
            var c = text[q];
            var digit = char.IsAsciiDigit(c) ? c - '0' : c is 'I' or 'l' or 'i' ? 1 : c == 'O' ? 0 : -1;
            if (digit < 0)
            {
                // "283 3rd": a space the scan set inside the number, the rest of it then ending in the ordinal's letters.
                if (c == ' ' && digits >= 2 && length <= 3 && q + 1 < text.Length && char.IsAsciiDigit(text[q + 1]) && OrdinalEndsAfterDigits(text, q + 1))
                {
                    q++;
                    continue;
                }
                break;
            }
            if (char.IsAsciiDigit(c)) digits++;
            number = number * 10 + digit;
            length++;
            q++;
        }
        if (length == 0) return false;
        var ending = q + 2 <= text.Length ? text.AsSpan(q, 2) : [];
        var endsOrdinal = Ordinals.IsDigitsEnding(ending) && !(q + 2 < text.Length && char.IsAsciiLetter(text[q + 2]));
        // Digits as printed keep the volume's own slips ("the 2992th meeting", "the 3005 meeting"), but not one digit more than a
        // meeting's number has ("299155 meeting"); a number the scan marred is read only where its ending vouches for it.
        var repaired = length != digits || q - p != length;
        if (!repaired)
        {
            if (length > 5) return false;
            if (endsOrdinal) q += 2;
            else if (q < text.Length && char.IsAsciiLetter(text[q])) return false;
            p = q;
            return true;
        }
        // A scan's letters are read as digits only beside two digits at least: "I" or "lO" alone is no number.
        if (digits < 2 || !endsOrdinal) return false;
        endingFits = ending.SequenceEqual(Ordinals.DigitsEnding(number));
        p = q + 2;
        return true;
    }

    /// <summary>Whether digits at <paramref name="q"/> end in an ordinal's letters ("3rd", "1st").</summary>
    private static bool OrdinalEndsAfterDigits(string text, int q)
    {
        while (q < text.Length && char.IsAsciiDigit(text[q])) q++;
        return q + 2 <= text.Length && Ordinals.IsDigitsEnding(text.AsSpan(q, 2));
    }

    private static void ReadAdoptedFrom(string text, int top, DocumentIdentity identity)
    {
        var limit = Math.Min(top, text.Length);
        var i = text.IndexOf('[', 0, limit);
        while (i >= 0 && i < limit)
        {
            var close = text.IndexOf(']', i);
            if (close < 0 || close - i > 300) break;
            var inner = text[i..close];
            // "[on the report of the Third Committee (A/78/481/Add.2)]", or, in old Security Council texts, the draft alone: "[S/801]".
            var onlySymbol = DocumentSymbol.TryParse(inner[1..], out _);
            if (onlySymbol || inner.Contains("Committee", StringComparison.Ordinal) || inner.Contains("report", StringComparison.Ordinal) || inner.Contains("reference", StringComparison.Ordinal))
            {
                foreach (var match in SymbolScanner.Scan(inner, SymbolContext.None))
                    identity.AdoptedFrom.Add(new Stated<DocumentSymbol>(match.Symbol, new SourceSpan(i + match.Start, i + match.End)));
            }
            i = close + 1 < limit ? text.IndexOf('[', close + 1, limit - close - 1) : -1;
        }
    }

    private static Stated<string>? Title(LaidOutText laid, int top, DocumentIdentity identity)
    {
        var text = laid.Text;
        if (identity.SymbolSpan is { } span && span.End + 2 < text.Length && text[span.End] == '.' && span.Start > 0)
        {
            // "77/13. Cooperation between …" (the heading of a resolution or decision)
            var start = span.End + 1;
            while (start < text.Length && text[start] == ' ') start++;
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            if (end > start) return new Stated<string>(Collapse(text[start..end]), new SourceSpan(start, end));
        }
        // A resolution or decision whose symbol came from the masthead still has its numbered heading: "78/213. Promotion …".
        var canonical = identity.Symbol.Canonical;
        if (canonical.StartsWith("A/RES/", StringComparison.Ordinal) || canonical.StartsWith("A/DEC/", StringComparison.Ordinal))
        {
            var number = canonical[6..] + ". ";
            foreach (var block in laid.Blocks.TakeWhile(b => b.Start < top))
            {
                var blockText = laid.TextOf(block);
                var at = blockText.StartsWith(number, StringComparison.Ordinal) ? number.Length
                    : blockText.StartsWith("Decision " + number, StringComparison.Ordinal) ? number.Length + 9 : -1;
                if (at > 0) return new Stated<string>(Collapse(blockText[at..]), new SourceSpan(block.Start + at, block.End));
            }
        }
        // Reports and notes: the words before "Report of the Secretary-General" back to the blank line.
        foreach (var marker in (ReadOnlySpan<string>)["Report of the Secretary-General", "Note by the Secretary-General"])
        {
            var m = text.IndexOf(marker, 0, Math.Min(top, text.Length), StringComparison.Ordinal);
            if (m < 0) continue;
            var blockStart = m == 0 ? -1 : text.LastIndexOf("\n\n", m - 1, StringComparison.Ordinal);
            blockStart = blockStart < 0 ? 0 : blockStart + 2;
            var start = blockStart;
            if (m == blockStart)
            {
                // The marker opens its block: the title is the block before.
                m = Math.Max(0, blockStart - 2);
                var previous = m == 0 ? -1 : text.LastIndexOf("\n\n", m - 1, StringComparison.Ordinal);
                start = previous < 0 ? 0 : previous + 2;
            }
            var title = Collapse(text[start..m]);
            if (title.Length is > 5 and < 300 && !title.Contains("Distr.", StringComparison.Ordinal)) return new Stated<string>(title, new SourceSpan(start, m));
        }
        // Letters: the "Letter dated …" line.
        foreach (var block in laid.Blocks.TakeWhile(b => b.Start < top))
        {
            var blockText = laid.TextOf(block);
            if (blockText.StartsWith("Letter dated", StringComparison.Ordinal) || blockText.StartsWith("Identical letters dated", StringComparison.Ordinal)
                || blockText.StartsWith("Note verbale dated", StringComparison.Ordinal))
                return new Stated<string>(Collapse(blockText), new SourceSpan(block.Start, block.End));
        }
        return null;
    }

    internal static string Collapse(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim('*', ' ');
}

/// <summary>
/// The kind of document: from the symbol where its components say it (RES, DEC, PRST, L., PV.), otherwise
/// from the heading's wording ("Report of the Secretary-General", "Letter dated …", "Note by …", "draft resolution").
/// </summary>
internal static class KindRecogniser
{
    public static string? Recognise(string text, int top, DocumentSymbol symbol)
    {
        var head = text[..Math.Min(Math.Max(top, 0), text.Length)];
        var canonical = symbol.Canonical;
        switch (symbol.Kind)
        {
            case "resolution" or "decision" or "presidential statement" or "meeting record":
                return symbol.Kind;
            case "draft":
                // A committee's "L." series also holds its notes on the organization of work ("Note by the Secretariat",
                // "Note by the Chair"): a note, with no preambular or operative paragraphs.
                if (IsNoteHead(head)) return "note";
                if (head.Contains("amendment", StringComparison.OrdinalIgnoreCase)) return "amendment";
                if (head.Contains("draft decision", StringComparison.OrdinalIgnoreCase)) return "draft decision";
                return "draft resolution";
        }
        if (canonical.Contains("/Corr.", StringComparison.Ordinal)) return "corrigendum";
        if (canonical.Contains("/Rev.", StringComparison.Ordinal) && !head.Contains("draft resolution", StringComparison.Ordinal)) return "revision";
        if (head.Contains("amendment to the draft resolution", StringComparison.OrdinalIgnoreCase)) return "amendment";
        if (head.Contains("draft resolution", StringComparison.OrdinalIgnoreCase) && !head.Contains("Report of", StringComparison.Ordinal)) return "draft resolution";
        if (head.Contains("Summary statement by the Secretary-General", StringComparison.Ordinal)) return "summary statement";
        if (head.Contains("Identical letters dated", StringComparison.Ordinal) || head.Contains("Letter dated", StringComparison.Ordinal)) return "letter";
        if (head.Contains("Note verbale dated", StringComparison.Ordinal)) return "note verbale";
        if (head.Contains("Report of the Secretary-General", StringComparison.Ordinal)) return "report";
        if (head.Contains("Note by the Secretary-General", StringComparison.Ordinal)) return "note";
        if (head.Contains("Report of the", StringComparison.Ordinal) || head.Contains("report of the", StringComparison.Ordinal)) return "report";
        return null;
    }

    private static bool IsNoteHead(string head) =>
        (head.Contains("Note by the Secretariat", StringComparison.Ordinal) || head.Contains("Note by the Chair", StringComparison.Ordinal))
        && !head.Contains("draft resolution", StringComparison.OrdinalIgnoreCase) && !head.Contains("draft decision", StringComparison.OrdinalIgnoreCase);
}

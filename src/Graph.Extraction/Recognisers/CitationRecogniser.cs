using Graph.Extraction.Readers;
using Graph.Extraction.Structure;
using Graph.Model;
using Graph.Model.Symbols;

namespace Graph.Extraction.Recognisers;

/// <summary>One occurrence of a cited document in a paragraph.</summary>
internal sealed record Citation(ParagraphInfo Paragraph, DocumentSymbol Cited, string Via, int? Footnote, string? Date, CitationContext Context, SourceSpan Span)
{
    /// <summary>The name the text gives the cited instrument ("United Nations Global Counter-Terrorism Strategy"), if any.</summary>
    public string? Name { get; init; }

    /// <summary>Whether the paragraph was inferred from the order of the footnotes, the mark itself not having been found.</summary>
    public bool Placed { get; init; }

    /// <summary>What tied a name to the document other than a footnote of the text: <see cref="CitationRecogniser.ByInstrumentList"/>.</summary>
    public string? By { get; init; }
}

/// <summary>
/// Citations, the way UN texts make them: inline ("its resolution 59/50 of 2 December 2004, in which it
/// granted …", "resolution 1631 (2005)") and through footnotes (Editorial Manual: a document referred to by
/// title or description in the text is identified by symbol in a footnote: "the report of the
/// Secretary-General¹" with footnote "¹ A/77/277-S/2022/606."). "Ibid." repeats the previous footnote's
/// documents. A named instrument resolved through a footnote ("the United Nations Global Counter-Terrorism
/// Strategy⁵", "⁵ Resolution 60/288.") is also cited where the text later names it without a mark.
/// </summary>
internal static partial class CitationRecogniser
{
    public static List<Citation> Recognise(LaidOutText laid, IReadOnlyList<ParagraphInfo> paragraphs, DocumentIdentity identity) =>
        Recognise(laid, paragraphs, identity, int.MaxValue, out _);

    /// <summary>
    /// The citations, at most <paramref name="maxCitations"/> of them (see <see cref="ExtractionLimits"/>), the first in
    /// the text; <paramref name="stoppedAt"/> is null, or, where the text states more, the span of the first citation not
    /// kept: the symbol the paragraphs' reading stopped at (inline, or in the footnote a mark calls), else the first that
    /// the later passes found past the bound, else the first symbol the footnotes were not read for.
    /// </summary>
    public static List<Citation> Recognise(LaidOutText laid, IReadOnlyList<ParagraphInfo> paragraphs, DocumentIdentity identity, int maxCitations, out SourceSpan? stoppedAt)
    {
        var text = laid.Text;
        var self = new HashSet<string>(identity.Symbol.Aliases.Prepend(identity.Symbol.Canonical), StringComparer.Ordinal);
        var footnotes = FootnoteSymbols(laid, identity.Context, maxCitations, out var footnotesCut);
        stoppedAt = null;
        var citations = new List<Citation>();
        var names = new Dictionary<string, DocumentSymbol>(StringComparer.Ordinal);
        // A name footnoted to two different documents in one text ties it to neither.
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        var calledFrom = new Dictionary<int, ParagraphInfo>();
        var inline = new List<(int Start, int End)>();

        foreach (var paragraph in paragraphs)
        {
            var start = paragraph.ContentStart;
            var end = paragraph.Span.End;
            // Every symbol the scanner reads holds an ASCII digit, and a footnote mark is a superscript one: a paragraph with
            // neither cites nothing here, and is not cut out of the text (most paragraphs of a long text are not).
            var words = text.AsSpan(start, end - start);
            if (!words.ContainsAnyInRange('0', '9') && !Superscript.AnyIn(words)) continue;
            // The paragraph is read where it stands in the text, as a stretch of its own: a copy of it per paragraph was, after
            // the text itself, the largest thing a long text's citations allocated.
            var content = text.AsSpan(start, end - start);
            inline.Clear();
            var clauses = new OutsideTheUn.ClauseReader(content);
            // Past the bound, a paragraph is read only until it shows one citation more: that the text states more than the bound.
            foreach (var match in SymbolsIn(text, start, end, identity.Context, ExtractionLimits.OneMoreThan(maxCitations - citations.Count)))
            {
                inline.Add((match.Start, match.End));
                if (self.Contains(match.Symbol.Canonical) || clauses.Issued(match.Start, match.Symbol)) continue;
                if (citations.Count >= maxCitations)
                {
                    stoppedAt = new SourceSpan(start + match.Start, start + match.End);
                    break;
                }
                var date = DateAfter(content, match.End);
                var context = ClauseIn(text, start, content, match.Start, match.End);
                citations.Add(new Citation(paragraph, match.Symbol, "inline", null, date, context, new SourceSpan(start + match.Start, start + match.End)));
            }
            // Footnote marks are rare: a vectorised search finds each one instead of testing every character.
            foreach (var (number, markAtInText) in Superscript.MarksWithin(text, start, end))
            {
                var markAt = markAtInText - start;
                if (!footnotes.TryGetValue(number, out var cited)) continue;
                if (citations.Count >= maxCitations && cited.FindIndex(c => !self.Contains(c.Symbol.Canonical)) is >= 0 and var notKept)
                {
                    stoppedAt = cited[notKept].Span;
                    break;
                }
                calledFrom.TryAdd(number, paragraph);
                var phrase = PhraseBefore(content, markAt, paragraph.Verb);
                var dateBefore = DateBefore(content, markAt);
                var name = InstrumentName(phrase);
                var phraseContext = CitationContext.Whole(phrase);
                for (var c = 0; c < cited.Count; c++)
                {
                    var (symbol, span, dateAfter) = cited[c];
                    if (self.Contains(symbol.Canonical)) continue;
                    // A date before the mark dates the footnote's first document, not the publications cited after it.
                    var date = c == 0 ? dateBefore ?? dateAfter : dateAfter;
                    citations.Add(new Citation(paragraph, symbol, "footnote", number, date, phraseContext, span) { Name = cited.Count == 1 ? name : null });
                    if (cited.Count == 1 && name is not null && NamesTheInstrument(phrase, name) && !DescribesAnotherDocument(content, SentenceStart(content, markAt), markAt, name, inline))
                    {
                        if (!names.TryAdd(name, symbol) && names[name] != symbol) ambiguous.Add(name);
                    }
                }
            }
            if (stoppedAt is not null) break;
        }

        CiteFromUncalledFootnotes(text, footnotes, calledFrom, laid.Footnotes.Select(f => f.FootnoteNumber).DefaultIfEmpty(1).Min(), paragraphs, self, citations);

        foreach (var name in ambiguous) names.Remove(name);
        CiteLaterMentions(text, paragraphs, names, citations);
        CiteListedInstruments(text, paragraphs, identity.Symbol, self, citations, InstrumentList.Default);
        if (citations.Count > maxCitations)
        {
            stoppedAt ??= citations[maxCitations].Span;
            citations.RemoveRange(maxCitations, citations.Count - maxCitations);
        }
        stoppedAt ??= footnotesCut;
        return citations;
    }

    /// <summary>
    /// The symbols of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>, in order, read
    /// <paramref name="wanted"/> at a time: a caller that stops early has not had a long list read whole, and one that skips
    /// symbols (the text's own, another body's) is read on past them rather than left short of what it wanted.
    /// </summary>
    private static IEnumerable<SymbolMatch> SymbolsIn(string text, int start, int end, SymbolContext context, int wanted)
    {
        var budget = Math.Max(1, wanted);
        for (var given = 0; ; budget = budget > int.MaxValue / 2 ? int.MaxValue : budget * 2)
        {
            // Each read gives the first symbols of the text (SymbolScanner.Scan), so the longer read begins with the shorter.
            var matches = SymbolScanner.Scan(text.AsSpan(start, end - start), context, budget);
            for (var m = given; m < matches.Count; m++) yield return matches[m];
            if (matches.Count < budget || budget == int.MaxValue) yield break;
            given = matches.Count;
        }
    }

    /// <summary>The <c>by</c> of a citation made from a name the instrument list (graph/lexicon/instruments.tsv) gives.</summary>
    public const string ByInstrumentList = "instrument list";

    /// <summary>
    /// Mentions of an instrument whose name is unambiguous ("the 2030 Agenda for Sustainable Development", with no
    /// footnote) cite the document the instrument list gives for it. The paragraph's own citations come first: where it
    /// already cites that document by symbol, by footnote or by a name its footnote tied, the list adds nothing, and a
    /// name followed by a footnote mark is left to that footnote. A name that ends a longer title or belongs to a body
    /// ("… Towards the Achievement of the 2030 Agenda", "States Parties to the …", "the Group of 20 Action Plan on the
    /// 2030 Agenda", "the Special Committee on the Situation with regard to the implementation of the Declaration …") or
    /// runs on into a longer name ("the 2030 Agenda-Global Digital Compact matrix", "the Sendai Framework monitor") is
    /// not a mention of the instrument. Nor is a name in a text older than the instrument: "Looks forward to the
    /// elaboration of a Global Digital Compact" (2023) speaks of the compact to come, not of resolution 79/1.
    /// </summary>
    private static void CiteListedInstruments(string text, IReadOnlyList<ParagraphInfo> paragraphs, DocumentSymbol own, HashSet<string> self, List<Citation> citations, InstrumentList list)
    {
        var ownYear = YearOf(own);
        // The paragraphs that name a listed instrument come first, and only theirs are indexed: a long text cites in most of
        // its paragraphs and names an instrument in few, and a table of every citing paragraph's documents was built for them
        // all (a set per paragraph, most of what this step allocated).
        var naming = new List<(ParagraphInfo Paragraph, IReadOnlyList<(int Start, int End, InstrumentName Name)> Found)>();
        var namingIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in paragraphs)
        {
            var found = list.Find(text, paragraph.ContentStart, paragraph.Span.End);
            if (found.Count == 0) continue;
            naming.Add((paragraph, found));
            namingIds.Add(paragraph.Id);
        }
        if (naming.Count == 0) return;
        var citedBy = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var nameSpans = new Dictionary<string, List<SourceSpan>>(StringComparer.Ordinal);
        foreach (var citation in citations)
        {
            var id = citation.Paragraph.Id;
            if (!namingIds.Contains(id)) continue;
            if (!citedBy.TryGetValue(id, out var cited)) citedBy[id] = cited = new HashSet<string>(StringComparer.Ordinal);
            cited.Add(citation.Cited.Canonical);
            if (citation.Via == "name")
            {
                if (!nameSpans.TryGetValue(id, out var spans)) nameSpans[id] = spans = [];
                spans.Add(citation.Span);
            }
        }
        foreach (var (paragraph, found) in naming)
        {
            var start = paragraph.ContentStart;
            var content = text[start..paragraph.Span.End];
            var cited = citedBy.GetValueOrDefault(paragraph.Id);
            var spans = nameSpans.GetValueOrDefault(paragraph.Id);
            foreach (var (from, to, instrument) in found)
            {
                var symbol = instrument.Symbol;
                if (self.Contains(symbol.Canonical) || cited?.Contains(symbol.Canonical) == true || ownYear < YearOf(symbol)) continue;
                if (spans?.Any(s => from < s.End && to > s.Start) == true) continue;
                var (at, after) = (from - start, to - start);
                // A mark the scan left as plain digits glued to the comma after the name ("Human Rights,1as well as") is a mark too.
                var marked = after < content.Length && (Superscript.IsDigit(content[after])
                    || (content[after] is ',' or ';' && after + 1 < content.Length && (Superscript.IsDigit(content[after + 1]) || char.IsAsciiDigit(content[after + 1]))));
                var before = content.AsSpan(0, at);
                if (marked || EndsALongerTitle(before) || EndsAnotherTitleOrBodyName(before) || RunsOnIntoALongerName(content.AsSpan(after))
                    || EndsAnEventName(before, content.AsSpan(after))) continue;
                citations.Add(new Citation(paragraph, symbol, "name", null, null, ClauseIn(text, start, content, at, after), new SourceSpan(from, to))
                {
                    Name = instrument.Name,
                    By = ByInstrumentList,
                });
            }
        }
    }

    /// <summary>
    /// Whether the words after a name carry it on into a longer one: a capitalised word next, with nothing but spaces
    /// between ("the New Urban Agenda Platform"), a word joined by a dash ("the 2030 Agenda-Global Digital Compact
    /// matrix"), or the tool that reports on it ("the online Sendai Framework monitor"). A name followed by "of", "for"
    /// or a comma is still the instrument.
    /// </summary>
    internal static bool RunsOnIntoALongerName(ReadOnlySpan<char> after)
    {
        if (after.Length > 1 && after[0] is '-' or '–' && char.IsLetter(after[1])) return true;
        var p = 0;
        while (p < after.Length && after[p] is ' ' or '\n' or '\r') p++;
        if (p == 0 || p >= after.Length) return false;
        return char.IsUpper(after[p]) || (after[p..].StartsWith("monitor", StringComparison.Ordinal) && (p + 7 == after.Length || !char.IsLetter(after[p + 7])));
    }

    /// <summary>
    /// Whether the words before a listed name make it part of another instrument's title or a body's name that
    /// <see cref="EndsALongerTitle"/> does not see: a title word, "on" or "for", "the" ("the Group of 20 Action Plan on
    /// the 2030 Agenda"), or a body "on the (situation with regard to the) implementation of the" name, which older texts
    /// write in lower case ("the Special Committee on the Situation with regard to the implementation of the Declaration").
    /// </summary>
    internal static bool EndsAnotherTitleOrBodyName(ReadOnlySpan<char> before)
    {
        var tail = before.Length > 160 ? before[^160..] : before;
        if (BodyOnTheImplementationOf().IsMatch(tail)) return true;
        var words = new List<string>(3);
        foreach (var range in tail.TrimEnd().ToString().Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            words.Add(range);
            if (words.Count == 3) break;
        }
        return words is ["the", "on" or "for", var title] && title.Length > 1 && char.IsUpper(title[0])
            && title is not ("Assembly" or "Council") && !title.EndsWith(',') && !IsOpeningWord(title);
    }

    /// <summary>
    /// Whether a listed name ends the name of a meeting or other event, which the words after it place and date: "the third
    /// International Expert Meeting on Asset Return and the 2030 Agenda for Sustainable Development, held in Nairobi on 28 and
    /// 29 November 2022". The name's own capitalised words reach back, through "on", "and", "the" and the like, to an event's
    /// noun; without "held", "convened", "organized" or "hosted" after it ("the Fourth World Conference on Women and the 2030
    /// Agenda;") the name is the instrument, one item of a list.
    /// </summary>
    internal static bool EndsAnEventName(ReadOnlySpan<char> before, ReadOnlySpan<char> after)
    {
        var rest = after.TrimStart(", \n");
        if (!(rest.StartsWith("held ", StringComparison.Ordinal) || rest.StartsWith("convened ", StringComparison.Ordinal)
            || rest.StartsWith("organized ", StringComparison.Ordinal) || rest.StartsWith("hosted ", StringComparison.Ordinal))) return false;
        var tail = before.Length > 200 ? before[^200..] : before;
        var words = tail.ToString().Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        for (var w = words.Length - 1; w >= 0 && words.Length - w <= 14; w--)
        {
            var word = words[w].TrimEnd(',');
            if (EventNouns.Contains(word)) return true;
            if (word.Length == 0 || !(char.IsUpper(word[0]) || char.IsDigit(word[0]) || NameConnectors.Contains(word)) || words[w].EndsWith(',')) return false;
        }
        return false;
    }

    private static readonly HashSet<string> EventNouns = new(StringComparer.Ordinal)
    {
        "Meeting", "Meetings", "Conference", "Forum", "Dialogue", "Summit", "Workshop", "Seminar", "Symposium", "Retreat",
        "Consultation", "Consultations", "Event", "Roundtable", "Congress", "Week",
    };

    [System.Text.RegularExpressions.GeneratedRegex(
        @"\b(Committee|Commission|Group|Meeting|Forum|Board|Panel|Conference)\s+on\s+the\s+(?:[Ss]ituation\s+with\s+regard\s+to\s+the\s+)?[Ii]mplementation\s+of\s+the\s*$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BodyOnTheImplementationOf();

    /// <summary>
    /// About when a document was issued, from its symbol: a Security Council resolution's year, or the year a General
    /// Assembly session opened (the first in 1946); null where the symbol says neither.
    /// </summary>
    internal static long? YearOf(DocumentSymbol symbol)
    {
        if (symbol.Session is { } session) return 1945 + session;
        var canonical = symbol.Canonical;
        if (!canonical.StartsWith("S/RES/", StringComparison.Ordinal) || !canonical.EndsWith(')')) return null;
        var open = canonical.LastIndexOf('(');
        return open > 0 && long.TryParse(canonical.AsSpan(open + 1, canonical.Length - open - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null;
    }

    /// <summary>
    /// The draft a Committee draft was made from, which its heading names ("Draft resolution submitted by the Vice-Chair of
    /// the Committee, …, on the basis of informal consultations on draft resolution A/C.2/80/L.14"), the resolution that
    /// recommended it ("Draft resolution submitted by the Chair on the recommendation of the Economic and Social Council
    /// (resolution 2025/15)"), and what the note an
    /// asterisk on the heading calls cites: no paragraph holds them, so each is the document's citation, with its span.
    /// The masthead's report ("[on the report of the Third Committee (A/78/481/Add.2)]") is no citation.
    /// </summary>
    public static List<(DocumentSymbol Symbol, SourceSpan Span)> FromHeading(LaidOutText laid, DocumentIdentity identity)
    {
        // "on the recommendation of the Economic and Social Council (resolution 2025/15)": the Council's resolution that
        // recommended the draft the Chair submits.
        ReadOnlySpan<string> phrases = ["on the basis of informal consultations on", "on the recommendation of the"];
        var result = new List<(DocumentSymbol, SourceSpan)>();
        // The note the heading's asterisk calls: "* On behalf of the States that are members of the Group of 77 and China, taking
        // into account also the provisions of General Assembly resolution ES-10/23 of 10 May 2024."
        foreach (var note in laid.Footnotes)
        {
            if (note.FootnoteNumber != FootnoteZones.AsteriskNote) continue;
            var content = laid.Text[note.ContentStart..note.End];
            var clauses = new OutsideTheUn.ClauseReader(content);
            foreach (var match in SymbolScanner.Scan(content, identity.Context))
            {
                if (match.Symbol.Canonical == identity.Symbol.Canonical || clauses.Issued(match.Start, match.Symbol)) continue;
                result.Add((match.Symbol, new SourceSpan(note.ContentStart + match.Start, note.ContentStart + match.End)));
            }
        }
        foreach (var block in laid.Blocks)
        {
            if (block.Kind != BlockKind.Heading) continue;
            var content = laid.TextOf(block);
            foreach (var phrase in phrases)
            {
                var at = content.IndexOf(phrase, StringComparison.Ordinal);
                if (at < 0) continue;
                var after = at + phrase.Length;
                foreach (var match in SymbolScanner.Scan(content.AsSpan(after), identity.Context))
                {
                    if (match.Symbol.Canonical == identity.Symbol.Canonical) continue;
                    result.Add((match.Symbol, new SourceSpan(block.Start + after + match.Start, block.Start + after + match.End)));
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Later mentions of an instrument by the name its footnote gave it. The longest name wins where one holds another
    /// ("the Political Declaration on the Implementation of the United Nations Global Plan of Action to Combat Trafficking
    /// in Persons" is not a mention of the Plan), and a name that ends a longer title ("the Kyoto Declaration …: Towards
    /// the Achievement of the 2030 Agenda for Sustainable Development") is not a mention of it.
    /// </summary>
    private static void CiteLaterMentions(string text, IReadOnlyList<ParagraphInfo> paragraphs, Dictionary<string, DocumentSymbol> names, List<Citation> citations)
    {
        if (names.Count == 0) return;
        var longestFirst = names.OrderByDescending(n => n.Key.Length).ThenBy(n => n.Key, StringComparer.Ordinal).ToList();
        var taken = new List<(int Start, int End)>();
        foreach (var paragraph in paragraphs)
        {
            var length = paragraph.Span.End - paragraph.ContentStart;
            string? content = null;
            taken.Clear();
            foreach (var (name, symbol) in longestFirst)
            {
                // Most paragraphs do not name the instrument: look before cutting the paragraph out of the text.
                if (text.AsSpan(paragraph.ContentStart, length).IndexOf(name, StringComparison.Ordinal) < 0) continue;
                content ??= text[paragraph.ContentStart..paragraph.Span.End];
                var at = 0;
                while ((at = content.IndexOf(name, at, StringComparison.Ordinal)) >= 0)
                {
                    var after = at + name.Length;
                    var inside = taken.Any(t => at < t.End && after > t.Start);
                    taken.Add((at, after));
                    var marked = after < content.Length && (Superscript.IsDigit(content[after]) || (content[after] is ',' or ';' && after + 1 < content.Length && Superscript.IsDigit(content[after + 1])));
                    if (!marked && !inside && !EndsALongerTitle(content.AsSpan(0, at)))
                    {
                        var span = new SourceSpan(paragraph.ContentStart + at, paragraph.ContentStart + after);
                        citations.Add(new Citation(paragraph, symbol, "name", null, null, ClauseIn(text, paragraph.ContentStart, content, at, after), span) { Name = name });
                    }
                    at = after;
                }
            }
        }
    }

    /// <summary>
    /// Whether the words before a name make it the tail of a longer title: a capitalised word just before it, past "the",
    /// a date and an "of" ("… Rule of Law: Towards the Achievement of the 2030 Agenda for Sustainable Development"),
    /// other than a paragraph's opening participle, an organ or a word that closes a clause; or an instrument or a body
    /// the name belongs "to" ("the Second Optional Protocol to the …", "Meeting of States Parties to the …").
    /// </summary>
    internal static bool EndsALongerTitle(ReadOnlySpan<char> before)
    {
        var end = before.Length;
        while (true)
        {
            while (end > 0 && before[end - 1] is ' ' or '\n') end--;
            var start = end;
            while (start > 0 && before[start - 1] is not (' ' or '\n')) start--;
            if (start == end) return false;
            var word = before[start..end];
            // "the adoption on 7 July 2017 of the Treaty …": a date is not part of a title.
            if (word is "the" or "of" || IsYear(word) || IsNumbered(word) || (IsDay(Previous(before, start)) && IsMonth(word.ToString()))) { end = start; continue; }
            // "the Second Optional Protocol to the …", "the third Meeting of States Parties to the …": another instrument or a
            // body named after the one the name gives.
            if (word is "to") { var owner = Previous(before, start).ToString(); return owner.Length > 0 && (InstrumentNouns.Contains(owner) || BodyNouns.Contains(owner) || NamedAfter.Contains(owner)); }
            if (IsDay(word) && IsMonth(Previous(before, start).ToString())) { end = start; continue; }
            // "the adoption by the General Assembly of the 2030 Agenda …": the organ that adopted it, not a longer title.
            if (word is "Assembly" or "Council") return false;
            // A single capital is a section's letter ("section C of the …"), not a word of a title.
            return word.Length > 1 && char.IsUpper(word[0]) && !word.EndsWith(",") && !word.EndsWith(";") && !word.EndsWith(".") && !IsOpeningWord(word.ToString());
        }

        static bool IsYear(ReadOnlySpan<char> word) => word.Length == 4 && char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[3]);

        // "10-Year" in "the 10-Year Framework of Programmes …".
        static bool IsNumbered(ReadOnlySpan<char> word) => word.Length > 2 && char.IsAsciiDigit(word[0]) && word.Contains('-');

        static bool IsDay(ReadOnlySpan<char> word) => word.Length is 1 or 2 && char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[^1]);

        static bool IsMonth(string word) { var p = 0; return DateText.ReadMonth(word, ref p) > 0 && p == word.Length; }

        static ReadOnlySpan<char> Previous(ReadOnlySpan<char> text, int end)
        {
            while (end > 0 && text[end - 1] is ' ' or '\n') end--;
            var start = end;
            while (start > 0 && text[start - 1] is not (' ' or '\n')) start--;
            return text[start..end];
        }
    }

    /// <summary>
    /// Where the sentence holding a footnote mark starts: after the last ";" or full stop before it, or at the paragraph's
    /// start, looking back at most <see cref="SentenceReach"/> characters so that a paragraph of many marks stays linear.
    /// </summary>
    private static int SentenceStart(ReadOnlySpan<char> content, int mark)
    {
        var start = mark;
        while (start > 0 && mark - start < SentenceReach && content[start - 1] != ';' && !(start > 2 && content[start - 1] == ' ' && content[start - 2] == '.' && char.IsLower(content[start - 3]))) start--;
        return start;
    }

    /// <summary>
    /// Whether the sentence before a footnoted name describes another document that the name only qualifies, so that the
    /// footnote may document that one: "resolution 6/4 of 6 November 2015 on enhancing … in the framework of the United
    /// Nations Convention against Corruption,²⁷" (the footnote gives the Conference's resolution), "the political
    /// declaration on the implementation of …". A document the sentence cites by its own symbol ("its resolution 70/299 …
    /// on the follow-up and review of the 2030 Agenda …¹") or marks with its own footnote needs no other. A name the
    /// sentence already gave inside a longer title ("the 2021 Political Declaration on the Implementation of the United
    /// Nations Global Plan of Action … on the appraisal of the Global Plan of Action⁵") is not tied to the mark either.
    /// </summary>
    /// <remarks>
    /// <paramref name="content"/> is the paragraph's stretch of the text, read in place: a copy of the paragraph for every
    /// footnoted name was most of what 8 MB of old-style footnote lines allocated (2.2 GB of 3.9).
    /// </remarks>
    internal static bool DescribesAnotherDocument(ReadOnlySpan<char> content, int sentenceStart, int mark, string name, IReadOnlyList<(int Start, int End)> inline)
    {
        // The name's last occurrence after the sentence's first character and up to the mark's, which it may include.
        var searchFrom = Math.Min(sentenceStart + 1, content.Length);
        var found = content[searchFrom..Math.Min(mark + 1, content.Length)].LastIndexOf(name, StringComparison.Ordinal);
        if (found < 0) return false;
        var at = searchFrom + found;
        if (content[sentenceStart..at].Contains(name, StringComparison.Ordinal)) return true;
        foreach (var match in AnotherDocument().EnumerateMatches(content[sentenceStart..at]))
        {
            var (from, to) = (sentenceStart + match.Index, sentenceStart + match.Index + match.Length);
            // A document cited by its own symbol, or whose own footnote mark stands between it and the name, needs no other footnote.
            if (inline.Any(s => s.Start >= from && s.End <= to) || Superscript.IndexIn(content[from..at]) >= 0) continue;
            return true;
        }
        return false;
    }

    private const int SentenceReach = 1000;

    /// <summary>A lower-case document noun, its number and date, then what it is about ("resolution 6/4 of 6 November 2015 on", "political declaration on").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(
        @"\b(resolutions?|decisions?|declaration|report|reports|conclusions|recommendations|outcome document|rulebook|guidelines)(\s+[\w./()-]*\d[\w./()-]*)?(\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?(\s+of\s+the\s+(General Assembly|Security Council|Economic and Social Council|Human Rights Council))?\s+(on|concerning|regarding|relating to)\s",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AnotherDocument();

    /// <summary>
    /// A footnote whose mark was found in no paragraph (a mark lost in a scan, glued to a year, set as "1/") still says
    /// what the document cites. Marks run in order through the text, so its mark stood after the previous footnote's
    /// and before the next one's: the paragraph that calls the nearest footnote before it (else the one that calls the
    /// nearest after it) cites its documents, marked <c>via: footnote</c> with the mark <c>placed</c> by that order.
    /// </summary>
    private static void CiteFromUncalledFootnotes(string text, Dictionary<int, List<(DocumentSymbol Symbol, SourceSpan Span, string? Date)>> footnotes,
        Dictionary<int, ParagraphInfo> calledFrom, int firstNumber, IReadOnlyList<ParagraphInfo> paragraphs, HashSet<string> self, List<Citation> citations)
    {
        // A mark the scan left as a plain number between words ("the report and recommendations 9 submitted by", "to the
        // President of the Security Council, 8"): where exactly one paragraph holds the footnote's number so, it calls it.
        foreach (var number in footnotes.Keys.Where(n => !calledFrom.ContainsKey(n)).ToList())
        {
            if (PlainMarkIn(text, paragraphs, number) is not { } paragraph) continue;
            calledFrom[number] = paragraph;
            foreach (var (symbol, span, date) in footnotes[number])
                if (!self.Contains(symbol.Canonical))
                    citations.Add(new Citation(paragraph, symbol, "footnote", number, date, CitationContext.Whole(""), span) { Placed = true });
        }
        if (paragraphs.Count == 0 || footnotes.Count == calledFrom.Count) return;
        var called = calledFrom.Keys.Order().ToArray();
        // An uncalled "Ibid." repeats the spans of the footnote before it: each span is cited from a paragraph once.
        var taken = citations.Select(c => (c.Paragraph.Id, c.Span.Start)).ToHashSet();
        foreach (var (number, cited) in footnotes.OrderBy(f => f.Key))
        {
            if (calledFrom.ContainsKey(number)) continue;
            var next = ~Array.BinarySearch(called, number);
            // A page of a compilation holds the footnotes of the resolution before or after this one: a footnote outside
            // the run of called ones belongs to this text only where the numbering starts with it, or just after the last.
            // Just below the first called one ("…1984,?7" where the scan spoiled mark 27 and mark 28 follows) is in the run too.
            var belowAll = next == 0 && firstNumber != 1 && !(called.Length > 0 && number == called[0] - 1);
            var aboveAll = next == called.Length && called.Length > 0 && number - called[^1] > 2;
            if (belowAll || aboveAll) continue;
            var paragraph = next > 0 ? calledFrom[called[next - 1]] : next < called.Length ? calledFrom[called[next]] : paragraphs[0];
            foreach (var (symbol, span, date) in cited)
            {
                if (self.Contains(symbol.Canonical) || !taken.Add((paragraph.Id, span.Start))) continue;
                citations.Add(new Citation(paragraph, symbol, "footnote", number, date, CitationContext.Whole(""), span) { Placed = true });
            }
        }
    }

    /// <summary>The one paragraph where <paramref name="number"/> stands alone between words as a footnote mark would; null if none or several.</summary>
    private static ParagraphInfo? PlainMarkIn(string text, IReadOnlyList<ParagraphInfo> paragraphs, int number)
    {
        var token = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ParagraphInfo? found = null;
        foreach (var paragraph in paragraphs)
        {
            var content = text.AsSpan(paragraph.ContentStart, paragraph.Span.End - paragraph.ContentStart);
            for (var at = content.IndexOf(token, StringComparison.Ordinal); at >= 0; at = Next(content, token, at))
            {
                if (!IsPlainMark(content, at, token.Length)) continue;
                if (found is not null && found != paragraph) return null;
                found = paragraph;
            }
        }
        return found;

        static int Next(ReadOnlySpan<char> content, string token, int at)
        {
            var rest = content[(at + 1)..].IndexOf(token, StringComparison.Ordinal);
            return rest < 0 ? -1 : at + 1 + rest;
        }
    }

    /// <summary>Words before which a number is a quantity or a reference ("paragraph 9", "by 9 votes"), not a mark.</summary>
    private static readonly HashSet<string> CountingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "paragraph", "paragraphs", "para", "article", "articles", "annex", "section", "chapter", "chap", "sect", "resolution",
        "resolutions", "decision", "decisions", "meeting", "page", "pages", "rule", "rules", "item", "items", "and", "of", "to",
        "by", "the", "at", "in", "on", "from", "with", "for", "under", "than", "about", "some", "over", "nearly", "least",
        "all", "its", "their", "No", "vol", "number", "numbers", "Supplement", "phase", "stage", "point", "points", "principle",
        "principles", "group", "Protocol", "Goal", "target", "indicator", "zone", "sector", "district", "area", "level", "grade",
    };

    private static readonly HashSet<string> CountedWords = new(StringComparer.Ordinal)
    {
        "votes", "per", "members", "member", "of", "States", "countries", "years", "months", "days", "weeks", "hours", "times",
        "million", "billion", "thousand", "persons", "people", "men", "women", "abstentions", "to", "or", "p.m", "a.m",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CountingWordLookup = CountingWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CountedWordLookup = CountedWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A footnote number left as plain digits: after a word (not one that counts or refers: "paragraph 9", "by 9 votes")
    /// or after a comma or closing quote, and before a lower-case word, a punctuation mark or the paragraph's end.
    /// </summary>
    private static bool IsPlainMark(ReadOnlySpan<char> content, int at, int length)
    {
        if (at < 2 || content[at - 1] is not (' ' or '\n')) return false;
        var end = at + length;
        if (end < content.Length && (char.IsAsciiDigit(content[end]) || content[end] is '/' or '.' && end + 1 < content.Length && char.IsAsciiDigit(content[end + 1]))) return false;
        var before = content[at - 2];
        if (char.IsLetter(before))
        {
            var wordStart = at - 2;
            while (wordStart > 0 && char.IsLetter(content[wordStart - 1])) wordStart--;
            var word = content[wordStart..(at - 1)];
            if (word.Length < 3 || CountingWordLookup.Contains(word)) return false;
        }
        else if (char.IsAsciiDigit(before))
        {
            // "dated 25 November 1979 95 stating": a mark after a date's year.
            if (at < 6 || !DateText.TryFind(content[Math.Max(0, at - 20)..(at - 1)], 0, 20, out _, out _, out var dateEnd)
                || dateEnd != Math.Min(20, at - 1)) return false;
        }
        else if (before is not (',' or '”' or '"' or ')')) return false;
        if (end >= content.Length) return true;
        if (content[end] is ',' or ';' or ':' or '.') return true;
        if (content[end] is not (' ' or '\n')) return false;
        var next = end + 1;
        var nextEnd = next;
        while (nextEnd < content.Length && (char.IsLetter(content[nextEnd]) || content[nextEnd] == '.')) nextEnd++;
        if (nextEnd == next || !char.IsLower(content[next])) return false;
        return !CountedWordLookup.Contains(content[next..nextEnd].TrimEnd('.'));
    }

    /// <summary>
    /// Symbols each footnote names, with their spans in the document text and a date written after them; the footnotes
    /// are read until they have named <paramref name="maxSymbols"/> (the most citations the text is read for);
    /// <paramref name="stoppedAt"/> is the span of the first symbol past them, if any.
    /// </summary>
    private static Dictionary<int, List<(DocumentSymbol Symbol, SourceSpan Span, string? Date)>> FootnoteSymbols(LaidOutText laid, SymbolContext context, int maxSymbols, out SourceSpan? stoppedAt)
    {
        stoppedAt = null;
        var result = new Dictionary<int, List<(DocumentSymbol, SourceSpan, string?)>>();
        List<(DocumentSymbol, SourceSpan, string?)>? previous = null;
        var named = 0;
        foreach (var block in laid.Footnotes)
        {
            // The asterisk's note is the heading's (FromHeading), placed on no paragraph.
            if (block.FootnoteNumber == FootnoteZones.AsteriskNote) continue;
            // Read where the footnote stands in the text, not from a copy of it.
            var content = laid.Text.AsSpan(block.ContentStart, block.End - block.ContentStart);
            var list = new List<(DocumentSymbol, SourceSpan, string?)>();
            var clauses = new OutsideTheUn.ClauseReader(content);
            // Past the bound, a footnote is read only until it shows one symbol more: that the footnotes name more than the bound.
            foreach (var match in SymbolsIn(laid.Text, block.ContentStart, block.End, context, ExtractionLimits.OneMoreThan(maxSymbols - named)))
            {
                if (clauses.Issued(match.Start, match.Symbol)) continue;
                if (named + list.Count >= maxSymbols)
                {
                    stoppedAt = new SourceSpan(block.ContentStart + match.Start, block.ContentStart + match.End);
                    break;
                }
                list.Add((match.Symbol, new SourceSpan(block.ContentStart + match.Start, block.ContentStart + match.End), DateAfter(content, match.End)));
            }
            if (list.Count == 0 && IbidSameDocument(content) && previous is not null) list = previous;
            if (list.Count > 0) result[block.FootnoteNumber] = list;
            named += list.Count;
            previous = list.Count > 0 ? list : null;
            if (stoppedAt is not null) break;
        }
        return result;
    }

    /// <summary>
    /// Whether an "Ibid." footnote without a symbol points into the previous footnote's document: alone, or with a place in
    /// it ("Ibid., para. 5", "Ibid., annex"). "Ibid., Fourth Year, Special Supplement No. 1" is another volume of the same
    /// records, not the document the previous footnote gave.
    /// </summary>
    internal static bool IbidSameDocument(ReadOnlySpan<char> footnote)
    {
        if (!footnote.StartsWith("Ibid", StringComparison.Ordinal)) return false;
        var rest = footnote[4..].TrimStart(". ,;:\n").TrimEnd(". \n");
        if (rest.IsEmpty) return true;
        var word = rest[..(rest.IndexOfAny(' ', '.', ',') is var e and >= 0 ? e : rest.Length)];
        foreach (var locator in IbidLocators)
            if (word.Equals(locator, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Words that place a reference inside a document (UN Editorial Manual's abbreviations for parts of a document).</summary>
    private static readonly string[] IbidLocators =
        ["para", "paras", "paragraph", "paragraphs", "sect", "section", "sects", "chap", "chapter", "chaps", "annex", "annexes", "p", "pp", "page", "pages",
         "art", "arts", "article", "articles", "part", "appendix", "enclosure", "table", "figure", "footnote", "item", "sub-item", "recommendation", "principle"];

    /// <summary>" of 2 March 2010" right after a symbol.</summary>
    private static string? DateAfter(ReadOnlySpan<char> content, int end)
    {
        var p = end;
        while (p < content.Length && content[p] == ' ') p++;
        if (!DateText.StartsAt(content, p, "of ") && !DateText.StartsAt(content, p, "dated ")) return null;
        p += content[p..].IndexOf(' ') + 1;
        return DateText.TryRead(content, p, out var date, out _) ? date : null;
    }

    /// <summary>"those of 13 January 2010³": a date just before the mark.</summary>
    private static string? DateBefore(ReadOnlySpan<char> content, int mark)
    {
        var from = Math.Max(0, mark - 22);
        if (!DateText.TryFind(content, from, mark - from, out var date, out var start, out var end) || end < mark - 1) return null;
        // "the further report of the Secretary-General of 3, 11 and 22 March 1993,¹¹": a list of days gives a report and its
        // addenda; the last day is not the report's date.
        return EndsListOfDays(content[..start]) ? null : date;
    }

    /// <summary>
    /// Whether the text ends in "3, 11 and " or "3, ": a day of a list before the day that follows. A year there ("30 April
    /// 2021 and 4 April 2025") ends a date of its own.
    /// </summary>
    private static bool EndsListOfDays(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd(' ');
        if (before.EndsWith(" and", StringComparison.Ordinal)) before = before[..^4].TrimEnd(' ');
        else if (before.EndsWith(',')) before = before[..^1];
        else return false;
        var digits = before.Length - before.TrimEnd("0123456789").Length;
        return digits is 1 or 2;
    }

    /// <summary>
    /// Whether the comma at <paramref name="comma"/> separates the days of a list ("of 3, 11 and 22 March 1993"), which
    /// ends no clause: a digit before it and a digit after its space.
    /// </summary>
    private static bool IsListComma(ReadOnlySpan<char> content, int comma) =>
        comma > 0 && comma + 2 < content.Length && char.IsAsciiDigit(content[comma - 1]) && content[comma + 1] == ' ' && char.IsAsciiDigit(content[comma + 2]);

    /// <summary>
    /// The clause around a citation, from the previous ";" (or the start) to the next ";" or sentence end, kept as
    /// where it stands in the document's <paramref name="text"/> (of which <paramref name="content"/> is the part from
    /// <paramref name="contentStart"/>) and made a string only when read.
    /// </summary>
    private static CitationContext ClauseIn(string text, int contentStart, ReadOnlySpan<char> content, int start, int end)
    {
        var (left, right) = ClauseBounds(content, start, end);
        return CitationContext.Clause(text, contentStart + left, right - left);
    }

    private static (int Left, int Right) ClauseBounds(ReadOnlySpan<char> content, int start, int end)
    {
        // The nearest semicolon within 160 characters before, and the nearest semicolon or full stop ending a sentence
        // within 220 after: searched for (vectorised), not walked to a character at a time for every citation.
        var from = Math.Max(0, start - 160);
        var semicolon = content[from..start].LastIndexOf(';');
        var left = semicolon < 0 ? from : from + semicolon + 1;
        if (start - left >= 160) { var space = content[left..].IndexOf(' '); if (space >= 0) space += left; left = space > 0 && space < start ? space + 1 : left; }
        var limit = Math.Min(content.Length, end + 220);
        var right = end;
        while (right < limit)
        {
            var next = content[right..limit].IndexOfAny(';', '.');
            if (next < 0) { right = limit; break; }
            right += next;
            if (content[right] == ';' || right + 1 == content.Length || content[right + 1] == ' ') break;
            right++;
        }
        if (right - end >= 220) { var space = content[..right].LastIndexOf(' '); right = space > end ? space : right; }
        return (left, right);
    }

    /// <summary>What the text calls the document it footnotes: the words before the mark, back to the previous clause.</summary>
    private static string PhraseBefore(ReadOnlySpan<char> content, int mark, string? verb)
    {
        var end = mark;
        while (end > 0 && content[end - 1] is ',' or ';' or ' ' or '.') end--;
        var left = end;
        while (left > 0 && (content[left - 1] is not (',' or ';') || IsListComma(content, left - 1)) && end - left < 200) left--;
        // Too short to name anything ("2010"), or only how the thing came about ("adopted by the General
        // Assembly at its sixty-fourth session"): take the clause before as well.
        var clause = content.Slice(left, end - left).TrimStart();
        var participle = clause.StartsWith("adopted", StringComparison.Ordinal) || clause.StartsWith("contained", StringComparison.Ordinal)
            || clause.StartsWith("annexed", StringComparison.Ordinal) || clause.StartsWith("endorsed", StringComparison.Ordinal)
            || clause.StartsWith("signed", StringComparison.Ordinal) || clause.StartsWith("held", StringComparison.Ordinal);
        if ((end - left < 20 || participle) && left > 0)
        {
            left--;
            while (left > 0 && (content[left - 1] is not (',' or ';') || IsListComma(content, left - 1)) && end - left < 200) left--;
        }
        // Cleaned in a buffer and made a string once, with the paragraph's verb already taken off: it is asked of every mark.
        var words = content.Slice(left, end - left);
        char[]? rented = null;
        var buffer = words.Length <= 512 ? stackalloc char[words.Length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(words.Length));
        var phrase = ((ReadOnlySpan<char>)buffer[..ParagraphRecogniser.CleanInto(words, buffer)]).Trim(", ");
        if (verb is not null && phrase.Length > verb.Length && phrase[verb.Length] == ' ' && phrase.StartsWith(verb, StringComparison.Ordinal)) phrase = phrase[(verb.Length + 1)..];
        var made = phrase.ToString();
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return made;
    }

    /// <summary>
    /// Whether a footnoted name may stand for the footnote's document wherever the text repeats it: only the name of
    /// an instrument (an agenda, declaration, convention, strategy …: "the 2030 Agenda for Sustainable Development"
    /// with "Resolution 70/1"), and only where the footnote documents the instrument itself. A country, organ or
    /// territory ("Syrian Arab Republic", "International Law Commission") names no document, and in "the report of
    /// the Secretary-General on the United Nations Global Counter-Terrorism Strategy⁵" the footnote is the report,
    /// not the strategy.
    /// </summary>
    internal static bool NamesTheInstrument(string phrase, string name)
    {
        var words = name.Split(' ');
        // The head noun comes first: "Conference of the States Parties to the Convention" is a body, "United
        // Nations Environment Programme" an organisation, and two instruments joined ("... and the Paris Agreement")
        // are not the one document the footnote gives.
        var head = Array.FindIndex(words, w => InstrumentNouns.Contains(w) || BodyNouns.Contains(w));
        var programmeOfAction = head >= 0 && words[head] == "Programme" && head + 2 < words.Length && words[head + 2] == "Action";
        if (head < 0 || (BodyNouns.Contains(words[head]) && !programmeOfAction) || name.Contains(" and the ", StringComparison.Ordinal)
            || name.IndexOfAny(['“', '”', '"']) >= 0 || words[0].All(c => c is 'I' or 'V' or 'X')) return false;
        var at = phrase.LastIndexOf(name, StringComparison.Ordinal);
        var before = at < 0 ? phrase : phrase[..at];
        if (DocumentAbout.Any(d => before.Contains(d, StringComparison.OrdinalIgnoreCase))) return false;
        // The tail of a longer title ("Kyoto Declaration ...: Towards the Achievement of the 2030 Agenda for
        // Sustainable Development"): a capitalised word just before the name, past "the" and a year.
        var previous = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse()
            .FirstOrDefault(w => w is not ("the" or "its") && !w.All(char.IsAsciiDigit));
        // Nor the object of a preposition inside one ("... among States in accordance with the Charter of the United Nations").
        if (previous is "with" or "under" or "to" or "towards" or "against" or "concerning") return false;
        // Nor a name whose head noun stands in a phrase of another: "Meeting of the Parties to the Paris Agreement" is a
        // body, "Amendment to the Convention on …" not the Convention.
        if (words[..head].Any(w => w is "of" or "on" or "for" or "to" or "against" or "in" or "towards" or "between")) return false;
        return !EndsALongerTitle(before.AsSpan().TrimEnd());
    }

    /// <summary>The paragraph's opening participle or verb ("Recalling the Universal Declaration …").</summary>
    private static bool IsOpeningWord(string word) => word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith('s');

    private static readonly HashSet<string> BodyNouns = new(StringComparer.Ordinal)
    {
        "Conference", "Commission", "Council", "Committee", "Group", "Assembly", "Office", "Organization", "Forum",
        "Board", "Court", "Panel", "Mission", "Operation", "Republic", "Territory", "Programme", "Fund", "Entity",
    };

    /// <summary>Head nouns of instrument titles (UN Editorial Manual: titles of declarations, programmes, conventions).</summary>
    private static readonly HashSet<string> InstrumentNouns = new(StringComparer.Ordinal)
    {
        "Agenda", "Declaration", "Convention", "Covenant", "Strategy", "Framework", "Action", "Plan", "Principles",
        "Rules", "Guidelines", "Commitment", "Pact", "Treaty", "Protocol", "Statute", "Charter", "Consensus", "Compact",
        "Agreement", "Accord", "Platform", "Regulations", "Standards", "Code", "Vision", "Outcome", "Road", "Map",
    };

    /// <summary>Things named after an instrument "to" which they belong: "States Parties to the Convention", "Amendment to the Treaty".</summary>
    private static readonly HashSet<string> NamedAfter = new(StringComparer.Ordinal)
    {
        "Parties", "Party", "Meeting", "Meetings", "Amendment", "Amendments", "Protocols", "Annex", "Signatories", "Secretariat",
    };

    /// <summary>Words that make the footnoted document one about the named thing rather than the thing itself.</summary>
    private static readonly string[] DocumentAbout = ["report", "letter", "note by", "note verbale", "statement", "communication"];

    private static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal) { "of", "on", "and", "the", "for", "to", "against", "in", "towards", "an", "a", "or", "between" };

    /// <summary>A run of capitalised words ending the phrase: "… implementation of the United Nations Global Counter-Terrorism Strategy".</summary>
    internal static string? InstrumentName(string phrase)
    {
        // The words as ranges of the phrase, so that only the name found becomes a string: it is asked of every footnote mark.
        var text = phrase.AsSpan();
        var count = 0;
        foreach (var word in text.Split(' ')) if (word.End.Value > word.Start.Value) count++;
        var words = count <= 128 ? stackalloc Range[count] : new Range[count];
        count = 0;
        foreach (var word in text.Split(' ')) if (word.End.Value > word.Start.Value) words[count++] = word;
        var k = count;
        while (k > 0 && (char.IsUpper(text[words[k - 1]][0]) || NameConnectorLookup.Contains(text[words[k - 1]]))) k--;
        while (k < count && !char.IsUpper(text[words[k]][0])) k++;
        var capitalised = 0;
        for (var w = k; w < count; w++) if (char.IsUpper(text[words[w]][0])) capitalised++;
        if (count - k < 3 || capitalised < 3) return null;
        var joined = new System.Text.StringBuilder(text.Length);
        for (var w = k; w < count; w++)
        {
            if (w > k) joined.Append(' ');
            joined.Append(text[words[w]]);
        }
        var name = joined.ToString();
        return name.Contains("Secretary-General", StringComparison.Ordinal) || name.Contains("Official Records", StringComparison.Ordinal) ? null : name;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameConnectorLookup = NameConnectors.GetAlternateLookup<ReadOnlySpan<char>>();
}

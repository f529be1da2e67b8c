using Graph.Extraction.Readers;

namespace Graph.Extraction.Structure;

/// <summary>
/// Rebuilds paragraphs from lines. UN resolutions follow a fixed drafting convention (Editorial Manual,
/// "Resolutions and decisions"): a heading, the organ's name ("The General Assembly,"), preambular
/// paragraphs each opening with a participle or adjective and ending with a comma, operative paragraphs
/// numbered "1." with a verb in the present tense, ending with a semicolon, the last with a full stop.
/// A line starts a new paragraph when the previous one is complete (ends with punctuation) and the line
/// opens like a paragraph (number, opener word, or after a blank line with a capital); otherwise it
/// continues the paragraph, which is how paragraphs cut by page breaks and footnotes are rejoined.
/// </summary>
internal static class ParagraphAssembler
{
    private static readonly HashSet<string> OpenerWords = new(StringComparer.Ordinal)
    {
        "Mindful", "Aware", "Convinced", "Concerned", "Alarmed", "Determined", "Conscious", "Cognizant", "Guided",
        "Deeply", "Gravely", "Strongly", "Further", "Also", "Desirous", "Seriously", "Profoundly", "Fully", "Encouraged",
        "Appreciative", "Disturbed", "Shocked", "Grateful", "Reaffirming", "Provided", "Decides", "Requests", "Calls",
        "Urges", "Invites", "Encourages", "Welcomes", "Recommends", "Resolves", "Notes", "Takes", "Expresses", "Reaffirms",
        "Affirms", "Emphasizes", "Emphasises", "Stresses", "Condemns", "Demands", "Authorizes", "Appeals", "Approves", "Endorses",
        "Reiterates", "Recognizes", "Acknowledges", "Commends", "Underlines", "Designates", "Declares", "Deplores",
        "Considers", "Appoints", "Adopts", "Reminds", "Supports", "Agrees", "Proclaims", "Recalls", "Regrets",
        "Believing", "Bearing", "Having", "Keeping", "Taking", "Noting", "Recalling",
    };

    /// <summary>The opener words looked up by a line's first word as it stands in the line, without a string made of it for every line.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup = OpenerWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <param name="flow">The body's lines in reading order.</param>
    /// <param name="paragraphsStated">Whether the format states where paragraphs start (DOCX): then a line after a blank starts one, always.</param>
    public static List<FlowBlock> Assemble(List<FlowLine> flow, bool paragraphsStated = false)
    {
        var blocks = new List<FlowBlock>();
        if (flow.Count == 0) return blocks;
        // The organ's name opens the body of a resolution near the top; further down (a draft inside a report) it does not.
        var preamble = flow.FindIndex(0, Math.Min(flow.Count, 80), l => IsPreambleStart(l.Text));
        // "The Security Council" / "Resolves that …", "The General Assembly" / "1. Authorizes …": the organ's line without
        // its comma still ends the heading, or the masthead's symbols would be read as the first paragraph's citations.
        // A draft that adopts a declaration ("The General Assembly" / "Adopts the following …") keeps its own layout.
        if (preamble < 0) preamble = flow.FindIndex(0, Math.Min(flow.Count, 80), l => IsBareOrganLine(l.Text));
        if (preamble >= 0 && !IsPreambleStart(flow[preamble].Text) && preamble + 1 < flow.Count
            && flow[preamble + 1].Text.TrimStart().StartsWith("Adopts", StringComparison.Ordinal)) preamble = -1;
        // Early Council texts put their "Whereas" clauses above the bare organ line: there the body began before it.
        var whereasBeforeOrgan = preamble >= 0 && !IsPreambleStart(flow[preamble].Text) && flow.Take(preamble).Any(l => OpensWhereas(l.Text));
        if (whereasBeforeOrgan) preamble = -1;
        var width = TypicalWidth(flow);
        // The organ's name, with its comma or (a draft that adopts a declaration: "The General Assembly / Adopts the following") without.
        var resolutionLayout = preamble >= 0 || flow.FindIndex(0, Math.Min(flow.Count, 80), l => IsPreambleStart(string.Concat(l.Text, ","))) >= 0;
        var bodyStart = 0;
        if (preamble >= 0)
        {
            FlowBlock? heading = null;
            for (var i = 0; i < preamble; i++)
            {
                var line = flow[i];
                if (heading is null || line.BlanksBefore > 0 || StartsHeadingLine(line.Text))
                {
                    heading = new FlowBlock(BlockKind.Heading, line.Text);
                    blocks.Add(heading);
                }
                else heading.AppendBrokenLine(line.Text);
            }
            blocks.Add(new FlowBlock(BlockKind.Heading, flow[preamble].Text));
            bodyStart = preamble + 1;
        }

        FlowBlock? current = null;
        var closing = false;
        var inAnnex = false;
        ReadOnlySpan<char> previousLine = "";
        for (var i = bodyStart; i < flow.Count; i++)
        {
            var line = flow[i];
            // Asked once of each line: both tests below and the test of where a block ends read the same line and block.
            var closingLine = !closing && current is not null && IsClosingLine(line.Text);
            // The block's first and last characters, read once for the line (the tests of where it ends look at no more).
            var edges = current is null ? default : current.Edges;
            // "RESOLUTION 768 (1992) / Adopted by the Security Council at its 3102nd meeting on 30 July 1992": under the
            // title, before any paragraph, the adoption line is a heading line; the body follows it, not the closing.
            if (closingLine && current is not null && !inAnnex && line.Text.TrimStart('*').StartsWith("Adopted", StringComparison.Ordinal)
                && (current.Kind == BlockKind.Heading ? !blocks.Any(b => b.Kind == BlockKind.Paragraph)
                    : current.Kind == BlockKind.Paragraph && current.Length < 40 && blocks.Count(b => b.Kind == BlockKind.Paragraph) == 1
                      && current.Text.StartsWith("RESOLUTION ", StringComparison.OrdinalIgnoreCase)))
            {
                current.Kind = BlockKind.Heading;
                blocks.Add(new FlowBlock(BlockKind.Heading, line.Text.Trim('*')));
                // The next line opens the body's first paragraph.
                current = null;
                previousLine = line.Text;
                continue;
            }
            // After a blank line the closing line ends a last paragraph the volume left without its full stop ("16. Decides to
            // remain seized of the matter" / [blank] / "Adopted unanimously at the 3321st meeting.", S/RES/888 (1993)); the
            // heading's "Adopted by the Security Council at its …" is not it.
            if (closingLine && (EndsComplete(edges) || line.BlanksBefore > 0 && !line.Text.TrimStart('*').StartsWith("Adopted by", StringComparison.Ordinal)))
                closing = true;
            // An annex after the closing lines ("Annex", "Annex II", "Appendix") is body text again: its paragraphs are
            // assembled as the resolution's are, and marked as the annex's, so recognisers neither lose its text and
            // footnote marks to the closing lines nor take its numbered paragraphs for operative ones.
            // A draft has no closing lines: its annex follows the last operative paragraph, which ends with a full stop.
            var opensAnnex = closing || (resolutionLayout && !inAnnex && current is { Kind: BlockKind.Paragraph } && edges.TrimEnd().EndsWith('.'));
            if (opensAnnex && line.BlanksBefore > 0 && IsAnnexHeading(line.Text))
            {
                closing = false;
                inAnnex = true;
                current = new FlowBlock(BlockKind.Closing, line.Text.Trim('*'));
                blocks.Add(current);
                previousLine = line.Text;
                continue;
            }
            if (closing)
            {
                if (current is null || current.Kind != BlockKind.Closing || line.BlanksBefore > 0 || IsClosingLine(line.Text))
                {
                    current = new FlowBlock(BlockKind.Closing, line.Text.Trim('*'));
                    blocks.Add(current);
                }
                else current.AppendBrokenLine(line.Text.Trim('*'));
                continue;
            }
            if (current is null || (paragraphsStated ? line.BlanksBefore > 0 : StartsNewBlock(edges, previousLine, line, width)))
            {
                // A short line near the top that ends no sentence is the masthead's, except a "Whereas" clause above the organ's
                // line: a text set in lines as long as its paragraphs ("Whereas the Security Council on 29 April 1946 appointed a
                // Sub-Committee to investigate the situation" / "in Spain, and", resolution 7 (1946)) has its clauses as short;
                // and a numbered line after a paragraph is the next paragraph, however it wraps: resolution 1 (1946), set a
                // paragraph to a line, breaks its third ("3. The Security Council directs … and to submit these" / "proposals …").
                var heading = preamble < 0 && i < 12 && line.Text.Length < width * 0.7 && !EndsComplete(line.Text) && !(whereasBeforeOrgan && OpensWhereas(line.Text))
                    && !(current is { Kind: BlockKind.Paragraph } && IsNumberedStart(line.Text));
                current = new FlowBlock(heading ? BlockKind.Heading : BlockKind.Paragraph, line.Text)
                {
                    ItalicOpening = line.ItalicOpening,
                    InAnnex = inAnnex,
                };
                blocks.Add(current);
            }
            else
            {
                current.AppendLine(line.Text);
                if (current.Kind == BlockKind.Heading && current.Length > width) current.Kind = BlockKind.Paragraph;
            }
            previousLine = line.Text;
        }
        return blocks;
    }

    private static bool OpensWhereas(ReadOnlySpan<char> line) => line.TrimStart().StartsWith("Whereas", StringComparison.Ordinal);

    /// <summary>"The General Assembly,", "The Security Council,", "The Economic and Social Council,".</summary>
    internal static bool IsPreambleStart(string line) => IsPreambleStart(line.AsSpan());

    /// <inheritdoc cref="IsPreambleStart(string)"/>
    internal static bool IsPreambleStart(ReadOnlySpan<char> line) =>
        // "The General Assembly" alone on its line before "Resolves that:" (the Working Capital Fund's resolutions).
        line.TrimEnd(" *") is "The General Assembly" ||
        // A scan that read the comma after the organ's name as a full stop: "The Security Council."
        line.TrimEnd(" *") is "The Security Council." or "The General Assembly." or "The Economic and Social Council." ||
        line.Length < 70 && line.StartsWith("The ", StringComparison.Ordinal) && line.TrimEnd('*').EndsWith(',')
        && (line.Contains("Assembly", StringComparison.Ordinal) || line.Contains("Council", StringComparison.Ordinal)
            || line.Contains("Commission", StringComparison.Ordinal) || line.Contains("Board", StringComparison.Ordinal)
            || line.Contains("Conference", StringComparison.Ordinal));

    private static bool StartsHeadingLine(ReadOnlySpan<char> line) =>
        line.StartsWith("Resolution adopted", StringComparison.Ordinal) || line.StartsWith("Adopted by", StringComparison.Ordinal)
        || line.StartsWith('[') || line.StartsWith("Agenda item", StringComparison.Ordinal);

    internal static bool IsClosingLine(ReadOnlySpan<char> line)
    {
        var text = line.TrimStart('*');
        if (text.StartsWith("Adopted at", StringComparison.Ordinal) || text.StartsWith("Adopted unanimously", StringComparison.Ordinal)
            || text.StartsWith("Adopted by", StringComparison.Ordinal) || text.StartsWith("Adopted without a vote", StringComparison.Ordinal)
            || IsScannedAdoptionLine(text)) return true;
        var p = 0;
        while (p < text.Length && char.IsAsciiDigit(text[p])) p++;
        if (p == 0 || p + 2 > text.Length) return false;
        var rest = text[p..];
        return (rest.StartsWith("st ", StringComparison.Ordinal) || rest.StartsWith("nd ", StringComparison.Ordinal)
                || rest.StartsWith("rd ", StringComparison.Ordinal) || rest.StartsWith("th ", StringComparison.Ordinal))
            && rest.Contains("plenary meeting", StringComparison.Ordinal);
    }

    /// <summary>
    /// An older Council resolution's closing line whose words the scan marred or the volume varied ("Adopted unanimous at the
    /// 3O93rd", "Adopted ut the 2242nd meeting", "Adopted without a vate ai the 3044th", "Adopted without vote at the 3001st",
    /// "Adopted the 1245th meeting"): "Adopted", then a meeting's ordinal within a few words, a digit before its suffix.
    /// </summary>
    private static bool IsScannedAdoptionLine(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("Adopted ", StringComparison.Ordinal)) return false;
        var words = 0;
        foreach (var range in text.Split(' '))
        {
            var word = text[range];
            if (word.IsEmpty) continue;
            if (++words > 8) return false;
            if (word.Length >= 3 && char.IsAsciiDigit(word[^3]) && Recognisers.Ordinals.IsDigitsEnding(word[^2..])) return true;
        }
        return false;
    }

    /// <summary>"Annex", "Annex II", "Annexes", "Appendix", "Annex to resolution 1454 (2002)": the line that opens an annex.</summary>
    internal static bool IsAnnexHeading(ReadOnlySpan<char> line)
    {
        var text = line.Trim("* ");
        var word = text.StartsWith("Annex", StringComparison.Ordinal) ? 5 : text.StartsWith("Appendix", StringComparison.Ordinal) ? 8 : text.StartsWith("ANNEX", StringComparison.Ordinal) ? 5 : -1;
        if (word < 0 || text.Length > 100 || EndsComplete(text) && !text.EndsWith(')')) return false;
        var rest = text[word..];
        // "Annex A – Items subject to a no-objection process": the annex's letter or number, a dash and its title.
        var dash = rest.IndexOfAny('–', '—');
        if (dash > 0 && rest[..dash].Trim() is { Length: > 0 and <= 4 } label && IsAnnexLabel(label)) return true;
        if (text.Length > 60) return false;
        if (rest.StartsWith("es", StringComparison.Ordinal)) rest = rest[2..];
        rest = rest.Trim();
        if (rest.Length == 0) return true;
        if (rest.StartsWith("to ", StringComparison.Ordinal)) return true;
        foreach (var c in rest) if (!(c is 'I' or 'V' or 'X' or ' ' || char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))) return false;
        return rest.Length <= 6;
    }

    private static bool IsAnnexLabel(ReadOnlySpan<char> label)
    {
        foreach (var c in label) if (!(c is 'I' or 'V' or 'X' || char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))) return false;
        return true;
    }

    private static bool StartsNewBlock(ReadOnlySpan<char> current, ReadOnlySpan<char> previousLine, FlowLine line, double width)
    {
        var text = line.Text;
        if (IsBareNumbering(current)) return false;
        // A heading "77/13. Title" or "Decision 71/524. Title" ends at the blank line, punctuation or not.
        if (line.BlanksBefore > 0 && IsNumberHeading(current)) return true;
        var complete = EndsComplete(current);
        // In wrapped text the last line of a paragraph is short; in text with a paragraph per line, only headings are.
        var previousShort = width > 130 ? previousLine.Length < 60 : previousLine.Length < width * 0.6;
        if (IsNumberedStart(text) || IsBareNumbering(text)) return complete || line.BlanksBefore > 0 || previousShort;
        if (IsSectionHeading(text)) return complete || line.BlanksBefore > 0;
        // "(a) The Government or public authorities of Libya; or" / [blank] / "(6) Any Libyan undertaking;" (S/RES/883 (1993)):
        // after a lettered sub-paragraph, a digit in brackets after a blank line is the next letter as a scan read it, and opens
        // a sub-paragraph of its own even where the one before ends in its "or"; the paragraph recogniser reads its letter.
        if (line.BlanksBefore > 0 && OpensWithDigitItem(text) && TryReadLetterItem(current, out _)) return true;
        var first = text[0];
        // A line that opens with a resolution's number continues a list cut at a page break ("…, 76/237 of 24 December 2021,
        // [page] 76/268 of 10 June 2022, …"); an old-style footnote ("4/ Statements …") or a paragraph's number does not.
        var capitalLike = char.IsUpper(first) || (char.IsAsciiDigit(first) && (complete || current.Length < ProseLength || OpensWithOldStyleMark(text)) && !(EndsInListComma(current) && (OpensWithResolutionNumber(text) || OpensWithDate(text)))) || first is '“' or '"' or '(' or '[' or '*' || Superscript.IsDigit(first)
            || OpensWithScannedNumber(text);
        if (complete && IsOpener(text)) return true;
        // The older Council texts join their preambular clauses with a conjunction ("… carry out these obligations, and" /
        // [blank] / "Taking into account …", resolution 6 (1946); "… by subsequent agreements ; and" / [blank] / "Whereas under
        // Article 77 …", resolution 21 (1947)): after a blank line a clause's opener starts the next clause.
        if (line.BlanksBefore > 0 && EndsInClauseConjunction(current) && (IsOpener(text) || OpensWhereas(text))) return true;
        // After a blank line an operative verb opens a paragraph even where the one before lost its final comma in the scan
        // ("… for admission to the United Nations / [blank] / Recommends to the General Assembly …").
        if (line.BlanksBefore > 0 && IsOperativeOpener(text)) return true;
        // A clause that lost its final comma in the scan, its last line ending in a number: a footnote mark the text layer
        // left as a plain number ("… of 12 August 1949 30", S/RES/592 (1986); "… Agency for 2022 1", A/RES/78/8) or a date
        // ("… beyond 15 June 1970", S/RES/281 (1970)). After a blank line a clause's opener starts the next clause; a line
        // ending in a word ("Small Island" / [blank] / "Developing States") runs on.
        if (line.BlanksBefore > 0 && EndsInNumber(current) && IsOpener(text)) return true;
        // An amendment's instruction after its title ("External debt sustainability and development" / [blank] / "Delete
        // operative paragraphs 3, 43 and 45."): a title as long as the amendment's few lines is no short last line.
        if (line.BlanksBefore > 0 && OpensAmendmentInstruction(text)) return true;
        if (line.BlanksBefore > 0 && complete && capitalLike) return true;
        if (line.BlanksBefore > 0 && previousShort && capitalLike) return true;
        if (previousShort && capitalLike && complete && current.TrimEnd()[^1] is '.' or ':' or ';') return true;
        return false;
    }

    /// <summary>
    /// "ll. Calls once again for …", "i9. Calls upon …": a paragraph number whose digits a scan read as small letters, then
    /// its full stop or comma and a capitalised word; the paragraph recogniser takes it as a number where the numbering
    /// leads to expect it.
    /// </summary>
    private static bool OpensWithScannedNumber(ReadOnlySpan<char> text)
    {
        var p = 0;
        var letters = 0;
        while (p < text.Length && p < 3 && (char.IsAsciiDigit(text[p]) || text[p] is 'l' or 'i'))
        {
            if (!char.IsAsciiDigit(text[p])) letters++;
            p++;
        }
        return letters > 0 && p + 2 < text.Length && text[p] is '.' or ',' && text[p + 1] == ' ' && char.IsAsciiLetterUpper(text[p + 2]);
    }

    /// <summary>
    /// "76/268 of 10 June 2022": a session, a slash and a number, not the "4/ " of an old-style footnote; or a Council
    /// resolution's number and year, "2044 (2012) on 24 April 2012".
    /// </summary>
    private static bool OpensWithResolutionNumber(ReadOnlySpan<char> text)
    {
        var p = 0;
        while (p < text.Length && p < 3 && char.IsAsciiDigit(text[p])) p++;
        if (p > 0 && p + 1 < text.Length && text[p] == '/' && char.IsAsciiDigit(text[p + 1])) return true;
        while (p < text.Length && p < 4 && char.IsAsciiDigit(text[p])) p++;
        return p > 0 && p + 7 <= text.Length && text[p] == ' ' && text[p + 1] == '(' && text[p + 6] == ')'
            && char.IsAsciiDigit(text[p + 2]) && char.IsAsciiDigit(text[p + 3]) && char.IsAsciiDigit(text[p + 4]) && char.IsAsciiDigit(text[p + 5]);
    }

    /// <summary>
    /// A block at least this long is prose cut by a page break when it stops mid-sentence and the next line opens with a
    /// number ("… 47/52 of / [page] 9 December 1992, …"); a shorter one is a table's cell ("Monday, 5 October" / "3 p.m.").
    /// </summary>
    private const int ProseLength = 150;

    /// <summary>"3/ The delegation of Senegal informed …": an old-style footnote, not a paragraph's words cut by a page break.</summary>
    private static bool OpensWithOldStyleMark(ReadOnlySpan<char> text)
    {
        var p = 0;
        while (p < text.Length && p < 3 && char.IsAsciiDigit(text[p])) p++;
        return p > 0 && p + 1 < text.Length && text[p] == '/' && text[p + 1] == ' ';
    }

    /// <summary>"20 December 2012, 68/169 …": a date, which a page break may set at the top of a page inside a paragraph.</summary>
    /// <remarks>Asked only of a line that opens with a digit after a list's comma; the date reader reads the line where it stands.</remarks>
    private static bool OpensWithDate(ReadOnlySpan<char> text) =>
        Graph.Model.Symbols.DateText.TryRead(text, 0, out _, out _);

    /// <summary>"… 1949 30", "… 15 June 1970": the text's last character a digit.</summary>
    private static bool EndsInNumber(ReadOnlySpan<char> text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && char.IsAsciiDigit(t[^1]);
    }

    /// <summary>"…, and", "… ; and": a clause ended by its punctuation and the conjunction that joins it to the next.</summary>
    private static bool EndsInClauseConjunction(ReadOnlySpan<char> text)
    {
        var t = text.TrimEnd();
        if (!t.EndsWith(" and", StringComparison.Ordinal)) return false;
        t = t[..^" and".Length].TrimEnd();
        return t.Length > 0 && t[^1] is ',' or ';';
    }

    /// <summary>Whether the text ends in a comma, or in a comma and the footnote mark the text layer left as a number ("… 10 July 2024,5").</summary>
    private static bool EndsInListComma(ReadOnlySpan<char> text)
    {
        var t = text.TrimEnd();
        var k = t.Length;
        while (k > 0 && t.Length - k < 3 && (char.IsAsciiDigit(t[k - 1]) || Superscript.IsDigit(t[k - 1]))) k--;
        return k > 0 && t[k - 1] == ',';
    }

    private static bool IsNumberHeading(ReadOnlySpan<char> text)
    {
        var p = text.StartsWith("Decision ", StringComparison.Ordinal) ? "Decision ".Length : 0;
        var s = p;
        while (p < text.Length && char.IsAsciiDigit(text[p])) p++;
        if (p == s || p >= text.Length || text[p] != '/') return false;
        p++;
        var t = p;
        while (p < text.Length && char.IsAsciiDigit(text[p])) p++;
        return p > t && p + 1 < text.Length && text[p] == '.' && text[p + 1] == ' ';
    }

    private static bool EndsComplete(ReadOnlySpan<char> text)
    {
        var k = text.Length - 1;
        while (k >= 0 && (Superscript.IsDigit(text[k]) || text[k] is ' ' or '*' or '”' or '’' or '"')) k--;
        // A footnote mark the text layer left as a plain number after the final punctuation ("nuclear weapons, 1"), or an
        // old-style mark ("… the President of the Security Council, 3/"): the paragraph is complete, and must not run on into the next.
        if (k >= 1 && text[k] == '/' && char.IsAsciiDigit(text[k - 1])) k--;
        var digits = k;
        while (digits >= 0 && k - digits < 3 && char.IsAsciiDigit(text[digits])) digits--;
        if (digits < k && digits >= 1 && (text[digits] == ' ' ? text[digits - 1] : text[digits]) is ',' or ';' or '.' or ':') return true;
        return k >= 0 && text[k] is ',' or ';' or '.' or ':' or '!' or '?' or ')' or ']';
    }

    internal static bool IsNumberedStart(ReadOnlySpan<char> text)
    {
        var p = 0;
        while (p < text.Length && p < 3 && char.IsAsciiDigit(text[p])) p++;
        if (p > 0 && p < text.Length && text[p] == '.' && (p + 1 == text.Length || text[p + 1] == ' ')) return true;
        return IsScannedCommaNumbering(text) || TryReadLetterItem(text, out _);
    }

    /// <summary>
    /// "7, Again calls for …": a scan read the full stop after a paragraph number as a comma. Only a number of one or two
    /// digits and a capitalised word of letters after it: "2, 3 and 4" or "1950, The" are no paragraph numbers.
    /// </summary>
    internal static bool IsScannedCommaNumbering(ReadOnlySpan<char> text)
    {
        var p = 0;
        while (p < text.Length && p < 3 && char.IsAsciiDigit(text[p])) p++;
        if (p is 0 or > 2 || p + 3 >= text.Length || text[p] != ',' || text[p + 1] != ' ' || !char.IsAsciiLetterUpper(text[p + 2])) return false;
        var q = p + 2;
        while (q < text.Length && char.IsAsciiLetter(text[q])) q++;
        return q - (p + 2) >= 3 && q < text.Length && text[q] == ' ';
    }

    /// <summary>"(a)", "(ii)" at the start of a sub-paragraph.</summary>
    internal static bool TryReadLetterItem(string text, out int end) => TryReadLetterItem(text.AsSpan(), out end);

    /// <inheritdoc cref="TryReadLetterItem(string, out int)"/>
    internal static bool TryReadLetterItem(ReadOnlySpan<char> text, out int end)
    {
        end = 0;
        if (text.Length < 3 || text[0] != '(') return false;
        var close = text.IndexOf(')');
        if (close is < 2 or > 6) return false;
        var inner = text.Slice(1, close - 1);
        foreach (var c in inner) if (!char.IsAsciiLetterLower(c)) return false;
        if (close + 1 < text.Length && text[close + 1] != ' ') return false;
        end = close + 1;
        return true;
    }

    /// <summary>Whether the text opens with a digit in brackets and more after it ("(1) The instrument …", "(6) Any Libyan undertaking;").</summary>
    internal static bool OpensWithDigitItem(ReadOnlySpan<char> text) =>
        text.Length > 3 && text[0] == '(' && char.IsAsciiDigit(text[1]) && text[2] == ')';

    private static bool IsBareNumbering(ReadOnlySpan<char> text)
    {
        var t = text.Trim();
        if (t.Length is 0 or > 6) return false;
        if (t.EndsWith('.') && IsDigitsOrCapitals(t[..^1])) return true;
        // An item that ends the text is one that a space would follow.
        return TryReadLetterItem(t, out var end) && end == t.Length;
    }

    private static bool IsDigitsOrCapitals(ReadOnlySpan<char> text)
    {
        foreach (var c in text) if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c)) return false;
        return true;
    }

    private static bool IsSectionHeading(ReadOnlySpan<char> text)
    {
        var p = 0;
        while (p < text.Length && p < 5 && text[p] is 'I' or 'V' or 'X') p++;
        return p > 0 && p + 1 < text.Length && text[p] == '.' && text[p + 1] == ' ';
    }

    private static bool IsOpener(ReadOnlySpan<char> text)
    {
        var p = 0;
        while (p < text.Length && char.IsLetter(text[p])) p++;
        if (p < 4 || !char.IsUpper(text[0])) return false;
        var word = text[..p];
        return OpenerLookup.Contains(word) || (word.EndsWith("ing", StringComparison.Ordinal) && word.Length >= 6 && p < text.Length && text[p] == ' ');
    }

    /// <summary>An opener in the present tense ("Recommends", "Decides", "Calls"), not a participle or adjective of a preamble.</summary>
    private static bool IsOperativeOpener(ReadOnlySpan<char> text)
    {
        var space = text.IndexOf(' ');
        if (space < 4) return false;
        var word = text[..space];
        return word.EndsWith('s') && !word.EndsWith("ous", StringComparison.Ordinal) && OpenerLookup.Contains(word);
    }

    /// <summary>
    /// The instruction of an amendment to a draft: "Delete the third preambular paragraph", "Replace operative paragraph
    /// 200 with", "Insert", "In operative paragraph 68, after …", "In the twenty-eighth preambular paragraph, delete …",
    /// "After operative paragraph 70, insert …".
    /// </summary>
    internal static bool OpensAmendmentInstruction(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        if (text.StartsWith("Delete ", StringComparison.Ordinal) || text.StartsWith("Replace ", StringComparison.Ordinal)
            || text.StartsWith("Insert ", StringComparison.Ordinal)) return true;
        if (!text.StartsWith("In ", StringComparison.Ordinal) && !text.StartsWith("After ", StringComparison.Ordinal)) return false;
        var comma = text.IndexOf(',');
        var head = comma < 0 ? text : text[..comma];
        return head.Length < 60 && (head.Contains("operative paragraph", StringComparison.Ordinal) || head.Contains("preambular paragraph", StringComparison.Ordinal));
    }

    internal static double TypicalWidth(List<FlowLine> flow)
    {
        // The 90th percentile of the non-empty line lengths, read from a count of lines by length: sorting every length
        // took a twentieth of the layout's time on a long text. Lengths past the table are kept apart, so a percentile
        // that falls among them is still read exactly from those few. The table is as long as the longest line needs:
        // clearing one of every possible length cost a short text more than the sort.
        var longest = 0;
        foreach (var line in flow) longest = Math.Max(longest, line.Text.Length);
        Span<int> byLength = stackalloc int[Math.Min(longest + 1, CountedWidths)];
        List<int>? longer = null;
        var count = 0;
        foreach (var line in flow)
        {
            var length = line.Text.Length;
            if (length == 0) continue;
            count++;
            if (length < byLength.Length) byLength[length]++;
            else (longer ??= []).Add(length);
        }
        if (count == 0) return 80;
        var rank = (int)(count * 0.9);
        for (var length = 1; length < byLength.Length; length++)
        {
            rank -= byLength[length];
            if (rank < 0) return Math.Max(40, length);
        }
        longer!.Sort();
        return Math.Max(40, longer[rank]);
    }

    /// <summary>Line lengths counted one by one in <see cref="TypicalWidth"/>; a page's line is far shorter, a paragraph per line may be longer.</summary>
    private const int CountedWidths = 512;

    /// <summary>
    /// The organ's line, with its comma, a full stop a scan put for it, or neither: inside the body it opens the next part
    /// of a resolution in parts ("A … B / The Security Council, / Gravely concerned …"), and is no paragraph.
    /// </summary>
    internal static bool IsOrganLine(string line) => IsPreambleStart(line) || IsBareOrganLine(line);

    /// <summary>The organ's whole line without its comma: "The General Assembly", "The Security Council".</summary>
    private static bool IsBareOrganLine(ReadOnlySpan<char> line) =>
        line.Trim().TrimEnd('*') is "The General Assembly" or "The Security Council" or "The Economic and Social Council" or "The Human Rights Council";
}

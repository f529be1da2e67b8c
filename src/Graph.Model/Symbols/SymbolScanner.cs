using System.Globalization;

namespace Graph.Model.Symbols;

/// <summary>
/// Finds UN document symbols in running text by hand-written scanning (no backtracking, linear time):
/// full symbols (A/77/277-S/2022/606*, A/71/160 and Add.1, A/C.3/80/L.11, S/PV.9609), and the numbers
/// that follow "resolution(s)" or "decision(s)" (64/256, 1631 (2005), 1514 (XV), 2200 A (XXI), ES-10/23,
/// S-30/1), including lists ("resolutions 64/256 of 2 March 2010, 65/122 … and 75/276").
/// </summary>
public static partial class SymbolScanner
{
    private const int MaxSegments = 8;

    /// <summary>
    /// What a match can open with: the capital of a full symbol ("A/77/277"), the "r" or "d" of
    /// "resolution(s)"/"decision(s)", the digit of a bare "1447 (2002)", or a glyph a scan made of the Council's S ("$/13369").
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> SymbolOpenings =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZrd0123456789$§");

    /// <summary>
    /// The symbols of <paramref name="text"/> in the order of the text; in a Council text, those a scan spoiled past the
    /// grammar's reading too ("document s/3140", "document S112357", see <see cref="WithCouncilMisprints"/>).
    /// </summary>
    public static IReadOnlyList<SymbolMatch> Scan(ReadOnlySpan<char> text, SymbolContext context) => Scan(text, context, int.MaxValue);

    /// <summary>
    /// The first <paramref name="maxMatches"/> symbols of <paramref name="text"/>, those of <see cref="Scan(ReadOnlySpan{char}, SymbolContext)"/>
    /// that come first, the text read only until they are found: a caller with a bound on what it keeps (a text of a million
    /// symbols in one paragraph) need not have them all read first. Fewer means the text holds no more.
    /// </summary>
    public static IReadOnlyList<SymbolMatch> Scan(ReadOnlySpan<char> text, SymbolContext context, int maxMatches)
    {
        var read = ScanText(text, context, maxMatches);
        var all = context == SymbolContext.SecurityCouncil ? WithCouncilMisprints(text, read, maxMatches) : read;
        // A list read at once ("resolutions 1, 2, … and 200") may pass the bound. Each source (the grammar, each kind of
        // misprint) gave at least its first maxMatches, so the first maxMatches of them all are the text's first.
        return all.Count > maxMatches ? all.Take(maxMatches).ToList() : all;
    }

    /// <summary>The symbols the grammar reads, as written or as a scan commonly spoils them.</summary>
    private static List<SymbolMatch> ScanText(ReadOnlySpan<char> text, SymbolContext context, int maxMatches)
    {
        var result = new List<SymbolMatch>();
        if (text.IsEmpty) return result;
        var i = 0;
        while (i < text.Length && result.Count < maxMatches)
        {
            // Most characters cannot open a symbol: jump to the next one that can before testing for a word boundary.
            var skip = text.Slice(i).IndexOfAny(SymbolOpenings);
            if (skip < 0) break;
            i += skip;
            var c = text[i];
            if (IsWordBoundaryBefore(text, i))
            {
                if (char.IsAsciiLetterUpper(c) && TryReadFull(text, i, result, out var end))
                {
                    i = end;
                    continue;
                }
                if (c is '$' or '§' or 'S' or '8' && TryReadMisreadCouncilSymbol(text, i, context, result, out end))
                {
                    i = end;
                    continue;
                }
                if (c is 'r' or 'R' or 'd' or 'D' && TryReadKeywordList(text, i, context, result, out end))
                {
                    i = end;
                    continue;
                }
                if (char.IsAsciiDigit(c) && TryReadBareSecurityCouncilResolution(text, i, result, out end))
                {
                    i = end;
                    continue;
                }
            }
            i++;
        }
        return result;
    }

    // ---- full symbols -------------------------------------------------------------------------

    private static bool TryReadFull(ReadOnlySpan<char> text, int start, List<SymbolMatch> result, out int end)
    {
        end = start;
        if (!TryReadSingle(text, start, out var canonical, out var p)) return false;
        List<string>? aliases = null;
        p = SkipAsterisks(text, p);
        // Joint symbols: "A/77/277-S/2022/606", "A/79/845–S/2025/203" (hyphen or dash, no spaces on mastheads).
        while (p < text.Length - 2 && text[p] is '-' or '–' or '—' or '\u2011')
        {
            var q = p + 1;
            if (q < text.Length && text[q] == ' ') q++;
            if (!TryReadSingle(text, q, out var alias, out var aliasEnd)) break;
            (aliases ??= []).Add(alias);
            p = SkipAsterisks(text, aliasEnd);
        }
        // "A/RES/78/18A/RES/78/18": a running header set twice with nothing between is the one symbol.
        if (canonical.Length % 2 == 0 && canonical.AsSpan(0, canonical.Length / 2).SequenceEqual(canonical.AsSpan(canonical.Length / 2)))
            canonical = canonical[..(canonical.Length / 2)];
        var symbolEnd = TrimTrailingSpace(text, start, p);
        result.Add(new SymbolMatch(aliases is null ? Shared(canonical) : DocumentSymbol.FromCanonical(canonical, aliases), start, symbolEnd, SymbolForm.Full));
        end = symbolEnd;

        // "A/71/160-S/2016/621 and Add.1": the addendum is a document of its own with the same base.
        var r = end;
        // "S/11353/Add.24 and 25": further addenda of the base the symbol ends in.
        var slash = canonical.LastIndexOf('/');
        if (slash > 0 && canonical.AsSpan(slash + 1).StartsWith("Add.", StringComparison.Ordinal))
            r = end = ReadFurtherNumbers(text, r, canonical, slash, aliases, "Add.", canonical.AsSpan(slash + 5), result);
        // "A/C.4/51/SR.2-5 and 8", "A/C.4/49/SR.2, 5, 6 and 13": further summary or verbatim records of the same series.
        else if (slash > 0 && aliases is null && (canonical.AsSpan(slash + 1).StartsWith("SR.", StringComparison.Ordinal) || canonical.AsSpan(slash + 1).StartsWith("PV.", StringComparison.Ordinal)))
            r = end = ReadFurtherNumbers(text, r, canonical, slash, aliases, canonical.Substring(slash + 1, 3), canonical.AsSpan(slash + 4), result);
        while (TryReadAndSuffix(text, r, out var suffix, out var suffixStart, out var suffixEnd))
        {
            result.Add(new SymbolMatch(DocumentSymbol.FromCanonical(canonical + "/" + suffix, AliasesWith(aliases, "", suffix, -1)), suffixStart, suffixEnd, SymbolForm.Full));
            end = suffixEnd;
            r = suffixEnd;
            // "S/4389 and Add.1-3", "S/5137 and Add.1 and 2": the addenda the suffix's number runs on to.
            var dot = suffix.IndexOf('.', StringComparison.Ordinal);
            r = end = ReadFurtherNumbers(text, r, canonical, canonical.Length, aliases, suffix[..(dot + 1)], suffix.AsSpan(dot + 1), result);
        }
        return true;
    }

    /// <summary>
    /// After "Add.1": "-3" (Add.2 and Add.3) or " and 2" / ", 2" (Add.2), each number ending at punctuation, so that a
    /// count that follows ("Add.1 and 2 others") is not read as an addendum. The addenda are of the first baseLength characters
    /// of the canonical symbol. Returns where the last one read ends.
    /// </summary>
    private static int ReadFurtherNumbers(ReadOnlySpan<char> text, int p, string canonical, int baseLength, List<string>? aliases, string suffixWord, ReadOnlySpan<char> number, List<SymbolMatch> result)
    {
        if (!int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var last)) return p;
        void Add(int n, int start, int end) => result.Add(new SymbolMatch(DocumentSymbol.FromCanonical(
            $"{canonical.AsSpan(0, baseLength)}/{suffixWord}{n}", AliasesWith(aliases, suffixWord, "", n)), start, end, SymbolForm.Full));
        // "S/24900 and Add.1 to 31)": a range in words, its end at punctuation.
        var inWords = p + 4 < text.Length && text[p] is ' ' or '\n' && DateText.StartsAt(text, p + 1, "to ");
        if (inWords || (p + 1 < text.Length && text[p] is '-' or '–'))
        {
            var q = inWords ? p + 4 : p + 1;
            var upTo = ReadDigits(text, ref q, 3);
            // "A/78/123/Add.1-3 and A/56/10": a range's end may stand before a space; "Add.1-3" counts nothing.
            if (!(upTo > last && upTo - last <= 30 && (EndsItem(text, q) || (!inWords && text[q] is ' ' or '\n')))) return p;
            for (var n = last + 1; n <= upTo; n++) Add(n, p + 1, q);
            // "SR.2-5 and 8": the list may go on after the range.
            (last, p) = (upTo, q);
        }
        while (true)
        {
            var q = p;
            if (q < text.Length && text[q] == ',') q++;
            SkipSpaceOptional(text, ref q);
            if (DateText.StartsAt(text, q, "and ")) q += 4;
            else if (q == p || text[p] != ',') return p;
            var start = q;
            var n = ReadDigits(text, ref q, 3);
            // "SR.2, 5, 6 and 13": an item may also end before the "and" of the last.
            if (n <= last || n - last > 30 || !(EndsItem(text, q) || (DateText.StartsAt(text, q, " and ") && q + 5 < text.Length && char.IsAsciiDigit(text[q + 5])))) return p;
            Add(n, start, q);
            last = n;
            p = q;
        }
    }

    /// <summary>
    /// Each alias of a joint symbol with the suffix after it ("S/2016/621" and "Add." 2 make "S/2016/621/Add.2"; a number of
    /// -1 adds none): a loop, where a query's lambda made an object per symbol read, joint or not.
    /// </summary>
    private static List<string>? AliasesWith(List<string>? aliases, string suffixWord, string suffix, int number)
    {
        if (aliases is null) return null;
        var with = new List<string>(aliases.Count);
        foreach (var alias in aliases) with.Add(number < 0 ? $"{alias}/{suffixWord}{suffix}" : $"{alias}/{suffixWord}{number}");
        return with;
    }

    /// <summary>Whether a number at <paramref name="q"/> ends where a list item would: punctuation or the text's end.</summary>
    private static bool EndsItem(ReadOnlySpan<char> text, int q) => q >= text.Length || text[q] is '.' or ',' or ';' or ':' or ')';

    /// <summary>Reads one slash-separated symbol (no joint part). Canonicalises as it goes.</summary>
    private static bool TryReadSingle(ReadOnlySpan<char> text, int start, out string canonical, out int end)
    {
        canonical = "";
        end = start;
        var p = start;
        while (p < text.Length && char.IsAsciiLetterUpper(text[p]) && p - start < 9) p++;
        var firstLength = p - start;
        // "UNEP(DTIE)/Hg/CONF/4": a division in brackets glued to the series.
        var firstEnd = p;
        if (firstLength is > 0 and <= 8) p = SkipBracketedPart(text, p);
        if (firstLength is 0 or > 8 || p >= text.Length || text[p] != '/') return false;
        // "decision IX/16 C", "decision X/29" (a Conference of the Parties' decisions, inside its report), "STCMLC/Part I/2021/2":
        // no series of the UN's opens with a Roman numeral.
        if (text.Slice(start, firstLength).IndexOfAnyExcept("IVX") < 0 && firstEnd == p) return false;
        // The canonical symbol is written into a reused buffer and made a string once, through a table of those already read:
        // a long text cites the same few documents thousands of times, and each segment as a string of its own cost more
        // than the symbol.
        var buffer = t_canonical ??= new char[128];
        var length = 0;
        Append(ref buffer, ref length, text.Slice(start, p - start));
        var firstSegment = length;
        var (secondStart, secondLength) = (0, 0);
        var count = 1;
        var hasDigit = false;
        while (p < text.Length && text[p] == '/' && count < MaxSegments)
        {
            var s = p + 1;
            // "document S/ 13672": old scans set a space after the Council's or the Assembly's letter.
            if (count == 1 && firstLength == 1 && text[start] is 'S' or 'A' or 'E' && s + 1 < text.Length && text[s] == ' ' && text[s + 1] is >= '1' and <= '9') s++;
            // "(document A/6000/ Rev.1)": a line broken after the slash before a suffix.
            else if (count >= 2 && s + 1 < text.Length && text[s] is ' ' or '\n' && SuffixWithNumberAt(text, s + 1)) s++;
            var q = s;
            while (q < text.Length && IsSegmentChar(text, q)) q++;
            // A full stop that ends the sentence is not part of the symbol ("… A/77/277.").
            while (q > s && text[q - 1] == '.') q--;
            if (q == s) break;
            // "ICCD/COP(13)/21/Add.1": a session in brackets glued to a part.
            if (char.IsAsciiLetterUpper(text[s]) && text[q - 1] != '.') q = SkipBracketedPart(text, q);
            var segment = text.Slice(s, q - s);
            // "S/12344/Rey.1": a scan's y for the v of "Rev.".
            if (segment.StartsWith("Rey.", StringComparison.Ordinal) && segment.Length > 4 && char.IsAsciiDigit(segment[4])) segment = string.Concat("Rev.", segment[4..]);
            if (!char.IsAsciiLetterUpper(segment[0]) && !char.IsAsciiDigit(segment[0]) && !IsSuffix(segment)) break;
            var segmentStart = length + 1;
            // "A/C.6/79.SR.37": a full stop typed for the slash before a series of records.
            if (char.IsAsciiDigit(segment[0]) && segment.Contains('.') && SplitMistypedSeries(segment.ToString()) is { } split)
            {
                Append(ref buffer, ref length, "/");
                Append(ref buffer, ref length, split.Session);
                Append(ref buffer, ref length, "/");
                Append(ref buffer, ref length, split.Series);
                if (count == 1) (secondStart, secondLength) = (segmentStart, split.Session.Length);
                count += 2;
                hasDigit = true;
                p = q;
                continue;
            }
            Append(ref buffer, ref length, "/");
            // "A/C.6/64/SR.1–28/Corrigendum": the corrigendum to a run of summary records is one document.
            if (segment.StartsWith("SR.", StringComparison.Ordinal) && TryReadRecordRange(text, q, out var range, out var rangeEnd))
            {
                Append(ref buffer, ref length, segment);
                Append(ref buffer, ref length, range);
                if (count == 1) (secondStart, secondLength) = (segmentStart, length - segmentStart);
                count++;
                hasDigit = true;
                p = rangeEnd;
                continue;
            }
            AppendCanonicalSegment(ref buffer, ref length, segment);
            if (count == 1) (secondStart, secondLength) = (segmentStart, length - segmentStart);
            count++;
            hasDigit |= HasDigit(segment);
            p = q;
        }
        if (count < 2 || !hasDigit) return false;
        // "A/80/___", "A/80/7/Add.__": the number of a document not yet issued, left blank; no symbol names it.
        var blank = p < text.Length && text[p] is '/' or '.' ? p + 1 : p;
        if (blank < text.Length && text[blank] == '_') return false;
        var second = buffer.AsSpan(secondStart, secondLength);
        // "AFC/M23" names an armed group: a two-part symbol ends in a number ("S/24", "CD/1985") or a dotted part ("S/PV.9609").
        if (count == 2 && char.IsAsciiLetter(second[0]) && !second.Contains('.')) return false;
        // A trailing letter right after the symbol means we are inside a word ("A/B/1x").
        if (p < text.Length && char.IsLetter(text[p])) return false;
        var firstIsA = buffer.AsSpan(0, firstSegment) is "A";
        var firstIsS = buffer.AsSpan(0, firstSegment) is "S";
        var firstIsAOrE = firstIsA || buffer.AsSpan(0, firstSegment) is "E";
        var secondIsRes = second is "RES";
        var secondIsResOrDec = secondIsRes || second is "DEC";
        canonical = SharedCanonical(buffer.AsSpan(0, length));
        // "NPT/CONF.2010/50 (Vol. I)", "NPT/CONF.1995/32 (Part I)/Corr.2": a volume or part is a document of its own, and
        // may have its own corrigendum. A part of an Assembly conference's report ("A/CONF.157/24 (Part I)") is cited as
        // the report, as the gold sets count it.
        if (!secondIsRes && TryReadVolumeOrPart(text, p, out var part, out var partEnd)
            && (!firstIsA || part.StartsWith("Vol.", StringComparison.Ordinal) || part.StartsWith("Sect.", StringComparison.Ordinal)))
        {
            canonical += $" ({part})";
            p = partEnd;
            while (p + 1 < text.Length && text[p] == '/')
            {
                var s = p + 1;
                var q = s;
                while (q < text.Length && (char.IsAsciiLetterOrDigit(text[q]) || text[q] == '.')) q++;
                while (q > s && text[q - 1] == '.') q--;
                if (q == s || !IsSuffix(text.Slice(s, q - s)) || !HasDigit(text.Slice(s, q - s))) break;
                canonical += "/" + CanonicalSegment(text[s..q].ToString());
                p = q;
            }
        }
        // Security Council resolutions carry the year, old GA resolutions the session: "S/RES/1631 (2005)".
        if (count >= 3 && secondIsRes && TryReadBracket(text, p, out var bracket, out var bracketEnd)
            && (firstIsS ? IsYear(bracket) : RomanNumerals.TryParse(bracket, out _)))
        {
            canonical += $" ({bracket})";
            p = bracketEnd;
        }
        // "A/RES/51/211 E of 18 December 1996": a part of a lettered resolution, its letter after one space on the same line
        // and before punctuation or "of". A running header is followed by its title on the next line ("A/RES/78/234 \nA global
        // call"), so a line break never carries a part.
        else if (count == 4 && firstIsAOrE && secondIsResOrDec && p + 2 <= text.Length
            && text[p] == ' ' && char.IsAsciiLetterUpper(text[p + 1])
            && (p + 2 == text.Length || text[p + 2] is ',' or ';' or ')' || DateText.StartsAt(text, p + 2, " of ")))
        {
            canonical += " " + text[p + 1];
            p += 2;
        }
        end = p;
        return true;
    }

    /// <summary>
    /// A Council document whose S the scan misread: "$/13369", "S$/12611", "§/26337", and in the Council's own texts "8/25307"
    /// (four or five digits, not a year, as "8/1993" would be). Read as the symbol with its S, addenda too ("8/17227 and
    /// Add.2"); each match keeps the span of the text as printed.
    /// </summary>
    private static bool TryReadMisreadCouncilSymbol(ReadOnlySpan<char> text, int start, SymbolContext context, List<SymbolMatch> result, out int end)
    {
        end = start;
        var c = text[start];
        var glyphs = c is '$' or '§' ? 1
            : c == 'S' && start + 1 < text.Length && text[start + 1] == '$' ? 2
            : c == '8' && context == SymbolContext.SecurityCouncil ? 1 : 0;
        var slash = start + glyphs;
        if (glyphs == 0 || slash + 1 >= text.Length || text[slash] != '/') return false;
        var q = slash + 1;
        var number = ReadDigits(text, ref q, 5);
        var digits = q - slash - 1;
        if (number < 0 || digits < (c == '8' ? 4 : 3) || (c == '8' && digits == 4 && number is >= 1900 and < 2100)) return false;
        if (q < text.Length && char.IsLetter(text[q])) return false;
        // The symbol as it should read, then the matches moved back onto the text as printed.
        var window = string.Concat("S", text.Slice(slash, Math.Min(text.Length - slash, 120)));
        var read = new List<SymbolMatch>();
        if (!TryReadFull(window, 0, read, out var windowEnd)) return false;
        int InText(int k) => k == 0 ? start : slash + k - 1;
        foreach (var match in read) result.Add(match with { Start = InText(match.Start), End = InText(match.End) });
        end = InText(windowEnd);
        return true;
    }

    /// <summary>"(DTIE)" or "(13)" glued to a part of a symbol and followed by its next slash: where it ends, or p.</summary>
    private static int SkipBracketedPart(ReadOnlySpan<char> text, int p)
    {
        if (p >= text.Length || text[p] != '(') return p;
        var q = p + 1;
        while (q < text.Length && char.IsAsciiLetterOrDigit(text[q]) && q - p <= 6) q++;
        return q > p + 1 && q + 1 < text.Length && text[q] == ')' && text[q + 1] == '/' ? q + 1 : p;
    }

    private static bool IsSegmentChar(ReadOnlySpan<char> text, int q)
    {
        var c = text[q];
        if (char.IsAsciiLetterOrDigit(c) || c == '.') return true;
        // "S/1117/Add. 1": older texts set a space between a suffix and its number; the space is no end of the symbol.
        if (c == ' ' && q + 1 < text.Length && char.IsAsciiDigit(text[q + 1]) && q > 0 && text[q - 1] == '.' && SuffixWordBefore(text, q - 1)) return true;
        // "ES-10", "S-30": a hyphen inside a segment is followed by a digit and preceded by a letter.
        if (c == '-' && q + 1 < text.Length && char.IsAsciiDigit(text[q + 1]) && q > 0 && char.IsAsciiLetter(text[q - 1])) return true;
        // "UNEP/CBD/BS/COP-MOP/5/17": two capitalised words joined by a hyphen make one part ("COP-MOP", the Conference
        // of the Parties serving as the Meeting of the Parties), where the second word runs to the next slash. A joint
        // symbol's hyphen ("A/77/277-S/2022/606") follows a digit, not a capital.
        return c == '-' && q > 0 && char.IsAsciiLetterUpper(text[q - 1]) && IsCapitalisedPart(text, q + 1);
    }

    /// <summary>Whether capitals from <paramref name="p"/> run to a slash ("MOP/"): a word of a symbol's part, not a symbol's series.</summary>
    private static bool IsCapitalisedPart(ReadOnlySpan<char> text, int p)
    {
        var q = p;
        while (q < text.Length && char.IsAsciiLetterUpper(text[q]) && q - p < 8) q++;
        return q > p && q < text.Length && text[q] == '/';
    }

    /// <summary>Whether "Rev.1", "Add.2", "Corr.1" or "Amend.1" stands at <paramref name="p"/>: a suffix and its number.</summary>
    private static bool SuffixWithNumberAt(ReadOnlySpan<char> text, int p)
    {
        foreach (var word in (ReadOnlySpan<string>)["Rev.", "Add.", "Corr.", "Amend."])
            if (DateText.StartsAt(text, p, word))
                return p + word.Length < text.Length && char.IsAsciiDigit(text[p + word.Length]);
        return false;
    }

    /// <summary>Whether the word ending at the full stop at <paramref name="dot"/> is a suffix ("Add", "Rev", "Corr", "Amend") opening its segment.</summary>
    private static bool SuffixWordBefore(ReadOnlySpan<char> text, int dot)
    {
        var w = dot;
        while (w > 0 && char.IsAsciiLetter(text[w - 1])) w--;
        if (w == 0 || text[w - 1] != '/') return false;
        return IsSuffix(text.Slice(w, dot + 1 - w));
    }

    private static bool IsSuffix(ReadOnlySpan<char> segment) =>
        segment.StartsWith("add.", StringComparison.OrdinalIgnoreCase)
        || segment.StartsWith("rev.", StringComparison.OrdinalIgnoreCase)
        || segment.StartsWith("corr.", StringComparison.OrdinalIgnoreCase)
        || segment.StartsWith("amend.", StringComparison.OrdinalIgnoreCase);

    /// <summary>"79.SR.37" → ("79", "SR.37"): a session, a full stop where the slash belongs, and a series of records or papers.</summary>
    private static (string Session, string Series)? SplitMistypedSeries(string segment)
    {
        var p = 0;
        while (p < segment.Length && char.IsAsciiDigit(segment[p])) p++;
        if (p is 0 or > 2 || p + 1 >= segment.Length || segment[p] != '.') return null;
        var series = segment[(p + 1)..];
        foreach (var word in (ReadOnlySpan<string>)["SR.", "PV.", "L.", "CRP.", "INF."])
        {
            if (series.Length > word.Length && series.StartsWith(word, StringComparison.Ordinal) && AllDigits(series.AsSpan(word.Length)))
                return (segment[..p], series);
        }
        return null;
    }

    /// <summary>"–28/Corrigendum" after "SR.1": the last record of the run (hyphenated), when a corrigendum to the run follows.</summary>
    private static bool TryReadRecordRange(ReadOnlySpan<char> text, int q, out string range, out int end)
    {
        range = "";
        end = q;
        if (q + 2 >= text.Length || text[q] is not ('-' or '–')) return false;
        var r = q + 1;
        if (ReadDigits(text, ref r, 3) < 0) return false;
        if (!DateText.StartsAt(text, r, "/Corr")) return false;
        range = string.Concat("-", text[(q + 1)..r]);
        end = r;
        return true;
    }

    /// <summary>
    /// " (Vol. I)", "(Part I)", " (Parts I and II)": a volume or part in Roman numerals; or a section of the proposed programme
    /// budget, a fascicle of its own (" (Sect. 3)", " (Sect. 29A)", written "(Sect.3)" too, read as "Sect. 3"); content without
    /// the brackets.
    /// </summary>
    private static bool TryReadVolumeOrPart(ReadOnlySpan<char> text, int p, out string part, out int end)
    {
        part = "";
        end = p;
        var q = p;
        if (q < text.Length && text[q] == ' ') q++;
        if (q >= text.Length || text[q] != '(') return false;
        var close = text[q..].IndexOf(')');
        if (close >= 0) close += q;
        if (close < 0 || close - q > 24) return false;
        var inner = text[(q + 1)..close].ToString();
        if (inner.StartsWith("Sect.", StringComparison.Ordinal))
        {
            var number = inner.AsSpan(5).TrimStart(' ');
            var digits = number.IndexOfAnyExceptInRange('0', '9');
            if (digits < 0) digits = number.Length;
            if (digits is 0 or > 2 || number.Length - digits > 1 || (number.Length > digits && !char.IsAsciiLetterUpper(number[^1]))) return false;
            part = string.Concat("Sect. ", number);
            end = close + 1;
            return true;
        }
        string? word = null;
        foreach (var w in (ReadOnlySpan<string>)["Vol. ", "Part ", "Parts "]) if (inner.StartsWith(w, StringComparison.Ordinal)) { word = w; break; }
        if (word is null) return false;
        var numerals = inner[word.Length..].Split(" and ");
        if (numerals.Length is 0 or > 2 || numerals.Any(n => !RomanNumerals.TryParse(n, out _))) return false;
        part = inner;
        end = close + 1;
        return true;
    }

    private static string CanonicalSegment(string segment)
    {
        if (!IsSuffix(segment)) return segment;
        if (segment.Contains(' ', StringComparison.Ordinal)) segment = segment.Replace(" ", "", StringComparison.Ordinal);
        var dot = segment.IndexOf('.', StringComparison.Ordinal);
        return char.ToUpperInvariant(segment[0]) + segment[1..dot].ToLowerInvariant() + segment[dot..];
    }

    /// <summary><see cref="CanonicalSegment"/> written at the end of a buffer rather than made a string.</summary>
    private static void AppendCanonicalSegment(ref char[] buffer, ref int length, ReadOnlySpan<char> segment)
    {
        if (!IsSuffix(segment))
        {
            Append(ref buffer, ref length, segment);
            return;
        }
        var from = length;
        foreach (var word in segment.Split(' '))
            Append(ref buffer, ref length, segment[word]);
        var written = buffer.AsSpan(from, length - from);
        var dot = written.IndexOf('.');
        written[0] = char.ToUpperInvariant(written[0]);
        for (var i = 1; i < dot; i++) written[i] = char.ToLowerInvariant(written[i]);
    }

    private static void Append(ref char[] buffer, ref int length, ReadOnlySpan<char> part)
    {
        if (length + part.Length > buffer.Length) Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + part.Length));
        part.CopyTo(buffer.AsSpan(length));
        length += part.Length;
        // The buffer is the thread's: a grown one is kept for the next symbol.
        t_canonical = buffer;
    }

    private static bool TryReadAndSuffix(ReadOnlySpan<char> text, int p, out string suffix, out int suffixStart, out int suffixEnd)
    {
        suffix = "";
        suffixStart = suffixEnd = p;
        var q = p;
        if (q < text.Length && text[q] == ',') q++;
        if (!SkipSpace(text, ref q)) return false;
        if (!DateText.StartsAt(text, q, "and")) return false;
        q += 3;
        if (!SkipSpace(text, ref q)) return false;
        var s = q;
        while (q < text.Length && (char.IsAsciiLetterOrDigit(text[q]) || text[q] == '.')) q++;
        // "S/2783 and Corr. 1": older texts set a space between the suffix and its number, as inside a symbol.
        // "Add.2. 61 Ibid.": a suffix that has its number already ends at the full stop; the next footnote's number is not its.
        if (q + 1 < text.Length && text[q] == ' ' && char.IsAsciiDigit(text[q + 1]) && q > s && text[q - 1] == '.' && IsSuffix(text.Slice(s, q - s))
            && !HasDigit(text.Slice(s, q - s)))
        {
            q++;
            while (q < text.Length && char.IsAsciiDigit(text[q])) q++;
        }
        while (q > s && text[q - 1] == '.') q--;
        var candidate = text[s..q].ToString();
        if (!IsSuffix(candidate) || !HasDigit(candidate)) return false;
        suffix = CanonicalSegment(candidate);
        // "S/4417 and Add.1/Rev.1 and Add.2": the revision of an addendum is the document cited, not the addendum.
        if (q + 1 < text.Length && text[q] == '/')
        {
            var r = q + 1;
            while (r < text.Length && (char.IsAsciiLetterOrDigit(text[r]) || text[r] == '.')) r++;
            while (r > q + 1 && text[r - 1] == '.') r--;
            var revision = text[(q + 1)..r];
            if (IsSuffix(revision) && HasDigit(revision)) (suffix, q) = (suffix + "/" + CanonicalSegment(revision.ToString()), r);
        }
        suffixStart = s;
        suffixEnd = q;
        return true;
    }

    private static int SkipAsterisks(ReadOnlySpan<char> text, int p)
    {
        while (p < text.Length && text[p] == '*') p++;
        return p;
    }

    private static int TrimTrailingSpace(ReadOnlySpan<char> text, int start, int p)
    {
        while (p > start && char.IsWhiteSpace(text[p - 1])) p--;
        return p;
    }

    // ---- "resolution 64/256", "resolutions 1631 (2005) and 1809 (2008)", "decision 79/512" --------

    private static readonly string[] Keywords = ["resolutions", "resolution", "decisions", "decision"];

    private static bool TryReadKeywordList(ReadOnlySpan<char> text, int start, SymbolContext context, List<SymbolMatch> result, out int end)
    {
        end = start;
        string? keyword = null;
        foreach (var k in Keywords)
        {
            if ((uint)start <= (uint)text.Length && text[start..].StartsWith(k, StringComparison.OrdinalIgnoreCase)) { keyword = k; break; }
        }
        if (keyword is null) return false;
        var first = start + keyword.Length;
        if (!SkipSpace(text, ref first)) return false;
        var isDecision = keyword.StartsWith('d');
        var named = NamedBodyBefore(text, start, context);
        var body = named ?? FromContext(context);
        // A number alone after "resolution" in the Council's own text is the Council's ("in resolution 418"): lower case, so
        // not the heading "Resolution 290" of the text itself.
        var councilText = context == SymbolContext.SecurityCouncil && body == Body.SecurityCouncil && text[start] == 'r';
        var items = ReadList(text, first, body, isDecision, councilText, start);
        if (items.Count == 0)
        {
            // "its relevant resolutions related to culture and sustainable development, in particular 41/187 of 8 December 1986,
            // 46/158 …": the list after the subject of the plural keyword, its first item whole and dated.
            if (!keyword.EndsWith('s') || !TryFindListAfterSubject(text, first, out var listStart)) return false;
            if (named is null && BodyAfter(text, first) is { } organ) body = organ;
            items = ReadList(text, listStart, body, isDecision, keywordStart: start);
            if (items.Count == 0) return false;
            first = listStart;
        }
        end = items[^1].End;
        // Where the words before leave the organ to the document's context, an organ named right after the list decides
        // it ("decisions 22/1 and 22/2 adopted by the High-level Committee on South-South Cooperation"), else the organ
        // of an earlier "resolutions" in the same sentence ("relevant Human Rights Council resolutions, in particular
        // resolutions 7/34 …").
        if (named is null && (BodyAfter(text, SkipDate(text, end)) ?? OrganOfEarlierKeyword(text, start, context)) is { } other && other != body)
            items = ReadList(text, first, other, isDecision, keywordStart: start);
        foreach (var item in items)
            if (item.Symbol is not null) result.Add(new SymbolMatch(item.Symbol, item.Start, item.End, SymbolForm.Numbered));
        return true;
    }

    /// <summary>
    /// Where a list begins after the subject of "resolutions" ("related to culture and sustainable development, in particular
    /// 41/187 of 8 December 1986, …", "on the follow-up to the Second World Assembly on Ageing, including 78/177 of …"): past
    /// ", in particular" or ", including" within the clause, before a whole item that a date follows.
    /// </summary>
    private static bool TryFindListAfterSubject(ReadOnlySpan<char> text, int p, out int listStart)
    {
        listStart = p;
        var stop = Math.Min(text.Length, p + MaxSubject);
        for (var i = p; i < stop; i++)
        {
            var c = text[i];
            if (c is ';' or ':' || (c == '.' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])))) return false;
            if (c is 'r' or 'd' && IsWordBoundaryBefore(text, i) && (StartsWord(text, i, "resolution") || StartsWord(text, i, "resolutions")
                || StartsWord(text, i, "decision") || StartsWord(text, i, "decisions"))) return false;
            if (c != ',') continue;
            var q = i + 1;
            SkipSpaceOptional(text, ref q);
            foreach (var lead in (ReadOnlySpan<string>)["in particular", "including"])
            {
                if (!StartsWord(text, q, lead)) continue;
                var r = q + lead.Length;
                if (r < text.Length && text[r] == ',') r++;
                if (!SkipSpace(text, ref r) || !IsWholeItem(text, r)) return false;
                var itemEnd = r;
                while (itemEnd < text.Length && !char.IsWhiteSpace(text[itemEnd]) && text[itemEnd] != ',') itemEnd++;
                if (SkipDate(text, itemEnd) == itemEnd) return false;
                listStart = r;
                return true;
            }
        }
        return false;
    }

    private static List<(DocumentSymbol? Symbol, int Start, int End)> ReadList(ReadOnlySpan<char> text, int p, Body body, bool isDecision, bool councilText = false, int keywordStart = -1)
    {
        // One list per thread, read again by each call: its items are copied into the matches before the next list is read,
        // and a list per "resolution" read was most of what the scanner allocated.
        var items = t_items ??= [];
        items.Clear();
        while (p < text.Length && items.Count < 200)
        {
            // Only the first item may be a number alone: later in a list a number alone is more often a footnote mark ("paragraph 19
            // of resolution 687 (1991), 82").
            if (!TryReadNumberedItem(text, p, body, isDecision, councilText && items.Count == 0, out var symbol, out var itemEnd)) break;
            if (symbol is not null && DatedOutsideItsSession(text, itemEnd, symbol, out var year))
                symbol = HumanRightsCouncilsInstead(text, itemEnd, keywordStart, symbol, year);
            items.Add((symbol, p, itemEnd));
            itemEnd = ReadFurtherParts(text, itemEnd, symbol, items);
            itemEnd = ReadPartRange(text, itemEnd, symbol, items);
            if (!TrySkipToNextItem(text, itemEnd, out p)) break;
        }
        return items;
    }

    /// <summary>
    /// Whether an item read as the Assembly's carries a date its session cannot have ("resolution 54/18 of 12 October 2023,
    /// the Human Rights Council …", "resolution 73/8 of 19 May 2017" of the Economic and Social Commission for Asia and the
    /// Pacific, "resolution 34/1 of 23 May 2025" of the Commission on Crime Prevention): the Assembly's session N sits from
    /// September 1945 + N to September of the next year, so an earlier date, or one more than a decade later, makes the item
    /// another organ's, whose symbol is not known.
    /// </summary>
    private static bool DatedOutsideItsSession(ReadOnlySpan<char> text, int itemEnd, DocumentSymbol symbol, out int year)
    {
        year = 0;
        var canonical = symbol.Canonical;
        if (!(canonical.StartsWith("A/RES/", StringComparison.Ordinal) || canonical.StartsWith("A/DEC/", StringComparison.Ordinal))) return false;
        var q = 6;
        var session = 0;
        while (q < canonical.Length && char.IsAsciiDigit(canonical[q])) session = session * 10 + (canonical[q++] - '0');
        if (q == 6 || q >= canonical.Length || canonical[q] != '/' || session >= 1000) return false;
        var r = itemEnd;
        if (!SkipSpace(text, ref r) || !DateText.StartsAt(text, r, "of ")) return false;
        if (!DateText.TryRead(text, r + 3, out var date, out _) || date.Length < 4
            || !int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)) return false;
        // A year a decade or less too late is a misprint of the Assembly's own ("70/202 of 22 December 2025" for 2015); the
        // councils and commissions whose session numbers the Assembly's passed long ago are further off.
        return year < 1945 + session || year > 1946 + session + 10;
    }

    /// <summary>
    /// The Human Rights Council's resolution or decision that an item read as the Assembly's, but dated outside the Assembly's
    /// session, is, where the words around it name that Council: after the date ("through its resolution 54/18 of 12 October
    /// 2023,20 the Human Rights Council submitted …") or before an earlier "resolutions" of the same sentence, "its" then
    /// standing for the Council ("the Human Rights Council in its resolutions 55/28 … and its decision 56/115 of 10 July
    /// 2024"). Only where the Council held that session in that year (three sessions a year from 2006): else null, as before,
    /// another organ's whose symbol is not known.
    /// </summary>
    private static DocumentSymbol? HumanRightsCouncilsInstead(ReadOnlySpan<char> text, int itemEnd, int keywordStart, DocumentSymbol symbol, int year)
    {
        var canonical = symbol.Canonical;
        var kind = canonical.AsSpan(2, 3);
        var rest = canonical.AsSpan(6);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || !int.TryParse(rest[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var session)) return null;
        // The Council's session N met in 2006 + (N - 1) / 3; a resolution is dated at its session's end, in that year.
        if (year != 2006 + (session - 1) / 3) return null;
        var named = OrganAfterDate(text, itemEnd) == Body.HumanRightsCouncil
            || (keywordStart >= 0 && OrganOfEarlierKeyword(text, keywordStart, SymbolContext.GeneralAssembly, throughIts: true) == Body.HumanRightsCouncil);
        if (!named) return null;
        Span<char> buffer = stackalloc char[CanonicalBuffer];
        return Shared(buffer, buffer.TryWrite(CultureInfo.InvariantCulture, $"A/HRC/{kind}/{rest}", out var written), written);
    }

    /// <summary>
    /// The organ named as the subject right after an item's date: "54/18 of 12 October 2023, 20 the Human Rights Council
    /// submitted …" (a footnote mark may stand between). Null where none is named there.
    /// </summary>
    private static Body? OrganAfterDate(ReadOnlySpan<char> text, int itemEnd)
    {
        var q = SkipDate(text, itemEnd);
        if (q == itemEnd) return null;
        q = SkipSuperscripts(text, q);
        if (q >= text.Length || text[q] != ',') return null;
        q = SkipSuperscripts(text, q + 1);
        SkipSpaceOptional(text, ref q);
        var mark = q;
        while (mark < text.Length && char.IsAsciiDigit(text[mark]) && mark - q < 3) mark++;
        if (mark > q && mark < text.Length && text[mark] == ' ') { q = mark; SkipSpaceOptional(text, ref q); }
        if (!DateText.StartsAt(text, q, "the ")) return null;
        q += 4;
        foreach (var (name, body) in NamedCouncils)
            if (DateText.StartsAt(text, q, name)) return body;
        return null;
    }

    /// <summary>
    /// "72/90 A and B", "75/101 A, B and C": the further parts of a lettered Assembly resolution, each a document of its own
    /// ("A/RES/72/90 B"). Each letter follows the one before and stands alone. Returns where the last part read ends.
    /// </summary>
    private static int ReadFurtherParts(ReadOnlySpan<char> text, int p, DocumentSymbol? symbol, List<(DocumentSymbol?, int, int)> items)
    {
        if (p < 2 || text[p - 2] != ' ' || !char.IsAsciiLetterUpper(text[p - 1]) || !char.IsAsciiDigit(text[p - 3])) return p;
        var last = text[p - 1];
        while (true)
        {
            var q = p;
            var comma = q < text.Length && text[q] == ',';
            if (comma) q++;
            if (!SkipSpace(text, ref q)) return p;
            if (DateText.StartsAt(text, q, "and ")) q += 4;
            else if (!comma) return p;
            if (q >= text.Length || text[q] != last + 1 || (q + 1 < text.Length && (char.IsLetterOrDigit(text[q + 1]) || text[q + 1] is '/' or '.' && q + 2 < text.Length && char.IsLetterOrDigit(text[q + 2]))))
                return p;
            last = text[q];
            var canonical = symbol?.Canonical;
            items.Add((canonical is null ? null : DocumentSymbol.FromCanonical(canonical[..^1] + last), q, q + 1));
            p = q + 1;
        }
    }

    /// <summary>Reads one list item; symbol is null when the body is not one whose symbols we know (the item is still consumed).</summary>
    private static bool TryReadNumberedItem(ReadOnlySpan<char> text, int p, Body body, bool isDecision, bool councilText, out DocumentSymbol? symbol, out int end)
    {
        symbol = null;
        end = p;
        // Special and emergency special sessions: "S-30/1", "ES-10/23".
        var prefix = "";
        if (StartsSessionPrefix(text, p, "ES")) prefix = "ES-";
        else if (StartsSessionPrefix(text, p, "S")) prefix = "S-";
        var q = p + prefix.Length;
        // Scanned texts read "511 (1982)" as "S11 (1982)": a letter S glued to digits in a list is a 5.
        var ocrFive = prefix.Length == 0 && q + 1 < text.Length && text[q] == 'S' && char.IsAsciiDigit(text[q + 1]);
        if (ocrFive) q++;
        // Other glyphs a scan makes of a Council resolution's first digit ("$46 (1984)", "[86 (1964)", "!86 (1964)", "I11 (1956)"):
        // read as that digit only where the year follows and the number is then one the Council could have reached that year.
        if (prefix.Length == 0 && !ocrFive && q + 1 < text.Length && OcrDigit(text[q]) is var misread and >= 0 && char.IsAsciiDigit(text[q + 1]))
            return TryReadMisreadCouncilResolution(text, p, misread, isDecision, out symbol, out end);
        var first = ReadDigits(text, ref q, 5);
        if (ocrFive && first >= 0) first += 5 * (int)Math.Pow(10, q - p - 1);
        if (first < 0) return false;

        if (q < text.Length && text[q] == '/')
        {
            if (ocrFive) return false;
            var r = q + 1;
            var second = ReadDigits(text, ref r, 5);
            if (second < 0) return false;
            // "59/111of 6 December 2004": the space before the date lost in typing; the item ends before "of".
            if (r < text.Length && (char.IsAsciiLetterOrDigit(text[r]) || text[r] == '/') && !GluedOfDate(text, r)) return false;
            // A lettered GA resolution: "45/58 P", and after "Z" the doubled letters of the longest omnibus texts: "53/77 AA".
            var part = "";
            if (r + 2 <= text.Length && text[r] == ' ' && r + 1 < text.Length && PartLetter(text[r + 1]) is var partLetter and not '\0'
                && (r + 2 == text.Length || !char.IsLetterOrDigit(text[r + 2]) && text[r + 2] != '/'))
            {
                part = LetteredParts[partLetter - 'A'];
                r += 2;
            }
            else if (r + 3 <= text.Length && text[r] == ' ' && char.IsAsciiLetterUpper(text[r + 1]) && text[r + 2] == text[r + 1]
                && (r + 3 == text.Length || !char.IsLetterOrDigit(text[r + 3]) && text[r + 3] != '/'))
            {
                part = text.Slice(r, 3).ToString();
                r += 3;
            }
            end = r;
            var yearNumbered = prefix.Length == 0 && first >= 1946;
            // The Assembly numbered its resolutions "session/number" from its thirty-first session (1976); "10/1" before
            // that is another organ's (a conference of parties, the Environment Assembly), never the Assembly's.
            if (body == Body.GeneralAssembly && prefix.Length == 0 && first < 31) body = Body.Unknown;
            var kind = isDecision ? "DEC" : "RES";
            var series = body switch
            {
                Body.EconomicAndSocialCouncil when yearNumbered => "E/",
                Body.CommissionOnHumanRights when yearNumbered => "E/CN.4/",
                Body.HumanRightsCouncil when !yearNumbered => "A/HRC/",
                Body.GeneralAssembly when !yearNumbered => "A/",
                _ => null,
            };
            Span<char> buffer = stackalloc char[CanonicalBuffer];
            symbol = series is null ? null : Shared(buffer, buffer.TryWrite(CultureInfo.InvariantCulture, $"{series}{kind}/{prefix}{first}/{second}{part}", out var written), written);
            return true;
        }

        if (prefix.Length > 0) return false;
        // "2200 A (XXI)": a lettered old GA resolution.
        var letter = "";
        if (q + 2 < text.Length && text[q] == ' ' && char.IsAsciiLetterUpper(text[q + 1]) && text[q + 2] == ' ')
        {
            letter = " " + text[q + 1];
            q += 2;
        }
        if (!TryReadBracket(text, q, out var bracket, out var bracketEnd))
            return letter.Length == 0 && !isDecision && TryReadCouncilNumberWithoutBrackets(text, q, first, body, councilText, out symbol, out end);
        end = bracketEnd;
        // "161 A (1961)": part A of a Council resolution, which is one document with its parts: S/RES/161 (1961).
        Span<char> canonical = stackalloc char[CanonicalBuffer];
        if (IsYear(bracket))
        {
            // "489 (1979)" where 489 is of 1981: a misprint, no resolution of the Council (the item is still read, so that the
            // list goes on).
            symbol = isDecision || SecurityCouncilNumbering.IsMisdated(first, int.Parse(bracket, CultureInfo.InvariantCulture)) ? null
                : Shared(canonical, canonical.TryWrite(CultureInfo.InvariantCulture, $"S/RES/{first} ({bracket})", out var written), written);
            return true;
        }
        if (RomanNumerals.TryParse(bracket, out _) || bracket.StartsWith("ES-", StringComparison.Ordinal) || bracket.StartsWith("S-", StringComparison.Ordinal))
        {
            // The Security Council numbers its resolutions with the year, never the session: "1514 (XV)" in its text is the Assembly's.
            var series = body switch
            {
                Body.EconomicAndSocialCouncil => "E/RES/",
                Body.GeneralAssembly or Body.Default or Body.SecurityCouncil => "A/RES/",
                _ => null,
            };
            symbol = isDecision || series is null ? null : Shared(canonical, canonical.TryWrite(CultureInfo.InvariantCulture, $"{series}{first}{letter} ({bracket})", out var written), written);
            return true;
        }
        return false;
    }

    /// <summary>
    /// A Council resolution whose year lost its brackets in the scan ("resolutions 841 1993 of 16 June 1993", "387 1976), 418
    /// (1977)"): the year, then a closing bracket or "of" and a date of that year, and a number the Council could have reached
    /// that year. Or, in the Council's own text only, a number with no year at all that ends its clause ("the arms embargo
    /// imposed against South Africa in resolution 418" at a paragraph's end, its year lost at the line end): the year is the
    /// one the collection's resolutions fix for the number (<see cref="SecurityCouncilNumbering.YearOf"/>).
    /// </summary>
    private static bool TryReadCouncilNumberWithoutBrackets(ReadOnlySpan<char> text, int q, int number, Body body, bool councilText, out DocumentSymbol? symbol, out int end)
    {
        symbol = null;
        end = q;
        if (body is not (Body.SecurityCouncil or Body.Default)) return false;
        int year;
        var r = q + 1;
        if (q < text.Length && text[q] == ' ' && ReadDigits(text, ref r, 4) is var y and >= 1946 && r - q == 5
            && (r < text.Length && text[r] == ')' || DateText.StartsAt(text, r, " of ") && DateText.TryRead(text, r + 4, out var date, out _)
                && date.AsSpan().StartsWith(text.Slice(q + 1, 4)))
            && SecurityCouncilNumbering.IsPlausible(number, y))
        {
            year = y;
            end = r < text.Length && text[r] == ')' ? r + 1 : r;
        }
        else if (councilText && EndsClause(text, q) && SecurityCouncilNumbering.YearOf(number) is { } known)
            year = known;
        else
            return false;
        symbol = CouncilResolution(number, year);
        return true;
    }

    /// <summary>Whether a clause ends at <paramref name="q"/>: a comma, semicolon or full stop, a blank line or the text's end.</summary>
    private static bool EndsClause(ReadOnlySpan<char> text, int q)
    {
        while (q < text.Length && text[q] is ' ' or '\t') q++;
        if (q >= text.Length || text[q] is ',' or ';' or '.') return true;
        if (text[q] == '\r') q++;
        if (q >= text.Length || text[q] != '\n') return false;
        q++;
        while (q < text.Length && text[q] is ' ' or '\t' or '\r') q++;
        return q >= text.Length || text[q] == '\n';
    }

    /// <summary>
    /// "ES-" or "S-" at p, the hyphen as typed or the non-breaking one a word processor sets to keep the number with it
    /// ("resolution ES‑10/15", U+2011).
    /// </summary>
    private static bool StartsSessionPrefix(ReadOnlySpan<char> text, int p, string letters) =>
        DateText.StartsAt(text, p, letters) && p + letters.Length < text.Length && text[p + letters.Length] is '-' or '\u2011';

    /// <summary>
    /// A part letter as a Latin capital: the letter itself, or the Cyrillic capital of the same shape that a text typed in
    /// another keyboard layout holds ("75/257 В of 7 July 2021", U+0412 for B); '\0' for anything else.
    /// </summary>
    private static char PartLetter(char c) => c switch
    {
        >= 'A' and <= 'Z' => c,
        '\u0410' => 'A', '\u0412' => 'B', '\u0421' => 'C', '\u0415' => 'E', '\u041D' => 'H', '\u041A' => 'K',
        '\u041C' => 'M', '\u041E' => 'O', '\u0420' => 'P', '\u0422' => 'T', '\u0425' => 'X',
        _ => '\0',
    };

    /// <summary>"$" for 5; "[", "!", "|", "I" and "l" for 1: the first digit of a resolution number as scans misread it, or -1.</summary>
    private static int OcrDigit(char c) => c switch
    {
        '$' => 5,
        '[' or '!' or '|' or 'I' or 'l' => 1,
        _ => -1,
    };

    /// <summary>
    /// A Council resolution whose first digit the scan misread ("$46 (1984)" for 546): the number read with that digit, kept
    /// only where a year in brackets follows, the number as printed is not one the Council could have reached that year and
    /// the number read is. A decision or a session in brackets is not read this way.
    /// </summary>
    private static bool TryReadMisreadCouncilResolution(ReadOnlySpan<char> text, int p, int digit, bool isDecision, out DocumentSymbol? symbol, out int end)
    {
        symbol = null;
        end = p;
        var q = p + 1;
        var start = q;
        var rest = ReadDigits(text, ref q, 3);
        if (rest < 0 || isDecision || !TryReadBracket(text, q, out var bracket, out var bracketEnd) || !IsYear(bracket)) return false;
        var year = int.Parse(bracket, CultureInfo.InvariantCulture);
        var number = digit * (int)Math.Pow(10, q - start) + rest;
        if (SecurityCouncilNumbering.IsPlausible(rest, year) || !SecurityCouncilNumbering.IsPlausible(number, year)) return false;
        symbol = CouncilResolution(number, year);
        end = bracketEnd;
        return true;
    }

    /// <summary>"of 6 December 2004" glued to the number before it ("59/111of 6 December 2004").</summary>
    private static bool GluedOfDate(ReadOnlySpan<char> text, int r) =>
        DateText.StartsAt(text, r, "of ") && DateText.TryRead(text, r + 3, out _, out _);

    private static bool TrySkipToNextItem(ReadOnlySpan<char> text, int p, out int next)
    {
        next = p;
        var located = SkipLocators(text, SkipDate(text, p));
        // "45/248 B, section VI, of 21 December 1990": the date set off by a comma after the place.
        if (located > p && located + 4 < text.Length && text[located] == ',' && DateText.StartsAt(text, located + 1, " of ")
            && SkipDate(text, located + 1) is var dated && dated > located + 1) located = dated;
        var q = SkipSuperscripts(text, SkipDate(text, located));
        if (TrySkipSeparator(text, q, out next)) return true;
        // "78/311 of 1 July 2024 on enhancing international cooperation …, 78/265 of 21 March 2024 on seizing …": a list
        // whose items carry their subjects. The subject is skipped up to the next item, which must be one in full.
        return TrySkipSubject(text, q, out next);
    }

    /// <summary>Skips " of 2 March 2010", " of 4 March" (a list that gives the year once, at its end), " of 8 October 20217"
    /// (a footnote mark set against the year) after a list item; returns where the item's words end.</summary>
    private static int SkipDate(ReadOnlySpan<char> text, int p)
    {
        var r = p;
        if ((!SkipSpace(text, ref r) && !GluedOfDate(text, r)) || !DateText.StartsAt(text, r, "of")) return p;
        r += 2;
        if (!SkipSpace(text, ref r)) return p;
        // "of 4 and 14 July 1967": the dates of two items given together, the day of the first without its month.
        var day = r;
        if (ReadDigits(text, ref day, 2) is >= 1 and <= 31 && DateText.StartsAt(text, day, " and ")
            && DateText.TryRead(text, day + 5, out _, out var pairEnd)) return pairEnd;
        if (DateText.TryRead(text, r, out _, out var dateEnd) || TrySkipMistypedDate(text, r, out dateEnd) || TrySkipPartialDate(text, r, out dateEnd)) return dateEnd;
        return p;
    }

    /// <summary>
    /// Places inside a resolution given after it in a list ("52/214, sect. C, para. 3; 55/222, sect. III, …", "59/276, section
    /// XI, of 23 December 2004", "59/39, para. 9, and 65/21, para. 18", "70/1, annex"): each a comma, a locator word and its
    /// number or numeral. Returns where the last one ends, or p.
    /// </summary>
    private static int SkipLocators(ReadOnlySpan<char> text, int p)
    {
        while (true)
        {
            var q = p;
            if (q >= text.Length || text[q] != ',') return p;
            q++;
            SkipSpaceOptional(text, ref q);
            string? word = null;
            foreach (var w in Locators) if (StartsWord(text, q, w) || (w[^1] == '.' && DateText.StartsAt(text, q, w))) { word = w; break; }
            if (word is null) return p;
            q += word.Length;
            var beforeToken = q;
            // "annex" may stand alone ("70/1, annex, and 71/2"); the others take a number, a numeral or a letter.
            if (SkipSpace(text, ref q))
            {
                var tokenStart = q;
                while (q < text.Length && (char.IsAsciiLetterOrDigit(text[q]) || (text[q] is '–' or '-' or '.' && q + 1 < text.Length && char.IsAsciiLetterOrDigit(text[q + 1])))) q++;
                var token = text.Slice(tokenStart, q - tokenStart);
                if (token.IsEmpty || !(token.ContainsAnyInRange('0', '9') || token.IndexOfAnyExcept("IVXLC") < 0 || (token.Length == 1 && char.IsAsciiLetterUpper(token[0]))))
                {
                    if (word != "annex") return p;
                    q = beforeToken;
                }
            }
            else if (word != "annex") return p;
            p = q;
        }
    }

    private static readonly string[] Locators = ["sect.", "section", "sects.", "paras.", "para.", "paragraphs", "paragraph", "chap.", "annex", "part"];

    /// <summary>"A to E" after "51/211": the parts from the one read to the letter after "to", each a document ("A/RES/51/211 E").</summary>
    private static int ReadPartRange(ReadOnlySpan<char> text, int p, DocumentSymbol? symbol, List<(DocumentSymbol?, int, int)> items)
    {
        if (p < 2 || text[p - 2] != ' ' || !char.IsAsciiLetterUpper(text[p - 1]) || !char.IsAsciiDigit(text[p - 3])) return p;
        if (!DateText.StartsAt(text, p, " to ") || p + 4 >= text.Length) return p;
        var last = text[p + 4];
        if (!char.IsAsciiLetterUpper(last) || last <= text[p - 1] || (p + 5 < text.Length && char.IsLetterOrDigit(text[p + 5]))) return p;
        var canonical = symbol?.Canonical;
        for (var c = (char)(text[p - 1] + 1); c <= last; c++)
            items.Add((canonical is null ? null : DocumentSymbol.FromCanonical(canonical[..^1] + c), p + 4, p + 5));
        return p + 5;
    }

    private static bool TrySkipSeparator(ReadOnlySpan<char> text, int p, out int next)
    {
        next = p;
        var q = p;
        SkipSpaceOptional(text, ref q);
        var sawSeparator = false;
        if (q < text.Length && text[q] == ',')
        {
            q++;
            sawSeparator = true;
            SkipSpaceOptional(text, ref q);
            // "18/6 of 29 September 2011,1 33/3 of …": the footnote mark of the item before.
            q = SkipFootnoteMark(text, q);
            // "49/7 of 11 March 2005,36 and 56/4 of …", "52/5 of 3 April 2023,4 which extended …": the mark of the item before,
            // then a connector or the item's subject (skipped after, by TrySkipSubject).
            var marked = MarkBeforeWords(text, q);
            if (marked > q) { q = marked; SkipSpaceOptional(text, ref q); }
        }
        // "Resolutions 52/214, sect. C, para. 3; 55/222, sect. III, …": a footnote's list set off by semicolons, the next item whole.
        else if (q < text.Length && text[q] == ';')
        {
            var r = q + 1;
            SkipSpaceOptional(text, ref r);
            if (DateText.StartsAt(text, r, "and ")) { r += 4; SkipSpaceOptional(text, ref r); }
            if (!IsWholeItem(text, r)) return false;
            next = r;
            return true;
        }
        foreach (var connector in (ReadOnlySpan<string>)["and in particular,", "and in particular", "as well as", "and", "or", "to"])
        {
            if (DateText.StartsAt(text, q, connector)
                && q + connector.Length < text.Length && char.IsWhiteSpace(text[q + connector.Length]))
            {
                q += connector.Length;
                SkipSpaceOptional(text, ref q);
                sawSeparator = true;
                break;
            }
        }
        if (!sawSeparator || q >= text.Length || !(char.IsAsciiDigit(text[q]) || text[q] is 'S' or 'E' || (OcrDigit(text[q]) >= 0 && q + 1 < text.Length && char.IsAsciiDigit(text[q + 1])))) return false;
        next = q;
        return true;
    }

    /// <summary>A number of one to three digits before a space and a digit: a footnote mark, not a list item.</summary>
    private static int SkipFootnoteMark(ReadOnlySpan<char> text, int q)
    {
        var s = SkipSuperscripts(text, q);
        if (s > q)
        {
            SkipSpaceOptional(text, ref s);
            return s;
        }
        var r = PlainMarkEnd(text, q);
        if (r < 0) return q;
        var after = r;
        SkipSpaceOptional(text, ref after);
        return after < text.Length && char.IsAsciiDigit(text[after]) ? after : q;
    }

    /// <summary>
    /// Past a footnote mark of one to three digits that words follow ("4 which extended …"), or of superscript digits, where the
    /// space after it starts;
    /// <paramref name="q"/> where no such mark stands there.
    /// </summary>
    private static int MarkBeforeWords(ReadOnlySpan<char> text, int q)
    {
        // "2023,⁴ which": the mark as superscript digits.
        var raised = SkipSuperscripts(text, q);
        if (raised > q) return raised;
        var r = PlainMarkEnd(text, q);
        if (r < 0) return q;
        var after = r;
        SkipSpaceOptional(text, ref after);
        return after < text.Length && char.IsAsciiLetterLower(text[after]) ? r : q;
    }

    /// <summary>Where a mark of one to three plain digits at <paramref name="q"/> ends, a space and more text after it; -1 where none stands there.</summary>
    private static int PlainMarkEnd(ReadOnlySpan<char> text, int q)
    {
        var r = q;
        while (r < text.Length && char.IsAsciiDigit(text[r]) && r - q < 4) r++;
        return r == q || r - q > 3 || r + 1 >= text.Length || text[r] != ' ' ? -1 : r;
    }

    /// <summary>Skips footnote marks set as superscript digits ("2011,¹ 33/3", "8 October 2021⁷, 51/11").</summary>
    private static int SkipSuperscripts(ReadOnlySpan<char> text, int q)
    {
        while (q < text.Length && text[q] is '\u00B9' or '\u00B2' or '\u00B3' or '\u2070' or (>= '\u2074' and <= '\u2079')) q++;
        return q;
    }

    private const int MaxSubject = 250;

    /// <summary>
    /// Skips an item's subject (" on the Convention on Cluster Munitions", " entitled “…”") to the separator before the
    /// next item. Only a subject that opens with "on" or "entitled" is skipped, it ends at the first ';', ':' or '.',
    /// or at another "resolution" or "decision" (read on its own), and the next item must be a whole symbol ("70/54",
    /// "358 (1974)"), so that the numbers of a subject ("the decade 2022–2031") are never read as resolutions.
    /// </summary>
    private static bool TrySkipSubject(ReadOnlySpan<char> text, int p, out int next)
    {
        next = p;
        var q = p;
        if (q < text.Length && text[q] == ',')
        {
            q++;
            // "52/5 of 3 April 2023,4 which extended the mandate …, as well as 49/14": the item's footnote mark before its subject.
            q = MarkBeforeWords(text, q);
        }
        if (!SkipSpace(text, ref q)) return false;
        var opens = false;
        foreach (var w in SubjectOpenings)
        {
            if (!StartsWord(text, q, w)) continue;
            opens = true;
            break;
        }
        if (!opens) return false;
        var stop = Math.Min(text.Length, q + MaxSubject);
        var quoted = false;
        for (var i = q; i < stop; i++)
        {
            var c = text[i];
            // A title in quotation marks may hold a colon or a full stop ("entitled “Transforming our world: the 2030 Agenda …”").
            if (c is '“' or '”' or '"') { quoted = c == '“' || (c == '"' && !quoted); continue; }
            if (quoted) continue;
            // "78/147 of 19 December 2023 on Central Asia facing environmental challenges: fostering regional solidarity …, 78/284":
            // a subtitle after a colon, in lower case, goes on with the subject.
            if (c == ':' && i + 2 < text.Length && text[i + 1] == ' ' && char.IsLower(text[i + 2])) continue;
            if (c is ';' or ':' || (c == '.' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])))) return false;
            if (c is 'r' or 'd' && IsWordBoundaryBefore(text, i) && (StartsWord(text, i, "resolution") || StartsWord(text, i, "resolutions")
                || StartsWord(text, i, "decision") || StartsWord(text, i, "decisions"))) return false;
            if (c is not (',' or ' ' or '\n')) continue;
            if (TrySkipSeparator(text, i, out var candidate) && candidate > i && IsWholeItem(text, candidate))
            {
                next = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>Words that open an item's subject: "on …", "entitled “…”", "containing the Declaration …", "concerning …", "in which it
    /// proclaimed …", "which extended the mandate …".</summary>
    private static readonly string[] SubjectOpenings = ["on", "entitled", "containing", "concerning", "relating to", "regarding", "in which", "by which", "which"];

    private static bool StartsWord(ReadOnlySpan<char> text, int p, string word) =>
        DateText.StartsAt(text, p, word) && (p + word.Length == text.Length || !char.IsLetter(text[p + word.Length]));

    /// <summary>"70/54", "ES-10/23", "358 (1974)", "1653 (XVI)" at p, ending there (no digit, letter or slash glued to it).</summary>
    private static bool IsWholeItem(ReadOnlySpan<char> text, int p)
    {
        var q = p;
        if (StartsSessionPrefix(text, q, "ES")) q += 3;
        else if (StartsSessionPrefix(text, q, "S")) q += 2;
        if (ReadDigits(text, ref q, 5) < 0) return false;
        if (q < text.Length && text[q] == '/')
        {
            q++;
            if (ReadDigits(text, ref q, 5) < 0) return false;
            return q >= text.Length || !(char.IsAsciiLetterOrDigit(text[q]) || text[q] == '/');
        }
        return TryReadBracket(text, q, out var bracket, out _) && (IsYear(bracket) || RomanNumerals.TryParse(bracket, out _));
    }

    /// <summary>"Au- gust", "Decem-\nber": a month name hyphenated at a line end.</summary>
    private static bool TrySkipBrokenMonth(ReadOnlySpan<char> text, ref int p)
    {
        var q = p;
        while (q < text.Length && char.IsAsciiLetter(text[q]) && q - p < 9) q++;
        if (q == p || q + 1 >= text.Length || text[q] != '-') return false;
        var head = text[p..q];
        var r = q + 1;
        SkipSpaceOptional(text, ref r);
        var tailStart = r;
        while (r < text.Length && char.IsAsciiLetterLower(text[r]) && r - tailStart < 9) r++;
        var joined = string.Concat(head, text[tailStart..r]);
        var at = 0;
        if (DateText.ReadMonth(joined, ref at) == 0 || at != joined.Length) return false;
        p = r;
        return true;
    }

    /// <summary>
    /// "4 March" (a list of one year's resolutions gives the year once: "186 (1964) of 4 March, 187 (1964) of 13 March")
    /// and "8 October 20217" (the year with a footnote mark set against it: the mark is one or two digits after a
    /// plausible year).
    /// </summary>
    private static bool TrySkipPartialDate(ReadOnlySpan<char> text, int p, out int end)
    {
        end = p;
        var q = p;
        if (ReadDigits(text, ref q, 2) is < 1 or > 31) return false;
        var r = q;
        if (!SkipSpace(text, ref r)) return false;
        if (DateText.ReadMonth(text, ref r) == 0 && !TrySkipBrokenMonth(text, ref r)) return false;
        end = r;
        var y = r;
        if (!SkipSpace(text, ref y)) return true;
        var digits = y;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]) && digits - y < 7) digits++;
        var length = digits - y;
        if (length is 5 or 6 && int.TryParse(text.Slice(y, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            && year is >= 1945 and <= 2100 && (digits == text.Length || !char.IsLetter(text[digits])))
            end = digits;
        return true;
    }

    /// <summary>"24 December 2107": a date with a typing error in a list still separates two items.</summary>
    private static bool TrySkipMistypedDate(ReadOnlySpan<char> text, int p, out int end)
    {
        end = p;
        var q = p;
        if (ReadDigits(text, ref q, 2) < 1 || q >= text.Length || text[q] != ' ') return false;
        q++;
        if (q >= text.Length || !char.IsAsciiLetterUpper(text[q])) return false;
        q++;
        while (q < text.Length && char.IsAsciiLetterLower(text[q])) q++;
        if (q >= text.Length || text[q] != ' ') return false;
        q++;
        var digits = q;
        if (ReadDigits(text, ref q, 4) < 0 || q - digits != 4) return false;
        end = q;
        return true;
    }

    private enum Body
    {
        Default,
        GeneralAssembly,
        SecurityCouncil,
        EconomicAndSocialCouncil,
        HumanRightsCouncil,
        /// <summary>The Commission on Human Rights (1946–2006), whose resolutions ECOSOC's series numbers by year: E/CN.4/RES/2005/74.</summary>
        CommissionOnHumanRights,
        Unknown,
    }

    /// <summary>
    /// Decides whose resolution "resolution N" is from the words just before it: a named organ
    /// ("Economic and Social Council resolution 2020/8"), an organ we do not know ("Commission on the
    /// Status of Women resolution 60/2", no symbol rather than a wrong one), or the document's own organ.
    /// </summary>
    /// <summary>The organ the words before "resolution" name, or null where they leave it to the document's context.</summary>
    private static Body? NamedBodyBefore(ReadOnlySpan<char> text, int keywordStart, SymbolContext context)
    {
        var from = Math.Max(0, keywordStart - 80);
        // "the General Assembly in its resolution", "the Human Rights Council, in its resolution", "the Economic and
        // Social Council, by its decisions": the organ is named before the words that lead to the keyword.
        // Read as a stretch of the text, not cut out of it: it is asked before every "resolution" of a text.
        var before = WithoutLeadingWords(text.Slice(from, keywordStart - from));
        // "on the recommendation of the Economic and Social Council (resolution 2025/15)": the organ, then its resolution in
        // brackets. A title before the bracket ("the Doha Programme of Action for the Least Developed Countries (resolution
        // 76/258, annex)") leaves the resolution to the context, as before.
        if (before.EndsWith('(') && NamedOrgan(before[..^1].TrimEnd()) is { } bracketed) return bracketed;
        if (before.EndsWith("Economic and Social Council", StringComparison.Ordinal)) return Body.EconomicAndSocialCouncil;
        if (before.EndsWith("Human Rights Council", StringComparison.Ordinal)) return Body.HumanRightsCouncil;
        // "Commission on Human Rights resolutions 2004/16 … and 2005/5", "the Commission on Human Rights, in its resolution 2005/5".
        if (before.EndsWith(CommissionOnHumanRights, StringComparison.Ordinal)) return Body.CommissionOnHumanRights;
        if (before.EndsWith("Security Council", StringComparison.Ordinal)) return Body.SecurityCouncil;
        if (before.EndsWith("General Assembly", StringComparison.Ordinal)) return Body.GeneralAssembly;
        // "United Nations Environment Assembly resolution 5/5", "World Health Assembly resolution 78.16": another assembly.
        if (before.EndsWith("Assembly", StringComparison.Ordinal) && CapitalisedWordBefore(before, before.Length - "Assembly".Length)) return Body.Unknown;
        // "the Assembly", "in Assembly resolution 377 A (V)": the General Assembly, in a Council's text too.
        if (before.EndsWith("Assembly", StringComparison.Ordinal)) return Body.GeneralAssembly;
        if (before.EndsWith("Council", StringComparison.Ordinal) && !before.EndsWith(" Council", StringComparison.Ordinal)) return CouncilNamedEarlier(text, keywordStart);
        // "(E/2015/27), chap. I, sect. C, resolution 59/1": a resolution placed in a chapter of a report is that report's
        // organ's (there, a commission's), not the document's own.
        if (before.EndsWith(',') && LocatorBefore(before)) return Body.Unknown;
        // A capitalised word mid-sentence just before "resolution" names some other organ.
        var wordEnd = before.Length;
        var wordStart = wordEnd;
        while (wordStart > 0 && char.IsLetter(before[wordStart - 1])) wordStart--;
        if (wordStart < wordEnd && char.IsUpper(before[wordStart]))
        {
            var word = before[wordStart..wordEnd];
            var k = wordStart - 1;
            while (k >= 0 && before[k] == ' ') k--;
            var sentenceStart = k < 0 || before[k] is '.' or ':' or ';' or '\n' or '(' or '“' or '"';
            if (word is "Council") return CouncilNamedEarlier(text, keywordStart);
            if (word is "Commission") return CommissionNamedEarlier(text, from + wordStart);
            if (!sentenceStart && !IsVerbLike(word)) return Body.Unknown;
        }
        return null;
    }

    /// <summary>The principal organ whose full name the words end with, or null.</summary>
    private static Body? NamedOrgan(ReadOnlySpan<char> words)
    {
        foreach (var (name, body) in NamedCouncils)
            if (words.EndsWith(name, StringComparison.Ordinal)) return body;
        return words.EndsWith("General Assembly", StringComparison.Ordinal) ? Body.GeneralAssembly : null;
    }

    /// <summary>
    /// The organ of the "resolution(s)" or "decision(s)" before <paramref name="keywordStart"/> in the same sentence, where
    /// that one named it and this one only continues it; null where "its" or "their" leads to this one (the document's
    /// own organ, or one the sentence names; <paramref name="throughIts"/> looks past them, for an item the document's own
    /// organ cannot have made) or no earlier keyword names an organ.
    /// </summary>
    private static Body? OrganOfEarlierKeyword(ReadOnlySpan<char> text, int keywordStart, SymbolContext context, bool throughIts = false)
    {
        var from = Math.Max(0, keywordStart - 300);
        var before = text.Slice(from, keywordStart - from).TrimEnd();
        if (!throughIts && (before.EndsWith("its", StringComparison.Ordinal) || before.EndsWith("their", StringComparison.Ordinal))) return null;
        var sentence = Math.Max(before.LastIndexOf(';'), before.LastIndexOf(". ", StringComparison.Ordinal));
        for (var i = before.Length - 1; i > sentence; i--)
        {
            if (!(before[i] is 'r' or 'd') || !IsWordBoundaryBefore(text, from + i)) continue;
            var at = from + i;
            var keyword = StartsWord(text, at, "resolutions") ? 11 : StartsWord(text, at, "resolution") ? 10
                : StartsWord(text, at, "decisions") ? 9 : StartsWord(text, at, "decision") ? 8 : 0;
            if (keyword == 0) continue;
            var body = NamedBodyBefore(text, at, context);
            if (body is not null) return body == Body.Unknown ? null : body;
            // "the resolutions of the Human Rights Council, the most recent of which being resolutions 53/26 …"
            var after = at + keyword;
            return BodyAfter(text, after) is { } named && named != Body.Unknown ? named : null;
        }
        return null;
    }

    /// <summary>Whether the word before <paramref name="at"/> (past spaces) is capitalised and not "General" or "the".</summary>
    private static bool CapitalisedWordBefore(ReadOnlySpan<char> before, int at)
    {
        var end = at;
        while (end > 0 && char.IsWhiteSpace(before[end - 1])) end--;
        var start = end;
        while (start > 0 && char.IsLetter(before[start - 1])) start--;
        return start < end && char.IsUpper(before[start]) && !before[start..end].SequenceEqual("General");
    }

    /// <summary>"…, chap. I, sect. C,": the words before end in a place inside a document.</summary>
    private static bool LocatorBefore(ReadOnlySpan<char> before)
    {
        var tail = before[Math.Max(0, before.Length - 24)..];
        return tail.Contains("chap. ", StringComparison.Ordinal) || tail.Contains("sect. ", StringComparison.Ordinal);
    }

    /// <summary>
    /// The organ named right after a list: "decisions 22/1 and 22/2 adopted by the High-level Committee …",
    /// "resolution 5/1 of the Human Rights Council". Null when no organ follows.
    /// </summary>
    private static Body? BodyAfter(ReadOnlySpan<char> text, int end)
    {
        var q = end;
        SkipSpaceOptional(text, ref q);
        foreach (var lead in (ReadOnlySpan<string>)["adopted by the ", "adopted by ", "of the "])
        {
            if (!DateText.StartsAt(text, q, lead)) continue;
            var at = q + lead.Length;
            if (at >= text.Length || !char.IsUpper(text[at])) return null;
            foreach (var (name, body) in NamedCouncils)
                if (DateText.StartsAt(text, at, name)) return body;
            if (DateText.StartsAt(text, at, "General Assembly")) return Body.GeneralAssembly;
            // A month is a date ("of the 14 December" never occurs; "of the Assembly" is the document's own organ).
            if (DateText.StartsAt(text, at, "Assembly") || DateText.StartsAt(text, at, "Council")) return null;
            return Body.Unknown;
        }
        return null;
    }

    /// <summary>
    /// Words between an organ's name and "resolution(s)" that leave the resolution the organ's: "the Human Rights Council, in its
    /// resolution", "the report to the Human Rights Council submitted pursuant to resolutions 34/24, 40/20 and 46/17".
    /// </summary>
    private static readonly string[] LeadingWords = ["submitted pursuant to", "in its", "by its", "in", "by", "its"];

    private static ReadOnlySpan<char> WithoutLeadingWords(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd();
        foreach (var words in LeadingWords)
        {
            if (!before.EndsWith(words, StringComparison.Ordinal) || before.Length == words.Length || before[^(words.Length + 1)] != ' ') continue;
            var rest = before[..^words.Length].TrimEnd().TrimEnd(',').TrimEnd();
            // Only when an organ's name is what remains: "Recalling its resolution" keeps its participle.
            return rest.EndsWith("Council", StringComparison.Ordinal) || rest.EndsWith("Assembly", StringComparison.Ordinal)
                || rest.EndsWith(CommissionOnHumanRights, StringComparison.Ordinal) ? rest : before;
        }
        return before;
    }

    /// <summary>
    /// "Council resolutions 2019/15 …" after "Economic and Social Council resolutions 2023/31" in the same text: an
    /// elliptic "Council" is the council the text named last before it (the scanner reads a paragraph at a time).
    /// </summary>
    private static Body? CouncilNamedEarlier(ReadOnlySpan<char> text, int keywordStart)
    {
        var before = text.Slice(0, keywordStart);
        var (body, at) = (default(Body?), -1);
        foreach (var (name, named) in NamedCouncils)
        {
            var i = before.LastIndexOf(name, StringComparison.Ordinal);
            if (i > at) (body, at) = (named, i);
        }
        return body;
    }

    private const string CommissionOnHumanRights = "Commission on Human Rights";

    /// <summary>
    /// "the resolutions of the Commission on Human Rights on the right to development, in particular Commission resolution
    /// 1998/72" (A/RES/79/170): an elliptic "Commission", whose word starts at <paramref name="commission"/>, is the Commission
    /// on Human Rights where that is the commission the text named last before it; another commission ("Commission on the
    /// Status of Women … Commission resolution 60/2") or none leaves the resolution without a symbol, as before.
    /// </summary>
    private static Body CommissionNamedEarlier(ReadOnlySpan<char> text, int commission)
    {
        var named = text[..Math.Max(0, commission)].LastIndexOf("Commission ", StringComparison.Ordinal);
        return named >= 0 && text[named..].StartsWith(CommissionOnHumanRights, StringComparison.Ordinal) ? Body.CommissionOnHumanRights : Body.Unknown;
    }

    private static readonly (string Name, Body Body)[] NamedCouncils =
    [
        ("Economic and Social Council", Body.EconomicAndSocialCouncil),
        ("Human Rights Council", Body.HumanRightsCouncil),
        ("Security Council", Body.SecurityCouncil),
    ];

    private static bool IsVerbLike(ReadOnlySpan<char> word) => word.EndsWith("ing", StringComparison.Ordinal) || word is "Recalls" or "See" or "Also" or "Further" or "Its" or "In" or "Under";

    private static Body FromContext(SymbolContext context) => context switch
    {
        SymbolContext.GeneralAssembly => Body.GeneralAssembly,
        SymbolContext.SecurityCouncil => Body.SecurityCouncil,
        SymbolContext.EconomicAndSocialCouncil => Body.EconomicAndSocialCouncil,
        SymbolContext.HumanRightsCouncil => Body.HumanRightsCouncil,
        _ => Body.Default,
    };

    // ---- "… and in particular, 1447 (2002)": an SC resolution number with its year, alone --------

    private static bool TryReadBareSecurityCouncilResolution(ReadOnlySpan<char> text, int start, List<SymbolMatch> result, out int end)
    {
        end = start;
        var q = start;
        var number = ReadDigits(text, ref q, 4);
        if (number < 1 || !TryReadBracket(text, q, out var bracket, out var bracketEnd)) return false;
        if (bracket.Length != 4 || !int.TryParse(bracket, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)) return false;
        // Only where resolutions are being talked about, and only numbers the Council could have reached that year.
        var window = text.Slice(Math.Max(0, start - 300), Math.Min(300, start));
        if (!window.Contains("resolution", StringComparison.OrdinalIgnoreCase)) return false;
        if (!SecurityCouncilNumbering.IsPlausible(number, year) || SecurityCouncilNumbering.IsMisdated(number, year)) return false;
        result.Add(new SymbolMatch(CouncilResolution(number, year), start, bracketEnd, SymbolForm.Numbered));
        end = bracketEnd;
        return true;
    }

    // ---- small helpers ------------------------------------------------------------------------

    /// <summary>Whether the text holds an ASCII digit (a span search: a LINQ test over a string allocated an enumerator per call).</summary>
    private static bool HasDigit(ReadOnlySpan<char> text) => text.ContainsAnyInRange('0', '9');

    /// <summary>Whether every character is an ASCII digit (true for none, as <c>All</c> is).</summary>
    private static bool AllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>"2005" in "1631 (2005)": four ASCII digits.</summary>
    private static bool IsYear(string bracket) => bracket.Length == 4 && AllDigits(bracket);

    /// <summary>Room for a symbol read from a number: the longest, "A/HRC/DEC/ES-12345/12345 A", is 26 characters.</summary>
    private const int CanonicalBuffer = 64;

    /// <summary>" A" to " Z": the part letter of a lettered resolution, as the one string each.</summary>
    private static readonly string[] LetteredParts = [.. Enumerable.Range('A', 26).Select(c => " " + (char)c)];

    /// <summary>How many symbols read from numbers a thread keeps to share; past that it starts afresh.</summary>
    private const int SharedSymbolLimit = 4096;

    [ThreadStatic]
    private static Dictionary<string, DocumentSymbol>? t_shared;

    [ThreadStatic]
    private static char[]? t_canonical;

    [ThreadStatic]
    private static List<(DocumentSymbol? Symbol, int Start, int End)>? t_items;

    [ThreadStatic]
    private static Dictionary<string, string>? t_canonicals;

    /// <summary>The canonical symbol as a string, the same string for every time a text cites it.</summary>
    private static string SharedCanonical(ReadOnlySpan<char> canonical)
    {
        var shared = t_canonicals ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (shared.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(canonical, out var known)) return known;
        if (shared.Count >= SharedSymbolLimit) shared.Clear();
        var made = canonical.ToString();
        shared.Add(made, made);
        return made;
    }

    /// <summary>A symbol without aliases, the same one for every time a text cites it.</summary>
    private static DocumentSymbol Shared(string canonical) => Shared(canonical, canonical);

    /// <summary>
    /// The symbol whose canonical form was written into <paramref name="buffer"/>, as one instance per thread: a long text
    /// cites the same few resolutions thousands of times, and each reading built the canonical string and the symbol
    /// afresh. A symbol read from a number has no aliases, and symbols are immutable, so sharing one changes nothing.
    /// </summary>
    private static DocumentSymbol Shared(Span<char> buffer, bool written, int length)
    {
        if (!written) throw new InvalidOperationException("A symbol read from a number outgrew its buffer.");
        return Shared(buffer[..length], null);
    }

    /// <summary>The thread's one symbol for <paramref name="canonical"/>, made from <paramref name="asString"/> (or a copy of the span) the first time.</summary>
    private static DocumentSymbol Shared(ReadOnlySpan<char> canonical, string? asString)
    {
        var shared = t_shared ??= new Dictionary<string, DocumentSymbol>(StringComparer.Ordinal);
        if (shared.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(canonical, out var symbol)) return symbol;
        if (shared.Count >= SharedSymbolLimit) shared.Clear();
        symbol = DocumentSymbol.FromCanonical(asString ?? canonical.ToString());
        shared.Add(symbol.Canonical, symbol);
        return symbol;
    }

    /// <summary>Council resolution <paramref name="number"/> of <paramref name="year"/> ("S/RES/418 (1977)"), shared as above.</summary>
    private static DocumentSymbol CouncilResolution(int number, int year)
    {
        Span<char> canonical = stackalloc char[CanonicalBuffer];
        return Shared(canonical, canonical.TryWrite(CultureInfo.InvariantCulture, $"S/RES/{number} ({year})", out var written), written);
    }

    /// <summary>Reads "(2005)" or " (XV)" at p; the content must be short and simple.</summary>
    private static bool TryReadBracket(ReadOnlySpan<char> text, int p, out string content, out int end)
    {
        content = "";
        end = p;
        var q = p;
        if (q < text.Length && text[q] == ' ') q++;
        if (q >= text.Length || text[q] != '(') return false;
        var s = q + 1;
        var r = s;
        while (r < text.Length && r - s < 8 && (char.IsAsciiLetterOrDigit(text[r]) || text[r] == '-')) r++;
        if (r >= text.Length || text[r] != ')' || r == s) return false;
        content = text[s..r].ToString();
        end = r + 1;
        return true;
    }

    private static int ReadDigits(ReadOnlySpan<char> text, ref int p, int max)
    {
        var value = 0;
        var start = p;
        while (p < text.Length && char.IsAsciiDigit(text[p]) && p - start < max)
        {
            value = value * 10 + (text[p] - '0');
            p++;
        }
        if (p == start || (p < text.Length && char.IsAsciiDigit(text[p]))) { p = start; return -1; }
        return value;
    }

    private static bool SkipSpace(ReadOnlySpan<char> text, ref int p)
    {
        var start = p;
        while (p < text.Length && p - start < 3 && (text[p] is ' ' or '\n' or '\r' or '\t' or '\u00A0')) p++;
        return p > start;
    }

    private static void SkipSpaceOptional(ReadOnlySpan<char> text, ref int p) => SkipSpace(text, ref p);

    private static bool IsWordBoundaryBefore(ReadOnlySpan<char> text, int i)
    {
        if (i == 0) return true;
        var b = text[i - 1];
        return !(char.IsLetterOrDigit(b) || b is '/' or '.' or '-' or '_' or '#' or '@');
    }
}

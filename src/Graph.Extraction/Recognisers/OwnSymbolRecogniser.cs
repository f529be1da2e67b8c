using Graph.Extraction.Structure;
using Graph.Model;
using Graph.Model.Symbols;

namespace Graph.Extraction.Recognisers;

/// <summary>
/// The document's own symbol. UN documents print it in the masthead's top right corner ("A/RES/78/213",
/// "A/79/898-S/2025/281"); General Assembly resolutions head their title with the resolution number
/// ("77/13. Cooperation between …", ST/DCS conventions), Security Council resolutions with
/// "Resolution 2773 (2025)" or, before 1965, "3 (1946). Resolution of 4 April 1946". Metadata the file
/// states (front matter, IGov record) comes first; the file name is the last resort.
/// </summary>
internal static class OwnSymbolRecogniser
{
    public static (DocumentSymbol Symbol, SourceSpan? Span, string Source)? Recognise(LaidOutText laid, string? declared, string fileName)
    {
        if (declared is not null && DocumentSymbol.TryParse(declared, out var declaredSymbol))
        {
            // The text's masthead may add the joint half the metadata leaves out.
            var masthead = FromMasthead(laid);
            if (masthead is { } m && m.Symbol.Canonical == declaredSymbol.Canonical) return (m.Symbol, m.Span, "text");
            var heading = FromHeading(laid);
            if (heading is { } h && h.Symbol.Canonical == declaredSymbol.Canonical) return (h.Symbol, h.Span, "text");
            return (declaredSymbol, null, "metadata");
        }
        var fromHeading = FromHeading(laid);
        var fromMasthead = FromMasthead(laid);
        // An OCR-damaged symbol in the text ("A/RES/78/I" for A/RES/78/1, "S/RES/434 (1973)" for 434 (1978)) does not beat
        // the one the file is named by.
        if (FromFileName(fileName) is { } named)
        {
            if (fromMasthead is { } dm && IsDamagedForm(dm.Symbol.Canonical, named.Canonical)) return (named, null, "file name");
            if (fromMasthead is null && fromHeading is { } dh && IsDamagedForm(dh.Symbol.Canonical, named.Canonical)) return (named, null, "file name");
        }
        if (fromMasthead is { } mast)
        {
            // A resolution heading is more specific than a masthead that only repeats a draft's symbol.
            if (fromHeading is { } hd && hd.Symbol.Canonical != mast.Symbol.Canonical && mast.Symbol.Kind != "resolution" && hd.Symbol.Kind is "resolution" or "decision")
                return (hd.Symbol, hd.Span, "text");
            return (mast.Symbol, mast.Span, "text");
        }
        if (fromHeading is { } heading2) return (heading2.Symbol, heading2.Span, "text");
        if (FromFileName(fileName) is { } byName) return (byName, null, "file name");
        return null;
    }

    private static (DocumentSymbol Symbol, SourceSpan Span)? FromMasthead(LaidOutText laid)
    {
        var text = laid.Text;
        var limit = laid.Blocks.Count > 0 ? Math.Min(text.Length, laid.Blocks[Math.Min(6, laid.Blocks.Count - 1)].End) : 0;
        var lineStart = 0;
        while (lineStart < limit)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > limit) lineEnd = limit;
            var line = text[lineStart..lineEnd];
            var offset = 0;
            if (line.StartsWith("United Nations ", StringComparison.Ordinal)) offset = "United Nations ".Length;
            var rest = line[offset..].TrimEnd();
            if (rest.Length is > 0 and < 80 && DocumentSymbol.TryParse(rest, out var symbol))
                return (symbol, new SourceSpan(lineStart + offset, lineStart + offset + rest.TrimEnd('*').Length));
            lineStart = lineEnd + 1;
        }
        return null;
    }

    private static (DocumentSymbol Symbol, SourceSpan Span)? FromHeading(LaidOutText laid)
    {
        var text = laid.Text;
        foreach (var block in laid.Blocks.Take(25))
        {
            if (block.Kind is BlockKind.Footnote) break;
            var s = block.Start;
            // "Decision 77/573. Title"
            var decision = text.AsSpan(s, block.End - s).StartsWith("Decision ", StringComparison.Ordinal);
            var p = decision ? s + "Decision ".Length : s;
            if (TryReadResolutionNumber(text, p, block.End, out var number, out var end))
            {
                if (end < block.End && text[end] == '.' && (end + 1 == block.End || text[end + 1] == ' ' || text[end + 1] == '\n'))
                {
                    var kind = decision ? "DEC" : "RES";
                    var canonical = number.Contains('(', StringComparison.Ordinal) ? $"S/RES/{number}" : $"A/{kind}/{number}";
                    return (DocumentSymbol.FromCanonical(canonical), new SourceSpan(p, end));
                }
            }
            // "Resolution 2773 (2025)"
            if (text.AsSpan(s, block.End - s).StartsWith("Resolution ", StringComparison.OrdinalIgnoreCase))
            {
                var q = s + "Resolution ".Length;
                if (TryReadResolutionNumber(text, q, block.End, out number, out end) && number.Contains('(', StringComparison.Ordinal))
                    return (DocumentSymbol.FromCanonical($"S/RES/{number}"), new SourceSpan(q, end));
            }
        }
        return null;
    }

    /// <summary>"77/13", "ES-10/23", "S-30/1", "1454 (2002)".</summary>
    private static bool TryReadResolutionNumber(string text, int p, int limit, out string number, out int end)
    {
        number = "";
        end = p;
        var q = p;
        if (string.CompareOrdinal(text, q, "ES-", 0, 3) == 0) q += 3;
        else if (string.CompareOrdinal(text, q, "S-", 0, 2) == 0) q += 2;
        var digitsStart = q;
        while (q < limit && char.IsAsciiDigit(text[q]) && q - digitsStart < 5) q++;
        if (q == digitsStart) return false;
        if (q < limit && text[q] == '/')
        {
            var r = q + 1;
            var secondStart = r;
            while (r < limit && char.IsAsciiDigit(text[r]) && r - secondStart < 5) r++;
            if (r == secondStart) return false;
            number = text[p..r];
            end = r;
            return true;
        }
        if (q + 7 <= limit && text[q] == ' ' && text[q + 1] == '(' && text[(q + 2)..(q + 6)].All(char.IsAsciiDigit) && text[q + 6] == ')' && q == digitsStart + (q - digitsStart) && p == digitsStart)
        {
            number = text[p..(q + 7)];
            end = q + 7;
            return true;
        }
        return false;
    }

    /// <summary>"A_RES_78_213.txt" → A/RES/78/213; "S_RES_0003_1946_EN_GOLD.txt" → S/RES/3 (1946).</summary>
    /// <summary>
    /// Whether the text's symbol is the file name's misread: the same but for letters a scan confuses with digits
    /// (I or l for 1, O for 0), or a Security Council resolution whose year cannot go with its number where the file's can.
    /// </summary>
    internal static bool IsDamagedForm(string inText, string named)
    {
        if (inText == named) return false;
        if (inText.Length == named.Length)
        {
            var confusable = true;
            for (var i = 0; i < inText.Length && confusable; i++)
            {
                if (inText[i] == named[i]) continue;
                confusable = (inText[i], named[i]) is ('I', '1') or ('l', '1') or ('O', '0') or ('o', '0');
            }
            if (confusable) return true;
        }
        return inText.StartsWith("S/RES/", StringComparison.Ordinal) && named.StartsWith("S/RES/", StringComparison.Ordinal)
            && NumberOf(inText) is { } n && n == NumberOf(named) && YearOf(inText) is { } badYear && YearOf(named) is { } year
            && !SecurityCouncilNumbering.IsPlausible(n, badYear) && SecurityCouncilNumbering.IsPlausible(n, year);
    }

    private static int? NumberOf(string resolution)
    {
        var bracket = resolution.IndexOf(" (", StringComparison.Ordinal);
        return bracket > 6 && int.TryParse(resolution.AsSpan(6, bracket - 6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static int? YearOf(string resolution)
    {
        var bracket = resolution.IndexOf(" (", StringComparison.Ordinal);
        return bracket > 0 && resolution.EndsWith(')') && int.TryParse(resolution.AsSpan(bracket + 2, resolution.Length - bracket - 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
    }

    internal static DocumentSymbol? FromFileName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        foreach (var suffix in (ReadOnlySpan<string>)[".pdftotext.txt", ".txt", ".md", ".pdf", ".json", ".html", ".htm"])
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) { name = name[..^suffix.Length]; break; }
        }
        if (name.EndsWith("_EN_GOLD", StringComparison.Ordinal)) name = name[..^"_EN_GOLD".Length];
        var parts = name.Split('_');
        if (parts.Length == 4 && parts[0] == "S" && parts[1] == "RES" && int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var n) && parts[3].Length == 4)
            return DocumentSymbol.FromCanonical($"S/RES/{n} ({parts[3]})");
        var candidate = string.Join('/', parts);
        // A joint symbol names its file too ("A_77_277-S_2022_606.pdf"): the S/ half is the alias.
        return DocumentSymbol.TryParse(candidate, out var symbol)
            && (symbol.Canonical == candidate || (symbol.Aliases.Count > 0 && candidate == symbol.Canonical + "-" + string.Join('-', symbol.Aliases))) ? symbol : null;
    }
}

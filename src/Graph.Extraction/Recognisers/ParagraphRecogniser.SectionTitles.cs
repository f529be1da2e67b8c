namespace Graph.Extraction.Recognisers;

internal static partial class ParagraphRecogniser
{
    /// <summary>
    /// How long a section's title run into the paragraph after it may be: up to three lines, as the Fifth Committee's titles
    /// run ("Seismic mitigation retrofit and life-cycle replacements project at the Economic and Social Commission for Asia and
    /// the Pacific premises in Bangkok Recalling section XII of its resolution 70/248 A, …", "Conditions of service and
    /// compensation for officials other than Secretariat officials: members of the International Court of Justice and
    /// President and judges of the International Residual Mechanism for Criminal Tribunals Recalling its resolutions …").
    /// </summary>
    private const int RunInTitleLength = 250;

    /// <summary>
    /// A title that opens with a plural noun, which reads as an operative verb ("Activities of the Office of Internal Oversight
    /// Services", "Conditions of service and compensation …", "Effects of changes in rates of exchange and inflation",
    /// "Estimates in respect of special political missions …"): the noun is followed by "of" or "in respect of", which no
    /// operative verb is.
    /// </summary>
    private static bool IsTitleNoun(ReadOnlySpan<char> clean)
    {
        var space = clean.IndexOf(' ');
        if (space < 0) return false;
        var rest = clean[(space + 1)..];
        return rest.StartsWith("of ", StringComparison.Ordinal) || rest.StartsWith("in respect of ", StringComparison.Ordinal);
    }

    /// <summary>
    /// The block under a section's numeral that is the section's title, however many lines it runs to ("III / Conditions of
    /// service and compensation for officials, other than Secretariat officials, serving the General Assembly: full-time
    /// members of the International Civil Service Commission and the Chair of the Advisory Committee on Administrative and
    /// Budgetary Questions", "Revised estimates resulting from resolutions and decisions adopted by the Economic and Social
    /// Council at its 2024 session"): in capitals, ending in no punctuation that ends a paragraph, and opening with no phrase
    /// that opens a preambular paragraph ("Recalling", "Having considered") and no verb, but a plural noun before "of".
    /// </summary>
    private static bool IsSectionTitle(ReadOnlySpan<char> clean) => IsTitleShaped(clean, 400);

    /// <summary>
    /// What a section's title and a sub-heading (<see cref="IsSubHeading"/>) share: shorter than <paramref name="maxLength"/>,
    /// in capitals at its start, ending in no punctuation that ends a paragraph and in no "and" or "or", and opening with no
    /// preambular phrase's first word and no verb unless a plural noun before "of".
    /// </summary>
    private static bool IsTitleShaped(ReadOnlySpan<char> clean, int maxLength) =>
        clean.Length < maxLength && char.IsUpper(clean[0]) && clean[^1] is not (',' or ';' or '.' or ':')
        && !clean.EndsWith(" and", StringComparison.Ordinal) && !clean.EndsWith(" or", StringComparison.Ordinal)
        && !PreambularOpenerLookup.Contains(FirstWord(clean)) && (!LooksOperative(clean) || IsTitleNoun(clean)) && !AdverbThenVerb(clean);

    /// <summary>
    /// A section's Roman numeral, or a capital letter with its full stop, and its title on one line ("IX Progress on the
    /// replacement of office blocks A to J at the United Nations Office at Nairobi", "XXI Gross jointly financed budget of the
    /// United Nations System Chief Executives Board for Coordination"), the title as <see cref="IsSectionTitle"/> reads it.
    /// </summary>
    private static bool IsNumberedSectionTitle(ReadOnlySpan<char> clean)
    {
        var space = clean.IndexOf(' ');
        if (space < 1 || space + 1 >= clean.Length) return false;
        var numeral = clean[..space];
        var roman = numeral.Length <= 5 && !numeral.ContainsAnyExcept("IVXL");
        var letter = numeral.Length == 2 && char.IsAsciiLetterUpper(numeral[0]) && numeral[1] == '.';
        return (roman || letter) && IsSectionTitle(clean[(space + 1)..]);
    }

    /// <summary>
    /// Whether a block of the laid-out text (or the words a paragraph's span leaves out at its start) is a section's title
    /// as the paragraphs are read: its numeral and title on one line, a title under a numeral standing alone before it, or
    /// a title the layout ran into the paragraph after it. The gold-free coverage measure leaves such titles out of the body.
    /// </summary>
    internal static bool ReadsAsSectionTitle(string text, bool underNumeral, bool runIn)
    {
        var clean = CleanText(text);
        return clean.Length > 0 && (IsNumberedSectionTitle(clean) || (underNumeral && IsSectionTitle(clean)) || (runIn && IsSubHeading(clean, RunInTitleLength)));
    }

    /// <summary>Whether a block of the laid-out text is a section's numeral standing alone ("VIII", "B.").</summary>
    internal static bool ReadsAsSectionNumeral(string text) => CleanText(text) is { Length: > 0 } clean && IsSectionNumeral(clean);
}

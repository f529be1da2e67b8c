namespace Graph.Extraction.Recognisers;

internal static partial class ParagraphRecogniser
{
    /// <summary>
    /// The verb of a numbered operative paragraph that opens with a phrase set off by a comma before it: "2. Alarmed by the
    /// sharp reductions in funding …, calls upon the international community", "2. Pending the total elimination of nuclear
    /// weapons, urges …", "10. Acting under Chapter VII of the Charter …, authorizes …". The opening is a preambular phrase,
    /// so the words lists read it as the verb ("Alarmed"); the verb is the first word after a comma, outside brackets and in
    /// the paragraph's first clause, that reads as one. Null where the paragraph opens with its verb or no such word follows
    /// ("Acting under Chapter VII of the Charter of the United Nations:" before its lettered clauses).
    /// </summary>
    private static string? VerbAfterOpeningPhrase(ReadOnlySpan<char> clean)
    {
        if (LooksOperative(clean) || OpensWithAdverb(clean) || AdverbThenVerb(clean) || !OpensPreambularPhrase(clean)) return null;
        // "Also, in this regard, calls upon": an adverb set off by a comma keeps its verb (see LeadingVerb).
        var space = clean.IndexOf(' ');
        if (space > 1 && AdverbLookup.Contains(clean[..space].TrimEnd(','))) return null;
        var depth = 0;
        for (var i = 0; i + 2 < clean.Length; i++)
        {
            switch (clean[i])
            {
                case '(': depth++; break;
                case ')': if (depth > 0) depth--; break;
                case ';' or ':': return null;
                case ',' when depth == 0 && clean[i + 1] == ' ' && char.IsAsciiLetterLower(clean[i + 2]):
                    // The verb as the word lists read an opening one: capitalised, as "Also, in this regard, calls upon" keeps
                    // its verb with the adverb's capital.
                    var rest = string.Concat(char.ToUpperInvariant(clean[i + 2]).ToString(), clean[(i + 3)..]);
                    if (LooksOperative(rest) || AdverbThenVerb(rest)) return LeadingVerb(rest);
                    break;
            }
        }
        return null;
    }

    /// <summary>
    /// The impersonal formula that opens the operative clause of the earliest Council texts in place of a verb: "Whereas the
    /// Commission of Investigation … has referred to the Council the question …, / It is resolved that the Security Council
    /// request the Secretary-General …" (S/RES/17 (1947)). The phrase is the paragraph's verb; null for any other opening.
    /// </summary>
    private static string? ImpersonalVerb(ReadOnlySpan<char> clean)
    {
        foreach (var phrase in ImpersonalPhrases)
            if (clean.StartsWith(phrase, StringComparison.Ordinal) && clean.Length > phrase.Length && clean[phrase.Length] == ' ') return phrase;
        return null;
    }

    private static readonly string[] ImpersonalPhrases = ["It is resolved", "It is decided"];
}

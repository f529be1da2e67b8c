using System.Text.RegularExpressions;
using Graph.Extraction.Structure;

namespace Graph.Extraction.Recognisers;

internal static partial class ParagraphRecogniser
{
    /// <summary>
    /// A paragraph's opening as its verb is read, with what a scan or a typesetting put between the verb's words taken out:
    /// a verb set letter by letter ("I n v i t e s relevant special procedure mandate holders", A/RES/79/172) is the word; a
    /// scan's mark between the verb and its preposition is a space, whether it stands between two letters ("4. Calls_on all
    /// States to refrain …") or after a space ("Calls _ upon all parties", "Calls also _ upon", "Calls _on", S/RES/775 (1992),
    /// S/RES/894 (1994), S/RES/865 (1993)); and the commas that set off a following "once again", "also" or "further"
    /// ("Urges, once again, all States", A/RES/79/162) do not end the verb, which keeps its "once again" as it does unset.
    /// </summary>
    /// <remarks>
    /// Every paragraph's opening is read so, and few need a repair: the patterns are tested on the words in place, and only
    /// an opening that needs one is made a string.
    /// </remarks>
    private static ReadOnlySpan<char> RepairedOpening(ReadOnlySpan<char> clean)
    {
        if (UnderlineBetweenLetters(clean) < 0 && !LetterSpacedOpening().IsMatch(clean) && !StrayMarkInOpening().IsMatch(clean) && !AdverbSetOffByCommas().IsMatch(clean))
            return clean;
        return RepairedOpening(clean.ToString());
    }

    private static string RepairedOpening(string clean)
    {
        clean = WithoutUnderlineBetweenLetters(clean);
        if (LetterSpacedOpening().Match(clean) is { Success: true } spaced)
            clean = string.Concat(spaced.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal), clean.AsSpan(spaced.Groups[1].Length));
        if (StrayMarkInOpening().Match(clean) is { Success: true } stray)
            clean = string.Concat(stray.Groups[1].Value, " ", clean.AsSpan(stray.Length));
        if (AdverbSetOffByCommas().Match(clean) is { Success: true } setOff)
            clean = string.Concat(setOff.Groups[1].Value, " ", setOff.Groups[2].Value, clean.AsSpan(setOff.Length - 1));
        return clean;
    }

    /// <summary>"Calls_on": the first underline of the opening's first 24 characters, where a letter stands on each side of it, made a space.</summary>
    private static string WithoutUnderlineBetweenLetters(string clean) =>
        UnderlineBetweenLetters(clean) is >= 0 and var underline
            ? string.Concat(clean.AsSpan(0, underline), " ", clean.AsSpan(underline + 1))
            : clean;

    /// <summary>Where the first underline of the opening's first 24 characters stands, if it has a letter on each side; -1 otherwise.</summary>
    private static int UnderlineBetweenLetters(ReadOnlySpan<char> clean)
    {
        var underline = clean[..Math.Min(clean.Length, 24)].IndexOf('_');
        return underline > 0 && underline + 1 < clean.Length && char.IsLetter(clean[underline - 1]) && char.IsLetter(clean[underline + 1]) ? underline : -1;
    }

    /// <summary>Four letters or more, each followed by one space, the first a capital, then a word in lower case.</summary>
    [GeneratedRegex(@"^([A-Z](?: [a-z]){3,})(?= [a-z]{2})")]
    private static partial Regex LetterSpacedOpening();

    /// <summary>
    /// A mark between the first words ("Calls _ upon", "Calls also _ upon", "Calls _on all Member States", S/RES/865 (1993)):
    /// the verb and an adverb, then the mark after a space, then a word in lower case.
    /// </summary>
    [GeneratedRegex(@"^([A-Z][a-z]+(?: (?:also|further|again|once))?) [_|~—]+ ?(?=[a-z])")]
    private static partial Regex StrayMarkInOpening();

    /// <summary>"Urges, once again, all States": the verb, then a drafting adverb between commas, then the verb's object.</summary>
    [GeneratedRegex(@"^([A-Z][a-z]+s), (once again|once more|also|further|again), (?=[a-z])")]
    private static partial Regex AdverbSetOffByCommas();

    /// <summary>
    /// A verb the scan spoiled into its bare form ("6. Request the Secretary-General accordingly to …", S/RES/367 (1975);
    /// "Express its confidence", "Reaffirm also", "Welcome the further report"): it opens a paragraph of its own, so it ends the
    /// list a paragraph ending in a colon opened ("5. Considers that new efforts should be undertaken …:") rather than
    /// completing it with that paragraph's verb. Only verbs of the Council's and the Assembly's operative paragraphs whose bare
    /// form is no noun or adjective that opens a clause are taken.
    /// </summary>
    private static bool OpensWithSpoiledVerb(ReadOnlySpan<char> clean)
    {
        var space = clean.IndexOf(' ');
        if (space < 0 || space + 1 >= clean.Length || !char.IsLower(clean[space + 1])) return false;
        return SpoiledVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(clean[..space]);
    }

    private static readonly HashSet<string> SpoiledVerbs = new(StringComparer.Ordinal)
    {
        "Request", "Express", "Reaffirm", "Welcome", "Decide", "Urge", "Condemn", "Demand", "Endorse", "Reiterate", "Recommend",
        "Authorize", "Emphasize", "Encourage", "Invite", "Commend", "Deplore", "Affirm", "Recognize", "Underline", "Stress",
    };

    /// <summary>
    /// "Calls", or "Calls" as a scan spoiled it, a letter l read as i, I, 1, t or | ("7. Calis on the Government of South Africa",
    /// S/RES/772 (1992)): the verb keeps its preposition ("Calis on") and is given as printed.
    /// </summary>
    private static bool IsCalls(ReadOnlySpan<char> word) =>
        word is "Calls" or "calls"
        || (word.Length == 5 && word[0] is 'C' or 'c' && word[1] == 'a' && word[4] == 's' && IsReadForL(word[2]) && IsReadForL(word[3]) && (word[2] == 'l' || word[3] == 'l'));

    private static bool IsReadForL(char c) => c is 'l' or 'i' or 'I' or '1' or 't' or '|';

    /// <summary>
    /// A sub-paragraph's letter the scan read as a digit ("(6)" or "(5)" for "(b)", "(2)" for "(d)" or "(a)"; S/RES/71 (1949),
    /// S/RES/470 (1980), S/RES/707 (1991), S/RES/724 (1991)): a single digit in brackets where the letter after the one before is
    /// due, read as that letter when the digit looks like it or when the next lettered mark is the letter after it ("(a)", "(6)",
    /// "(c)"). A real numbered list ("(1) … (2) … (3)") keeps its digits: its first item is "(1)", which is no look-alike and
    /// is followed by "(2)", not by a letter, and the items after it are never read once a digit item has stood.
    /// </summary>
    private static (string Letter, int ContentStart)? ScannedLetter(LaidOutText laid, int b, string? currentLetter)
    {
        var text = laid.Text;
        var block = laid.Blocks[b];
        if (block.End - block.Start < 5 || !IsDigitItem(text, block) || text[block.Start + 3] != ' ') return null;
        var due = currentLetter is null ? "a" : currentLetter.Length == 1 && currentLetter[0] is >= 'a' and < 'y' ? NextLetter(currentLetter) : null;
        if (due is null) return null;
        var digit = text[block.Start + 1];
        var looksLike = (due, digit) is ("b", '6' or '5') or ("d", '2');
        if (!looksLike && (NextParagraphBlock(laid, b) is not { } following || ReadNumbering(text, following).Letter != NextLetter(due)))
            return null;
        return (due, SkipSpaces(text, block.Start + 4, block.End));
    }

    /// <summary>
    /// The number of an operative paragraph that the scan lost altogether ("1. Reaffirms the applicability of the Geneva
    /// Convention … / Calls upon Israel, the occupying Power, … / 3. Declares it imperative …", S/RES/484 (1980)): after paragraph
    /// n, it is paragraph n + 1 where the next numbered paragraph, past its own lettered items, is n + 2, or where no paragraph
    /// follows it ("6. Urges the two States … / Decides to remain seized of the matter."). Anywhere else an unnumbered paragraph
    /// keeps its place among the unnumbered ones (a text in parts, some of them unnumbered).
    /// </summary>
    private static string? LostNumber(LaidOutText laid, int b, string? currentOperative, string documentId, HashSet<string> ids)
    {
        if (!int.TryParse(currentOperative, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var before)) return null;
        var lost = (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ids.Contains($"{documentId}#op{lost}")) return null;
        for (var n = b + 1; n < laid.Blocks.Count; n++)
        {
            var block = laid.Blocks[n];
            if (block.Kind != BlockKind.Paragraph) continue;
            if (block.InAnnex) break;
            var (number, letter, _) = ReadNumbering(laid.Text, block);
            if (letter is not null) continue;
            return number == (before + 2).ToString(System.Globalization.CultureInfo.InvariantCulture) ? lost : null;
        }
        return lost;
    }

    /// <summary>Whether the block opens with a digit in brackets ("(1) The instrument …").</summary>
    private static bool IsDigitItem(string text, Block block) =>
        ParagraphAssembler.OpensWithDigitItem(text.AsSpan(block.Start, block.End - block.Start));
}

namespace Graph.Extraction.Recognisers;

internal static partial class ParagraphRecogniser
{
    /// <summary>
    /// "Calls" as a scan may print it: its two l's read as i, I, 1 or | ("7. Calis on the Government of South Africa …",
    /// resolution 772 (1992)). The verb is given as printed, and its preposition stays its own, as "Calls on" keeps "on".
    /// </summary>
    private static bool IsCalls(ReadOnlySpan<char> word) =>
        word is "Calls" or "calls"
        || (word.Length == 5 && word[0] is 'C' or 'c' && word[1] == 'a' && IsScannedL(word[2]) && IsScannedL(word[3]) && word[4] == 's');

    private static bool IsScannedL(char c) => c is 'l' or 'i' or 'I' or '1' or '|';

    /// <summary>
    /// The paragraph with its opening word's letters joined where the layout spaced them apart ("45. I n v i t e s relevant
    /// special procedure mandate holders …", resolution 79/172): four or more single letters, each followed by one space,
    /// then a word in lower case. Any other paragraph is returned as it is.
    /// </summary>
    private static string WithoutLetterSpacing(string clean)
    {
        var i = 0;
        while (i + 1 < clean.Length && char.IsLetter(clean[i]) && clean[i + 1] == ' ' && (i == 0 || clean[i - 1] == ' ')) i += 2;
        var letters = i / 2;
        if (letters < 4 || i + 1 >= clean.Length || !char.IsLower(clean[i]) || !char.IsLower(clean[i + 1])) return clean;
        var joined = new System.Text.StringBuilder(clean.Length);
        for (var l = 0; l < letters; l++) joined.Append(clean[2 * l]);
        return joined.Append(' ').Append(clean.AsSpan(i)).ToString();
    }
}

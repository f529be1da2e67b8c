namespace Graph.Store.Services;

/// <summary>
/// How search reads text, shared by the scorer and the index so that both agree on what matches:
/// a query word matches where a word of the text starts ("union" finds "Union" and "Unions", not
/// "reunion"), case-insensitively; tokens are the runs of letters and digits, lower-cased, so the
/// symbol "A/RES/77/13" holds the tokens a, res, 77 and 13.
/// </summary>
internal static class SearchText
{
    /// <summary>The first place at or after <paramref name="from"/> where <paramref name="word"/> starts a word of <paramref name="text"/>; -1 when none.</summary>
    public static int IndexOfWord(string text, string word, int from = 0)
    {
        if (word.Length == 0) return -1;
        var needsBoundary = char.IsLetterOrDigit(word[0]);
        for (var at = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (!needsBoundary || at == 0 || !char.IsLetterOrDigit(text[at - 1])) return at;
        }
        return -1;
    }

    public static bool ContainsWord(string text, string word) => IndexOfWord(text, word) >= 0;

    /// <summary>Non-overlapping places where <paramref name="word"/> starts a word of <paramref name="text"/>.</summary>
    public static int CountWords(string text, string word)
    {
        var count = 0;
        for (var at = IndexOfWord(text, word); at >= 0; at = IndexOfWord(text, word, at + word.Length)) count++;
        return count;
    }

    /// <summary>
    /// The terms a query word asks the index for: its tokens, the last one a prefix when the word ends
    /// in a letter or digit ("77/13" is 77 then anything starting with 13, "(2005)" is exactly 2005).
    /// </summary>
    public static List<SearchTerm> Terms(string word, int wordIndex)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= word.Length; i++)
        {
            if (i < word.Length && char.IsLetterOrDigit(word[i]))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0) tokens.Add(word[start..i].ToLowerInvariant());
            start = -1;
        }
        var endsInWord = word.Length > 0 && char.IsLetterOrDigit(word[^1]);
        return [.. tokens.Select((t, k) => new SearchTerm(t, IsPrefix: endsInWord && k == tokens.Count - 1, wordIndex))];
    }
}

/// <summary>One token a query word needs: exactly, or as the start of a token.</summary>
internal sealed record SearchTerm(string Token, bool IsPrefix, int WordIndex);

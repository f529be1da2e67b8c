using Graph.Cypher.Syntax;

namespace Graph.Cypher.Durability;

/// <summary>
/// Saves a writing statement with what it needs to change the graph the same way again (its parameters, clock and
/// random seed), so that it is made again when the store opens; throws <see cref="IOException"/> or
/// <see cref="NotSupportedException"/> when it cannot.
/// </summary>
internal delegate void SaveWrite(string statement, IReadOnlyDictionary<string, object?> parameters, Execution.StatementClock clock);

/// <summary>What a write must not depend on if it is to be saved and made again on a store opened afresh.</summary>
internal static class SavedWriteRules
{
    /// <summary>
    /// Refuses a write that selects by internal id: <c>id(n)</c> and <c>elementId(n)</c> number the graph as it
    /// was loaded this time, and the same number names another node after the store opens again, so the
    /// saved write would change the wrong thing. Returning them (after the last RETURN) is harmless.
    /// </summary>
    public static void ThrowIfUnsavable(string text)
    {
        var tokens = Lexer.Tokenize(text);
        var lastReturn = tokens.FindLastIndex(t => t.IsKeyword("RETURN"));
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var token = tokens[i];
            var isCall = (token.IsKeyword("id") || token.IsKeyword("elementId"))
                && tokens[i + 1].IsSymbol("(") && !(i > 0 && tokens[i - 1].IsSymbol("."));
            if (isCall && (lastReturn < 0 || i < lastReturn))
                throw new CypherException("SemanticError", "UnsavableWrite",
                    $"This write uses {token.Text}() to choose what it changes. Internal ids are not kept when the store opens again, " +
                    "so the write could not be saved: choose by a property instead, such as MATCH (d {id: 'A/RES/77/13'}).",
                    Positions.Of(text, token.Offset));
        }
    }
}

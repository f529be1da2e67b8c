namespace Graph.Cypher.Syntax;

/// <summary>
/// Refuses, before parsing, a query nested so deeply that the recursive-descent parser, the semantic
/// checker or the evaluator could exhaust the thread's stack (a stack overflow cannot be caught and would
/// end the whole server). Two measures: brackets open at once, and the operators chained along the way
/// (each one adds a level to the expression tree: <c>1+1+1…</c> is as deep as it is long). The limits are
/// far above any query a person writes.
/// </summary>
internal static class NestingGuard
{
    public const int MaxBracketDepth = 100;
    public const int MaxChainedOperators = 1000;

    private static readonly HashSet<string> ChainingSymbols =
        ["+", "-", "*", "/", "%", "^", "=", "<>", "!=", "<", ">", "<=", ">=", "=~", ".", "->", "<-", "--"];

    private static readonly HashSet<string> ChainingKeywords =
        new(["AND", "OR", "XOR", "NOT", "IN", "STARTS", "ENDS", "CONTAINS", "IS"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that start a sibling expression (a new clause or item): the chain before them ends.</summary>
    private static readonly HashSet<string> SeparatingKeywords = new(
        ["MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE",
         "ORDER", "SKIP", "LIMIT", "UNION", "CALL", "YIELD", "AS", "ON", "WHEN", "THEN", "ELSE"], StringComparer.OrdinalIgnoreCase);

    public static void Check(string text, List<Token> tokens)
    {
        // Operators counted per open bracket; their sum is an upper bound of the tree's depth at this point.
        var chained = new Stack<int>();
        var current = 0;
        var total = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Identifier && SeparatingKeywords.Contains(token.Text) || token.IsSymbol(","))
            {
                total -= current;
                current = 0;
                continue;
            }
            if (token.Kind == TokenKind.Identifier && ChainingKeywords.Contains(token.Text))
            {
                current++;
                total++;
            }
            else if (token.Kind == TokenKind.Symbol)
            {
                switch (token.Text)
                {
                    case "(" or "[" or "{":
                        chained.Push(current);
                        current = 0;
                        if (chained.Count > MaxBracketDepth)
                            throw TooDeep(text, token, $"more than {MaxBracketDepth} brackets are open at once");
                        continue;
                    case ")" or "]" or "}":
                        total -= current;
                        current = chained.Count > 0 ? chained.Pop() : 0;
                        continue;
                    default:
                        if (!ChainingSymbols.Contains(token.Text)) continue;
                        current++;
                        total++;
                        break;
                }
            }
            else
            {
                continue;
            }
            if (total > MaxChainedOperators)
                throw TooDeep(text, token, $"more than {MaxChainedOperators} operators are chained into one expression");
        }
    }

    private static CypherException TooDeep(string text, Token token, string why) =>
        new("SyntaxError", "NestingTooDeep",
            $"The query is nested too deeply to run safely: {why}. Split it into WITH steps, or pass long lists as a parameter.",
            Positions.Of(text, token.Offset));
}

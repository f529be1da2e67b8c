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

    /// <summary>
    /// Operators (string concatenation <c>||</c> and the type test <c>::</c> among them), and the joins of a label expression
    /// (<c>:A:B</c>, <c>A&amp;B</c>, <c>A|B</c>, <c>!A</c>): a label expression is a tree as deep as it is long, and 100,000
    /// labels on one node overflowed the parser's stack and ended the server.
    /// </summary>
    private static readonly HashSet<string> ChainingSymbols =
        ["+", "-", "*", "/", "%", "^", "=", "<>", "!=", "<", ">", "<=", ">=", "=~", ".", "->", "<-", "--", ":", "&", "|", "!", "||", "::"];

    private static readonly HashSet<string> ChainingKeywords =
        new(["AND", "OR", "XOR", "NOT", "IN", "STARTS", "ENDS", "CONTAINS", "IS"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that start a sibling expression (a new clause or item): the chain before them ends.</summary>
    private static readonly HashSet<string> SeparatingKeywords = new(
        ["MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE",
         "ORDER", "SKIP", "LIMIT", "UNION", "CALL", "YIELD", "AS", "ON", "WHEN", "THEN", "ELSE"], StringComparer.OrdinalIgnoreCase);

    public static void Check(string text, List<Token> tokens)
    {
        // Operators counted per open bracket; their sum is an upper bound of the tree's depth at this point.
        // CASE … END nests like a bracket; the stack of openers tells an END that closes a CASE from a name.
        var chained = new Stack<int>();
        var openers = new Stack<char>();
        var current = 0;
        var total = 0;
        Token? previous = null;
        foreach (var token in tokens)
        {
            var before = previous;
            previous = token;
            if (token.Kind == TokenKind.Identifier && !AfterDot(before) && token.Text.Equals("CASE", StringComparison.OrdinalIgnoreCase))
            {
                Open('C', token);
                continue;
            }

            // After a dot, END is a property name (n.end), not the end of a CASE.
            if (token.Kind == TokenKind.Identifier && !AfterDot(before) && openers.TryPeek(out var top) && top == 'C' && token.Text.Equals("END", StringComparison.OrdinalIgnoreCase))
            {
                Close();
                continue;
            }

            // After a dot a keyword is a property name (n.order, n.in): it neither ends a chain nor adds to it.
            var keyword = token.Kind == TokenKind.Identifier && !AfterDot(before);
            if (keyword && SeparatingKeywords.Contains(token.Text) || token.IsSymbol(","))
            {
                total -= current;
                current = 0;
                continue;
            }
            if (keyword && ChainingKeywords.Contains(token.Text))
            {
                current++;
                total++;
            }
            else if (token.Kind == TokenKind.Symbol)
            {
                switch (token.Text)
                {
                    case "(" or "[" or "{":
                        if (token.Text == "[" && EndsOperand(before))
                        {
                            // a[0][0][0]…: each index wraps the expression before it, one level deeper, like an operator.
                            current++;
                            total++;
                            if (total > MaxChainedOperators)
                                throw TooDeep(text, token, $"more than {MaxChainedOperators} operators are chained into one expression");
                        }

                        Open(token.Text[0], token);
                        continue;
                    case ")" or "]" or "}":
                        Close();
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

        void Open(char opener, Token token)
        {
            chained.Push(current);
            openers.Push(opener);
            current = 0;
            if (chained.Count > MaxBracketDepth)
                throw TooDeep(text, token, $"more than {MaxBracketDepth} brackets (or CASE expressions) are open at once");
        }

        void Close()
        {
            total -= current;
            current = chained.Count > 0 ? chained.Pop() : 0;
            openers.TryPop(out _);
        }
    }

    private static bool AfterDot(Token? before) => before is { } b && b.IsSymbol(".");

    /// <summary>Whether <paramref name="before"/> ends an operand, so that a '[' after it indexes rather than opens a list.</summary>
    private static bool EndsOperand(Token? before) => before is { } b &&
        (b.IsSymbol(")") || b.IsSymbol("]") || b.IsSymbol("}") ||
         b.Kind is TokenKind.EscapedIdentifier or TokenKind.String or TokenKind.Integer or TokenKind.Float or TokenKind.Parameter ||
         (b.Kind == TokenKind.Identifier && !ChainingKeywords.Contains(b.Text) && !SeparatingKeywords.Contains(b.Text)));

    private static CypherException TooDeep(string text, Token token, string why) =>
        new("SyntaxError", "NestingTooDeep",
            $"The query is nested too deeply to run safely: {why}. Split it into WITH steps, or pass long lists as a parameter.",
            Positions.Of(text, token.Offset));
}

using System.Globalization;

namespace Graph.Cypher.Syntax;

/// <summary>Recursive-descent parser for the openCypher query language; keywords are case-insensitive.</summary>
internal sealed partial class Parser
{
    private readonly string text;
    private readonly List<Token> tokens;
    private int pos;

    private Parser(string text)
    {
        this.text = text;
        tokens = Lexer.Tokenize(text);
        NestingGuard.Check(text, tokens);
    }

    public static Query Parse(string text) => Parse(text, out _);

    /// <summary>Parses the query and names every parameter it mentions (name and offset), to check before running.</summary>
    public static Query Parse(string text, out IReadOnlyList<(string Name, int Offset)> parameters) =>
        Parse(text, out parameters, out _);

    /// <summary>As <see cref="Parse(string, out IReadOnlyList{ValueTuple{string, int}})"/>, and whether EXPLAIN or PROFILE leads the statement.</summary>
    public static Query Parse(string text, out IReadOnlyList<(string Name, int Offset)> parameters, out PlanMode mode)
    {
        var parser = new Parser(text);
        // "$any(" and "$all(" open dynamic labels, not parameters.
        parameters = parser.tokens.Where((t, i) => t.Kind == TokenKind.Parameter &&
                                                   !(t.Text.ToUpperInvariant() is "ANY" or "ALL" && parser.tokens[i + 1].IsSymbol("(")))
            .Select(t => (t.Text, t.Offset)).ToList();
        mode = parser.ParsePlanMode();
        var query = parser.TryParseSchemaCommand() is { } command ? new Query([new SingleQuery([command])], []) : parser.ParseQuery();
        if (parser.Current.IsSymbol(";"))
        {
            parser.pos++;
        }

        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Unexpected();
        }

        return query;
    }

    private Token Current => tokens[pos];

    private Token PeekToken(int ahead) => tokens[Math.Min(pos + ahead, tokens.Count - 1)];

    private CypherException Error(string detail, string message, int offset) =>
        new("SyntaxError", detail, message, Positions.Of(text, offset));

    private CypherException Unexpected() => Error("UnexpectedSyntax", UnexpectedMessage(), Current.Offset);

    private bool AtKeyword(string keyword)
    {
        if (Current.IsKeyword(keyword)) return true;
        ExpectedKeyword(keyword);
        return false;
    }

    private bool AtKeywords(params string[] keywords)
    {
        for (var i = 0; i < keywords.Length; i++)
        {
            if (!PeekToken(i).IsKeyword(keywords[i]))
            {
                return false;
            }
        }

        return true;
    }

    private bool TryKeyword(string keyword)
    {
        if (!AtKeyword(keyword))
        {
            return false;
        }

        pos++;
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!TryKeyword(keyword))
        {
            throw Unexpected();
        }
    }

    private bool AtSymbol(string symbol)
    {
        if (Current.IsSymbol(symbol)) return true;
        ExpectedSymbol(symbol);
        return false;
    }

    private bool TrySymbol(string symbol)
    {
        if (!AtSymbol(symbol))
        {
            return false;
        }

        pos++;
        return true;
    }

    private void ExpectSymbol(string symbol)
    {
        if (!TrySymbol(symbol))
        {
            throw Unexpected();
        }
    }

    private string ExpectName()
    {
        if (Current.Kind is TokenKind.Identifier or TokenKind.EscapedIdentifier)
        {
            return tokens[pos++].Text;
        }

        Expected("an identifier");
        throw Unexpected();
    }

    private static readonly HashSet<string> ReservedVariableNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "MATCH", "RETURN", "WITH", "WHERE", "CREATE", "DELETE", "SET", "REMOVE", "MERGE", "UNWIND", "OPTIONAL",
        "ORDER", "SKIP", "LIMIT", "UNION", "AND", "OR", "XOR", "NOT", "IN", "AS", "DETACH", "CALL", "YIELD",
        "DISTINCT", "CASE", "WHEN", "THEN", "ELSE", "END", "ON", "IS", "NULL", "TRUE", "FALSE", "STARTS", "ENDS", "CONTAINS",
    };

    private string ExpectVariable()
    {
        if (Current.Kind == TokenKind.EscapedIdentifier)
        {
            return tokens[pos++].Text;
        }

        if (Current.Kind == TokenKind.Identifier && !ReservedVariableNames.Contains(Current.Text))
        {
            return tokens[pos++].Text;
        }

        Expected("a variable name");
        throw Unexpected();
    }

    private bool AtVariable() =>
        Current.Kind == TokenKind.EscapedIdentifier ||
        (Current.Kind == TokenKind.Identifier && !ReservedVariableNames.Contains(Current.Text));

    private Query ParseQuery()
    {
        var parts = new List<SingleQuery> { ParseSingleQuery() };
        var all = new List<bool>();
        while (TryKeyword("UNION"))
        {
            all.Add(TryKeyword("ALL"));
            parts.Add(ParseSingleQuery());
        }

        return new Query(parts, all);
    }

    private SingleQuery ParseSingleQuery()
    {
        var clauses = new List<Clause>();
        while (true)
        {
            var clause = TryParseClause();
            if (clause is null)
            {
                break;
            }

            clauses.Add(clause);
            if (clause is ReturnClause ret && AtKeyword("NEXT"))
            {
                // Cypher 25 NEXT: what the RETURN returns is the input of the query after it.
                pos++;
                clauses[^1] = new WithClause(ret.Offset, ret.Projection with { IsWith = true }, null);
                continue;
            }

            if (clause is ReturnClause or FinishClause)
            {
                break;
            }
        }

        if (clauses.Count == 0)
        {
            throw Unexpected();
        }

        return new SingleQuery(clauses);
    }

    private Clause? TryParseClause()
    {
        var start = Current.Offset;
        if (TryParseCypher5Clause() is { } added)
        {
            return added;
        }

        if (AtKeyword("OPTIONAL"))
        {
            pos++;
            ExpectKeyword("MATCH");
            return ParseMatch(start, optional: true);
        }

        if (TryKeyword("MATCH"))
        {
            return ParseMatch(start, optional: false);
        }

        if (TryKeyword("UNWIND"))
        {
            var source = ParseExpression();
            ExpectKeyword("AS");
            return new UnwindClause(start, source, ExpectVariable());
        }

        if (TryKeyword("WITH"))
        {
            var projection = ParseProjection(start, isWith: true);
            Expr? where = TryKeyword("WHERE") ? ParseExpression() : null;
            return new WithClause(start, projection, where);
        }

        if (TryKeyword("RETURN"))
        {
            return new ReturnClause(start, ParseProjection(start, isWith: false));
        }

        if (TryKeyword("CREATE"))
        {
            return new CreateClause(start, ParsePatternList());
        }

        if (TryKeyword("MERGE"))
        {
            return ParseMerge(start);
        }

        if (TryKeyword("SET"))
        {
            return new SetClause(start, ParseSetItems());
        }

        if (TryKeyword("REMOVE"))
        {
            return new RemoveClause(start, ParseRemoveItems());
        }

        if (AtKeyword("DETACH") || AtKeyword("DELETE"))
        {
            var detach = TryKeyword("DETACH");
            ExpectKeyword("DELETE");
            var targets = new List<Expr> { ParseExpression() };
            while (TrySymbol(","))
            {
                targets.Add(ParseExpression());
            }

            return new DeleteClause(start, detach, targets);
        }

        if (TryKeyword("CALL"))
        {
            return ParseCall(start);
        }

        if (TryKeyword("SHOW"))
        {
            return ParseShow(start);
        }

        return null;
    }

    private MatchClause ParseMatch(int start, bool optional)
    {
        var patterns = ParsePatternList();
        Expr? where = TryKeyword("WHERE") ? ParseExpression() : null;
        return new MatchClause(start, optional, patterns, where);
    }

    private Clause ParseCall(int start)
    {
        var name = ExpectName();
        while (TrySymbol("."))
        {
            name += "." + ExpectName();
        }

        List<Expr>? args = null;
        if (TrySymbol("("))
        {
            args = [];
            if (!AtSymbol(")"))
            {
                args.Add(ParseExpression());
                while (TrySymbol(","))
                {
                    args.Add(ParseExpression());
                }
            }

            ExpectSymbol(")");
        }

        var yields = new List<(string, string?)>();
        Expr? where = null;
        // A procedure call takes WHERE after the fields it names, not after YIELD *.
        if (TryParseYield(yields, out var star) && !star && TryKeyword("WHERE"))
        {
            where = ParseExpression();
        }

        return new CallClause(start, name, args, yields, star, where);
    }

    /// <summary>
    /// <c>YIELD *</c> or <c>YIELD a [AS x], b, …</c>, as a procedure call and a SHOW command take it: the fields go to
    /// <paramref name="yields"/>; false when no YIELD follows.
    /// </summary>
    private bool TryParseYield(List<(string Field, string? Alias)> yields, out bool star)
    {
        star = false;
        if (!TryKeyword("YIELD"))
        {
            return false;
        }

        if (TrySymbol("*"))
        {
            star = true;
            return true;
        }

        do
        {
            var field = ExpectName();
            yields.Add((field, TryKeyword("AS") ? ExpectVariable() : null));
        }
        while (TrySymbol(","));
        return true;
    }

    private MergeClause ParseMerge(int start)
    {
        var pattern = ParsePatternPart();
        var onCreate = new List<SetItem>();
        var onMatch = new List<SetItem>();
        while (AtKeyword("ON"))
        {
            pos++;
            if (TryKeyword("CREATE"))
            {
                ExpectKeyword("SET");
                onCreate.AddRange(ParseSetItems());
            }
            else
            {
                ExpectKeyword("MATCH");
                ExpectKeyword("SET");
                onMatch.AddRange(ParseSetItems());
            }
        }

        return new MergeClause(start, pattern, onCreate, onMatch);
    }

    private List<SetItem> ParseSetItems()
    {
        var items = new List<SetItem>();
        do
        {
            var start = Current.Offset;
            if (AtVariable() && (PeekToken(1).IsSymbol("=") || PeekToken(1).IsSymbol("+=")))
            {
                var variable = ExpectVariable();
                var merge = Current.IsSymbol("+=");
                pos++;
                items.Add(new SetAllPropertiesItem(start, variable, ParseExpression(), merge));
            }
            else if (AtVariable() && (PeekToken(1).IsSymbol(":") || PeekToken(1).IsKeyword("IS")))
            {
                var variable = ExpectVariable();
                items.Add(new SetLabelsItem(start, variable, ParseLabels()) { Dynamic = dynamicLabels });
            }
            else
            {
                var target = ParsePostfix();
                if (target is not PropertyExpr property)
                {
                    throw Error("UnexpectedSyntax", "Expected a property to set", start);
                }

                ExpectSymbol("=");
                items.Add(new SetPropertyItem(start, property, ParseExpression()));
            }
        }
        while (TrySymbol(","));
        return items;
    }

    private List<SetItem> ParseRemoveItems()
    {
        var items = new List<SetItem>();
        do
        {
            var start = Current.Offset;
            if (AtVariable() && (PeekToken(1).IsSymbol(":") || PeekToken(1).IsKeyword("IS")))
            {
                var variable = ExpectVariable();
                items.Add(new RemoveLabelsItem(start, variable, ParseLabels()) { Dynamic = dynamicLabels });
            }
            else
            {
                var target = ParsePostfix();
                if (target is not PropertyExpr property)
                {
                    throw Error("UnexpectedSyntax", "Expected a property to remove", start);
                }

                items.Add(new RemovePropertyItem(start, property));
            }
        }
        while (TrySymbol(","));
        return items;
    }

    /// <summary>Dynamic labels <c>$(expr)</c> met by the last <see cref="ParseLabels"/> (SET and REMOVE take them).</summary>
    private List<Expr> dynamicLabels = [];

    private List<string> ParseLabels()
    {
        var labels = new List<string>();
        dynamicLabels = [];
        if (TryKeyword("IS"))
        {
            ParseOneLabel(labels);
            while (TrySymbol("&"))
            {
                ParseOneLabel(labels);
            }

            return labels;
        }

        while (TrySymbol(":"))
        {
            ParseOneLabel(labels);
            while (TrySymbol("&"))
            {
                ParseOneLabel(labels);
            }
        }

        return labels;
    }

    private void ParseOneLabel(List<string> labels)
    {
        if (AtSymbol("$"))
        {
            pos++;
            ExpectSymbol("(");
            dynamicLabels.Add(ParseExpression());
            ExpectSymbol(")");
            return;
        }

        labels.Add(ExpectName());
    }

    private Projection ParseProjection(int start, bool isWith)
    {
        var distinct = TryKeyword("DISTINCT");
        var star = false;
        var items = new List<ReturnItem>();
        if (TrySymbol("*"))
        {
            star = true;
            if (TrySymbol(","))
            {
                items.AddRange(ParseReturnItems(isWith));
            }
        }
        else
        {
            items.AddRange(ParseReturnItems(isWith));
        }

        var order = new List<SortItem>();
        if (AtKeywords("ORDER", "BY"))
        {
            pos += 2;
            do
            {
                var startToken = Current;
                var expression = ParseExpression();
                var endToken = tokens[pos - 1];
                var sortText = text[startToken.Offset..(endToken.Offset + endToken.Length)];
                var descending = false;
                if (TryKeyword("DESC") || TryKeyword("DESCENDING"))
                {
                    descending = true;
                }
                else if (!TryKeyword("ASC"))
                {
                    TryKeyword("ASCENDING");
                }

                order.Add(new SortItem(expression, descending, sortText));
            }
            while (TrySymbol(","));
        }

        Expr? skip = TryKeyword("SKIP") ? ParseExpression() : null;
        Expr? limit = TryKeyword("LIMIT") ? ParseExpression() : null;
        return new Projection(start, distinct, star, items, order, skip, limit) { IsWith = isWith };
    }

    // A missing alias in WITH is reported by the semantic pass, after the errors Neo4j reports first.
    private List<ReturnItem> ParseReturnItems(bool isWith)
    {
        var items = new List<ReturnItem>();
        do
        {
            var startToken = Current;
            var expression = ParseExpression();
            var endToken = tokens[pos - 1];
            var itemText = text[startToken.Offset..(endToken.Offset + endToken.Length)];
            string? alias = null;
            if (TryKeyword("AS"))
            {
                alias = ExpectVariable();
            }

            items.Add(new ReturnItem(expression, alias, expression is VariableExpr v ? v.Name : itemText));
        }
        while (TrySymbol(","));
        return items;
    }

    private static long ParseInteger(string digits, int offset, Parser parser, bool negative)
    {
        var s = digits.Replace("_", "", StringComparison.Ordinal);
        try
        {
            if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                var hex = s[2..];
                if (hex.Length == 0 || !hex.All(Uri.IsHexDigit))
                {
                    throw parser.Error("InvalidNumberLiteral", "Invalid hexadecimal literal", offset);
                }

                var u = System.Numerics.BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (negative)
                {
                    u = -u;
                }

                if (u > long.MaxValue || u < long.MinValue)
                {
                    throw parser.Error("IntegerOverflow", "Integer literal too large", offset);
                }

                return (long)u;
            }

            if (s.StartsWith("0o", StringComparison.OrdinalIgnoreCase) || (s.Length > 1 && s[0] == '0'))
            {
                var oct = s.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? s[2..] : s[1..];
                if (oct.Length == 0 || !oct.All(c => c is >= '0' and <= '7'))
                {
                    throw parser.Error("InvalidNumberLiteral", "Invalid octal literal", offset);
                }

                System.Numerics.BigInteger value = 0;
                foreach (var c in oct)
                {
                    value = (value * 8) + (c - '0');
                }

                if (negative)
                {
                    value = -value;
                }

                if (value > long.MaxValue || value < long.MinValue)
                {
                    throw parser.Error("IntegerOverflow", "Integer literal too large", offset);
                }

                return (long)value;
            }

            if (!s.All(char.IsDigit))
            {
                throw parser.Error("InvalidNumberLiteral", "Invalid number literal", offset);
            }

            var big = System.Numerics.BigInteger.Parse(s, CultureInfo.InvariantCulture);
            if (negative)
            {
                big = -big;
            }

            if (big > long.MaxValue || big < long.MinValue)
            {
                throw parser.Error("IntegerOverflow", "Integer literal too large", offset);
            }

            return (long)big;
        }
        catch (FormatException)
        {
            throw parser.Error("InvalidNumberLiteral", "Invalid number literal", offset);
        }
    }
}
